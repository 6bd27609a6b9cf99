"""What of an untrusted template may be carried into documents, checked once when it is loaded.

A template is copied into every document written with it, so whatever Word runs or fetches by
itself when a document opens must not come along: macros and other code, and everything that
reaches out of the file (an attached template on a server, pictures fetched from the network,
imported chunks, subdocuments, OLE links, frames, mail-merge queries, DDE and INCLUDE fields).
These are dropped with a notice, and every reference to them goes too: no relationship,
content type or r:id in the output names a dropped part. Where a dropped relationship is used
by an element we cannot remove without breaking the document, the template is refused.

Every part that is carried is parsed here, so a broken template stops the run before the
first input is converted, not once per input.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from outline2docx.errors import InputError
from outline2docx.i18n import N_, _
from outline2docx.namespaces import CT_NS, R_NS, RELS_NS, W
from outline2docx.read.package import Package, resolve_part
from outline2docx.render.opc import CONTENT_TYPES, Relationship, Relationships, rels_part_name

_MS = "http://schemas.microsoft.com/office"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Relationship types never carried, whatever their target: code, and what Word fetches,
# imports or runs by itself when the document opens.
DROPPED_RELATIONSHIPS = {
    f"{_MS}/2006/relationships/vbaProject": N_("macros"),
    f"{_MS}/2006/relationships/wordVbaData": N_("macros"),
    f"{_MS}/2006/relationships/keyMapCustomizations": N_("macro key bindings"),
    f"{_MS}/2006/relationships/attachedToolbars": N_("macro toolbars"),
    f"{_MS}/2006/relationships/ui/extensibility": N_("a ribbon customization (calls macros)"),
    f"{_MS}/2007/relationships/ui/extensibility": N_("a ribbon customization (calls macros)"),
    f"{R_NS}/control": N_("ActiveX controls"),
    f"{R_NS}/attachedTemplate": N_("an attached template (fetched when the document opens)"),
    f"{R_NS}/aFChunk": N_("altChunk imports"),
    f"{R_NS}/subDocument": N_("subdocuments"),
    f"{R_NS}/oleObject": N_("OLE objects (the picture shown for them stays)"),
    f"{R_NS}/package": N_("embedded packages"),
    f"{R_NS}/frame": N_("frames (fetched when the document opens)"),
    f"{R_NS}/mailMergeSource": N_("a mail-merge data source"),
    f"{R_NS}/mailMergeHeaderSource": N_("a mail-merge data source"),
    f"{R_NS}/recipientData": N_("mail-merge recipients"),
    f"{_PACKAGE_RELS}/digital-signature/origin": N_("digital signatures (void once changed)"),
}
# What Word fetches by itself from an external target, where a kind deserves its own words.
EXTERNAL_CONTENT = {f"{R_NS}/image": N_("pictures fetched from outside the file when it opens")}
HYPERLINK = f"{R_NS}/hyperlink"
# An external hyperlink is the reader's to follow; other schemes (file:, \\server\share) reach
# local files or hand the user's network credentials to a server.
SAFE_LINK_SCHEMES = {"http", "https", "mailto"}
# Content types of code: a part of one of these is never carried, however it is related.
CODE_CONTENT_TYPES = ("vba", "activex", "keymapcustomizations", "toolbars")
# Main document content types of Word's other kinds of file: written as a plain document.
WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}

_V = "{urn:schemas-microsoft-com:vml}"
_O = "{urn:schemas-microsoft-com:office:office}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
# What goes with a dropped relationship, by the element that names it (r:id, r:link, ...):
# the element itself, where it is only the dropped thing ...
REMOVE_ELEMENT = {
    f"{W}{name}"
    for name in (
        "altChunk",
        "subDoc",
        "attachedTemplate",
        "control",
        "objectEmbed",
        "objectLink",
        "movie",
        "headerReference",
        "footerReference",
        "sourceFileName",
        "dataSource",
        "headerSource",
        "src",
        "embedRegular",
        "embedBold",
        "embedItalic",
        "embedBoldItalic",
        "printerSettings",
    )
} | {f"{_O}OLEObject", f"{_C}externalData", f"{_C}userShapes"}
# ... or only the attribute, where the element stands without it (a picture keeps its shape).
REMOVE_ATTRIBUTE = {
    f"{_A}blip",
    f"{_A}hlinkClick",
    f"{_A}hlinkHover",
    f"{_V}imagedata",
    f"{_V}fill",
    f"{W}hyperlink",
}
# Elements dropped wherever they stand: they act by themselves when the document opens.
SCRUBBED_ELEMENTS = {f"{W}mailMerge": N_("mail-merge settings (query a data source when opened)")}
# Fields Word updates from outside the document, or with a program (DDE): their instruction
# goes, the text they last showed stays.
FETCHING_FIELDS = {"DDE", "DDEAUTO", "INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK"}


@dataclass(frozen=True, slots=True)
class SafeTemplate:
    """The parts of a template that may be carried, and what was dropped from it."""

    parts: dict[str, bytes]  # every carried part by name; none refers to a dropped one
    trees: dict[str, etree._Element]  # the carried XML parts, parsed (and cleaned)
    relationships: dict[str, list[Relationship]]  # the kept ones, by source part ("" = package)
    notices: tuple[str, ...]  # one warning line per kind of thing dropped


class _Dropped:
    """What was dropped, by kind, for the notices."""

    def __init__(self) -> None:
        self.items: dict[str, dict[str, None]] = defaultdict(dict)  # kind -> details, in order

    def add(self, what: str, detail: str) -> None:
        """Note that ``detail`` (a part or a target) was dropped as ``what`` (translated)."""
        self.items[what][detail] = None

    def notices(self, label: str) -> tuple[str, ...]:
        """One warning line per kind, naming the first few things dropped."""
        found = []
        notice = _("{file}: warning: dropped from the template: {what}: {details}")
        for what, details in self.items.items():
            found.append(notice.format(file=label, what=what, details=_first_few(list(details))))
        return tuple(found)


def _first_few(named: list[str]) -> str:
    """The first three of ``named``, and how many more there are."""
    shown = _(", ").join(named[:3])
    if len(named) <= 3:
        return shown
    return _("{first} and {count} more").format(first=shown, count=len(named) - 3)


def safe_template(package: Package, main: str) -> SafeTemplate:
    """The parts of ``package`` that may be carried; InputError if it cannot be made safe."""
    types = _ContentTypes(package)
    dropped = _Dropped()
    kept, dropped_ids, gone_with = _walk_relationships(package, types, dropped)
    carried = sorted(name for name in kept if name)
    for name in package.names():
        if name not in kept and not _is_packaging(name):
            why = _("macros") if types.is_code(name) else _("parts nothing refers to")
            dropped.add(gone_with.get(name, why), name)
    parts, trees = {}, {}
    for name in carried:
        if types.of(name) is None:
            problem = _("part {part} has no content type: not a Word file").format(part=name)
            raise InputError(package.label, problem)
        parts[name] = package.read(name)
        if types.is_xml(name):
            tree = package.xml(name)  # a broken part stops the run here, once
            if _clean(tree, name, dropped_ids.get(name, {}), dropped, package.label):
                parts[name] = _xml(tree)
            trees[name] = tree
    for source, rels in kept.items():
        if rels:
            parts[rels_part_name(source)] = Relationships(source, rels).xml().encode("utf-8")
    parts[CONTENT_TYPES] = types.xml(carried, main, dropped)
    return SafeTemplate(parts, trees, kept, dropped.notices(package.label))


def _walk_relationships(
    package: Package, types: _ContentTypes, dropped: _Dropped
) -> tuple[dict[str, list[Relationship]], dict[str, dict[str, str]], dict[str, str]]:
    """The relationships kept, by every part they reach; the ids dropped, by source part; and
    why each part a dropped relationship reached was dropped."""
    names = {name.lower(): name for name in package.names()}
    kept: dict[str, list[Relationship]] = {}
    dropped_ids: dict[str, dict[str, str]] = defaultdict(dict)
    gone_with: dict[str, str] = {}
    waiting = [""]
    while waiting:
        source = waiting.pop()
        if source in kept:
            continue
        kept[source] = []
        for rel in _relationships(package, source):
            target = _target(rel, source, names, package.label)
            why = _why_dropped(rel, target, types)
            if why is None:
                kept[source].append(rel)
                waiting += [target] if target is not None else []
                continue
            dropped.add(why, target or rel.target)
            dropped_ids[source][rel.rel_id] = why
            if target is not None:
                gone_with.setdefault(target, why)
    return kept, dropped_ids, gone_with


def _target(rel: Relationship, source: str, names: dict[str, str], label: str) -> str | None:
    """The part an internal relationship reaches, as the package spells it; None if none."""
    if rel.external:
        return None
    name = resolve_part(posixpath.dirname(source), rel.target, label).lower()
    return names.get(name) or names.get(unquote(name))  # part names may be %-encoded


def _why_dropped(rel: Relationship, target: str | None, types: _ContentTypes) -> str | None:
    """What ``rel`` would bring that may not come along (in the user's language); None if
    it may."""
    if rel.reltype in DROPPED_RELATIONSHIPS:
        return _(DROPPED_RELATIONSHIPS[rel.reltype])
    if rel.external:
        if rel.reltype == HYPERLINK:
            return (
                None if _is_safe_link(rel.target) else _("links to local files or network shares")
            )
        if rel.reltype in EXTERNAL_CONTENT:
            return _(EXTERNAL_CONTENT[rel.reltype])
        kind = rel.reltype.rsplit("/", 1)[-1]
        return _("external {kind} fetched when the file opens").format(kind=kind)
    if target is None:
        return _("relationships to parts the template lacks")
    if types.is_code(target):
        return _("macros")
    return None


def _is_safe_link(target: str) -> bool:
    if target.startswith(("\\\\", "//")):  # \\server\share: a network share
        return False
    try:
        return urlsplit(target).scheme.lower() in SAFE_LINK_SCHEMES
    except ValueError:
        return False


def _relationships(package: Package, source: str) -> list[Relationship]:
    """The relationships of part ``source`` as written, parsed safely."""
    name = rels_part_name(source)
    if not package.has(name):
        return []
    found = [
        Relationship(
            rel.get("Id", ""),
            rel.get("Type", ""),
            rel.get("Target", ""),
            rel.get("TargetMode") == "External",
        )
        for rel in package.xml(name).iter(f"{{{RELS_NS}}}Relationship")
    ]
    if len({rel.rel_id for rel in found}) != len(found):
        problem = _("part {part} gives two relationships the same id").format(part=name)
        raise InputError(package.label, problem)
    return found


def _is_packaging(name: str) -> bool:
    """True for the parts that hold the package together (their sources decide their fate)."""
    rels = name.endswith(".rels") and posixpath.basename(posixpath.dirname(name)) == "_rels"
    return rels or name == CONTENT_TYPES or name.endswith("/")


def _clean(
    tree: etree._Element, part: str, ids: dict[str, str], dropped: _Dropped, label: str
) -> bool:
    """Remove from ``tree`` what uses the dropped relationships ``ids`` and what acts by
    itself when the document opens; True if anything changed."""
    changed = _remove_references(tree, part, ids, label)
    for tag, what in SCRUBBED_ELEMENTS.items():
        for element in list(tree.iter(tag)):
            element.getparent().remove(element)
            dropped.add(_(what), part)
            changed = True
    if _fetching_fields(tree):
        dropped.add(_("fields that fetch or run something (DDE, INCLUDEPICTURE, ...)"), part)
        changed = True
    return changed


def _remove_references(tree: etree._Element, part: str, ids: dict[str, str], label: str) -> bool:
    """Drop every use of the relationship ``ids`` by the table above; refuse an unknown one."""
    if not ids:
        return False
    uses = [
        (element, attribute)
        for element in tree.iter()
        for attribute, value in element.attrib.items()
        if attribute.startswith(f"{{{R_NS}}}") and value in ids
    ]
    for element, attribute in uses:
        if element.tag in REMOVE_ELEMENT:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
        elif element.tag in REMOVE_ATTRIBUTE:
            del element.attrib[attribute]
        else:
            name = etree.QName(element).localname
            problem = _(
                "part {part}: <{element}> uses {what}, which a template may not carry, "
                "and cannot go without it: template refused"
            )
            what = ids[element.get(attribute)]
            raise InputError(label, problem.format(part=part, element=name, what=what))
    return bool(uses)


def _fetching_fields(tree: etree._Element) -> list[str]:
    """Blank the instruction of every field that fetches or runs something; their names."""
    found = []
    for simple in list(tree.iter(f"{W}fldSimple")):
        if _field_name(simple.get(f"{W}instr", "")) in FETCHING_FIELDS:
            found.append(simple.get(f"{W}instr", ""))
            parent = simple.getparent()
            for child in list(simple.iterchildren(f"{W}fldData")):  # its own data goes
                simple.remove(child)
            for child in list(simple):  # the field's last result stays, as plain runs
                simple.addprevious(child)
            parent.remove(simple)
    open_fields: list[_Field] = []
    for element in tree.iter(f"{W}fldChar", f"{W}instrText"):
        field = open_fields[-1] if open_fields else None
        if element.tag == f"{W}instrText":
            if field is not None:
                field.instructions.append(element)
            continue
        kind = element.get(f"{W}fldCharType")
        if kind == "begin":
            if field is not None and not field.done and not field.text().strip():
                field.computed_name = True  # its name comes from a nested field
            open_fields.append(_Field())
        elif field is not None and kind in ("separate", "end"):
            if not field.done and field.fetches():
                found.append(field.text())
                for instruction in field.instructions:
                    instruction.text = ""
            field.done = True  # what follows "separate" is the field's result
            if kind == "end":
                open_fields.pop()
    return found


class _Field:
    """A complex field being read: its instruction so far, until its result begins."""

    def __init__(self) -> None:
        self.instructions: list[etree._Element] = []
        self.computed_name = False
        self.done = False

    def text(self) -> str:
        """The instruction read so far."""
        return "".join(i.text or "" for i in self.instructions)

    def fetches(self) -> bool:
        """True for a field that fetches or runs something, or hides its name in a nested one."""
        return self.computed_name or _field_name(self.text()) in FETCHING_FIELDS


def _field_name(instruction: str) -> str:
    words = instruction.split(maxsplit=1)
    return words[0].upper() if words else ""


class _ContentTypes:
    """The template's [Content_Types].xml: each part's content type, and the one we write."""

    def __init__(self, package: Package) -> None:
        if not package.has(CONTENT_TYPES):
            raise InputError(package.label, _("not a Word document: no [Content_Types].xml"))
        root = package.xml(CONTENT_TYPES)
        self.defaults = {
            d.get("Extension", "").lower(): d.get("ContentType", "")
            for d in root.iter(f"{{{CT_NS}}}Default")
        }
        self.overrides = {
            o.get("PartName", "").lstrip("/").lower(): o.get("ContentType", "")
            for o in root.iter(f"{{{CT_NS}}}Override")
        }

    def of(self, name: str) -> str | None:
        """The content type of part ``name``; None if the package gives it none."""
        extension = posixpath.basename(name).rpartition(".")[2].lower()
        return self.overrides.get(name.lower()) or self.defaults.get(extension)

    def is_code(self, name: str) -> bool:
        """True for a part of macros or other code."""
        kind = (self.of(name) or "").lower()
        stem = posixpath.basename(name).lower()
        return any(code in kind for code in CODE_CONTENT_TYPES) or stem.startswith("vbaproject")

    def is_xml(self, name: str) -> bool:
        """True for a part of XML."""
        kind = self.of(name) or ""
        return kind.endswith("xml") or name.lower().endswith((".xml", ".rels"))

    def xml(self, carried: list[str], main: str, dropped: _Dropped) -> bytes:
        """The content types of the ``carried`` parts, ``main`` a plain Word document."""
        root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
        for extension, kind in self.defaults.items():
            if not any(code in kind.lower() for code in CODE_CONTENT_TYPES):
                etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=extension, ContentType=kind)
        for name in carried:
            kind = self.overrides.get(name.lower())
            if name == main and kind in WORD_MAIN_TYPES:
                if "macroEnabled" in kind:
                    what = _("a macro-enabled document type (written as a plain .docx)")
                    dropped.add(what, main)
                kind = DOCUMENT_MAIN
            if kind:
                etree.SubElement(
                    root, f"{{{CT_NS}}}Override", PartName=f"/{name}", ContentType=kind
                )
        return _xml(root)


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
