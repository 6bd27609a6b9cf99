"""Moving positions and formatting spans from a text onto the same text fixed."""

from __future__ import annotations

from collections.abc import Callable


def position_map(before: str, after: str) -> Callable[[int], int]:
    """Where a position in ``before`` lands in ``after``, the same text fixed."""
    import difflib

    blocks = difflib.SequenceMatcher(None, before, after, autojunk=False).get_matching_blocks()

    def moved(position: int) -> int:
        for a, b, size in blocks:
            if a <= position <= a + size:
                return b + (position - a)
        return min(position, len(after))

    return moved


def remap_spans(spans, before: str, after: str) -> list:
    """Spans over ``before`` moved onto ``after`` (a fix may change lengths)."""
    if before == after or not spans:
        return list(spans)
    moved = position_map(before, after)
    out = []
    for span in spans:
        start, end = moved(span.start), moved(span.end)
        if start < end:
            out.append(type(span)(start, end, span.kind))
    return out
