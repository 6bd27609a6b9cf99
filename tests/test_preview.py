"""Terminal previews: each heading row shows what the heading says."""

from __future__ import annotations

from outline2docx.parse import parse
from outline2docx.preview import outline, tree
from outline2docx.tree.nodes import Diagnostic, Document, Paragraph, Picture, Role, Section, Table

from .cli import run
from .languages import CHINESE_LOCALE, chinese

TEXT = """第一条 为规范档案管理，制定本办法。
（1）文书档案；
一、统一思想
（一）提高认识。各部门要把这项工作摆上重要议程。
"""


def rows(preview: str) -> dict[int, str]:
    """Preview rows by the source line number they start with."""
    found = {}
    for row in preview.splitlines()[1:]:
        words = row.replace("│", " ").replace("├──", " ").replace("└──", " ").split()
        if words and words[0].isdigit():
            found[int(words[0])] = " ".join(words[2:])
    return found


def test_outline_rows_show_articles_and_items_whole_and_runin_headings_short():
    shown = rows(outline(parse(TEXT)))
    assert shown[1] == "第一条 为规范档案管理，制定本办法。"
    assert shown[2] == "（1）文书档案；"
    assert shown[4] == "（一）提高认识。"


def test_tree_rows_show_the_same_headings():
    shown = rows(tree(parse(TEXT)))
    assert shown[1] == "第一条 为规范档案管理，制定本办法。"
    assert shown[4].startswith("（一）提高认识。")


# ---- in the user's language ----------------------------------------------------------------


def _everything() -> Document:
    """A tree with a table, a picture, a close call, body paragraphs and a finding."""
    table_cell = [Paragraph(Role.TABLE_TEXT, "项目", 2)]
    close = Paragraph(Role.H1, "一、总体要求", 4, confidence=0.62, runner_up=Role.SUBTITLE)
    body = [Paragraph(Role.BODY, "坚持问题导向。", 5), Paragraph(Role.BODY, "狠抓落实。", 6)]
    children = [
        Paragraph(Role.TITLE, "关于开展安全检查的通知", 1),
        Table([[table_cell, table_cell]] * 3, line=2),
        Picture(b"", "chart.png", line=3),
        Section(close, 1, body),
    ]
    finding = Diagnostic(6, 1, "placeholder", "placeholder 'XXX' left in the text", "error")
    return Document(children, "draft.txt", "utf-8", [finding])


def test_the_outline_labels_are_chinese_and_roles_and_codes_stay():
    with chinese():
        shown = outline(_everything()).splitlines()
    assert shown[2] == "    2  [表格 3 行×2 列]"
    assert shown[3] == "    3  [图片 chart.png]"
    assert shown[4] == "    4  h1         一、总体要求（0.62，或为 subtitle？）"
    assert shown[5].strip() == "… 2 个段落"
    assert shown[6] == "第 6 行：error：placeholder 'XXX' left in the text [placeholder]"


def test_the_outline_is_english_by_default():
    shown = outline(_everything()).splitlines()
    assert shown[2] == "    2  [table 3×2]"
    assert shown[3] == "    3  [picture chart.png]"
    assert shown[4] == "    4  h1         一、总体要求 (0.62, or subtitle?)"
    assert shown[5].strip() == "… 2 paragraphs"
    assert shown[6] == "line 6: error: placeholder 'XXX' left in the text [placeholder]"


def test_a_short_chinese_label_is_padded_by_terminal_columns():
    with chinese():
        shown = outline(Document([Picture(b"", "a", line=7)], "x.txt")).splitlines()
    assert shown[1] == "    7  [图片 a]   "  # 8 columns, padded to the role column's 11


def test_the_tree_shows_a_close_call_and_labels_in_chinese():
    with chinese():
        drawn = tree(_everything()).splitlines()
    assert drawn[2] == "├── 2 [表格 3 行×2 列]"
    assert drawn[4] == "└── 4 h1（0.62，或为 subtitle？）  一、总体要求"
    assert tree(_everything()).splitlines()[4] == "└── 4 h1 (0.62, or subtitle?)  一、总体要求"


def test_parse_and_tree_speak_chinese_under_zh_cn(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("关于开展安全检查的通知\n一、总体要求\n坚持问题导向。\n狠抓落实。\n", "utf-8")
    chinese_out = run("parse", str(draft), env=CHINESE_LOCALE).stdout
    assert "… 2 个段落" in chinese_out and " h1 " in chinese_out
    assert "… 2 paragraphs" in run("parse", str(draft)).stdout
