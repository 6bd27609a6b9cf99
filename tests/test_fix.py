"""The normalization rules: what they change, and what they must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from outline2docx.fix import RULES, fix_line, fix_text, unified_diff

# Drafts as users paste them: Chinese text, numbering, both widths of punctuation and digits,
# quotes, dots and dashes, Latin words, and the brackets of document numbers.
DRAFT_CHARACTERS = st.sampled_from(
    list("一二三十第条章节是要加强领导工作会议同志们国发号年月日")
    + list("（）()【】[]〔〕，,。.、：:；;！!？?“”‘’\"'…—-")
    + list("0123456789０１２３ＸＸabcXYZ ")
)
DRAFTS = st.text(DRAFT_CHARACTERS, max_size=60)


@pytest.mark.parametrize(
    ("written", "standard"),
    [
        ("（一）、加强领导", "（一）加强领导"),
        ("(一)加强领导", "（一）加强领导"),
        ("（1）、进入现场", "（1）进入现场"),
        ("①、坚持", "①坚持"),
        ("1、加强领导", "1.加强领导"),
        ("2，落实责任", "2.落实责任"),
        ("3．强化考核", "3.强化考核"),
        ("一.总体要求", "一、总体要求"),
        ("二，基本原则", "二、基本原则"),
        ("第一、要提高认识", "第一，要提高认识"),
        ("首先、要加强领导", "首先，要加强领导"),
        ("国发[2019]4号", "国发〔2019〕4号"),
        ("青教(2025)7号", "青教〔2025〕7号"),
        ("青教【2025】7号", "青教〔2025〕7号"),
        ("各位代表,同志们:", "各位代表，同志们："),
        ("这是大事,也是喜事!", "这是大事，也是喜事！"),
        ("会议地点在三楼.", "会议地点在三楼。"),
        ('他说:"这很好"。', "他说：“这很好”。"),
        ("所谓'两个维护'", "所谓‘两个维护’"),
        ("要做到...", "要做到……"),
        ("要做到…", "要做到……"),
        ("在全县大会上—讲话", "在全县大会上——讲话"),
        ("中文--中文", "中文——中文"),
        ("ＸＸ县第１２次会议", "XX县第12次会议"),
        ("见附件(此件公开发布)", "见附件（此件公开发布）"),
    ],
)
def test_fixes(written, standard):
    assert fix_line(written)[0] == standard


@pytest.mark.parametrize(
    "text",
    [
        "增长3.14%，达到1,000万元",
        "会议于10:30开始",
        "比例为1:500",
        "网址为https://www.gov.cn/zhengce/，请查阅",
        "邮箱 office@example.gov.cn",
        "Hello, world. It's fine.",
        "GB/T 9704-2012 党政机关公文格式",
        "电话：0576-12345678",
        "1.5亿元资金已到位",
        "“无废城市”建设试点……",
        "——在全县大会上的讲话",
        "PM2.5浓度下降",
        "C:\\Users\\文件",
    ],
)
def test_leaves_meaning_alone(text):
    fixed, changes = fix_line(text)
    assert fixed == text, changes


def test_changes_say_where_and_what():
    _fixed, changes = fix_line("各位代表,同志们:", number=7, indent=2)
    assert [(c.line, c.column, c.before, c.after, c.code) for c in changes] == [
        (7, 7, ",", "，", "half-width-punctuation"),
        (7, 11, ":", "：", "half-width-punctuation"),
    ]


def test_ignoring_a_rule():
    fixed, _ = fix_line("1、各位代表,同志们:", ignore=frozenset({"half-width-punctuation"}))
    assert fixed == "1.各位代表,同志们:"


def test_fix_text_keeps_line_breaks_and_indentation():
    text = "标题\r\n\u3000\u3000各位代表,同志们:\n\n正文.\u2028末行"
    fixed, _changes, lines = fix_text(text)
    assert fixed == "标题\r\n\u3000\u3000各位代表，同志们：\n\n正文。\u2028末行"
    assert [number for number, _, _ in lines] == [2, 4]
    assert unified_diff("x.txt", lines).splitlines()[2:5] == [
        "@@ -2 +2 @@",
        "-\u3000\u3000各位代表,同志们:",
        "+\u3000\u3000各位代表，同志们：",
    ]


def test_rule_codes_are_unique():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))


@settings(max_examples=300, deadline=None)
@given(DRAFTS)
@example(":,—")  # a mark's context was its neighbour mark, fixed only in the first pass
@example("０,.")  # the full-width digit, once converted, made a numbering "0，"
def test_fixing_twice_changes_nothing_more(line):
    once, _ = fix_line(line)
    twice, changes = fix_line(once)
    assert twice == once, changes


@settings(max_examples=300, deadline=None)
@given(DRAFTS)
def test_fixing_never_touches_chinese_characters(line):
    fixed, _ = fix_line(line)

    def han(text):
        return [c for c in text if "\u4e00" <= c <= "\u9fff"]

    assert han(fixed) == han(line)
