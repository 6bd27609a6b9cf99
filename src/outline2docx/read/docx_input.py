"""Reading a Word document as input: its paragraphs, tables and pictures, in body order.

Word's automatic list numbers become visible text (一、 1. （1） as the reader saw them), so
the same recognizer as for plain text classifies every paragraph. The source's direct
formatting (fonts, sizes, indents, colours) is left behind; bold and italic inside the text
are kept as spans unless ``plain`` is set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from outline2docx.namespaces import R_NS, R, W
from outline2docx.read.lines import SourceLine
from outline2docx.read.package import Package, main_document, open_package
from outline2docx.recognize import patterns as P
from outline2docx.recognize.numerals import CIRCLED, int_to_chinese
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


def fix_items(items: BodyItems) -> list[tuple[int, str, str]]:
    """Apply fix.py's rules to every text piece (spans follow); returns the changed lines."""
    from outline2docx.fix import fix_line, position_map, remap_spans

    changed = []
    for number, piece in enumerate(items, start=1):
        if isinstance(piece, TextPiece):
            fixed, changes = fix_line(piece.text, number)
            if changes:
                piece.spans = remap_spans(piece.spans, piece.text, fixed)
                moved = position_map(piece.text, fixed)
                piece.notes = [Note(moved(n.offset), n.body) for n in piece.notes]
                changed.append((number, piece.text, fixed))
                piece.text = fixed
    return changed


def source_lines(items: BodyItems) -> list[SourceLine]:
    """The text pieces as numbered source lines (numbered by position in the body)."""
    return [
        SourceLine(number, piece.text)
        for number, piece in enumerate(items, start=1)
        if isinstance(piece, TextPiece)
    ]


# Word headings the recognizer found no number in become headings of these levels, the
# outermost outline level used below the title taking the first.
_OUTLINE_ROLES = (Role.H1, Role.H2, Role.H3, Role.H4)
# What such a paragraph may have been taken for: body text, or a byline (a short line under
# the title looks like a name), which a Word heading is not.
_OUTLINE_OVERRIDES = frozenset({Role.BODY, Role.BYLINE})


def apply_outline_levels(items: BodyItems, facts_by_line: dict) -> None:
    """Paragraphs Word marks as headings (Heading 1…, or an outline level) that carry no
    number of their own ("总体要求") become h1–h4 by their level, not body text."""
    unnumbered = [
        (facts_by_line[number], item.outline_level)
        for number, item in enumerate(items, start=1)
        if isinstance(item, TextPiece)
        and item.outline_level is not None
        and facts_by_line[number].role in _OUTLINE_OVERRIDES
    ]
    if not unnumbered:
        return
    top = min(level for _, level in unnumbered)
    for facts, level in unnumbered:
        role = _OUTLINE_ROLES[min(level - top, len(_OUTLINE_ROLES) - 1)]
        facts.role, facts.rank = role, P.RANKS[role]


def document_blocks(items: BodyItems, facts_by_line: dict) -> Iterator[tuple]:
    """(block, rank) pairs for the tree builder: classified paragraphs, tables, pictures."""
    for number, item in enumerate(items, start=1):
        if isinstance(item, TextPiece):
            f = facts_by_line[number]
            yield f.paragraph(tuple(item.spans), tuple(item.notes)), f.rank if f.is_heading else 0
        else:
            item.line = number
            yield item, 0


class _Reader:
    def __init__(self, package: Package, part: str, plain: bool) -> None:
        self.package = package
        self.rels = package.relationships(part)
        self.plain = plain
        self.numbering = _Numbering(package, self._related("/numbering"))
        self.styles = _Styles(package, self._related("/styles"))
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
                across = int(_val(tc.find(f"{W}tcPr/{W}gridSpan"), "1") or 1)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and _val(merge, "continue") != "restart" and column in merging:
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


def _val(element: etree._Element | None, default: str) -> str:
    return element.get(f"{W}val", default) if element is not None else default


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


class _Styles:
    """Paragraph styles' list numbering, and bold/italic through character styles."""

    def __init__(self, package: Package, part: str | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        if part:
            for style in package.xml(part).iter(f"{W}style"):
                self.styles[style.get(f"{W}styleId", "")] = style

    def numbering_of(self, p: etree._Element) -> tuple[str | None, int]:
        """The (numId, level) a paragraph is numbered with, directly or through its style."""
        num_pr = self._paragraph_property(p, "numPr")
        if num_pr is None:
            return None, 0
        num_id = num_pr.find(f"{W}numId")
        ilvl = num_pr.find(f"{W}ilvl")
        level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0
        return (num_id.get(f"{W}val") if num_id is not None else None), level

    def outline_level(self, p: etree._Element) -> int | None:
        """0 for a paragraph at Heading 1's level, 1 for Heading 2's …; None for body text."""
        level = self._paragraph_property(p, "outlineLvl")
        if level is not None:
            value = int(_val(level, "9"))
            return value if value < 9 else None  # 9 is Word's "body text" level
        for style in self._chain(p):  # headings of templates that leave the level implicit
            name = _val(style.find(f"{W}name"), "").lower()
            if name.startswith("heading ") and name[8:].isdigit():
                return int(name[8:]) - 1
        return None

    def _paragraph_property(self, p: etree._Element, name: str) -> etree._Element | None:
        """A w:pPr child set on the paragraph, else the nearest one its style chain sets."""
        found = p.find(f"{W}pPr/{W}{name}")
        if found is not None:
            return found
        for style in self._chain(p):
            found = style.find(f"{W}pPr/{W}{name}")
            if found is not None:
                return found
        return None

    def _chain(self, p: etree._Element) -> Iterator[etree._Element]:
        """The paragraph's style, then the styles it is based on, in order."""
        style_id = _val(p.find(f"{W}pPr/{W}pStyle"), "")
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = _val(style.find(f"{W}basedOn"), "")

    def flag(self, props: etree._Element | None, name: str) -> bool:
        """Whether a run is bold (``b``) or italic (``i``): directly or by its character style."""
        if props is None:
            return False
        direct = props.find(f"{W}{name}")
        if direct is not None:
            return direct.get(f"{W}val") not in ("0", "false", "off")
        char_style = props.find(f"{W}rStyle")
        style = self.styles.get(char_style.get(f"{W}val")) if char_style is not None else None
        found = style.find(f"{W}rPr/{W}{name}") if style is not None else None
        return found is not None and found.get(f"{W}val") not in ("0", "false", "off")


class _Numbering:
    """Word's automatic list numbers, computed as Word displays them."""

    def __init__(self, package: Package, part: str | None) -> None:
        self.levels: dict[str, dict[int, etree._Element]] = {}  # abstractNumId -> level -> lvl
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, starts)
        self.counters: dict[str, list[int | None]] = {}
        if not part:
            return
        root = package.xml(part)
        for abstract in root.findall(f"{W}abstractNum"):
            levels = {int(lvl.get(f"{W}ilvl", "0")): lvl for lvl in abstract.findall(f"{W}lvl")}
            self.levels[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            abstract = num.find(f"{W}abstractNumId")
            starts = {}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[int(override.get(f"{W}ilvl", "0"))] = int(start.get(f"{W}val", "1"))
            if abstract is not None:
                self.instances[num.get(f"{W}numId", "")] = (abstract.get(f"{W}val", ""), starts)

    def label(self, num_id: str | None, level: int) -> str:
        """The visible label of the next paragraph numbered ``num_id`` at ``level``."""
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return ""
        abstract, starts = self.instances[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 10)
        if counters[level] is None:
            counters[level] = starts.get(level, _start(levels[level]))
        else:
            counters[level] += 1
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = None
        text = levels[level].find(f"{W}lvlText")
        pattern = text.get(f"{W}val", "") if text is not None else ""
        for n in range(level + 1):
            value = counters[n] if counters[n] is not None else _start(levels.get(n))
            pattern = pattern.replace(f"%{n + 1}", _format(value, levels.get(n)))
        if _format_name(levels[level]) == "bullet":
            return "" if not pattern.strip() else visible_bullet(pattern) + " "
        return pattern


# Word draws bullets in symbol fonts: private-use characters (U+F0xx) that are empty boxes in
# any other font, and "o" in Courier New for the second level. Their look in Unicode:
_SYMBOL_BULLETS = {
    "\uf0b7": "•",  # Symbol: the default bullet
    "\uf0a7": "▪",  # Wingdings: small square
    "\uf06c": "●",
    "\uf06e": "■",
    "\uf0d8": "➢",
    "\uf076": "❖",
    "\uf0fc": "✓",
}


def visible_bullet(text: str) -> str:
    """A bullet's text with symbol-font characters as the Unicode characters they show."""
    if text == "o":  # Courier New's second-level bullet, not a letter in a bullet's text
        return "◦"
    return "".join(
        _SYMBOL_BULLETS.get(char, "•" if "\uf000" <= char <= "\uf0ff" else char) for char in text
    )


def _start(lvl: etree._Element | None) -> int:
    start = lvl.find(f"{W}start") if lvl is not None else None
    return int(start.get(f"{W}val", "1")) if start is not None else 1


def _format_name(lvl: etree._Element | None) -> str:
    fmt = lvl.find(f"{W}numFmt") if lvl is not None else None
    return fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal"


def _format(value: int, lvl: etree._Element | None) -> str:
    name = _format_name(lvl)
    if name in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographDigital",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return int_to_chinese(value) if 0 < value < 10000 else str(value)
    if name in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[value - 1] if 0 < value <= len(CIRCLED) else str(value)
    if name == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(value))
    if name in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if name == "upperLetter" else letter
    if name in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if name == "lowerRoman" else roman
    if name in ("none", "bullet"):
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
