"""Style files written to break the loader: loops, depth, sizes and pages that cannot be drawn.

Each is refused with one StyleError line that names the file and the key (exit 2 in the
command line), never a traceback, a hang or a page that cannot hold text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from outline2docx.style import StyleError, load_style, style_text
from outline2docx.style.load import MAX_EXTENDS, MAX_STYLE_BYTES

from ..cli import run
from ..conftest import assert_valid_docx
from ..docx_view import DocxView


def refused(path: Path) -> str:
    """The one-line message of the StyleError loading ``path`` must raise."""
    with pytest.raises(StyleError) as info:
        load_style(path)
    message = str(info.value)
    assert "\n" not in message
    assert info.value.exit_code == 2
    return message


# ---- extends ---------------------------------------------------------------------------------


def test_extends_back_to_itself_by_another_spelling_is_a_loop(tmp_path):
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.toml").write_text('extends = "../dir/a.toml"\n', "utf-8")
    message = refused(folder / "a.toml")
    assert message.startswith(f"{folder / 'a.toml'}: key 'extends': '../dir/a.toml' loops back")
    assert len(message) < 300  # found at once, not after the path has grown to the OS limit


def test_a_loop_through_a_folder_that_grows_the_path_is_found(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "a.toml").write_text('extends = "x/../b.toml"\n', "utf-8")
    (tmp_path / "b.toml").write_text('extends = "x/../a.toml"\n', "utf-8")
    assert "key 'extends': 'x/../a.toml' loops back" in refused(tmp_path / "a.toml")


def test_a_chain_of_extends_is_bounded(tmp_path):
    count = MAX_EXTENDS + 2
    for number in range(count):
        parent = f"s{number + 1}.toml" if number + 1 < count else "gbt9704"
        (tmp_path / f"s{number}.toml").write_text(f'extends = "{parent}"\n', "utf-8")
    message = refused(tmp_path / "s0.toml")
    assert f"key 'extends': more than {MAX_EXTENDS} styles extend in a row" in message
    # a chain within the bound still loads
    assert load_style(tmp_path / "s3.toml").page == load_style("gbt9704").page


def test_an_extends_name_too_long_for_the_file_system(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text(f'extends = "{"长" * 3000}.toml"\n', "utf-8")
    message = refused(path)
    assert message.startswith(f"{path}: key 'extends': cannot open '长长")
    assert len(message) < 500  # the name is quoted cut short


# ---- what the file holds ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("a = " + "[" * 10_000 + "]" * 10_000 + "\n", "key 'a' (line 1)"),
        ("[text]\nb = " + "{ c = " * 10_000 + "1" + " }" * 10_000 + "\n", "key 'text.b' (line 2)"),
        (  # shallow enough for the parser, deeper than any style needs
            'extends = "gbt9704"\n[roles]\ntitle = ' + "[" * 50 + '"Normal"' + "]" * 50 + "\n",
            "key 'roles.title[0][0][0][0][0][0][0]'",
        ),
    ],
)
def test_deep_nesting_is_an_error_naming_the_key(tmp_path, content, key):
    path = tmp_path / "deep.toml"
    path.write_text(content, "utf-8")
    assert refused(path) == f"{path}: {key}: nested more than 8 tables or arrays deep"


def test_a_role_given_a_list_inside_a_list_is_refused(tmp_path):
    path = tmp_path / "roles.toml"
    path.write_text('extends = "gbt9704"\n[roles]\ntitle = [["Normal"]]\n', "utf-8")
    assert "key 'roles.title': must be a paragraph style" in refused(path)


def test_a_file_too_large_for_a_style(tmp_path):
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * (MAX_STYLE_BYTES + 1))
    assert refused(path) == f"{path}: over 1000 kB: not a house style"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[text]\nsize = "0pt"\n', "key 'text.size': '0pt' is not a font size from 1pt to 400pt"),
        ('[text]\nsize = "10000pt"\n', "key 'text.size': '10000pt' is not a font size from 1pt"),
        ("[text]\nsize = 0\n", "key 'text.size': 0 is not a font size from 1pt to 400pt"),
        (
            '[paragraph_styles.Normal]\nline_spacing = "0pt"\n',
            "key 'paragraph_styles.Normal.line_spacing': '0pt' is not a length from 1pt to 1584pt",
        ),
        (
            '[paragraph_styles.Normal]\nborder_top = { width = "100pt" }\n',
            "key 'paragraph_styles.Normal.border_top': '100pt' is not a length from 0.25pt to 12pt",
        ),
        ('[page]\nwidth = "0mm"\n', "key 'page.width': '0mm' is not a length from 10mm"),
        ('[page]\ntop = "100cm"\n', "key 'page.top': '100cm' is not a length from 0mm to 558.8mm"),
        (
            '[page]\ntop = "270mm"\n',
            "key 'page.height, page.top, page.bottom': margins 270mm + 35mm leave no room "
            "for text on paper 297mm high",
        ),
        (
            '[page]\nwidth = "50mm"\n',
            "key 'page.width, page.left, page.right': margins 28mm + 26mm leave no room "
            "for text on paper 50mm wide",
        ),
        (
            '[page]\ntop = "150mm"\nlines = 80\n',
            "key 'page.lines': 80 lines in a text block 112mm high are 3.95pt apart, "
            "less than half the body text size (16pt)",
        ),
        (
            '[page]\nleft = "90mm"\nright = "90mm"\nchars = 80\n',
            "key 'page.chars': 80 characters on a line 30mm wide are 1.06pt apart",
        ),
        ('[page]\nheader = "300mm"\n', "key 'page.header': a header 300mm from the edge is off"),
        (
            '[text]\neast_asian = "仿宋\\u0000"\n',
            "key 'text.east_asian': '仿宋\\x00' is not a non-empty string without control",
        ),
        (
            '[paragraph_styles."正文\\n"]\nbold = true\n',
            "key 'paragraph_styles.正文\\n': '正文\\n' is not a non-empty string",
        ),
    ],
)
def test_values_out_of_range_and_pages_that_cannot_hold_text(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text('extends = "gbt9704"\n' + content, "utf-8")
    assert refused(path).startswith(f"{path}: {message}")


def test_sizes_and_pages_inside_the_ranges_still_load(tmp_path):
    path = tmp_path / "edge.toml"
    path.write_text(
        'extends = "gbt9704"\n[text]\nsize = "400pt"\n'
        '[page]\nwidth = "558.8mm"\nheight = "558.8mm"\nlines = 5\nchars = 5\ntop = "0mm"\n'
        '[paragraph_styles.Normal]\nline_spacing = "1584pt"\n'
        'border_top = { width = "12pt", space = "31pt" }\n',
        "utf-8",
    )
    style = load_style(path)
    assert (style.text.size, style.page.width, style.page.top) == (400, 31680, 0)
    assert style.paragraph_styles["Normal"].line_spacing == ("exact", 31680)


# ---- through the command line --------------------------------------------------------------


BAD_STYLES = {
    "loop": 'extends = "../styles/bad.toml"\n',
    "deep": "a = " + "[" * 10_000 + "]" * 10_000 + "\n",
    "size": 'extends = "gbt9704"\n[text]\nsize = "0pt"\n',
    "page": 'extends = "gbt9704"\n[page]\ntop = "270mm"\n',
}


@pytest.mark.parametrize("kind", sorted(BAD_STYLES))
def test_convert_and_styles_init_stop_with_one_line_and_exit_2(tmp_path, kind):
    styles = tmp_path / "styles"
    styles.mkdir()
    style = styles / "bad.toml"
    style.write_text(BAD_STYLES[kind], "utf-8")
    (tmp_path / "x.txt").write_text("关于开展检查的通知\n\n各单位：\n    请按时报送。\n", "utf-8")
    for args in (
        ("convert", "x.txt", "--style", str(style)),
        ("styles", "init", "county", "--from", str(style)),
    ):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"outline2docx: error: {style}: ")
        assert done.stderr.count("\n") == 1
    assert not (tmp_path / "x.docx").exists()
    assert not (tmp_path / "county.toml").exists()


def test_a_good_style_beside_them_still_converts(tmp_path):
    style = tmp_path / "ok.toml"
    style.write_text('extends = "gbt9704"\n[page]\ntop = "3.7cm"\n', "utf-8")
    (tmp_path / "x.txt").write_text("关于开展检查的通知\n\n各单位：\n    请按时报送。\n", "utf-8")
    done = run("convert", "x.txt", "--style", str(style), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert_valid_docx(tmp_path / "x.docx")
    assert "请按时报送。" in [p.text for p in DocxView(tmp_path / "x.docx").paragraphs()]


def test_styles_show_refuses_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "bin.toml"
    path.write_bytes(b"\xff\xfe\x00 not text")
    with pytest.raises(StyleError, match="cannot read"):
        style_text(path)
    done = run("styles", "show", str(path))
    assert done.returncode == 2
    assert done.stderr.startswith(f"outline2docx: error: {path}: cannot read: ")
    assert done.stderr.count("\n") == 1
    assert run("styles", "show", "speech").stdout == style_text("speech")
