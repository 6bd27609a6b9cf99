"""PDF export through LibreOffice: a PDF appears whole, or not at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from outline2docx import parse
from outline2docx.convert import to_docx
from outline2docx.pdf import PdfError, export_pdf, find_office

from .conftest import SAMPLES
from .languages import chinese

pytestmark = pytest.mark.skipif(
    find_office() is None, reason="LibreOffice is needed (bash scripts/test installs it)"
)


def test_the_pdf_lands_beside_the_document_and_nothing_else(tmp_path):
    document = tmp_path / "notice.docx"
    document.write_bytes(to_docx(parse(SAMPLES / "notice.txt")))
    pdf = export_pdf(document)
    assert pdf == tmp_path / "notice.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.docx", "notice.pdf"]


def test_a_failed_export_leaves_an_old_pdf_alone_and_no_staging_behind(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a Word document")
    stale = tmp_path / "broken.pdf"
    stale.write_bytes(b"an older export")
    with pytest.raises(PdfError, match=r"broken\.docx: LibreOffice could not export a PDF"):
        export_pdf(broken)
    assert stale.read_bytes() == b"an older export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx", "broken.pdf"]


def test_without_libreoffice_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PdfError, match="apt install libreoffice"):
        export_pdf(tmp_path / "any.docx")


def test_a_file_name_that_starts_with_a_dash_is_not_taken_for_an_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("-notice.docx").write_bytes(to_docx(parse(SAMPLES / "notice.txt")))
    pdf = export_pdf(Path("-notice.docx"))
    assert pdf == tmp_path / "-notice.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["-notice.docx", "-notice.pdf"]


def test_convert_pdf_of_a_dash_name_through_the_command(tmp_path):
    from .cli import run

    (tmp_path / "-draft.txt").write_text("关于做好防汛工作的通知\n一、总体要求\n正文。\n", "utf-8")
    done = run("convert", "--pdf", "--", "-draft.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "-draft.pdf").read_bytes().startswith(b"%PDF")


def test_libreoffices_failures_are_told_in_chinese(tmp_path, monkeypatch):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a Word document")
    with chinese(), pytest.raises(PdfError) as failed:
        export_pdf(broken)
    assert str(failed.value).startswith(f"{broken}：LibreOffice 未能导出 PDF：")
    monkeypatch.setattr("outline2docx.pdf.find_office", lambda: None)
    with chinese(), pytest.raises(PdfError) as missing:
        export_pdf(broken)
    assert str(missing.value) == (
        "未安装 LibreOffice：导出 PDF 需先安装（Debian/Ubuntu：apt install libreoffice-writer-nogui）"
    )
    with pytest.raises(PdfError, match=r"^LibreOffice is not installed: install it"):
        export_pdf(broken)
