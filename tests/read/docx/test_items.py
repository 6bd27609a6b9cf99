"""The body's items handed on: Word headings without numbers, fixes that keep formatting."""

from __future__ import annotations

import subprocess

import docx
import pytest

from outline2docx import Role
from outline2docx.convert import to_docx
from outline2docx.parse import parse_docx
from outline2docx.read.docx import TextPiece, source_lines
from outline2docx.read.lines import SourceLine
from outline2docx.tree.nodes import Picture

from ...cli import run
from ...docx_view import DocxView

MARKDOWN_WITH_HEADINGS = """# 关于加强安全管理的通知

各单位：

为加强管理，现通知如下。

## 总体要求

坚持安全第一。

## 主要任务

### 排查隐患

全面排查。

## 三、保障措施

加强领导。
"""


def test_word_headings_without_numbers_keep_their_levels(tmp_path):
    pypandoc = pytest.importorskip("pypandoc")
    source = tmp_path / "headings.md"
    source.write_text(MARKDOWN_WITH_HEADINGS, "utf-8")
    out = tmp_path / "headings.docx"
    subprocess.run([pypandoc.get_pandoc_path(), str(source), "-o", str(out)], check=True)
    document = parse_docx(out)
    roles = {p.text: p.role for p in document.paragraphs()}
    assert roles["关于加强安全管理的通知"] is Role.TITLE
    assert roles["总体要求"] is roles["主要任务"] is Role.H1  # Heading 2, the outermost used
    assert roles["排查隐患"] is Role.H2
    assert roles["三、保障措施"] is Role.H1  # a number decides, whatever the Word style
    assert roles["全面排查。"] is Role.BODY
    styles = {p.text: p.style for p in DocxView(to_docx(document)).paragraphs()}
    assert styles["总体要求"] == "heading 1" and styles["排查隐患"] == "heading 2"


def test_fix_applies_to_word_input_and_keeps_bold(tmp_path):
    word = docx.Document()
    word.add_paragraph("关于开展检查的通知")
    body = word.add_paragraph()
    body.add_run("各位代表,同志们:要")
    body.add_run("高度重视").bold = True
    body.add_run("...")
    source = tmp_path / "draft.docx"
    word.save(str(source))
    out = tmp_path / "fixed.docx"
    done = run("convert", str(source), "-o", str(out), "--fix", "--diff")
    assert done.returncode == 0, done.stderr
    assert "+各位代表，同志们：要高度重视……" in done.stderr
    paragraph = docx.Document(str(out)).paragraphs[1]
    assert paragraph.text == "各位代表，同志们：要高度重视……"
    assert [r.text for r in paragraph.runs if r.style.name == "GW Strong"] == ["高度重视"]


def test_source_lines_are_numbered_by_their_place_in_the_body():
    items = [TextPiece("关于开展检查的通知"), Picture(b"", "seal.png"), TextPiece("特此通知。")]
    assert source_lines(items) == [SourceLine(1, "关于开展检查的通知"), SourceLine(3, "特此通知。")]
