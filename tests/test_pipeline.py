"""The one pipeline: readers, the transforms table, the writer, and the bugs its shape fixed."""

from __future__ import annotations

import pytest

from outline2docx.pipeline import (
    Settings,
    publish,
    read,
    read_string,
    read_text,
    read_word,
    reader_for,
)
from outline2docx.transforms import SOURCE, TRANSFORMS, TREE
from outline2docx.tree.meta import Meta
from outline2docx.tree.nodes import Role

from .cli import run
from .conftest import SAMPLES, assert_valid_docx
from .docx_view import DocxView
from .packages import word_document

NOTICE = SAMPLES / "notice-with-header.txt"


def test_the_kind_of_a_source_is_decided_in_one_place(tmp_path):
    text_file = tmp_path / "a.txt"
    text_file.write_text("一、甲", "utf-8")
    assert reader_for(text_file) is read_text
    assert reader_for(str(text_file)) is read_text
    assert reader_for(tmp_path / "a.docx") is read_word
    assert reader_for(word_document("甲")) is read_word  # zip bytes: a Word document
    assert reader_for("一、甲\n二、乙".encode()) is read_text
    assert reader_for("一、甲\n二、乙") is read_string


def test_the_transforms_are_one_ordered_table_with_fix_before_recognition():
    names = [(t.name, t.stage) for t in TRANSFORMS]
    assert names == [
        ("fix", SOURCE),
        ("imprint", TREE),  # before metadata: the front matter and --meta win over it
        ("metadata", TREE),
        ("drop-noise", TREE),
        ("renumber", TREE),
        ("numbering-checks", TREE),
    ]


def test_fix_runs_before_recognition_so_a_fixed_number_is_a_heading():
    text = "关于做好防汛工作的通知\n(一)、总体要求\n正文。"
    assert read(text).document.paragraphs().__next__().role is Role.TITLE
    fixed = read(text, Settings(fix=True)).document
    heading = next(p for p in fixed.paragraphs() if p.line == 2)
    assert (heading.text, heading.role) == ("（一）总体要求", Role.H2)


def test_fix_keeps_the_front_matter_so_the_red_header_stays(tmp_path):
    # The bug: --fix rebuilt the source without its metadata and the whole 版头 was lost.
    out = tmp_path / "fixed.docx"
    out.write_bytes(publish(NOTICE, Settings(fix=True)).data)
    assert_valid_docx(out)
    view = DocxView(out.read_bytes())
    texts = [p.text for p in view.paragraphs()]
    assert texts[:5] == ["000012", "秘密★1年", "特急", "青山县人民政府文件", "青政发〔2025〕5号"]
    assert any(p.style == "GW Issuer" for p in view.paragraphs())


def test_cli_convert_fix_keeps_the_red_header(tmp_path):
    out = tmp_path / "notice.docx"
    done = run("convert", str(NOTICE), "-o", str(out), "--fix")
    assert done.returncode == 0, done.stderr
    styles = [p.style for p in DocxView(out.read_bytes()).paragraphs()[:5]]
    assert styles == ["GW Header Note"] * 3 + ["GW Issuer", "GW Header Number"]


def test_cli_meta_overrides_the_front_matter_signer_too(tmp_path):
    # The bug: metadata went into the tree twice, and the second pass found the number there.
    out = tmp_path / "notice.docx"
    done = run(
        "convert", str(NOTICE), "-o", str(out),
        "--meta", "发文字号=青政发〔2025〕9号", "--meta", "签发人=李四",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    view = DocxView(out.read_bytes())
    numbers = [p for p in view.paragraphs() if p.style.startswith("GW Header Number")]
    assert [p.text for p in numbers] == ["青政发〔2025〕9号\t签发人：李四"]
    assert numbers[0].style == "GW Header Number Signed"
    assert "青政发〔2025〕5号" not in "".join(p.text for p in view.paragraphs())


def test_a_signer_on_the_number_line_is_set_apart_without_touching_the_text():
    text = "青山县人民政府文件\n青政发〔2025〕5号 签发人：张三\n关于防汛的请示\n正文。"
    view = DocxView(publish(text).data)
    number = next(p for p in view.paragraphs() if p.style.startswith("GW Header Number"))
    assert (number.style, number.text) == (
        "GW Header Number Signed",
        "青政发〔2025〕5号\t签发人：张三",
    )


def test_metadata_from_the_user_fills_a_text_without_front_matter(tmp_path):
    settings = Settings(meta=Meta(issuer="青山县人民政府文件", printed_by="青山县人民政府办公室"))
    publication = publish("关于防汛的通知\n正文。", settings)
    assert [p.role for p in publication.document.paragraphs()][:2] == [Role.ISSUER, Role.TITLE]
    out = tmp_path / "filled.docx"
    out.write_bytes(publication.data)
    assert_valid_docx(out)


def test_drop_noise_notes_each_dropped_line():
    publication = publish("关于防汛的通知\n正文。\n分享到：微信 微博", Settings(drop_noise=True))
    assert publication.notes == ("<text>:3: dropped web residue: 分享到：微信 微博",)
    assert all(p.role is not Role.NOISE for p in publication.document.paragraphs())


@pytest.mark.parametrize("source", ["text", "word"])
def test_text_and_word_input_take_the_same_transforms(source):
    lines = ["关于防汛的通知", "一、总体要求", "三、工作措施"]
    data = "\n".join(lines).encode() if source == "text" else word_document(*lines)
    document = read(data).document
    assert [d.code for d in document.diagnostics] == ["numbering-gap"]
