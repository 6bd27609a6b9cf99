"""A rendered PDF measured: pages of text lines with their boxes, ink edges and fonts.

poppler-utils do the reading (pdftotext -bbox-layout for the lines, pdftoppm for the ink,
pdffonts for the fonts): they come with LibreOffice's usual companions on every Linux, and a
PDF library would add a dependency for the same three facts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from outline2docx.errors import Outline2DocxError
from outline2docx.i18n import _

POINTS_PER_MM = 72 / 25.4
XHTML = "{http://www.w3.org/1999/xhtml}"
TOOLS = ("pdftotext", "pdftoppm", "pdffonts")


class MeasureError(Outline2DocxError):
    """poppler-utils are missing or could not read the PDF."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a page: its text without spaces and its box in points."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    words: tuple[tuple[str, float, float], ...] = ()  # (word, x0, x1)

    @property
    def height(self) -> float:
        """The line box's height in points."""
        return self.y1 - self.y0

    @property
    def centre(self) -> float:
        """The horizontal middle of the line."""
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class Page:
    """A page: its number in the PDF (from 1), size in points and lines top to bottom."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All the page's text, without spaces."""
        return "".join(line.text for line in self.lines)


def missing_tools() -> list[str]:
    """The poppler-utils programs this module needs and cannot find."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _run(command: list[str]) -> bytes:
    try:
        return subprocess.run(command, capture_output=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        failed = _("{tool} could not read the PDF: {detail}")
        raise MeasureError(failed.format(tool=command[0], detail=exc)) from None


def read_pages(pdf: Path) -> list[Page]:
    """The pages of ``pdf`` with their lines, as pdftotext -bbox-layout sees them."""
    root = etree.fromstring(_run(["pdftotext", "-bbox-layout", str(pdf), "-"]))
    pages = []
    for number, element in enumerate(root.iter(f"{XHTML}page"), start=1):
        page = Page(number, float(element.get("width")), float(element.get("height")))
        page.lines = sorted((_line(e) for e in element.iter(f"{XHTML}line")), key=_reading)
        pages.append(page)
    return pages


def _reading(line: Line) -> tuple[float, float]:
    return (round(line.y0), line.x0)


def _line(element) -> Line:
    words = tuple(
        (w.text or "", float(w.get("xMin")), float(w.get("xMax")))
        for w in element.iter(f"{XHTML}word")
    )
    box = [float(element.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
    return Line("".join("".join(w[0].split()) for w in words), *box, words=words)


def ink_rows(pdf: Path, page: int, box: tuple[float, float, float, float], dpi: int = 288):
    """The top and bottom (points) of the ink inside ``box`` of ``page``; None if blank."""
    x0, y0, x1, y1 = box
    scale = dpi / 72
    crop = [str(int(v)) for v in (x0 * scale, y0 * scale, (x1 - x0) * scale + 1,
                                  (y1 - y0) * scale + 1)]  # fmt: skip
    command = ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page)]
    image = _run([*command, "-x", crop[0], "-y", crop[1], "-W", crop[2], "-H", crop[3],
                  "-singlefile", str(pdf)])  # fmt: skip
    _magic, size, _depth, pixels = image.split(b"\n", 3)
    width, height = map(int, size.split())
    inked = [row for row in range(height) if min(pixels[row * width : (row + 1) * width]) < 160]
    if not inked:
        return None
    return int(crop[1]) / scale + inked[0] / scale, int(crop[1]) / scale + inked[-1] / scale


_FONT_ROW = re.compile(r"^(?:[A-Z]{6}\+)?(?P<name>\S+)")


def pdf_fonts(pdf: Path) -> list[str]:
    """The names of the fonts the PDF holds, subset prefixes (ABCDEF+) taken off."""
    rows = _run(["pdffonts", str(pdf)]).decode("utf-8", "replace").splitlines()[2:]
    return [m.group("name") for row in rows if (m := _FONT_ROW.match(row))]
