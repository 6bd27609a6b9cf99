"""Text in, official-format .docx out: the library's one-call conversion."""

from __future__ import annotations

import os
from pathlib import Path

from outline2docx.pipeline import Settings, publish, write
from outline2docx.style import DEFAULT_STYLE, HouseStyle, load_style
from outline2docx.tree.nodes import Document


def to_docx(document: Document, style: str | Path | HouseStyle = DEFAULT_STYLE) -> bytes:
    """Render a parsed document as .docx bytes in ``style`` (a name, a path or a HouseStyle)."""
    return write(document, Settings(style=_loaded(style)))


def convert(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    style: str | Path | HouseStyle = DEFAULT_STYLE,
    encoding: str | None = None,
) -> Path:
    """Convert a text or Word file to .docx (default: beside it); returns the output path."""
    from outline2docx.batch import output_name
    from outline2docx.output import write_atomically

    source = Path(source)
    target = Path(output) if output is not None else output_name(source)
    data = publish(source, Settings(style=_loaded(style), encoding=encoding)).data
    write_atomically(target, data)
    return target


def _loaded(style: str | Path | HouseStyle) -> HouseStyle:
    return style if isinstance(style, HouseStyle) else load_style(style)
