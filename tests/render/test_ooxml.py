"""Run and paragraph XML: East Asian hints, tabs, escaping."""

from __future__ import annotations

from lxml import etree

from outline2docx.namespaces import W_NS, W
from outline2docx.render.ooxml import escape, paragraph_xml, run_xml


def element(xml: str) -> etree._Element:
    """Parse a w: fragment by wrapping it in an element that declares the namespace."""
    return etree.fromstring(f'<root xmlns:w="{W_NS}">{xml}</root>')[0]


def test_quotes_and_dashes_get_the_east_asian_hint():
    run = element(run_xml("“两个维护”——坚持"))
    assert run.find(f"{W}rPr/{W}rFonts").get(f"{W}hint") == "eastAsia"


def test_plain_chinese_needs_no_hint():
    assert element(run_xml("加强领导")).find(f"{W}rPr") is None


def test_tabs_become_tab_elements_and_text_is_kept_whole():
    run = element(run_xml("附件：\t1.方案", "GWLead"))
    assert [child.tag for child in run] == [f"{W}rPr", f"{W}t", f"{W}tab", f"{W}t"]
    assert "".join(run.itertext()) == "附件：1.方案"
    assert run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "GWLead"


def test_markup_characters_are_escaped_and_control_characters_dropped():
    assert escape('a<b>&"c"\x07') == "a&lt;b&gt;&amp;&quot;c&quot;"
    assert element(run_xml("<第一条>")).findtext(f"{W}t") == "<第一条>"


def test_normal_paragraphs_carry_no_style_reference():
    assert element(paragraph_xml("Normal", "")).find(f"{W}pPr") is None
    styled = element(paragraph_xml("Heading1", ""))
    assert styled.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
