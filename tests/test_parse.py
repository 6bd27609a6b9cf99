"""The library entry point: any encoding in, the same tree out, nothing lost."""

import codecs
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outline2docx import InputError, Role, parse
from outline2docx.tree.serialize import document_to_dict

from .conftest import corpus_documents
from .packages import word_document
from .strategies import outline_texts

# What the tree may legitimately leave out: whitespace, and characters XML cannot hold.
_DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def visible(text: str) -> str:
    """The non-whitespace characters of ``text`` that a document can hold, in order."""
    return "".join(_DROPPED.sub("", text).split())


def tree_text(document) -> str:
    return visible("".join(p.text for p in document.paragraphs()))


def comparable(document) -> dict:
    data = document_to_dict(document)
    del data["source"], data["encoding"]
    return data


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_nothing_is_lost_from_arbitrary_text(text):
    assert tree_text(parse(text)) == visible(text)


@settings(max_examples=200, deadline=None)
@given(outline_texts("加强领导。：；！？，“”（）1.5亿元 \u3000\t"))
def test_nothing_is_lost_from_outline_like_text(text):
    assert tree_text(parse(text)) == visible(text)


@pytest.mark.parametrize("path", corpus_documents(), ids=lambda p: p.name[:2])
def test_nothing_is_lost_from_real_documents(path):
    document = parse(path)
    assert tree_text(document) == visible(path.read_text("utf-8"))


def test_same_tree_from_every_encoding(seed_path, tmp_path):
    text = seed_path.read_text("utf-8")
    variants = {
        "utf-8": text.encode("utf-8"),
        "utf-8-sig": codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
        "gb18030": text.encode("gb18030"),
        "utf-16": text.encode("utf-16"),
    }
    trees = {}
    for name, data in variants.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        document = parse(path)
        assert document.encoding == name
        trees[name] = comparable(document)
    reference = trees.pop("utf-8")
    assert len(reference["lines"]) == 33
    for name, tree in trees.items():
        assert tree == reference, name


def test_text_bytes_and_path_inputs_agree(tmp_path):
    text = "关于开展检查的通知\n各学校：\n一、检查时间\n2025年3月。"
    path = tmp_path / "n.txt"
    path.write_text(text, "utf-8")
    by_text, by_bytes, by_path = parse(text), parse(text.encode("gb18030")), parse(path)
    assert comparable(by_text) == comparable(by_bytes) == comparable(by_path)
    assert by_path.source == str(path)
    assert by_bytes.encoding == "gb18030"


def test_bytes_of_a_word_document_are_read_as_one():
    document = parse(word_document("一、总体要求"), name="<stdin>")
    assert (document.encoding, [p.text for p in document.paragraphs()]) == (
        "docx",
        ["一、总体要求"],
    )


def test_a_string_that_is_not_a_file_is_parsed_as_text():
    assert [p.text for p in parse("no-such-file.txt").paragraphs()] == ["no-such-file.txt"]


def test_missing_path_object_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        parse(tmp_path / "missing.txt")


# ---- roles a user gives lines ----------------------------------------------------------------

SPEECH = "在全县大会上的讲话\n（2025年3月1日）\n同志们：\n加强领导，狠抓落实。\n今天就讲这些。"


def test_a_role_given_to_a_line_is_kept_and_its_neighbours_follow():
    assert [p.role.value for p in parse(SPEECH).paragraphs()] == [
        "title",
        "byline",
        "salutation",
        "body",
        "body",
    ]
    overruled = parse(SPEECH, roles={2: "subtitle", 4: Role.H2, 5: "closing"})
    assert [p.role.value for p in overruled.paragraphs()] == [
        "title",
        "subtitle",
        "salutation",
        "h2",
        "closing",
    ]
    given = {p.line: p for p in overruled.paragraphs()}
    assert given[2].confidence == 1.0 and given[2].runner_up is None
    assert [s.heading.line for s in overruled.sections()] == [4]  # the tree follows


def test_an_issuer_given_above_a_title_leaves_the_title_its_own_line():
    text = "青山县教育局\n关于做好防汛工作的通知\n各学校：\n请做好准备。"
    assert [p.role.value for p in parse(text).paragraphs()] == [
        "title",
        "title",
        "addressee",
        "body",
    ]
    overruled = parse(text, roles={1: "issuer"})
    assert [p.role.value for p in overruled.paragraphs()] == [
        "issuer",
        "title",
        "addressee",
        "body",
    ]


def test_an_unknown_role_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match=r"'headline' is not a role of a line; one of: .*title"):
        parse(SPEECH, roles={1: "headline"})


def test_roles_apply_to_word_paragraphs_too():
    data = word_document("在全县大会上的讲话", "（2025年3月1日）", "同志们：", "正文。")
    assert [p.role.value for p in parse(data, roles={2: "subtitle"}).paragraphs()] == [
        "title",
        "subtitle",
        "salutation",
        "body",
    ]


def test_every_line_carries_a_confidence_and_close_calls_a_runner_up(seed_path):
    paragraphs = list(parse(seed_path).paragraphs())
    assert all(0.5 <= p.confidence <= 1.0 for p in paragraphs)
    doubtful = [p for p in paragraphs if p.confidence < 0.8]
    assert doubtful and all(p.runner_up not in (None, p.role) for p in doubtful)
