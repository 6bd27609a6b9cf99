"""Checks on the rendered pages: a document through LibreOffice, its PDF measured, GB/T 9704's
page rules applied (``check --render``, ``convert --verify``).

measure.py reads the PDF into pages of lines; rules.py holds the numbers and the rules; this
module renders, finds the fonts LibreOffice had to replace, and ties them together.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from outline2docx.i18n import _
from outline2docx.lint import RENDER_CODES
from outline2docx.pdf import PdfError, export_pdf, find_office
from outline2docx.tree.nodes import Document
from outline2docx.verify.measure import MeasureError, missing_tools, pdf_fonts, read_pages
from outline2docx.verify.rules import Finding, Rendering, run_checks

__all__ = ["RENDER_CODES", "Finding", "MeasureError", "PdfError", "check_docx", "check_source"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_FONT_KEYS = (f"{W}ascii", f"{W}hAnsi", f"{W}eastAsia", "typeface")
_NO_SUCH_FONT = "outline2docx-no-such-font"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A rendered document's findings, and how many pages it has."""

    findings: list[Finding]
    pages: int


def unavailable(option: str = "--render") -> str | None:
    """Why ``option``'s rendered checks cannot run here (a sentence), or None when they can."""
    if find_office() is None:
        needed = _(
            "{option} needs LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui)"
        )
        return needed.format(option=option)
    if missing := missing_tools():
        needed = _("{option} needs poppler-utils ({tools}): apt install poppler-utils")
        return needed.format(option=option, tools=", ".join(missing))
    return None


def check_docx(docx: Path, document: Document) -> Verdict:
    """Render ``docx`` through LibreOffice and check its pages; ``document`` is its tree."""
    with tempfile.TemporaryDirectory(prefix="outline2docx-verify-") as folder:
        pdf = export_pdf(Path(docx), Path(folder))
        pages = read_pages(pdf)
        rendering = Rendering(pages, document, pdf, substituted_fonts(Path(docx), pdf))
        return Verdict(run_checks(rendering) if pages else [], len(pages))


def check_source(source: Path, settings=None) -> Verdict:
    """A .docx checked as it is; a text draft converted by outline2docx first, then checked."""
    from outline2docx.pipeline import Settings, publish, read

    settings = settings or Settings()
    if Path(source).suffix.lower() == ".docx":
        return check_docx(Path(source), read(Path(source), settings).document)
    publication = publish(Path(source), settings)
    with tempfile.TemporaryDirectory(prefix="outline2docx-verify-") as folder:
        docx = Path(folder) / (Path(source).stem + ".docx")
        docx.write_bytes(publication.data)
        return check_docx(docx, publication.document)


def substituted_fonts(docx: Path, pdf: Path) -> dict[str, str]:
    """Fonts ``docx`` names that fontconfig (with our aliases) sends to its fallback, and that
    fallback, when the PDF shows it was drawn."""
    if shutil.which("fc-match") is None:
        return {}
    drawn = {name.split("-")[0].replace(",", "") for name in pdf_fonts(pdf)}
    fallback = _matched(_NO_SUCH_FONT)
    found = {}
    for name in _named_fonts(docx):
        matched = _matched(name)
        if matched == fallback and name != fallback and matched.replace(" ", "") in drawn:
            found[name] = matched
    return found


def _named_fonts(docx: Path) -> set[str]:
    """The fonts ``docx`` asks for: in run fonts, and the theme's Latin and East Asian ones."""
    names: set[str] = set()
    with zipfile.ZipFile(docx) as package:
        for part in package.namelist():
            if re.fullmatch(r"word/(styles|document|theme/theme\d+)\.xml", part):
                root = etree.fromstring(package.read(part))
                for element in root.iter(f"{W}rFonts", f"{A}latin", f"{A}ea"):
                    names.update(element.get(key) or "" for key in _FONT_KEYS)
    return {name for name in names if name.strip()}


def _matched(name: str) -> str:
    fonts = resources.files("outline2docx") / "data" / "fonts.conf"
    environment = {**os.environ, "FONTCONFIG_FILE": str(fonts)}
    done = subprocess.run(["fc-match", "-f", "%{family[0]}", name], capture_output=True,
                          env=environment, timeout=30)  # fmt: skip
    return done.stdout.decode("utf-8", "replace").strip()
