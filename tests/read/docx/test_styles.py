"""What a paragraph's or run's style says: outline levels, bold and italic."""

from __future__ import annotations

import docx
import pytest

from outline2docx import Role
from outline2docx.parse import parse_docx

from ...docx_view import W


def test_an_outline_level_set_on_a_paragraph_counts_and_level_9_is_body(tmp_path):
    word = docx.Document()
    for text, level in [
        ("工作方案", None),
        ("工作目标", "0"),
        ("具体指标", "1"),
        ("以下说明各项指标的含义。", "9"),
    ]:
        paragraph = word.add_paragraph(text)
        if level is not None:
            outline = paragraph._p.get_or_add_pPr().makeelement(
                f"{W}outlineLvl", {f"{W}val": level}
            )
            paragraph._p.get_or_add_pPr().append(outline)
    path = tmp_path / "levels.docx"
    word.save(path)
    roles = [p.role for p in parse_docx(path).paragraphs()]
    assert roles == [Role.TITLE, Role.H1, Role.H2, Role.BODY]


def test_bold_and_italic_through_character_styles(tmp_path):
    word = docx.Document()
    word.add_paragraph("关于开展检查的通知")
    body = word.add_paragraph("要")
    body.add_run("高度重视", style="Strong")  # python-docx's template: <w:b/> in the style
    body.add_run("，认真")
    body.add_run("组织", style="Emphasis")  # <w:i/> in the style
    body.add_run("。")
    path = tmp_path / "styled.docx"
    word.save(path)
    paragraph = next(p for p in parse_docx(path).paragraphs() if p.text.startswith("要"))
    assert [(paragraph.text[s.start : s.end], s.kind) for s in paragraph.spans] == [
        ("高度重视", "strong"),
        ("组织", "emphasis"),
    ]


# ---- untrusted style values -----------------------------------------------------------------


def _read(body: str, styles: str = "") -> tuple[list, list]:
    from outline2docx.read.docx import read_docx

    from ...hostile_docx import package, styles_xml

    warnings: list = []
    data = package(body, styles=styles_xml(styles) if styles else None)
    return read_docx(data, "styles.docx", warnings=warnings), warnings


@pytest.mark.parametrize("level", ["x", "10", "-1", "99999999999999999999"])
def test_an_outline_level_out_of_range_is_ignored_with_a_warning(level):
    from ...hostile_docx import paragraph

    items, warnings = _read(paragraph("总体要求", f'<w:outlineLvl w:val="{level}"/>'))
    assert items[0].outline_level is None
    assert [w.code for w in warnings] == ["ignored-value"] and "w:outlineLvl" in warnings[0].message


def test_a_heading_style_named_with_another_digit_is_body_text():
    from ...hostile_docx import paragraph

    styles = '<w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading ²"/></w:style>'
    items, warnings = _read(paragraph("总体要求", '<w:pStyle w:val="H"/>'), styles)
    assert items[0].outline_level is None and warnings == []


def test_a_style_chain_past_the_limit_is_cut_not_followed():
    import time

    from ...hostile_docx import paragraph

    chain = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{n}"><w:basedOn w:val="s{n + 1}"/></w:style>'
        for n in range(20_000)
    )
    heading = '<w:style w:type="paragraph" w:styleId="s20000"><w:name w:val="heading 1"/></w:style>'
    started = time.perf_counter()
    items, _ = _read(paragraph("总体要求", '<w:pStyle w:val="s0"/>') * 2_000, chain + heading)
    assert time.perf_counter() - started < 10
    assert items[0].outline_level is None  # the heading lies past the 64 styles followed
