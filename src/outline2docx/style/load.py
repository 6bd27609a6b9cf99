"""Finding and reading house style files: built-ins by name, ``extends`` chains, merging.

A style file may ``extends`` another (a built-in name or a path) and override any value;
tables merge key by key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from outline2docx.i18n import _
from outline2docx.style.model import HouseStyle, StyleError
from outline2docx.style.schema import build_style, check_file
from outline2docx.style.values import shown

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_STYLE = "gbt9704"
# Bounds on what a style file may ask of the loader; real styles are far inside them.
MAX_EXTENDS = 10  # styles extending one another in a row
MAX_NESTING = 8  # tables and arrays inside one another (a style needs four)
MAX_STYLE_BYTES = 1_000_000


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
    data = _load_merged(path, (_identity(path),))
    return build_style(path, data)


def style_path(name_or_path: str | Path) -> Path:
    """The file of a built-in style name, or the given style file; StyleError if neither."""
    return _locate(str(name_or_path), None)


def style_text(name_or_path: str | Path) -> str:
    """The text of a built-in style or a style file, as ``styles show`` prints it."""
    return _read_text(style_path(name_or_path))


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
    where = _("{file}: key 'extends': ").format(file=relative_to) if relative_to else ""
    try:
        if path.is_file():
            return path
    except OSError as exc:  # a name the file system refuses, such as one too long
        message = _("cannot open {name}: {error}").format(
            name=shown(ref), error=exc.strerror or exc
        )
        raise StyleError(where + message) from None
    known = ", ".join(builtin)
    message = _("no house style {name}: not a file, nor one of {known}")
    raise StyleError(where + message.format(name=shown(ref), known=known))


def _identity(path: Path) -> Path:
    """The file ``path`` names, however spelt (``a/../a.toml``, a link): to find loops."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop; the name as given still tells files apart
        return path.absolute()


def _load_merged(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    data = _read_toml(path)
    check_file(path, data)
    data["__file__"] = str(path)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise StyleError(
            _("{file}: key 'extends' must be a style name or a path").format(file=path)
        )
    base = _locate(parent, path)
    if _identity(base) in chain:
        message = _("{file}: key 'extends': {name} loops back to {base}")
        raise StyleError(message.format(file=path, name=shown(parent), base=base))
    if len(chain) >= MAX_EXTENDS:
        message = _("{file}: key 'extends': more than {count} styles extend in a row")
        raise StyleError(message.format(file=path, count=MAX_EXTENDS))
    return _merge(_load_merged(base, (*chain, _identity(base))), data)


def _read_text(path: Path) -> str:
    """The text of a style file; StyleError if unreadable, not UTF-8, or too large for one."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_STYLE_BYTES + 1)
        if len(raw) > MAX_STYLE_BYTES:
            message = _("{file}: over {size} kB: not a house style")
            raise StyleError(message.format(file=path, size=MAX_STYLE_BYTES // 1000))
        return raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(_("{file}: cannot read: {error}").format(file=path, error=exc)) from None


def _read_toml(path: Path) -> dict[str, Any]:
    """The tables of one style file, refused when too large or nested too deep."""
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StyleError(
            _("{file}: not valid TOML: {error}").format(file=path, error=exc)
        ) from None
    except RecursionError:  # the parser recurses once per level of [ or {
        raise StyleError(f"{path}: {_deep_line(text)}{_too_deep()}") from None
    key = _deep_key(data)
    if key is not None:
        raise StyleError(f"{path}: " + _("key {key}: ").format(key=repr(key)) + _too_deep())
    return data


def _too_deep() -> str:
    return _("nested more than {count} tables or arrays deep").format(count=MAX_NESTING)


_TABLE_LINE = re.compile(r"\s*\[\[?\s*([^\]]+?)\s*\]")
_KEY_LINE = re.compile(r"\s*([^\s=\[\]{}#][^=]*?)\s*=")


def _deep_key(data: dict[str, Any]) -> str | None:
    """The dotted key of the first value nested deeper than MAX_NESTING, or None."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, key, depth = stack.pop()
        if depth > MAX_NESTING:
            return key
        if isinstance(value, dict):
            stack.extend((v, f"{key}.{k}".lstrip("."), depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{key}[{i}]", depth + 1) for i, v in enumerate(value))
    return None


def _deep_line(text: str) -> str:
    """Where brackets first open deeper than MAX_NESTING: "key 'a' (line 3): ", or ""."""
    depth, table, key = 0, "", ""
    for number, line in enumerate(text.splitlines(), 1):
        if depth == 0 and (header := _TABLE_LINE.match(line)):
            table = header.group(1) + "."
        elif depth == 0 and (assignment := _KEY_LINE.match(line)):
            key = table + assignment.group(1)
        for char in _outside_strings(line):
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_NESTING:
                return _("key {key} (line {line}): ").format(key=shown(key), line=number)
    return ""


def _outside_strings(line: str) -> str:
    """The brackets of ``line`` outside quotes and comments (roughly: escapes are ignored)."""
    kept, quote = [], None
    for char in line:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in "[]{}":
            kept.append(char)
    return "".join(kept)


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged
