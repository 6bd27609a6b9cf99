"""Applying the rules: columns and codes of each change, ignored rules, whole texts, sources."""

from __future__ import annotations

from hypothesis import example, given, settings

from outline2docx.fix import fix_line, fix_text

from ..strategies import DRAFTS


def test_changes_say_where_and_what():
    _fixed, changes = fix_line("各位代表,同志们:", number=7, indent=2)
    assert [(c.line, c.column, c.before, c.after, c.code) for c in changes] == [
        (7, 7, ",", "，", "half-width-punctuation"),
        (7, 11, ":", "：", "half-width-punctuation"),
    ]


def test_ignoring_a_rule():
    fixed, _ = fix_line("1、各位代表,同志们:", ignore=frozenset({"half-width-punctuation"}))
    assert fixed == "1.各位代表,同志们:"


def test_fix_text_keeps_line_breaks_and_indentation():
    text = "标题\r\n\u3000\u3000各位代表,同志们:\n\n正文.\u2028末行"
    fixed, _changes, lines = fix_text(text)
    assert fixed == "标题\r\n\u3000\u3000各位代表，同志们：\n\n正文。\u2028末行"
    assert [number for number, _, _ in lines] == [2, 4]
    assert lines[0] == (2, "\u3000\u3000各位代表,同志们:", "\u3000\u3000各位代表，同志们：")


@settings(max_examples=300, deadline=None)
@given(DRAFTS)
@example(":,—")  # a mark's context was its neighbour mark, fixed only in the first pass
@example("０,.")  # the full-width digit, once converted, made a numbering "0，"
def test_fixing_twice_changes_nothing_more(line):
    once, _ = fix_line(line)
    twice, changes = fix_line(once)
    assert twice == once, changes
