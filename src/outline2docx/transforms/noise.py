"""Dropping web-page residue (--drop-noise): the paragraphs marked as noise leave the tree."""

from __future__ import annotations

from outline2docx.tree.nodes import Block, Document, Paragraph, Role, Section


def drop_noise(document: Document) -> list[Paragraph]:
    """Remove the paragraphs marked as web residue; return them in reading order."""
    dropped: list[Paragraph] = []
    stack: list[list[Block]] = [document.children]
    while stack:
        children = stack.pop()
        kept = []
        for block in children:
            if isinstance(block, Paragraph) and block.role is Role.NOISE:
                dropped.append(block)
            else:
                kept.append(block)
                if isinstance(block, Section):
                    stack.append(block.children)
        children[:] = kept
    dropped.sort(key=lambda p: p.line)
    return dropped
