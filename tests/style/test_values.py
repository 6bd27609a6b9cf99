"""Single values of a style file: units, 字号, colours, rules, and the errors that name the key."""

from __future__ import annotations

import pytest

from outline2docx.style import CHINESE_SIZES, Border, load_style
from outline2docx.style.values import border, font_size, length, line_spacing


def test_a_user_style_extends_a_builtin_and_uses_units(tmp_path):
    path = tmp_path / "county.toml"
    path.write_text(
        'extends = "gbt9704"\n'
        '[page]\ntop = "3.7cm"\nleft = "79.4pt"\n'
        '[paragraph_styles."heading 1"]\nsize = "小二"\nbold = true\nline_spacing = 1.5\n'
        '[paragraph_styles.Title]\nline_spacing = "30pt"\n'
        '[paragraph_styles.Normal]\nsize = "10.5pt"\n',
        "utf-8",
    )
    style = load_style(path)
    assert (style.page.top, style.page.left) == (2098, 1588)
    assert style.paragraph_styles["heading 1"].size == CHINESE_SIZES["小二"] == 18
    assert style.paragraph_styles["Normal"].size == 10.5
    assert style.paragraph_styles["heading 1"].line_spacing == ("auto", 360)
    assert style.paragraph_styles["Title"].line_spacing == ("exact", 600)


@pytest.mark.parametrize(
    ("value", "twips"),
    [("37mm", 2098), ("2.5cm", 1417), ("12pt", 240), ("1in", 1440), (" 100 tw ", 100)],
)
def test_lengths_in_twips(value, twips):
    assert length(value) == twips


def test_sizes_lines_and_rules_convert():
    assert (font_size("三号"), font_size("16pt"), font_size(12)) == (16.0, 16.0, 12.0)
    assert (line_spacing("28pt"), line_spacing(2)) == (("exact", 560), ("auto", 480))
    assert border({"width": "1pt", "color": "ff0000", "space": "4pt"}) == Border(8, "FF0000", 4)
    assert border({"width": "0.5pt"}) == Border(4, "000000", 0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('extends = "gbt9704"\n[page]\ntop = "37"\n', "key 'page.top': '37' is not a length"),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\nsize = "三好"\n',
            "'paragraph_styles.Normal.size': '三好' is not a font size",
        ),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\ncolor = "red"\n',
            "'paragraph_styles.Normal.color': 'red' is not a colour",
        ),
        (
            'extends = "gbt9704"\n[paragraph_styles."heading 1"]\nbold = "yes"\n',
            "'yes' is not true or false",
        ),
        (
            'extends = "gbt9704"\n[page_number]\nformat = "- page -"\n',
            "must contain {page} exactly once",
        ),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\nline_spacing = 9\n',
            "is not a line spacing",
        ),
    ],
)
def test_bad_values_name_the_file_and_the_key(style_error, content, message):
    assert message in style_error(content)
