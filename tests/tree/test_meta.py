import pytest

from outline2docx.tree.meta import FIELD_NAMES, Meta, field_of, meta_from_pairs


def test_an_empty_meta_is_false_and_any_element_makes_it_true():
    assert not Meta()
    assert Meta(secrecy="秘密")


def test_merged_takes_every_element_the_other_gives_and_keeps_the_rest():
    mine = Meta(issuer="甲", number="1号", signer="张三")
    assert mine.merged(Meta(number="2号")) == Meta(issuer="甲", number="2号", signer="张三")


def test_header_notes_stack_in_the_standards_order():
    meta = Meta(urgency="特急", copy_number="000001", secrecy="秘密★1年")
    assert meta.header_notes == ("000001", "秘密★1年", "特急")


def test_the_imprint_is_there_when_any_of_its_three_elements_is():
    assert not Meta(issuer="甲").has_imprint
    assert Meta(printed_on="2025年3月1日").has_imprint


def test_keys_are_the_chinese_element_names_or_the_field_names():
    assert field_of("发文字号") == field_of("number") == "number"
    assert field_of("主送机关") == "addressee"
    assert field_of("标题") is None
    assert set(FIELD_NAMES.values()) == {f for f in Meta.__dataclass_fields__}


def test_pairs_become_meta_and_an_unknown_key_is_named():
    assert meta_from_pairs({"抄送": " 县委办公室 "}) == Meta(copies_to="县委办公室")
    with pytest.raises(ValueError, match="'标题'"):
        meta_from_pairs({"标题": "x"})
