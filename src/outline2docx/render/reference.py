"""Pouring a rendered document into an organization's template (``--reference-doc``).

The template gives the page setup, its styles, its headers and footers (a first-page
letterhead included) and everything else in its package; the rendered document gives the
body, the styles the template lacks, its pictures, and its page numbers when the template
has no footers of its own. Templates are untrusted: read/package.py checks them first.
"""

from __future__ import annotations

import copy
import functools
import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from outline2docx.namespaces import CT_NS, R_NS, RELS_NS, W
from outline2docx.read.package import Package, main_document, open_package

FOOTER_TYPE = f"{R_NS}/footer"
IMAGE_TYPE = f"{R_NS}/image"
STYLES_TYPE = f"{R_NS}/styles"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
STYLES_CONTENT_TYPE = f"{WML}.styles+xml"
FOOTER_CONTENT_TYPE = f"{WML}.footer+xml"


def check_template(path: Path) -> Package:
    """Open a template, refusing unsafe or broken ones (InputError, exit code 2)."""
    package = open_package(path)
    document = package.xml(main_document(package))
    if document.find(f"{W}body/{W}sectPr") is None:
        from outline2docx.errors import InputError

        raise InputError(str(path), "the template has no page setup (no final w:sectPr)")
    return package


@functools.lru_cache(maxsize=4)
def _checked_template(path: str, modified: int) -> Package:
    """A template opened and checked once per process (a batch pours many documents into it);
    ``modified`` makes a changed file a new entry."""
    return check_template(Path(path))


def apply_reference(rendered: bytes, template_path: Path) -> bytes:
    """The rendered .docx poured into the template: the template's look, the document's text."""
    template = _checked_template(str(template_path), template_path.stat().st_mtime_ns)
    ours = open_package(rendered, "<rendered>")
    template_main = main_document(template)
    folder = posixpath.dirname(template_main)
    parts = {name: template.read(name) for name in template.names()}
    types = etree.fromstring(parts["[Content_Types].xml"])
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(template_main) + ".rels")
    rels = (
        etree.fromstring(parts[rels_name])
        if rels_name in parts
        else etree.Element(f"{{{RELS_NS}}}Relationships")
    )

    document = template.xml(template_main)
    body = document.find(f"{W}body")
    section = body.find(f"{W}sectPr")
    our_body = ours.xml("word/document.xml").find(f"{W}body")
    our_last = our_body.find(f"{W}sectPr")
    our_inner = our_body.find(f"{W}p/{W}pPr/{W}sectPr")  # the text's, when an imprint follows
    our_text_section = our_inner if our_inner is not None else our_last
    if not section.findall(f"{W}footerReference"):
        _adopt_footers(ours, our_text_section, section, parts, types, rels, folder)
    for child in list(body):
        body.remove(child)
    for child in our_body:
        if child is not our_last:
            body.append(copy.deepcopy(child))
    if our_inner is None:
        body.append(section)
    else:
        # The text keeps the template's setup; the imprint's page, which starts on an even
        # page, takes the same setup with our footers (imprint over page number) and no
        # first-page letterhead.
        body.find(f"{W}p/{W}pPr/{W}sectPr").getparent().replace(
            body.find(f"{W}p/{W}pPr/{W}sectPr"), copy.deepcopy(section)
        )
        imprint = copy.deepcopy(section)
        for old in imprint.findall(f"{W}footerReference") + imprint.findall(f"{W}titlePg"):
            imprint.remove(old)
        _adopt_footers(ours, our_last, imprint, parts, types, rels, folder)
        imprint.insert(
            len(imprint.findall(f"{W}headerReference"))
            + len(imprint.findall(f"{W}footerReference")),
            copy.deepcopy(our_last.find(f"{W}type")),
        )
        body.append(imprint)
    for each in body.iter(f"{W}sectPr"):
        _mirror_default_to_even(each)
    parts[template_main] = _xml(document)

    _adopt_pictures(ours, parts, types, rels, folder)
    _merge_styles(template, template_main, ours, parts, types, rels, folder)
    parts[rels_name] = _xml(rels)
    parts["[Content_Types].xml"] = _xml(types)
    parts["docProps/app.xml"] = ours.read("docProps/app.xml")  # marks the file as ours
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def _merge_styles(template: Package, main: str, ours: Package, parts, types, rels, folder) -> None:
    """The template's styles, plus those of ours it lacks (its own definitions win)."""
    our_styles = ours.xml("word/styles.xml")
    name = next(
        (
            target
            for reltype, target, _ in template.relationships(main).values()
            if reltype == STYLES_TYPE
        ),
        None,
    )
    if name is None:  # a template without styles: ours, as a new part
        name = _free_name(parts, posixpath.join(folder, "styles.xml"))
        _relate(
            rels,
            "rIdO2DStyles",
            STYLES_TYPE,
            posixpath.relpath(name, folder),
            {rel.get("Id") for rel in rels},
        )
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + name)
        override.set("ContentType", STYLES_CONTENT_TYPE)
        parts[name] = _xml(our_styles)
        return
    styles = template.xml(name)
    present = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
    for style in our_styles.iter(f"{W}style"):
        if style.get(f"{W}styleId") not in present:
            styles.append(copy.deepcopy(style))
    parts[name] = _xml(styles)


def _adopt_pictures(ours: Package, parts, types, rels, folder: str) -> None:
    taken = {rel.get("Id") for rel in rels}
    for rel_id, (reltype, target, _) in ours.relationships("word/document.xml").items():
        if reltype != IMAGE_TYPE:
            continue
        name = _free_name(parts, target)
        parts[name] = ours.read(target)
        _relate(rels, rel_id, reltype, posixpath.relpath(name, folder), taken)
        _declare_default(types, name.rsplit(".", 1)[1], ours)


def _adopt_footers(ours: Package, our_section, section, parts, types, rels, folder: str) -> None:
    """Bring our footers (page numbers, or imprint and page number), and odd/even pages."""
    taken = {rel.get("Id") for rel in rels}
    our_rels = ours.relationships("word/document.xml")
    for reference in reversed(our_section.findall(f"{W}footerReference")):
        rel_id = reference.get(f"{{{R_NS}}}id")
        _, target, _ = our_rels[rel_id]
        name = _free_name(parts, target)
        parts[name] = ours.read(target)
        new_id = _relate(
            rels, f"rIdO2D{rel_id}", FOOTER_TYPE, posixpath.relpath(name, folder), taken
        )
        copied = copy.deepcopy(reference)
        copied.set(f"{{{R_NS}}}id", new_id)
        section.insert(0, copied)
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + name)
        override.set("ContentType", FOOTER_CONTENT_TYPE)
    if our_section.find(f"{W}footerReference[@{W}type='even']") is None:
        return
    settings_name = posixpath.join(folder, "settings.xml")
    if settings_name in parts:
        settings = etree.fromstring(parts[settings_name])
        if settings.find(f"{W}evenAndOddHeaders") is None:
            before = [
                i
                for i, child in enumerate(settings)
                if isinstance(child.tag, str)
                and etree.QName(child).localname in _BEFORE_EVEN_AND_ODD
            ]
            position = before[-1] + 1 if before else 0
            settings.insert(position, etree.Element(f"{W}evenAndOddHeaders"))
            parts[settings_name] = _xml(settings)


# The children of w:settings that the schema (CT_Settings) puts before w:evenAndOddHeaders:
# Word refuses a settings part whose children are out of that order.
_BEFORE_EVEN_AND_ODD = frozenset(
    [
        "writeProtection",
        "view",
        "zoom",
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "hideSpellingErrors",
        "hideGrammaticalErrors",
        "activeWritingStyle",
        "proofState",
        "formsDesign",
        "attachedTemplate",
        "linkStyles",
        "stylePaneFormatFilter",
        "stylePaneSortMethod",
        "documentType",
        "mailMerge",
        "revisionView",
        "trackRevisions",
        "doNotTrackMoves",
        "doNotTrackFormatting",
        "documentProtection",
        "autoFormatOverride",
        "styleLockTheme",
        "styleLockQFSet",
        "defaultTabStop",
        "autoHyphenation",
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
    ]
)


def _mirror_default_to_even(section) -> None:
    """Where odd and even pages may differ, an even page shows the default header or footer
    unless the template gave it one of its own."""
    for kind in ("headerReference", "footerReference"):
        refs = {r.get(f"{W}type"): r for r in section.findall(f"{W}{kind}")}
        if "default" in refs and "even" not in refs:
            even = copy.deepcopy(refs["default"])
            even.set(f"{W}type", "even")
            refs["default"].addnext(even)


def _relate(rels, wanted_id: str, reltype: str, target: str, taken: set[str]) -> str:
    rel_id, n = wanted_id, 1
    while rel_id in taken:
        n += 1
        rel_id = f"{wanted_id}_{n}"
    taken.add(rel_id)
    rel = etree.SubElement(rels, f"{{{RELS_NS}}}Relationship")
    rel.set("Id", rel_id)
    rel.set("Type", reltype)
    rel.set("Target", target)
    return rel_id


def _free_name(parts: dict, wanted: str) -> str:
    stem, dot, suffix = wanted.rpartition(".")
    name, n = wanted, 1
    while name in parts:
        n += 1
        name = f"{stem}_o2d{n}{dot}{suffix}"
    return name


def _declare_default(types, extension: str, ours: Package) -> None:
    if any(
        d.get("Extension", "").lower() == extension.lower()
        for d in types.iter(f"{{{CT_NS}}}Default")
    ):
        return
    ours_types = ours.xml("[Content_Types].xml")
    for default in ours_types.iter(f"{{{CT_NS}}}Default"):
        if default.get("Extension") == extension:
            types.insert(0, copy.deepcopy(default))
            return


def _xml(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
