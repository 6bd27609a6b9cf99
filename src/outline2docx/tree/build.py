"""Nest paragraphs into sections by the rank of their numbering."""

from __future__ import annotations

from collections.abc import Iterable

from outline2docx.tree.nodes import FRAME_ROLES, Block, Paragraph, Section


def build(items: Iterable[tuple[Block, int]]) -> list[Block]:
    """Nest ``(block, rank)`` pairs; a paragraph of rank > 0 opens a section, 0 is content.

    A heading closes every open section of the same or a deeper rank, so a skipped level
    still nests (一、 then 1. puts the 1. inside the 一、). Title, signature and the other
    parts of the document frame close all sections.
    """
    root: list[Block] = []
    open_sections: list[Section] = []
    for paragraph, rank in items:
        if rank:
            while open_sections and open_sections[-1].rank >= rank:
                open_sections.pop()
            section = Section(paragraph, rank)
            (open_sections[-1].children if open_sections else root).append(section)
            open_sections.append(section)
            continue
        if isinstance(paragraph, Paragraph) and paragraph.role in FRAME_ROLES:
            open_sections.clear()
        (open_sections[-1].children if open_sections else root).append(paragraph)
    return root
