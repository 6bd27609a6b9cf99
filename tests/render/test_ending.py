"""The end of a document (GB/T 9704 §7.3.5–§7.3.8) and the page-number variants of a style."""

from __future__ import annotations

import subprocess

import pytest

from outline2docx import parse
from outline2docx.convert import to_docx
from outline2docx.pdf import export_pdf
from outline2docx.style import StyleError
from outline2docx.style.load import load_style
from outline2docx.verify.measure import read_pages

from ..conftest import assert_valid_docx, needs_office
from ..docx_view import DocxView, W

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

ENDING = """关于开展安全检查的通知

各单位：

现将有关事项通知如下，请认真贯彻执行。

附件：1. 检查表
2. 名单

青山县人民政府
2025年3月1日
（此件公开发布）

附件1

检查表

一、检查内容

检查消防设施。

附件2

名单

张三。
"""


def ending(seal: str | None = None, text: str = ENDING) -> DocxView:
    front = f"---\n印章: {seal}\n---\n" if seal else ""
    return DocxView(to_docx(parse(front + text)))


def signature_and_date(view: DocxView):
    shown = view.paragraphs()
    signature = next(p for p in shown if p.style == "GW Signature")
    date = next(p for p in shown if p.style == "GW Date")
    return signature, date


def lines_before(view: DocxView, style: str) -> int:
    body = view.document.find(f"{W}body")
    for p in body.iter(f"{W}p"):
        style_of = p.find(f"{W}pPr/{W}pStyle")
        if style_of is not None and view.style_name(style_of.get(f"{W}val")) == style:
            return int(p.find(f"{W}pPr/{W}spacing").get(f"{W}beforeLines"))
    raise AssertionError(style)


# Widths in characters: 青山县人民政府 is 7, 2025年3月1日 is 6 (digits are half-width).
@pytest.mark.parametrize(
    ("seal", "signature_right", "date_right", "blank_lines"),
    [
        # §7.3.5.1: date 4 from the right, signature centred over it: 4 + (6 - 7) / 2.
        (None, 350, 400, (100, 0)),
        ("有印章", 350, 400, (100, 0)),
        # §7.3.5.2: the date starts 2 right of the signature's start; 2 - (7 - 6) < 2 would
        # bring it too near the edge, so the date stays 2 in and the signature moves left.
        ("无印章", 300, 200, (100, 0)),
        # §7.3.5.3: title and seal two lines below the text, date one line below, both 4 in.
        ("签名章", 400, 400, (200, 100)),
    ],
)
def test_the_seal_places_signature_and_date(seal, signature_right, date_right, blank_lines):
    view = ending(seal)
    signature, date = signature_and_date(view)
    assert (signature.right_chars, date.right_chars) == (signature_right, date_right)
    assert (signature.align, date.align) == ("right", "right")
    assert (lines_before(view, "GW Signature"), lines_before(view, "GW Date")) == blank_lines


def test_without_a_seal_the_signature_is_two_from_the_right_the_date_two_right_of_it():
    text = ENDING.replace("青山县人民政府", "青山县人民政府办公室")  # 10 characters, the date 6
    signature, date = signature_and_date(ending("无印章", text))
    assert (signature.right_chars, date.right_chars) == (200, 200 + 1000 - 200 - 600)


def test_without_a_seal_a_date_longer_than_the_signature_stays_two_from_the_right():
    text = ENDING.replace("青山县人民政府", "青山县局")  # 4 characters, the date 6
    signature, date = signature_and_date(ending("无印章", text))
    # The date 2 from the right; the signature's first character 2 left of the date's.
    assert (date.right_chars, signature.right_chars) == (200, 400 + 600 - 400)


def test_an_unknown_seal_value_keeps_the_default():
    assert signature_and_date(ending("盖章了")) == signature_and_date(ending())


def test_the_note_under_the_date_is_indented_in_its_brackets():
    shown = ending().paragraphs()
    date = next(i for i, p in enumerate(shown) if p.style == "GW Date")
    note = shown[date + 1]
    assert (note.text, note.style, note.align) == ("（此件公开发布）", "GW Date Note", "left")
    assert (note.first_line_chars, note.east_asian) == (200, "仿宋_GB2312")


def test_a_bracketed_line_elsewhere_stays_body_text():
    text = ENDING.replace("现将有关事项", "（此件公开发布）\n\n现将有关事项")
    shown = ending(text=text).paragraphs()
    assert [p.style for p in shown if p.text == "（此件公开发布）"] == ["Normal", "GW Date Note"]


def test_each_attachment_starts_a_page_with_its_label_and_centred_title(tmp_path):
    view = ending()
    shown = view.paragraphs()
    labels = [i for i, p in enumerate(shown) if p.style == "GW Attachment Label"]
    assert [shown[i].text for i in labels] == ["附件1", "附件2"]
    for i in labels:
        label, title = shown[i], shown[i + 1]
        assert (label.east_asian, label.size, label.align) == ("黑体", 16, "left")
        assert (label.first_line_chars, label.page_break_before) == (0, True)
        assert (title.style, title.align) == ("Title", "center")
    # The attachment note above the signature is no label.
    assert [p.style for p in shown if p.text.startswith("附件：")] == ["GW Attachment"]
    path = tmp_path / "ending.docx"
    path.write_bytes(to_docx(parse(ENDING)))
    assert_valid_docx(path)


@needs_office
def test_attachments_open_pages_numbered_on(tmp_path):
    path = tmp_path / "ending.docx"
    path.write_bytes(to_docx(parse(ENDING)))
    pdf = export_pdf(path, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    pages = ["".join(page.split()) for page in text.split("\f")[:-1]]
    assert len(pages) == 3
    assert pages[1].startswith("附件1检查表") and pages[2].startswith("附件2名单")
    assert [page.rsplit("—", 2)[-2] for page in pages] == ["1", "2", "3"]
    assert pages[0].endswith("2025年3月1日（此件公开发布）—1—")


def page_number_style(tmp_path, keys: str) -> str:
    path = tmp_path / "local.toml"
    path.write_text(f'extends = "gbt9704"\n\n[page_number]\n{keys}\n', encoding="utf-8")
    return str(path)


def footers(view: DocxView, section) -> dict[str, list[str]]:
    """The texts of the footers a section references, by type (default, even, first)."""
    rels = view.xml("word/_rels/document.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    found = {}
    for reference in section.findall(f"{W}footerReference"):
        footer = view.xml("word/" + targets[reference.get(f"{{{R}}}id")])
        texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in footer.iter(f"{W}p")]
        found[reference.get(f"{W}type")] = texts
    return found


def test_page_numbers_by_default_on_the_outer_side_of_every_page():
    view = DocxView(to_docx(parse(ENDING)))
    section = view.document.find(f"{W}body/{W}sectPr")
    assert section.find(f"{W}titlePg") is None
    assert set(footers(view, section)) == {"default", "even"}
    aligns = [view.styles[f"GWPageNumber{side}"].find(f"{W}pPr/{W}jc").get(f"{W}val")
              for side in ("Odd", "Even")]  # fmt: skip
    assert aligns == ["right", "left"]


def test_centred_page_numbers_and_none_on_the_first_page(tmp_path):
    style = page_number_style(tmp_path, 'position = "center"\nfirst_page = false')
    path = tmp_path / "local.docx"
    path.write_bytes(to_docx(parse(ENDING), style))
    assert_valid_docx(path)
    view = DocxView(path.read_bytes())
    section = view.document.find(f"{W}body/{W}sectPr")
    assert section.find(f"{W}titlePg") is not None
    found = footers(view, section)
    assert found["first"] == [""]
    assert found["default"] == found["even"] == ["— 1 —"]
    for side in ("Odd", "Even"):
        ppr = view.styles[f"GWPageNumber{side}"].find(f"{W}pPr")
        assert ppr.find(f"{W}jc").get(f"{W}val") == "center"
        assert ppr.find(f"{W}ind").get(f"{W}leftChars") in (None, "0")


@needs_office
def test_centred_numbers_from_page_two_on_the_rendered_pages(tmp_path):
    style = page_number_style(tmp_path, 'position = "center"\nfirst_page = false')
    path = tmp_path / "local.docx"
    path.write_bytes(to_docx(parse(ENDING), style))
    pdf = export_pdf(path, tmp_path)
    pages = [dash_words(page) for page in read_pages(pdf)]
    assert pages[0] == []  # no number on the first page
    for dashes in pages[1:]:
        assert len(dashes) == 2
        middle = (dashes[0] + dashes[1] + 12.5) / 2  # the second dash's right edge, roughly
        assert abs(middle - (79.4 + 595.3 - 73.7) / 2) < 10  # the text block's centre


def dash_words(page) -> list[float]:
    """Where the words "—" of a page start (points): the dashes around a page number."""
    return [x0 for line in page.lines for word, x0, _x1 in line.words if word == "—"]


@pytest.mark.parametrize(
    ("keys", "problem"),
    [('position = "inner"', "inner"), ('first_page = "no"', "first_page")],
)
def test_bad_page_number_keys_are_refused_by_name(tmp_path, keys, problem):
    with pytest.raises(StyleError, match=problem):
        load_style(page_number_style(tmp_path, keys))


def test_the_seal_from_the_command_line(tmp_path):
    from ..cli import run

    source = tmp_path / "notice.txt"
    source.write_text(ENDING, encoding="utf-8")
    done = run("convert", str(source), "--meta", "印章=签名章", "-o", str(tmp_path / "out.docx"))
    assert done.returncode == 0
    signature, date = signature_and_date(DocxView((tmp_path / "out.docx").read_bytes()))
    assert (signature.right_chars, date.right_chars) == (400, 400)
