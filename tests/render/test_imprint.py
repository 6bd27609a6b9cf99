"""How each imprint placement is written: sections, page breaks, numbered footers, the box."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from outline2docx import parse
from outline2docx.pipeline import default_style
from outline2docx.render.imprint import ANCHOR_LINE, BoxSize, Placement
from outline2docx.render.package import render_docx
from outline2docx.render.template import load_template

from ..conftest import SAMPLES, assert_valid_docx
from ..docx_view import W

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NOTICE = SAMPLES / "notice-with-header.txt"


def written(placement: Placement, template=None) -> tuple[zipfile.ZipFile, etree._Element]:
    data = render_docx(parse(NOTICE), default_style(), template, placement)
    package = zipfile.ZipFile(io.BytesIO(data))
    return package, etree.fromstring(package.read("word/document.xml")).find(f"{W}body")


def tail(body: etree._Element) -> list[etree._Element]:
    """The body's paragraphs after the text's last one (the date), in order."""
    paragraphs = body.findall(f"{W}p")
    last_text = max(i for i, p in enumerate(paragraphs) if "".join(p.itertext()).strip()
                    and p.find(f".//{W}txbxContent") is None)  # fmt: skip
    return paragraphs[last_text + 1 :]


def numbered(package: zipfile.ZipFile, section: etree._Element) -> bool:
    """True if the section's default footer holds a PAGE field."""
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    (default,) = [r for r in section.findall(f"{W}footerReference")
                  if r.get(f"{W}type") == "default"]  # fmt: skip
    footer = package.read("word/" + targets[default.get(f"{R}id")]).decode()
    return " PAGE " in footer


@pytest.mark.parametrize(
    ("placement", "shape"),
    [
        # (sections, section start, imprint pages numbered, blank page, box on a new page)
        (Placement.SAME_PAGE, (1, None, True, False, False)),
        (Placement.NEXT_PAGE, (1, None, True, False, True)),
        (Placement.AFTER_BLANK, (2, "nextPage", False, True, True)),
        (Placement.NEXT_EVEN, (2, "evenPage", True, False, False)),
    ],
)
def test_each_placement_is_written_as_its_ending_says(placement, shape, tmp_path):
    package, body = written(placement)
    sections = body.findall(f".//{W}sectPr")
    ending = tail(body)
    *rest, anchor = ending
    boxes = [p for p in ending if p.find(f".//{W}txbxContent") is not None]
    start = sections[-1].find(f"{W}type")
    blank = [p for p in rest if p.find(f"{W}pPr") is None]  # a bare <w:p/>: the blank page
    assert (
        len(sections),
        start.get(f"{W}val") if start is not None else None,
        numbered(package, sections[-1]),
        bool(blank),
        anchor.find(f"{W}pPr/{W}pageBreakBefore") is not None,
    ) == shape
    assert boxes == [anchor]
    # The paragraphs the renderer adds are 1 pt high: they take no line of the last page.
    for paragraph in ending:
        if paragraph.find(f"{W}pPr") is not None:
            spacing = paragraph.find(f"{W}pPr/{W}spacing")
            assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == (
                str(ANCHOR_LINE),
                "exact",
            )
    if len(sections) == 2:  # the text's section ends in the first added paragraph
        assert ending[0].find(f"{W}pPr/{W}sectPr") is sections[0]
    path = tmp_path / f"{placement.value}.docx"
    path.write_bytes(package.fp.getvalue())
    assert_valid_docx(path)


def test_the_layout_probe_has_no_imprint_but_ends_as_the_documents_do():
    _package, body = written(Placement.NONE)
    assert body.find(f".//{W}txbxContent") is None
    (anchor,) = tail(body)  # the 1 pt paragraph the imprint's box will hang from
    assert anchor.find(f"{W}pPr/{W}spacing").get(f"{W}line") == str(ANCHOR_LINE)


@pytest.mark.parametrize("placement", [Placement.AFTER_BLANK, Placement.SAME_PAGE])
def test_a_template_takes_the_same_endings(placement, tmp_path):
    reference = tmp_path / "reference.docx"
    reference.write_bytes(render_docx(parse("通知\n\n正文。"), default_style()))
    package, body = written(placement, load_template(reference))
    sections = body.findall(f".//{W}sectPr")
    assert len(sections) == (2 if placement is Placement.AFTER_BLANK else 1)
    assert numbered(package, sections[-1]) is (placement is Placement.SAME_PAGE)
    path = tmp_path / "out.docx"
    path.write_bytes(package.fp.getvalue())
    assert_valid_docx(path)


def test_the_box_has_a_line_for_each_line_of_the_imprint_and_one_for_its_rules():
    width, char, pitch = 8844, 320, 579  # the GB/T 9704 text block: 28 characters of 16 pt
    assert BoxSize.of(["抄送：县委办公室。", "办公室\t2025年3月1日印发"], width, char, pitch) == (
        BoxSize(width, 3 * pitch)
    )
    long_copies = "抄送：" + "，".join(["县委办公室"] * 10) + "。"  # 63 characters: 3 lines
    assert BoxSize.of([long_copies, "办公室"], width, char, pitch).height == 5 * pitch
