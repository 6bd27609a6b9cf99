"""A Word document's body as input: classified like text, nothing lost, read once."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import docx
import pytest
from docx.shared import Inches

from outline2docx import Role
from outline2docx.convert import to_docx
from outline2docx.parse import parse, parse_docx
from outline2docx.tree.nodes import Picture, Table

from ...cli import run
from ...conftest import SAMPLES
from ...docx_view import DocxView, W
from ...images import png
from ...packages import zipped
from ...word_checks import word_problems


def pandoc_docx(text_path, tmp_path):
    pypandoc = pytest.importorskip("pypandoc")
    out = tmp_path / "pandoc.docx"
    # Every line of the text is a line of its own: hard line breaks, as a user's draft has them.
    subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            "-f",
            "commonmark+hard_line_breaks",
            "-t",
            "docx",
            str(text_path),
            "-o",
            str(out),
        ],
        check=True,
    )
    return out


def roles_and_texts(document):
    # Markdown folds runs of spaces ("第一章  总则"), so whitespace is compared folded.
    return [(p.role, " ".join(p.text.split())) for p in document.paragraphs()]


def looks(data: bytes):
    view = DocxView(data).paragraphs()
    return [(p.style, p.east_asian, p.size, p.bold, " ".join(p.text.split())) for p in view]


def test_pandocs_docx_of_the_seed_gets_the_roles_and_looks_of_the_text_path(seed_path, tmp_path):
    from_text = parse(seed_path)
    from_word = parse_docx(pandoc_docx(seed_path, tmp_path))
    assert roles_and_texts(from_word) == roles_and_texts(from_text)
    assert looks(to_docx(from_word, "speech")) == looks(to_docx(from_text, "speech"))


@pytest.mark.parametrize("name", ["notice.txt", "regulation.txt", "speech.txt"])
def test_pandocs_docx_of_the_samples(name, tmp_path):
    from_text = parse(SAMPLES / name)
    from_word = parse_docx(pandoc_docx(SAMPLES / name, tmp_path))
    # pandoc turns "1.食堂…" lines into a Word list: its numbers come back as visible text.
    assert [t for _, t in roles_and_texts(from_word)] == [t for _, t in roles_and_texts(from_text)]
    assert roles_and_texts(from_word) == roles_and_texts(from_text)


def word_file(tmp_path) -> bytes:
    """A Word document with automatic numbering, a table, a picture and inline formatting."""
    word = docx.Document()
    word.add_paragraph("关于开展安全检查的通知")
    word.add_paragraph("各学校：")
    word.add_paragraph("检查内容", style="List Number")
    word.add_paragraph("检查要求", style="List Number")
    body = word.add_paragraph("要")
    body.add_run("高度重视").bold = True
    body.add_run("，认真")
    body.add_run("组织").italic = True
    body.add_run("。第一行")
    body.add_run().add_break()
    body.add_run("第二行。")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "时限"
    table.cell(1, 0).text = "自查"
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "三月底前"
    word.add_paragraph().add_run().add_picture(io.BytesIO(png(200, 100)), width=Inches(2))
    word.add_paragraph("特此通知。")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_nothing_is_lost_from_a_word_document(tmp_path):
    path = tmp_path / "input.docx"
    path.write_bytes(word_file(tmp_path))
    document = parse_docx(path)
    texts = [p.text for p in document.paragraphs()]
    assert texts == [
        "关于开展安全检查的通知",
        "各学校：",
        "1.检查内容",
        "2.检查要求",
        "要高度重视，认真组织。第一行",
        "第二行。",
        "特此通知。",
    ]
    tables = [b for b in document.flow() if isinstance(b, Table)]
    assert [[[p.text for p in cell] for cell in row] for row in tables[0].rows] == [
        [["项目"], ["时限"]],
        [["自查"], ["", "三月底前"][1:]],
    ]
    (picture,) = [b for b in document.flow() if isinstance(b, Picture)]
    assert picture.data == png(200, 100)
    roles = {p.text: p.role for p in document.paragraphs()}
    assert roles["关于开展安全检查的通知"] is Role.TITLE
    assert roles["各学校："] is Role.ADDRESSEE
    assert roles["1.检查内容"] is Role.H3
    assert roles["特此通知。"] is Role.CLOSING
    body = next(p for p in document.paragraphs() if p.text.startswith("要"))
    assert [(body.text[s.start : s.end], s.kind) for s in body.spans] == [
        ("高度重视", "strong"),
        ("组织", "emphasis"),
    ]
    # and all of it reaches the restyled document
    restyled = docx.Document(io.BytesIO(to_docx(document)))
    assert [p.text for p in restyled.paragraphs if p.text] == texts
    assert len(restyled.tables) == 1 and len(restyled.inline_shapes) == 1


def test_plain_drops_bold_and_italic(tmp_path):
    path = tmp_path / "input.docx"
    path.write_bytes(word_file(tmp_path))
    body = next(p for p in parse_docx(path, plain=True).paragraphs() if p.text.startswith("要"))
    assert body.spans == ()


# Word 2010 and later write text boxes and pictures twice: DrawingML in mc:Choice, and VML in
# mc:Fallback for older readers. Only one of the two is the document.
ALTERNATE_CONTENT = """<w:document xmlns:w="{w}" xmlns:r="{r}"
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>
<w:p><w:r><w:t>正文。</w:t></w:r><w:r><mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="框"/>
    <a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>
      <w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>
    </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>
  </mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:inline><wp:docPr id="2" name="图" descr="印章"/>
    <a:graphic><a:graphicData><a:blip r:embed="rIdImage1"/></a:graphicData></a:graphic>
  </wp:inline></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:imagedata r:id="rIdImage1"/></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>
</w:body></w:document>"""


def test_text_boxes_and_pictures_written_twice_by_word_are_read_once():
    from outline2docx.namespaces import R_NS, W_NS
    from outline2docx.tree.nodes import Document

    base = to_docx(Document([Picture(png(20, 20), "seal.png")]))
    parts = {
        n: zipfile.ZipFile(io.BytesIO(base)).read(n)
        for n in zipfile.ZipFile(io.BytesIO(base)).namelist()
    }
    # The writer's package hands out the picture's relationship id: point the XML at it.
    image_id = re.search(
        rb'Id="([^"]+)" Type="[^"]+/image"', parts["word/_rels/document.xml.rels"]
    ).group(1)
    xml = ALTERNATE_CONTENT.format(w=W_NS, r=R_NS).encode()
    parts["word/document.xml"] = xml.replace(b"rIdImage1", image_id)
    document = parse_docx(zipped(parts))
    # The text box's paragraph is a line of its own, after the text of the one it hangs from.
    assert [p.text for p in document.paragraphs()] == ["正文。", "框内文字"]
    pictures = [b for b in document.flow() if isinstance(b, Picture)]
    assert [(p.data, p.description) for p in pictures] == [(png(20, 20), "印章")]


def test_footnotes_stay_footnotes():
    word = docx.Document()
    word.add_paragraph("关于开展检查的通知")
    word.add_paragraph("正文有注释。")
    out = io.BytesIO()
    word.save(out)
    parts = {n: zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist()}
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:t>\xe6\xad\xa3\xe6\x96\x87\xe6\x9c\x89\xe6\xb3\xa8\xe9\x87\x8a\xe3\x80\x82</w:t></w:r>",
        b"<w:t>\xe6\xad\xa3\xe6\x96\x87\xe6\x9c\x89\xe6\xb3\xa8\xe9\x87\x8a\xe3\x80\x82</w:t></w:r>"
        b'<w:r><w:footnoteReference w:id="1"/></w:r>',
    )
    parts["word/footnotes.xml"] = (
        f'<w:footnotes xmlns:w="{w}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
        '<w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
        "<w:t>这是脚注内容。</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFn" Target="footnotes.xml" Type="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/relationships/footnotes"/></Relationships>',
    )
    document = parse_docx(zipped(parts))
    assert [p.text for p in document.paragraphs()] == ["关于开展检查的通知", "正文有注释。"]
    (note,) = list(document.paragraphs())[1].notes
    assert (note.offset, note.body) == (6, "这是脚注内容。")
    restyled = DocxView(to_docx(document))
    footnotes = restyled.xml("word/footnotes.xml")
    texts = ["".join(t.text for t in n.iter(f"{W}t")) for n in footnotes.iter(f"{W}footnote")]
    assert texts[-1] == " 这是脚注内容。"
    reference = restyled.document.find(f".//{W}footnoteReference")
    assert reference.get(f"{W}id") == "1"
    assert word_problems(to_docx(document)) == []


def test_merged_cells_stay_merged():
    word = docx.Document()
    table = word.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"{r}{c}"
    table.cell(0, 1).merge(table.cell(0, 2))  # across
    table.cell(1, 0).merge(table.cell(2, 0))  # down
    out = io.BytesIO()
    word.save(out)
    (parsed,) = [b for b in parse_docx(out.getvalue()).flow() if isinstance(b, Table)]
    assert parsed.spans == {(0, 1): (2, 1), (1, 0): (1, 2)}
    restyled = docx.Document(io.BytesIO(to_docx(parse_docx(out.getvalue()))))
    again = restyled.tables[0]
    assert again.cell(0, 1)._tc is again.cell(0, 2)._tc
    assert again.cell(1, 0)._tc.tcPr.find(f"{W}vMerge").get(f"{W}val") == "restart"
    texts = [c.text for row in again.rows for c in row.cells]
    for expected in ("00", "01", "10", "11", "12", "21", "22"):
        assert any(expected in t for t in texts)
    assert word_problems(to_docx(parse_docx(out.getvalue()))) == []


def test_cli_restyles_a_word_file_beside_it_and_never_touches_it(tmp_path, seed_path):
    source = pandoc_docx(seed_path, tmp_path)
    before = source.read_bytes()
    done = run("convert", str(source))
    assert done.returncode == 0, done.stderr
    assert source.read_bytes() == before
    restyled = docx.Document(str(tmp_path / "pandoc.gw.docx"))
    assert sum(p.style.name == "Heading 1" for p in restyled.paragraphs) == 4


# ---- untrusted values: ignored with a warning; pictures that cannot be shown dropped ---------


def _read_with_warnings(data: bytes) -> tuple[list, list]:
    from outline2docx.read.docx import read_docx

    warnings: list = []
    return read_docx(data, "hostile.docx", warnings=warnings), warnings


@pytest.mark.parametrize("span", ["200000", "x", "-1", "0", "99999999999999999999999"])
def test_a_column_span_out_of_range_is_ignored_with_a_warning(tmp_path, span):
    from ...conftest import assert_valid_docx
    from ...hostile_docx import package

    cell = (
        '<w:tc><w:tcPr><w:gridSpan w:val="{}"/></w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    )
    rows = f"<w:tr>{cell.format(span, '甲')}</w:tr>" + f"<w:tr>{cell.format('1', '乙')}</w:tr>" * 50
    data = package(f"<w:tbl>{rows}</w:tbl>")
    items, warnings = _read_with_warnings(data)
    assert items[0].spans == {} and len(items[0].rows) == 51
    assert [w.code for w in warnings] == ["ignored-value"]
    assert "w:gridSpan" in warnings[0].message
    source, out = tmp_path / "span.docx", tmp_path / "out.docx"
    source.write_bytes(data)
    done = run("convert", str(source), "-o", str(out))
    assert done.returncode == 0 and "ignored column span" in done.stderr
    assert len(zipfile.ZipFile(out).read("word/document.xml")) < 200_000  # no 200,000 columns
    assert_valid_docx(out)


@pytest.mark.parametrize("char", ["FFFFFFF", "D800", "DFFF", "zz", "", "1", "FFFE", "110000"])
def test_a_symbol_that_is_no_character_is_ignored_with_a_warning(tmp_path, char):
    from ...conftest import assert_valid_docx
    from ...hostile_docx import package, paragraph

    sym = f'<w:r><w:sym w:font="Symbol" w:char="{char}"/><w:t>二</w:t></w:r>'
    data = package(paragraph("一", runs=sym))
    items, warnings = _read_with_warnings(data)
    assert [item.text for item in items] == ["一二"]
    assert [w.code for w in warnings] == ["ignored-value"] and "w:sym" in warnings[0].message
    source, out = tmp_path / "sym.docx", tmp_path / "out.docx"
    source.write_bytes(data)
    assert run("parse", str(source)).returncode == 0
    assert run("convert", str(source), "-o", str(out)).returncode == 0
    assert_valid_docx(out)


def test_symbols_of_symbol_fonts_and_of_unicode_still_read():
    from ...hostile_docx import package, paragraph

    syms = '<w:r><w:sym w:char="F0B7"/><w:sym w:char="2605"/><w:sym w:char="1F600"/></w:r>'
    items, warnings = _read_with_warnings(package(paragraph("前", runs=syms)))
    assert [item.text for item in items] == ["前\u00b7★😀"] and warnings == []


def test_a_truncated_picture_is_dropped_with_a_warning_and_the_text_kept(tmp_path):
    from ...conftest import assert_valid_docx
    from ...hostile_docx import package, paragraph, picture_run

    whole = png(400, 300)
    body = paragraph("一、总体要求", runs=picture_run("rId1")) + paragraph(
        "二、工作安排", runs=picture_run("rId2")
    )
    data = package(body, media={"cut.png": whole[: len(whole) // 2], "whole.png": whole})
    items, warnings = _read_with_warnings(data)
    assert [type(i).__name__ for i in items] == ["TextPiece", "TextPiece", "Picture"]
    assert items[2].name == "whole.png"
    assert [(w.code, w.line) for w in warnings] == [("dropped-picture", 1)]  # its paragraph
    assert "cut.png" in warnings[0].message and "cut short" in warnings[0].message
    source, out = tmp_path / "pictures.docx", tmp_path / "out.docx"
    source.write_bytes(data)
    done = run("convert", str(source), "-o", str(out))
    assert done.returncode == 0
    assert "pictures.docx:1: warning: dropped picture cut.png" in done.stderr
    written = zipfile.ZipFile(out)
    assert [n for n in written.namelist() if n.startswith("word/media/")] == [
        "word/media/image1.png"
    ]
    text = written.read("word/document.xml").decode()
    assert "一、总体要求" in text and "二、工作安排" in text
    assert_valid_docx(out)
    checked = run("check", "--json", str(source))
    assert '"code": "dropped-picture"' in checked.stdout


def test_one_picture_used_again_and_again_counts_every_copy(monkeypatch):
    import dataclasses

    from outline2docx import InputError
    from outline2docx.read import package as package_module

    from ...hostile_docx import package, picture_run

    image = png(40, 20)
    data = package("<w:p>" + picture_run() * 20 + "</w:p>", media={"a.png": image})
    assert len(_read_with_warnings(data)[0]) == 20
    smaller = dataclasses.replace(package_module.LIMITS, picture_bytes=10 * len(image))
    monkeypatch.setattr(package_module, "LIMITS", smaller)
    with pytest.raises(InputError, match="too many picture bytes"):
        _read_with_warnings(data)


def test_table_cells_are_counted_row_by_row_against_the_limit(monkeypatch):
    import dataclasses

    from outline2docx import InputError
    from outline2docx.read import package as package_module

    from ...hostile_docx import package

    wide = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc></w:tr>'
    data = package(f"<w:tbl>{wide}{'<w:tr><w:tc><w:p/></w:tc></w:tr>' * 20}</w:tbl>")
    assert len(_read_with_warnings(data)[0][0].rows) == 21
    smaller = dataclasses.replace(package_module.LIMITS, table_cells=5_000)
    monkeypatch.setattr(package_module, "LIMITS", smaller)
    with pytest.raises(InputError, match="tables too large"):
        _read_with_warnings(data)


def test_a_paragraph_of_many_runs_reads_in_linear_time():
    import time

    from ...hostile_docx import package

    text = "".join(chr(0x4E00 + n * 7919 % 20_000) for n in range(200_000))
    data = package("<w:p>" + "".join(f"<w:r><w:t>{c}</w:t></w:r>" for c in text) + "</w:p>")
    started = time.perf_counter()
    items, _ = _read_with_warnings(data)
    assert items[0].text == text
    assert time.perf_counter() - started < 10  # joined once: quadratic concatenation took minutes


def test_a_footnote_repeated_a_million_times_is_refused_not_copied():
    from outline2docx import InputError

    from ...hostile_docx import package

    # A footnotes part of one long note, referenced over and over.
    note = "注" * 100_000
    refs = '<w:r><w:footnoteReference w:id="1"/></w:r>' * 100
    data = package(f"<w:p><w:r><w:t>正文</w:t></w:r>{refs}</w:p>", footnotes=note)
    with pytest.raises(InputError, match="too much text"):
        _read_with_warnings(data)
