"""Converting files: the library call and the command, outputs written whole or not at all."""

from __future__ import annotations

import io
import zipfile

import docx
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from outline2docx import parse
from outline2docx.convert import convert, to_docx
from outline2docx.namespaces import W

from .cli import run, run_process
from .conftest import SAMPLES, assert_valid_docx
from .packages import word_document
from .strategies import outline_texts


def test_convert_writes_beside_the_input_by_default(tmp_path):
    source = tmp_path / "通知.txt"
    source.write_bytes((SAMPLES / "notice.txt").read_bytes())
    before = source.read_bytes()
    assert convert(source) == tmp_path / "通知.docx"
    word = docx.Document(str(tmp_path / "通知.docx"))
    assert word.paragraphs[0].text == "青山县教育局文件"
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通知.docx", "通知.txt"]


def test_cli_convert_with_style_and_output(tmp_path):
    out = tmp_path / "讲话.docx"
    done = run("convert", str(SAMPLES / "speech.txt"), "--style", "speech", "-o", str(out))
    assert done.returncode == 0, done.stderr
    styles = {p.style.name for p in docx.Document(str(out)).paragraphs}
    assert {"Title", "Subtitle", "GW Byline", "Heading 1", "Heading 2"} <= styles


def test_cli_convert_reads_stdin_and_writes_stdout():
    # A real process: the .docx goes through real pipes, byte for byte.
    done = run_process("convert", "-", stdin="一、总体要求\n坚持问题导向。".encode("gb18030"))
    assert done.returncode == 0, done.stderr
    assert done.stdout_bytes[:2] == b"PK"
    word = docx.Document(io.BytesIO(done.stdout_bytes))
    assert [p.style.name for p in word.paragraphs] == ["Heading 1", "Normal"]


def test_cli_convert_restyles_a_word_document_piped_in():
    done = run("convert", "-", stdin=word_document("一、总体要求", "坚持问题导向。"))
    assert done.returncode == 0, done.stderr
    word = docx.Document(io.BytesIO(done.stdout_bytes))
    assert [(p.style.name, p.text) for p in word.paragraphs] == [
        ("Heading 1", "一、总体要求"),
        ("Normal", "坚持问题导向。"),
    ]
    broken = run("convert", "-", stdin=b"PK\x03\x04 and nothing more")
    assert broken.returncode == 2
    assert "<stdin>: not a Word document" in broken.stderr


def test_cli_convert_accepts_a_style_file(tmp_path):
    style = tmp_path / "county.toml"
    style.write_text(
        'extends = "gbt9704"\n[paragraph_styles."heading 1"]\nsize = "小二"\n', "utf-8"
    )
    out = tmp_path / "out.docx"
    done = run("convert", str(SAMPLES / "notice.txt"), "-s", str(style), "-o", str(out))
    assert done.returncode == 0, done.stderr
    heading = docx.Document(str(out)).styles["Heading 1"]
    assert heading.font.size.pt == 18


def test_bad_style_file_exits_2_and_writes_nothing(tmp_path):
    style = tmp_path / "bad.toml"
    style.write_text('extends = "gbt9704"\n[page]\nmargin = "1cm"\n', "utf-8")
    out = tmp_path / "out.docx"
    done = run("convert", str(SAMPLES / "notice.txt"), "-s", str(style), "-o", str(out))
    assert done.returncode == 2
    assert f"{style}: key 'page.margin': unknown key" in done.stderr
    assert not out.exists()


def test_unreadable_input_fails_and_leaves_no_output(tmp_path):
    source = tmp_path / "scan.txt"
    source.write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    done = run("convert", str(source))
    assert done.returncode == 2  # bad input, as README promises (issue 11: it was 1)
    assert f"{source}: binary file, not text (NUL byte at offset 9)" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scan.txt"]


def test_unwritable_output_is_reported(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "out.docx"
    done = run("convert", str(SAMPLES / "notice.txt"), "-o", str(out))
    assert done.returncode == 1
    assert f"{out}: cannot write" in done.stderr


def test_our_own_output_is_replaced_whole_a_foreign_file_only_with_force(tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"a document someone typed")
    refused = run("convert", str(SAMPLES / "notice.txt"), "-o", str(out))
    assert refused.returncode == 1
    assert "was not written by outline2docx; use --force" in refused.stderr
    assert out.read_bytes() == b"a document someone typed"
    assert run("convert", str(SAMPLES / "notice.txt"), "-o", str(out), "--force").returncode == 0
    assert docx.Document(str(out)).paragraphs[0].text == "青山县教育局文件"
    again = run("convert", str(SAMPLES / "speech.txt"), "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert docx.Document(str(out)).paragraphs[0].text == "在全区安全生产工作会议上的讲话"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


@settings(max_examples=100, deadline=None)
@given(
    outline_texts('加强领导。：；！？，“”‘’…—（）<>&"1.5亿元XxX \u3000\t', max_lines=25),
    st.sampled_from(["gbt9704", "speech", "regulation"]),
)
def test_every_character_reaches_the_word_document(text, style):
    body = etree.fromstring(
        zipfile.ZipFile(io.BytesIO(to_docx(parse(text), style))).read("word/document.xml")
    )
    written = "".join(t.text or "" for t in body.iter(f"{W}t"))
    assert "".join(written.split()) == "".join(text.split())


def test_convert_role_option_restyles_the_lines_it_names(tmp_path):
    source = tmp_path / "讲话.txt"
    source.write_text(
        "在全县大会上的讲话\n（2025年3月1日）\n同志们：\n加强领导。\n正文。\n", encoding="utf-8"
    )
    plain, overruled = tmp_path / "plain.docx", tmp_path / "overruled.docx"
    assert run("convert", str(source), "-o", str(plain)).returncode == 0
    done = run(
        "convert", str(source), "-o", str(overruled), "--role", "2=subtitle", "--role", "4=h2"
    )
    assert done.returncode == 0, done.stderr
    assert_valid_docx(overruled)
    before = {p.text: p.style.name for p in docx.Document(str(plain)).paragraphs}
    after = {p.text: p.style.name for p in docx.Document(str(overruled)).paragraphs}
    assert (before["（2025年3月1日）"], after["（2025年3月1日）"]) == ("GW Byline", "Subtitle")
    assert (before["加强领导。"], after["加强领导。"]) == ("Normal", "Heading 2")


def test_convert_role_option_needs_a_single_input(tmp_path):
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("正文。", encoding="utf-8")
    done = run("convert", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--role", "1=title")
    assert done.returncode == 2 and "single input file" in done.stderr
    folder = run("convert", str(tmp_path), "--role", "1=title")
    assert folder.returncode == 2 and "single input file" in folder.stderr
