"""Outline text as a Sphinx source: ``.outline`` files parsed by the outline parser.

The parsed tree becomes docutils sections and paragraphs, so every Sphinx builder (HTML too)
shows these pages, and the gongwen builder renders them like any other page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.parsers import Parser

from outline2docx.parse import parse
from outline2docx.tree.nodes import FRONT_ROLES, Block, Paragraph, Role, Section


class OutlineParser(Parser):
    """Parses plain Chinese outline text (一、 （一） 1. …) into a docutils document."""

    supported = ("outline",)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Fill ``document`` with the sections and paragraphs of ``inputstring``."""
        parsed = parse(inputstring, name=document.get("source", "<outline>"))
        blocks = list(parsed.children)
        titles = []
        while blocks and isinstance(blocks[0], Paragraph) and blocks[0].role in FRONT_ROLES:
            titles.append(blocks.pop(0))
        title_text = "".join(p.text for p in titles if p.role is Role.TITLE)
        container: nodes.Element = document
        if title_text:
            container = self._section(document, title_text)
            document += container
            for paragraph in titles:
                if paragraph.role is not Role.TITLE:
                    container += self._paragraph(paragraph)
        for block in blocks:
            self._block(document, container, block)

    def _block(self, document: nodes.document, parent: nodes.Element, block: Block) -> None:
        if isinstance(block, Section):
            heading = block.heading
            # A run-in heading ("（一）重大意义。党的……") is a short title and a paragraph.
            section = self._section(document, heading.title)
            parent += section
            if heading.title != heading.text:
                section += self._paragraph(Paragraph(Role.BODY, heading.rest, heading.line))
            for child in block.children:
                self._block(document, section, child)
        elif isinstance(block, Paragraph) and block.role is not Role.NOISE:
            parent += self._paragraph(block)

    def _section(self, document: nodes.document, title: str) -> nodes.section:
        section = nodes.section()
        section += nodes.title(title, title)
        section["names"].append(nodes.fully_normalize_name(title))
        document.note_implicit_target(section, section)
        return section

    def _paragraph(self, paragraph: Paragraph) -> nodes.paragraph:
        node = nodes.paragraph(classes=[f"outline-{paragraph.role.value}"])
        node.line = paragraph.line
        if paragraph.lead:  # run-in heading or 一是…: the lead in bold, as the renderer does
            node += nodes.strong(paragraph.lead, paragraph.lead)
            node += nodes.Text(paragraph.rest)
        else:
            node += nodes.Text(paragraph.text)
        return node
