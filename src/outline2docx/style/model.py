"""The house style as plain data: how each role looks, on which page, with which defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

from outline2docx.errors import Outline2DocxError
from outline2docx.tree.nodes import Role

# Role names a style may map: the tree's roles, the continuation line of an attachment note,
# and the paragraph that holds a picture.
# Layout parts the renderer places itself: header notes (份号/密级/紧急程度), the document
# number under an issuer mark (with the red rule), and the imprint lines (版记).
LAYOUT_ROLES = frozenset(
    {
        "attachment_item",
        "attachment_label",
        "date_note",
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
    snap_to_grid: bool | None = None  # False: the line keeps its own height, off the page grid
    keep_with_next: bool | None = None
    page_break_before: bool | None = None  # starts a new page: each attachment (§7.3.8)
    contextual_spacing: bool | None = None  # no space between paragraphs of this same style
    widow_control: bool | None = None  # move a paragraph's first or last line to keep two
    border_top: Border | None = None
    border_bottom: Border | None = None
    right_tab: bool | None = None  # a tab stop at the right edge: "印发机关<tab>印发日期"
    outline_level: int | None = None  # 1-9: shows in the navigation pane and contents


# How a paragraph is set on the page: its alignment, indents and spacing.
BLOCK_KEYS = (
    "align",
    "first_line_indent",
    "left_indent",
    "right_indent",
    "space_before",
    "space_after",
    "line_spacing",
)
PARAGRAPH_ONLY = frozenset(
    {
        *BLOCK_KEYS,
        "snap_to_grid",
        "keep_with_next",
        "page_break_before",
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
    def text_height(self) -> int:
        """Height of the text block in twips."""
        return self.height - self.top - self.bottom

    @property
    def line_pitch(self) -> int:
        """Height of one grid line in twips (text block height / lines per page)."""
        return self.text_height // self.lines


@dataclass(frozen=True, slots=True)
class TextDefaults:
    """Document defaults: fonts, size and language every style starts from."""

    east_asian: str
    latin: str
    size: float
    language: str


@dataclass(frozen=True, slots=True)
class PageNumber:
    """The footer's page number: format with {page}, font, size, distance from the edge, where."""

    format: str
    east_asian: str
    latin: str
    size: float
    indent: float
    position: str = "outer"  # outer (GB/T 9704: odd pages right, even left) or center
    first_page: bool = True  # False: no number on the first page, as some local rules ask


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
