"""What reading a Word body ignored or dropped, and the costs it counts against the limits.

A value out of range (a list level of 12, a start of 10^12, a symbol past U+10FFFF) is a
careless or hostile document, not a reason to fail: the value is ignored and a warning says
so. What the document costs as a whole (paragraphs, characters, table cells, picture bytes)
is counted here; past ``Limits`` the package is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from outline2docx.errors import InputError
from outline2docx.i18n import N_, _
from outline2docx.read.package import Limits
from outline2docx.tree.nodes import Diagnostic

IGNORED_VALUE = "ignored-value"  # the diagnostic code of a value out of range or not a number
DROPPED_PICTURE = "dropped-picture"  # the diagnostic code of a picture that cannot be shown
MAX_WARNINGS = 100  # a hostile document may hold millions of bad values: report the first


@dataclass
class Notices:
    """Warnings about one Word document, by paragraph number, and its running costs."""

    label: str
    limits: Limits
    line: int = 1  # the body item being read: what a warning's line names
    warnings: list[Diagnostic] = field(default_factory=list)
    costs: dict[str, int] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    def warn(self, code: str, message: str) -> None:
        """Note a warning once (the first ``MAX_WARNINGS`` distinct ones are kept)."""
        if message in self._seen or len(self.warnings) >= MAX_WARNINGS:
            return
        self._seen.add(message)
        self.warnings.append(Diagnostic(self.line, 1, code, message, "warning"))

    def charge(self, cost: str, amount: int) -> None:
        """Count ``amount`` against the limit named ``cost``; InputError once it is passed."""
        total = self.costs.get(cost, 0) + amount
        self.costs[cost] = total
        limit = getattr(self.limits, cost)
        if total > limit:
            message = _("{what}: refused (more than {limit})")
            raise InputError(self.label, message.format(what=_(_COST_NAMES[cost]), limit=limit))

    def number(self, value: str | None, what: str, low: int, high: int) -> int | None:
        """``value`` as a whole number in [low, high], or None with a warning if it is not
        (``what``, marked with N_, names the value in the warning)."""
        if value is None:
            return None
        text = value.strip()
        number = int(text) if _is_integer(text) else None
        if number is None or not low <= number <= high:
            shown = value if len(value) <= 20 else value[:20] + "…"
            message = _("ignored {what} {value}: not a whole number {low}–{high}")
            self.warn(
                IGNORED_VALUE, message.format(what=_(what), value=repr(shown), low=low, high=high)
            )
            return None
        return number


def _is_integer(text: str) -> bool:
    digits = text[1:] if text[:1] in "+-" else text
    return 0 < len(digits) <= 18 and digits.isascii() and digits.isdigit()


# How a passed limit is reported: what there is too much of.
_COST_NAMES = {
    "paragraphs": N_("too many paragraphs"),
    "text_chars": N_("too much text (characters)"),
    "table_cells": N_("tables too large (grid cells)"),
    "picture_bytes": N_("too many picture bytes"),
}
