"""Split decoded text into numbered source lines, cleaned of what XML cannot hold."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from outline2docx.read.bounded import read_file
from outline2docx.read.decoding import decode
from outline2docx.read.front_matter import split_front_matter
from outline2docx.tree.meta import Meta

# CRLF first so it counts as one break; U+2028/U+2029 are the Unicode line/paragraph separators.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Characters outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE and U+FFFF. Word would refuse a document holding any of them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class SourceLine(NamedTuple):  # a tuple: one is made per line, and tuples are made fast
    """One non-empty line: its 1-based number, its trimmed text and its indentation."""

    number: int
    text: str
    indent: int = 0  # leading whitespace characters (ASCII, full-width, no-break)


class RemovedChar(NamedTuple):  # a tuple: cheaper to define than a dataclass
    """A character dropped because XML cannot hold it, and where it was."""

    line: int
    column: int
    char: str


@dataclass(slots=True)
class SourceText:
    """A text file as read: its name, encoding and non-empty lines."""

    source: str
    encoding: str
    lines: list[SourceLine]
    removed: list[RemovedChar] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)  # from a front-matter block


def split_lines(text: str) -> tuple[list[SourceLine], list[RemovedChar]]:
    """Split ``text`` into non-empty trimmed lines, dropping characters XML cannot hold."""
    lines: list[SourceLine] = []
    removed: list[RemovedChar] = []
    clean = NOT_XML.search(text) is None  # one scan of the whole text in the common case
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        if not clean and NOT_XML.search(raw):
            removed.extend(
                RemovedChar(number, m.start() + 1, m.group()) for m in NOT_XML.finditer(raw)
            )
            raw = NOT_XML.sub("", raw)
        stripped = raw.strip()
        if stripped:
            lines.append(SourceLine(number, stripped, len(raw) - len(raw.lstrip())))
    return lines, removed


def read_source(
    source: str | os.PathLike[str] | bytes, name: str | None = None, encoding: str | None = None
) -> SourceText:
    """Read a file (path) or raw bytes into a SourceText; raises InputError on bad input."""
    if isinstance(source, bytes):
        data, label = source, name or "<input>"
    else:
        path = Path(source)
        label = name or str(path)
        data = read_file(path, label)
    decoded = decode(data, label, encoding)
    meta, text = split_front_matter(decoded.text)
    lines, removed = split_lines(text)
    return SourceText(label, decoded.encoding, lines, removed, meta)
