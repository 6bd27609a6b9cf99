"""Word's automatic list numbers and bullets, as the reader sees them."""

from __future__ import annotations

import docx
import pytest
from lxml import etree

from outline2docx.namespaces import W_NS
from outline2docx.parse import parse_docx
from outline2docx.read.docx import visible_bullet
from outline2docx.read.docx.numbering import Numbering


def test_symbol_font_bullets_become_the_characters_they_show(tmp_path):
    word = docx.Document()
    word.add_paragraph("检查重点：")
    word.add_paragraph("消防设施", style="List Bullet")  # python-docx's template: Symbol U+F0B7
    word.add_paragraph("用电安全", style="List Bullet")
    path = tmp_path / "bullets.docx"
    word.save(path)
    texts = [p.text for p in parse_docx(path).paragraphs()]
    assert texts == ["检查重点：", "• 消防设施", "• 用电安全"]


@pytest.mark.parametrize(
    ("bullet", "shown"),
    [
        ("\uf0b7", "•"),
        ("\uf0a7", "▪"),
        ("\uf0d8", "➢"),
        ("\uf0e0", "•"),
        ("o", "◦"),
        ("-", "-"),
        ("Note", "Note"),
    ],
)
def test_bullets_of_symbol_fonts_in_unicode(bullet, shown):
    assert visible_bullet(bullet) == shown


NUMBERING = """<w:numbering xmlns:w="{w}">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""


class NumberingPart:
    """Just enough of a Package to hand Numbering its numbering.xml."""

    def xml(self, part: str) -> etree._Element:
        assert part == "word/numbering.xml"
        return etree.fromstring(NUMBERING.format(w=W_NS).encode())


def test_labels_count_as_word_shows_them_and_deeper_levels_restart():
    numbering = Numbering(NumberingPart(), "word/numbering.xml")
    shown = [
        numbering.label(num_id, level)
        for num_id, level in [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1)]
    ]
    assert shown == ["一、", "（一）", "（二）", "①", "二、", "（一）"]
    assert [numbering.label("2", 0), numbering.label("2", 0)] == ["IV.", "V."]  # startOverride
    assert numbering.label("9", 0) == numbering.label(None, 0) == numbering.label("1", 5) == ""


# ---- untrusted numbering: values out of range ignored, labels of bounded length -------------


def _labels(levels: str, paragraphs: int = 1, ilvl: str = "0") -> tuple[list[str], list]:
    from outline2docx.read.docx import read_docx

    from ...hostile_docx import numbering_xml, package, paragraph

    num = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
    data = package(paragraph("项目", num) * paragraphs, numbering_xml(levels))
    warnings: list = []
    items = read_docx(data, "list.docx", warnings=warnings)
    return [item.text for item in items], warnings


def _level(fmt: str, start: str, text: str = "%1.") -> str:
    return (
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


@pytest.mark.parametrize(
    ("fmt", "start", "first"),
    [
        ("upperRoman", str(10**12), "I.项目"),  # never ended before
        ("lowerLetter", str(10**11), "a.项目"),  # a 3.7 GB label before
        ("decimal", "x", "1.项目"),
        ("decimal", "-5", "1.项目"),
        ("decimal", "1e3", "1.项目"),
    ],
)
def test_a_start_value_out_of_range_is_ignored_with_a_warning(fmt, start, first):
    texts, warnings = _labels(_level(fmt, start), paragraphs=2)
    assert texts[0] == first
    assert [w.code for w in warnings] == ["ignored-value"]  # once, not per paragraph
    assert "w:start" in warnings[0].message


def test_the_largest_start_word_allows_is_kept_and_long_forms_fall_back_to_decimals():
    assert _labels(_level("upperRoman", "32767"))[0] == ["32767.项目"]
    assert _labels(_level("upperRoman", "3999"))[0] == ["MMMCMXCIX.项目"]
    assert _labels(_level("lowerLetter", "260"))[0] == ["z" * 10 + ".项目"]
    assert _labels(_level("lowerLetter", "261"))[0] == ["261.项目"]


@pytest.mark.parametrize("ilvl", ["10", "x", "-1", "9"])
def test_a_list_level_out_of_range_is_ignored_with_a_warning(ilvl):
    texts, warnings = _labels(_level("decimal", "1"), ilvl=ilvl)
    assert texts == ["1.项目"]  # read as level 0
    assert [w.code for w in warnings] == ["ignored-value"] and "w:ilvl" in warnings[0].message


def test_a_level_declared_out_of_range_in_the_numbering_part_is_ignored():
    levels = _level("decimal", "1").replace('w:ilvl="0"', 'w:ilvl="x"') + _level("decimal", "7")
    texts, warnings = _labels(levels)
    assert texts == ["7.项目"]
    assert [w.code for w in warnings] == ["ignored-value"]


def test_a_label_pattern_too_long_to_be_one_is_ignored():
    texts, warnings = _labels(_level("lowerLetter", "32767", "%1" * 1000))
    assert texts == ["项目"]
    assert [w.code for w in warnings] == ["ignored-value"] and "2000 characters" in warnings[
        0
    ].message


def test_the_cli_reports_the_hostile_list_and_goes_on(tmp_path):
    from ...cli import run
    from ...hostile_docx import numbering_xml, package, paragraph

    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    path = tmp_path / "roman.docx"
    path.write_bytes(package(paragraph("项目", num), numbering_xml(_level("upperRoman", "1" * 13))))
    parsed = run("parse", str(path))
    assert parsed.returncode == 0 and "I.项目" in parsed.stdout
    converted = run("convert", str(path), "-o", str(tmp_path / "out.docx"))
    assert (
        converted.returncode == 0
        and "roman.docx:1: warning: ignored list start" in converted.stderr
    )
    checked = run("check", str(path))
    assert "ignored list start (w:start)" in checked.stdout and checked.returncode == 1
