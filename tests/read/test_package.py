"""Word packages refused before they are read: zip bombs, entities, parts outside."""

from __future__ import annotations

import dataclasses
import io
import struct
import zipfile

import pytest

from outline2docx import InputError
from outline2docx.convert import to_docx
from outline2docx.parse import parse, parse_docx
from outline2docx.read.package import LIMITS, open_package

from ..cli import run
from ..hostile_docx import package, paragraph
from ..packages import word_document, zipped


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


# ---- what a package may cost, damaged packages, DTDs in any encoding (issue 11) -------------

XXE = (
    '<?xml version="1.0" encoding="{encoding}"?>'
    '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    ("encoding", "codec"),
    [
        ("UTF-16", "utf-16"),  # with a byte order mark
        ("UTF-16LE", "utf-16-le"),  # without one: told by "<\0?\0"
        ("UTF-16BE", "utf-16-be"),
        ("UTF-32", "utf-32"),
        ("UTF-8", "utf-8-sig"),
    ],
)
def test_a_dtd_is_refused_in_any_encoding(encoding, codec):
    xml = XXE.format(encoding=encoding).encode(codec)
    with pytest.raises(InputError, match="declares a DTD or entities"):
        parse_docx(with_document(xml), name="xxe16.docx")


def test_a_dtd_after_a_long_comment_is_refused_too():
    xml = XXE.format(encoding="UTF-8").replace("?>", "?><!--" + "x" * 10_000 + "-->", 1)
    with pytest.raises(InputError, match="declares a DTD or entities"):
        parse_docx(with_document(xml.encode()), name="late-dtd.docx")


def test_a_template_with_a_utf16_dtd_is_refused(tmp_path):
    from outline2docx.render.template import load_template

    styles = XXE.format(encoding="UTF-16").encode("utf-16")
    template = tmp_path / "org.dotx"
    base = zipfile.ZipFile(io.BytesIO(to_docx(parse("一、总体要求"))))
    template.write_bytes(
        zipped({**{n: base.read(n) for n in base.namelist()}, "word/styles.xml": styles})
    )
    with pytest.raises(InputError, match=r"word/styles\.xml declares a DTD"):
        load_template(template)
    done = run(
        "convert",
        "-",
        "--reference-doc",
        str(template),
        "-o",
        str(tmp_path / "o.docx"),
        stdin="一、总体要求".encode(),
    )
    assert done.returncode == 2
    assert "declares a DTD" in done.stderr and "Traceback" not in done.stderr


def corrupted(package: bytes, part: str) -> bytes:
    """``package`` with the deflated data of ``part`` overwritten in its middle."""
    info = zipfile.ZipFile(io.BytesIO(package)).getinfo(part)
    name_length, extra_length = struct.unpack("<HH", package[info.header_offset + 26 :][:4])
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    return package[:middle] + b"\xff" * 8 + package[middle + 8 :]


def test_a_corrupt_deflate_stream_is_a_damaged_package(tmp_path):
    paragraphs = "".join(f"<w:p><w:r><w:t>第{n}段</w:t></w:r></w:p>" for n in range(400))
    good = with_document(
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + f"<w:body>{paragraphs}</w:body></w:document>".encode()
    )
    bad = corrupted(good, "word/document.xml")
    with pytest.raises(InputError, match=r"damaged package: part word/document\.xml"):
        parse_docx(bad, name="damaged.docx")
    path = tmp_path / "damaged.docx"
    path.write_bytes(bad)
    for command in (["parse", str(path)], ["check", str(path)]):
        done = run(*command)
        assert done.returncode == 2, command
        assert "damaged package" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("limit", "value", "expected"),
    [
        ("xml_part_bytes", 2_000, "bytes of XML: refused"),
        ("xml_nodes", 500, "nodes: refused"),
        ("paragraphs", 100, "too many paragraphs: refused"),
        ("text_chars", 1_000, "too much text"),
    ],
)
def test_a_package_past_a_limit_is_refused(monkeypatch, limit, value, expected):
    from outline2docx.read import package as package_module

    paragraphs = "".join(f"<w:p><w:r><w:t>第{n}段正文</w:t></w:r></w:p>" for n in range(300))
    docx = with_document(
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + f"<w:body>{paragraphs}</w:body></w:document>".encode()
    )
    assert len(parse_docx(docx).children) == 300  # within the limits as shipped
    smaller = dataclasses.replace(package_module.LIMITS, **{limit: value})
    monkeypatch.setattr(package_module, "LIMITS", smaller)
    with pytest.raises(InputError, match=expected):
        parse_docx(docx, name="costly.docx")


def test_a_document_part_past_the_xml_size_limit_is_refused_before_it_is_inflated():
    paragraph = "<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>".encode()
    docx = with_document(paragraph * (LIMITS.xml_part_bytes // len(paragraph) + 1))
    with pytest.raises(InputError, match=r"would hold \d+ bytes of XML: refused"):
        open_package(docx, "big.docx")


def test_a_template_part_only_the_writer_parses_is_checked_whole(tmp_path):
    from outline2docx.render.template import load_template

    base = zipfile.ZipFile(io.BytesIO(to_docx(parse("一、总体要求"))))
    parts = {n: base.read(n) for n in base.namelist()}
    types = parts["[Content_Types].xml"].decode()
    late = types.replace("?>", "?><!--" + "x" * 100_000 + '--><!DOCTYPE t [<!ENTITY e "x">]>', 1)
    template = tmp_path / "org.dotx"
    template.write_bytes(zipped({**parts, "[Content_Types].xml": late.encode()}))
    with pytest.raises(InputError, match=r"\[Content_Types\]\.xml declares a DTD"):
        load_template(template)


def test_a_dtd_the_byte_checks_miss_is_still_refused_once_parsed(monkeypatch):
    from outline2docx.read import package as package_module

    monkeypatch.setattr(package_module, "refuse_dtd", lambda *args: None)
    with pytest.raises(InputError, match="declares a DTD or entities"):
        parse_docx(with_document(XXE.format(encoding="UTF-16").encode("utf-16")))


def test_a_directory_pointing_before_the_archive_is_a_damaged_package():
    data = bytearray(word_document("一、总体要求"))
    end = data.rfind(b"PK\x05\x06")
    (directory_offset,) = struct.unpack("<I", data[end + 16 : end + 20])
    data[end + 16 : end + 20] = struct.pack("<I", directory_offset + 5000)
    with pytest.raises(InputError, match="damaged package: part"):
        parse_docx(bytes(data), name="shifted.docx")


def test_refusals_and_warnings_of_word_input_speak_chinese_under_a_chinese_locale(tmp_path):
    chinese = {"LANG": "zh_CN.UTF-8"}
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(package(b"<!DOCTYPE x [<!ENTITY e 'x'>]>" + b"<w:document/>"))
    refused = run("parse", str(bomb), env=chinese)
    assert refused.returncode == 2
    assert "声明了 DTD 或实体：已拒绝" in refused.stderr
    odd = tmp_path / "odd.docx"
    start = '<w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr>'
    odd.write_bytes(package(paragraph("一、总体要求", start)))
    warned = run("check", str(odd), env=chinese)
    assert "已忽略列表级别（w:ilvl） 'x'：不是 0–8 之间的整数" in warned.stdout
    english = run("check", str(odd))
    assert "ignored list level (w:ilvl) 'x': not a whole number 0–8" in english.stdout
