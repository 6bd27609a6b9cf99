"""The page rules on page models made by hand: what a measure must be for each finding."""

from __future__ import annotations

from pathlib import Path

from outline2docx import parse
from outline2docx.verify.measure import Line, Page
from outline2docx.verify.rules import (
    PITCH,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_TOP,
    Rendering,
    check_characters,
    check_lines,
    check_page_numbers,
)

A4 = (595.3, 841.9)
FULL = "党" * 28


def page(number: int, texts: list[str], pitch: float = PITCH, hang: str = "") -> Page:
    """A page of body lines ``pitch`` apart from the text block's top, each flush left."""
    lines = []
    for n, text in enumerate(texts):
        top = TEXT_TOP + 8 + n * pitch
        right = TEXT_LEFT + len(text) * (TEXT_RIGHT - TEXT_LEFT) / 28
        lines.append(Line(text + hang, TEXT_LEFT, top, right + (16 if hang else 0), top + 20.8))
    return Page(number, *A4, lines)


def rendering(*pages: Page) -> Rendering:
    return Rendering(list(pages), parse("标题\n正文。"), Path("unused.pdf"))


def test_22_lines_of_28_pass():
    assert not list(check_lines(rendering(page(1, [FULL] * 22), page(2, [FULL] * 22),
                                          page(3, [FULL]))))  # fmt: skip
    assert not list(check_characters(rendering(page(1, [FULL] * 22), page(2, [FULL]))))


def test_a_full_page_of_23_lines_on_the_right_pitch_is_reported():
    # 23 lines at 28.95 pt: a text block taller than 225 mm
    found = list(check_lines(rendering(page(1, [FULL]), page(2, [FULL] * 23), page(3, [FULL]))))
    assert [(f.page, f.code) for f in found] == [(2, "render-lines")]
    assert found[0].message.startswith("23 lines on a full page")


def test_a_page_that_is_not_full_or_the_last_is_not_counted():
    short = page(2, [FULL] * 12)
    assert not list(check_lines(rendering(page(1, [FULL]), short, page(3, [FULL] * 23))))


def test_a_closer_pitch_is_reported_with_the_lines_it_would_give():
    found = list(check_lines(rendering(page(1, [FULL] * 30, pitch=21.0), page(2, [FULL]))))
    assert [(f.page, f.code) for f in found] == [(1, "render-lines")]
    assert "21.0 pt apart: 30 would fill a page" in found[0].message


def test_29_characters_are_reported_but_a_hanging_full_stop_is_not():
    hanging = rendering(page(1, [FULL[:-1]] * 5 + ["党" * 27], hang="。"), page(2, [FULL]))
    assert not list(check_characters(hanging))
    wide = rendering(page(1, ["党" * 29] * 5), page(2, [FULL]))
    (finding,) = check_characters(wide)
    assert (finding.code, finding.message[:2]) == ("render-chars", "29")


def footer(number: int) -> Line:
    """The page number "— N —" where outline2docx puts it."""
    return Line(f"—{number}—", 93.2, 759.4, 132.6, 777.6)


def test_a_blank_page_before_the_imprint_and_the_imprint_page_go_unnumbered():
    text = page(1, [FULL] * 5)
    blank = Page(2, *A4, [footer(2)])
    imprint = page(3, ["抄送：县委办公室。", "青山县人民政府办公室2025年3月1日印发"])
    imprint.lines.append(footer(3))
    found = [(f.page, f.code, f.message[:14]) for f in check_page_numbers(
        rendering(text, blank, imprint))]  # fmt: skip
    assert found == [
        (1, "render-page-number", "no page number"),
        (2, "render-page-number", "a blank page b"),
        (3, "render-page-number", "a blank page b"),
    ]
