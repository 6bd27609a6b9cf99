"""House styles: TOML files that say how each role looks, loaded and checked into plain data.

A style file may ``extends`` another (a built-in name or a path) and override any value;
tables merge key by key. Every key and value is checked: a mistake is a StyleError that names
the file and the key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from outline2docx.errors import Outline2DocxError
from outline2docx.tree.nodes import Role

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_STYLE = "gbt9704"
# Role names a style may map: the tree's roles, the continuation line of an attachment note,
# and the paragraph that holds a picture.
# Layout parts the renderer places itself: header notes (份号/密级/紧急程度), the document
# number under an issuer mark (with the red rule), and the imprint lines (版记).
LAYOUT_ROLES = frozenset(
    {
        "attachment_item",
        "picture",
        "header_note",
        "header_number",
        "header_number_signed",
        "imprint_copy",
        "imprint_printed",
        "imprint_single",
    }
)
STYLE_ROLES = frozenset(role.value for role in Role) | LAYOUT_ROLES
# Inline formatting kinds (tree.nodes.Span.kind) and the character style each takes.
INLINE_KINDS = ("emphasis", "strong", "literal")

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


class StyleError(Outline2DocxError):
    """A house style file is missing, unreadable, or holds an unknown key or a bad value."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Border:
    """A rule above or below a paragraph: width (eighths of a point), colour, distance (pt)."""

    width: int
    color: str
    space: int


@dataclass(frozen=True, slots=True)
class Look:
    """What one paragraph or character style sets; None leaves the value to its parent."""

    alias: str | None = None  # a second name Word shows, e.g. 发文字号
    east_asian: str | None = None
    latin: str | None = None
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None  # RRGGBB
    align: str | None = None  # left, center, right, justify
    first_line_indent: float | None = None  # characters
    left_indent: float | None = None  # characters
    right_indent: float | None = None  # characters
    space_before: float | None = None  # lines of the page grid
    space_after: float | None = None  # lines of the page grid
    line_spacing: tuple[str, int] | None = None  # ("exact", twips) or ("auto", 240ths of a line)
    keep_with_next: bool | None = None
    contextual_spacing: bool | None = None  # no space between paragraphs of this same style
    widow_control: bool | None = None  # move a paragraph's first or last line to keep two
    border_top: Border | None = None
    border_bottom: Border | None = None
    right_tab: bool | None = None  # a tab stop at the right edge: "印发机关<tab>印发日期"
    outline_level: int | None = None  # 1-9: shows in the navigation pane and contents


PARAGRAPH_ONLY = frozenset(
    {
        "align",
        "first_line_indent",
        "left_indent",
        "right_indent",
        "space_before",
        "space_after",
        "line_spacing",
        "keep_with_next",
        "widow_control",
        "contextual_spacing",
        "outline_level",
        "border_top",
        "border_bottom",
        "right_tab",
    }
)


@dataclass(frozen=True, slots=True)
class Page:
    """Paper, margins (twips), the line and character grid, and duplex printing."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    lines: int
    chars: int
    duplex: bool

    @property
    def text_width(self) -> int:
        """Width of the text block in twips."""
        return self.width - self.left - self.right

    @property
    def line_pitch(self) -> int:
        """Height of one grid line in twips (text block height / lines per page)."""
        return (self.height - self.top - self.bottom) // self.lines


@dataclass(frozen=True, slots=True)
class TextDefaults:
    """Document defaults: fonts, size and language every style starts from."""

    east_asian: str
    latin: str
    size: float
    language: str


@dataclass(frozen=True, slots=True)
class PageNumber:
    """The footer's page number: format with {page}, font, size, distance from the edge."""

    format: str
    east_asian: str
    latin: str
    size: float
    indent: float


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """A complete, checked house style."""

    name: str
    description: str
    page: Page
    text: TextDefaults
    page_number: PageNumber
    paragraph_styles: dict[str, Look]
    character_styles: dict[str, Look]
    roles: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    inline: dict[str, str] = field(default_factory=dict)  # span kind -> character style

    @property
    def char_pitch(self) -> float:
        """Width of one grid character in points: the text block width / characters per line."""
        return self.page.text_width / 20 / self.page.chars


# ---- loading -----------------------------------------------------------------------------


def builtin_styles() -> dict[str, Path]:
    """Names and files of the styles shipped with outline2docx."""
    return {p.stem: p for p in sorted(_styles_dir().glob("*.toml"))}


def _styles_dir() -> Path:
    # The wheel puts styles/ inside the package (installed as plain files, never zipped);
    # a source checkout keeps it at the repository root. importlib.resources would cost a
    # visible share of a one-file conversion's start-up.
    package = Path(__file__).resolve().parents[1]
    shipped = package / "styles"
    return shipped if shipped.is_dir() else package.parents[1] / "styles"


def load_style(name_or_path: str | Path = DEFAULT_STYLE) -> HouseStyle:
    """Load a built-in style by name, or a style file by path, resolving ``extends``."""
    path = style_path(name_or_path)
    data = _load_merged(path, ())
    return _build(path, data)


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
    _check_values(path, data)
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


# ---- checking ----------------------------------------------------------------------------


class _Checker:
    """Reads typed values out of the merged tables, naming file and key on any mistake."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> StyleError:
        return StyleError(f"{self.path}: key {key!r}: {problem}")

    def table(self, data: Mapping[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            raise self.fail(key, "must be a table")
        return dict(value)

    def no_unknown(self, data: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(
                    f"{prefix}{key}",
                    f"unknown key (known: {', '.join(sorted(allowed - {'__file__'}))})",
                )

    def take(self, data: Mapping[str, Any], key: str, convert: Callable[[Any], Any], prefix=""):
        if key not in data:
            raise self.fail(prefix + key, "is required")
        try:
            return convert(data[key])
        except (TypeError, ValueError) as exc:
            raise self.fail(prefix + key, str(exc)) from None


def _length(value: Any) -> int:
    if isinstance(value, str) and (m := _LENGTH.match(value)):
        return round(float(m.group(1)) * _TWIPS_PER[m.group(2)])
    raise ValueError(f"{value!r} is not a length such as '37mm', '2.5cm', '12pt' or '1in'")


def _size(value: Any) -> float:
    if isinstance(value, str):
        if value in CHINESE_SIZES:
            return float(CHINESE_SIZES[value])
        if m := _POINTS.match(value):
            return float(m.group(1))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= 400:
        return float(value)
    names = "、".join(CHINESE_SIZES)
    raise ValueError(f"{value!r} is not a font size: a Chinese size name ({names}) or '16pt'")


def _number(low: float, high: float) -> Callable[[Any], float]:
    def convert(value: Any) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
            return float(value)
        raise ValueError(f"{value!r} is not a number from {low:g} to {high:g}")

    return convert


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        raise ValueError(f"{value!r} is not a whole number from {low} to {high}")

    return convert


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} is not true or false")


def _text(value: Any) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise ValueError(f"{value!r} is not a non-empty string")


def _color(value: Any) -> str:
    if isinstance(value, str) and _COLOR.match(value):
        return value.upper()
    raise ValueError(f"{value!r} is not a colour as six hex digits, such as 'FF0000'")


def _align(value: Any) -> str:
    if value in ("left", "center", "right", "justify"):
        return value
    raise ValueError(f"{value!r} is not one of left, center, right, justify")


def _line_spacing(value: Any) -> tuple[str, int]:
    if isinstance(value, str):
        return ("exact", _length(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0.5 <= value <= 5:
        return ("auto", round(value * 240))
    raise ValueError(f"{value!r} is not a line spacing: a height such as '28pt' or a multiple 1-5")


def _border(value: Any) -> Border:
    if (
        isinstance(value, Mapping)
        and set(value) <= {"width", "color", "space"}
        and "width" in value
    ):
        width = _length(value["width"]) / 20  # points
        space = _length(value.get("space", "0pt")) / 20
        return Border(round(width * 8), _color(value.get("color", "000000")), round(space))
    example = '{ width = "1pt", color = "FF0000", space = "4pt" }'
    raise ValueError(f"{value!r} is not a rule such as {example}")


def _page_number_format(value: Any) -> str:
    if isinstance(value, str) and value.count("{page}") == 1:
        return value
    raise ValueError(f"{value!r} must contain {{page}} exactly once, as in '— {{page}} —'")


LOOK_KEYS: dict[str, Callable[[Any], Any]] = {
    "alias": _text,
    "east_asian": _text,
    "latin": _text,
    "size": _size,
    "bold": _flag,
    "italic": _flag,
    "color": _color,
    "align": _align,
    "first_line_indent": _number(0, 20),
    "left_indent": _number(0, 40),
    "right_indent": _number(0, 40),
    "space_before": _number(0, 10),
    "space_after": _number(0, 10),
    "line_spacing": _line_spacing,
    "keep_with_next": _flag,
    "contextual_spacing": _flag,
    "widow_control": _flag,
    "border_top": _border,
    "border_bottom": _border,
    "right_tab": _flag,
    "outline_level": _integer(1, 9),
}
PAGE_KEYS = {
    "width": _length,
    "height": _length,
    "top": _length,
    "bottom": _length,
    "left": _length,
    "right": _length,
    "header": _length,
    "footer": _length,
    "lines": _integer(5, 80),
    "chars": _integer(5, 80),
    "duplex": _flag,
}
TEXT_KEYS = {"east_asian": _text, "latin": _text, "size": _size, "language": _text}
PAGE_NUMBER_KEYS = {
    "format": _page_number_format,
    "east_asian": _text,
    "latin": _text,
    "size": _size,
    "indent": _number(0, 10),
}
TOP_KEYS = {
    "description",
    "page",
    "text",
    "page_number",
    "paragraph_styles",
    "character_styles",
    "roles",
    "inline",
    "__file__",
}


def _section(
    check: _Checker,
    data: Mapping[str, Any],
    key: str,
    keys: Mapping[str, Any],
    required: bool = True,
) -> dict[str, Any]:
    table = check.table(data, key)
    check.no_unknown(table, set(keys), f"{key}.")
    wanted = keys if required else [name for name in keys if name in table]
    return {name: check.take(table, name, keys[name], f"{key}.") for name in wanted}


_SECTIONS = (("page", PAGE_KEYS), ("text", TEXT_KEYS), ("page_number", PAGE_NUMBER_KEYS))


def _check_values(path: Path, data: Mapping[str, Any]) -> None:
    """Check one file's own keys and values, before merging, so errors name the right file."""
    check = _Checker(path)
    check.no_unknown(data, TOP_KEYS | {"extends"}, "")
    for key, keys in _SECTIONS:
        _section(check, data, key, keys, required=False)
    _looks(check, data, "paragraph_styles", paragraph=True)
    _looks(check, data, "character_styles", paragraph=False)
    check.no_unknown(check.table(data, "inline"), set(INLINE_KINDS), "inline.")
    for role in check.table(data, "roles"):
        if role not in STYLE_ROLES:
            raise check.fail(
                f"roles.{role}", f"unknown role (known: {', '.join(sorted(STYLE_ROLES))})"
            )


def _looks(check: _Checker, data: Mapping[str, Any], key: str, paragraph: bool) -> dict:
    allowed = set(LOOK_KEYS) if paragraph else set(LOOK_KEYS) - PARAGRAPH_ONLY
    looks = {}
    for style_name, table in check.table(data, key).items():
        prefix = f"{key}.{style_name}."
        if not isinstance(table, Mapping):
            raise check.fail(f"{key}.{style_name}", "must be a table of style properties")
        check.no_unknown(table, allowed, prefix)
        looks[style_name] = Look(
            **{name: check.take(table, name, LOOK_KEYS[name], prefix) for name in table}
        )
    return looks


def _roles(check: _Checker, data, paragraphs, characters) -> dict[str, tuple[str, str | None]]:
    roles = {}
    for role, value in check.table(data, "roles").items():
        key = f"roles.{role}"
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or len(names) not in (1, 2):
            raise check.fail(key, "must be a paragraph style, or [paragraph style, lead style]")
        paragraph, lead = names[0], names[1] if len(names) == 2 else None
        if paragraph not in paragraphs:
            raise check.fail(key, f"no paragraph style {paragraph!r} in paragraph_styles")
        if lead is not None and lead not in characters:
            raise check.fail(key, f"no character style {lead!r} in character_styles")
        roles[role] = (paragraph, lead)
    missing = STYLE_ROLES - set(roles) - LAYOUT_ROLES
    if missing:
        raise check.fail("roles", f"no style for {', '.join(sorted(missing))}")
    return roles


def _build(path: Path, data: dict[str, Any]) -> HouseStyle:
    check = _Checker(path)
    paragraphs = _looks(check, data, "paragraph_styles", paragraph=True)
    if "Normal" not in paragraphs:
        raise check.fail("paragraph_styles.Normal", "is required: every style is based on it")
    characters = _looks(check, data, "character_styles", paragraph=False)
    description = data.get("description", "")
    if not isinstance(description, str):
        raise check.fail("description", "must be a string")
    return HouseStyle(
        name=path.stem,
        description=description,
        page=Page(**_section(check, data, "page", PAGE_KEYS)),
        text=TextDefaults(**_section(check, data, "text", TEXT_KEYS)),
        page_number=PageNumber(**_section(check, data, "page_number", PAGE_NUMBER_KEYS)),
        paragraph_styles=paragraphs,
        character_styles=characters,
        roles=_roles(check, data, paragraphs, characters),
        inline=_inline(check, data, characters),
    )


def _inline(check: _Checker, data, characters) -> dict[str, str]:
    table = check.table(data, "inline")
    check.no_unknown(table, set(INLINE_KINDS), "inline.")
    for kind in INLINE_KINDS:
        name = check.take(table, kind, _text, "inline.")
        if name not in characters:
            raise check.fail(f"inline.{kind}", f"no character style {name!r} in character_styles")
    return {kind: table[kind] for kind in INLINE_KINDS}
