"""Small WordprocessingML helpers shared by the style and body writers: units, text, runs."""

from __future__ import annotations

import re

from outline2docx.read.lines import NOT_XML

# Characters Word draws with the Latin font unless told the run is East Asian text: quotes,
# dashes, ellipsis, middle dot (the "ambiguous" characters of ../shared/spec/gbt9704.md §4).
AMBIGUOUS = re.compile("[\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u00b7\u2013\u2025\u2027\u00a7]")

ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
EMU_PER_TWIP = 635  # DrawingML's English Metric Units in a twentieth of a point


def escape(text: str) -> str:
    """Text escaped for XML character data and attribute values, unholdable characters dropped."""
    # The text parser removes (and reports) these; other front-ends may pass them on, and a
    # document holding one would not open.
    text = NOT_XML.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def half_points(points: float) -> int:
    """A font size in points as OOXML half-points (w:sz)."""
    return round(points * 2)


def run_xml(text: str, char_style: str | None = None) -> str:
    """One w:r holding ``text``; tabs become w:tab, ambiguous punctuation gets the CJK hint."""
    props = []
    if char_style:
        props.append(f'<w:rStyle w:val="{char_style}"/>')
    if AMBIGUOUS.search(text):
        props.append('<w:rFonts w:hint="eastAsia"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    content = "<w:tab/>".join(_t(piece) for piece in text.split("\t"))
    return f"<w:r>{rpr}{content}</w:r>"


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""


def paragraph_xml(style_id: str, runs: str, properties: str = "") -> str:
    """One w:p in paragraph style ``style_id`` holding the given runs.

    ``properties`` are further w:pPr children, in schema order after w:pStyle.
    """
    # Normal is the default style: no pStyle needed
    style = "" if style_id == "Normal" else f'<w:pStyle w:val="{style_id}"/>'
    if not style and not properties:
        return f"<w:p>{runs}</w:p>"
    return f"<w:p><w:pPr>{style}{properties}</w:pPr>{runs}</w:p>"
