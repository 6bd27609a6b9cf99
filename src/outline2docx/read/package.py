"""Opening Word packages that come from elsewhere, and refusing the dangerous ones.

Input .docx files and organization templates are untrusted. Before anything is parsed:
uncompressed sizes are checked against limits (a zip bomb claims little and expands to
gigabytes), part names must stay inside the package, and XML that declares a DTD or entities
is refused (an external entity can read local files or reach the network).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from outline2docx.errors import InputError
from outline2docx.namespaces import RELS_NS

MAX_PART_BYTES = 256 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # the whole package, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_PARTS = 10_000
_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


@dataclass
class Package:
    """The parts of a checked package, read on demand."""

    label: str
    archive: zipfile.ZipFile

    def names(self) -> list[str]:
        """Every part name in the package."""
        return self.archive.namelist()

    def has(self, name: str) -> bool:
        """True if the package holds part ``name``."""
        return name in self.archive.NameToInfo

    def read(self, name: str) -> bytes:
        """The bytes of part ``name``."""
        return self.archive.read(name)

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed as XML, refusing DTDs and entities."""
        data = self.read(name)
        if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data:
            raise InputError(
                self.label,
                f"part {name} declares a DTD or entities: refused, "
                "since external entities can read local files",
            )
        try:
            return etree.fromstring(data, _SAFE_PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError(self.label, f"part {name} is not well-formed XML: {exc}") from None

    def relationships(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationships of ``part``: id -> (type, target part name or URL, target mode)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        found = {}
        for rel in self.xml(rels_name).iter(f"{{{RELS_NS}}}Relationship"):
            mode = rel.get("TargetMode", "Internal")
            target = rel.get("Target", "")
            if mode != "External":
                target = resolve_part(folder, target, self.label)
            found[rel.get("Id")] = (rel.get("Type", ""), target, mode)
        return found


def resolve_part(folder: str, target: str, label: str) -> str:
    """The part name a relationship target points at; InputError if it leaves the package."""
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    name = posixpath.normpath(joined)
    if name.startswith("../") or name == ".." or posixpath.isabs(name):
        raise InputError(label, f"a relationship points outside the package: {target!r}")
    return name


def open_package(source: Path | bytes, label: str | None = None) -> Package:
    """Open and check a .docx (or .dotx) package; InputError (exit code 2) if it is unsafe."""
    label = label or (str(source) if isinstance(source, Path) else "<docx>")
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except FileNotFoundError:
        raise InputError(label, "no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(label, f"not a Word document (.docx): {exc}") from None
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise InputError(label, f"holds {len(infos)} parts: refused (more than {MAX_PARTS})")
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith("/") or "\\" in name or ".." in name.split("/") or ":" in name:
            raise InputError(label, f"part name {name!r} points outside the package: refused")
        if info.file_size > MAX_PART_BYTES:
            raise InputError(
                label, f"part {name} would expand to {info.file_size} bytes: refused as a zip bomb"
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                label,
                f"part {name} expands {info.file_size // max(info.compress_size, 1)}"
                " times: refused as a zip bomb",
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise InputError(label, f"would expand to {total} bytes: refused as a zip bomb")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                head = part.read(4096)  # a DTD can only come before the root element
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise InputError(
                    label,
                    f"part {info.filename} declares a DTD or entities: "
                    "refused, since external entities can read local files",
                )
    package = Package(label, archive)
    if not package.has("[Content_Types].xml") or main_document(package) is None:
        raise InputError(label, "not a Word document: no main document part")
    return package


OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)


def main_document(package: Package) -> str | None:
    """The part name of the package's main document (normally word/document.xml)."""
    for reltype, target, _ in package.relationships("").values():
        if reltype == OFFICE_DOCUMENT:
            return target if package.has(target) else None
    return None
