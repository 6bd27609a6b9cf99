"""--reference-doc: the organization's template gives the look, the text gives the content."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import docx
from docx.shared import Mm, RGBColor

from outline2docx import parse
from outline2docx.render.package import render_docx
from outline2docx.render.template import load_template
from outline2docx.style import load_style
from outline2docx.tree.nodes import Document

from ..cli import run
from ..conftest import SAMPLES, needs_office
from ..docx_view import W
from ..packages import zipped
from .schema_checks import assert_sound_docx

LETTERHEAD = "青山县人民政府办公室信笺"


def template(tmp_path, footers: bool = False):
    word = docx.Document()
    section = word.sections[0]
    section.top_margin, section.left_margin = Mm(30), Mm(25)
    section.different_first_page_header_footer = True
    run = section.first_page_header.paragraphs[0].add_run(LETTERHEAD)
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    section.header.paragraphs[0].text = "内部资料"
    if footers:
        section.footer.paragraphs[0].text = "机关自有页脚"
    word.styles["Normal"].font.name = "Georgia"
    word.add_paragraph("模板正文，不会出现在结果里。")
    path = tmp_path / "org.docx"
    word.save(str(path))
    return path


def into(document: Document, template_path, style: str = "gbt9704") -> bytes:
    """``document`` rendered into the template at ``template_path``."""
    return render_docx(document, load_style(style), load_template(template_path))


def test_content_poured_into_the_template(tmp_path):
    data = into(parse(SAMPLES / "notice.txt"), template(tmp_path))
    assert_sound_docx(data, tmp_path / "out.docx")
    word = docx.Document(io.BytesIO(data))
    section = word.sections[0]
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (
        30,
        25,
    )  # the template's
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == LETTERHEAD
    assert section.header.paragraphs[0].text == "内部资料"
    assert section.footer.paragraphs[0].text == "— 1 —"  # ours: the template has none
    texts = [p.text for p in word.paragraphs]
    assert "模板正文，不会出现在结果里。" not in texts
    assert texts == [p.text for p in parse(SAMPLES / "notice.txt").paragraphs()]
    assert word.styles["Normal"].font.name == "Georgia"  # the template's own style wins
    assert word.paragraphs[0].style.name == "GW Issuer"  # ours, added where it lacks one


def test_merged_parts_keep_the_schemas_element_order(tmp_path):
    # python-docx's template has proofState and defaultTabStop in its settings: the
    # evenAndOddHeaders the page numbers need must come after them, not after zoom.
    data = into(parse(SAMPLES / "notice-with-header.txt"), template(tmp_path))
    assert docx.Document(io.BytesIO(data)).settings.odd_and_even_pages_header_footer
    assert_sound_docx(data, tmp_path / "out.docx")


def test_the_templates_own_footers_stay(tmp_path):
    data = into(parse(SAMPLES / "notice.txt"), template(tmp_path, footers=True))
    assert_sound_docx(data, tmp_path / "out.docx")
    assert docx.Document(io.BytesIO(data)).sections[0].footer.paragraphs[0].text == "机关自有页脚"


def test_pictures_and_imprint_survive_the_template(tmp_path):
    from outline2docx.tree.nodes import Picture

    from ..images import png

    document = parse(SAMPLES / "notice-with-header.txt")
    document.children.append(Picture(png(50, 50), "seal.png"))
    data = into(document, template(tmp_path))
    assert_sound_docx(data, tmp_path / "out.docx")
    word = docx.Document(io.BytesIO(data))
    assert len(word.inline_shapes) == 1
    body = word.element.body
    sections = body.findall(f".//{W}sectPr")
    assert len(sections) == 2
    assert sections[-1].find(f"{W}type").get(f"{W}val") == "evenPage"
    assert sections[0].find(f"{W}pgMar").get(f"{W}top") == sections[-1].find(f"{W}pgMar").get(
        f"{W}top"
    )


def test_unsafe_templates_are_refused_with_exit_2(tmp_path):
    good = zipfile.ZipFile(template(tmp_path))
    parts = {name: good.read(name) for name in good.namelist()}
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(zipped({**parts, "word/media/huge.bin": b"\0" * (60 * 1024 * 1024)}))
    xxe = tmp_path / "xxe.docx"
    styles = parts["word/styles.xml"].replace(
        b"<w:styles", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:styles', 1
    )
    xxe.write_bytes(zipped({**parts, "word/styles.xml": styles}))
    for bad, problem in ((bomb, "refused as a zip bomb"), (xxe, "declares a DTD or entities")):
        refused_as_template(bad, problem, tmp_path)


def refused_as_template(bad: Path, problem: str, folder: Path):
    """Convert a sample with template ``bad``: exit 2 naming it and ``problem``, nothing
    written. Returns the run."""
    out = folder / "out.docx"
    done = run("convert", str(SAMPLES / "notice.txt"), "-o", str(out), "--reference-doc", str(bad))
    assert done.returncode == 2, done.stderr
    assert problem in done.stderr and str(bad) in done.stderr
    assert not out.exists()
    return done


@needs_office
def test_libreoffice_shows_the_letterhead_on_page_one_only(tmp_path):
    out = tmp_path / "notice.docx"
    source = tmp_path / "long.txt"
    source.write_text((SAMPLES / "notice-with-header.txt").read_text("utf-8"), "utf-8")
    done = run(
        "convert", str(source), "-o", str(out), "--reference-doc", str(template(tmp_path)), "--pdf"
    )
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "notice.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    assert LETTERHEAD in pages[0]
    assert all(LETTERHEAD not in page for page in pages[1:])
    assert "内部资料" in pages[1]
