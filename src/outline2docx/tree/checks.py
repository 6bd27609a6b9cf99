"""Diagnostics over a built tree: numbering gaps, repeats and mixed forms; close calls."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from outline2docx.i18n import _
from outline2docx.tree.nodes import Block, Diagnostic, Paragraph, lead_paragraph, sibling_lists
from outline2docx.tree.numbering import NumberingKind

# Roles recognized with less confidence than this are close calls a reader should look at.
CLOSE_CALL = 0.83


def is_close_call(paragraph: Paragraph) -> bool:
    """True when another role came close to the one the paragraph was given."""
    return paragraph.runner_up is not None and paragraph.confidence < CLOSE_CALL


def close_calls(paragraphs: Iterable[Paragraph]) -> Iterator[Diagnostic]:
    """A diagnostic for each close call, saying how to settle it with --role."""
    for p in paragraphs:
        if is_close_call(p):
            other = p.runner_up.value
            yield Diagnostic(
                p.line,
                1,
                "close-call",
                _(
                    "read as {role}, but it could be {other} (confidence {confidence:.2f}): "
                    "check it, or settle it with --role {line}={other}"
                ).format(role=p.role.value, other=other, confidence=p.confidence, line=p.line),
            )


def check_numbering(blocks: list[Block]) -> list[Diagnostic]:
    """Diagnostics for numbering gaps, repeats and inconsistent forms, in line order."""
    found = list(_sequence_problems(blocks)) + list(_form_problems(blocks))
    return sorted(found, key=lambda d: (d.line, d.code))


def _numbered(blocks: list[Block]) -> Iterator[Paragraph]:
    for block in blocks:
        paragraph = lead_paragraph(block)
        if paragraph is not None and paragraph.numbering is not None:
            yield paragraph


def _sequence_problems(blocks: list[Block]) -> Iterator[Diagnostic]:
    # Numbering may run on across parents (1.–21. across （一）–（五）), so the first item of a
    # container may also continue the last number seen of its kind anywhere before it.
    last_anywhere: dict[NumberingKind, int] = {}
    containers = sorted(
        ((min((p.line for p in _numbered(c)), default=0), c) for c in sibling_lists(blocks)),
        key=lambda pair: pair[0],
    )
    for _first_line, children in containers:
        previous: dict[NumberingKind, Paragraph] = {}
        for paragraph in _numbered(children):
            number = paragraph.numbering
            if number.value is None:
                continue
            before = previous.get(number.kind)
            expected = {1}
            if before is not None:
                expected.add(before.numbering.value + 1)
            elif number.kind in last_anywhere:
                expected.add(last_anywhere[number.kind] + 1)
            if number.value not in expected:
                if before is not None and number.value == before.numbering.value:
                    yield Diagnostic(
                        paragraph.line,
                        1,
                        "numbering-repeat",
                        _("{label} repeats the number of line {line}").format(
                            label=number.label.strip(), line=before.line
                        ),
                    )
                else:
                    want = _(" or ").join(str(v) for v in sorted(expected - {1}) or [1])
                    yield Diagnostic(
                        paragraph.line,
                        1,
                        "numbering-gap",
                        _("{label} is number {number}; expected {expected}").format(
                            label=number.label.strip(), number=number.value, expected=want
                        ),
                    )
            previous[number.kind] = paragraph
            last_anywhere[number.kind] = number.value


def _form_problems(blocks: list[Block]) -> Iterator[Diagnostic]:
    by_kind: dict[NumberingKind, list[Paragraph]] = {}
    for children in sibling_lists(blocks):
        for paragraph in _numbered(children):
            by_kind.setdefault(paragraph.numbering.kind, []).append(paragraph)
    for paragraphs in by_kind.values():
        forms = Counter(p.numbering.form for p in paragraphs)
        if len(forms) < 2:
            continue
        usual = forms.most_common(1)[0][0]
        for p in paragraphs:
            if p.numbering.form != usual:
                yield Diagnostic(
                    p.line,
                    1,
                    "numbering-form",
                    _("{label} is written {form}; the document mostly writes {usual}").format(
                        label=p.numbering.label.strip(),
                        form=repr(p.numbering.form),
                        usual=repr(usual),
                    ),
                )
