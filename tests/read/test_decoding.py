import codecs

import pytest

from outline2docx.errors import InputError
from outline2docx.read.decoding import decode

TEXT = "一、总体要求\n坚持问题导向，注重创新驱动。“无废城市”——试点……"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.replace("“", "").replace("”", "").encode("gbk"), "gb18030"),
    ],
)
def test_detects_encoding_and_decodes_exactly(data, encoding):
    decoded = decode(data, "x.txt")
    assert decoded.encoding == encoding
    assert decoded.text.replace("“", "").replace("”", "") == TEXT.replace("“", "").replace("”", "")
    assert not decoded.text.startswith("\ufeff")


def test_explicit_encoding_overrides_detection():
    data = "公文".encode("gbk")
    assert decode(data, "x.txt", encoding="gbk").text == "公文"
    with pytest.raises(InputError, match=r"x\.txt: not valid utf-8: byte 0xb9 at offset 0"):
        decode(data, "x.txt", encoding="utf-8")


def test_unknown_encoding_is_named():
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode(b"abc", "x.txt", encoding="klingon")


def test_binary_file_reports_the_nul_offset():
    with pytest.raises(InputError) as info:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.png")
    assert str(info.value) == "logo.png: binary file, not text (NUL byte at offset 8)"


def test_undecodable_file_reports_the_first_bad_byte():
    data = "正文".encode() + b"\xff\xfe\xfd" + "内容".encode()
    with pytest.raises(InputError) as info:
        decode(data, "bad.txt")
    message = str(info.value)
    assert message.startswith("bad.txt: cannot decode: first bad byte at offset 6")
    assert "--encoding" in message
