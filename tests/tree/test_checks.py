from outline2docx import parse


def codes(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in parse(text).diagnostics]


def test_a_clean_outline_has_no_diagnostics():
    assert codes("一、甲\n（一）乙\n（二）丙\n二、丁\n（一）戊\n一是己。\n二是庚。") == []


def test_gap_in_numbering():
    assert codes("一、甲\n二、乙\n四、丁") == [(3, "numbering-gap")]
    message = parse("一、甲\n二、乙\n四、丁").diagnostics[0].message
    assert message == "四、 is number 4; expected 3"


def test_repeated_number():
    assert codes("（一）甲\n（二）乙\n（二）丙") == [(3, "numbering-repeat")]


def test_numbering_may_run_on_across_parents():
    text = "（一）甲\n1.子一\n2.子二\n（二）乙\n3.子三\n4.子四"
    assert codes(text) == []


def test_run_in_enumeration_gaps_are_found():
    assert codes("一、甲\n一是加强领导。\n二是落实责任。\n四是强化考核。") == [(4, "numbering-gap")]


def test_mixed_forms_of_one_level():
    text = "一、甲\n1.子一\n2.子二\n二、乙\n1、子三\n2.子四"
    assert codes(text) == [(5, "numbering-form")]


def test_a_decimal_outline_is_one_form_at_every_depth():
    text = "1 总则\n1.1 目的\n1.2 依据\n2 组织\n2.1 指挥部\n2.1.1 组成\n2.1.2 职责"
    assert codes(text) == []


def test_a_decimal_outline_with_stray_trailing_dots_is_mixed():
    text = "1 总则\n1.1 目的\n1.2. 依据\n2 组织\n2.1 指挥部"
    assert codes(text) == [(3, "numbering-form")]


def test_removed_control_characters_are_reported():
    assert codes("正文\x07。") == [(1, "control-character")]
