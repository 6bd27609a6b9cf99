import pytest

from outline2docx.tree.numerals import chinese_to_int, ordinal_value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十三", 23),
        ("九十九", 99),
        ("一百", 100),
        ("一百零一", 101),
        ("一百一十", 110),
        ("一千零四十", 1040),
        ("两", 2),
        ("二〇二四", 2024),
    ],
)
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "二三十", "零十", "甲", "十a"])
def test_not_numerals(text):
    assert chinese_to_int(text) is None


@pytest.mark.parametrize(("label", "value"), [("12", 12), ("③", 3), ("⑵", 2), ("㈣", 4)])
def test_ordinal_values_of_other_forms(label, value):
    assert ordinal_value(label) == value
