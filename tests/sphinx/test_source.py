"""The .outline source parser: outline text becomes docutils sections without losing text."""

from __future__ import annotations

import pytest
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document

from outline2docx.sphinx.source import OutlineParser

REGULATION = """某某单位档案管理办法
第一章 总则
第一条 为规范档案管理，根据有关规定，制定本办法。
第二条 本办法适用于本单位各部门。
（1）文书档案；
（2）会计档案。
第二章 附则
第三条 本办法自印发之日起施行。
"""

SPEECH = """一、统一思想
（一）提高认识。各部门要把这项工作摆上重要议程。
一是加强领导。主要负责同志亲自抓。
"""


def parsed(text: str):
    """The docutils document OutlineParser makes of ``text``."""
    document = new_document("<outline>", get_default_settings(RstParser))
    OutlineParser().parse(text, document)
    return document


def squeeze(text: str) -> str:
    """``text`` without any whitespace."""
    return "".join(text.split())


@pytest.mark.parametrize("text", [REGULATION, SPEECH], ids=["regulation", "speech"])
def test_every_character_reaches_the_doctree_in_order(text):
    assert squeeze(parsed(text).astext()) == squeeze(text)


def test_an_article_title_is_its_whole_line_not_only_its_number():
    titles = [t.astext() for t in parsed(REGULATION).findall(lambda n: n.tagname == "title")]
    assert "第一条 为规范档案管理，根据有关规定，制定本办法。" in titles
    assert "第一条" not in titles


def test_a_runin_heading_is_a_short_title_and_a_paragraph():
    section = next(
        s
        for s in parsed(SPEECH).findall(lambda n: n.tagname == "section")
        if s[0].astext() == "（一）提高认识。"
    )
    assert section[1].astext() == "各部门要把这项工作摆上重要议程。"
