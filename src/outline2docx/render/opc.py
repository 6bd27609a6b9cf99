"""A small Open Packaging Conventions layer (ECMA-376 Part 2): parts, content types, relationships.

Like python-docx's OpcPackage, a package holds parts by name with their content types, and a
source part's relationships hand out the ids (``relate``): no relationship id is known by its
position. Parts stay text or bytes and the .rels and [Content_Types].xml parts are written as
text, so a package written from scratch costs no XML parsing; a package started from a
template parses only the relationship parts it adds to, when it first does.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from outline2docx.namespaces import CT_NS, R_NS, RELS_NS
from outline2docx.render.ooxml import escape

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = "[Content_Types].xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"
IMAGE_REL = f"{R_NS}/image"
IMAGE_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "tif": "image/tiff",
}
_BASE_DEFAULTS = {"rels": CT_RELS, "xml": "application/xml"}


@dataclass(slots=True)
class Relationship:
    """One relationship: its id, type, and target as written (relative to the source's folder)."""

    rel_id: str
    reltype: str
    target: str
    external: bool = False


class Relationships:
    """The relationships of one source part, handing out ids no other of them holds."""

    def __init__(self, source: str, items: list[Relationship] | None = None) -> None:
        self.source = source
        self.items = items or []
        self._taken = {rel.rel_id for rel in self.items}

    def add(self, reltype: str, target: str, external: bool = False) -> str:
        """Relate the source to ``target`` (a part name, or a URL when external); its new id."""
        n = len(self.items) + 1
        while f"rId{n}" in self._taken:  # the next free rIdN, as python-docx hands out
            n += 1
        rel_id = f"rId{n}"
        self._taken.add(rel_id)
        written = target if external else relative_target(self.source, target)
        self.items.append(Relationship(rel_id, reltype, written, external))
        return rel_id

    def target_of(self, reltype: str) -> str | None:
        """The part name the first internal relationship of ``reltype`` points at."""
        folder = posixpath.dirname(self.source)
        for rel in self.items:
            if rel.reltype == reltype and not rel.external:
                return resolve_target(folder, rel.target)
        return None

    def xml(self) -> str:
        """The .rels part."""
        rels = "".join(
            f'<Relationship Id="{escape(r.rel_id)}" Type="{escape(r.reltype)}" '
            f'Target="{escape(r.target)}"{_mode(r)}/>'
            for r in self.items
        )
        return f'{XML_DECLARATION}<Relationships xmlns="{RELS_NS}">{rels}</Relationships>'


class OpcPackage:
    """Parts with their content types and relationships, written as one zip."""

    def __init__(self) -> None:
        self._parts: dict[str, bytes | str] = {}
        self._stored: set[str] = set()  # already compressed (pictures): zipped as they are
        self._defaults: dict[str, str] = dict(_BASE_DEFAULTS)  # extension -> content type
        self._overrides: dict[str, str] = {}  # part name -> content type
        self._rels: dict[str, Relationships] = {}  # source part ("" for the package) -> rels
        self._media_stems: set[str] | None = None
        self._next_image = 1

    @classmethod
    def from_parts(cls, parts: dict[str, bytes]) -> OpcPackage:
        """A package holding ``parts`` (checked ones: see read/package.py), to add to."""
        package = cls()
        package._parts = {n: d for n, d in parts.items() if n != CONTENT_TYPES}
        package._defaults, package._overrides = _read_content_types(parts[CONTENT_TYPES])
        return package

    def has(self, name: str) -> bool:
        """True if the package holds part ``name`` (part names ignore case)."""
        return name in self._parts or name.lower() in {n.lower() for n in self._parts}

    def part(self, name: str) -> bytes | str:
        """The content of part ``name``."""
        return self._parts[name]

    def add_part(
        self, name: str, data: bytes | str, content_type: str | None = None, stored: bool = False
    ) -> str:
        """Add (or replace) part ``name``, with its content type where no default gives it."""
        self._parts[name] = data
        if stored:
            self._stored.add(name)
        if content_type and self._defaults.get(_extension(name)) != content_type:
            self._overrides[name] = content_type
        return name

    def free_name(self, pattern: str) -> str:
        """The first name ``pattern`` (with ``{n}``) gives for n = 1, 2, … that no part holds."""
        taken = {n.lower() for n in self._parts}
        n = 1
        while pattern.format(n=n).lower() in taken:
            n += 1
        return pattern.format(n=n)

    def relationships(self, source: str) -> Relationships:
        """The relationships of part ``source`` ("" for the package's own)."""
        if source not in self._rels:
            rels_name = rels_part_name(source)
            stored = self._parts.pop(rels_name, None)
            items = _read_relationships(stored) if stored is not None else []
            self._rels[source] = Relationships(source, items)
        return self._rels[source]

    def relate(self, source: str, reltype: str, target: str, external: bool = False) -> str:
        """Relate part ``source`` to ``target``; the new relationship's id."""
        return self.relationships(source).add(reltype, target, external)

    def related(self, source: str, reltype: str) -> str | None:
        """The part that ``source``'s first relationship of ``reltype`` points at, if held."""
        target = self.relationships(source).target_of(reltype)
        return target if target is not None and self.has(target) else None

    def add_media(self, source: str, data: bytes, extension: str) -> str:
        """Store a picture as word/media/imageN.ext related from ``source``: the relationship id."""
        if self._media_stems is None:  # numbered past the template's own pictures
            self._media_stems = {n.rsplit(".", 1)[0].lower() for n in self._parts}
        n = self._next_image
        while f"word/media/image{n}" in self._media_stems:
            n += 1
        self._next_image = n + 1
        name = self.add_part(f"word/media/image{n}.{extension}", data, stored=True)
        if not any(e.lower() == extension.lower() for e in self._defaults):
            self._defaults[extension] = IMAGE_TYPES[extension.lower()]
        return self.relate(source, IMAGE_REL, name)

    def to_bytes(self, compresslevel: int = 6) -> bytes:
        """The package as a .docx zip: content types first, then the parts and their .rels."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
            zf.writestr(CONTENT_TYPES, self._content_types().encode("utf-8"))
            for source, rels in self._rels.items():
                zf.writestr(rels_part_name(source), rels.xml().encode("utf-8"))
            for name, data in self._parts.items():
                raw = data.encode("utf-8") if isinstance(data, str) else data
                kind = zipfile.ZIP_STORED if name in self._stored else zipfile.ZIP_DEFLATED
                zf.writestr(name, raw, compress_type=kind)
        return out.getvalue()

    def _content_types(self) -> str:
        defaults = "".join(
            f'<Default Extension="{escape(e)}" ContentType="{escape(t)}"/>'
            for e, t in self._defaults.items()
        )
        overrides = "".join(
            f'<Override PartName="/{escape(n)}" ContentType="{escape(t)}"/>'
            for n, t in self._overrides.items()
            if self.has(n)
        )
        return f'{XML_DECLARATION}<Types xmlns="{CT_NS}">{defaults}{overrides}</Types>'


def rels_part_name(source: str) -> str:
    """The name of the part holding ``source``'s relationships ("" names the package)."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", base + ".rels")


def relative_target(source: str, target: str) -> str:
    """``target`` (a part name) as a relationship of ``source`` writes it."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def resolve_target(folder: str, target: str) -> str:
    """The part name a relationship target in ``folder`` names."""
    joined = target[1:] if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(joined)


def _mode(rel: Relationship) -> str:
    return ' TargetMode="External"' if rel.external else ""


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in posixpath.basename(name) else ""


def _read_content_types(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    from lxml import etree

    root = etree.fromstring(data)
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "")
        for d in root.iter(f"{{{CT_NS}}}Default")
    }
    overrides = {
        o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
        for o in root.iter(f"{{{CT_NS}}}Override")
    }
    return defaults, overrides


def _read_relationships(data: bytes | str) -> list[Relationship]:
    from lxml import etree

    root = etree.fromstring(data.encode("utf-8") if isinstance(data, str) else data)
    return [
        Relationship(
            rel.get("Id", ""),
            rel.get("Type", ""),
            rel.get("Target", ""),
            rel.get("TargetMode") == "External",
        )
        for rel in root.iter(f"{{{RELS_NS}}}Relationship")
    ]
