"""Assemble the .docx package: a zip of the few WordprocessingML parts a 公文 needs.

The writer builds each part as text and zips it; it imports neither python-docx nor lxml.
That is deliberate: importing python-docx alone takes longer than pandoc needs to convert a
whole speech, and converting a folder of drafts pays start-up once per file. The parts are
the minimal set Word, WPS and LibreOffice expect (ECMA-376 Part 1, §11.3): document, styles,
settings, font table, the two page-number footers and the package properties. Tests read
every part back with python-docx and lxml.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from outline2docx.namespaces import R_NS, RELS_NS, W_NS
from outline2docx.render.body import Body, write_body
from outline2docx.render.fonts import font_table_xml
from outline2docx.render.ooxml import escape, paragraph_xml, run_xml
from outline2docx.render.styles_xml import PAGE_NUMBER_STYLES, style_ids, styles_xml
from outline2docx.style import HouseStyle
from outline2docx.tree.nodes import Document, Role

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"
_CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_MS_WORD = "http://schemas.microsoft.com/office/word"
_DRAWING_NAMESPACES = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)

# (part name, content type, relationship type from the main document or None)
_FOOTER = (f"{_WML}.footer+xml", f"{R_NS}/footer")
_WORD_PARTS = (
    ("word/styles.xml", f"{_WML}.styles+xml", f"{R_NS}/styles"),
    ("word/settings.xml", f"{_WML}.settings+xml", f"{R_NS}/settings"),
    ("word/fontTable.xml", f"{_WML}.fontTable+xml", f"{R_NS}/fontTable"),
    ("word/footer1.xml", *_FOOTER),  # rId4: odd pages
    ("word/footer2.xml", *_FOOTER),  # rId5: even pages
)
# The imprint's page: its footers carry the imprint above the page number (rId6, rId7).
_IMPRINT_PARTS = (("word/footer3.xml", *_FOOTER), ("word/footer4.xml", *_FOOTER))


_FOOTNOTES_PART = (("word/footnotes.xml", f"{_WML}.footnotes+xml", f"{R_NS}/footnotes"),)


def _word_parts(body: Body) -> tuple[tuple[str, str, str], ...]:
    # Ids follow the order: footnotes come last, so the footers keep rId4-rId7.
    return (
        _WORD_PARTS
        + (_IMPRINT_PARTS if body.imprint else ())
        + (_FOOTNOTES_PART if body.footnotes else ())
    )


def render_docx(document: Document, style: HouseStyle) -> bytes:
    """The .docx file of ``document`` in ``style``, as bytes."""
    ids = style_ids(style)
    body = write_body(document, style, ids)
    odd, even = (ids[name] for name in PAGE_NUMBER_STYLES)
    parts = {
        "[Content_Types].xml": _content_types(body),
        "_rels/.rels": _package_rels(),
        "docProps/core.xml": _core_properties(document),
        "docProps/app.xml": _app_properties(),
        "word/_rels/document.xml.rels": _document_rels(body),
        "word/document.xml": _document_xml(body, style),
        "word/styles.xml": _XML + styles_xml(style, ids),
        "word/settings.xml": _settings_xml(style, footnotes=bool(body.footnotes)),
        "word/fontTable.xml": _XML + font_table_xml(style),
        "word/footer1.xml": _footer_xml(style, odd),
        "word/footer2.xml": _footer_xml(style, even),
    }
    if body.imprint:
        parts["word/footer3.xml"] = _footer_xml(style, odd, body.imprint)
        parts["word/footer4.xml"] = _footer_xml(style, even, body.imprint)
    if body.footnotes:
        parts["word/footnotes.xml"] = (
            f'{_XML}<w:footnotes xmlns:w="{W_NS}">{body.footnotes}</w:footnotes>'
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as package:
        for name, xml in parts.items():
            package.writestr(name, xml.encode("utf-8"))
        for media in body.media:  # already compressed formats: stored as they are
            package.writestr(media.part_name, media.data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


_IMAGE_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "tif": "image/tiff",
}


def _content_types(body: Body) -> str:
    extensions = sorted({m.part_name.rsplit(".", 1)[1] for m in body.media})
    images = "".join(
        f'<Default Extension="{e}" ContentType="{_IMAGE_TYPES[e]}"/>' for e in extensions
    )
    overrides = [
        ("/word/document.xml", f"{_WML}.document.main+xml"),
        ("/docProps/core.xml", _CT_CORE),
        ("/docProps/app.xml", _CT_APP),
        *((f"/{name}", content_type) for name, content_type, _ in _word_parts(body)),
    ]
    return (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{_CT_RELS}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + images
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "</Types>"
    )


def _relationships(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{to}"/>' for i, t, to in rels)
    return f'{_XML}<Relationships xmlns="{RELS_NS}">{body}</Relationships>'


def _package_rels() -> str:
    return _relationships(
        [
            ("rId1", f"{R_NS}/officeDocument", "word/document.xml"),
            ("rId2", _REL_CORE, "docProps/core.xml"),
            ("rId3", f"{R_NS}/extended-properties", "docProps/app.xml"),
        ]
    )


def _document_rels(body: Body) -> str:
    rels = [
        (f"rId{n}", reltype, name.removeprefix("word/"))
        for n, (name, _, reltype) in enumerate(_word_parts(body), start=1)
    ]
    rels += [(m.rel_id, f"{R_NS}/image", m.part_name.removeprefix("word/")) for m in body.media]
    return _relationships(rels)


_TEXT_FOOTERS = ("rId4", "rId5")  # footer1 and footer2: odd and even pages
_IMPRINT_FOOTERS = ("rId6", "rId7")  # footer3 and footer4: the imprint's page


def _document_xml(body: Body, style: HouseStyle) -> str:
    text = body.xml
    section = _section_xml(style, _TEXT_FOOTERS)
    if body.imprint:
        # The text's section ends; the imprint's section starts on the next even page, whose
        # footer holds the imprint right above the page number (GB/T 9704 7.4: 版记 at the
        # foot of the last even page).
        text += f"<w:p><w:pPr>{section}</w:pPr></w:p><w:p/>"
        section = _section_xml(style, _IMPRINT_FOOTERS, even_page=True)
    return (
        f'{_XML}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" {_DRAWING_NAMESPACES}>'
        f"<w:body>{text}{section}</w:body></w:document>"
    )


def _section_xml(style: HouseStyle, footers: tuple[str, str], even_page: bool = False) -> str:
    page = style.page
    odd_id, even_id = footers
    even = f'<w:footerReference w:type="even" r:id="{even_id}"/>' if page.duplex else ""
    start = '<w:type w:val="evenPage"/>' if even_page else ""
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{odd_id}"/>{even}{start}'
        f'<w:pgSz w:w="{page.width}" w:h="{page.height}"/>'
        f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" '
        f'w:left="{page.left}" w:header="{page.header}" w:footer="{page.footer}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{page.line_pitch}"/></w:sectPr>'
    )


def _footer_xml(style: HouseStyle, style_id: str, above: str = "") -> str:
    before, after = style.page_number.format.split("{page}")
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    runs = (run_xml(before) if before else "") + field + (run_xml(after) if after else "")
    return f'{_XML}<w:ftr xmlns:w="{W_NS}">{above}{paragraph_xml(style_id, runs)}</w:ftr>'


def _settings_xml(style: HouseStyle, footnotes: bool = False) -> str:
    duplex = "<w:evenAndOddHeaders/>" if style.page.duplex else ""
    separators = (
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        if footnotes
        else ""
    )
    return (
        # In schema order, which Word insists on: zoom, defaultTabStop, evenAndOddHeaders, …
        f'{_XML}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        f'<w:defaultTabStop w:val="420"/>{duplex}'
        # Full-width punctuation keeps its full width: the 28-character grid depends on it.
        f'<w:characterSpacingControl w:val="doNotCompress"/>{separators}'
        "<w:compat><w:useFELayout/>"
        f'<w:compatSetting w:name="compatibilityMode" w:uri="{_MS_WORD}" w:val="15"/>'
        "</w:compat>"
        f'<w:themeFontLang w:val="en-US" w:eastAsia="{escape(style.text.language)}"/>'
        "</w:settings>"
    )


def _core_properties(document: Document) -> str:
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


def _app_properties() -> str:
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
