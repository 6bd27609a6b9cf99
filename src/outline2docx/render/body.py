"""The document tree as the paragraphs of word/document.xml, in one pass.

Each paragraph names its style and nothing else; a run-in line is two runs, the lead in a
character style. The XML is written as text and parsed once: that keeps the writer linear
(python-docx's add_paragraph looks up the last body element on every call).
"""

from __future__ import annotations

from collections.abc import Iterator

from outline2docx.render.ooxml import paragraph_xml, run_xml
from outline2docx.render.style import HouseStyle
from outline2docx.render.styles_xml import StyleIds
from outline2docx.tree.nodes import Document, Paragraph, Role


def body_paragraphs(document: Document, style: HouseStyle, ids: StyleIds) -> Iterator[str]:
    """The w:p elements of ``document``, as XML text, in reading order."""
    roles = {role: (ids[p], ids[lead] if lead else None) for role, (p, lead) in style.roles.items()}
    for paragraph in document.paragraphs():
        paragraph_style, lead_style = roles[_style_role(paragraph, roles)]
        if lead_style and paragraph.lead:
            runs = run_xml(paragraph.lead, lead_style) + run_xml(paragraph.rest)
        else:
            runs = run_xml(paragraph.text)
        yield paragraph_xml(paragraph_style, runs)


def _style_role(paragraph: Paragraph, roles: dict) -> str:
    role = paragraph.role.value
    # The items under "附件：1. …" align under the first name, not under "附件".
    if paragraph.role is Role.ATTACHMENT and not paragraph.text.startswith("附"):
        return "attachment_item" if "attachment_item" in roles else role
    return role
