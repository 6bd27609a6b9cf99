"""A house style as the styles part of a Word document (word/styles.xml).

Only styles the roles use are written, with explicit fonts and no theme font attributes, so
what the house style says is what Word, WPS and LibreOffice show. Word's own styles keep their
built-in ids (Normal, Heading1, Title …), which localized Word displays as 正文, 标题 1 ….
"""

from __future__ import annotations

import math
import re

from outline2docx.namespaces import W_NS
from outline2docx.render.ooxml import ALIGN, escape, half_points
from outline2docx.style import HouseStyle, Look

BUILTIN_IDS = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "footer": "Footer",
    "header": "Header",
    "Default Paragraph Font": "DefaultParagraphFont",
    **{f"heading {n}": f"Heading{n}" for n in range(1, 10)},
}
PAGE_NUMBER_STYLES = ("GW Page Number Odd", "GW Page Number Even")
TABLE_STYLE_ID = "GWTable"
FOOTNOTE_REFERENCE = "FootnoteReference"  # Word's built-in character style for note marks
FOOTNOTE_REFERENCE_STYLE = (
    f'<w:style w:type="character" w:styleId="{FOOTNOTE_REFERENCE}">'
    '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
)
_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
# Tables take the borders here and their text from the table_text role's paragraph style.
TABLE_STYLE = (
    f'<w:style w:type="table" w:styleId="{TABLE_STYLE_ID}"><w:name w:val="GW Table"/>'
    '<w:aliases w:val="公文表格"/><w:tblPr><w:tblBorders>'
    + "".join(
        f"<w:{edge} {_BORDER}/>"
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + '</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
    '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
)


StyleIds = dict[str, str]  # Word style name -> style id


def style_ids(style: HouseStyle) -> StyleIds:
    """Ids for the paragraph and character styles of ``style``: built-in or derived from names."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    names = [*style.paragraph_styles, *style.character_styles, "footer", *PAGE_NUMBER_STYLES]
    for name in names:
        base = BUILTIN_IDS.get(name) or re.sub(r"[^A-Za-z0-9]", "", name) or "GWStyle"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}{n}"
        ids[name] = candidate
        taken.add(candidate)
    return ids


def styles_xml(style: HouseStyle, ids: StyleIds) -> str:
    """The whole w:styles document for ``style``."""
    used_paragraphs = {paragraph for paragraph, _ in style.roles.values()} | {"Normal"}
    used_leads = {lead for _, lead in style.roles.values() if lead} | set(style.inline.values())
    parts = [
        f'<w:styles xmlns:w="{W_NS}">',
        _doc_defaults(style),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
    ]
    for name, look in style.paragraph_styles.items():
        if name in used_paragraphs:
            parts.append(_paragraph_style(style, ids, name, look))
    for name, look in style.character_styles.items():
        if name in used_leads:
            parts.append(_character_style(style, ids, name, look))
    parts.extend(_page_number_styles(style, ids))
    parts.append(TABLE_STYLE)
    parts.append(FOOTNOTE_REFERENCE_STYLE)
    parts.append("</w:styles>")
    return "".join(parts)


def _doc_defaults(style: HouseStyle) -> str:
    text = style.text
    return (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{escape(text.latin)}" w:hAnsi="{escape(text.latin)}" '
        f'w:eastAsia="{escape(text.east_asian)}" w:cs="{escape(text.latin)}"/>'
        f'<w:spacing w:val="{grid_char_spacing(style)}"/>'
        f'<w:sz w:val="{half_points(text.size)}"/><w:szCs w:val="{half_points(text.size)}"/>'
        f'<w:lang w:val="en-US" w:eastAsia="{escape(text.language)}" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        "<w:pPrDefault><w:pPr>"
        f'<w:spacing w:before="0" w:after="0" w:line="{style.page.line_pitch}" w:lineRule="exact"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )


def grid_char_spacing(style: HouseStyle) -> int:
    """Character spacing (twentieths of a point) that fits ``chars`` characters on a line.

    LibreOffice lays a 16 pt glyph on two cells of a linesAndChars grid, so the grid is a lines
    grid and the body text is condensed instead: 28 characters of (16 pt - 0.25 pt) fill the
    156 mm text block in Word, WPS and LibreOffice alike.
    """
    spare = style.char_pitch - style.text.size  # points per character, negative to condense
    return math.floor(spare * 20)


def char_width_twips(style: HouseStyle, size: float | None = None) -> float:
    """Width of one character of ``size`` points (default: body size) in twips."""
    return ((size or style.text.size) + grid_char_spacing(style) / 20) * 20


def _paragraph_style(style: HouseStyle, ids: StyleIds, name: str, look: Look) -> str:
    style_id = ids[name]
    default = ' w:default="1"' if style_id == "Normal" else ""
    head = [f'<w:style w:type="paragraph"{default} w:styleId="{style_id}">', _names(name, look)]
    if style_id != "Normal":
        head.append('<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>')
    if look.outline_level:
        head.append('<w:uiPriority w:val="9"/>')
    head.append("<w:qFormat/>")
    return "".join(head) + _ppr(style, look) + _rpr(look) + "</w:style>"


def _character_style(style: HouseStyle, ids: StyleIds, name: str, look: Look) -> str:
    return (
        f'<w:style w:type="character" w:styleId="{ids[name]}">{_names(name, look)}'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>' + _rpr(look) + "</w:style>"
    )


# Where the odd- and even-page numbers stand, by the style's page_number.position.
PAGE_NUMBER_PLACES = {
    # GB/T 9704 §7.5: on the outer side, one character in: odd pages right, even pages left.
    "outer": lambda indent: (
        Look(alias="奇数页页码", align="right", first_line_indent=0, right_indent=indent),
        Look(alias="偶数页页码", align="left", first_line_indent=0, left_indent=indent),
    ),
    "center": lambda indent: (
        Look(alias="奇数页页码", align="center", first_line_indent=0),
        Look(alias="偶数页页码", align="center", first_line_indent=0),
    ),
}


def _page_number_styles(style: HouseStyle, ids: StyleIds) -> list[str]:
    number = style.page_number
    font = Look(east_asian=number.east_asian, latin=number.latin, size=number.size)
    odd, even = PAGE_NUMBER_PLACES[number.position](number.indent)
    footer = (
        f'<w:style w:type="paragraph" w:styleId="{ids["footer"]}"><w:name w:val="footer"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        + _ppr(style, Look(first_line_indent=0, line_spacing=("auto", 240)), size=number.size)
        + _rpr(font)
        + "</w:style>"
    )
    styles = [footer]
    for name, look in zip(PAGE_NUMBER_STYLES, (odd, even), strict=True):
        styles.append(
            f'<w:style w:type="paragraph" w:styleId="{ids[name]}">{_names(name, look)}'
            f'<w:basedOn w:val="{ids["footer"]}"/>'
            + _ppr(style, look, size=number.size)
            + "</w:style>"
        )
    return styles


def _names(name: str, look: Look) -> str:
    alias = f'<w:aliases w:val="{escape(look.alias)}"/>' if look.alias else ""
    return f'<w:name w:val="{escape(name)}"/>{alias}'


def _ppr(style: HouseStyle, look: Look, size: float | None = None) -> str:
    pitch = style.page.line_pitch
    char = char_width_twips(style, size or look.size)
    parts = []
    if look.keep_with_next:
        parts.append("<w:keepNext/>")
    if look.page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if look.widow_control is not None:
        parts.append("<w:widowControl/>" if look.widow_control else '<w:widowControl w:val="0"/>')
    # The schema fixes the order of w:pPr's children (Word rejects others): pBdr, then tabs.
    rules = [
        (edge, b) for edge, b in (("top", look.border_top), ("bottom", look.border_bottom)) if b
    ]
    if rules:
        parts.append(
            "<w:pBdr>"
            + "".join(
                f'<w:{edge} w:val="single" w:sz="{rule.width}" w:space="{rule.space}" '
                f'w:color="{rule.color}"/>'
                for edge, rule in rules
            )
            + "</w:pBdr>"
        )
    if look.right_tab:
        position = style.page.text_width - round((look.right_indent or 0) * char)
        parts.append(f'<w:tabs><w:tab w:val="right" w:pos="{position}"/></w:tabs>')
    if look.snap_to_grid is not None:
        parts.append("<w:snapToGrid/>" if look.snap_to_grid else '<w:snapToGrid w:val="0"/>')
    spacing = []
    if look.space_before is not None:
        lines = look.space_before
        spacing.append(f'w:before="{round(lines * pitch)}" w:beforeLines="{round(lines * 100)}"')
    if look.space_after is not None:
        lines = look.space_after
        spacing.append(f'w:after="{round(lines * pitch)}" w:afterLines="{round(lines * 100)}"')
    if look.line_spacing is not None:
        rule, value = look.line_spacing
        spacing.append(f'w:line="{value}" w:lineRule="{rule}"')
    if spacing:
        parts.append(f"<w:spacing {' '.join(spacing)}/>")
    indent = []
    for attr, value in (
        ("left", look.left_indent),
        ("right", look.right_indent),
        ("firstLine", look.first_line_indent),
    ):
        if value is not None:
            indent.append(f'w:{attr}Chars="{round(value * 100)}" w:{attr}="{round(value * char)}"')
    if indent:
        parts.append(f"<w:ind {' '.join(indent)}/>")
    if look.contextual_spacing is not None:
        parts.append(
            "<w:contextualSpacing/>"
            if look.contextual_spacing
            else '<w:contextualSpacing w:val="0"/>'
        )
    if look.align:
        parts.append(f'<w:jc w:val="{ALIGN[look.align]}"/>')
    if look.outline_level:
        parts.append(f'<w:outlineLvl w:val="{look.outline_level - 1}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def _rpr(look: Look) -> str:
    parts = []
    fonts = []
    if look.latin:
        latin = escape(look.latin)
        fonts.append(f'w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}"')
    if look.east_asian:
        fonts.append(f'w:eastAsia="{escape(look.east_asian)}"')
    if fonts:
        parts.append(f"<w:rFonts {' '.join(fonts)}/>")
    if look.bold is not None:
        value = "" if look.bold else ' w:val="0"'
        parts.append(f"<w:b{value}/><w:bCs{value}/>")
    if look.italic is not None:
        value = "" if look.italic else ' w:val="0"'
        parts.append(f"<w:i{value}/><w:iCs{value}/>")
    if look.color:
        parts.append(f'<w:color w:val="{look.color}"/>')
    if look.size:
        size = half_points(look.size)
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""
