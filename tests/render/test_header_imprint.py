"""The 版头 and 版记 from metadata: in the XML, and on LibreOffice's pages."""

from __future__ import annotations

import subprocess

from outline2docx import parse
from outline2docx.convert import to_docx
from outline2docx.pdf import export_pdf
from outline2docx.verify.measure import read_pages

from ..conftest import SAMPLES, needs_office
from ..docx_view import DocxView, W

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
V = "{urn:schemas-microsoft-com:vml}"

NOTICE = SAMPLES / "notice-with-header.txt"


def test_header_and_imprint_in_the_xml():
    view = DocxView(to_docx(parse(NOTICE)))
    body = view.document.find(f"{W}body")
    paragraphs = view.paragraphs()
    assert [p.text for p in paragraphs[:5]] == [
        "000012", "秘密★1年", "特急", "青山县人民政府文件", "青政发〔2025〕5号",
    ]  # fmt: skip
    notes, mark, number = paragraphs[:3], paragraphs[3], paragraphs[4]
    assert {p.style for p in notes} == {"GW Header Note"}
    assert {p.east_asian for p in notes} == {"黑体"}
    first = body.findall(f"{W}p")[0]
    assert first.find(f"{W}pPr/{W}framePr").get(f"{W}yAlign") == "top"
    assert (mark.style, mark.east_asian, mark.size) == ("GW Issuer", "方正小标宋简体", 36)
    assert view.styles["GWIssuer"].find(f"{W}rPr/{W}color").get(f"{W}val") == "FF0000"
    rule = view.styles["GWHeaderNumber"].find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert (number.style, rule.get(f"{W}color")) == ("GW Header Number", "FF0000")
    # The imprint: a box at the foot of the text block, its lines at its bottom; in DrawingML
    # for Word and LibreOffice, in VML for ECMA-376 consumers.
    (box,) = body.iter(f"{MC}AlternateContent")
    anchor = box.find(f"{MC}Choice/{W}drawing/{WP}anchor")
    vertical = anchor.find(f"{WP}positionV")
    assert (vertical.get("relativeFrom"), vertical.findtext(f"{WP}align")) == ("margin", "bottom")
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None
    assert anchor.find(f".//{WPS}bodyPr").get("anchor") == "b"
    fallback = box.find(f"{MC}Fallback/{W}pict/{V}shape")
    assert "mso-position-vertical:bottom" in fallback.get("style")
    for content in (anchor.find(f".//{W}txbxContent"), fallback.find(f".//{W}txbxContent")):
        lines = ["".join(t.text for t in p.iter(f"{W}t")) for p in content.iter(f"{W}p")]
        styles = [
            view.style_name(p.find(f"{W}pPr/{W}pStyle").get(f"{W}val"))
            for p in content.iter(f"{W}p")
        ]
        assert lines == [
            "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
            "青山县人民政府办公室2025年3月1日印发",
        ]
        assert styles == ["GW Imprint Copy", "GW Imprint Printed"]
    rules = {
        name: view.styles[name].find(f"{W}pPr/{W}pBdr")
        for name in ("GWImprintCopy", "GWImprintPrinted")
    }
    thickness = {
        name: {c.tag.split("}")[1]: int(c.get(f"{W}sz")) for c in r} for name, r in rules.items()
    }
    assert thickness == {
        "GWImprintCopy": {"top": 8, "bottom": 6},
        "GWImprintPrinted": {"bottom": 8},
    }


def red_pixels(pdf, page: int, tmp_path) -> list[tuple[int, int]]:
    """(x, y) of the clearly red pixels of a page rendered at 30 dpi."""
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), str(pdf), str(prefix)],
                   check=True)  # fmt: skip
    (image,) = tmp_path.glob(f"page{page}*.ppm")
    data = image.read_bytes()
    magic, size, _, pixels = data.split(b"\n", 3)
    assert magic == b"P6"
    width, height = map(int, size.split())
    found = []
    for n in range(width * height):
        r, g, b = pixels[3 * n : 3 * n + 3]
        if r > 180 and g < 90 and b < 90:
            found.append((n % width, n // width))
    return found


@needs_office
def test_red_mark_on_page_one_and_imprint_on_an_even_page(tmp_path):
    docx_path = tmp_path / "notice.docx"
    docx_path.write_bytes(to_docx(parse(NOTICE)))
    pdf = export_pdf(docx_path, tmp_path)
    red = red_pixels(pdf, 1, tmp_path)
    assert len(red) > 100  # the mark and the rule
    height = 842 * 30 // 72
    assert all(y < height * 0.4 for _, y in red)  # in the header, top of the page
    (imprint,) = [page for page in read_pages(pdf) if "抄送" in page.text]
    number = int(imprint.text.rsplit("—", 2)[-2])
    assert number % 2 == 0  # the imprint is on an even page
    y = next(line.y0 for line in imprint.lines if line.text.startswith("抄送"))
    assert y > 842 * 0.75  # at the bottom of it


def test_a_signer_puts_the_number_left_and_the_signer_right():
    text = "---\n发文机关标志: 青山县人民政府\n发文字号: 青政〔2025〕5号\n签发人: 张三\n---\n关于申请经费的请示"
    view = DocxView(to_docx(parse(text)))
    number = view.paragraphs()[1]
    assert (number.style, number.text, number.align) == (
        "GW Header Number Signed",
        "青政〔2025〕5号\t签发人：张三",
        "left",
    )
    tab = view.styles["GWHeaderNumberSigned"].find(f"{W}pPr/{W}tabs/{W}tab")
    assert tab.get(f"{W}val") == "right"
    assert (number.left_chars, number.right_chars) == (100, 100)
