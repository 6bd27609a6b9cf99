"""outline2docx: plain Chinese text to Word documents in the official format of GB/T 9704-2012.

>>> import outline2docx
>>> doc = outline2docx.parse("一、总体要求\\n坚持问题导向。")
>>> [p.role.value for p in doc.paragraphs()]
['h1', 'body']
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from outline2docx.errors import InputError, Outline2DocxError

if TYPE_CHECKING:
    from outline2docx.parse import parse
    from outline2docx.tree import Diagnostic, Document, Numbering, Paragraph, Role, Section

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Document",
    "InputError",
    "Numbering",
    "Outline2DocxError",
    "Paragraph",
    "Role",
    "Section",
    "__version__",
    "parse",
]

# Public names imported on first use (PEP 562): the recognizer and the tree cost start-up time
# that `outline2docx --help` or `styles list` should not pay.
# parse, which shares its name with its module, is a property of _Package below.
_LAZY = dict.fromkeys(
    ("Diagnostic", "Document", "Numbering", "Paragraph", "Role", "Section"), "outline2docx.tree"
)


def __getattr__(name: str) -> Any:
    """A lazy public name, imported now and kept."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(import_module(_LAZY[name]), name)
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "parse"})


class _Package(ModuleType):
    """This package, whose ``parse`` stays the function once the submodule is imported.

    Importing ``outline2docx.parse`` sets the package's attribute of that name to the module;
    the function was the public name before it was lazy, and must stay so."""

    @property
    def parse(self) -> Any:
        """The function outline2docx.parse.parse (or what a caller set in its place)."""
        return self.__dict__.get("parse") or import_module("outline2docx.parse").parse

    @parse.setter
    def parse(self, value: Any) -> None:
        """Keep a value set by a caller (a test's stand-in); ignore the submodule's binding."""
        if not isinstance(value, ModuleType):
            self.__dict__["parse"] = value


sys.modules[__name__].__class__ = _Package
