"""Assemble the .docx package: python-docx for the package and its parts, our XML inside.

python-docx provides the OPC package, the settings, the footers and the core properties; the
styles part and the body are replaced by what styles_xml and body write from the house style
and the tree.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Twips

from outline2docx.render.body import body_paragraphs
from outline2docx.render.ooxml import W_NS, W, paragraph_xml, run_xml
from outline2docx.render.style import HouseStyle
from outline2docx.render.styles_xml import PAGE_NUMBER_STYLES, StyleIds, style_ids, styles_xml
from outline2docx.tree.nodes import Document, Role

# Parts of python-docx's template a generated document does not need: a thumbnail of the
# template's own page, Word 2010's copy of the template styles, and its custom XML.
_DROPPED_PACKAGE_RELS = (RT.THUMBNAIL,)
_DROPPED_DOCUMENT_RELS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
)


def render_docx(document: Document, style: HouseStyle) -> bytes:
    """The .docx file of ``document`` in ``style``, as bytes."""
    word = docx.Document()
    _drop_template_extras(word)
    ids = style_ids(style)
    _set_styles(word, style, ids)
    _set_page(word, style)
    _set_page_numbers(word, style, ids)
    _set_body(word, document, style, ids)
    _set_properties(word, document)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _drop_template_extras(word) -> None:
    for part, reltypes in (
        (word.part.package, _DROPPED_PACKAGE_RELS),
        (word.part, _DROPPED_DOCUMENT_RELS),
    ):
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype in reltypes:
                del part.rels[rel_id]  # none of them is referenced from the XML


def _set_styles(word, style: HouseStyle, ids: StyleIds) -> None:
    element = word.styles.element
    for child in list(element):
        element.remove(child)
    element.extend(parse_xml(styles_xml(style, ids)))


def _set_page(word, style: HouseStyle) -> None:
    page = style.page
    section = word.sections[0]
    section.page_width, section.page_height = Twips(page.width), Twips(page.height)
    section.top_margin, section.bottom_margin = Twips(page.top), Twips(page.bottom)
    section.left_margin, section.right_margin = Twips(page.left), Twips(page.right)
    section.header_distance, section.footer_distance = Twips(page.header), Twips(page.footer)
    section.gutter = Twips(0)
    grid = section._sectPr.find(f"{W}docGrid")
    grid.set(f"{W}type", "lines")
    grid.set(f"{W}linePitch", str(page.line_pitch))
    settings = word.settings.element
    language = settings.find(f"{W}themeFontLang")
    if language is not None:
        language.set(f"{W}eastAsia", style.text.language)


def _set_page_numbers(word, style: HouseStyle, ids: StyleIds) -> None:
    section = word.sections[0]
    odd_style, even_style = (ids[name] for name in PAGE_NUMBER_STYLES)
    footers = [(section.footer, odd_style)]
    if style.page.duplex:
        word.settings.odd_and_even_pages_header_footer = True
        footers.append((section.even_page_footer, even_style))
    for footer, style_id in footers:
        footer.is_linked_to_previous = False
        element = footer._element
        for child in list(element):
            element.remove(child)
        element.extend(_parse_children(_page_number_paragraph(style, style_id)))


def _page_number_paragraph(style: HouseStyle, style_id: str) -> str:
    before, after = style.page_number.format.split("{page}")
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    runs = (run_xml(before) if before else "") + field + (run_xml(after) if after else "")
    return paragraph_xml(style_id, runs)


def _parse_children(xml: str) -> list:
    """Elements of a WordprocessingML fragment, parsed once."""
    return list(parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>'))


def _set_body(word, document: Document, style: HouseStyle, ids: StyleIds) -> None:
    old_body = word.element.body
    section_properties = old_body.sectPr
    new_body = parse_xml(
        f'<w:body xmlns:w="{W_NS}">{"".join(body_paragraphs(document, style, ids))}</w:body>'
    )
    new_body.append(section_properties)
    word.element.replace(old_body, new_body)


def _set_properties(word, document: Document) -> None:
    properties = word.core_properties
    properties.title = document_title(document)[:255]
    properties.author = properties.last_modified_by = ""
    properties.comments = ""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    properties.created = properties.modified = now
    properties.revision = 1


def document_title(document: Document) -> str:
    """The first title of the document, its lines joined."""
    lines: list[str] = []
    for paragraph in document.paragraphs():
        if paragraph.role is Role.TITLE:
            lines.append(paragraph.text)
        elif lines:
            break
    return "".join(lines)
