"""Renumbering a source text (``fix --renumber``): the tree says which numbers, the text changes.

The text is recognized as ``convert`` would read it, ``tree.renumber`` plans the new numbers,
and each is written back into its source line at its column: line breaks, indentation and
every other character stay byte for byte.
"""

from __future__ import annotations

from outline2docx.fix.apply import _LINE_WITH_BREAK, Change
from outline2docx.i18n import N_, _
from outline2docx.tree.nodes import Diagnostic, Document
from outline2docx.tree.renumber import Renumbering, plan

CODE = "renumber"
MESSAGE = N_("heading numbers count from 1 under each parent and in each attachment")


def renumber_text(
    text: str, name: str = "<text>"
) -> tuple[str, list[Change], list[tuple[int, str, str]]]:
    """``text`` with its heading numbers renumbered, the changes, and each changed line as
    (line number, before, after), as ``fix_text`` gives them."""
    from outline2docx.pipeline import Settings, read, read_string

    document = read(text, Settings(), name=name, reader=read_string).document
    pieces = [m.group() for m in _LINE_WITH_BREAK.finditer(text)]
    changes = []
    for r in plan(document.children):
        change = _rewrite(pieces, r)
        if change is not None:
            changes.append(change)
    return "".join(pieces), changes, changed_lines(text, "".join(pieces))


def renumber_findings(document: Document, indents: dict[int, int]) -> list[Diagnostic]:
    """What renumbering would change in a recognized document, as ``check`` reports it
    (``indents``: each line's leading whitespace, for the columns)."""
    found = []
    for r in plan(document.children):
        message = _("{rule}: {before} -> {after}").format(
            rule=_(MESSAGE),
            before=repr(r.paragraph.numbering.label.strip()),
            after=repr(r.label.strip()),
        )
        column = indents.get(r.paragraph.line, 0) + r.start + 1
        found.append(Diagnostic(r.paragraph.line, column, CODE, message))
    return found


def changed_lines(before: str, after: str) -> list[tuple[int, str, str]]:
    """(line number, before, after) of each line that differs; breaks are never changed."""
    pairs = zip(_lines(before), _lines(after), strict=True)
    return [(n, old, new) for n, (old, new) in enumerate(pairs, start=1) if old != new]


def _lines(text: str) -> list[str]:
    pieces = (m.group() for m in _LINE_WITH_BREAK.finditer(text))
    return [piece.rstrip("\r\n\u2028\u2029") for piece in pieces if piece]


def _rewrite(pieces: list[str], r: Renumbering) -> Change | None:
    """Write one new number into its source line, if the line still reads as the tree does."""
    at = r.paragraph.line - 1
    if not 0 <= at < len(pieces):
        return None
    raw = pieces[at]
    indent = len(raw) - len(raw.lstrip())
    start, end = indent + r.start, indent + r.end
    if raw[start:end] != r.before:
        return None  # a removed control character moved it: leave the line alone
    pieces[at] = raw[:start] + r.after + raw[end:]
    return Change(r.paragraph.line, start + 1, r.before, r.after, CODE, MESSAGE)
