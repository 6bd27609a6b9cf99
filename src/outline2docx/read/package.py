"""Opening Word packages that come from elsewhere, and refusing the dangerous ones.

Input .docx files and organization templates are untrusted. Before anything is parsed:
uncompressed sizes are checked against limits (a zip bomb claims little and expands to
gigabytes), part names must stay inside the package, and XML that declares a DTD or entities
is refused (an external entity can read local files or reach the network).
"""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from outline2docx.errors import InputError
from outline2docx.i18n import N_, _
from outline2docx.namespaces import RELS_NS


@dataclass(frozen=True, slots=True)
class Limits:
    """What one untrusted package may cost; past any of these it is refused (exit code 2).

    Each is far beyond what a real document reaches (a 300-page report has, roughly, a
    document.xml of 2–5 MB, 300,000 XML nodes, 5,000 paragraphs, 300,000 characters), and
    small enough that anything accepted from a package of 10 MB converts in seconds and
    well under 1 GB.
    """

    part_bytes: int = 128 * 1024 * 1024  # one part, uncompressed (a picture, mostly)
    total_bytes: int = 256 * 1024 * 1024  # the whole package, uncompressed
    ratio: int = 200  # uncompressed / compressed, for parts over 1 MB
    parts: int = 10_000  # parts in the package
    xml_part_bytes: int = 64 * 1024 * 1024  # one XML part, uncompressed
    xml_nodes: int = 2_000_000  # elements and attributes of every XML part read, together
    paragraphs: int = 50_000  # paragraphs (table cells' included) and pictures read
    text_chars: int = 5_000_000  # characters of text read, list labels and notes included
    table_cells: int = 500_000  # grid cells (rows × columns) of every table, together
    grid_span: int = 1_000  # columns one cell may span; more is ignored (Word allows 63)
    picture_bytes: int = 256 * 1024 * 1024  # bytes of every picture shown, together
    list_start: int = 32_767  # a list's start value (Word's own maximum); more is ignored
    level_text_chars: int = 64  # a list level's label pattern (%1.%2.); longer is ignored
    style_chain: int = 64  # styles followed through w:basedOn; a longer chain is cut


LIMITS = Limits()

_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
# Reading a part can fail in any of these ways when the archive is damaged.
_DAMAGED = (
    zlib.error,
    zipfile.BadZipFile,
    EOFError,
    NotImplementedError,  # a compression method zipfile lacks
    RuntimeError,  # encrypted
    OSError,
    ValueError,  # offsets that point before the archive: "negative seek value"
)


@dataclass
class Package:
    """The parts of a checked package, read on demand."""

    label: str
    archive: zipfile.ZipFile
    limits: Limits = LIMITS
    xml_nodes: int = 0  # XML nodes read so far, against limits.xml_nodes
    _cache: dict[str, bytes] = field(default_factory=dict, repr=False)

    def names(self) -> list[str]:
        """Every part name in the package."""
        return self.archive.namelist()

    def has(self, name: str) -> bool:
        """True if the package holds part ``name``."""
        return name in self.archive.NameToInfo

    def read(self, name: str) -> bytes:
        """The bytes of part ``name`` (read once); InputError if the archive is damaged."""
        if name not in self._cache:
            self._cache[name] = _read_part(self.archive, name, self.label)
        return self._cache[name]

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed as XML, refusing DTDs and entities and oversized parts."""
        data = self.read(name)
        self._check_xml_cost(name, data)
        refuse_dtd(data, name, self.label)
        try:
            root = etree.fromstring(data, _SAFE_PARSER)
        except etree.XMLSyntaxError as exc:
            problem = " ".join(str(exc).split())  # libxml2's messages may span lines
            raise InputError(
                self.label,
                _("part {name} is not well-formed XML: {problem}").format(
                    name=name, problem=problem
                ),
            ) from None
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.doctype:  # in an encoding missed above
            raise InputError(self.label, _(_DTD_REFUSED).format(name=name))
        return root

    def _check_xml_cost(self, name: str, data: bytes) -> None:
        """Refuse a part whose tree would be too big, before building it."""
        if len(data) > self.limits.xml_part_bytes:
            raise InputError(
                self.label,
                _("part {name} holds {size} bytes of XML: refused (more than {limit})").format(
                    name=name, size=len(data), limit=self.limits.xml_part_bytes
                ),
            )
        # Every element starts with "<" and every attribute holds "=": an upper bound.
        self.xml_nodes += data.count(b"<") + data.count(b"=")
        if self.xml_nodes > self.limits.xml_nodes:
            raise InputError(
                self.label,
                _("part {name} brings the XML read to over {limit} nodes: refused").format(
                    name=name, limit=self.limits.xml_nodes
                ),
            )

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


def _read_part(archive: zipfile.ZipFile, name: str, label: str) -> bytes:
    try:
        return archive.read(name)
    except _DAMAGED as exc:
        raise _damaged(name, label, exc) from None


def _damaged(name: str, label: str, exc: Exception) -> InputError:
    """A part that cannot be decompressed: a damaged package, reported, not a traceback."""
    problem = " ".join(str(exc).split())
    message = _("damaged package: part {name} cannot be read ({problem})")
    return InputError(label, message.format(name=name, problem=problem))


_DTD_REFUSED = N_(
    "part {name} declares a DTD or entities: refused, since external entities can read local files"
)
# Byte order marks and the first bytes of "<?xml" in the encodings XML allows without one
# (XML 1.0 Appendix F), most specific first.
_ENCODING_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"<\0\0\0", "utf-32-le"),
    (b"\0\0\0<", "utf-32-be"),
    (b"<\0?\0", "utf-16-le"),
    (b"\0<\0?", "utf-16-be"),
    (b"\x4c\x6f\xa7\x94", "cp500"),  # "<?xm" in EBCDIC
)
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_DTD_MARKS = ("<!DOCTYPE", "<!ENTITY")  # the marks of a DTD: refused anywhere


def refuse_dtd(data: bytes, name: str, label: str, encoding: str | None = None) -> None:
    """InputError if XML part ``name`` declares a DTD or entities, in whatever encoding
    (``encoding``: the part's, where ``data`` is not its start)."""
    encodings = {encoding or _encoding_of(data[:1024]), "utf-8"}
    for encoding in encodings:
        try:
            marks = [mark.encode(encoding) for mark in _DTD_MARKS]
        except (LookupError, UnicodeError):  # an encoding Python lacks: libxml2 lacks it too
            continue
        if any(mark in data for mark in marks):
            raise InputError(label, _(_DTD_REFUSED).format(name=name))


def _scan_for_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> None:
    """refuse_dtd over a part read in pieces, so that no part is held whole to check it."""
    overlap = 4 * max(len(mark) for mark in _DTD_MARKS)  # a mark cut in two, in UTF-32
    try:
        with archive.open(info) as part:
            head = part.read(_SCAN_CHUNK)
            encoding = _encoding_of(head[:1024])
            piece = head
            while piece:
                refuse_dtd(piece, info.filename, label, encoding)
                more = part.read(_SCAN_CHUNK)
                piece = piece[-overlap:] + more if more else b""
    except _DAMAGED as exc:
        raise _damaged(info.filename, label, exc) from None


_SCAN_CHUNK = 1024 * 1024


def _encoding_of(head: bytes) -> str:
    """The encoding of an XML part, as its byte order mark or declaration says."""
    for signature, encoding in _ENCODING_SIGNATURES:
        if head.startswith(signature):
            return encoding
    declared = _DECLARED_ENCODING.match(head)
    return declared.group(1).decode("ascii").lower() if declared else "utf-8"


def resolve_part(folder: str, target: str, label: str) -> str:
    """The part name a relationship target points at; InputError if it leaves the package."""
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    name = posixpath.normpath(joined)
    if name.startswith("../") or name == ".." or posixpath.isabs(name):
        message = _("a relationship points outside the package: {target}")
        raise InputError(label, message.format(target=repr(target)))
    return name


def open_package(source: Path | bytes, label: str | None = None) -> Package:
    """Open and check a .docx (or .dotx) package; InputError (exit code 2) if it is unsafe."""
    label = label or (str(source) if isinstance(source, Path) else "<docx>")
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except FileNotFoundError:
        raise InputError(label, _("no such file")) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise InputError(
            label, _("not a Word document (.docx): {problem}").format(problem=exc)
        ) from None
    limits = LIMITS
    _check_sizes(archive.infolist(), limits, label)
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            # Every XML part, whole: parts a template passes on are parsed by the writer too.
            _scan_for_dtd(archive, info, label)
    package = Package(label, archive, limits)
    if not package.has("[Content_Types].xml") or main_document(package) is None:
        raise InputError(label, _("not a Word document: no main document part"))
    return package


def _check_sizes(infos: list[zipfile.ZipInfo], limits: Limits, label: str) -> None:
    """Refuse part names outside the package, and sizes past ``limits`` (zip bombs)."""
    if len(infos) > limits.parts:
        message = _("holds {count} parts: refused (more than {limit})")
        raise InputError(label, message.format(count=len(infos), limit=limits.parts))
    for info in infos:
        name, size, packed = info.filename, info.file_size, max(info.compress_size, 1)
        if name.startswith("/") or "\\" in name or ".." in name.split("/") or ":" in name:
            message = _("part name {name} points outside the package: refused")
            raise InputError(label, message.format(name=repr(name)))
        if size > limits.xml_part_bytes and name.endswith((".xml", ".rels")):
            raise InputError(
                label,
                _("part {name} would hold {size} bytes of XML: refused (more than {limit})").format(
                    name=name, size=size, limit=limits.xml_part_bytes
                ),
            )
        if size > limits.part_bytes:
            raise InputError(
                label,
                _("part {name} would expand to {size} bytes: refused as a zip bomb").format(
                    name=name, size=size
                ),
            )
        if size > 1024 * 1024 and size > limits.ratio * packed:
            raise InputError(
                label,
                _("part {name} expands {ratio} times: refused as a zip bomb").format(
                    name=name, ratio=size // packed
                ),
            )
    total = sum(info.file_size for info in infos)
    if total > limits.total_bytes:
        message = _("would expand to {size} bytes: refused as a zip bomb")
        raise InputError(label, message.format(size=total))


OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)


def main_document(package: Package) -> str | None:
    """The part name of the package's main document (normally word/document.xml)."""
    for reltype, target, _mode in package.relationships("").values():
        if reltype == OFFICE_DOCUMENT:
            return target if package.has(target) else None
    return None
