"""Assemble the .docx package: a zip of the few WordprocessingML parts a 公文 needs.

The writer builds each part as text and zips it through the small package layer of
render/opc.py (which hands out the relationship ids); it imports neither python-docx nor lxml.
That is deliberate: importing python-docx alone takes longer than pandoc needs to convert a
whole speech, and converting a folder of drafts pays start-up once per file. The parts are
the minimal set Word, WPS and LibreOffice expect (ECMA-376 Part 1, §11.3): document, styles,
settings, font table, the two page-number footers and the package properties. Tests read
every part back with python-docx and lxml. Rendering into an organization's template
(render/template.py) starts from the template's parts instead and shares the pieces here.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import partial
from typing import TYPE_CHECKING

from outline2docx.namespaces import R_NS, W_NS
from outline2docx.render.body import Body, write_body
from outline2docx.render.fonts import font_table_xml
from outline2docx.render.imprint import BOX_NAMESPACES, ENDINGS, Placement, ending_xml
from outline2docx.render.ooxml import escape, paragraph_xml, run_xml
from outline2docx.render.opc import XML_DECLARATION as _XML
from outline2docx.render.opc import OpcPackage
from outline2docx.render.schema import ordered_xml
from outline2docx.render.styles_xml import PAGE_NUMBER_STYLES, StyleIds, style_ids, styles_xml
from outline2docx.style import HouseStyle
from outline2docx.tree.nodes import Document, Role

if TYPE_CHECKING:
    from outline2docx.render.template import Template

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_MS_WORD = "http://schemas.microsoft.com/office/word"
_DRAWING_NAMESPACES = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    + " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in BOX_NAMESPACES.items())
)
MAIN_DOCUMENT = "word/document.xml"
OFFICE_DOCUMENT = f"{R_NS}/officeDocument"

# What each part is: (content type, relationship type to it).
MAIN = (f"{_WML}.document.main+xml", OFFICE_DOCUMENT)
CORE = (
    "application/vnd.openxmlformats-package.core-properties+xml",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
)
APP = (
    "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    f"{R_NS}/extended-properties",
)
STYLES = (f"{_WML}.styles+xml", f"{R_NS}/styles")
SETTINGS = (f"{_WML}.settings+xml", f"{R_NS}/settings")
FONT_TABLE = (f"{_WML}.fontTable+xml", f"{R_NS}/fontTable")
FOOTER = (f"{_WML}.footer+xml", f"{R_NS}/footer")
FOOTNOTES = (f"{_WML}.footnotes+xml", f"{R_NS}/footnotes")


def add_related(
    package: OpcPackage, source: str, name: str, data: bytes | str, kind: tuple[str, str]
) -> str:
    """Add part ``name`` of ``kind`` (content type, relationship type), related from ``source``."""
    content_type, reltype = kind
    package.add_part(name, data, content_type)
    return package.relate(source, reltype, name)


def render_docx(
    document: Document,
    style: HouseStyle,
    template: Template | None = None,
    placement: Placement = Placement.NEXT_EVEN,
) -> bytes:
    """The .docx file of ``document`` in ``style``, as bytes; inside ``template`` if given;
    the imprint, if any, where ``placement`` puts it (render/imprint.py)."""
    if template is not None:
        from outline2docx.render.template import render_into

        return render_into(template, document, style, placement)
    ids = style_ids(style)
    package = OpcPackage()
    add_related(package, "", MAIN_DOCUMENT, "", MAIN)  # its XML follows once the ids are known
    add_related(package, "", "docProps/core.xml", core_properties(document), CORE)
    add_related(package, "", "docProps/app.xml", app_properties(), APP)
    add_related(package, MAIN_DOCUMENT, "word/styles.xml", _XML + styles_xml(style, ids), STYLES)
    add_related(package, MAIN_DOCUMENT, "word/settings.xml", "", SETTINGS)
    add_related(
        package, MAIN_DOCUMENT, "word/fontTable.xml", _XML + font_table_xml(style), FONT_TABLE
    )
    body = write_body(document, style, ids, partial(package.add_media, MAIN_DOCUMENT))
    footers = add_footers(package, MAIN_DOCUMENT, style, ids)
    first = first_page_footer(package, style)
    section = _section_xml(style, footers, first_page_footer=first)
    text = body.xml
    if body.imprint:
        text += ending_xml(placement, body.imprint, section)
        ending = ENDINGS.get(placement)
        if ending is not None and ending.section:
            if not ending.numbered or ending.full_footers:
                footers = add_footers(
                    package, MAIN_DOCUMENT, style, ids, ending.numbered, ending.full_footers
                )
            section = _section_xml(style, footers, start=ending.section)
    if body.footnotes:
        add_related(package, MAIN_DOCUMENT, "word/footnotes.xml", footnotes_xml(body), FOOTNOTES)
    package.add_part("word/settings.xml", settings_xml(style, footnotes=bool(body.footnotes)))
    package.add_part(
        MAIN_DOCUMENT,
        f'{_XML}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" {_DRAWING_NAMESPACES}>'
        f"<w:body>{text}{section}</w:body></w:document>",
    )
    return package.to_bytes()


def add_footers(
    package: OpcPackage,
    source: str,
    style: HouseStyle,
    ids: StyleIds,
    numbered: bool = True,
    full: bool = False,
) -> tuple[str, str]:
    """The odd- and even-page footers (page numbers, or empty ones; ``full``: filling the
    bottom margin): their relationship ids."""
    odd, even = (ids[name] for name in PAGE_NUMBER_STYLES)
    return tuple(  # type: ignore[return-value]
        add_related(
            package,
            source,
            package.free_name("word/footer{n}.xml"),
            footer_xml(style, style_id, full) if numbered else EMPTY_FOOTER,
            FOOTER,
        )
        for style_id in (odd, even)
    )


EMPTY_FOOTER = f'{_XML}<w:ftr xmlns:w="{W_NS}"><w:p/></w:ftr>'


def first_page_footer(package: OpcPackage, style: HouseStyle, main: str = MAIN_DOCUMENT) -> str:
    """The id of an empty footer for the first page, when the style numbers it not; else ""."""
    if style.page_number.first_page:
        return ""
    return add_related(package, main, package.free_name("word/footer{n}.xml"), EMPTY_FOOTER, FOOTER)


def footnotes_xml(body: Body) -> str:
    """The footnotes part of a body that has notes."""
    return f'{_XML}<w:footnotes xmlns:w="{W_NS}">{body.footnotes}</w:footnotes>'


def _section_xml(
    style: HouseStyle,
    footers: tuple[str, str],
    start: str = "",
    first_page_footer: str = "",
) -> str:
    """The w:sectPr of the house style's page with our footers, starting as ``start`` says
    (a w:type: "evenPage"; "" for the next page), its children in schema order."""
    children = section_children(style, footers, start)
    if first_page_footer:  # the first page has a footer of its own: an empty one
        children.append(
            ("footerReference", f'<w:footerReference w:type="first" r:id="{first_page_footer}"/>')
        )
        children.append(("titlePg", "<w:titlePg/>"))
    return f"<w:sectPr>{ordered_xml('sectPr', children)}</w:sectPr>"


def section_children(
    style: HouseStyle, footers: tuple[str, str], start: str = ""
) -> list[tuple[str, str]]:
    """(local name, xml) of the section properties the house style sets."""
    page = style.page
    odd_id, even_id = footers
    children = [
        ("footerReference", f'<w:footerReference w:type="default" r:id="{odd_id}"/>'),
        ("pgSz", f'<w:pgSz w:w="{page.width}" w:h="{page.height}"/>'),
        (
            "pgMar",
            f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" '
            f'w:left="{page.left}" w:header="{page.header}" w:footer="{page.footer}" '
            'w:gutter="0"/>',
        ),
        ("cols", '<w:cols w:space="425"/>'),
        ("docGrid", f'<w:docGrid w:type="lines" w:linePitch="{page.line_pitch}"/>'),
    ]
    if page.duplex:
        children.append(("footerReference", f'<w:footerReference w:type="even" r:id="{even_id}"/>'))
    if start:
        children.append(("type", f'<w:type w:val="{start}"/>'))
    return children


def footer_xml(style: HouseStyle, style_id: str, full: bool = False) -> str:
    """A footer part: the page number in the given style (``full``: with the space above it
    that fills the bottom margin)."""
    before, after = style.page_number.format.split("{page}")
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    runs = (run_xml(before) if before else "") + field + (run_xml(after) if after else "")
    number = paragraph_xml(style_id, runs, _filling(style) if full else "")
    return f'{_XML}<w:ftr xmlns:w="{W_NS}">{number}</w:ftr>'


# The page number's line in a full footer, in lines of its font size: exact, so that the
# footer's height depends on no font's metrics.
NUMBER_LINE = 1.25


def _filling(style: HouseStyle) -> str:
    """The page number's w:spacing in a full footer: a footer stands on the page's footer
    distance and grows upwards; the number's exact line and the space above it fill the
    bottom margin up to the text block."""
    page = style.page
    line = round(style.page_number.size * 20 * NUMBER_LINE)
    gap = max(0, page.bottom - page.footer - line)
    return f'<w:spacing w:before="{gap}" w:line="{line}" w:lineRule="exact"/>'


def settings_xml(style: HouseStyle, footnotes: bool = False) -> str:
    """The settings part: tab stops, odd and even pages, the notes' separators, compatibility."""
    language = escape(style.text.language)
    children = [
        ("zoom", '<w:zoom w:percent="100"/>'),
        ("defaultTabStop", '<w:defaultTabStop w:val="420"/>'),
        # Full-width punctuation keeps its full width: the 28-character grid depends on it.
        ("characterSpacingControl", '<w:characterSpacingControl w:val="doNotCompress"/>'),
        (
            "compat",
            "<w:compat><w:useFELayout/>"
            f'<w:compatSetting w:name="compatibilityMode" w:uri="{_MS_WORD}" w:val="15"/>'
            "</w:compat>",
        ),
        ("themeFontLang", f'<w:themeFontLang w:val="en-US" w:eastAsia="{language}"/>'),
    ]
    if style.page.duplex:
        children.append(("evenAndOddHeaders", EVEN_AND_ODD_HEADERS))
    if footnotes:
        children.append(("footnotePr", FOOTNOTE_SEPARATORS))
    # In schema order, which Word insists on: zoom, defaultTabStop, evenAndOddHeaders, …
    return f'{_XML}<w:settings xmlns:w="{W_NS}">{ordered_xml("settings", children)}</w:settings>'


EVEN_AND_ODD_HEADERS = "<w:evenAndOddHeaders/>"
# The notes' separators: ids -1 and 0, the first two notes of the footnotes part.
FOOTNOTE_SEPARATORS = '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'


def core_properties(document: Document) -> str:
    """docProps/core.xml: the document's title, created and modified now."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{_XML}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(document_title(document)[:255])}</dc:title>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_properties() -> str:
    """docProps/app.xml: marks the file as written by outline2docx."""
    from outline2docx import __version__

    return (
        f"{_XML}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>outline2docx {__version__}</Application></Properties>"
    )


def document_title(document: Document) -> str:
    """The first title of the document, its lines joined."""
    lines: list[str] = []
    for paragraph in document.paragraphs():
        if paragraph.role is Role.TITLE:
            lines.append(paragraph.text)
        elif lines:
            break
    return "".join(lines)
