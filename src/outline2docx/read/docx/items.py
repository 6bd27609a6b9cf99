"""The body's items as the recognizer and the tree builder take them, and fixed in place."""

from __future__ import annotations

from collections.abc import Iterator

from outline2docx.read.docx.body import BodyItems, TextPiece
from outline2docx.read.lines import SourceLine
from outline2docx.recognize import patterns as P
from outline2docx.tree.nodes import Note, Role


def fix_items(items: BodyItems) -> list[tuple[int, str, str]]:
    """Fix every text piece with outline2docx.fix (spans follow); returns the changed lines."""
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
