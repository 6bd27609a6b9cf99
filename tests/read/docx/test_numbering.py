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
