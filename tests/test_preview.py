"""Terminal previews: each heading row shows what the heading says."""

from __future__ import annotations

from outline2docx.parse import parse
from outline2docx.preview import outline, tree

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
