"""What a paragraph's or run's style says: outline levels, bold and italic."""

from __future__ import annotations

import docx

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
