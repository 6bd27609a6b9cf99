"""Word's paragraph and character styles, as far as reading the body needs them."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from outline2docx.i18n import N_
from outline2docx.namespaces import W
from outline2docx.read.docx.notices import Notices
from outline2docx.read.docx.numbering import LEVELS
from outline2docx.read.package import LIMITS, Package


def w_val(element: etree._Element | None, default: str) -> str:
    """The ``w:val`` of ``element``, or ``default`` if the element or the value is missing."""
    return element.get(f"{W}val", default) if element is not None else default


_HEADING_NUMBERS = frozenset(str(n) for n in range(1, 10))  # "heading 1" … "heading 9"


class Styles:
    """Paragraph styles' list numbering, and bold/italic through character styles."""

    def __init__(self, package: Package, part: str | None, notices: Notices | None = None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.notices = notices or Notices("<docx>", LIMITS)  # alone: warnings unseen
        if part:
            for style in package.xml(part).iter(f"{W}style"):
                self.styles[style.get(f"{W}styleId", "")] = style

    def numbering_of(self, p: etree._Element) -> tuple[str | None, int]:
        """The (numId, level) a paragraph is numbered with, directly or through its style."""
        num_pr = self._paragraph_property(p, "numPr")
        if num_pr is None:
            return None, 0
        num_id = num_pr.find(f"{W}numId")
        ilvl = num_pr.find(f"{W}ilvl")
        value = ilvl.get(f"{W}val", "0") if ilvl is not None else None
        level = self.notices.number(value, N_("list level (w:ilvl)"), 0, LEVELS - 1)
        return (num_id.get(f"{W}val") if num_id is not None else None), level or 0

    def outline_level(self, p: etree._Element) -> int | None:
        """0 for a paragraph at Heading 1's level, 1 for Heading 2's …; None for body text."""
        level = self._paragraph_property(p, "outlineLvl")
        if level is not None:
            value = self.notices.number(w_val(level, "9"), N_("outline level (w:outlineLvl)"), 0, 9)
            return value if value is not None and value < 9 else None  # 9: "body text"
        for style in self._chain(p):  # headings of templates that leave the level implicit
            name = w_val(style.find(f"{W}name"), "").lower()
            number = name.removeprefix("heading ")
            if name.startswith("heading ") and number in _HEADING_NUMBERS:
                return int(number) - 1
        return None

    def _paragraph_property(self, p: etree._Element, name: str) -> etree._Element | None:
        """A w:pPr child set on the paragraph, else the nearest one its style chain sets."""
        found = p.find(f"{W}pPr/{W}{name}")
        if found is not None:
            return found
        for style in self._chain(p):
            found = style.find(f"{W}pPr/{W}{name}")
            if found is not None:
                return found
        return None

    def _chain(self, p: etree._Element) -> Iterator[etree._Element]:
        """The paragraph's style, then the styles it is based on, in order."""
        style_id = w_val(p.find(f"{W}pPr/{W}pStyle"), "")
        seen = set()
        while (
            style_id
            and style_id not in seen
            and style_id in self.styles
            and len(seen) < self.notices.limits.style_chain  # a longer chain is cut: cost
        ):
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = w_val(style.find(f"{W}basedOn"), "")

    def flag(self, props: etree._Element | None, name: str) -> bool:
        """Whether a run is bold (``b``) or italic (``i``): directly or by its character style."""
        if props is None:
            return False
        direct = props.find(f"{W}{name}")
        if direct is not None:
            return direct.get(f"{W}val") not in ("0", "false", "off")
        char_style = props.find(f"{W}rStyle")
        style = self.styles.get(char_style.get(f"{W}val")) if char_style is not None else None
        found = style.find(f"{W}rPr/{W}{name}") if style is not None else None
        return found is not None and found.get(f"{W}val") not in ("0", "false", "off")
