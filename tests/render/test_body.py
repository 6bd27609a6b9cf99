"""Every paragraph of real documents, read back from the .docx through the style chain."""

from __future__ import annotations

import random
import re

import pytest

from outline2docx import Role, parse
from outline2docx.convert import to_docx

from ..conftest import SAMPLES, corpus_documents
from ..docx_view import DocxView

FANGSONG, KAITI, HEITI, XIAOBIAOSONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体"

# What ../shared/spec/gbt9704.md §3 asks of each role in the default style:
# (style name, East Asian font, size, bold, alignment, first-line indent in 1/100 characters)
EXPECTED = {
    Role.TITLE: ("Title", XIAOBIAOSONG, 22, False, "center", 0),
    Role.SUBTITLE: ("Subtitle", KAITI, 16, False, "center", 0),
    Role.BYLINE: ("GW Byline", KAITI, 16, False, "center", 0),
    Role.DOCNUMBER: ("GW Document Number", FANGSONG, 16, False, "center", 0),
    Role.ISSUER: ("GW Issuer", XIAOBIAOSONG, 36, False, "center", 0),
    Role.ADDRESSEE: ("GW Addressee", FANGSONG, 16, False, "both", 0),
    Role.SALUTATION: ("GW Addressee", FANGSONG, 16, False, "both", 0),
    Role.BODY: ("Normal", FANGSONG, 16, False, "both", 200),
    Role.CLOSING: ("Normal", FANGSONG, 16, False, "both", 200),
    Role.H1: ("heading 1", HEITI, 16, False, "both", 200),
    Role.H2: ("heading 2", KAITI, 16, False, "both", 200),
    Role.H3: ("heading 3", FANGSONG, 16, True, "both", 200),
    Role.H4: ("heading 4", FANGSONG, 16, False, "both", 200),
    Role.H5: ("GW Item", FANGSONG, 16, False, "both", 200),
    Role.CHAPTER: ("GW Chapter", HEITI, 16, False, "center", 0),
    Role.SECTION: ("GW Section", KAITI, 16, False, "center", 0),
    Role.SIGNATURE: ("GW Signature", FANGSONG, 16, False, "right", 0),
    Role.DATE: ("GW Date", FANGSONG, 16, False, "right", 0),
    Role.NOISE: ("GW Web Residue", FANGSONG, 16, False, "both", 200),
}
# Run-in lines: body paragraph, lead run in (East Asian font, bold), rest in body font.
RUN_IN = {
    Role.H1_RUNIN: (HEITI, False),
    Role.H2_RUNIN: (KAITI, False),
    Role.H3_RUNIN: (FANGSONG, True),
    Role.RUNIN: (FANGSONG, True),
    Role.ARTICLE: (HEITI, False),
}
OUTLINE_LEVELS = {Role.H1: 1, Role.H2: 2, Role.H3: 3, Role.H4: 4, Role.CHAPTER: 1, Role.SECTION: 2}


def rendered(path, style="gbt9704"):
    document = parse(path)
    return document, DocxView(to_docx(document, style))


def assert_looks_right(document, view, bold_h2=False):
    paragraphs = list(document.paragraphs())
    shown = view.paragraphs()
    assert [p.text for p in shown] == [p.text for p in paragraphs]
    previous = previous_source = signature = None
    dated = False
    for source, out in zip(paragraphs, shown, strict=True):
        where = f"line {source.line} ({source.role.value}): {source.text[:20]}"
        after_issuer, previous = previous is Role.ISSUER, source.role
        dated = dated or previous_source is Role.DATE
        if source.role is Role.DOCNUMBER and after_issuer:  # a 版头: over the red rule
            assert (out.style, out.east_asian, out.align) == (
                "GW Header Number",
                FANGSONG,
                "center",
            )
            continue
        assert out.size == 16 or source.role in (Role.TITLE, Role.ISSUER), where
        if source.role in RUN_IN:
            font, bold = RUN_IN[source.role]
            lead, *rest = out.runs
            assert (out.style, out.first_line_chars, out.align) == ("Normal", 200, "both"), where
            if source.role is Role.H2_RUNIN and bold_h2:
                bold = True
            assert (lead.text, lead.east_asian, lead.bold) == (source.lead, font, bold), where
            for run in rest:
                assert (run.east_asian, run.bold, run.size) == (FANGSONG, False, 16), where
            continue
        if source.role is Role.BODY and previous_source is Role.DATE and is_bracketed(source):
            # 附注 (§7.3.6): under the date, two characters in, in its brackets.
            assert (out.style, out.align, out.first_line_chars) == ("GW Date Note", "left", 200)
            assert (out.east_asian, out.size) == (FANGSONG, 16), where
            previous_source = source.role
            continue
        if source.role is Role.ATTACHMENT and dated and ATTACHMENT_LABEL.match(source.text):
            # An attachment (§7.3.8): a new page, "附件N" in 黑体 flush left.
            assert (out.style, out.east_asian, out.size) == ("GW Attachment Label", HEITI, 16)
            assert (out.align, out.first_line_chars, out.page_break_before) == ("left", 0, True)
            continue
        if source.role is Role.ATTACHMENT:
            assert out.style in ("GW Attachment", "GW Attachment Item"), where
            assert out.east_asian == FANGSONG, where
            continue
        style, font, size, bold, align, indent = EXPECTED[source.role]
        if source.role is Role.H2 and bold_h2:
            bold = True
        assert (out.style, out.east_asian, out.size, out.bold) == (style, font, size, bold), where
        assert (out.align, out.first_line_chars or 0) == (align, indent), where
        assert out.outline_level == OUTLINE_LEVELS.get(source.role), where
        if source.role is Role.SIGNATURE:
            signature = out
        if source.role is Role.DATE:
            # GB/T 9704 §7.3.5.1 (the default, 有印章): the date four characters from the
            # right, the signature above it centred over it.
            assert out.right_chars == 400, where
            if previous_source is Role.SIGNATURE:
                centre = signature.right_chars / 100 + width(signature.text) / 2
                assert centre == max(4 + width(out.text) / 2, width(signature.text) / 2), where
        previous_source = source.role


ATTACHMENT_LABEL = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*$")


def is_bracketed(paragraph) -> bool:
    """A line wholly in one pair of full-width brackets, e.g. （此件公开发布）."""
    text = paragraph.text
    return text.startswith("（") and text.endswith("）") and text.count("（") == 1


def width(text: str) -> float:
    """Width in body characters: ASCII digits and letters and spaces are half-width."""
    return sum(0.5 if ord(c) < 128 or c.isspace() else 1 for c in text.strip())


@pytest.mark.parametrize("path", corpus_documents(), ids=lambda p: p.name[:2])
def test_every_paragraph_of_real_documents(path):
    document, view = rendered(path)
    assert_looks_right(document, view)


def test_every_paragraph_of_the_seed_speech_in_speech_style(seed_path):
    document, view = rendered(seed_path, "speech")
    assert_looks_right(document, view, bold_h2=True)
    runins = [p for p in view.paragraphs() if p.runs[0].char_style == "GW Lead"]
    assert len(runins) == 12
    assert all(p.runs[0].bold and p.runs[0].text.endswith("。") for p in runins)


@pytest.mark.parametrize("name", ["speech.txt", "notice.txt", "regulation.txt"])
def test_every_paragraph_of_the_samples(name):
    document, view = rendered(SAMPLES / name)
    assert_looks_right(document, view)


def test_attachment_items_align_under_the_first_name():
    _, view = rendered(SAMPLES / "notice.txt")
    first, second = (p for p in view.paragraphs() if p.style.startswith("GW Attachment"))
    assert (first.style, first.first_line_chars) == ("GW Attachment", 200)
    assert (second.style, second.left_chars, second.first_line_chars) == (
        "GW Attachment Item",
        500,
        0,
    )


def test_the_text_above_attachments_and_signature_keeps_with_them():
    _, view = rendered(SAMPLES / "notice.txt")
    shown = view.paragraphs()
    signature = next(i for i, p in enumerate(shown) if p.style == "GW Signature")
    first_attachment = next(i for i, p in enumerate(shown) if p.style == "GW Attachment")
    end_of_text = shown[first_attachment - 1]
    assert (end_of_text.text, end_of_text.keep_with_next) == ("特此通知。", True)
    assert all(p.keep_with_next for p in shown[first_attachment : signature + 1])
    assert not shown[signature + 1].keep_with_next  # the date ends the chain
    assert not any(p.keep_with_next for p in shown if p.style == "Normal" and p is not end_of_text)


def test_quotes_dashes_and_ellipses_stay_in_the_chinese_font():
    document = parse("——在全县大会上的讲话\n要坚持“两个维护”……，做到‘一岗双责’·。\nABC 123")
    view = DocxView(to_docx(document))
    runs = [run for p in view.paragraphs() for run in p.runs]
    assert [run.hint for run in runs] == ["eastAsia", "eastAsia", None]


def test_tabs_become_word_tabs():
    view = DocxView(to_docx(parse("1、\t利用国旗下讲话。")))
    (paragraph,) = view.paragraphs()
    assert paragraph.text == "1、\t利用国旗下讲话。"
    assert b"<w:tab/>" in view.parts["word/document.xml"]


def test_a_ten_megabyte_line_is_split_over_runs_that_word_readers_can_read(tmp_path):
    """libxml2 refuses text nodes over 10 MB: one long line becomes several runs, read back
    whole by python-docx and by outline2docx's own Word reader."""
    import docx

    from outline2docx.render.body import RUN_TEXT_LIMIT

    from ..conftest import assert_valid_docx

    # 3.5 million varied characters (10.5 MB as UTF-8): repeated text would compress so well
    # that the reader refuses it as a zip bomb.
    line = "".join(
        random.Random(11).choices("坚持问题导向注重创新驱动加强组织领导&<>，。", k=3_500_000)
    )
    source = tmp_path / "long.txt"
    source.write_text(f"一、总体要求\n{line}\n", "utf-8")
    target = tmp_path / "long.docx"
    target.write_bytes(to_docx(parse(source)))

    paragraph = docx.Document(str(target)).paragraphs[1]
    assert paragraph.text == line
    runs = paragraph.runs
    assert len(runs) == -(-len(line) // RUN_TEXT_LIMIT) == 4
    assert {run.style.name for run in runs} == {paragraph.runs[0].style.name}
    assert {run._r.rPr is None for run in runs} == {True}  # no formatting of their own
    again = parse(target)
    assert [p.text for p in again.paragraphs()][1] == line
    assert_valid_docx(target)
