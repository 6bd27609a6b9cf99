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


# A paragraph whose UTF-8 bytes, with one stray 0xA0 (a Latin-1 no-break space) after its
# tenth character, happen to be valid GB18030: before, it decoded as mojibake without a word.
PARAGRAPH = (
    "（三）坚持实体经济为本、制造业当家，建设更具国际竞争力的现代化产业体系，加快形成新质生产力"
)


def _with_stray_byte(text: str, after: int, byte: bytes = b"\xa0") -> tuple[bytes, int]:
    offset = len(text[:after].encode("utf-8"))
    data = text.encode("utf-8")
    return data[:offset] + byte + data[offset:], offset


def test_utf8_with_one_stray_byte_is_refused_at_its_offset_not_read_as_gb18030():
    data, offset = _with_stray_byte(PARAGRAPH, 10)
    assert data.decode("gb18030")  # the trap: GB18030 takes these bytes without complaint
    with pytest.raises(InputError) as info:
        decode(data, "stray.txt")
    message = str(info.value)
    assert message.startswith("stray.txt: looks like UTF-8")
    assert f"byte 0xa0 at offset {offset} is not;" in message
    assert "--encoding" in message


def test_stray_bytes_in_a_long_utf8_document_are_refused_and_counted():
    paragraph, offset = _with_stray_byte(PARAGRAPH, 10)
    data = b"\n".join([paragraph] * 300)  # a 41 KB document, one stray byte a paragraph
    assert data.decode("gb18030")
    with pytest.raises(InputError, match=rf"0xa0 at offset {offset} is not \(299 more bad bytes"):
        decode(data, "long.txt")


@pytest.mark.parametrize(
    "text",
    [
        PARAGRAPH,
        "\n".join([PARAGRAPH] * 50),
        "一、总体要求\r\n正文。",
        "公文",
        "各乡镇人民政府：现将有关事项通知如下。",
    ],
)
def test_real_gb18030_text_still_decodes_as_gb18030(text):
    data = text.encode("gb18030")
    assert decode(data, "gb.txt") == (text, "gb18030")


def test_explicit_encoding_reads_what_the_evidence_refuses():
    data, _ = _with_stray_byte(PARAGRAPH, 10)
    assert decode(data, "x.txt", encoding="gb18030").encoding == "gb18030"


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2"])
def test_codecs_that_are_not_text_encodings_are_refused(codec):
    with pytest.raises(InputError, match=rf"x\.txt: '{codec}' is not a text encoding"):
        decode("公文".encode(), "x.txt", encoding=codec)


def test_a_codec_failing_in_its_own_way_is_an_input_error():
    for codec, data in (("undefined", b"abc"), ("idna", b"xn--.a"), ("punycode", b"a.b")):
        with pytest.raises(InputError, match=rf"x\.txt: not valid {codec}: "):
            decode(data, "x.txt", encoding=codec)
