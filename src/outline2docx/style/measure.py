"""A sample's formatting in a style's units: characters, grid lines, millimetres, 字号.

``Measure`` turns what ``sample.Formatting`` read (twips, hundredths of a character or line,
half-points) into the values a style file holds, against the sample's own page and grid.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from lxml import etree

from outline2docx.i18n import _
from outline2docx.namespaces import W
from outline2docx.style.load import DEFAULT_STYLE, load_style
from outline2docx.style.sample import GRID_TYPES, Formatting, PageFacts, dominant
from outline2docx.tree.nodes import Role

GRID_SLACK = 2  # twips: an exact line this close to the grid pitch is the grid


@dataclass
class Observation:
    """One recognized paragraph's look: paragraph style values, and its lead's."""

    role: Role
    values: dict[str, Any]
    lead: dict[str, Any] = field(default_factory=dict)


class Measure:
    """Turns Word's measures (twips, hundredths) into a style's (characters, lines, mm)."""

    def __init__(self, facts: PageFacts, body_runs: list, body_ppr: list[dict]) -> None:
        self.notes: list[str] = []
        default = load_style(DEFAULT_STYLE).page
        self.body_size = dominant(body_runs, "size") or 10.0
        self.body_spacing = dominant(body_runs, "char_spacing") or 0
        lines = Counter(ppr.get("line") for ppr in body_ppr)
        body_line = lines.most_common(1)[0][0] if lines else None
        self.grid_pitch = facts.line_pitch if facts.grid_type in GRID_TYPES else None
        if self.grid_pitch is None and body_line and body_line[0] == "exact":
            self.grid_pitch = body_line[1]  # no grid, but every body line is as high
        self.page = self._page(facts, {f.name: getattr(default, f.name) for f in fields(default)})

    def _page(self, facts: PageFacts, default: dict[str, Any]) -> dict[str, Any]:
        page: dict[str, Any] = dict(facts.lengths)
        full = {**default, **page}
        text_width = full["width"] - full["left"] - full["right"]
        text_height = full["height"] - full["top"] - full["bottom"]
        if self.grid_pitch and text_height >= self.grid_pitch:
            page["lines"] = round(text_height / self.grid_pitch)
        else:
            self.notes.append(_("lines per page: the sample has no line grid; left to the parent"))
        grid_chars = facts.grid_type in ("linesAndChars", "snapToChars") and facts.char_space
        spare = facts.char_space * 20 / 4096 if grid_chars else self.body_spacing
        if text_width > 0 and self.body_size * 20 + spare > 0:
            page["chars"] = math.floor(text_width / (self.body_size * 20 + spare) + 0.01)
        page["duplex"] = facts.duplex
        self.pitch = max(1, text_height // page.get("lines", default["lines"]))
        return page

    def observation(self, role: Role, lead: str, line: str, ppr: dict, runs: list) -> Observation:
        """A paragraph's look; for a run-in line (``lead`` given), its lead's look apart."""
        lead_runs, rest_runs = split_runs(runs, lead, line)
        # A line that is all lead tells nothing of the text after it.
        fonts = self.fonts(rest_runs) if rest_runs else {}
        values = {**fonts, **self.block(ppr, rest_runs or lead_runs)}
        return Observation(role, values, self.fonts(lead_runs) if lead_runs else {})

    def fonts(self, runs: list) -> dict[str, Any]:
        """Fonts, size, bold and colour most of the runs' characters carry."""
        found = {key: dominant(runs, key) for key in ("east_asian", "latin", "size", "bold")}
        found["color"] = dominant(runs, "color") or "auto"
        return {key: value for key, value in found.items() if value is not None}

    def block(self, ppr: dict, runs: list) -> dict[str, Any]:
        """Alignment, indents in characters, spacing in grid lines, and line spacing."""
        size = (dominant(runs, "size") or self.body_size) * 20
        char = size + (dominant(runs, "char_spacing") or 0)
        char = char if char > 0 else size  # spacing that overlaps characters: not a measure
        found: dict[str, Any] = {"align": ppr.get("align", "left")}
        for key, side in (
            ("first_line_indent", "first_line"),
            ("left_indent", "left"),
            ("right_indent", "right"),
        ):
            unit, value = ppr.get(side, ("twips", 0))
            chars = value / 100 if unit == "chars" else value / char
            if chars >= 0:  # a hanging indent has no key
                found[key] = round(chars, 1)
        for key in ("before", "after"):
            unit, value = ppr.get(key, ("twips", 0))
            found[f"space_{key}"] = round(value / 100 if unit == "lines" else value / self.pitch, 2)
        found["line_spacing"] = self._line_spacing(ppr)
        return found

    def _line_spacing(self, ppr: dict) -> Any:
        rule, value = ppr.get("line", ("auto", 240))
        if rule == "auto":
            on_grid = self.grid_pitch and value == 240 and ppr.get("snap", True)
            return "grid" if on_grid else ("auto", value)
        if self.grid_pitch and abs(value - self.grid_pitch) <= GRID_SLACK:
            return "grid"
        return ("exact", value)

    def page_number(self, formatting: Formatting) -> tuple[dict[str, Any], list[str]]:
        """The form, font, size and outer indent of the sample's page number."""
        page = formatting.page()
        for part in page.footers:
            for p in formatting.package.xml(part).iter(f"{W}p"):
                form = page_number_form(p)
                if form is not None:
                    found, notes = self._page_number(formatting, p, form)
                    if page.first_footer and not _numbers(formatting, page.first_footer):
                        found["first_page"] = False  # a first-page footer without a number
                    return found, notes
        return {}, [_("page numbers: none found in the sample's footers; left to the parent")]

    def _page_number(self, formatting: Formatting, p, form: str) -> tuple[dict, list[str]]:
        runs = list(formatting.runs(p))
        found = {"format": form, **self.fonts(runs)}
        found.pop("bold", None)
        found.pop("color", None)
        ppr = formatting.paragraph(p)
        align = ppr.get("align", "left")
        notes = []
        if align in ("left", "right"):
            indent = self.block(ppr, runs).get(f"{align}_indent")
            if indent is not None:
                found["indent"] = indent
        elif align == "center":
            found["position"] = "center"
        else:
            message = _("page numbers: the sample sets them {align}; the style keeps the parent's")
            notes.append(message.format(align=align))
        return found, notes


def _numbers(formatting: Formatting, footer: str) -> bool:
    """True if a paragraph of ``footer`` shows the page number."""
    paragraphs = formatting.package.xml(footer).iter(f"{W}p")
    return any(page_number_form(p) is not None for p in paragraphs)


def split_runs(runs: list, lead: str, line: str) -> tuple[list, list]:
    """The runs of a run-in line's lead, and the runs of the text after it."""
    if not lead:
        return [], runs
    text = "".join(run_text for run_text, _props in runs)
    drawn = max(0, len(line) - len(text.strip()))  # a list number Word draws is in no run
    lead_end = len(text) - len(text.lstrip()) + len(lead) - drawn
    lead_runs, rest_runs, position = [], [], 0
    for run_text, props in runs:
        (lead_runs if position < lead_end else rest_runs).append((run_text, props))
        position += len(run_text)
    return lead_runs, rest_runs


def page_number_form(p: etree._Element) -> str | None:
    """A footer paragraph's text with its PAGE field as {page}, or None if it has none."""
    parts, state, instruction = [], "text", []
    skipped: set = set()
    for element in p.iter(f"{W}t", f"{W}fldChar", f"{W}instrText", f"{W}fldSimple"):
        tag = element.tag[len(W) :]
        if tag == "fldSimple":
            skipped.update(element.iter(f"{W}t"))
            if _is_page(element.get(f"{W}instr", "")):
                parts.append("{page}")
        elif tag == "fldChar":
            kind = element.get(f"{W}fldCharType")
            if kind == "begin":
                state, instruction = "instruction", []
            elif kind in ("separate", "end") and state == "instruction":
                if _is_page("".join(instruction)):
                    parts.append("{page}")
                state = "result" if kind == "separate" else "text"
            elif kind == "end":
                state = "text"
        elif tag == "instrText" and state == "instruction":
            instruction.append(element.text or "")
        elif tag == "t" and state == "text" and element not in skipped:
            parts.append(element.text or "")
    form = "".join(parts).strip()
    return form if form.count("{page}") == 1 else None


def _is_page(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() == "PAGE"
