"""Reading a finished Word document's formatting: its page, and each paragraph's effective look.

Effective formatting is Word's cascade: document defaults (w:docDefaults), then the paragraph
style and the styles it is based on, then for runs their character style, then what the
paragraph or run sets directly. Theme fonts (minorEastAsia …) are looked up in the theme.
Every number comes from untrusted XML: one out of range is left unread, never raised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from outline2docx.namespaces import R_NS, R, W
from outline2docx.read.package import Package, main_document

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Runs whose text the document shows: not deleted, not the fallback copy of a text box.
_SHOWN_RUNS = etree.XPath(
    ".//w:r[w:t][not(ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback"
    " or ancestor::w:txbxContent)]",
    namespaces={
        "w": W[1:-1],
        "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    },
)
# Word's jc values, as a style's align says them.
ALIGNMENTS = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
}
# Theme font references -> (major or minor font, latin or East Asian).
THEME_FONTS = {
    "majorAscii": ("major", "latin"),
    "majorHAnsi": ("major", "latin"),
    "minorAscii": ("minor", "latin"),
    "minorHAnsi": ("minor", "latin"),
    "majorEastAsia": ("major", "ea"),
    "minorEastAsia": ("minor", "ea"),
}
TWIPS_LIMIT = 31680  # 22 inches: Word's largest page side; any length beyond is not read
MAX_FONT_NAME = 100  # characters; Word's own limit is 31
GRID_TYPES = frozenset({"lines", "linesAndChars", "snapToChars"})


def number(value: str | None, low: int, high: int) -> int | None:
    """An integer attribute from ``low`` to ``high``, or None if absent or malformed."""
    digits = value.removeprefix("-") if value is not None else ""
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
        return None
    parsed = int(digits) * (-1 if value.startswith("-") else 1)
    return parsed if low <= parsed <= high else None


def _on(element: etree._Element) -> bool:
    return element.get(f"{W}val") not in ("0", "false", "off")


@dataclass
class PageFacts:
    """The sample's final section: paper and margins in twips, its grid, and its footers."""

    lengths: dict[str, int] = field(default_factory=dict)  # width, height, top … footer
    grid_type: str | None = None
    line_pitch: int | None = None  # twips, of the document grid
    char_space: int | None = None  # 4096ths of a point added to each grid character
    footers: list[str] = field(default_factory=list)  # parts, the default footer first
    duplex: bool = False  # odd and even pages have footers of their own
    first_footer: str | None = None  # the first page's own footer part (with w:titlePg)


class Formatting:
    """Effective paragraph and run properties of a document's paragraphs."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.part = main_document(package) or ""
        self.rels = package.relationships(self.part) if self.part else {}
        styles_part = self._related("/styles")
        root = package.xml(styles_part) if styles_part else None
        self.styles = {
            s.get(f"{W}styleId", ""): s
            for s in (root.iter(f"{W}style") if root is not None else ())
        }
        self.default_paragraph = next(
            (
                sid
                for sid, s in self.styles.items()
                if s.get(f"{W}type") == "paragraph" and _on_default(s)
            ),
            "",
        )
        defaults = root.find(f"{W}docDefaults") if root is not None else None
        self.default_ppr = _find(defaults, "pPrDefault", "pPr")
        self.default_rpr = _find(defaults, "rPrDefault", "rPr")
        self.theme = self._theme()

    def _related(self, suffix: str, part: str | None = None) -> str | None:
        rels = self.rels if part is None else self.package.relationships(part)
        for reltype, target, mode in rels.values():
            if reltype == R_NS + suffix and mode != "External" and self.package.has(target):
                return target
        return None

    def _theme(self) -> dict[tuple[str, str], str]:
        part = self._related("/theme")
        if not part:
            return {}
        fonts, theme = {}, self.package.xml(part)
        for kind in ("major", "minor"):
            scheme = theme.find(f".//{A}{kind}Font")
            if scheme is None:
                continue
            latin, east = scheme.find(f"{A}latin"), scheme.find(f"{A}ea")
            hans = scheme.find(f"{A}font[@script='Hans']")
            fonts[(kind, "latin")] = latin.get("typeface", "") if latin is not None else ""
            ea = east.get("typeface", "") if east is not None else ""
            fonts[(kind, "ea")] = ea or (hans.get("typeface", "") if hans is not None else "")
        return fonts

    # ---- the cascade -------------------------------------------------------------------

    def chain(self, style_id: str) -> list[etree._Element]:
        """A style and the styles it is based on, outermost (the base) first."""
        found, seen = [], set()
        limit = self.package.limits.style_chain  # as the Word reader: a longer chain is cut
        while style_id and style_id not in seen and style_id in self.styles and len(seen) < limit:
            seen.add(style_id)
            found.append(self.styles[style_id])
            style_id = _val(self.styles[style_id].find(f"{W}basedOn")) or ""
        return found[::-1]

    def paragraph_style(self, p: etree._Element) -> str:
        """The id of the paragraph's style; the default one if it names none, or one not
        defined (Word shows such a paragraph in the default style)."""
        named = _val(p.find(f"{W}pPr/{W}pStyle"))
        return named if named in self.styles else self.default_paragraph

    def style_name(self, p: etree._Element) -> str:
        """The name of the paragraph's style, as Word shows it in English ("heading 1")."""
        style = self.styles.get(self.paragraph_style(p))
        return (_val(style.find(f"{W}name")) or "") if style is not None else ""

    def paragraph(self, p: etree._Element) -> dict[str, Any]:
        """The paragraph properties in force: jc, ind and spacing attributes, merged."""
        layers = [self.default_ppr]
        layers += [s.find(f"{W}pPr") for s in self.chain(self.paragraph_style(p))]
        layers.append(p.find(f"{W}pPr"))
        props: dict[str, Any] = {}
        for ppr in layers:
            if ppr is None:
                continue
            jc = ppr.find(f"{W}jc")
            if jc is not None and _val(jc) in ALIGNMENTS:
                props["align"] = ALIGNMENTS[_val(jc)]
            for tag in ("ind", "spacing"):
                element = ppr.find(f"{W}{tag}")
                if element is not None:
                    props.update(_indents(element) if tag == "ind" else _spacing(element))
            snap = ppr.find(f"{W}snapToGrid")
            if snap is not None:
                props["snap"] = _on(snap)
        return props

    def runs(self, p: etree._Element) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each shown run of the paragraph: its text and the run properties in force."""
        base = [self.default_rpr]
        base += [s.find(f"{W}rPr") for s in self.chain(self.paragraph_style(p))]
        for run in _SHOWN_RUNS(p):
            rpr = run.find(f"{W}rPr")
            char_style = _val(rpr.find(f"{W}rStyle")) if rpr is not None else None
            layers = base + [s.find(f"{W}rPr") for s in self.chain(char_style or "")] + [rpr]
            text = "".join(t.text or "" for t in run.findall(f"{W}t"))
            yield text, self.run_properties(layers)

    def run_properties(self, layers: list[etree._Element | None]) -> dict[str, Any]:
        """Fonts, size, bold, colour and character spacing, later layers winning."""
        props: dict[str, Any] = {"bold": False}
        for rpr in layers:
            if rpr is None:
                continue
            fonts = rpr.find(f"{W}rFonts")
            if fonts is not None:
                props.update(self._fonts(fonts))
            size = number(_val(rpr.find(f"{W}sz")), 2, 800)
            if size is not None:
                props["size"] = size / 2
            bold = rpr.find(f"{W}b")
            if bold is not None:
                props["bold"] = _on(bold)
            color = _val(rpr.find(f"{W}color"))
            if color is not None:
                props["color"] = None if color == "auto" else color.upper()
            spacing = number(_val(rpr.find(f"{W}spacing")), -31680, 31680)
            if spacing is not None:
                props["char_spacing"] = spacing
        return props

    def _fonts(self, fonts: etree._Element) -> dict[str, str]:
        found = {}
        for key, theme_attr, attr in (
            ("east_asian", "eastAsiaTheme", "eastAsia"),
            ("latin", "asciiTheme", "ascii"),
        ):
            theme = THEME_FONTS.get(fonts.get(f"{W}{theme_attr}", ""))
            name = self.theme.get(theme, "") if theme else fonts.get(f"{W}{attr}", "")
            if name and len(name) <= MAX_FONT_NAME:
                found[key] = name
        return found

    # ---- the page ------------------------------------------------------------------------

    def page(self) -> PageFacts:
        """The final section's page size, margins, grid and footers."""
        body = self.package.xml(self.part).find(f"{W}body") if self.part else None
        sect = body.find(f"{W}sectPr") if body is not None else None
        facts = PageFacts()
        if sect is None:
            return facts
        size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        for element, names in (
            (size, {"w": "width", "h": "height"}),
            (margins, {n: n for n in ("top", "bottom", "left", "right", "header", "footer")}),
        ):
            for attr, name in names.items():
                raw = element.get(f"{W}{attr}") if element is not None else None
                value = number(raw, 0, TWIPS_LIMIT)
                if value is not None:
                    facts.lengths[name] = value
        grid = sect.find(f"{W}docGrid")
        if grid is not None:
            facts.grid_type = grid.get(f"{W}type")
            facts.line_pitch = number(grid.get(f"{W}linePitch"), 1, TWIPS_LIMIT)
            facts.char_space = number(grid.get(f"{W}charSpace"), -4096 * 400, 4096 * 400)
        settings = self._related("/settings")
        if settings:
            even_odd = self.package.xml(settings).find(f"{W}evenAndOddHeaders")
            facts.duplex = even_odd is not None and _on(even_odd)
        references = sorted(
            sect.findall(f"{W}footerReference"), key=lambda r: r.get(f"{W}type") != "default"
        )
        titled = sect.find(f"{W}titlePg")
        for reference in references:
            rel = self.rels.get(reference.get(f"{R}id", ""))
            if rel and rel[2] != "External" and self.package.has(rel[1]):
                facts.footers.append(rel[1])
                if reference.get(f"{W}type") == "first" and titled is not None and _on(titled):
                    facts.first_footer = rel[1]
        return facts


def _find(parent: etree._Element | None, *path: str) -> etree._Element | None:
    return parent.find("/".join(f"{W}{p}" for p in path)) if parent is not None else None


def _val(element: etree._Element | None) -> str | None:
    return element.get(f"{W}val") if element is not None else None


def _on_default(style: etree._Element) -> bool:
    return style.get(f"{W}default") in ("1", "true", "on")


def _indents(ind: etree._Element) -> dict[str, tuple[str, int]]:
    """ind's values, each ("chars", hundredths of a character) or ("twips", twips)."""
    found = {}
    sides = (
        ("first_line", ("firstLine",), 1),
        ("first_line", ("hanging",), -1),
        ("left", ("left", "start"), 1),
        ("right", ("right", "end"), 1),
    )
    for key, attrs, sign in sides:
        for attr in attrs:
            chars = number(ind.get(f"{W}{attr}Chars"), 0, 10000)
            twips = number(ind.get(f"{W}{attr}"), 0, TWIPS_LIMIT)
            if chars:  # Word ignores a zero count of characters and reads the twips
                found[key] = ("chars", sign * chars)
            elif twips is not None:
                found[key] = ("twips", sign * twips)
    return found


def _spacing(spacing: etree._Element) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key in ("before", "after"):
        lines = number(spacing.get(f"{W}{key}Lines"), 0, 10000)
        twips = number(spacing.get(f"{W}{key}"), 0, TWIPS_LIMIT)
        if lines:
            found[key] = ("lines", lines)
        elif twips is not None:
            found[key] = ("twips", twips)
    line = number(spacing.get(f"{W}line"), 1, TWIPS_LIMIT)
    if line is not None:
        found["line"] = (spacing.get(f"{W}lineRule", "auto"), line)
    return found


def dominant(runs: list[tuple[str, dict[str, Any]]], key: str) -> Any:
    """The value of ``key`` that most of the runs' characters carry (None if none do)."""
    weights: Counter = Counter()
    for text, props in runs:
        if key in props and text.strip():
            weights[props[key]] += len(text.strip())
    return weights.most_common(1)[0][0] if weights else None
