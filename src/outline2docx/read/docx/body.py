"""The body of a Word document: its paragraphs, tables and pictures, in body order.

The source's direct formatting (fonts, sizes, indents, colours) is left behind; bold and
italic inside the text are kept as spans unless ``plain`` is set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from outline2docx.namespaces import R_NS, R, W
from outline2docx.read.docx.numbering import Numbering
from outline2docx.read.docx.styles import Styles, w_val
from outline2docx.read.package import Package, main_document, open_package
from outline2docx.tree.nodes import Note, Paragraph, Picture, Role, Span, Table

A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
# Content Word writes twice (text boxes, pictures): DrawingML for today's readers, and a copy
# in mc:Fallback for older ones. Only the first copy is read.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Runs inside these are not part of the document's text.
_SKIPPED_ANCESTORS = frozenset({f"{W}del", f"{W}moveFrom", MC_FALLBACK})


@dataclass
class TextPiece:
    """A paragraph's text as Word shows it, with bold and italic spans and its footnotes."""

    text: str
    spans: list[Span] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    outline_level: int | None = None  # 0 for Word's Heading 1 …; None for body text


# The body in order: text lines (to classify), tables and pictures (kept as they are).
BodyItems = list[TextPiece | Table | Picture]


def read_docx(source: Path | bytes, label: str | None = None, plain: bool = False) -> BodyItems:
    """The body of a .docx as text pieces, tables and pictures; InputError if unsafe."""
    package = open_package(source, label)
    part = main_document(package)
    reader = _Reader(package, part, plain)
    body = package.xml(part).find(f"{W}body")
    return list(reader.blocks(body)) if body is not None else []


class _Reader:
    def __init__(self, package: Package, part: str, plain: bool) -> None:
        self.package = package
        self.rels = package.relationships(part)
        self.plain = plain
        self.numbering = Numbering(package, self._related("/numbering"))
        self.styles = Styles(package, self._related("/styles"))
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
        label = self.numbering.label(*self.styles.numbering_of(p))
        outline_level = self.styles.outline_level(p)
        lines = [TextPiece(label, outline_level=outline_level)]
        pictures: list[Picture] = []
        for run, bold, italic in self._runs(p):
            for child in run:
                tag = child.tag
                if tag == f"{W}t":
                    self._append(lines[-1], child.text or "", bold, italic)
                elif tag in (f"{W}tab", f"{W}ptab"):
                    self._append(lines[-1], "\t", False, False)
                elif tag in (f"{W}br", f"{W}cr"):
                    # a line break: a line of its own, as typed
                    lines.append(TextPiece("", outline_level=outline_level))
                elif tag == f"{W}noBreakHyphen":
                    self._append(lines[-1], "-", False, False)
                elif tag == f"{W}sym":
                    self._append(lines[-1], _symbol(child), False, False)
                elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                    kind = tag[len(W) :].removesuffix("Reference")
                    body = self.notes[kind].get(child.get(f"{W}id", ""), "")
                    lines[-1].notes.append(Note(len(lines[-1].text), body))
            pictures.extend(self.pictures(run))
        for piece in lines:
            if piece.text.strip():
                yield _trimmed_piece(piece)
        yield from pictures

    def _runs(self, p: etree._Element) -> Iterator[tuple[etree._Element, bool, bool]]:
        for run in p.iter(f"{W}r"):
            if any(a.tag in _SKIPPED_ANCESTORS for a in run.iterancestors()):
                continue  # text tracked as deleted, or the fallback copy of a text box
            props = run.find(f"{W}rPr")
            yield run, self.styles.flag(props, "b"), self.styles.flag(props, "i")

    def _append(self, piece: TextPiece, text: str, bold: bool, italic: bool) -> None:
        start = len(piece.text)
        piece.text += text
        if self.plain or not text.strip():
            return
        for kind, on in (("strong", bold), ("emphasis", italic)):
            if not on:
                continue
            last = piece.spans[-1] if piece.spans else None
            if last is not None and last.kind == kind and last.end == start:
                piece.spans[-1] = Span(last.start, len(piece.text), kind)
            else:
                piece.spans.append(Span(start, len(piece.text), kind))

    def table(self, tbl: etree._Element) -> Table:
        rows: list[list[list[Paragraph]]] = []
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        header_rows = 0
        merging: dict[int, tuple[int, int]] = {}  # grid column -> (row, cell) of a vMerge start
        for tr in tbl.findall(f"{W}tr"):
            row: list[list[Paragraph]] = []
            column = 0
            for tc in tr.findall(f"{W}tc"):
                across = int(w_val(tc.find(f"{W}tcPr/{W}gridSpan"), "1") or 1)
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
            if tr.find(f"{W}trPr/{W}tblHeader") is not None and len(rows) == header_rows + 1:
                header_rows += 1
        spans = {key: value for key, value in spans.items() if value != (1, 1)}
        return Table(rows, 0, header_rows, spans)

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
            description = ""
            for ancestor in blip.iterancestors():
                if ancestor.tag.endswith("}inline") or ancestor.tag.endswith("}anchor"):
                    doc_pr = next((c for c in ancestor if c.tag.endswith("}docPr")), None)
                    description = doc_pr.get("descr", "") if doc_pr is not None else ""
                    break
            yield Picture(self.package.read(rel[1]), Path(rel[1]).name, 0, description)


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


def _symbol(sym: etree._Element) -> str:
    code = sym.get(f"{W}char", "")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return chr(value - 0xF000) if 0xF000 <= value <= 0xF0FF else chr(value)
