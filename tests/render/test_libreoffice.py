"""A real renderer lays out the documents: LibreOffice to PDF, measured by outline2docx.verify."""

from __future__ import annotations

import re

import pytest

from outline2docx import parse
from outline2docx.convert import to_docx
from outline2docx.pdf import export_pdf
from outline2docx.verify.measure import Page, read_pages

from ..conftest import CORPUS, SAMPLES, needs_office

pytestmark = needs_office
HAN = re.compile(r"[\u3400-\u9fff]")
NOTICE = CORPUS / "06_gwy_zero_waste_city_pilot_plan.txt"


def pdf_pages(pdf) -> list[Page]:
    return read_pages(pdf)


def render(source, tmp_path, style="gbt9704"):
    out = tmp_path / (source.stem + ".docx")
    out.write_bytes(to_docx(parse(source), style))
    return export_pdf(out, tmp_path)


def body_lines(page: Page) -> tuple[list[str], str]:
    """The page's text lines (spaces removed), top to bottom, and its footer line."""
    lines = [line.text for line in page.lines if line.text]
    return lines[:-1], lines[-1]


@pytest.fixture(scope="module")
def notice_pages(tmp_path_factory):
    if not NOTICE.is_file():
        pytest.skip("../shared/corpus is not available")
    return pdf_pages(render(NOTICE, tmp_path_factory.mktemp("lo")))


def test_a_full_body_page_has_22_lines_of_28_characters(notice_pages):
    lines, _ = body_lines(notice_pages[1])
    assert len(lines) == 22
    # Paragraph ends are shorter, and a line may give one character to the next so that no
    # line starts with a closing mark (Chinese line breaking); none is ever longer than 28.
    assert max(len(line) for line in lines) == 28
    assert sum(len(line) == 28 for line in lines) >= 14


def test_page_numbers_in_the_footers(notice_pages):
    assert len(notice_pages) >= 3
    for number in (1, 2, 3):
        _, footer = body_lines(notice_pages[number - 1])
        assert footer == f"—{number}—"
    second, third = notice_pages[1], notice_pages[2]
    assert second.lines[-1].x1 < second.width / 2  # even page: left
    assert third.lines[-1].x0 > third.width / 2  # odd page: right


def test_every_han_character_reaches_the_pdf_in_order(notice_pages):
    source = HAN.findall(NOTICE.read_text("utf-8"))
    rendered = HAN.findall("".join(page.text for page in notice_pages))
    assert rendered == source


def test_sample_speech_in_speech_style_keeps_the_grid(tmp_path):
    pages = pdf_pages(render(SAMPLES / "speech.txt", tmp_path, "speech"))
    lines, footer = body_lines(pages[0])
    assert footer == "—1—"
    assert max(len(line) for line in lines) <= 28
    assert HAN.findall("".join(p.text for p in pages)) == HAN.findall(
        (SAMPLES / "speech.txt").read_text("utf-8")
    )


def test_page_number_has_a_space_on_each_side_of_the_digits(tmp_path):
    if not NOTICE.is_file():
        pytest.skip("../shared/corpus is not available")
    pdf = render(NOTICE, tmp_path)
    dash, number, dash_again = read_pages(pdf)[1].lines[-1].words
    assert (dash[0], number[0], dash_again[0]) == ("—", "2", "—")
    # pdftotext drops the spaces of "— 2 —", but the gaps show them: about a quarter em each
    assert number[1] - dash[2] > 2 and dash_again[1] - number[2] > 2


def test_the_signature_never_stands_on_a_page_without_text(tmp_path):
    # This sample's text fills page 2 to the last line: unkept, the signature and the date
    # would go to page 3 alone, which GB/T 9704 does not allow.
    pages = pdf_pages(render(SAMPLES / "notice-with-header.txt", tmp_path))
    (page,) = [p for p in pages if "2025年2月28日" in p.text]
    lines, _footer = body_lines(page)
    assert lines.index("青山县人民政府") >= 1, lines
