"""A plain-text outline of a document for the terminal."""

from __future__ import annotations

import unicodedata

from outline2docx.i18n import _, ngettext
from outline2docx.tree.checks import is_close_call
from outline2docx.tree.nodes import (
    Block,
    Document,
    Paragraph,
    Picture,
    Role,
    Section,
    Table,
    lead_paragraph,
)

_WIDTH = 48  # characters of text shown per line; CJK characters are two columns wide
_LABEL = 11  # columns of the role column (role names, or a table's or picture's label)


def outline(document: Document) -> str:
    """Headings and document parts, indented by nesting, with line numbers and roles."""
    out = [f"{document.source} ({document.encoding})"]
    _walk(document.children, 0, out)
    finding = _("line {line}: {severity}: {message} [{code}]")
    for d in document.diagnostics:  # severity and code stay English, as in check's output
        out.append(finding.format(line=d.line, severity=d.severity, message=d.message, code=d.code))
    return "\n".join(out)


def _walk(blocks: list[Block], depth: int, out: list[str]) -> None:
    # Nesting depth is bounded by the number of ranks, so recursion is safe here.
    pending = 0
    for block in blocks:
        if isinstance(block, Paragraph) and block.role in (Role.BODY, Role.RUNIN):
            pending += 1
            continue
        _flush(pending, depth, out)
        pending = 0
        paragraph = lead_paragraph(block)
        out.append(_row(paragraph, depth) if paragraph else _other_row(block, depth))
        if isinstance(block, Section):
            _walk(block.children, depth + 1, out)
    _flush(pending, depth, out)


def _other_row(block: Table | Picture, depth: int) -> str:
    return f"{block.line:5d}  {_padded(_describe(block), _LABEL)}{'  ' * depth}"


def _describe(block: Table | Picture) -> str:
    if isinstance(block, Table):
        columns = max((len(row) for row in block.rows), default=0)
        return _("[table {rows}×{columns}]").format(rows=len(block.rows), columns=columns)
    return _("[picture {name}]").format(name=block.name)


def _padded(text: str, columns: int) -> str:
    """``text`` filled with spaces to ``columns`` terminal columns (CJK characters take two)."""
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * (columns - width)


def _row(p: Paragraph, depth: int) -> str:
    return f"{p.line:5d}  {p.role.value:<11s}{'  ' * depth}{_clip(p.title)}{_doubt(p)}"


def _doubt(p: Paragraph) -> str:
    """ " (0.62, or subtitle?)" after a close call; nothing after a sure role."""
    if not is_close_call(p):
        return ""
    doubt = _(" ({confidence:.2f}, or {role}?)")
    return doubt.format(confidence=p.confidence, role=p.runner_up.value)


def _clip(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def _flush(count: int, depth: int, out: list[str]) -> None:
    if count:
        paragraphs = ngettext("… {count} paragraph", "… {count} paragraphs", count)
        out.append(f"{'':5s}  {'':11s}{'  ' * depth}{paragraphs.format(count=count)}")


def tree(document: Document) -> str:
    """Every node as a tree drawn with box characters: line number, role, text."""
    out = [f"{document.source} ({document.encoding})"]
    _branch(document.children, "", out)
    return "\n".join(out)


def _branch(blocks: list[Block], prefix: str, out: list[str]) -> None:
    # Nesting depth is bounded by the number of ranks, so recursion is safe here.
    for n, block in enumerate(blocks):
        last = n == len(blocks) - 1
        paragraph = lead_paragraph(block)
        branch = "└── " if last else "├── "
        if paragraph is None:
            out.append(f"{prefix}{branch}{block.line} {_describe(block)}")
            continue
        out.append(
            f"{prefix}{branch}{paragraph.line} {paragraph.role.value}{_doubt(paragraph)}"
            f"  {_clip(paragraph.text)}"
        )
        if isinstance(block, Section):
            _branch(block.children, prefix + ("    " if last else "│   "), out)
