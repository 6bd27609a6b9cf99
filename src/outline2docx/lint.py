"""What ``outline2docx check`` finds in a draft before a reviewer does.

Four sources, one list of diagnostics in line order: the parser's own (numbering gaps,
repeats, mixed forms, removed control characters), the normalization rules of fix.py (what
``fix`` would change), the numbers ``fix --renumber`` would change, and the checks below,
which need a person to decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from outline2docx.fix import RULES
from outline2docx.fix.renumber import renumber_findings
from outline2docx.i18n import N_, _
from outline2docx.read.lines import SourceLine
from outline2docx.tree.checks import close_calls
from outline2docx.tree.nodes import Block, Diagnostic, Document, Role, Section

# XXX, xx, ×××, ***: and a single X standing for a number between Chinese characters (第X次).
PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|×{2,}|[*＊]{3,})(?![A-Za-z])"
    r"|(?<=[\u4e00-\u9fff])[XＸ×](?=[\u4e00-\u9fff])"
)
PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」", "〔": "〕"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
LEADING_ZERO_DATE = re.compile(r"\d{4}年0\d月|\d{1,2}月0\d日")
_CN_DAY = "[一二三四五六七八九十]{1,3}"
CHINESE_NUMERAL_DATE = re.compile(f"[〇零○一二三四五六七八九]{{4}}年{_CN_DAY}月(?:{_CN_DAY}日)?")


# What a pattern finds, how bad it is, its code for --ignore, and what to say ({text}: the
# match).
PATTERN_CHECKS = (
    (PLACEHOLDER, "error", "placeholder", N_("placeholder {text} left in the text")),
    (LEADING_ZERO_DATE, "warning", "date-format",
     N_("date {text} has a leading zero: write 2024年8月1日")),
    (CHINESE_NUMERAL_DATE, "warning", "date-format",
     N_("date {text} in Chinese numerals: GB/T 9704-2012 writes Arabic numerals, "
        "as in 2024年8月1日")),
)  # fmt: skip


# What ``check --render`` finds on the pages LibreOffice lays out (outline2docx.verify).
RENDER_CODES: dict[str, str] = {
    "render-paper": N_("rendered: the paper is not A4"),
    "render-lines": N_("rendered: a full page without 22 lines"),
    "render-chars": N_("rendered: full lines without 28 characters"),
    "render-issuer": N_("rendered: the issuer mark not centred 35 mm below the text block's top"),
    "render-title": N_("rendered: the title not centred, or not where GB/T 9704 puts it"),
    "render-first-page": N_("rendered: page 1 shows no body text"),
    "render-page-number": N_("rendered: a page without its number in the form — N —"),
    "render-page-number-place": N_(
        "rendered: a page number not 7 mm below the text block on the outer side"
    ),
    "render-signature-alone": N_("rendered: the signature and date alone on a page"),
    "render-imprint": N_("rendered: the imprint not flush with the bottom of the last, even page"),
    "render-font": N_("rendered: a font LibreOffice had to replace with a fallback"),
}


# Every code ``check`` reports, and what it means: for --ignore and ``check --help``. The
# meanings are catalog entries in English; ``_(meaning)`` gives them in the chosen language.
CODES: dict[str, str] = {
    "numbering-gap": N_("a number skipped: 一、 二、 四、"),
    "numbering-repeat": N_("a number repeated: （二） （二）"),
    "numbering-form": N_("one level written in two forms: 1. and 1、"),
    "level-order": N_("an outer level after a deeper one among siblings: （一） after 1."),
    "renumber": N_("a heading number `fix --renumber` would change, with the number it gets"),
    **{rule.code: rule.message for rule in RULES},
    "placeholder": N_("XXX, ×××, *** or 第X次 left in the text"),
    "date-format": N_("a date with leading zeros or in Chinese numerals"),
    "unbalanced": N_("a quote or bracket without its partner on the line"),
    "web-residue": N_("web-page residue: share buttons, view counts, 来源：…"),
    "control-character": N_("a control character removed from the text"),
    "ignored-value": N_("a Word file's value out of range or not a number, ignored (w:start …)"),
    "dropped-picture": N_("a picture of a Word file that cannot be shown, left out; text kept"),
    "close-call": N_(
        "a line whose role another role came close to: check it, or set it with --role"
    ),
    **RENDER_CODES,
}


def lint_file(
    file: str, encoding: str | None = None, stream=None, roles: Mapping[int, str] | None = None
) -> list[Diagnostic]:
    """Every diagnostic of a text or Word file (``stream``: read it instead, for "-"; ``roles``:
    the roles a user gave lines, as ``parse`` takes them)."""
    from pathlib import Path

    from outline2docx.pipeline import Settings, read
    from outline2docx.read.bounded import read_stream

    source = Path(file) if stream is None else read_stream(stream, file)
    settings = Settings(encoding=encoding, roles=roles)
    draft = read(source, settings, name=file)
    return lint(draft.lines, draft.document)


def lint(lines: list[SourceLine], document: Document) -> list[Diagnostic]:
    """Every diagnostic for the read lines of a source and its document, in line order."""
    found = list(document.diagnostics)
    for line in lines:
        found += _line_findings(line.number, line.text, line.indent)
    found += _noise(document)
    found += _level_order(document.children)
    found += renumber_findings(document, {line.number: line.indent for line in lines})
    found += close_calls(document.paragraphs())
    return sorted(found, key=lambda d: (d.line, d.column, d.code))


def _line_findings(number: int, text: str, indent: int) -> Iterator[Diagnostic]:
    for rule in RULES:
        for edit in rule.find(text):
            before = text[edit.start : edit.end]
            if before != edit.text:
                message = _("{rule}: {before} -> {after}").format(
                    rule=_(rule.message), before=repr(before), after=repr(edit.text)
                )
                yield _diagnostic(number, indent + edit.start, "warning", rule.code, message)
    for pattern, severity, code, message in PATTERN_CHECKS:
        for m in pattern.finditer(text):
            said = _(message).format(text=repr(m.group()))
            yield _diagnostic(number, indent + m.start(), severity, code, said)
    for at, char in _unbalanced(text):
        partner = PAIRS.get(char) or CLOSERS[char]
        message = _("{char} has no matching {partner}").format(
            char=repr(char), partner=repr(partner)
        )
        yield _diagnostic(number, indent + at, "warning", "unbalanced", message)


def _diagnostic(line: int, at: int, severity: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(line, at + 1, code, message, severity)


def _unbalanced(text: str) -> Iterator[tuple[int, str]]:
    """Positions of brackets and quotes without a partner on the same line."""
    stack: list[tuple[int, str]] = []
    for at, char in enumerate(text):
        if char in PAIRS:
            stack.append((at, char))
        elif char in CLOSERS:
            if stack and stack[-1][1] == CLOSERS[char]:
                stack.pop()
            else:
                yield at, char
    yield from stack


def _noise(document: Document) -> Iterator[Diagnostic]:
    for paragraph in document.paragraphs():
        if paragraph.role is Role.NOISE:
            yield Diagnostic(
                paragraph.line,
                1,
                "web-residue",
                _("web-page residue {text}: delete it, or convert with --drop-noise").format(
                    text=repr(paragraph.text[:30])
                ),
            )


def _level_order(blocks: list[Block]) -> Iterator[Diagnostic]:
    """A heading of an outer level after a deeper one among siblings: （一） after 1."""
    stack = [blocks]
    while stack:
        children = stack.pop()
        deepest: Section | None = None
        for block in children:
            if not isinstance(block, Section):
                continue
            stack.append(block.children)
            if deepest is not None and block.rank < deepest.rank:
                heading, before = block.heading, deepest.heading
                message = _(
                    "{label} is an outer level than {before} (line {line}) before it"
                ).format(label=_label(heading), before=_label(before), line=before.line)
                yield Diagnostic(heading.line, 1, "level-order", message)
            if deepest is None or block.rank > deepest.rank:
                deepest = block


def _label(paragraph) -> str:
    return paragraph.numbering.label.strip() if paragraph.numbering else paragraph.text[:8]
