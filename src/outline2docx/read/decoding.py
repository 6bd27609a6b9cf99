"""Turn the bytes of a text file into a string, strictly and in a principled order.

Order: a byte-order mark decides outright (UTF-8, UTF-16, UTF-32); otherwise UTF-8, then
GB18030 (the superset of GBK and GB2312 that many Chinese Windows tools still write).
Decoding is always strict: a file that is neither is reported, never patched with U+FFFD.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from outline2docx.errors import InputError

# BOMs, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACK_ENCODINGS = ("utf-8", "gb18030")
_BINARY_PROBE = 8192


class Decoded(NamedTuple):  # a tuple: cheaper to define than a dataclass
    """Decoded text and the name of the encoding that produced it."""

    text: str
    encoding: str


def decode(data: bytes, source: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode ``data``; ``encoding`` overrides detection. Raises InputError naming ``source``."""
    if encoding:
        return _decode_as(data, source, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, source, name)
    nul = data.find(b"\x00", 0, _BINARY_PROBE)
    if nul >= 0:
        raise InputError(source, f"binary file, not text (NUL byte at offset {nul})")
    failures = []
    for name in FALLBACK_ENCODINGS:
        try:
            return Decoded(data.decode(name), name)
        except UnicodeDecodeError as exc:
            failures.append((name, exc.start, data[exc.start : exc.start + 1]))
    first = failures[0]
    detail = "; ".join(
        f"as {name}: byte 0x{bad.hex()} at offset {at}" for name, at, bad in failures
    )
    raise InputError(
        source,
        f"cannot decode: first bad byte at offset {first[1]} ({detail}); "
        "if you know the encoding, pass --encoding",
    )


def _decode_as(data: bytes, source: str, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            source, f"not valid {encoding}: byte 0x{bad} at offset {exc.start} ({exc.reason})"
        ) from None
    # "utf-16"/"utf-32" consume their BOM; a BOM kept by an explicit codec is not text.
    return Decoded(text.removeprefix("\ufeff"), codec.name)
