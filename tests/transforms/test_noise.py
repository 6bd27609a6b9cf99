"""Tree edits asked for by options: dropping web residue."""

from __future__ import annotations

from outline2docx import parse
from outline2docx.pipeline import Settings, publish
from outline2docx.transforms.noise import drop_noise
from outline2docx.tree.nodes import Role

from ..languages import chinese

TEXT = """在大会上的讲话
好学生 分享 时间:
同志们：
一、统一思想
正文。
分享到 收藏 点赞
二、狠抓落实
正文。
47 3432347
"""


def test_noise_leaves_the_tree_and_is_returned_in_reading_order():
    document = parse(TEXT)
    dropped = drop_noise(document)
    assert [p.line for p in dropped] == [2, 6, 9]
    assert all(p.role is Role.NOISE for p in dropped)
    assert all(p.role is not Role.NOISE for p in document.paragraphs())


def test_everything_else_stays_in_place():
    document = parse(TEXT)
    before = [p.line for p in document.paragraphs() if p.role is not Role.NOISE]
    drop_noise(document)
    assert [p.line for p in document.paragraphs()] == before


def test_each_dropped_line_is_noted_in_chinese_and_in_english_by_default():
    text = "关于防汛的通知\n正文。\n分享到：微信 微博"
    with chinese():
        notes = publish(text, Settings(drop_noise=True)).notes
    assert notes == ("<text>:3：已删除网页残留内容：分享到：微信 微博",)
    english = publish(text, Settings(drop_noise=True)).notes
    assert english == ("<text>:3: dropped web residue: 分享到：微信 微博",)
