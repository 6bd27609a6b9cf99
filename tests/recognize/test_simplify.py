"""The simplified copy the recognizer reads, and the check that spares loading OpenCC."""

import opencc
import pytest

from outline2docx.recognize import simplify, traditional

from .opencc_tables import changed_keys


@pytest.fixture(scope="module")
def t2s():
    return opencc.OpenCC("t2s")


def test_the_tables_are_those_of_the_installed_opencc():
    characters, phrases = changed_keys()
    assert set(traditional.CHARACTERS) == characters
    assert set(traditional.PHRASES.split()) == {p for p in phrases if characters.isdisjoint(p)}


def test_t2s_leaves_every_other_character_alone(t2s):
    others = "".join(
        chr(code)
        for code in range(0x80, 0x10000)
        if not 0xD800 <= code < 0xE000 and chr(code) not in traditional.CHARACTERS
    )
    assert t2s.convert(others) == others


def test_t2s_changes_every_listed_phrase(t2s):
    for phrase in traditional.PHRASES.split():
        assert t2s.convert(phrase) != phrase, phrase


def test_a_simplified_text_is_read_without_opencc(monkeypatch):
    def no_opencc():
        raise AssertionError("OpenCC loaded")

    monkeypatch.setattr(simplify, "_converter", no_opencc)
    texts = ["一、总体要求", "坚持问题导向，覆盖全县。", "（一）显著成效"]
    assert simplify.simplified_copies(texts) is None


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["第一條 總則", "同志們："], ["第一条 总则", "同志们："]),
        (
            ["我们反覆研究了这个问题。"],
            ["我们反复研究了这个问题。"],
        ),  # a phrase, no traditional character
        (["覆盖全县的网络。"], None),  # 覆 alone is simplified as well
    ],
)
def test_the_copy_is_opencc_s(texts, expected, t2s):
    assert simplify.simplified_copies(texts) == expected
    assert (expected or texts) == [t2s.convert(text) for text in texts]
