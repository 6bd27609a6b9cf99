"""Where the text ends on LibreOffice's pages: what places the imprint (render/imprint.py).

A .docx holds no pages: where its text ends is only known once something lays it out. The
text is rendered once without its imprint, exported through LibreOffice, and its last page
measured in the PDF: that page's parity and the room left under its last line pick the
imprint's ``Placement``. Word lays out a 公文 on the same line grid, so it ends on the same page.
"""

from __future__ import annotations

import io
import math
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from outline2docx.namespaces import W
from outline2docx.render.imprint import ANCHOR_LINE, Placement

TWIPS_PER_POINT = 20
# pdftotext's line box is the font's: it may reach a little past the grid line it sits on.
GRID_SLACK = 2.0  # points


@dataclass(frozen=True, slots=True)
class TextBlock:
    """The text block of a page, in points from the page's top: top, bottom and line pitch."""

    top: float
    bottom: float
    pitch: float | None  # None: no line grid

    @classmethod
    def of(cls, docx: bytes) -> TextBlock:
        """The text block of the last section of ``docx``."""
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            root = etree.fromstring(package.read("word/document.xml"))
        section = root.find(f"{W}body/{W}sectPr")
        height = _twips(section.find(f"{W}pgSz"), "h")
        margins = section.find(f"{W}pgMar")
        top, bottom = abs(_twips(margins, "top")), abs(_twips(margins, "bottom"))
        grid = section.find(f"{W}docGrid")
        pitch = _twips(grid, "linePitch") if grid is not None else 0
        return cls(top / 20, (height - bottom) / 20, pitch / 20 if pitch else None)

    def line_bottom(self, y: float) -> float:
        """The bottom of the grid line whose text reaches down to ``y``."""
        if self.pitch is None:
            return y
        lines = math.ceil((y - GRID_SLACK - self.top) / self.pitch)
        return min(self.bottom, self.top + max(lines, 0) * self.pitch)


def placement_of(pages: list, block: TextBlock, box_height: float) -> Placement:
    """The imprint's placement after text laid out on ``pages`` (verify.measure.Page), the
    imprint's box ``box_height`` points high."""
    last = pages[-1]
    if last.number % 2 == 1:
        return Placement.NEXT_PAGE
    ends = [line.y1 for line in last.lines if line.y0 < block.bottom]
    used = block.line_bottom(max(ends)) if ends else block.top
    needed = box_height + 2 * ANCHOR_LINE / TWIPS_PER_POINT
    return Placement.SAME_PAGE if block.bottom - used >= needed else Placement.AFTER_BLANK


class LayoutUnavailable(Exception):
    """The text could not be laid out; the message says why, for a note to the user."""


def measure_placement(probe: bytes, box_height: float, timeout: float) -> Placement:
    """The placement LibreOffice's layout of ``probe`` (the text without its imprint) calls
    for; LayoutUnavailable when LibreOffice or poppler-utils are missing or fail."""
    from outline2docx.errors import Outline2DocxError
    from outline2docx.i18n import _
    from outline2docx.pdf import export_pdf, find_office
    from outline2docx.verify.measure import missing_tools, read_pages

    if find_office() is None or missing_tools():
        raise LayoutUnavailable(_("LibreOffice and poppler-utils are needed to lay the text out"))
    block = TextBlock.of(probe)
    with tempfile.TemporaryDirectory(prefix="outline2docx-layout-") as folder:
        path = Path(folder) / "layout.docx"
        path.write_bytes(probe)
        try:
            pages = read_pages(export_pdf(path, Path(folder), timeout=timeout))
        except Outline2DocxError:
            pages = []
    if not pages or block.bottom <= block.top:
        raise LayoutUnavailable(_("LibreOffice could not lay the text out"))
    return placement_of(pages, block, box_height)


def _twips(element: etree._Element | None, name: str) -> int:
    value = element.get(f"{W}{name}") if element is not None else None
    try:
        return int(float(value)) if value is not None else 0
    except ValueError:
        return 0
