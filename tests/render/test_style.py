"""House style files: built-ins, extends, units, and errors that name file and key."""

from __future__ import annotations

import pytest

from outline2docx.render.style import (
    CHINESE_SIZES,
    StyleError,
    builtin_styles,
    load_style,
)


def test_builtin_styles_are_shipped_and_load():
    assert set(builtin_styles()) >= {"gbt9704", "speech", "regulation"}
    for name in builtin_styles():
        style = load_style(name)
        assert style.name == name
        assert style.description


def test_default_page_follows_gbt9704():
    page = load_style("gbt9704").page
    assert (page.width, page.height) == (11906, 16838)
    assert (page.top, page.bottom, page.left, page.right) == (2098, 1984, 1587, 1474)
    assert (page.lines, page.chars, page.line_pitch) == (22, 28, 579)
    assert page.duplex


def test_extends_overrides_only_what_it_names():
    base, speech = load_style("gbt9704"), load_style("speech")
    assert base.paragraph_styles["heading 2"].bold is None
    assert speech.paragraph_styles["heading 2"].bold is True
    assert speech.paragraph_styles["heading 2"].east_asian == "楷体_GB2312"
    assert speech.page == base.page


def test_regulation_puts_chapters_in_word_headings():
    roles = load_style("regulation").roles
    assert roles["chapter"] == ("heading 1", None)
    assert roles["article"] == ("Normal", "GW Article Label")


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


def test_extends_by_relative_path(tmp_path):
    (tmp_path / "base.toml").write_text('extends = "speech"\n[text]\nsize = "四号"\n', "utf-8")
    (tmp_path / "child.toml").write_text('extends = "base.toml"\n', "utf-8")
    style = load_style(tmp_path / "child.toml")
    assert style.text.size == 14
    assert style.paragraph_styles["heading 2"].bold is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('extends = "gbt9704"\n[page]\ntopp = "37mm"\n', "key 'page.topp': unknown key"),
        ('extends = "gbt9704"\n[page]\ntop = "37"\n', "key 'page.top': '37' is not a length"),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\nsize = "三好"\n',
            "'paragraph_styles.Normal.size': '三好' is not a font size",
        ),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\ncolour = "FF0000"\n',
            "'paragraph_styles.Normal.colour': unknown key",
        ),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\ncolor = "red"\n',
            "'paragraph_styles.Normal.color': 'red' is not a colour",
        ),
        (
            'extends = "gbt9704"\n[character_styles."GW Lead"]\nalign = "center"\n',
            "'character_styles.GW Lead.align': unknown key",
        ),
        (
            'extends = "gbt9704"\n[paragraph_styles."heading 1"]\nbold = "yes"\n',
            "'yes' is not true or false",
        ),
        ('extends = "gbt9704"\n[roles]\nh9 = "Normal"\n', "key 'roles.h9': unknown role"),
        (
            'extends = "gbt9704"\n[roles]\nh1 = "Heading One"\n',
            "key 'roles.h1': no paragraph style 'Heading One'",
        ),
        ('extends = "gbt9704"\n[roles]\nrunin = ["Normal", "Bold"]\n', "no character style 'Bold'"),
        (
            'extends = "gbt9704"\n[page_number]\nformat = "- page -"\n',
            "must contain {page} exactly once",
        ),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\nline_spacing = 9\n',
            "is not a line spacing",
        ),
        ('extends = "nonexistent"\n', "no house style 'nonexistent'"),
        ("[page\n", "not valid TOML"),
        ('description = "no extends"\n', "key 'paragraph_styles.Normal': is required"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(StyleError) as info:
        load_style(path)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)
    assert info.value.exit_code == 2


def test_extends_loop_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', "utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', "utf-8")
    with pytest.raises(StyleError, match="loops back"):
        load_style(tmp_path / "a.toml")


def test_unknown_style_name_lists_the_builtins():
    with pytest.raises(StyleError, match="gbt9704, regulation, speech"):
        load_style("nope")
