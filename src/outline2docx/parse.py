"""The library's reading entry points: a text or a Word document in, the document tree out.

Both run the one pipeline (``pipeline.read``): reader, transforms, recognizer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from outline2docx.pipeline import Settings, read, read_word
from outline2docx.tree.nodes import Document, Role

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
    settings = Settings(encoding=encoding, roles=roles)
    return read(source, settings, name=name).document


def parse_docx(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    plain: bool = False,
    roles: Roles | None = None,
) -> Document:
    """Parse a Word document: its paragraphs classified like text, tables and pictures kept
    (``roles``, by paragraph number: see ``parse``)."""
    settings = Settings(plain=plain, roles=roles)
    return read(source, settings, name=name, reader=read_word).document
