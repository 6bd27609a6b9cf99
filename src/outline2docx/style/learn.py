"""A house style learned from a finished Word document: ``styles init NAME --from-docx``.

The sample is read and recognized as any Word input is (``pipeline.read``), so every paragraph
has a role; each role's paragraphs are read (``style.sample``: their effective formatting) and
measured in a style's units (``style.measure``), and the majority taken. The result is compared
with every built-in style: the closest (fewest values to change) is extended and only what
differs is written. What the sample cannot tell (roles it lacks, values a style file cannot
hold) stays with the parent, and ``notes`` say so.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outline2docx.i18n import _
from outline2docx.style.load import DEFAULT_STYLE, builtin_styles, load_style
from outline2docx.style.measure import GRID_SLACK, Measure, Observation
from outline2docx.style.model import BLOCK_KEYS, HouseStyle, Look, StyleError
from outline2docx.style.sample import Formatting
from outline2docx.style.schema import LOOK_KEYS, PAGE_KEYS, PAGE_NUMBER_KEYS, TEXT_KEYS
from outline2docx.style.values import CHINESE_SIZES, shown
from outline2docx.tree.nodes import Diagnostic, Role, iter_paragraphs

if TYPE_CHECKING:
    from outline2docx.pipeline import Draft, Settings

# What each role's paragraphs tell about their paragraph style: the fonts of their text and
# how the paragraph is set. Roles left out (web residue, and the lists, quotes, code and
# tables other front-ends bring) are seldom in an office's documents and keep the parent's.
FONT = ("east_asian", "latin", "size", "bold")
BLOCK = BLOCK_KEYS
PARAGRAPH_PROPERTIES: dict[Role, tuple[str, ...]] = {
    Role.ISSUER: (*FONT, "color", *BLOCK),  # the red 发文机关标志
    Role.TITLE: FONT + BLOCK,
    Role.SUBTITLE: FONT + BLOCK,
    Role.DOCNUMBER: FONT + BLOCK,
    Role.BYLINE: FONT + BLOCK,
    Role.ADDRESSEE: FONT + BLOCK,
    Role.SALUTATION: FONT + BLOCK,
    Role.H1: FONT + BLOCK,
    Role.H2: FONT + BLOCK,
    Role.H3: FONT + BLOCK,
    Role.H4: FONT + BLOCK,
    Role.H5: FONT + BLOCK,
    Role.CHAPTER: FONT + BLOCK,
    Role.SECTION: FONT + BLOCK,
    Role.BODY: FONT + BLOCK,
    Role.CLOSING: FONT + BLOCK,
    Role.ATTACHMENT: FONT + BLOCK,
    Role.SIGNATURE: FONT + BLOCK,
    Role.DATE: FONT + BLOCK,
    # Run-in lines: the text after the lead tells the paragraph style, the lead its own.
    Role.H1_RUNIN: FONT + BLOCK,
    Role.H2_RUNIN: FONT + BLOCK,
    Role.H3_RUNIN: FONT + BLOCK,
    Role.RUNIN: FONT + BLOCK,
    Role.ARTICLE: FONT + BLOCK,
}
# The lead of a run-in line (一是……。, （一）标题。, 第一条) tells its character style.
LEAD_PROPERTIES: dict[Role, tuple[str, ...]] = {
    Role.H1_RUNIN: FONT,
    Role.H2_RUNIN: FONT,
    Role.H3_RUNIN: FONT,
    Role.RUNIN: FONT,
    Role.ARTICLE: FONT,
}
# The paragraph styles outline2docx writes say a paragraph's role outright: a sample it made
# is read by them, as the recognizer, seeing no letterhead, can take 份号 for a title. The
# parts the renderer lays out itself (None) are not learned.
OWN_STYLES: dict[str, Role | None] = {
    "GW Issuer": Role.ISSUER,
    "GW Document Number": Role.DOCNUMBER,
    "GW Byline": Role.BYLINE,
    "GW Attachment": Role.ATTACHMENT,
    "GW Signature": Role.SIGNATURE,
    "GW Date": Role.DATE,
    "GW Header Note": None,
    "GW Header Number": None,
    "GW Header Number Signed": None,
    "GW Attachment Item": None,
    "GW Imprint Copy": None,
    "GW Imprint Printed": None,
    "GW Imprint Single": None,
    "GW Web Residue": None,
}
# The document defaults ([text]) are the body text's.
TEXT_PROPERTIES = ("east_asian", "latin", "size")
# What a property is when no style sets it: Word's defaults, and the grid's line pitch.
DEFAULTS: dict[str, Any] = {
    "bold": False,
    "color": "auto",
    "align": "left",
    "first_line_indent": 0.0,
    "left_indent": 0.0,
    "right_indent": 0.0,
    "space_before": 0.0,
    "space_after": 0.0,
    "line_spacing": "grid",
}
# Built-in styles that set roles apart for documents of their own kind (regulation: 一、 and
# （一） as items under 第X条): a candidate only for a sample that has one of these roles.
MADE_FOR: dict[str, frozenset[Role]] = {
    "regulation": frozenset({Role.CHAPTER, Role.SECTION, Role.ARTICLE}),
}
# How close two measured values must be to count as the same.
TOLERANCE = {
    "first_line_indent": 0.05,
    "left_indent": 0.05,
    "right_indent": 0.05,
    "space_before": 0.05,
    "space_after": 0.05,
    "indent": 0.05,
}


@dataclass
class Sample:
    """What a sample document shows: page, page number, and each paragraph's look."""

    name: str
    page: dict[str, Any]
    page_number: dict[str, Any]
    observations: list[Observation]
    notes: list[str]


@dataclass
class LearnedStyle:
    """A style file's text, the built-in style it extends, and what to tell the user."""

    base: str
    text: str
    notes: list[str]


def learn_style(sample: Path, base: str | None = None) -> LearnedStyle:
    """The style ``sample`` (a .docx) is set in, extending ``base`` or the closest built-in."""
    seen = read_sample(sample)
    names = [base] if base else candidates({o.role for o in seen.observations})
    drafts = [Overrides(name, load_style(name), seen) for name in names]
    best = min(drafts, key=lambda d: d.distance)  # the first of equals: the default style
    text = best.toml(seen.name)
    _check_loads(text, sample)
    return LearnedStyle(best.name, text, [*seen.notes, *best.notes(seen)])


def candidates(roles: set[Role]) -> list[str]:
    """The built-in styles a sample with ``roles`` may extend, the default first."""
    names = [DEFAULT_STYLE, *(name for name in builtin_styles() if name != DEFAULT_STYLE)]
    return [name for name in names if name not in MADE_FOR or MADE_FOR[name] & roles]


# ---- reading the sample -----------------------------------------------------------------


def read_sample(path: Path) -> Sample:
    """The sample's page, page number and paragraphs, recognized and measured."""
    from outline2docx.pipeline import Settings, read
    from outline2docx.read.package import open_package

    label = str(path)
    package = open_package(path, label)  # refused here if it is no safe Word package
    draft = read(path, Settings(), name=label, reader=read_word_with_origins)
    formatting = Formatting(package)
    found = []
    for paragraph in iter_paragraphs(draft.document.children):
        origin = getattr(draft.items[paragraph.line - 1], "origin", None)
        if origin is None:
            continue
        paragraph.role = OWN_STYLES.get(formatting.style_name(origin), paragraph.role)
        if paragraph.role in PARAGRAPH_PROPERTIES:
            found.append((paragraph, formatting.paragraph(origin), list(formatting.runs(origin))))
    facts = formatting.page()
    body_runs = [run for p, _ppr, runs in found if p.role == Role.BODY for run in runs]
    measure = Measure(facts, body_runs, [ppr for p, ppr, _r in found if p.role == Role.BODY])
    observations = [
        measure.observation(p.role, p.lead if p.role in LEAD_PROPERTIES else "", p.text, ppr, runs)
        for p, ppr, runs in found
    ]
    page_number, number_notes = measure.page_number(formatting)
    return Sample(
        Path(label).name, measure.page, page_number, observations, measure.notes + number_notes
    )


def read_word_with_origins(source: Path, name: str | None, settings: Settings) -> Draft:
    """``pipeline.read_word``, each text piece keeping the w:p it was read from."""
    from outline2docx.pipeline import Draft
    from outline2docx.read.docx import read_docx, source_lines

    label = name or str(source)
    warnings: list[Diagnostic] = []
    items = read_docx(source, label, settings.plain, warnings, origins=True)
    return Draft(label, "docx", source_lines(items), items, diagnostics=warnings)


# ---- comparing with a built-in style ----------------------------------------------------


def _look(look: Look | None) -> dict[str, Any]:
    if look is None:
        return {}
    found = {f.name: getattr(look, f.name) for f in fields(look)}
    return {key: value for key, value in found.items() if value is not None}


def same(key: str, one: Any, other: Any) -> bool:
    """Whether two values of ``key`` are the same, within what measuring can tell."""
    if key == "line_spacing" and isinstance(one, tuple) and isinstance(other, tuple):
        return one[0] == other[0] and abs(one[1] - other[1]) <= GRID_SLACK
    if key in TOLERANCE and isinstance(one, (int, float)) and isinstance(other, (int, float)):
        return abs(one - other) <= TOLERANCE[key]
    return one == other


class Overrides:
    """What a style extending one built-in must override to look like the sample."""

    def __init__(self, name: str, base: HouseStyle, sample: Sample) -> None:
        self.name = name
        self.base = base
        self.sections: dict[str, dict[str, Any]] = {"page": {}, "text": {}, "page_number": {}}
        self.paragraphs: dict[str, dict[str, Any]] = {}
        self.characters: dict[str, dict[str, Any]] = {}
        self.conflicts: list[str] = []
        self._compare(sample)

    @property
    def distance(self) -> int:
        """Values to override, and values the sample disagrees on: fewer is closer."""
        counted = [*self.sections.values(), *self.paragraphs.values(), *self.characters.values()]
        return sum(len(values) for values in counted) + len(self.conflicts)

    def _compare(self, sample: Sample) -> None:
        for section, values in (("page", sample.page), ("page_number", sample.page_number)):
            current = getattr(self.base, section)
            self.sections[section] = {
                key: value
                for key, value in values.items()
                if not same(key, value, getattr(current, key))
            }
        body = [o for o in sample.observations if o.role == Role.BODY]
        for key in TEXT_PROPERTIES:
            value = self._majority(f"[text] {key}", [o.values.get(key) for o in body])
            if value is not None and value != getattr(self.base.text, key):
                self.sections["text"][key] = value
        groups = self._groups(sample)
        for (kind, name), by_key in sorted(groups.items(), key=_normal_first):
            for key, values in by_key.items():
                value = self._majority(f"{name} {key}", values)
                current = self.lead_value(name, key) if kind == "lead" else self.value(name, key)
                if value is not None and not same(key, value, current):
                    target = self.characters if kind == "lead" else self.paragraphs
                    target.setdefault(name, {})[key] = value

    def _groups(self, sample: Sample) -> dict[tuple[str, str], dict[str, list]]:
        """Observed values by the style the base gives each role: (kind, style) -> key -> values."""
        groups: dict[tuple[str, str], dict[str, list]] = {}
        for seen in sample.observations:
            paragraph, lead = self.base.roles[seen.role.value]
            for key in PARAGRAPH_PROPERTIES[seen.role]:
                groups.setdefault(("paragraph", paragraph), {}).setdefault(key, []).append(
                    seen.values.get(key)
                )
            if lead and seen.lead:
                for key in LEAD_PROPERTIES[seen.role]:
                    groups.setdefault(("lead", lead), {}).setdefault(key, []).append(
                        seen.lead.get(key)
                    )
        return groups

    def _majority(self, what: str, values: list) -> Any:
        counts = Counter(value for value in values if value is not None)
        if not counts:
            return None
        value = counts.most_common(1)[0][0]
        if len(counts) > 1:
            counted = ", ".join(f"{_shown(v)} ({n})" for v, n in counts.most_common())
            message = _("{what}: the sample has {values}; took {value}, the most paragraphs'")
            self.conflicts.append(message.format(what=what, values=counted, value=_shown(value)))
        return value

    def value(self, name: str, key: str) -> Any:
        """What ``key`` is in paragraph style ``name`` with the overrides so far."""
        layers = (
            self.paragraphs.get(name, {}),
            _look(self.base.paragraph_styles.get(name)),
            self.paragraphs.get("Normal", {}),
            _look(self.base.paragraph_styles["Normal"]),
        )
        for layer in layers:
            if key in layer:
                return "grid" if key == "line_spacing" and layer[key] is None else layer[key]
        if key in TEXT_PROPERTIES:
            return self.sections["text"].get(key, getattr(self.base.text, key))
        return DEFAULTS[key]

    def lead_value(self, name: str, key: str) -> Any:
        """What ``key`` is in character style ``name`` (over body text) with the overrides."""
        for layer in (self.characters.get(name, {}), _look(self.base.character_styles.get(name))):
            if key in layer:
                return layer[key]
        return self.value("Normal", key)

    # ---- the file ------------------------------------------------------------------------

    def toml(self, sample_name: str) -> str:
        """The style file: extends the base, and sets what differs."""
        description = f"Learned from {sample_name}"
        out = [
            f"# A house style learned from {shown(sample_name)} by outline2docx styles init.",
            f"# What the sample did not show is left to {self.name!r}; see",
            f"# `outline2docx styles show {self.name}` for every value it inherits.",
            "",
            f'extends = "{self.name}"',
            f"description = {_literal(description)}",
        ]
        tables = [(section, values, CHECKS[section]) for section, values in self.sections.items()]
        tables += [
            (f"paragraph_styles.{_literal(n)}", v, LOOK_KEYS) for n, v in self.paragraphs.items()
        ]
        tables += [
            (f"character_styles.{_literal(n)}", v, LOOK_KEYS) for n, v in self.characters.items()
        ]
        for header, values, checks in tables:
            lines = [self._line(header, key, value, checks) for key, value in values.items()]
            lines = [line for line in lines if line]
            if lines:
                out += ["", f"[{header}]", *lines]
        return "\n".join(out) + "\n"

    def _line(self, header: str, key: str, value: Any, checks: dict[str, Callable]) -> str:
        written = file_value(key, value)
        try:
            if written is None:
                raise ValueError(_("no style key can say it"))
            checks[key](written)
        except (TypeError, ValueError) as exc:
            message = _("{what}: {value} from the sample is not used ({problem}); left to {base}")
            what = f"{header} {key}"
            self.conflicts.append(
                message.format(what=what, value=_shown(value), problem=exc, base=self.name)
            )
            return ""
        return f"{key} = {_literal(written)}"

    def notes(self, sample: Sample) -> list[str]:
        """What to tell the user: the parent, what it still decides, and every doubt."""
        seen = {o.role for o in sample.observations}
        missing = [role.value for role in PARAGRAPH_PROPERTIES if role not in seen]
        notes = [_("learned from {file}: extends {base}").format(file=sample.name, base=self.name)]
        if missing:
            message = _("not in the sample, left to {base}: {roles}")
            notes.append(message.format(base=self.name, roles=", ".join(missing)))
        return notes + self.conflicts


CHECKS: dict[str, dict[str, Callable]] = {
    "page": PAGE_KEYS,
    "text": TEXT_KEYS,
    "page_number": PAGE_NUMBER_KEYS,
}
_LENGTHS = frozenset({"width", "height", "top", "bottom", "left", "right", "header", "footer"})


def file_value(key: str, value: Any) -> Any:
    """A learned value as a style file writes it ("28mm", "三号", 2.0 …); None if it cannot."""
    if key in _LENGTHS:
        return _millimetres(value)
    if key == "size":
        name = next((n for n, points in CHINESE_SIZES.items() if points == value), None)
        return name or f"{value:g}pt"
    if key == "line_spacing":
        if value == "grid":
            return None
        rule, amount = value
        return f"{amount / 20:g}pt" if rule != "auto" else round(amount / 240, 2)
    if key == "color":
        return "000000" if value == "auto" else value
    return value


def _millimetres(twips: int) -> str:
    """``twips`` in the fewest decimals of a millimetre that give back the same twips."""
    for decimals in (0, 1, 2):
        written = f"{twips * 25.4 / 1440:.{decimals}f}"
        if round(float(written) * 1440 / 25.4) == twips:
            break
    return f"{written}mm"


def _literal(value: Any) -> str:
    """A value as TOML writes it (JSON strings are TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _shown(value: Any) -> str:
    """A learned value as a message shows it; the sample's strings quoted, cut, escaped."""
    if isinstance(value, tuple):
        return str(file_value("line_spacing", value))
    return shown(value) if isinstance(value, str) else str(value)


def _normal_first(item: tuple[tuple[str, str], Any]) -> tuple[bool, bool]:
    (kind, name), _values = item
    return (kind != "paragraph", name != "Normal")


def _check_loads(text: str, sample: Path) -> None:
    """Refuse a learned style that does not hold together (a page its text cannot fit)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "learned.toml"
        path.write_text(text, "utf-8")
        try:
            load_style(path)
        except StyleError as exc:
            problem = str(exc).replace(str(path), "").lstrip(": ")
            message = _("{file}: the style it is set in does not hold together: {problem}")
            raise StyleError(message.format(file=sample, problem=problem)) from None
