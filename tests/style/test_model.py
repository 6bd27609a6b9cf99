"""The house style's data: the page grid it derives from paper, margins, lines and characters."""

from __future__ import annotations

from outline2docx.style import STYLE_ROLES, HouseStyle, Page, PageNumber, TextDefaults
from outline2docx.tree.nodes import Role


def a4(lines: int = 22, chars: int = 28) -> Page:
    return Page(11906, 16838, 2098, 1984, 1587, 1474, 851, 794, lines, chars, True)


def test_the_grid_follows_the_text_block():
    page = a4()
    assert page.text_width == 11906 - 1587 - 1474 == 8845
    assert page.line_pitch == (16838 - 2098 - 1984) // 22 == 579
    assert a4(lines=20).line_pitch == 637


def test_a_grid_character_is_the_text_width_over_the_characters_per_line():
    style = HouseStyle(
        "x",
        "",
        a4(chars=28),
        TextDefaults("仿宋_GB2312", "Times New Roman", 16, "zh-CN"),
        PageNumber("— {page} —", "宋体", "Times New Roman", 14, 1),
        {},
        {},
    )
    assert style.char_pitch == 8845 / 20 / 28


def test_every_role_of_the_tree_may_be_styled():
    assert {role.value for role in Role} <= STYLE_ROLES
    assert {"picture", "imprint_copy", "header_number"} <= STYLE_ROLES
