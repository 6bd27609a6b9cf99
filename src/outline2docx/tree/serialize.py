"""The tree as plain data: the JSON of ``outline2docx parse --json`` (../shared/spec/roles.md)."""

from __future__ import annotations

from typing import Any

from outline2docx.tree.nodes import Block, Document, Paragraph, Picture, Section, Table


def document_to_dict(document: Document) -> dict[str, Any]:
    """The roles.md shape: source, encoding, one entry per non-empty line, the tree."""
    return {
        "source": document.source,
        "encoding": document.encoding,
        "lines": [_line_entry(p) for p in _lines(document)],
        "tree": {"type": "document", "children": [_block(b) for b in document.children]},
        "diagnostics": [
            {
                "line": d.line,
                "column": d.column,
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
            }
            for d in document.diagnostics
        ],
    }


def _lines(document: Document) -> list[Paragraph]:
    """Every line's paragraph in source order: the tree's and those moved into the metadata."""
    if not document.lifted:
        return list(document.paragraphs())
    return sorted([*document.paragraphs(), *document.lifted], key=lambda p: p.line)


def _line_entry(p: Paragraph) -> dict[str, Any]:
    entry: dict[str, Any] = {"line": p.line, "role": p.role.value, "text": p.text}
    if p.lead:
        entry["lead"] = p.lead
    entry["confidence"] = p.confidence
    if p.runner_up is not None:
        entry["runner_up"] = p.runner_up.value
    return entry


def _paragraph(p: Paragraph) -> dict[str, Any]:
    node = {"type": "paragraph", **_line_entry(p)}
    if p.numbering is not None:
        n = p.numbering
        node["numbering"] = {
            "kind": n.kind.value,
            "value": n.value,
            "label": n.label,
            "form": n.form,
        }
    if p.spans:
        node["spans"] = [{"start": s.start, "end": s.end, "kind": s.kind} for s in p.spans]
    if p.notes:
        node["notes"] = [{"offset": n.offset, "text": n.body} for n in p.notes]
    return node


def _block(block: Block) -> dict[str, Any]:
    # Recursion depth is bounded by the number of ranks (about eight), not by document size.
    if isinstance(block, Section):
        return {
            "type": "section",
            "heading": _paragraph(block.heading),
            "children": [_block(b) for b in block.children],
        }
    if isinstance(block, Table):
        rows = [[[_paragraph(p) for p in cell] for cell in row] for row in block.rows]
        return {"type": "table", "line": block.line, "header_rows": block.header_rows, "rows": rows}
    if isinstance(block, Picture):
        return {
            "type": "picture",
            "line": block.line,
            "name": block.name,
            "description": block.description,
            "bytes": len(block.data),
        }
    return _paragraph(block)
