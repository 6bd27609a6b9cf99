"""Formatting spans and footnote positions follow their text through a fix."""

from __future__ import annotations

from outline2docx.fix import fix_line, position_map, remap_spans
from outline2docx.tree.nodes import Span


def test_positions_move_with_the_text_they_follow():
    before = "要做到...注意"
    after, _ = fix_line(before)
    assert after == "要做到……注意"
    moved = position_map(before, after)
    assert [moved(p) for p in (0, 3, 6, len(before))] == [0, 3, 5, len(after)]


def test_spans_keep_covering_their_words():
    before = "各位代表,要高度重视..."
    after, _ = fix_line(before)
    spans = [Span(6, 10, "strong"), Span(0, 4, "emphasis")]
    remapped = remap_spans(spans, before, after)
    assert [(after[s.start : s.end], s.kind) for s in remapped] == [
        ("高度重视", "strong"),
        ("各位代表", "emphasis"),
    ]


def test_a_span_over_removed_text_is_dropped_and_unchanged_text_keeps_its_spans():
    assert remap_spans([Span(3, 4, "strong")], "（一）、加强", "（一）加强") == []  # 、
    spans = (Span(0, 2, "strong"),)
    assert remap_spans(spans, "加强", "加强") == list(spans)
