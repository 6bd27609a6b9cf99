"""The imprint (版记) on LibreOffice's pages: on the last page, an even one, its last rule on the
bottom edge of the text block, whether the text ends on an odd page, on an even page with room
for it, or on a full even page (then a blank page comes first and neither is numbered)."""

from __future__ import annotations

import re
import subprocess

import pytest

from outline2docx import parse
from outline2docx.pdf import export_pdf
from outline2docx.pipeline import Settings, write
from outline2docx.verify.measure import read_pages

from ..conftest import assert_valid_docx, needs_office

pytestmark = needs_office

PAGE_HEIGHT = 841.89  # A4, in points
TEXT_BOTTOM = PAGE_HEIGHT - 35 / 25.4 * 72  # the text block ends 35 mm above the page's edge
FRONT = """---
发文机关标志: 青山县人民政府文件
发文字号: 青政发〔2025〕5号
抄送: 县委办公室，县人大常委会办公室，县政协办公室
印发机关: 青山县人民政府办公室
印发日期: 2025年3月1日
---
"""
# Three lines on the page: the body page holds seven of them.
PARAGRAPH = (
    "各乡镇、各部门要充分认识做好防汛工作的重要性和紧迫性，牢固树立底线思维和极限思维，"
    "克服麻痹思想和侥幸心理，把防汛工作摆在突出位置。"
)


def notice(paragraphs: int) -> str:
    body = "\n\n".join([PARAGRAPH] * paragraphs)
    return f"{FRONT}关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n{body}\n\n青山县人民政府\n2025年3月1日\n"


def dark_rules(pdf, page: int, tmp_path) -> list[float]:
    """The y (points) of the rows of page ``page`` dark over more than half its width."""
    prefix = tmp_path / f"rules{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", "144", "-f", str(page), "-l", str(page), str(pdf),
                    str(prefix)], check=True)  # fmt: skip
    (image,) = tmp_path.glob(f"rules{page}*.pgm")
    magic, size, _, pixels = image.read_bytes().split(b"\n", 3)
    assert magic == b"P5"
    width, height = map(int, size.split())
    columns = range(0, width, 2)
    return [
        y / 2
        for y in range(height)
        if sum(pixels[y * width + x] < 160 for x in columns) > len(columns) / 2
    ]


def laid_out(paragraphs: int, tmp_path, layout: bool = True):
    """The PDF's pages: their text (spaces removed) and where the date stands (page, y)."""
    path = tmp_path / f"notice{paragraphs}.docx"
    path.write_bytes(write(parse(notice(paragraphs)), Settings(layout=layout)))
    assert_valid_docx(path)
    pdf = export_pdf(path, tmp_path)
    measured = read_pages(pdf)
    dates = [
        (page.number, line.y1)
        for page in measured
        for line in page.lines
        if "印发" not in line.text and any(word == "日" for word, _x0, _x1 in line.words)
    ]
    return pdf, [page.text for page in measured], dates[-1]


def page_number(page: str) -> int | None:
    found = re.search(r"—(\d+)—$", page)
    return int(found.group(1)) if found else None


@pytest.mark.parametrize(
    ("paragraphs", "case"),
    [(10, "odd"), (4, "even, with room"), (8, "even, with just room"), (9, "even, without room")],
)
def test_the_imprint_ends_the_last_page_which_is_even(paragraphs, case, tmp_path):
    pdf, pages, (date_page, date_y) = laid_out(paragraphs, tmp_path)
    # The case: the page the text ends on, and the room below its date.
    room = TEXT_BOTTOM - date_y
    assert {
        "odd": date_page % 2 == 1,
        "even, with room": date_page % 2 == 0 and room > 300,
        "even, with just room": date_page % 2 == 0 and 60 < room < 150,
        "even, without room": date_page % 2 == 0 and room < 60,
    }[case], (date_page, room)
    imprint_pages = [n for n, page in enumerate(pages, start=1) if "抄送" in page]
    assert imprint_pages == [len(pages)] and len(pages) % 2 == 0  # the last page, an even one
    expected = {
        "odd": date_page + 1,
        "even, with room": date_page,
        "even, with just room": date_page,
        "even, without room": date_page + 2,
    }[case]
    assert len(pages) == expected
    after_blank = case == "even, without room"
    if after_blank:  # GB/T 9704 §7.5: a blank page before the imprint's, neither numbered
        assert pages[date_page] == "" and page_number(pages[-1]) is None
    else:
        assert page_number(pages[-1]) == len(pages)
    rules = dark_rules(pdf, len(pages), tmp_path)
    # The three rules of the imprint, the last one's lower edge on the text block's.
    groups = [y for y in rules if y - 1 not in rules and y - 0.5 not in rules]
    assert len(groups) == 3, rules
    assert abs(max(rules) + 0.5 - TEXT_BOTTOM) <= 0.5, (max(rules), TEXT_BOTTOM)  # 0.2 mm
    if expected == date_page:  # under the text, not over it
        assert min(groups) > date_y


def test_without_a_layout_the_imprint_still_ends_flush_on_the_next_even_page(tmp_path):
    # What a machine without LibreOffice writes, opened where LibreOffice is: right for a
    # text ending on an odd page, and its rule still on the text block's bottom edge.
    pdf, pages, (date_page, _y) = laid_out(10, tmp_path, layout=False)
    assert date_page == 3 and len(pages) == 4 and page_number(pages[-1]) == 4
    assert "抄送" in pages[-1]
    rules = dark_rules(pdf, len(pages), tmp_path)
    assert abs(max(rules) + 0.5 - TEXT_BOTTOM) <= 0.5, (max(rules), TEXT_BOTTOM)
