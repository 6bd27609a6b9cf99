"""Renumbering (--renumber) on the recognized tree: heading numbers per level and parent.

A tree transform, since which number a heading should have depends on its level and parent,
known only once the lines are recognized; ``fix --renumber`` writes the same plan into the
source text instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from outline2docx.fix import unified_diff
from outline2docx.tree import renumber

if TYPE_CHECKING:
    from outline2docx.pipeline import Draft, Settings


def renumber_draft(draft: Draft, settings: Settings) -> None:
    """Renumber the draft's tree; with ``settings.diff`` the changed lines go into its notes."""
    planned = renumber.plan(draft.document.children)
    before = {r.paragraph.line: r.paragraph.text for r in planned}
    renumber.apply(planned)
    if settings.diff and planned:
        changed = [(r.paragraph.line, before[r.paragraph.line], r.paragraph.text) for r in planned]
        draft.notes.append(unified_diff(draft.source, changed))
