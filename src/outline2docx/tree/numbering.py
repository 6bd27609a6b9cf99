"""Numbering kinds: the ways a heading or a run-in item is numbered, and what each implies.

The tree owns this vocabulary; the recognizer's tables and every front-end refer to it. A kind
is a string ("cn_paren"), so the JSON of ``parse --json`` shows it as it always has, and it
knows its nesting rank, the roles a line so numbered takes, and how it writes a number:

>>> NumberingKind.CN_PAREN.label(2)
'（二）'
>>> NumberingKind.CN_PAREN.rank, NumberingKind.CN_PAREN.role.value
(50, 'h2')
"""

from __future__ import annotations

from enum import Enum

from outline2docx.tree.nodes import Role
from outline2docx.tree.numerals import CIRCLED, int_to_chinese, int_to_upper

# The words of a 首先/其次/再次 sequence by place; 最后 (last) has no place of its own.
_SEQUENCE_WORDS = ("首先", "其次", "再次")


def _circled(value: int) -> str:
    if not 0 < value <= len(CIRCLED):
        raise ValueError(f"{value} has no circled numeral (1-{len(CIRCLED)})")
    return CIRCLED[value - 1]


def _sequence_word(value: int) -> str:
    if not 0 < value <= len(_SEQUENCE_WORDS):
        raise ValueError(f"{value} has no sequence word (1-{len(_SEQUENCE_WORDS)})")
    return _SEQUENCE_WORDS[value - 1]


# How a label's template spells its number: {cn} 二, {upper} 贰, {n} 2, {circled} ②, {word} 其次.
_SPELLINGS = {
    "cn": int_to_chinese,
    "upper": int_to_upper,
    "n": str,
    "circled": _circled,
    "word": _sequence_word,
}


class NumberingKind(str, Enum):
    """A way of numbering: its rank (smaller is outer), its roles and its written label.

    Run-in enumerators (一是, 首先) lead body text: they have no rank and no heading role. A
    decimal outline (1 / 1.1 / 1.1.1) takes its role and rank from its depth, and its label
    holds its parents' numbers, so it has no role or label of its own; its rank is depth 1's.
    """

    # name            value                rank  role          run-in role      label
    CHAPTER = ("chapter", 10, Role.CHAPTER, Role.CHAPTER, "第{cn}章")
    SECTION = ("section", 20, Role.SECTION, Role.SECTION, "第{cn}节")
    ARTICLE = ("article", 30, Role.ARTICLE, Role.ARTICLE, "第{cn}条")
    CN_UPPER = ("cn_upper", 35, Role.H1, Role.H1_RUNIN, "{upper}、")
    CN = ("cn", 40, Role.H1, Role.H1_RUNIN, "{cn}、")
    DECIMAL = ("decimal", 40, None, None, None)
    CN_PAREN = ("cn_paren", 50, Role.H2, Role.H2_RUNIN, "（{cn}）")
    ARABIC = ("arabic", 60, Role.H3, Role.H3_RUNIN, "{n}.")
    ARABIC_PAREN = ("arabic_paren", 70, Role.H4, Role.H4, "（{n}）")
    ARABIC_HALF_PAREN = ("arabic_half_paren", 70, Role.H4, Role.H4, "{n}）")
    CIRCLED = ("circled", 80, Role.H5, Role.H5, "{circled}")
    SHI = ("shi", None, None, None, "{cn}是")
    YAO = ("yao", None, None, None, "{cn}要")
    ORDINAL = ("ordinal", None, None, None, "第{cn}，")
    QI = ("qi", None, None, None, "其{cn}，")
    SEQUENCE = ("sequence", None, None, None, "{word}，")

    rank: int | None
    role: Role | None
    runin_role: Role | None

    def __new__(
        cls,
        value: str,
        rank: int | None,
        role: Role | None,
        runin_role: Role | None,
        template: str | None,
    ) -> NumberingKind:
        """A member: the str value, with the kind's rank, roles and label template."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.rank, member.role, member.runin_role = rank, role, runin_role
        member._template = template
        return member

    def __str__(self) -> str:
        return self.value

    @property
    def is_heading(self) -> bool:
        """True for kinds that number headings (第一章 … ①), false for run-in enumerators."""
        return self.rank is not None

    def label(self, value: int) -> str:
        """The canonical label of number ``value``: CN_PAREN.label(2) == '（二）'.

        ValueError where the kind cannot write it: a decimal outline's label needs its
        parents' numbers, circled numerals stop at ⑳, sequence words at 再次."""
        if self._template is None:
            raise ValueError(f"{self.value} numbering has no label of its own")
        before, _, rest = self._template.partition("{")
        spelling, _, after = rest.partition("}")
        return before + _SPELLINGS[spelling](value) + after


def _heading_ranks() -> dict[Role, int]:
    """Each heading role's rank; where two kinds give one role (壹、 and 一、 both h1), the
    inner kind's, the one documents use more."""
    ranks: dict[Role, int] = {}
    for kind in NumberingKind:
        for role in (kind.role, kind.runin_role):
            if role is not None:
                ranks[role] = max(ranks.get(role, 0), kind.rank)
    return ranks


# The nesting rank of each heading role a numbering gives (run-in forms alike).
HEADING_RANKS = _heading_ranks()
