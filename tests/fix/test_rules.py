"""The normalization rules: what each changes, and what they must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from outline2docx.fix import RULES, fix_line, standard_docnumber

from ..strategies import DRAFTS


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


def test_rule_codes_are_unique():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))


@settings(max_examples=300, deadline=None)
@given(DRAFTS)
def test_fixing_never_touches_chinese_characters(line):
    fixed, _ = fix_line(line)

    def han(text):
        return [c for c in text if "\u4e00" <= c <= "\u9fff"]

    assert han(fixed) == han(line)


@pytest.mark.parametrize(
    ("written", "standard"),
    [
        ("青政发[2025]5号", "青政发〔2025〕5号"),
        ("国办函（2024）12号", "国办函〔2024〕12号"),
        ("青政发〔2025〕5号", "青政发〔2025〕5号"),
        ("见附件[2025]", "见附件[2025]"),
    ],
)
def test_standard_docnumber(written, standard):
    assert standard_docnumber(written) == standard
