"""Applying the rules: to one line, to a whole text, and to the read lines of a source.

``check`` reports what the rules find, ``fix`` and ``convert --fix`` apply it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from outline2docx.fix.rules import RULES


@dataclass(frozen=True, slots=True)
class Change:
    """A change made (or proposed) in the source: where, what, and which rule."""

    line: int
    column: int
    before: str
    after: str
    code: str
    message: str


def fix_line(
    text: str, number: int = 1, ignore: frozenset[str] = frozenset(), indent: int = 0
) -> tuple[str, list[Change]]:
    """``text`` with every rule applied in table order, and the changes made.

    Columns are 1-based in the source line, whose first ``indent`` characters were trimmed.
    A fix can make another rule apply ("０,." becomes "0，。", then a numbering "0，"), so the
    rules run again until the line is stable: fixing twice changes nothing more.
    """
    changes: list[Change] = []
    for _ in range(_MAX_PASSES):
        text, found = _apply_rules(text, number, ignore, indent)
        if not found:
            break
        changes += found
    changes.sort(key=lambda c: c.column)
    return text, changes


_MAX_PASSES = 4  # each pass only moves toward the standard forms; two suffice in practice


def _apply_rules(
    text: str, number: int, ignore: frozenset[str], indent: int
) -> tuple[str, list[Change]]:
    changes: list[Change] = []
    for rule in RULES:
        if rule.code in ignore:
            continue
        edits = sorted(rule.find(text), key=lambda e: e.start, reverse=True)
        for edit in edits:
            before = text[edit.start : edit.end]
            if before == edit.text:
                continue
            column = indent + edit.start + 1
            changes.append(Change(number, column, before, edit.text, rule.code, rule.message))
            text = text[: edit.start] + edit.text + text[edit.end :]
    return text, changes


_LINE_WITH_BREAK = re.compile(r"[^\r\n\u2028\u2029]*(?:\r\n|[\r\n\u2028\u2029]|$)")


def fix_text(text: str, ignore: frozenset[str] = frozenset()) -> tuple[str, list[Change], list]:
    """The whole text fixed line by line, line breaks and indentation untouched.

    Returns the fixed text, the changes, and (line number, before, after) of each changed line.
    """
    out: list[str] = []
    changes: list[Change] = []
    changed_lines: list[tuple[int, str, str]] = []
    for number, m in enumerate(_LINE_WITH_BREAK.finditer(text), start=1):
        piece = m.group()
        if not piece:
            break
        body = piece.rstrip("\r\n\u2028\u2029")
        fixed, found = fix_line(body, number, ignore)
        out.append(fixed + piece[len(body) :])
        if found:
            changes += found
            changed_lines.append((number, body, fixed))
    return "".join(out), changes, changed_lines
