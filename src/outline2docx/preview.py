"""A plain-text outline of a document for the terminal."""

from __future__ import annotations

from outline2docx.tree.nodes import Block, Document, Paragraph, Role, Section

_WIDTH = 48  # characters of text shown per line; CJK characters are two columns wide


def outline(document: Document) -> str:
    """Headings and document parts, indented by nesting, with line numbers and roles."""
    out = [f"{document.source} ({document.encoding})"]
    _walk(document.children, 0, out)
    for d in document.diagnostics:
        out.append(f"line {d.line}: {d.severity}: {d.message} [{d.code}]")
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
        paragraph = block.heading if isinstance(block, Section) else block
        out.append(_row(paragraph, depth))
        if isinstance(block, Section):
            _walk(block.children, depth + 1, out)
    _flush(pending, depth, out)


def _row(p: Paragraph, depth: int) -> str:
    text = p.lead or p.text
    if len(text) > _WIDTH:
        text = text[: _WIDTH - 1] + "…"
    return f"{p.line:5d}  {p.role.value:<11s}{'  ' * depth}{text}"


def _flush(count: int, depth: int, out: list[str]) -> None:
    if count:
        noun = "paragraph" if count == 1 else "paragraphs"
        out.append(f"{'':5s}  {'':11s}{'  ' * depth}… {count} {noun}")
