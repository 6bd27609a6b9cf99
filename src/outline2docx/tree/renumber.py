"""Renumbering: heading numbers rewritten per level and per parent, as GB/T 9704 counts them.

Every level counts from 1 under each parent (一、 … under the text, （一） … under each 一、,
1. … under each （一）) and again in each attachment and each document of a collection. A
level that runs on across parents (1.–21. across （一）–（五）) runs on, and a 一 among its
siblings starts a new list, as the numbering checks read them; a run of run-in leads (一是,
二要, 其一，, 第一，) that starts past 一 goes on from a list begun inside an earlier paragraph.

Only the number changes, in the spelling it was written in (二 → 三, 2 → 3, ② → ③, 贰 → 叁);
brackets, marks, spacing and the rest of the line stay as they were. ``plan`` says what would
change, ``apply`` changes the tree; ``fix.renumber`` applies the same plan to the source text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from outline2docx.tree.nodes import Block, Note, Paragraph, Role, lead_paragraph, sibling_lists
from outline2docx.tree.numbering import NumberingKind
from outline2docx.tree.numerals import (
    CHARS,
    CIRCLED,
    PARENTHESIZED,
    PARENTHESIZED_CN,
    UPPER,
    UPPER_CHARS,
    int_to_chinese,
    int_to_upper,
    ordinal_value,
)

# Kinds renumbered: numbered headings and counted run-in leads. Decimal outlines (1.2.3) carry
# their parents' numbers and 首先/其次 are words, not numbers: they stay as written.
RUN_IN_KINDS = frozenset(
    {NumberingKind.SHI, NumberingKind.YAO, NumberingKind.ORDINAL, NumberingKind.QI}
)
# Lines that start a new count for every level: each attachment, each document of a collection.
SCOPE_ROLES = frozenset({Role.ATTACHMENT, Role.TITLE})
_FULL_DIGITS = "０１２３４５６７８９"
_NUMERAL_CHARS = frozenset(CHARS + UPPER_CHARS + "0123456789" + _FULL_DIGITS)
_ONE_GLYPH = frozenset(CIRCLED + PARENTHESIZED + PARENTHESIZED_CN)
_NUMERAL_CHARS |= _ONE_GLYPH


@dataclass(frozen=True, slots=True)
class Renumbering:
    """One number to rewrite: ``paragraph.text[start:end]`` (``before``) becomes ``after``."""

    paragraph: Paragraph
    start: int
    end: int
    before: str
    after: str
    value: int  # the new number

    @property
    def label(self) -> str:
        """The paragraph's numbering label as it will read: （二） for （四）."""
        label = self.paragraph.numbering.label
        return label[: self.start] + self.after + label[self.end :]


def _table_spelling(table: str) -> Callable[[int], str | None]:
    return lambda value: table[value - 1] if 0 < value <= len(table) else None


def _digits(full_width: bool) -> Callable[[int], str]:
    widen = str.maketrans("0123456789", _FULL_DIGITS)
    return lambda value: str(value).translate(widen) if full_width else str(value)


# How a written number is spelt, tested in order, and how that spelling writes a value.
# written number matches                      spelling of a new value
_SPELLINGS: tuple[tuple[Callable[[str], bool], Callable[[int], str | None]], ...] = (
    (lambda n: n.isascii() and n.isdigit(), _digits(full_width=False)),
    (lambda n: all(c in _FULL_DIGITS for c in n), _digits(full_width=True)),
    (lambda n: n in CIRCLED, _table_spelling(CIRCLED)),
    (lambda n: n in PARENTHESIZED, _table_spelling(PARENTHESIZED)),
    (lambda n: n in PARENTHESIZED_CN, _table_spelling(PARENTHESIZED_CN)),
    (lambda n: any(c in UPPER or c == "拾" for c in n), int_to_upper),
    (lambda n: all(c in CHARS for c in n), int_to_chinese),
)


def spell_like(written: str, value: int) -> str | None:
    """``value`` spelt as ``written`` is (二 → 三, ② → ③, 2 → 3); None where it cannot be."""
    for matches, spell in _SPELLINGS:
        if matches(written):
            try:
                return spell(value)
            except ValueError:
                return None
    return None


def number_span(paragraph: Paragraph) -> tuple[int, int] | None:
    """Where the number stands in the paragraph's text: the first run of numerals of its label
    (the 一 of 第一章, （一）, 一是, 其一，), or None where it reads as another value."""
    label = paragraph.numbering.label
    start = next((i for i, c in enumerate(label) if c in _NUMERAL_CHARS), None)
    if start is None:
        return None
    end = start + 1
    if label[start] not in _ONE_GLYPH:  # ① and ⑴ stand alone; 十一 and 12 run on
        while end < len(label) and label[end] in _NUMERAL_CHARS:
            end += 1
    if ordinal_value(label[start:end]) != paragraph.numbering.value:
        return None
    if not paragraph.text.startswith(label[:end]):
        return None
    return start, end


def plan(blocks: list[Block]) -> list[Renumbering]:
    """Every number that renumbering would change, in line order."""
    found: list[Renumbering] = []
    for scope in _scopes(blocks):
        running: dict[NumberingKind, int] = {}
        for children in sibling_lists(scope):
            found += _renumber_siblings(children, running)
    return sorted(found, key=lambda r: r.paragraph.line)


def apply(renumberings: list[Renumbering]) -> None:
    """Rewrite the numbers in the tree: text, lead, label and value; formatting moved along."""
    from outline2docx.fix.spans import remap_spans

    for r in renumberings:
        p = r.paragraph
        text = p.text[: r.start] + r.after + p.text[r.end :]
        shift = len(r.after) - len(r.before)
        p.spans = tuple(remap_spans(p.spans, p.text, text))
        p.notes = tuple(_moved(note, r.end, shift) for note in p.notes)
        if len(p.lead) >= r.end:
            p.lead = p.lead[: r.start] + r.after + p.lead[r.end :]
        p.numbering.label, p.numbering.value = r.label, r.value
        p.text = text


def _moved(note: Note, after: int, shift: int) -> Note:
    return Note(note.offset + shift, note.body) if note.offset >= after else note


def _scopes(blocks: list[Block]) -> Iterator[list[Block]]:
    """The top-level blocks cut at each attachment and title: each counts anew."""
    scope: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role in SCOPE_ROLES and scope:
            yield scope
            scope = []
        scope.append(block)
    yield scope


def _renumber_siblings(
    children: list[Block], running: dict[NumberingKind, int]
) -> Iterator[Renumbering]:
    by_kind: dict[NumberingKind, list[Paragraph]] = {}
    for block in children:
        paragraph = lead_paragraph(block)
        if is_renumbered(paragraph):
            by_kind.setdefault(paragraph.numbering.kind, []).append(paragraph)
    for kind, paragraphs in by_kind.items():
        for n, run in enumerate(_runs(paragraphs)):
            if kind in RUN_IN_KINDS:  # past 一: it goes on from a list begun inside a paragraph
                first = run[0].numbering.value
            else:
                first = _first_number(run, running.get(kind)) if n == 0 else 1
            for offset, paragraph in enumerate(run):
                change = _renumbering(paragraph, first + offset)
                if change is not None:
                    yield change
            running[kind] = first + len(run) - 1


def is_renumbered(paragraph: Paragraph | None) -> bool:
    """True for a paragraph whose number renumbering counts: a numbered heading or a run-in
    lead with a number (not 最后, not a decimal outline's 1.2, not an attachment's list)."""
    if paragraph is None or paragraph.numbering is None or paragraph.numbering.value is None:
        return False
    kind = paragraph.numbering.kind
    if kind in RUN_IN_KINDS:
        return paragraph.role in (Role.RUNIN, Role.H1)  # 第一，standing alone is a heading
    return kind.is_heading and kind is not NumberingKind.DECIMAL and paragraph.role.is_heading


def _runs(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Siblings of a kind cut into runs, each from a 一 on: 一是 二是 … 一是 二是 are two
    lists, as the numbering checks read them."""
    runs: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if not runs or paragraph.numbering.value == 1:
            runs.append([])
        runs[-1].append(paragraph)
    return runs


def _first_number(run: list[Paragraph], last: int | None) -> int:
    """1, or one past ``last`` where the run reads better as running on from another parent."""
    values = [p.numbering.value for p in run]
    if last is None or values[0] == 1:
        return 1
    return last + 1 if _fit(values, last + 1) > _fit(values, 1) else 1


def _fit(values: list[int], first: int) -> tuple[int, int]:
    """How well ``values`` read as counting from ``first``: numbers in place, then nearness."""
    expected = range(first, first + len(values))
    in_place = sum(v == e for v, e in zip(values, expected, strict=False))
    return in_place, -sum(abs(v - e) for v, e in zip(values, expected, strict=False))


def _renumbering(paragraph: Paragraph, value: int) -> Renumbering | None:
    if paragraph.numbering.value == value:
        return None
    span = number_span(paragraph)
    if span is None:
        return None
    start, end = span
    before = paragraph.text[start:end]
    after = spell_like(before, value)
    if after is None:
        return None
    return Renumbering(paragraph, start, end, before, after, value)
