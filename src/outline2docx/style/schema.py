"""Which keys a style file may hold, and building a checked HouseStyle from its tables.

Every key and value is checked: a mistake is a StyleError that names the file and the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from outline2docx.i18n import N_, _
from outline2docx.style.model import (
    INLINE_KINDS,
    LAYOUT_ROLES,
    PARAGRAPH_ONLY,
    STYLE_ROLES,
    HouseStyle,
    Look,
    Page,
    PageNumber,
    TextDefaults,
)
from outline2docx.style.values import (
    Checker,
    alignment,
    border,
    color,
    flag,
    font_size,
    length_between,
    line_spacing,
    nonempty_text,
    number_between,
    page_number_format,
    shown,
    whole_number_between,
)

LOOK_KEYS: dict[str, Callable[[Any], Any]] = {
    "alias": nonempty_text,
    "east_asian": nonempty_text,
    "latin": nonempty_text,
    "size": font_size,
    "bold": flag,
    "italic": flag,
    "color": color,
    "align": alignment,
    "first_line_indent": number_between(0, 20),
    "left_indent": number_between(0, 40),
    "right_indent": number_between(0, 40),
    "space_before": number_between(0, 10),
    "space_after": number_between(0, 10),
    "line_spacing": line_spacing,
    "keep_with_next": flag,
    "page_break_before": flag,
    "contextual_spacing": flag,
    "snap_to_grid": flag,
    "widow_control": flag,
    "border_top": border,
    "border_bottom": border,
    "right_tab": flag,
    "outline_level": whole_number_between(1, 9),
}
# Word takes paper up to 22 inches a side; margins and header distances fit on that paper.
PAPER = length_between("10mm", "558.8mm")
MARGIN = length_between("0mm", "558.8mm")
PAGE_KEYS = {
    "width": PAPER,
    "height": PAPER,
    "top": MARGIN,
    "bottom": MARGIN,
    "left": MARGIN,
    "right": MARGIN,
    "header": MARGIN,
    "footer": MARGIN,
    "lines": whole_number_between(5, 80),
    "chars": whole_number_between(5, 80),
    "duplex": flag,
}
TEXT_KEYS = {
    "east_asian": nonempty_text,
    "latin": nonempty_text,
    "size": font_size,
    "language": nonempty_text,
}
PAGE_NUMBER_POSITIONS = ("outer", "center")


def page_number_position(value: Any) -> str:
    """outer (odd pages right, even pages left) or center."""
    if value in PAGE_NUMBER_POSITIONS:
        return value
    message = _("{value} is not one of {positions}")
    raise ValueError(message.format(value=shown(value), positions=", ".join(PAGE_NUMBER_POSITIONS)))


PAGE_NUMBER_KEYS = {
    "format": page_number_format,
    "east_asian": nonempty_text,
    "latin": nonempty_text,
    "size": font_size,
    "indent": number_between(0, 10),
    "position": page_number_position,
    "first_page": flag,
}
# Keys a style may leave out: the defaults of the model hold (GB/T 9704's placement).
OPTIONAL_PAGE_NUMBER_KEYS = frozenset({"position", "first_page"})
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
    check: Checker,
    data: Mapping[str, Any],
    key: str,
    keys: Mapping[str, Any],
    required: bool = True,
) -> dict[str, Any]:
    table = check.table(data, key)
    check.no_unknown(table, set(keys), f"{key}.")
    wanted = keys if required else [name for name in keys if name in table]
    return {name: check.take(table, name, keys[name], f"{key}.") for name in wanted}


# The parts of the merged page must fit together: the keys each rule is about, the rule (on
# the page and the body text size in points), and what is wrong when it fails. Rules run in
# order, each assuming the ones before it hold; a grid pitch under half the body text size
# would print lines or characters on top of one another.
GEOMETRY_RULES: tuple[tuple[str, Callable[[Page, float], bool], str], ...] = (
    (
        "page.width, page.left, page.right",
        lambda page, size: page.text_width > 0,
        N_("margins {left} + {right} leave no room for text on paper {width} wide"),
    ),
    (
        "page.height, page.top, page.bottom",
        lambda page, size: page.text_height > 0,
        N_("margins {top} + {bottom} leave no room for text on paper {height} high"),
    ),
    (
        "page.header",
        lambda page, size: page.header < page.height,
        N_("a header {header} from the edge is off paper {height} high"),
    ),
    (
        "page.footer",
        lambda page, size: page.footer < page.height,
        N_("a footer {footer} from the edge is off paper {height} high"),
    ),
    (
        "page.lines",
        lambda page, size: page.line_pitch >= size * 10,  # half the size, in twips
        N_(
            "{lines} lines in a text block {text_height} high are {line_pitch} apart, "
            "less than half the body text size ({size})"
        ),
    ),
    (
        "page.chars",
        lambda page, size: page.text_width / page.chars >= size * 10,
        N_(
            "{chars} characters on a line {text_width} wide are {char_pitch} apart, "
            "less than half the body text size ({size})"
        ),
    ),
)


def check_geometry(check: Checker, page: Page, size: float) -> None:
    """Refuse a page whose margins, grid and body text size do not fit together."""
    for keys, holds, problem in GEOMETRY_RULES:
        if not holds(page, size):
            raise check.fail(keys, _(problem).format(**_page_figures(page, size)))


def _page_figures(page: Page, size: float) -> dict[str, str]:
    def mm(twips: float) -> str:
        return f"{round(twips * 25.4 / 1440, 1):g}mm"

    lengths = ("width", "height", "top", "bottom", "left", "right", "header", "footer")
    return {
        **{name: mm(getattr(page, name)) for name in lengths},
        "text_width": mm(page.text_width),
        "text_height": mm(page.text_height),
        "lines": str(page.lines),
        "chars": str(page.chars),
        "line_pitch": f"{page.line_pitch / 20:g}pt",
        "char_pitch": f"{page.text_width / page.chars / 20:.3g}pt",
        "size": f"{size:g}pt",
    }


_SECTIONS = (("page", PAGE_KEYS), ("text", TEXT_KEYS), ("page_number", PAGE_NUMBER_KEYS))


def check_file(path: Path, data: Mapping[str, Any]) -> None:
    """Check one file's own keys and values, before merging, so errors name the right file."""
    check = Checker(path)
    check.no_unknown(data, TOP_KEYS | {"extends"}, "")
    for key, keys in _SECTIONS:
        _section(check, data, key, keys, required=False)
    _looks(check, data, "paragraph_styles", paragraph=True)
    _looks(check, data, "character_styles", paragraph=False)
    check.no_unknown(check.table(data, "inline"), set(INLINE_KINDS), "inline.")
    for role in check.table(data, "roles"):
        if role not in STYLE_ROLES:
            known = ", ".join(sorted(STYLE_ROLES))
            raise check.fail(
                f"roles.{role}", _("unknown role (known: {known})").format(known=known)
            )


def _looks(check: Checker, data: Mapping[str, Any], key: str, paragraph: bool) -> dict:
    allowed = set(LOOK_KEYS) if paragraph else set(LOOK_KEYS) - PARAGRAPH_ONLY
    looks = {}
    for style_name, table in check.table(data, key).items():
        prefix = f"{key}.{style_name}."
        check.take({style_name: style_name}, style_name, nonempty_text, f"{key}.")  # in XML
        if not isinstance(table, Mapping):
            raise check.fail(f"{key}.{style_name}", _("must be a table of style properties"))
        check.no_unknown(table, allowed, prefix)
        looks[style_name] = Look(
            **{name: check.take(table, name, LOOK_KEYS[name], prefix) for name in table}
        )
    return looks


def _roles(check: Checker, data, paragraphs, characters) -> dict[str, tuple[str, str | None]]:
    roles = {}
    for role, value in check.table(data, "roles").items():
        key = f"roles.{role}"
        names = [value] if isinstance(value, str) else value
        if not (
            isinstance(names, list)
            and len(names) in (1, 2)
            and all(isinstance(name, str) for name in names)
        ):
            raise check.fail(key, _("must be a paragraph style, or [paragraph style, lead style]"))
        paragraph, lead = names[0], names[1] if len(names) == 2 else None
        if paragraph not in paragraphs:
            message = _("no paragraph style {name} in paragraph_styles")
            raise check.fail(key, message.format(name=shown(paragraph)))
        if lead is not None and lead not in characters:
            message = _("no character style {name} in character_styles")
            raise check.fail(key, message.format(name=shown(lead)))
        roles[role] = (paragraph, lead)
    missing = STYLE_ROLES - set(roles) - LAYOUT_ROLES
    if missing:
        message = _("no style for {roles}").format(roles=", ".join(sorted(missing)))
        raise check.fail("roles", message)
    return roles


def build_style(path: Path, data: dict[str, Any]) -> HouseStyle:
    """The HouseStyle of a file's merged tables; StyleError naming ``path`` if incomplete."""
    check = Checker(path)
    paragraphs = _looks(check, data, "paragraph_styles", paragraph=True)
    if "Normal" not in paragraphs:
        raise check.fail("paragraph_styles.Normal", _("is required: every style is based on it"))
    characters = _looks(check, data, "character_styles", paragraph=False)
    description = data.get("description", "")
    if not isinstance(description, str):
        raise check.fail("description", _("must be a string"))
    page = Page(**_section(check, data, "page", PAGE_KEYS))
    text = TextDefaults(**_section(check, data, "text", TEXT_KEYS))
    check_geometry(check, page, text.size)
    return HouseStyle(
        name=path.stem,
        description=description,
        page=page,
        text=text,
        page_number=_page_number(check, data),
        paragraph_styles=paragraphs,
        character_styles=characters,
        roles=_roles(check, data, paragraphs, characters),
        inline=_inline(check, data, characters),
    )


def _page_number(check: Checker, data: Mapping[str, Any]) -> PageNumber:
    """The page number's section: every key required but the optional placement ones."""
    table = check.table(data, "page_number")
    keys = {
        name: convert
        for name, convert in PAGE_NUMBER_KEYS.items()
        if name in table or name not in OPTIONAL_PAGE_NUMBER_KEYS
    }
    return PageNumber(**_section(check, data, "page_number", keys))


def _inline(check: Checker, data, characters) -> dict[str, str]:
    table = check.table(data, "inline")
    check.no_unknown(table, set(INLINE_KINDS), "inline.")
    for kind in INLINE_KINDS:
        name = check.take(table, kind, nonempty_text, "inline.")
        if name not in characters:
            message = _("no character style {name} in character_styles")
            raise check.fail(f"inline.{kind}", message.format(name=shown(name)))
    return {kind: table[kind] for kind in INLINE_KINDS}
