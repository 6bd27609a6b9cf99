"""Tables, pictures and inline formatting: what the Sphinx and .docx front-ends bring."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Emu

from outline2docx.convert import to_docx
from outline2docx.errors import Outline2DocxError
from outline2docx.tree.nodes import Document, Paragraph, Picture, Role, Span, Table

from ..docx_view import DocxView, W
from ..images import png
from ..languages import chinese


def cell(text: str) -> list[Paragraph]:
    return [Paragraph(Role.TABLE_TEXT, text, 0)]


def sample() -> Document:
    table = Table(
        [[cell("项目"), cell("金额")], [cell("校舍维修"), cell("560万元")], [cell("合计")]],
        header_rows=1,
    )
    spans = (Span(0, 2, "strong"), Span(3, 5, "emphasis"), Span(6, 12, "literal"))
    return Document(
        [
            Paragraph(Role.BODY, "重点：强调 config.py 文件。", 1, spans=spans),
            table,
            Picture(png(960, 480), "plan.png", description="平面图"),
            Paragraph(Role.CAPTION, "图1 平面图", 3),
        ]
    )


def test_tables_are_word_tables_in_the_table_style():
    word = docx.Document(io.BytesIO(to_docx(sample())))
    (table,) = word.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["项目", "金额"],
        ["校舍维修", "560万元"],
        ["合计", ""],
    ]
    assert table.style.name == "GW Table"
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    view = DocxView(to_docx(sample()))
    cells = [p for p in view.paragraphs() if p.style == "GW Table Text"]
    assert {(p.east_asian, p.size, p.first_line_chars) for p in cells} == {("仿宋_GB2312", 14, 0)}


def test_pictures_are_inline_and_fit_the_text_block():
    data = to_docx(sample())
    word = docx.Document(io.BytesIO(data))
    (shape,) = word.inline_shapes
    text_width = Emu((11906 - 1587 - 1474) * 635)
    assert shape.width == text_width  # 960 px at 96 dpi is wider than the page: scaled down
    assert abs(shape.height - text_width / 2) <= 1
    view = DocxView(data)
    assert view.parts["word/media/image1.png"] == png(960, 480)
    (holder,) = [p for p in view.paragraphs() if p.style == "GW Picture"]
    assert holder.align == "center"
    spacing = view.styles["GWPicture"].find(f"{W}pPr/{W}spacing")
    assert spacing.get(f"{W}lineRule") == "auto"  # exact spacing would cut the picture off


def test_a_small_picture_keeps_its_size():
    document = Document([Picture(png(96, 48, dpi=96), "icon.png")])
    (shape,) = docx.Document(io.BytesIO(to_docx(document))).inline_shapes
    assert (shape.width, shape.height) == (Emu(914400), Emu(457200))


def test_inline_spans_take_character_styles():
    view = DocxView(to_docx(sample()))
    runs = view.paragraphs()[0].runs
    assert [(r.text, r.char_style) for r in runs] == [
        ("重点", "GW Strong"),
        ("：", None),
        ("强调", "GW Emphasis"),
        (" ", None),
        ("config", "GW Literal"),
        (".py 文件。", None),
    ]
    assert runs[0].bold and runs[2].east_asian == "楷体_GB2312" and runs[4].latin == "Courier New"


def test_a_file_that_is_not_a_picture_is_an_error():
    with pytest.raises(Outline2DocxError, match="not a picture"):
        to_docx(Document([Picture(b"not an image", "x.png")]))


def test_a_file_that_is_not_a_picture_is_told_in_chinese():
    with chinese(), pytest.raises(Outline2DocxError) as raised:
        to_docx(Document([Picture(b"not an image", "x.png")]))
    assert str(raised.value).startswith("不是 Word 能显示的图片（PNG、JPEG、GIF、BMP）：")


def test_cells_spanning_columns_and_rows():
    spans = {(0, 0): (1, 2), (0, 1): (2, 1)}  # A covers two rows, B two columns
    table = Table(
        [[cell("A"), cell("B")], [cell("C"), cell("D")], [cell("E"), cell("F"), cell("G")]],
        spans=spans,
    )
    word = docx.Document(io.BytesIO(to_docx(Document([table]))))
    (out,) = word.tables
    grid = [[c.text for c in row.cells] for row in out.rows]
    assert grid == [["A", "B", "B"], ["A", "C", "D"], ["E", "F", "G"]]
    assert out.cell(0, 1)._tc is out.cell(0, 2)._tc  # one cell over two columns
    assert out.cell(0, 0)._tc.tcPr.find(f"{W}vMerge").get(f"{W}val") == "restart"
