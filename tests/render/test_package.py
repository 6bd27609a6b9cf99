"""The package as a whole: it opens in python-docx, and its parts say what GB/T 9704 asks."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Twips

from outline2docx import parse
from outline2docx.convert import to_docx
from outline2docx.render.styles_xml import grid_char_spacing
from outline2docx.style import load_style

from ..conftest import SAMPLES
from ..docx_view import DocxView, W
from ..word_checks import word_problems
from .schema_checks import assert_sound_docx
from .test_blocks import sample as blocks_sample


def speech_docx() -> bytes:
    return to_docx(parse(SAMPLES / "speech.txt"), "speech")


def test_opens_in_python_docx_with_the_page_setup():
    word = docx.Document(io.BytesIO(speech_docx()))
    section = word.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    assert (section.top_margin, section.bottom_margin) == (Twips(2098), Twips(1984))
    assert (section.left_margin, section.right_margin) == (Twips(1587), Twips(1474))
    assert word.settings.odd_and_even_pages_header_footer
    assert word.core_properties.title == "在全区安全生产工作会议上的讲话"
    assert word.paragraphs[0].style.name == "Title"


def test_grid_and_exact_line_pitch():
    view = DocxView(speech_docx())
    grid = view.document.find(f".//{W}sectPr/{W}docGrid")
    assert (grid.get(f"{W}type"), grid.get(f"{W}linePitch")) == ("lines", "579")
    spacing = view.defaults_ppr.find(f"{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
    char_spacing = view.defaults_rpr.find(f"{W}spacing").get(f"{W}val")
    assert char_spacing == "-5"
    # 28 characters of (16 pt - 0.25 pt) fit the 156 mm text block, 29 would not.
    width_pt = (11906 - 1587 - 1474) / 20
    assert 28 * (16 + int(char_spacing) / 20) <= width_pt < 29 * (16 + int(char_spacing) / 20)


def test_the_issuer_mark_sits_off_the_grid_at_its_own_height():
    """A snapped 小初 line would centre the mark in two grid lines, 5 mm below its 35 mm."""
    data = to_docx(parse(str(SAMPLES / "notice.txt")))
    view = DocxView(data)
    ppr = view.styles["GWIssuer"].find(f"{W}pPr")
    assert ppr.find(f"{W}snapToGrid").get(f"{W}val") == "0"
    spacing = ppr.find(f"{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("720", "exact")  # 36 pt
    assert spacing.get(f"{W}beforeLines") == "350"
    assert word_problems(data) == []  # snapToGrid in its place among the pPr children


def test_doc_defaults_name_fonts_and_language_without_theme_fonts():
    view = DocxView(speech_docx())
    fonts = view.defaults_rpr.find(f"{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == "仿宋_GB2312"
    assert view.defaults_rpr.find(f"{W}sz").get(f"{W}val") == "32"
    assert view.defaults_rpr.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"
    assert b"Theme" not in view.parts["word/styles.xml"]


def test_headings_keep_builtin_ids_and_outline_levels():
    view = DocxView(speech_docx())
    for level in (1, 2):
        style = view.styles[f"Heading{level}"]
        assert style.find(f"{W}name").get(f"{W}val") == f"heading {level}"
        assert style.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == str(level - 1)


def test_page_numbers_odd_right_even_left_in_songti():
    word = docx.Document(io.BytesIO(speech_docx()))
    section = word.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —"  # the PAGE field's cached result
    view = DocxView(speech_docx())
    for footer, align, side in (
        ("word/footer1.xml", "right", "right"),
        ("word/footer2.xml", "left", "left"),
    ):
        xml = view.xml(footer)
        assert xml.find(f".//{W}instrText").text.strip() == "PAGE"
        style_id = xml.find(f".//{W}pStyle").get(f"{W}val")
        chain = [view.styles[style_id], view.styles["Footer"]]
        assert chain[0].find(f"{W}pPr/{W}jc").get(f"{W}val") == align
        assert chain[0].find(f"{W}pPr/{W}ind").get(f"{W}{side}Chars") == "100"
        fonts = chain[1].find(f"{W}rPr/{W}rFonts")
        assert (fonts.get(f"{W}eastAsia"), fonts.get(f"{W}ascii")) == ("宋体", "宋体")
        assert chain[1].find(f"{W}rPr/{W}sz").get(f"{W}val") == "28"
        dash_run = xml.find(f".//{W}r")
        assert dash_run.find(f"{W}rPr/{W}rFonts").get(f"{W}hint") == "eastAsia"


def test_changing_a_style_changes_every_paragraph_of_its_role():
    view = DocxView(speech_docx())
    body = view.document.find(f"{W}body")
    direct = [
        el for el in body.iter(f"{W}rPr") if set(c.tag for c in el) - {f"{W}rStyle", f"{W}rFonts"}
    ]
    assert direct == []  # no direct run formatting: styles carry the look
    hints = {el.get(f"{W}hint") for el in body.iter(f"{W}rFonts")}
    assert hints <= {"eastAsia"}
    assert not body.findall(f".//{W}pPr/{W}ind") and not body.findall(f".//{W}pPr/{W}jc")


def test_font_table_lists_every_font_with_its_other_name():
    view = DocxView(speech_docx())
    fonts = {f.get(f"{W}name"): f for f in view.xml("word/fontTable.xml")}
    assert {"仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"} <= set(fonts)
    assert fonts["仿宋_GB2312"].find(f"{W}altName").get(f"{W}val") == "FangSong_GB2312"
    assert fonts["黑体"].find(f"{W}charset").get(f"{W}val") == "86"


def test_an_empty_text_gives_a_document_with_one_empty_paragraph():
    word = docx.Document(io.BytesIO(to_docx(parse(""))))
    assert [p.text for p in word.paragraphs] == [""]


def test_grid_spacing_follows_the_style():
    style = load_style("gbt9704")
    assert grid_char_spacing(style) == -5


def with_a_note(document):
    from outline2docx.tree.nodes import Note, Role

    body = next(p for p in document.paragraphs() if p.role is Role.BODY)
    body.notes = (Note(2, "脚注。"),)
    return document


OUTPUT_KINDS = {
    "speech": lambda: to_docx(parse(SAMPLES / "speech.txt"), "speech"),
    "regulation": lambda: to_docx(parse(SAMPLES / "regulation.txt"), "regulation"),
    "header and imprint": lambda: to_docx(parse(SAMPLES / "notice-with-header.txt")),
    "tables, pictures, spans": lambda: to_docx(blocks_sample()),
    "footnotes and imprint": lambda: to_docx(
        with_a_note(parse(SAMPLES / "notice-with-header.txt"))
    ),
}


@pytest.mark.parametrize("kind", OUTPUT_KINDS)
def test_every_part_keeps_the_schemas_element_order(tmp_path, kind):
    """Word refuses elements out of schema order; LibreOffice and python-docx do not notice.

    Checked against word_checks' own sequences, the writer's declaration and the validator.
    """
    data = OUTPUT_KINDS[kind]()
    assert word_problems(data) == [], kind
    assert_sound_docx(data, tmp_path / "out.docx")
