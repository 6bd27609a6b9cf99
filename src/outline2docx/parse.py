"""The text front-end: plain text in, document tree out (read → recognize → tree)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from outline2docx.read import SourceText, read_source, split_lines
from outline2docx.read.front_matter import split_front_matter
from outline2docx.recognize import recognize
from outline2docx.tree.build import build
from outline2docx.tree.checks import check_numbering
from outline2docx.tree.meta import apply_meta
from outline2docx.tree.nodes import Diagnostic, Document, Role

if TYPE_CHECKING:
    from outline2docx.read.docx import BodyItems

DOCX_SUFFIXES = (".docx", ".docm", ".dotx")
# Roles a user may give a line: those the recognizer gives lines of text.
OVERRIDABLE = frozenset(Role) - {
    Role.LIST_ITEM,
    Role.QUOTE,
    Role.NOTE,
    Role.CODE,
    Role.CAPTION,
    Role.FOOTNOTE,
    Role.TABLE_TEXT,
}
# How a Word document (a zip package) begins: bytes without a name are told apart by it.
ZIP_SIGNATURE = b"PK\x03\x04"


Roles = Mapping[int, Role | str]  # line number -> the role a user gave the line


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    encoding: str | None = None,
    name: str | None = None,
    roles: Roles | None = None,
) -> Document:
    """Parse plain text into a Document.

    ``source`` is a path (``os.PathLike``, or a ``str`` naming an existing file and holding no
    line break), raw bytes (decoded like a file), or the text itself. A path ending in .docx,
    or bytes that begin like a zip package, are read as a Word document (see ``parse_docx``).
    ``roles`` overrules the recognizer: ``{5: "title"}`` makes line 5 the title, and the lines
    around it are recognized anew.
    """
    if isinstance(source, bytes) and source.startswith(ZIP_SIGNATURE):
        return parse_docx(source, name=name, roles=roles)
    is_path = isinstance(source, os.PathLike) or (
        isinstance(source, str) and _looks_like_path(source)
    )
    if is_path and Path(source).suffix.lower() in DOCX_SUFFIXES:
        return parse_docx(source, name=name, roles=roles)
    with _cyclic_gc_paused():  # reading makes a tuple per line too: see _cyclic_gc_paused
        if isinstance(source, str) and not is_path:
            meta, body = split_front_matter(source)
            lines, removed = split_lines(body)
            text = SourceText(name or "<text>", "str", lines, removed, meta)
        else:
            text = read_source(source, name=name, encoding=encoding)
        return parse_source(text, roles)


def parse_source(text: SourceText, roles: Roles | None = None) -> Document:
    """Build the Document of already-read source lines (``roles``: see ``parse``)."""
    with _cyclic_gc_paused():
        return _parse_source(text, role_overrides(roles))


def role_overrides(roles: Roles | None) -> dict[int, Role]:
    """``roles`` with every role a Role; ValueError names one that is not a role of text."""
    out = {}
    for line, role in (roles or {}).items():
        try:
            value = Role(role)
        except ValueError:
            value = None
        if value is None or value not in OVERRIDABLE:
            known = ", ".join(sorted(r.value for r in OVERRIDABLE))
            raise ValueError(f"{role!r} is not a role of a line; one of: {known}")
        out[int(line)] = value
    return out


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    # A parse allocates a few objects per line and none of them form cycles; the cyclic
    # collector would rescan all of them again and again, making big inputs superlinear.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse_source(text: SourceText, roles: dict[int, Role]) -> Document:
    facts = recognize(text.lines, roles)
    items = ((f.paragraph(), f.rank if f.is_heading else 0) for f in facts)
    children = build(items)
    diagnostics = [
        Diagnostic(
            r.line,
            r.column,
            "control-character",
            f"removed control character U+{ord(r.char):04X}, which documents cannot hold",
        )
        for r in text.removed
    ]
    diagnostics += check_numbering(children)
    diagnostics.sort(key=lambda d: (d.line, d.column))
    return apply_meta(Document(children, text.source, text.encoding, diagnostics, dict(text.meta)))


def parse_docx(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    plain: bool = False,
    roles: Roles | None = None,
) -> Document:
    """Parse a Word document: its paragraphs classified like text, tables and pictures kept
    (``roles``, by paragraph number: see ``parse``)."""
    from outline2docx.read.docx import read_docx

    data = source if isinstance(source, bytes) else Path(source)
    label = name or (str(source) if not isinstance(source, bytes) else "<docx>")
    return document_of_items(read_docx(data, label, plain), label, roles)


def document_of_items(items: BodyItems, label: str, roles: Roles | None = None) -> Document:
    """The Document of a Word body already read: paragraphs classified, tables and pictures."""
    from outline2docx.read.docx import apply_outline_levels, document_blocks, source_lines

    with _cyclic_gc_paused():
        facts = {f.number: f for f in recognize(source_lines(items), role_overrides(roles))}
        apply_outline_levels(items, facts)
        children = build(document_blocks(items, facts))
    return Document(children, label, "docx", check_numbering(children))


def _looks_like_path(value: str) -> bool:
    if "\n" in value or "\r" in value or len(value) >= 4096:
        return False
    try:
        return Path(value).is_file()
    except (OSError, ValueError):  # a name too long for the file system, or holding NUL
        return False
