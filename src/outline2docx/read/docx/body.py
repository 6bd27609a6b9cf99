"""The body of a Word document: its paragraphs, tables and pictures, in body order.

The source's direct formatting (fonts, sizes, indents, colours) is left behind; bold and
italic inside the text are kept as spans unless ``plain`` is set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from outline2docx.i18n import N_, _
from outline2docx.namespaces import R_NS, R, W
from outline2docx.read.docx.notices import DROPPED_PICTURE, IGNORED_VALUE, Notices
from outline2docx.read.docx.numbering import Numbering
from outline2docx.read.docx.styles import Styles, w_val
from outline2docx.read.package import Package, main_document, open_package
from outline2docx.tree.nodes import Diagnostic, Note, Paragraph, Picture, Role, Span, Table

A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
# Content Word writes twice (text boxes, pictures): DrawingML for today's readers, and a copy
# in mc:Fallback for older ones. Only the first copy is read.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Runs inside w:del, w:moveFrom and mc:Fallback are not part of the document's text
# (found by XPath, in C: a Python walk over every run's ancestors is slow on deep nesting).
_KEPT_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback)]",
    namespaces={
        "w": W[1:-1],
        "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    },
)
# The paragraphs of text boxes, the fallback copies left out: each is a line of its own.
_BOX_PARAGRAPHS = etree.XPath(
    ".//w:txbxContent//w:p[not(ancestor::mc:Fallback)]",
    namespaces={
        "w": W[1:-1],
        "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    },
)
_HEX = re.compile(r"[0-9A-Fa-f]{1,8}")
EMU_PER_PAGE = 6 * 914400  # a text column's width, to check pictures against


@dataclass
class TextPiece:
    """A paragraph's text as Word shows it, with bold and italic spans and its footnotes."""

    text: str
    spans: list[Span] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    outline_level: int | None = None  # 0 for Word's Heading 1 …; None for body text
    # The w:p it was read from, when asked for: a style learned from a sample reads its
    # formatting there (kept only then: it holds the whole document's XML in memory).
    origin: etree._Element | None = field(default=None, repr=False, compare=False)


# The body in order: text lines (to classify), tables and pictures (kept as they are).
BodyItems = list[TextPiece | Table | Picture]


def read_docx(
    source: Path | bytes,
    label: str | None = None,
    plain: bool = False,
    warnings: list[Diagnostic] | None = None,
    *,
    origins: bool = False,
) -> BodyItems:
    """The body of a .docx as text pieces, tables and pictures; InputError if unsafe or too
    costly. Values ignored and pictures dropped are added to ``warnings``; with ``origins``
    each text piece keeps the w:p it was read from."""
    package = open_package(source, label)
    notices = Notices(package.label, package.limits)
    part = main_document(package)
    reader = _Reader(package, part, plain, notices, origins)
    body = package.xml(part).find(f"{W}body")
    items: BodyItems = []
    for block in reader.blocks(body) if body is not None else ():
        items.append(block)
        notices.line = len(items) + 1  # warnings name the item being read
    if warnings is not None:
        warnings += notices.warnings
    return items


class _Reader:
    def __init__(
        self, package: Package, part: str, plain: bool, notices: Notices, origins: bool = False
    ) -> None:
        self.package = package
        self.origins = origins
        self.rels = package.relationships(part)
        self.plain = plain
        self.notices = notices
        self.numbering = Numbering(package, self._related("/numbering"), notices)
        self.styles = Styles(package, self._related("/styles"), notices)
        self.notes = {
            kind: self._notes(self._related(f"/{kind}s"), kind) for kind in ("footnote", "endnote")
        }

    def _notes(self, part: str | None, kind: str) -> dict[str, str]:
        """Footnote or endnote texts by id: they follow their paragraph as "[n] text"."""
        if not part:
            return {}
        notes = {}
        for note in self.package.xml(part).iter(f"{W}{kind}"):
            if note.get(f"{W}type") in (None, "normal"):
                text = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
                notes[note.get(f"{W}id", "")] = text
        return notes

    def _related(self, suffix: str) -> str | None:
        for reltype, target, mode in self.rels.values():
            if reltype == R_NS + suffix and mode != "External" and self.package.has(target):
                return target
        return None

    # ---- blocks --------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> Iterator[TextPiece | Table | Picture]:
        for node in container:
            if node.tag == f"{W}p":
                yield from self.paragraph(node)
            elif node.tag == f"{W}tbl":
                yield self.table(node)
            elif node.tag in (f"{W}sdt", f"{W}customXml", f"{W}ins"):
                content = node.find(f"{W}sdtContent")
                yield from self.blocks(content if content is not None else node)

    def paragraph(self, p: etree._Element) -> Iterator[TextPiece | Picture]:
        self.notices.charge("paragraphs", 1)
        label = self.numbering.label(*self.styles.numbering_of(p))
        outline_level = self.styles.outline_level(p)
        lines = [_Line(outline_level)]
        self._append(lines[-1], label, False, False)
        pictures: list[Picture] = []
        boxed = _box_paragraph_of_runs(p)
        owner = p
        for run, bold, italic in self._runs(p):
            if boxed.get(run, p) is not owner:  # into or out of a text box's paragraph
                owner = boxed.get(run, p)
                lines.append(_Line(outline_level))
            for child in run:
                tag = child.tag
                if tag == f"{W}t":
                    self._append(lines[-1], child.text or "", bold, italic)
                elif tag in (f"{W}tab", f"{W}ptab"):
                    self._append(lines[-1], "\t", False, False)
                elif tag in (f"{W}br", f"{W}cr"):
                    # a line break: a line of its own, as typed
                    lines.append(_Line(outline_level))
                elif tag == f"{W}noBreakHyphen":
                    self._append(lines[-1], "-", False, False)
                elif tag == f"{W}sym":
                    self._append(lines[-1], self._symbol(child), False, False)
                elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                    kind = tag[len(W) :].removesuffix("Reference")
                    body = self.notes[kind].get(child.get(f"{W}id", ""), "")
                    self.notices.charge("text_chars", len(body))  # each reference repeats it
                    lines[-1].notes.append(Note(lines[-1].length, body))
            pictures.extend(self.pictures(run))
        for line in lines:
            piece = line.piece()
            if piece.text.strip():
                trimmed = _trimmed_piece(piece)
                trimmed.origin = p if self.origins else None
                yield trimmed
        yield from pictures

    def _runs(self, p: etree._Element) -> Iterator[tuple[etree._Element, bool, bool]]:
        # Not text tracked as deleted, nor the fallback copy of a text box.
        for run in _KEPT_RUNS(p):
            props = run.find(f"{W}rPr")
            yield run, self.styles.flag(props, "b"), self.styles.flag(props, "i")

    def _append(self, line: _Line, text: str, bold: bool, italic: bool) -> None:
        if not text:
            return
        self.notices.charge("text_chars", len(text))
        start = line.length
        line.chunks.append(text)
        line.length += len(text)
        if self.plain or not text.strip():
            return
        for kind, on in (("strong", bold), ("emphasis", italic)):
            if not on:
                continue
            last = line.spans[-1] if line.spans else None
            if last is not None and last.kind == kind and last.end == start:
                line.spans[-1] = Span(last.start, line.length, kind)
            else:
                line.spans.append(Span(start, line.length, kind))

    def _symbol(self, sym: etree._Element) -> str:
        """The character of a w:sym (symbol fonts' private-use range mapped back to ASCII)."""
        code = sym.get(f"{W}char", "")
        value = int(code, 16) if _HEX.fullmatch(code) else None
        if value is not None and 0xF000 <= value <= 0xF0FF:
            value -= 0xF000
        if value is None or not _is_xml_char(value):
            message = _("ignored symbol character (w:sym) {code}").format(code=repr(code[:20]))
            self.notices.warn(IGNORED_VALUE, message)
            return ""
        return chr(value)

    def table(self, tbl: etree._Element) -> Table:
        rows: list[list[list[Paragraph]]] = []
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        header_rows = 0
        merging: dict[int, tuple[int, int]] = {}  # grid column -> (row, cell) of a vMerge start
        widest = 0
        for tr in tbl.findall(f"{W}tr"):
            row: list[list[Paragraph]] = []
            column = 0
            for tc in tr.findall(f"{W}tc"):
                across = self._grid_span(tc)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if (
                    merge is not None
                    and w_val(merge, "continue") != "restart"
                    and column in merging
                ):
                    start = merging[column]  # covered by the cell above: not a cell of its own
                    spans[start] = (spans[start][0], spans[start][1] + 1)
                    row_paragraphs = self.cell(tc)
                    rows[start[0]][start[1]].extend(row_paragraphs)  # nothing is lost
                else:
                    merging.pop(column, None)
                    if merge is not None or across > 1:
                        spans[(len(rows), len(row))] = (across, 1)
                    if merge is not None:
                        merging[column] = (len(rows), len(row))
                    row.append(self.cell(tc))
                column += across
            rows.append(row)
            widest = max(widest, column)
            if tr.find(f"{W}trPr/{W}tblHeader") is not None and len(rows) == header_rows + 1:
                header_rows += 1
        # The writer pads every row to the widest: that grid is what the table costs.
        self.notices.charge("table_cells", len(rows) * widest)
        spans = {key: value for key, value in spans.items() if value != (1, 1)}
        return Table(rows, 0, header_rows, spans)

    def _grid_span(self, tc: etree._Element) -> int:
        """The columns a cell spans (w:gridSpan): 1 unless set, or set out of range."""
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        if span is None:
            return 1
        limit = self.notices.limits.grid_span
        return self.notices.number(w_val(span, "1"), N_("column span (w:gridSpan)"), 1, limit) or 1

    def cell(self, tc: etree._Element) -> list[Paragraph]:
        """A cell's paragraphs; a table nested in it gives up its text, cell by cell."""
        paragraphs = []
        for block in self.blocks(tc):
            if isinstance(block, TextPiece):
                spans, notes = tuple(block.spans), tuple(block.notes)
                paragraphs.append(
                    Paragraph(Role.TABLE_TEXT, block.text, 0, spans=spans, notes=notes)
                )
            elif isinstance(block, Table):
                paragraphs += [p for row in block.rows for cell in row for p in cell]
            else:
                paragraphs.append(Paragraph(Role.TABLE_TEXT, block.description or block.name, 0))
        return paragraphs

    def pictures(self, run: etree._Element) -> Iterator[Picture]:
        for blip in [*run.iter(A_BLIP), *run.iter(V_IMAGEDATA)]:
            owner = next(blip.iterancestors(f"{W}r", MC_FALLBACK), None)
            if owner is not run:
                continue  # a fallback copy, or a picture of a run nested in a text box
            rel_id = blip.get(f"{R}embed") or blip.get(f"{R}id")
            rel = self.rels.get(rel_id or "")
            if rel is None or rel[2] == "External" or not self.package.has(rel[1]):
                continue
            picture = self._picture(rel[1], _description(blip))
            if picture is not None:
                yield picture

    def _picture(self, part: str, description: str) -> Picture | None:
        """The picture in ``part``, or None (with a warning) if it cannot be shown."""
        from outline2docx.errors import Outline2DocxError
        from outline2docx.render.pictures import picture_size

        self.notices.charge("paragraphs", 1)
        data = self.package.read(part)
        name = Path(part).name
        try:
            picture_size(data, EMU_PER_PAGE)
        except Outline2DocxError as exc:
            message = _("dropped picture {name}: {problem}").format(name=name, problem=exc)
            self.notices.warn(DROPPED_PICTURE, message)
            return None
        self.notices.charge("picture_bytes", len(data))  # every use is a copy in the output
        return Picture(data, name, 0, description)


class _Line:
    """A line of a paragraph as it is read: its text in pieces (joined once), spans, notes."""

    def __init__(self, outline_level: int | None) -> None:
        self.chunks: list[str] = []
        self.length = 0
        self.spans: list[Span] = []
        self.notes: list[Note] = []
        self.outline_level = outline_level

    def piece(self) -> TextPiece:
        """The line as a text piece."""
        return TextPiece("".join(self.chunks), self.spans, self.notes, self.outline_level)


def _description(blip: etree._Element) -> str:
    """The alternative text (wp:docPr descr) of the drawing a picture is in."""
    for ancestor in blip.iterancestors():
        if ancestor.tag.endswith("}inline") or ancestor.tag.endswith("}anchor"):
            doc_pr = next((c for c in ancestor if c.tag.endswith("}docPr")), None)
            return doc_pr.get("descr", "") if doc_pr is not None else ""
    return ""


def _trimmed_piece(piece: TextPiece) -> TextPiece:
    """The piece without surrounding white space, its spans and notes moved along."""
    offset = len(piece.text) - len(piece.text.lstrip())
    text = piece.text.strip()
    notes = [Note(min(max(n.offset - offset, 0), len(text)), n.body) for n in piece.notes]
    return TextPiece(text, list(_trimmed(piece)), notes, piece.outline_level)


def _trimmed(piece: TextPiece) -> tuple[Span, ...]:
    offset = len(piece.text) - len(piece.text.lstrip())
    length = len(piece.text.strip())
    return tuple(
        Span(max(s.start - offset, 0), min(s.end - offset, length), s.kind)
        for s in piece.spans
        if s.end - offset > 0 and s.start - offset < length
    )


def _is_xml_char(value: int) -> bool:
    """True if XML 1.0 may hold the character (no surrogates, controls or U+FFFE/FFFF)."""
    return (
        value in (0x9, 0xA, 0xD)
        or 0x20 <= value <= 0xD7FF
        or 0xE000 <= value <= 0xFFFD
        or 0x10000 <= value <= 0x10FFFF
    )


def _box_paragraph_of_runs(p: etree._Element) -> dict[etree._Element, etree._Element]:
    """Each run of a text box in ``p`` -> the box's paragraph it belongs to (the innermost)."""
    if p.find(f".//{W}txbxContent") is None:  # most paragraphs: no text box, no cost
        return {}
    owners = {}
    for paragraph in _BOX_PARAGRAPHS(p):  # document order: an inner box's paragraph comes later
        for run in _KEPT_RUNS(paragraph):
            owners[run] = paragraph
    return owners
