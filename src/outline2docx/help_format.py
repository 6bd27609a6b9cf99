"""click's help formatter, wrapping Chinese help text by the terminal columns it takes.

click wraps help text by counting characters, and breaks lines only at spaces; a Chinese
character takes two columns of a terminal, and a line may break after any of them. So while
click wraps, each wide character is followed by a space (a place to break, and its second
column), or by a mark where no line may break: before closing punctuation, after opening.
Spaces the text had after a wide character are kept as another mark meanwhile. (A character
loop, not a regular expression: a pattern of the wide ranges takes milliseconds to compile.)
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator

import click

NO_BREAK_AFTER = frozenset("（《“‘「【〔")
NO_BREAK_BEFORE = frozenset("，。、；：？！）》”’」】〕…—")
_SECOND_COLUMN, _KEPT_SPACE = "\ue000", "\ue001"


def is_wide(char: str) -> bool:
    """True if a terminal gives ``char`` two columns (Chinese characters, full-width marks)."""
    return char >= "\u1100" and unicodedata.east_asian_width(char) in "WF"


def widened(text: str) -> str:
    """``text`` with the second column of each wide character spelt out, for click to wrap."""
    out = []
    for at, char in enumerate(text):
        if char == " " and at and is_wide(text[at - 1]):
            out.append(_KEPT_SPACE)
            continue
        out.append(char)
        if is_wide(char):
            following = text[at + 1 : at + 2]
            no_break = char in NO_BREAK_AFTER or following in NO_BREAK_BEFORE
            out.append(_SECOND_COLUMN if no_break else " ")
    return "".join(out)


def narrowed(text: str) -> str:
    """Text wrapped from ``widened`` text, as the terminal shows it."""
    out, after_wide = [], False
    for char in text:
        if after_wide and char in (" ", _SECOND_COLUMN):
            after_wide = False
            continue
        after_wide = is_wide(char)
        out.append(char)
    lines = "".join(out).split("\n")
    # A kept space that a line break landed on is not shown at the start of the next line.
    lines = [_without_leading_mark(line) for line in lines]
    return "\n".join(lines).replace(_KEPT_SPACE, " ")


def _without_leading_mark(line: str) -> str:
    indent = len(line) - len(line.lstrip(" "))
    if line[indent : indent + 1] == _KEPT_SPACE:
        return line[:indent] + line[indent + 1 :]
    return line


class WideHelpFormatter(click.HelpFormatter):
    """click's help formatter, wrapping Chinese text by the columns it takes."""

    def write_text(self, text: str) -> None:
        """Write ``text`` wrapped, counting a wide character as two columns."""
        with self._room_for(text):
            super().write_text(widened(text))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """Write a definition list, its descriptions wrapped as ``write_text`` wraps."""
        rows = list(rows)
        with self._room_for("".join(text for _term, text in rows)):
            wide_rows = [(term, widened(text)) for term, text in rows]
            super().write_dl(wide_rows, col_max, col_spacing)

    def getvalue(self) -> str:
        """The help as written, the marks of wide characters taken out."""
        return narrowed(super().getvalue())

    @contextlib.contextmanager
    def _room_for(self, text: str) -> Iterator[None]:
        # A line may end on a wide character whose second column (a space) click dropped.
        narrower = 1 if any(is_wide(char) for char in text) else 0
        self.width -= narrower
        try:
            yield
        finally:
            self.width += narrower
