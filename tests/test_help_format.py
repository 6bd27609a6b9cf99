"""Help text wrapped by the columns a terminal gives each character."""

from __future__ import annotations

import unicodedata

import pytest

from outline2docx.help_format import WideHelpFormatter, is_wide, narrowed, widened


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize(
    "text",
    [
        "English only, as click wraps it.",
        "中文 与 English 混排：（一）、1.",
        "每页 22 行，每行 28 字",
        "",
    ],
)
def test_narrowing_undoes_widening(text):
    assert narrowed(widened(text)) == text


def test_a_wide_character_counts_twice_while_click_wraps():
    assert len(widened("公文格式")) == _columns("公文格式") == 8
    assert is_wide("公") and is_wide("，") and not is_wide("a") and not is_wide("—")


@pytest.mark.parametrize("width", [20, 33, 50, 78])
def test_chinese_text_wraps_within_the_width_and_keeps_every_character(width):
    text = (
        "识别 FILE 的结构并输出大纲预览（不写入任何内容）。除非给出 --encoding，否则自动检测编码。"
        * 3
    )
    formatter = WideHelpFormatter(width=width)
    formatter.write_text(text)
    lines = formatter.getvalue().splitlines()
    assert max(_columns(line) for line in lines) <= width
    assert "".join(line.replace(" ", "") for line in lines) == text.replace(" ", "")


def test_no_line_starts_with_closing_punctuation():
    formatter = WideHelpFormatter(width=24)
    formatter.write_text(
        "一二三四五六七八九十一二三四五六七八九十，一二三四五六七八九十一二三。" * 2
    )
    assert not any(line.lstrip()[:1] in "，。）" for line in formatter.getvalue().splitlines())


def test_english_is_wrapped_exactly_as_click_wraps_it():
    import click

    text = "Numbering gaps, repeats and wrong forms, levels out of order, placeholders left in."
    ours, clicks = WideHelpFormatter(width=40), click.HelpFormatter(width=40)
    ours.write_text(text)
    clicks.write_text(text)
    assert ours.getvalue() == clicks.getvalue()
