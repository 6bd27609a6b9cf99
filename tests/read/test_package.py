"""Word packages refused before they are read: zip bombs, entities, parts outside."""

from __future__ import annotations

import io
import zipfile

import pytest

from outline2docx import InputError
from outline2docx.convert import to_docx
from outline2docx.parse import parse, parse_docx
from outline2docx.read.package import open_package

from ..cli import run
from ..packages import zipped


def with_document(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    base = zipfile.ZipFile(io.BytesIO(to_docx(parse("一、总体要求"))))
    parts = {name: base.read(name) for name in base.namelist()}
    parts["word/document.xml"] = document_xml
    parts.update(extra or {})
    return zipped(parts)


def test_a_zip_bomb_is_refused_before_it_is_read():
    bomb = with_document(b"<w:document/>", {"word/media/huge.bin": b"\0" * (50 * 1024 * 1024)})
    with pytest.raises(InputError, match="refused as a zip bomb"):
        open_package(bomb, "bomb.docx")


def test_external_entities_are_refused():
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(InputError, match="declares a DTD or entities"):
        parse_docx(with_document(xml), name="xxe.docx")


def test_part_names_outside_the_package_are_refused():
    evil = with_document(b"<x/>", {"../../evil.xml": b"<x/>"})
    with pytest.raises(InputError, match="points outside the package"):
        open_package(evil, "evil.docx")


def test_a_file_that_is_not_a_word_document():
    with pytest.raises(InputError, match="not a Word document"):
        open_package(b"plain text, not a zip", "fake.docx")


def test_cli_refuses_an_unsafe_word_file_with_exit_2(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(with_document(b"<x/>", {"word/big.bin": b"\0" * (50 * 1024 * 1024)}))
    done = run("convert", str(bomb), "-o", str(tmp_path / "out.docx"))
    assert done.returncode != 0
    assert "refused as a zip bomb" in done.stderr
    assert not (tmp_path / "out.docx").exists()
