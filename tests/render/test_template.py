"""Rendering into a loaded template: its page setup, our imprint, notes and tables.

The first three tests are regressions of the old render-zip-reopen-pour path: an imprint on a
template whose page setup holds w:footnotePr or w:type, footnotes, and tables as wide as the
house style's text block inside a template with wider margins.
"""

from __future__ import annotations

import io
import subprocess
import zipfile

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.shared import Mm
from lxml import etree

from outline2docx import parse
from outline2docx.render.package import render_docx
from outline2docx.render.template import load_template
from outline2docx.style import load_style
from outline2docx.tree.nodes import Document, Note, Paragraph, Picture, Role, Table

from ..cli import run
from ..conftest import SAMPLES
from ..images import png
from ..languages import CHINESE_LOCALE
from ..packages import zipped
from .schema_checks import assert_sound_docx
from .test_reference import refused_as_template

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
FOOTNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
NOTE = "本通知自印发之日起施行。"


def into(document: Document, template_path, style: str = "gbt9704") -> bytes:
    """``document`` rendered into the template at ``template_path``."""
    return render_docx(document, load_style(style), load_template(template_path))


def save(word, path):
    word.save(str(path))
    return path


def pandoc_like_template(tmp_path, start_type: bool = True, footnote_pr: bool = True):
    """A template whose final page setup carries w:footnotePr and w:type, as pandoc's does."""
    word = docx.Document()
    section = word.sections[0]
    section.header.paragraphs[0].text = "内部资料"
    if start_type:
        section.start_type = WD_SECTION.ODD_PAGE  # w:type, where python-docx puts it
    if footnote_pr:
        properties = etree.SubElement(section._sectPr, f"{W}footnotePr")
        etree.SubElement(properties, f"{W}numRestart").set(f"{W}val", "eachSect")
        # after the header reference, before w:type and w:pgSz (CT_SectPr)
        references = section._sectPr.findall(f"{W}headerReference")
        references[-1].addnext(properties)
    return save(word, tmp_path / "pandoc-like.docx")


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def final_section(data: bytes):
    return etree.fromstring(parts_of(data)["word/document.xml"]).find(f"{W}body/{W}sectPr")


@pytest.mark.parametrize(
    ("start_type", "footnote_pr"), [(True, True), (True, False), (False, True)]
)
def test_the_imprints_page_setup_keeps_the_schema_order(tmp_path, start_type, footnote_pr):
    template = pandoc_like_template(tmp_path, start_type, footnote_pr)
    data = into(parse(SAMPLES / "notice-with-header.txt"), template)
    section = final_section(data)
    (kind,) = section.findall(f"{W}type")  # once, and it is the imprint's
    assert kind.get(f"{W}val") == "evenPage"
    children = [etree.QName(c).localname for c in section]
    assert children.index("type") < children.index("pgSz")
    if footnote_pr:
        assert children.index("footnotePr") < children.index("type")
    assert max(i for i, n in enumerate(children) if n.endswith("Reference")) < children.index(
        "type"
    )
    assert_sound_docx(data, tmp_path / "out.docx")


def with_notes(document: Document) -> Document:
    body = next(p for p in document.paragraphs() if p.role is Role.BODY)
    body.notes = (Note(2, NOTE),)
    return document


def template_with_footnotes(tmp_path):
    """A template that has a footnotes part of its own, holding a note of its old body."""
    parts = parts_of(save(docx.Document(), tmp_path / "plain.docx").read_bytes())
    parts["word/footnotes.xml"] = (
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        '<w:footnote w:id="2"><w:p><w:r><w:t>模板自己的脚注</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{FOOTNOTES_TYPE}" Target="footnotes.xml"/>'
        "</Relationships>".encode(),
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_CONTENT}"/>'
        "</Types>".encode(),
    )
    settings = etree.fromstring(parts["word/settings.xml"])
    properties = etree.Element(f"{W}footnotePr")
    for separator in ("0", "1"):
        etree.SubElement(properties, f"{W}footnote").set(f"{W}id", separator)
    settings.find(f"{W}compat").addprevious(properties)
    parts["word/settings.xml"] = etree.tostring(settings)
    path = tmp_path / "with-footnotes.docx"
    path.write_bytes(zipped(parts))
    return path


@pytest.mark.parametrize("kind", ["plain", "with its own footnotes"])
def test_footnotes_are_carried_into_the_template(tmp_path, kind):
    if kind == "plain":
        template = save(docx.Document(), tmp_path / "plain.docx")
    else:
        template = template_with_footnotes(tmp_path)
    data = into(with_notes(parse(SAMPLES / "notice.txt")), template)
    parts = parts_of(data)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    (target,) = [
        r.get("Target") for r in rels.iter(f"{REL}Relationship") if r.get("Type") == FOOTNOTES_TYPE
    ]
    name = f"word/{target}"
    types = etree.fromstring(parts["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{CT}Override")}
    assert overrides[f"/{name}"] == FOOTNOTES_CONTENT
    notes = etree.fromstring(parts[name])
    texts = ["".join(t.text for t in n.iter(f"{W}t")) for n in notes.iter(f"{W}footnote")]
    assert texts[-1].strip() == NOTE
    assert "模板自己的脚注" not in texts  # the template's notes went with its body
    (mark,) = etree.fromstring(parts["word/document.xml"]).iter(f"{W}footnoteReference")
    ids = {n.get(f"{W}id") for n in notes.iter(f"{W}footnote")}
    assert mark.get(f"{W}id") in ids
    settings = etree.fromstring(parts["word/settings.xml"])
    separators = [f.get(f"{W}id") for f in settings.iterfind(f"{W}footnotePr/{W}footnote")]
    assert separators == ["-1", "0"] and {"-1", "0"} <= ids
    assert docx.Document(io.BytesIO(data)).paragraphs  # python-docx opens it
    assert_sound_docx(data, tmp_path / "out.docx")


def wide_table() -> Document:
    cells = [
        [[Paragraph(Role.TABLE_TEXT, f"第{r}行第{c}列", 0)] for c in range(3)] for r in range(2)
    ]
    return Document(
        [
            Paragraph(Role.BODY, "下表列出各项经费。", 1),
            Table(cells, header_rows=1),
            Picture(png(1200, 300), "wide.png"),
        ]
    )


def test_tables_and_pictures_fit_the_templates_text_block(tmp_path):
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(40)
    template = save(word, tmp_path / "wide-margins.docx")
    text_width = 11906 - 2 * 2268  # twips: 130 mm, where the house style has 156 mm
    data = into(wide_table(), template)
    document = etree.fromstring(parts_of(data)["word/document.xml"])
    (table,) = document.iter(f"{W}tbl")
    assert int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w")) <= text_width
    assert sum(int(g.get(f"{W}w")) for g in table.iter(f"{W}gridCol")) <= text_width
    for row in table.iter(f"{W}tr"):
        assert sum(int(c.get(f"{W}w")) for c in row.iter(f"{W}tcW")) <= text_width
    (extent,) = document.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
    )
    assert int(extent.get("cx")) <= text_width * 635
    assert_sound_docx(data, tmp_path / "out.docx")


def test_a_template_that_leaves_the_page_open_gets_the_house_styles(tmp_path):
    """pandoc's reference.docx has a final w:sectPr with neither paper size nor margins."""
    word = docx.Document()
    sectPr = word.sections[0]._sectPr
    for child in list(sectPr):
        sectPr.remove(child)
    template = save(word, tmp_path / "open.docx")
    assert load_template(template).geometry.width is None
    data = into(wide_table(), template)
    section = final_section(data)
    assert section.find(f"{W}pgSz").get(f"{W}w") == "11906"
    assert section.find(f"{W}pgMar").get(f"{W}left") == "1587"
    table = etree.fromstring(parts_of(data)["word/document.xml"]).find(f".//{W}tbl")
    assert int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w")) <= 11906 - 1587 - 1474
    assert_sound_docx(data, tmp_path / "out.docx")


def test_ours_and_the_templates_relationship_ids_never_meet(tmp_path):
    """Footers, pictures and notes get ids the template's main document does not hold."""
    word = docx.Document()
    word.add_picture(io.BytesIO(png(20, 20)))  # an image relationship of the template's
    template = save(word, tmp_path / "with-picture.docx")
    document = with_notes(parse(SAMPLES / "notice-with-header.txt"))
    document.children.append(Picture(png(40, 40), "seal.png"))
    data = into(document, template)
    parts = parts_of(data)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    ids = [r.get("Id") for r in rels.iter(f"{REL}Relationship")]
    assert len(ids) == len(set(ids))
    body = etree.fromstring(parts["word/document.xml"])
    used = {e.get(f"{R}id") for e in body.iter(f"{W}footerReference", f"{W}headerReference")}
    used |= {
        e.get(f"{R}embed")
        for e in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    }
    assert used <= set(ids)
    app = parts["docProps/app.xml"].decode()
    assert "<Application>outline2docx" in app  # the file says who wrote it
    assert_sound_docx(data, tmp_path / "out.docx")


def test_pandocs_reference_docx_takes_an_imprint_and_notes(tmp_path):
    pypandoc = pytest.importorskip("pypandoc")
    reference = tmp_path / "reference.docx"
    try:
        done = subprocess.run(
            [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("pandoc is not available")
    reference.write_bytes(done.stdout)
    data = into(with_notes(parse(SAMPLES / "notice-with-header.txt")), reference)
    assert final_section(data).find(f"{W}type").get(f"{W}val") == "evenPage"
    # pandoc's own styles.xml bases a table style on a TableNormal it does not define
    assert_sound_docx(data, tmp_path / "out.docx", template_problems=("no style TableNormal",))


def test_unusable_templates_are_refused_with_exit_2(tmp_path):
    good = parts_of(save(docx.Document(), tmp_path / "good.docx").read_bytes())
    document = good["word/document.xml"]
    start = document.index(b"<w:sectPr")
    end = document.index(b"</w:sectPr>") + len(b"</w:sectPr>")
    no_setup = tmp_path / "no-setup.docx"
    no_setup.write_bytes(zipped({**good, "word/document.xml": document[:start] + document[end:]}))
    squeezed = tmp_path / "squeezed.docx"
    margins = document.replace(b'w:left="1800"', b'w:left="20000"')
    assert margins != document
    squeezed.write_bytes(zipped({**good, "word/document.xml": margins}))
    for bad, problem in ((no_setup, "no page setup"), (squeezed, "no room for text")):
        done = refused_as_template(bad, problem, tmp_path)
        assert "Traceback" not in done.stderr


def test_an_unusable_template_is_told_in_chinese_under_zh_cn(tmp_path):
    good = parts_of(save(docx.Document(), tmp_path / "good.docx").read_bytes())
    squeezed = tmp_path / "squeezed.docx"
    margins = good["word/document.xml"].replace(b'w:left="1800"', b'w:left="20000"')
    squeezed.write_bytes(zipped({**good, "word/document.xml": margins}))
    unmeasured = tmp_path / "unmeasured.docx"
    width = good["word/document.xml"].replace(b'w:left="1800"', b'w:left="wide"')
    unmeasured.write_bytes(zipped({**good, "word/document.xml": width}))
    expected = {
        squeezed: "模板页面的左右页边距之间没有排版文字的空间",
        unmeasured: "模板的页面设置中 w:left='wide' 无效",
    }
    for bad, problem in expected.items():
        out = tmp_path / "out.docx"
        args = ("convert", str(SAMPLES / "notice.txt"), "-o", str(out), "--reference-doc", str(bad))
        done = run(*args, env=CHINESE_LOCALE)
        assert (done.returncode, done.stderr) == (2, f"outline2docx：错误：{bad}：{problem}\n")
        assert not out.exists()
    english = run("convert", str(SAMPLES / "notice.txt"), "--reference-doc", str(unmeasured))
    assert "the template's page setup has w:left='wide'" in english.stderr


def _first_page_footer_text(data: bytes) -> tuple[bool, str]:
    """Whether the final section sets w:titlePg, and the XML of its first-page footer."""
    section = final_section(data)
    first = [r for r in section.findall(f"{W}footerReference") if r.get(f"{W}type") == "first"]
    rels = etree.fromstring(parts_of(data)["word/_rels/document.xml.rels"])
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    footer = parts_of(data)["word/" + targets[first[0].get(f"{R}id")]].decode()
    return section.find(f"{W}titlePg") is not None, footer


def test_first_page_false_leaves_the_first_page_unnumbered_inside_a_template(tmp_path):
    style = tmp_path / "unnumbered.toml"
    style.write_text('extends = "gbt9704"\n\n[page_number]\nfirst_page = false\n', "utf-8")
    template = save(docx.Document(), tmp_path / "plain.docx")
    document = parse(str(SAMPLES / "notice.txt"))
    data = render_docx(document, load_style(style), load_template(template))
    titled, footer = _first_page_footer_text(data)
    assert titled and "PAGE" not in footer
    assert_sound_docx(data, tmp_path / "out.docx")


def test_a_letterhead_templates_first_page_keeps_its_page_number(tmp_path):
    word = docx.Document()
    section = word.sections[0]
    section.different_first_page_header_footer = True  # w:titlePg, for the letterhead
    section.first_page_header.paragraphs[0].text = "青山县人民政府"
    template = save(word, tmp_path / "letterhead.docx")
    data = into(parse(str(SAMPLES / "notice.txt")), template)
    titled, footer = _first_page_footer_text(data)
    assert titled and "PAGE" in footer
    headers = [part.decode() for name, part in parts_of(data).items() if "header" in name]
    assert any("青山县人民政府" in header for header in headers)  # the letterhead stays
    assert_sound_docx(data, tmp_path / "out.docx")
