"""Word's automatic list numbers, as visible text: 一、 1. （1） ① and bullets."""

from __future__ import annotations

from lxml import etree

from outline2docx.i18n import N_, _
from outline2docx.namespaces import W
from outline2docx.read.docx.notices import IGNORED_VALUE, Notices
from outline2docx.read.package import LIMITS, Package
from outline2docx.tree.numerals import CIRCLED, int_to_chinese

LEVELS = 9  # Word's list levels: w:ilvl 0 to 8


class Numbering:
    """Word's automatic list numbers, computed as Word displays them."""

    def __init__(self, package: Package, part: str | None, notices: Notices | None = None) -> None:
        self.levels: dict[str, dict[int, etree._Element]] = {}  # abstractNumId -> level -> lvl
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, starts)
        self.counters: dict[str, list[int | None]] = {}
        self.notices = notices or Notices("<docx>", LIMITS)  # alone: warnings unseen
        if not part:
            return
        root = package.xml(part)
        for abstract in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.findall(f"{W}lvl"):
                level = self._level(lvl.get(f"{W}ilvl", "0"))
                if level is not None:
                    levels[level] = lvl
            self.levels[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            abstract = num.find(f"{W}abstractNumId")
            if abstract is not None:
                self.instances[num.get(f"{W}numId", "")] = (
                    abstract.get(f"{W}val", ""),
                    self._overrides(num),
                )

    def _level(self, value: str | None) -> int | None:
        return self.notices.number(value, N_("list level (w:ilvl)"), 0, LEVELS - 1)

    def _overrides(self, num: etree._Element) -> dict[int, int]:
        """The start values a list instance sets for its levels (w:startOverride)."""
        starts = {}
        for override in num.findall(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            level = self._level(override.get(f"{W}ilvl", "0"))
            value = self._start_value(start)
            if level is not None and value is not None:
                starts[level] = value
        return starts

    def _start_value(self, start: etree._Element | None) -> int | None:
        if start is None:
            return None
        limit = self.notices.limits.list_start
        return self.notices.number(start.get(f"{W}val", "1"), N_("list start (w:start)"), 0, limit)

    def _start(self, lvl: etree._Element | None) -> int:
        found = self._start_value(lvl.find(f"{W}start")) if lvl is not None else None
        return 1 if found is None else found

    def label(self, num_id: str | None, level: int) -> str:
        """The visible label of the next paragraph numbered ``num_id`` at ``level``."""
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return ""
        abstract, starts = self.instances[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * LEVELS)
        if counters[level] is None:
            counters[level] = starts.get(level, self._start(levels[level]))
        else:
            counters[level] += 1
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = None
        pattern = self._pattern(levels[level])
        for n in range(level + 1):
            value = counters[n] if counters[n] is not None else self._start(levels.get(n))
            pattern = pattern.replace(f"%{n + 1}", _format(value, levels.get(n)))
        if _format_name(levels[level]) == "bullet":
            return "" if not pattern.strip() else visible_bullet(pattern) + " "
        return pattern

    def _pattern(self, lvl: etree._Element) -> str:
        """The level's label pattern (w:lvlText, "%1."); a pattern too long to be one is ignored."""
        text = lvl.find(f"{W}lvlText")
        pattern = text.get(f"{W}val", "") if text is not None else ""
        if len(pattern) > self.notices.limits.level_text_chars:
            self.notices.warn(
                IGNORED_VALUE,
                _("ignored a list label pattern of {count} characters").format(count=len(pattern)),
            )
            return ""
        return pattern


# Word draws bullets in symbol fonts: private-use characters (U+F0xx) that are empty boxes in
# any other font, and "o" in Courier New for the second level. Their look in Unicode:
_SYMBOL_BULLETS = {
    "\uf0b7": "•",  # Symbol: the default bullet
    "\uf0a7": "▪",  # Wingdings: small square
    "\uf06c": "●",
    "\uf06e": "■",
    "\uf0d8": "➢",
    "\uf076": "❖",
    "\uf0fc": "✓",
}


def visible_bullet(text: str) -> str:
    """A bullet's text with symbol-font characters as the Unicode characters they show."""
    if text == "o":  # Courier New's second-level bullet, not a letter in a bullet's text
        return "◦"
    return "".join(
        _SYMBOL_BULLETS.get(char, "•" if "\uf000" <= char <= "\uf0ff" else char) for char in text
    )


def _format_name(lvl: etree._Element | None) -> str:
    fmt = lvl.find(f"{W}numFmt") if lvl is not None else None
    return fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal"


# Past these, letters (aaaa…) and Roman numerals (MMMM…) would grow with the value: Word's
# longest lists stay far below, so larger values are written as decimals.
MAX_LETTER_VALUE = 26 * 10  # up to zzzzzzzzzz
MAX_ROMAN_VALUE = 3999  # MMMCMXCIX


def _format(value: int, lvl: etree._Element | None) -> str:
    name = _format_name(lvl)
    if name in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographDigital",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return int_to_chinese(value) if 0 < value < 10000 else str(value)
    if name in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[value - 1] if 0 < value <= len(CIRCLED) else str(value)
    if name == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(value))
    if name in ("lowerLetter", "upperLetter") and 0 < value <= MAX_LETTER_VALUE:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if name == "upperLetter" else letter
    if name in ("lowerRoman", "upperRoman") and 0 < value <= MAX_ROMAN_VALUE:
        roman = _roman(value)
        return roman.lower() if name == "lowerRoman" else roman
    if name in ("none", "bullet"):
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
