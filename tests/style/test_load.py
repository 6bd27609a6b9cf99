"""House style files: built-ins by name, extends by name or path, and files that cannot load."""

from __future__ import annotations

import pytest

from outline2docx.style import StyleError, builtin_styles, load_style, starter_style, style_path


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


def test_extends_by_relative_path(tmp_path):
    (tmp_path / "base.toml").write_text('extends = "speech"\n[text]\nsize = "四号"\n', "utf-8")
    (tmp_path / "child.toml").write_text('extends = "base.toml"\n', "utf-8")
    style = load_style(tmp_path / "child.toml")
    assert style.text.size == 14
    assert style.paragraph_styles["heading 2"].bold is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('extends = "nonexistent"\n', "no house style 'nonexistent'"),
        ("[page\n", "not valid TOML"),
    ],
)
def test_errors_name_the_file(style_error, content, message):
    assert message in style_error(content)


def test_extends_loop_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', "utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', "utf-8")
    with pytest.raises(StyleError, match="loops back"):
        load_style(tmp_path / "a.toml")


def test_unknown_style_name_lists_the_builtins():
    with pytest.raises(StyleError, match="gbt9704, regulation, speech"):
        load_style("nope")


def test_a_starter_style_loads_as_its_base(tmp_path):
    assert style_path("speech") == builtin_styles()["speech"]
    path = tmp_path / "county.toml"
    path.write_text(starter_style("speech"), "utf-8")
    county, speech = load_style(path), load_style("speech")
    assert county.name == "county"
    assert (county.page, county.paragraph_styles) == (speech.page, speech.paragraph_styles)
