"""The diff of a fix: one hunk per changed line, indentation shown as it is."""

from __future__ import annotations

from outline2docx.fix import fix_text, unified_diff


def test_one_hunk_per_changed_line():
    text = "标题\r\n\u3000\u3000各位代表,同志们:\n\n正文.\u2028末行"
    _fixed, _changes, lines = fix_text(text)
    assert unified_diff("x.txt", lines).splitlines() == [
        "--- x.txt",
        "+++ x.txt (fixed)",
        "@@ -2 +2 @@",
        "-\u3000\u3000各位代表,同志们:",
        "+\u3000\u3000各位代表，同志们：",
        "@@ -4 +4 @@",
        "-正文.",
        "+正文。",
    ]


def test_nothing_changed_is_the_header_alone():
    assert unified_diff("x.txt", []) == "--- x.txt\n+++ x.txt (fixed)"
