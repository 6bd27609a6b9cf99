"""Finding and reading house style files: built-ins by name, ``extends`` chains, merging.

A style file may ``extends`` another (a built-in name or a path) and override any value;
tables merge key by key.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from outline2docx.style.model import HouseStyle, StyleError
from outline2docx.style.schema import build_style, check_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_STYLE = "gbt9704"


def builtin_styles() -> dict[str, Path]:
    """Names and files of the styles shipped with outline2docx."""
    return {p.stem: p for p in sorted(_styles_dir().glob("*.toml"))}


def _styles_dir() -> Path:
    # The wheel puts styles/ inside the package (installed as plain files, never zipped);
    # a source checkout keeps it at the repository root. importlib.resources would cost a
    # visible share of a one-file conversion's start-up.
    package = Path(__file__).resolve().parents[1]  # outline2docx/, this file is style/load.py
    shipped = package / "styles"
    return shipped if shipped.is_dir() else package.parents[1] / "styles"


def load_style(name_or_path: str | Path = DEFAULT_STYLE) -> HouseStyle:
    """Load a built-in style by name, or a style file by path, resolving ``extends``."""
    path = style_path(name_or_path)
    data = _load_merged(path, ())
    return build_style(path, data)


def style_path(name_or_path: str | Path) -> Path:
    """The file of a built-in style name, or the given style file; StyleError if neither."""
    return _locate(str(name_or_path), None)


def starter_style(base: str) -> str:
    """The text of a new style file that extends ``base`` and shows what it may override."""
    return f"""# A house style for outline2docx. It starts from {base!r} and overrides what differs;
# see `outline2docx styles show {base}` for every value it inherits.

extends = "{base}"

# [page]
# top = "37mm"                       # margins, paper, lines and characters per page

# [text]
# east_asian = "仿宋"                # when 仿宋_GB2312 is missing on your machines

# [paragraph_styles."heading 1"]     # Word's Heading 1 (标题 1): 一、 headings
# east_asian = "黑体"
# size = "三号"                       # Chinese size names, or "16pt"
# bold = false

# [paragraph_styles.Normal]           # body text
# first_line_indent = 2               # characters

# [page_number]
# format = "— {{page}} —"
"""


def _locate(ref: str, relative_to: Path | None) -> Path:
    builtin = builtin_styles()
    if ref in builtin:
        return builtin[ref]
    path = Path(ref)
    if relative_to is not None and not path.is_absolute():
        path = relative_to.parent / path
    if path.is_file():
        return path
    known = ", ".join(builtin)
    where = f"{relative_to}: " if relative_to else ""
    raise StyleError(f"{where}no house style {ref!r}: not a file, nor one of {known}")


def _load_merged(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    if path in chain:
        raise StyleError(f"{path}: 'extends' loops back to itself")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise StyleError(f"{path}: not valid TOML: {exc}") from None
    check_file(path, data)
    data["__file__"] = str(path)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise StyleError(f"{path}: key 'extends' must be a style name or a path")
    base = _load_merged(_locate(parent, path), (*chain, path))
    return _merge(base, data)


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged
