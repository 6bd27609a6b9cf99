"""The rules of ../shared/spec/gbt9704.md §5–§6: each finds its edits in one line.

Only changes that cannot alter meaning are made: punctuation width in Chinese context,
quotes, numbering forms, 〔〕 in document numbers, dashes, ellipses and full-width letters and
digits. Decimals, times, URLs, e-mail addresses, Latin sentences and standard numbers stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from outline2docx.i18n import N_
from outline2docx.tree.numerals import CHARS, CIRCLED

_HAN = r"\u3400-\u9fff"
_CJK_CONTEXT = re.compile(f"[{_HAN}\u3000-\u303f\uff01-\uff5e“”‘’…—]")
_URLISH = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|[\w.+-]+@[\w-]+\.)\S*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``line[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One normalization: a code for --ignore, what it says (a catalog entry, in English), and
    how it finds its edits."""

    code: str
    message: str
    find: Callable[[str], Iterator[Edit]]


# Marks a context check looks past, in both widths: whether a mark stands in Chinese text is
# decided by the nearest word on either side, never by a neighbouring mark, so that fixing one
# mark cannot change the context of the next (fixing twice changes nothing more).
_MARKS = frozenset(",;:!?.，；：！？。、\"'“”‘’…—-()（）")


def _word_before(line: str, at: int) -> str:
    """The nearest character before ``line[at]`` that is not a punctuation mark."""
    while at > 0 and line[at - 1] in _MARKS:
        at -= 1
    return line[at - 1] if at > 0 else ""


def _word_after(line: str, at: int) -> str:
    """The nearest character from ``line[at]`` on that is not a punctuation mark."""
    while at < len(line) and line[at] in _MARKS:
        at += 1
    return line[at] if at < len(line) else ""


def _is_chinese(char: str) -> bool:
    return bool(char) and char not in _MARKS and bool(_CJK_CONTEXT.match(char))


def _has_chinese(text: str) -> bool:
    return any(_is_chinese(char) for char in text)


def _chinese_context(line: str, start: int, end: int) -> bool:
    return _is_chinese(_word_before(line, start)) or _is_chinese(_word_after(line, end))


def _in_url(line: str, at: int) -> bool:
    return any(m.start() <= at < m.end() for m in _URLISH.finditer(line))


# ---- the rules -----------------------------------------------------------------------------

_NUMBERING_FIXES = (
    # written                                                   standard
    (re.compile(rf"^(\s*)([（(][{CHARS}]+[）)]|[（(]\d{{1,3}}[）)]|[{CIRCLED}])[、，,．.]"), None),
    (re.compile(rf"^(\s*)([{CHARS}]+)[.．，,](?!\d)"), "、"),
    (re.compile(r"^(\s*)(\d{1,3})[、，,．](?![\d.．])"), "."),
    (re.compile(r"^(\s*)(第[一二三四五六七八九十]+|首先|其次|再次|最后)、"), "，"),
)
_HALF_BRACKETED_NUMBER = re.compile(rf"^(\s*)\(([{CHARS}]+|\d{{1,3}})\)")


def _numbering(line: str) -> Iterator[Edit]:
    m = _HALF_BRACKETED_NUMBER.match(line)
    if m:
        yield Edit(m.start(2) - 1, m.end(2) + 1, f"（{m.group(2)}）")
    for pattern, mark in _NUMBERING_FIXES:
        m = pattern.match(line)
        if m:
            yield Edit(m.end(2), m.end(), mark or "")
            return


_DOCNUMBER_YEAR = re.compile(r"^(\s*\w{1,12})[\[［(（【﹝](\d{4})[\]］)）】﹞](第?\d{1,4}号\s*)$")


def _docnumber(line: str) -> Iterator[Edit]:
    m = _DOCNUMBER_YEAR.match(line)
    if m:
        yield Edit(m.end(1), m.start(3), f"〔{m.group(2)}〕")


_HALF_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}
_HALF_MARK = re.compile(r"[,;:!?.]")
_HALF_PARENS = re.compile(r"\(([^()]*)\)")


def _punctuation(line: str) -> Iterator[Edit]:
    skip = _leading_number_end(line)
    for m in _HALF_MARK.finditer(line, skip):
        at, mark = m.start(), m.group()
        before = line[at - 1] if at else ""
        after = line[at + 1] if at + 1 < len(line) else ""
        if before.isdigit() and after.isdigit():
            continue  # 3.14, 1,000, 10:30
        if mark == "." and ("." in (before, after) or not _is_chinese(_word_before(line, at))):
            continue  # only a sentence's end after Chinese text; never part of "..."
        if mark != "." and not _chinese_context(line, at, at + 1):
            continue
        if _in_url(line, at):
            continue
        yield Edit(at, at + 1, _HALF_WIDTH[mark])
    for m in _HALF_PARENS.finditer(line, skip):
        if _has_chinese(m.group(1)) or _chinese_context(line, m.start(), m.end()):
            yield Edit(m.start(), m.start() + 1, "（")
            yield Edit(m.end() - 1, m.end(), "）")


def _leading_number_end(line: str) -> int:
    """Where the numbering label of a line ends (its own rule fixes its marks)."""
    m = re.match(rf"\s*(?:\d{{1,3}}[.．]|[（(](?:[{CHARS}]+|\d{{1,3}})[）)])", line)
    return m.end() if m else 0


_STRAIGHT_DOUBLE = re.compile('"')
_STRAIGHT_SINGLE = re.compile(r"'")


def _quotes(line: str) -> Iterator[Edit]:
    doubles = [m.start() for m in _STRAIGHT_DOUBLE.finditer(line)]
    if doubles and len(doubles) % 2 == 0 and _has_chinese(line):
        for n, at in enumerate(doubles):
            yield Edit(at, at + 1, "“" if n % 2 == 0 else "”")
    singles = [m.start() for m in _STRAIGHT_SINGLE.finditer(line)]
    # Only quote pairs with Chinese inside: never an English apostrophe.
    if singles and len(singles) % 2 == 0:
        pairs = list(zip(singles[::2], singles[1::2], strict=True))
        if all(_has_chinese(line[a + 1 : b]) for a, b in pairs):
            for a, b in pairs:
                yield Edit(a, a + 1, "‘")
                yield Edit(b, b + 1, "’")


_ELLIPSIS = re.compile(r"(?<!…)…(?!…)|\.{3,6}|。{3,6}")


def _ellipsis(line: str) -> Iterator[Edit]:
    for m in _ELLIPSIS.finditer(line):
        if m.group().startswith(".") and not _chinese_context(line, m.start(), m.end()):
            continue  # an English "..." stays
        yield Edit(m.start(), m.end(), "……")


_DASH = re.compile(r"(?<![—\-])(?:—|--|－－)(?![—\-])")


def _dash(line: str) -> Iterator[Edit]:
    for m in _DASH.finditer(line):
        if m.group() == "—" or _chinese_context(line, m.start(), m.end()):
            yield Edit(m.start(), m.end(), "——")


_FULL_WIDTH_ALNUM = re.compile("[Ａ-Ｚａ-ｚ０-９]+")


def _full_width_alphanumeric(line: str) -> Iterator[Edit]:
    for m in _FULL_WIDTH_ALNUM.finditer(line):
        yield Edit(m.start(), m.end(), "".join(chr(ord(c) - 0xFEE0) for c in m.group()))


def standard_docnumber(text: str) -> str:
    """A document number with its year in 〔〕: 青政发[2025]5号 -> 青政发〔2025〕5号."""
    for edit in _docnumber(text):
        return text[: edit.start] + edit.text + text[edit.end :]
    return text


RULES: tuple[Rule, ...] = (
    Rule("nonstandard-numbering", N_("numbering written in a non-standard form"), _numbering),
    Rule("docnumber-brackets", N_("the year of a document number goes in 〔〕"), _docnumber),
    Rule("half-width-punctuation", N_("half-width punctuation in Chinese text"), _punctuation),
    Rule("straight-quotes", N_("straight quotes in Chinese text"), _quotes),
    Rule("ellipsis", N_("an ellipsis is written ……"), _ellipsis),
    Rule("dash", N_("a dash is written ——"), _dash),
    Rule("full-width-alphanumeric", N_("full-width letters or digits"), _full_width_alphanumeric),
)
