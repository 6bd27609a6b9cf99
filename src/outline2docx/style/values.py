"""One value of a style file, checked and converted: lengths, font sizes, colours, rules …

Each converter takes the value as TOML gave it and returns it in the unit the renderer uses,
or raises ValueError saying what was expected; ``Checker`` turns that into a StyleError that
names the file and the key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from outline2docx.i18n import _
from outline2docx.style.model import Border, StyleError

# 字号: the Chinese size names, in points.
CHINESE_SIZES = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
    "六号": 7.5,
    "小六": 6.5,
}
_TWIPS_PER = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440, "pt": 20, "tw": 1}
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt|tw)\s*$")
_POINTS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*pt\s*$")
_COLOR = re.compile(r"^[0-9A-Fa-f]{6}$")
# Characters XML cannot hold, and line breaks, which no name or format may hold either.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SHOWN_CHARS = 200  # an error message quotes at most this much of a bad value (or a path)
FONT_SIZE_RANGE = (1, 400)  # points, whether written as 三号, "16pt" or 16


class Checker:
    """Reads typed values out of the merged tables, naming file and key on any mistake."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> StyleError:
        """The error to raise for ``key``, naming the file."""
        return StyleError(
            _("{file}: key {key}: {problem}").format(file=self.path, key=repr(key), problem=problem)
        )

    def table(self, data: Mapping[str, Any], key: str) -> dict[str, Any]:
        """The table under ``key`` (empty if absent)."""
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            raise self.fail(key, _("must be a table"))
        return dict(value)

    def no_unknown(self, data: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
        """Refuse the first key of ``data`` that is not ``allowed``, listing the known ones."""
        for key in data:
            if key not in allowed:
                known = ", ".join(sorted(allowed - {"__file__"}))
                raise self.fail(
                    f"{prefix}{key}", _("unknown key (known: {known})").format(known=known)
                )

    def take(
        self, data: Mapping[str, Any], key: str, convert: Callable[[Any], Any], prefix: str = ""
    ) -> Any:
        """The value under ``key``, required, through ``convert``."""
        if key not in data:
            raise self.fail(prefix + key, _("is required"))
        try:
            return convert(data[key])
        except (TypeError, ValueError) as exc:
            raise self.fail(prefix + key, str(exc)) from None


def shown(value: Any) -> str:
    """``value`` as an error message quotes it: repr, on one line, cut short when long."""
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def length(value: Any) -> int:
    """A length such as '37mm', '2.5cm', '12pt' or '1in', in twips."""
    if isinstance(value, str) and (m := _LENGTH.match(value)):
        return round(float(m.group(1)) * _TWIPS_PER[m.group(2)])
    message = _("{value} is not a length such as '37mm', '2.5cm', '12pt' or '1in'")
    raise ValueError(message.format(value=shown(value)))


def length_between(low: str, high: str) -> Callable[[Any], int]:
    """A converter that takes a length from ``low`` to ``high`` (both written as lengths)."""
    least, most = length(low), length(high)

    def convert(value: Any) -> int:
        twips = length(value)
        if least <= twips <= most:
            return twips
        message = _("{value} is not a length from {low} to {high}")
        raise ValueError(message.format(value=shown(value), low=low, high=high))

    return convert


def font_size(value: Any) -> float:
    """A font size in points: a Chinese size name (三号), '16pt', or a number, 1-400 points."""
    points = _points(value)
    low, high = FONT_SIZE_RANGE
    if points is None:
        names = "、".join(CHINESE_SIZES)
        message = _("{value} is not a font size: a Chinese size name ({names}) or '16pt'")
        raise ValueError(message.format(value=shown(value), names=names))
    if not low <= points <= high:
        message = _("{value} is not a font size from {low}pt to {high}pt")
        raise ValueError(message.format(value=shown(value), low=low, high=high))
    return points


def _points(value: Any) -> float | None:
    if isinstance(value, str):
        if value in CHINESE_SIZES:
            return float(CHINESE_SIZES[value])
        m = _POINTS.match(value)
        return float(m.group(1)) if m else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def number_between(low: float, high: float) -> Callable[[Any], float]:
    """A converter that takes a number from ``low`` to ``high``."""

    def convert(value: Any) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
            return float(value)
        message = _("{value} is not a number from {low:g} to {high:g}")
        raise ValueError(message.format(value=shown(value), low=low, high=high))

    return convert


def whole_number_between(low: int, high: int) -> Callable[[Any], int]:
    """A converter that takes a whole number from ``low`` to ``high``."""

    def convert(value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        message = _("{value} is not a whole number from {low} to {high}")
        raise ValueError(message.format(value=shown(value), low=low, high=high))

    return convert


def flag(value: Any) -> bool:
    """true or false."""
    if isinstance(value, bool):
        return value
    raise ValueError(_("{value} is not true or false").format(value=shown(value)))


def nonempty_text(value: Any) -> str:
    """A string with more than white space in it, and no control characters."""
    if isinstance(value, str) and value.strip() and not _CONTROL.search(value):
        return value
    message = _("{value} is not a non-empty string without control characters")
    raise ValueError(message.format(value=shown(value)))


def color(value: Any) -> str:
    """A colour as six hex digits, upper-cased."""
    if isinstance(value, str) and _COLOR.match(value):
        return value.upper()
    message = _("{value} is not a colour as six hex digits, such as 'FF0000'")
    raise ValueError(message.format(value=shown(value)))


def alignment(value: Any) -> str:
    """left, center, right or justify."""
    if value in ("left", "center", "right", "justify"):
        return value
    message = _("{value} is not one of left, center, right, justify")
    raise ValueError(message.format(value=shown(value)))


# Word's own limits: an exact line height up to 1584 pt, a rule 0.25-12 pt wide, 0-31 pt away.
_LINE_HEIGHT = length_between("1pt", "1584pt")
_RULE_WIDTH = length_between("0.25pt", "12pt")
_RULE_SPACE = length_between("0pt", "31pt")


def line_spacing(value: Any) -> tuple[str, int]:
    """A height ('28pt': exact, in twips) or a multiple 0.5-5 (auto, in 240ths of a line)."""
    if isinstance(value, str):
        return ("exact", _LINE_HEIGHT(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0.5 <= value <= 5:
        return ("auto", round(value * 240))
    message = _("{value} is not a line spacing: a height such as '28pt' or a multiple 0.5-5")
    raise ValueError(message.format(value=shown(value)))


def border(value: Any) -> Border:
    """A rule: { width = "1pt", color = "FF0000", space = "4pt" }, colour and space optional."""
    if (
        isinstance(value, Mapping)
        and set(value) <= {"width", "color", "space"}
        and "width" in value
    ):
        width = _RULE_WIDTH(value["width"]) / 20  # points
        space = _RULE_SPACE(value.get("space", "0pt")) / 20
        return Border(round(width * 8), color(value.get("color", "000000")), round(space))
    example = '{ width = "1pt", color = "FF0000", space = "4pt" }'
    message = _("{value} is not a rule such as {example}")
    raise ValueError(message.format(value=shown(value), example=example))


def page_number_format(value: Any) -> str:
    """A page number's text, holding {page} exactly once."""
    if isinstance(value, str) and value.count("{page}") == 1 and not _CONTROL.search(value):
        return value
    message = _(
        "{value} must contain {{page}} exactly once, and no control characters, "
        "as in '— {{page}} —'"
    )
    raise ValueError(message.format(value=shown(value)))
