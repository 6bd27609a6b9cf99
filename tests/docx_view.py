"""Read a written .docx back the way Word resolves it: each paragraph's and run's effective
fonts, size, bold, indent and alignment, through the style chain down to docDefaults.

Independent of the renderer's code on purpose: it reads only the file.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class RunView:
    text: str
    char_style: str | None  # style name
    east_asian: str | None
    latin: str | None
    size: float | None
    bold: bool
    hint: str | None


@dataclass(frozen=True)
class ParagraphView:
    text: str
    style: str  # style name
    east_asian: str | None
    size: float | None
    bold: bool
    align: str | None
    first_line_chars: int | None
    left_chars: int | None
    right_chars: int | None
    outline_level: int | None  # 1-based
    keep_with_next: bool
    page_break_before: bool
    runs: tuple[RunView, ...]


class DocxView:
    """The paragraphs of a .docx with their effective formatting."""

    def __init__(self, path: Path | bytes) -> None:
        source = path if isinstance(path, Path) else __import__("io").BytesIO(path)
        with zipfile.ZipFile(source) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.styles_root = etree.fromstring(self.parts["word/styles.xml"])
        self.styles = {s.get(f"{W}styleId"): s for s in self.styles_root.iter(f"{W}style")}
        self.defaults_rpr = self.styles_root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults_ppr = self.styles_root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")

    def xml(self, part: str):
        return etree.fromstring(self.parts[part])

    def style_name(self, style_id: str) -> str:
        return self.styles[style_id].find(f"{W}name").get(f"{W}val")

    def _chain(self, style_id: str | None) -> list:
        chain = []
        while style_id:
            style = self.styles[style_id]
            chain.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return chain

    def _first(self, elements, path: str, attr: str):
        for element in elements:
            if element is None:
                continue
            found = element.find(path)
            if found is not None and found.get(f"{W}{attr}") is not None:
                return found.get(f"{W}{attr}")
        return None

    def _bold(self, rprs) -> bool:
        for rpr in rprs:
            if rpr is None:
                continue
            b = rpr.find(f"{W}b")
            if b is not None:
                return b.get(f"{W}val") not in ("0", "false")
        return False

    def paragraphs(self) -> list[ParagraphView]:
        return [self._paragraph(p) for p in self.document.iter(f"{W}p")]

    def _paragraph(self, p) -> ParagraphView:
        ppr = p.find(f"{W}pPr")
        style_id = "Normal"
        if ppr is not None and ppr.find(f"{W}pStyle") is not None:
            style_id = ppr.find(f"{W}pStyle").get(f"{W}val")
        chain = self._chain(style_id)
        pprs = [ppr] + [s.find(f"{W}pPr") for s in chain] + [self.defaults_ppr]
        rprs = [s.find(f"{W}rPr") for s in chain] + [self.defaults_rpr]
        runs = tuple(
            self._run(r, rprs)
            for r in p.iter(f"{W}r")
            if r.find(f"{W}t") is not None or r.find(f"{W}tab") is not None
        )
        outline = self._first(pprs, f"{W}outlineLvl", "val")
        keep, page_break = (
            next(
                (k for k in (x.find(f"{W}{tag}") for x in pprs if x is not None) if k is not None),
                None,
            )
            for tag in ("keepNext", "pageBreakBefore")
        )
        chars = {
            a: self._first(pprs, f"{W}ind", f"{a}Chars") for a in ("firstLine", "left", "right")
        }
        size = self._first(rprs, f"{W}sz", "val")
        return ParagraphView(
            text="".join(r.text for r in runs),
            style=self.style_name(style_id),
            east_asian=self._first(rprs, f"{W}rFonts", "eastAsia"),
            size=int(size) / 2 if size else None,
            bold=self._bold(rprs),
            align=self._first(pprs, f"{W}jc", "val"),
            first_line_chars=int(chars["firstLine"]) if chars["firstLine"] else None,
            left_chars=int(chars["left"]) if chars["left"] else None,
            right_chars=int(chars["right"]) if chars["right"] else None,
            outline_level=int(outline) + 1 if outline is not None else None,
            keep_with_next=keep is not None and keep.get(f"{W}val") not in ("0", "false"),
            page_break_before=page_break is not None
            and page_break.get(f"{W}val") not in ("0", "false"),
            runs=runs,
        )

    def _run(self, r, paragraph_rprs) -> RunView:
        rpr = r.find(f"{W}rPr")
        char_style = None
        if rpr is not None and rpr.find(f"{W}rStyle") is not None:
            char_style = rpr.find(f"{W}rStyle").get(f"{W}val")
        char_chain = [s.find(f"{W}rPr") for s in self._chain(char_style)] if char_style else []
        rprs = [rpr, *char_chain, *paragraph_rprs]
        size = self._first(rprs, f"{W}sz", "val")
        text = "".join(
            (child.text or "") if child.tag == f"{W}t" else "\t"
            for child in r
            if child.tag in (f"{W}t", f"{W}tab")
        )
        return RunView(
            text=text,
            char_style=self.style_name(char_style) if char_style else None,
            east_asian=self._first(rprs, f"{W}rFonts", "eastAsia"),
            latin=self._first(rprs, f"{W}rFonts", "ascii"),
            size=int(size) / 2 if size else None,
            bold=self._bold(rprs),
            hint=rpr.find(f"{W}rFonts").get(f"{W}hint")
            if rpr is not None and rpr.find(f"{W}rFonts") is not None
            else None,
        )
