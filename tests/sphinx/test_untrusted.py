"""Sphinx projects with broken pictures and wrong style settings, through real sphinx-build runs.

A picture Word cannot show is a warning and its description stays in the document; a
``gongwen_style`` that cannot be loaded is one configuration error line, never Sphinx's crash
report, with and without -W.
"""

from __future__ import annotations

import struct

import pytest

from ..conftest import assert_valid_docx
from ..docx_view import DocxView
from ..images import png
from .conftest import sphinx_build
from .test_builder import project

GOOD = png(120, 80)
IHDR_END = 8 + 25  # signature, then the IHDR chunk: length, type, 13 bytes, checksum


def flipped(data: bytes, at: int) -> bytes:
    """``data`` with one byte changed at ``at``: the chunk holding it fails its checksum."""
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


BROKEN = {
    "text.png": (b"<html>404 not found</html>", "not a picture Word can show"),
    "header_cut.png": (GOOD[:20], "is a PNG file cut short"),
    "data_cut.png": (GOOD[: len(GOOD) - 30], "is a PNG file cut short"),
    "no_end.png": (GOOD[:-12], "is a PNG file cut short"),
    "garbled.png": (flipped(GOOD, IHDR_END + 30), "chunk 'IDAT' fails its checksum"),
}


def broken_pictures_project(tmp_path):
    """A page of every broken picture (each with a description) and one good one."""
    index = "".join(f".. image:: {name}\n   :alt: 图{n}\n\n" for n, name in enumerate(BROKEN))
    index += ".. image:: good.png\n   :alt: 好图\n"
    files = {name: data for name, (data, _) in BROKEN.items()}
    return project(tmp_path, index=index, files={**files, "good.png": GOOD})


def test_the_header_of_a_damaged_png_is_whole(tmp_path):
    # the damage is past the header python-docx reads: only the chunk walk can find it
    assert struct.unpack(">II", BROKEN["garbled.png"][0][16:24]) == (120, 80)


def test_pictures_word_cannot_show_are_warnings_and_keep_their_description(tmp_path):
    done = sphinx_build(broken_pictures_project(tmp_path), tmp_path / "out", "gongwen", "-E")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for name, (_, problem) in BROKEN.items():
        lines = [line for line in done.stderr.splitlines() if f"image '{name}'" in line]
        assert len(lines) == 1, done.stderr
        assert "WARNING" in lines[0] and problem in lines[0]
        assert lines[0].endswith("its description is used instead [gongwen.image]")
    path = tmp_path / "out" / "测试.docx"
    shown = [(p.style, p.text) for p in DocxView(path).paragraphs()]
    for number in range(len(BROKEN)):
        assert ("GW Caption", f"图{number}") in shown
    assert len(list(DocxView(path).document.iter("{*}blip"))) == 1  # good.png is shown
    assert_valid_docx(path)


def test_with_w_the_warnings_fail_the_build_without_a_crash_report(tmp_path):
    done = sphinx_build(broken_pictures_project(tmp_path), tmp_path / "out", "gongwen", "-E", "-W")
    assert done.returncode == 1
    assert "WARNING: image 'text.png' is not a picture Word can show" in done.stderr
    assert "Traceback" not in done.stderr and "report this error" not in done.stderr


def test_a_linked_picture_is_kept_and_a_broken_one_keeps_its_description(tmp_path):
    source = project(
        tmp_path,
        index=".. image:: good.png\n   :alt: 链接图\n   :target: https://example.com/\n\n"
        ".. image:: text.png\n   :alt: 坏链接图\n   :target: https://example.com/\n",
        files={"good.png": GOOD, "text.png": b"not a picture"},
    )
    done = sphinx_build(source, tmp_path / "out", "gongwen", "-E")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("image 'text.png' is not a picture Word can show") == 1
    path = tmp_path / "out" / "测试.docx"
    view = DocxView(path)
    assert len(list(view.document.iter("{*}blip"))) == 1
    assert ("GW Caption", "坏链接图") in [(p.style, p.text) for p in view.paragraphs()]
    assert_valid_docx(path)


@pytest.mark.parametrize("options", [(), ("-W",)], ids=["plain", "W"])
@pytest.mark.parametrize(
    ("setting", "files", "problem"),
    [
        ("house.toml", {}, "no house style '{src}/house.toml': not a file, nor one of gbt9704"),
        (
            "house.toml",
            {"house.toml": 'extends = "../src/house.toml"\n'},
            "{src}/house.toml: key 'extends': '../src/house.toml' loops back",
        ),
        (
            "house.toml",
            {"house.toml": 'extends = "gbt9704"\n[page]\nwidth = "0mm"\n'},
            "{src}/house.toml: key 'page.width': '0mm' is not a length from 10mm",
        ),
    ],
    ids=["missing", "loop", "geometry"],
)
def test_a_style_that_cannot_load_is_one_configuration_error_line(
    tmp_path, setting, files, problem, options
):
    source = project(tmp_path, conf=f"gongwen_style = {setting!r}\n", files=files)
    done = sphinx_build(source, tmp_path / "out", "gongwen", "-E", *options)
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
    expected = f"ERROR: Configuration error: gongwen_style = {setting!r}: " + problem.format(
        src=source
    )
    assert len(errors) == 1 and errors[0].startswith(expected), done.stderr
    for crash in ("Traceback", "report this error", "Exception occurred", "Versions"):
        assert crash not in done.stderr
    assert not list((tmp_path / "out").glob("*.docx"))
