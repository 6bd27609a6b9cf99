"""The safe normalizations of ``fix`` (--fix), applied to a draft's lines before recognizing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from outline2docx.fix import fix_line, unified_diff

if TYPE_CHECKING:
    from outline2docx.pipeline import Draft, Settings


def fix_draft(draft: Draft, settings: Settings) -> None:
    """Fix every line of ``draft`` (a Word body's paragraphs too, spans and notes moved along);
    with ``settings.diff`` the changes go into the draft's notes as a unified diff."""
    if draft.items is not None:
        from outline2docx.read.docx import fix_items, source_lines

        changed = fix_items(draft.items)
        draft.lines = source_lines(draft.items)
    else:
        changed = []
        for n, line in enumerate(draft.lines):
            fixed, changes = fix_line(line.text, line.number, indent=line.indent)
            if changes:
                changed.append((line.number, line.text, fixed))
                draft.lines[n] = line._replace(text=fixed)
    if settings.diff and changed:
        draft.notes.append(unified_diff(draft.source, changed))
