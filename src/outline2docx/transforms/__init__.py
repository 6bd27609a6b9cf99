"""The transforms: named steps that run, in table order, on every document of the pipeline.

Source transforms change the lines before the recognizer reads them (a fixed numbering form
changes what a line is); tree transforms change the recognized tree. Role overrides are not
a step of their own: the recognizer decodes the document around them (see ``recognize``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outline2docx.i18n import _

if TYPE_CHECKING:
    from outline2docx.pipeline import Draft, Settings

SOURCE, TREE = "source", "tree"


@dataclass(frozen=True, slots=True)
class Transform:
    """One step: its name, its stage, when it runs, and what it does to a draft."""

    name: str
    stage: str  # SOURCE (before recognizing) or TREE (after)
    wanted: Callable[[Settings], bool]
    apply: Callable[[Draft, Settings], None]


def _always(settings: Settings) -> bool:
    return True


def _fix(draft: Draft, settings: Settings) -> None:
    from outline2docx.transforms.fixing import fix_draft

    fix_draft(draft, settings)


def _renumber(draft: Draft, settings: Settings) -> None:
    from outline2docx.transforms.renumbering import renumber_draft

    renumber_draft(draft, settings)


def _imprint(draft: Draft, settings: Settings) -> None:
    from outline2docx.transforms.imprint import lift_imprint

    note = _("{file}:{line}: note: set as the imprint (版记): {text}")
    for paragraph in lift_imprint(draft.document):
        draft.notes.append(note.format(file=draft.source, line=paragraph.line, text=paragraph.text))


def _metadata(draft: Draft, settings: Settings) -> None:
    from outline2docx.transforms.metadata import apply_metadata

    apply_metadata(draft.document, settings.meta)


def _drop_noise(draft: Draft, settings: Settings) -> None:
    from outline2docx.transforms.noise import drop_noise

    note = _("{file}:{line}: dropped web residue: {text}")
    for paragraph in drop_noise(draft.document):
        draft.notes.append(note.format(file=draft.source, line=paragraph.line, text=paragraph.text))


def _numbering_checks(draft: Draft, settings: Settings) -> None:
    from outline2docx.tree.checks import check_numbering

    document = draft.document
    document.diagnostics += check_numbering(document.children)
    document.diagnostics.sort(key=lambda d: (d.line, d.column))


TRANSFORMS: tuple[Transform, ...] = (
    # name              stage   runs when                       does
    Transform("fix", SOURCE, lambda s: s.fix, _fix),
    Transform("imprint", TREE, _always, _imprint),
    Transform("metadata", TREE, _always, _metadata),
    Transform("drop-noise", TREE, lambda s: s.drop_noise, _drop_noise),
    Transform("renumber", TREE, lambda s: s.renumber, _renumber),
    Transform("numbering-checks", TREE, _always, _numbering_checks),
)


def run_transforms(stage: str, draft: Draft, settings: Settings) -> None:
    """Apply the transforms of ``stage`` that ``settings`` asks for, in table order."""
    for step in TRANSFORMS:
        if step.stage == stage and step.wanted(settings):
            step.apply(draft, settings)
