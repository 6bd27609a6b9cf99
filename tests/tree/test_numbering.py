"""Numbering kinds: their values, labels, ranks and roles, and that the recognizer agrees."""

import json

import pytest

from outline2docx import parse
from outline2docx.read.lines import SourceLine
from outline2docx.recognize import patterns as P
from outline2docx.recognize.line import examine
from outline2docx.tree import Numbering, NumberingKind, Role
from outline2docx.tree.numbering import HEADING_RANKS
from outline2docx.tree.serialize import document_to_dict

K = NumberingKind

# Every kind that writes its own label; a decimal outline's label needs its parents' numbers.
LABELLED = [kind for kind in NumberingKind if kind is not K.DECIMAL]
# From the outermost heading down: the order GB/T 9704 outlines and regulations nest in.
HIERARCHY = [K.CHAPTER, K.SECTION, K.ARTICLE, K.CN_UPPER, K.CN, K.CN_PAREN, K.ARABIC]
HIERARCHY += [K.ARABIC_PAREN, K.CIRCLED]


@pytest.mark.parametrize(
    ("kind", "value", "label"),
    [
        (K.CHAPTER, 12, "第十二章"),
        (K.SECTION, 2, "第二节"),
        (K.ARTICLE, 101, "第一百零一条"),
        (K.CN_UPPER, 11, "拾壹、"),
        (K.CN, 1, "一、"),
        (K.CN, 23, "二十三、"),
        (K.CN_PAREN, 2, "（二）"),
        (K.ARABIC, 3, "3."),
        (K.ARABIC_PAREN, 10, "（10）"),
        (K.ARABIC_HALF_PAREN, 4, "4）"),
        (K.CIRCLED, 20, "⑳"),
        (K.SHI, 2, "二是"),
        (K.YAO, 3, "三要"),
        (K.ORDINAL, 1, "第一，"),
        (K.QI, 2, "其二，"),
        (K.SEQUENCE, 2, "其次，"),
    ],
)
def test_label_writes_the_canonical_form(kind, value, label):
    assert kind.label(value) == label


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [(K.DECIMAL, 1, "no label"), (K.CIRCLED, 21, "no circled"), (K.SEQUENCE, 4, "no sequence")],
)
def test_a_label_the_kind_cannot_write_is_an_error(kind, value, message):
    with pytest.raises(ValueError, match=message):
        kind.label(value)


@pytest.mark.parametrize("kind", [k for k in LABELLED if k.is_heading])
@pytest.mark.parametrize("value", [1, 2, 9, 10, 11, 20])
def test_the_recognizer_reads_every_heading_label_back(kind, value):
    facts = examine(SourceLine(1, kind.label(value) + "加强组织领导"))
    assert (facts.numbering.kind, facts.numbering.value) == (kind, value)
    assert facts.role in (kind.role, kind.runin_role)
    assert facts.rank == kind.rank


@pytest.mark.parametrize("kind", [k for k in LABELLED if not k.is_heading])
@pytest.mark.parametrize("value", [1, 2, 3])
def test_the_recognizer_reads_every_run_in_label_back(kind, value):
    facts = examine(SourceLine(1, kind.label(value) + "要加强组织领导，落实责任。"))
    assert (facts.numbering.kind, facts.numbering.value) == (kind, value)
    assert facts.role is Role.RUNIN


def test_ranks_nest_outer_to_inner():
    ranks = [kind.rank for kind in HIERARCHY]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert K.ARABIC_HALF_PAREN.rank == K.ARABIC_PAREN.rank  # 1） is a variant of （1）
    assert K.DECIMAL.rank == K.CN.rank  # depth 1 of 1 / 1.1 / 1.1.1 stands where 一、 does


def test_run_in_enumerators_are_no_headings():
    enumerators = {kind for kind in NumberingKind if not kind.is_heading}
    assert enumerators == {K.SHI, K.YAO, K.ORDINAL, K.QI, K.SEQUENCE}
    assert all(kind.rank is None and kind.role is None for kind in enumerators)


def test_each_heading_role_has_the_rank_of_its_usual_kind():
    assert HEADING_RANKS[Role.H1] == HEADING_RANKS[Role.H1_RUNIN] == K.CN.rank  # not 壹、's
    assert HEADING_RANKS[Role.H2] == K.CN_PAREN.rank
    assert HEADING_RANKS[Role.ARTICLE] == K.ARTICLE.rank
    assert P.RANKS == HEADING_RANKS


def test_the_recognizer_tables_use_the_members():
    kinds = {form.kind for form in P.NUMBERINGS} | {enum.kind for enum in P.ENUMERATORS}
    assert all(type(kind) is NumberingKind for kind in kinds | P.ITEM_KINDS | P.LIST_KINDS)
    assert kinds == set(NumberingKind) - {K.DECIMAL}


def test_a_kind_is_its_string_value():
    assert K("cn_paren") is K.CN_PAREN
    assert K.CN_PAREN == "cn_paren" and str(K.CN_PAREN) == "cn_paren"
    assert json.dumps([K.CN_PAREN]) == '["cn_paren"]'


def test_a_numbering_given_a_value_holds_the_member():
    assert Numbering("circled", 1, "①", "①").kind is K.CIRCLED
    with pytest.raises(ValueError, match="roman"):
        Numbering("roman", 1, "I.", "N.")


def test_the_json_of_a_parse_shows_the_kind_as_before():
    data = document_to_dict(parse("一、总体要求\n（二）基本原则\n一是加强领导。"))
    text = json.dumps(data, ensure_ascii=False)
    assert '"numbering": {"kind": "cn", "value": 1, "label": "一、", "form": "N、"}' in text
    assert '"kind": "cn_paren", "value": 2, "label": "（二）"' in text
    assert '"kind": "shi", "value": 1' in text


def test_the_module_docstring_example_holds():
    import doctest

    from outline2docx.tree import numbering

    result = doctest.testmod(numbering)
    assert result.attempted and not result.failed
