"""The layout that places the imprint: the text block read from the .docx, the placement chosen
from the last page's parity and room, and a note when LibreOffice is not there to lay it out."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from outline2docx import parse
from outline2docx.pipeline import Settings, default_style, write
from outline2docx.render.imprint import Placement
from outline2docx.render.layout import TextBlock, placement_of
from outline2docx.render.package import render_docx
from outline2docx.verify.measure import Line, Page

from ..cli import run
from ..conftest import SAMPLES
from ..docx_view import W

NOTICE = SAMPLES / "notice-with-header.txt"
PITCH = 579 / 20  # 28.95 pt
BLOCK = TextBlock(top=2098 / 20, bottom=(16838 - 1984) / 20, pitch=PITCH)


def test_the_text_block_is_read_from_the_documents_last_section():
    probe = render_docx(parse(NOTICE), default_style(), None, Placement.NONE)
    assert TextBlock.of(probe) == BLOCK  # 37 mm from the top, 35 mm from the bottom, 22 lines


def page(number: int, *bottoms: float) -> Page:
    """A page whose text lines reach down to ``bottoms``, plus a page number in the footer."""
    lines = [Line("正文", 100, bottom - 16, 400, bottom) for bottom in bottoms]
    return Page(number, 595, 842, [*lines, Line("—2—", 280, 765, 320, 780)])


def line_bottom(row: int) -> float:
    """The lowest ink of the text on grid line ``row`` (from 1): a little above its bottom."""
    return BLOCK.top + row * PITCH - 5


@pytest.mark.parametrize(
    ("pages", "box", "placement"),
    [
        ([page(1, line_bottom(22))], 60, Placement.NEXT_PAGE),
        ([page(1), page(2), page(3, line_bottom(3))], 60, Placement.NEXT_PAGE),
        ([page(1), page(2, line_bottom(10))], 60, Placement.SAME_PAGE),
        # 20 lines used leave 2 × 28.95 = 57.9 pt: room for a box of 55 pt and the 2 pt of
        # the paragraphs it hangs from, not for one of 57.
        ([page(1), page(2, line_bottom(20))], 55, Placement.SAME_PAGE),
        ([page(1), page(2, line_bottom(20))], 57, Placement.AFTER_BLANK),
        ([page(1), page(2, line_bottom(22))], 30, Placement.AFTER_BLANK),
        # Only the probe's 1 pt paragraph went on to an even page: the whole page is free.
        ([page(1), page(2)], 60, Placement.SAME_PAGE),
    ],
)
def test_the_last_pages_parity_and_room_place_the_imprint(pages, box, placement):
    assert placement_of(pages, BLOCK, box) is placement


def test_a_text_line_reaching_past_its_grid_line_counts_its_grid_line_only():
    # A line box 1 pt past row 10's bottom (font metrics) still ends on row 10.
    assert BLOCK.line_bottom(BLOCK.top + 10 * PITCH + 1) == pytest.approx(BLOCK.top + 10 * PITCH)
    assert TextBlock(100, 700, None).line_bottom(333.3) == 333.3  # no grid: where the ink ends


def sections(data: bytes) -> list[etree._Element]:
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    return etree.fromstring(document).findall(f".//{W}sectPr")


def test_without_libreoffice_the_imprint_starts_on_the_next_even_page_and_a_note_says_so(
    monkeypatch,
):
    monkeypatch.setattr("outline2docx.pdf.find_office", lambda: None)
    notes: list[str] = []
    data = write(parse(NOTICE), Settings(), notes)
    assert sections(data)[-1].find(f"{W}type").get(f"{W}val") == "evenPage"
    assert len(notes) == 1 and "LibreOffice" in notes[0] and "版记" in notes[0]


def test_no_layout_asked_for_is_no_note(monkeypatch, tmp_path):
    monkeypatch.setattr("outline2docx.pdf.find_office", lambda: None)
    target = tmp_path / "notice.docx"
    done = run("convert", str(NOTICE), "-o", str(target), "--no-layout", "-q")
    assert done.returncode == 0 and "版记" not in done.stderr, done.stderr
    assert sections(target.read_bytes())[-1].find(f"{W}type").get(f"{W}val") == "evenPage"
    done = run("convert", str(NOTICE), "-o", str(target), "--force", "-q")
    assert done.returncode == 0
    assert "the imprint (版记) starts on the next even page" in done.stderr


def test_a_text_too_long_to_lay_out_is_not_laid_out_and_a_note_says_so(monkeypatch):
    monkeypatch.setattr("outline2docx.pipeline.LAYOUT_LIMIT", 100)
    monkeypatch.setattr("outline2docx.pdf.export_pdf", _never_called)
    notes: list[str] = []
    data = write(parse(NOTICE), Settings(), notes)
    assert sections(data)[-1].find(f"{W}type").get(f"{W}val") == "evenPage"
    assert len(notes) == 1 and "too long to lay out" in notes[0] and "at most 100)" in notes[0]


def test_a_layout_libreoffice_fails_is_a_note_not_an_error(monkeypatch):
    from outline2docx.pdf import PdfError

    def fails(*args, **kwargs):
        raise PdfError("layout.docx: LibreOffice did not finish within 60 s")

    monkeypatch.setattr("outline2docx.pdf.export_pdf", fails)
    monkeypatch.setattr("outline2docx.pdf.find_office", lambda: "/usr/bin/soffice")
    monkeypatch.setattr("outline2docx.verify.measure.missing_tools", lambda: [])
    notes: list[str] = []
    data = write(parse(NOTICE), Settings(), notes)
    assert sections(data)[-1].find(f"{W}type").get(f"{W}val") == "evenPage"
    assert notes == [
        f"{parse(NOTICE).source}: note: the imprint (版记) starts on the next even page: "
        "LibreOffice could not lay the text out"
    ]


def _never_called(*args, **kwargs):
    raise AssertionError("LibreOffice was asked to lay out a text past the limit")
