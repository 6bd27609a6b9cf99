"""The imprint (版记) at the foot of the last page, which is even (GB/T 9704 §7.4, §7.5).

The imprint is a text box anchored in a paragraph after the text, aligned to the bottom of the
text block with its lines at its own bottom: its last rule lands on the text block's bottom
edge whatever its height, in Word and in LibreOffice. Which page that paragraph falls on
depends on where the text ends, which only a layout knows; ``Placement`` says what a layout
found (render/layout.py measures it in LibreOffice), and ``ENDINGS`` how each placement is
written: on the text's last page when that page is even and has room; on the next page when
the text ends on an odd page; after a blank page when an even page is full (GB/T 9704 §7.5:
then neither page is numbered). Without a layout the imprint's section starts on the next
even page, which is right unless the text ends on an even page with room.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from outline2docx.render.ending import text_width
from outline2docx.render.ooxml import EMU_PER_TWIP, escape
from outline2docx.render.schema import ordered_xml
from outline2docx.render.styles_xml import char_width_twips
from outline2docx.style import HouseStyle
from outline2docx.tree.meta import Meta

# What the box is written in: DrawingML (Word 2010 on, LibreOffice) and, for consumers of
# ECMA-376 alone, the same box in VML, as Word writes text boxes itself.
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
W10_NS = "urn:schemas-microsoft-com:office:word"
BOX_NAMESPACES = {"mc": MC_NS, "wps": WPS_NS, "v": V_NS, "w10": W10_NS}
# The paragraphs that carry the box (and the text's section break) are 1 pt high and off the
# line grid: they cost the last page no line of its own.
ANCHOR_LINE = 20  # twips


class Placement(Enum):
    """Where the imprint goes, as a layout of the text found it."""

    NEXT_EVEN = "next-even"  # not measured: on the next even page (wrong after an even page)
    SAME_PAGE = "same-page"  # the text ends on an even page with room for it
    NEXT_PAGE = "next-page"  # the text ends on an odd page
    AFTER_BLANK = "after-blank"  # the text fills an even page: a blank page, then the imprint
    NONE = "none"  # no imprint: the text alone, as the layout measures it


@dataclass(frozen=True, slots=True)
class Ending:
    """How a placement is written after the text."""

    section: str = ""  # the imprint's own section starts on this (w:type), "" for none
    numbered: bool = True  # the imprint's section has page numbers
    blank_page: bool = False  # a blank page before the imprint's
    new_page: bool = False  # the box's paragraph starts a page
    # Footers that fill the bottom margin: LibreOffice sizes the footers of a section that
    # starts on an even page by their content, which would lower the text block's bottom.
    full_footers: bool = False


ENDINGS: dict[Placement, Ending] = {
    Placement.NEXT_EVEN: Ending(section="evenPage", full_footers=True),
    Placement.SAME_PAGE: Ending(),
    Placement.NEXT_PAGE: Ending(new_page=True),
    Placement.AFTER_BLANK: Ending(
        section="nextPage", numbered=False, blank_page=True, new_page=True
    ),
}


def ending_xml(placement: Placement, box: str, text_section: str) -> str:
    """The paragraphs after the text: the text's end (with ``text_section``, its w:sectPr,
    when the imprint has a section of its own), a blank page, the box's paragraph."""
    if placement is Placement.NONE:
        return anchor_paragraph()
    ending = ENDINGS[placement]
    xml = anchor_paragraph(section=text_section if ending.section else "")
    if ending.blank_page:
        xml += "<w:p/>"
    return xml + anchor_paragraph(box, new_page=ending.new_page)


def anchor_paragraph(box: str = "", section: str = "", new_page: bool = False) -> str:
    """A paragraph 1 pt high holding ``box``, or ending a section with ``section``."""
    properties = [
        ("snapToGrid", '<w:snapToGrid w:val="0"/>'),
        ("spacing", f'<w:spacing w:after="0" w:line="{ANCHOR_LINE}" w:lineRule="exact"/>'),
        ("ind", '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'),
    ]
    if new_page:
        properties.append(("pageBreakBefore", "<w:pageBreakBefore/>"))
    if section:
        properties.append(("sectPr", section))
    return f"<w:p><w:pPr>{ordered_xml('pPr', properties)}</w:pPr>{box}</w:p>"


@dataclass(frozen=True, slots=True)
class BoxSize:
    """The imprint box's size, twips: the text block's width, a whole number of lines high."""

    width: int
    height: int

    @classmethod
    def of(cls, lines: list[str], width: int, char_width: float, line_pitch: int) -> BoxSize:
        """Room for the imprint's ``lines`` (characters ``char_width`` twips wide), a line
        pitch each, and one pitch more for its rules."""
        per_line = max(1, int(width // char_width) - 2)  # less a character each side
        rows = sum(max(1, math.ceil(text_width(line) / per_line)) for line in lines)
        return cls(width, (rows + 1) * line_pitch)


def imprint_lines(meta: Meta) -> list[tuple[str, str]]:
    """The 版记's lines as (style key, text): 抄送 over 印发机关 and 印发日期; none when the
    metadata names none of them."""
    if not meta.has_imprint:
        return []
    lines = []
    copies = meta.copies_to
    if copies:
        copies = copies if copies.startswith("抄送") else f"抄送：{copies}"
        copies = copies if copies.endswith("。") else copies + "。"
        lines.append(("imprint_copy", copies))
    on = meta.printed_on
    printed = f"{meta.printed_by}\t{on if not on or on.endswith('印发') else on + '印发'}"
    lines.append(("imprint_printed" if copies else "imprint_single", printed))
    return lines


def box_size(meta: Meta, style: HouseStyle, width: int) -> BoxSize:
    """The size of the box of ``meta``'s imprint on a text block ``width`` twips wide."""
    texts = [text for _, text in imprint_lines(meta)]
    return BoxSize.of(texts, width, char_width_twips(style), style.page.line_pitch)


def box_xml(paragraphs: str, size: BoxSize, shape_id: int) -> str:
    """A run holding the imprint's ``paragraphs`` in a box at the bottom of the text block."""
    cx, cy = size.width * EMU_PER_TWIP, size.height * EMU_PER_TWIP
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapTopAndBottom/><wp:docPr id="{shape_id}" name="{escape(BOX_NAME)}"/>'
        "<wp:cNvGraphicFramePr/>"
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    vml = (
        f'<w:pict><v:shape id="{escape(BOX_NAME)}" filled="f" stroked="f" style="'
        f"position:absolute;margin-left:0;margin-top:0;width:{size.width / 20:g}pt;"
        f"height:{size.height / 20:g}pt;z-index:1;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:margin;mso-position-vertical:bottom;"
        'mso-position-vertical-relative:margin;v-text-anchor:bottom">'
        f'<v:textbox inset="0,0,0,0"><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox>'
        '<w10:wrap type="topAndBottom"/></v:shape></w:pict>'
    )
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"
    )


BOX_NAME = "版记"
