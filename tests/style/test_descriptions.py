"""What ``styles list`` says of the built-in styles: their own words, in the user's language."""

from __future__ import annotations

import dataclasses

from outline2docx.style import builtin_styles, load_style
from outline2docx.style.descriptions import BUILTIN_DESCRIPTIONS, shown_description

from ..cli import run
from ..languages import CHINESE_LOCALE, chinese


def test_the_table_holds_every_built_in_styles_description_as_its_file_writes_it():
    written = {name: load_style(name).description for name in builtin_styles()}
    assert written == BUILTIN_DESCRIPTIONS


def test_styles_list_describes_the_built_in_styles_in_chinese_under_zh_cn():
    listed = run("styles", "list", env=CHINESE_LOCALE).stdout.splitlines()
    assert listed == [
        "gbt9704      GB/T 9704-2012 党政机关公文：通知、报告、意见等（默认）",
        "regulation   规章制度（条例、办法、章程）：第一章 / 第一节 / 第一条",
        "speech       讲话稿：副标题和署名用楷体，段首引导语加粗",
    ]


def test_styles_list_is_english_by_default():
    listed = run("styles", "list").stdout.splitlines()
    assert listed[0] == (
        "gbt9704      GB/T 9704-2012 official documents: notices, reports, opinions (default)"
    )
    assert (
        listed[2] == "speech       Speeches (讲话稿): 楷体 subtitle and byline, bold run-in leads"
    )


def test_a_description_of_the_users_own_stays_as_written():
    own = dataclasses.replace(load_style("gbt9704"), description="本单位通用公文样式")
    with chinese():
        assert shown_description("gbt9704", own) == "本单位通用公文样式"
        assert shown_description("county", own) == "本单位通用公文样式"
        copied = load_style("gbt9704")  # a user's file that copied the built-in's words
        assert shown_description("county", copied) == copied.description
        assert shown_description("speech", load_style("speech")).startswith("讲话稿：")
