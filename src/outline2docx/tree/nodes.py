"""The document tree: what every front-end builds and every back-end renders.

A Document holds Blocks in reading order. A Section is opened by a numbered heading and holds
the blocks up to the next heading of the same or a higher rank; a Paragraph is any other line.
Every node keeps the source line numbers it came from, and its text exactly as read (trimmed),
so the tree loses nothing of the input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from outline2docx.tree.numbering import NumberingKind

from outline2docx.tree.meta import Meta


class Role(str, Enum):
    """What a line is, in the vocabulary of ../shared/spec/roles.md."""

    ISSUER = "issuer"
    TITLE = "title"
    SUBTITLE = "subtitle"
    DOCNUMBER = "docnumber"
    BYLINE = "byline"
    ADDRESSEE = "addressee"
    SALUTATION = "salutation"
    H1 = "h1"
    H2 = "h2"
    H3 = "h3"
    H4 = "h4"
    H5 = "h5"
    H1_RUNIN = "h1_runin"
    H2_RUNIN = "h2_runin"
    H3_RUNIN = "h3_runin"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    RUNIN = "runin"
    BODY = "body"
    CLOSING = "closing"
    ATTACHMENT = "attachment"
    SIGNATURE = "signature"
    DATE = "date"
    NOISE = "noise"
    # Roles the text parser never gives, for what other front-ends (Sphinx, .docx) bring.
    LIST_ITEM = "list_item"  # an item of a bulleted, enumerated or definition list
    QUOTE = "quote"  # a block quotation
    NOTE = "note"  # a note, warning or other admonition
    CODE = "code"  # a line of a literal or code block
    CAPTION = "caption"  # the caption of a figure or table
    FOOTNOTE = "footnote"
    TABLE_TEXT = "table_text"  # a paragraph inside a table cell

    def __str__(self) -> str:
        return self.value

    @property
    def is_heading(self) -> bool:
        """True for roles that open a section (numbered headings, chapters, articles)."""
        return self in HEADING_ROLES


HEADING_ROLES = frozenset(
    {
        Role.H1,
        Role.H2,
        Role.H3,
        Role.H4,
        Role.H5,
        Role.H1_RUNIN,
        Role.H2_RUNIN,
        Role.H3_RUNIN,
        Role.CHAPTER,
        Role.SECTION,
        Role.ARTICLE,
    }
)
# Headings that carry body text on their line: their lead is the heading, the rest a paragraph.
RUNIN_HEADING_ROLES = frozenset({Role.H1_RUNIN, Role.H2_RUNIN, Role.H3_RUNIN})
# The parts above the text: what comes before the addressee or the first paragraph.
FRONT_ROLES = frozenset({Role.ISSUER, Role.DOCNUMBER, Role.TITLE, Role.SUBTITLE, Role.BYLINE})
# Roles that belong to the document as a whole: they close any open section.
FRAME_ROLES = frozenset(
    {
        Role.ISSUER,
        Role.TITLE,
        Role.SUBTITLE,
        Role.DOCNUMBER,
        Role.BYLINE,
        Role.ADDRESSEE,
        Role.SALUTATION,
        Role.CLOSING,
        Role.ATTACHMENT,
        Role.SIGNATURE,
        Role.DATE,
    }
)


@dataclass(slots=True)
class Numbering:
    """The number that starts a heading or run-in line: '（二）' is kind CN_PAREN, value 2."""

    kind: NumberingKind  # a front-end may give its value ("cn_paren"): it becomes the member
    value: int | None  # 2 for '二是'; None for 最后, which has no number
    label: str  # the number as written, e.g. '（二）'
    form: str  # the label with the number replaced by N, e.g. '（N）': for consistency checks

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Enum):
            # Imported here: numbering.py needs Role from this module.
            from outline2docx.tree.numbering import NumberingKind

            self.kind = NumberingKind(self.kind)


@dataclass(slots=True)
class Paragraph:
    """One source line: its role, its text and, for run-in forms, the emphasised lead."""

    role: Role
    text: str
    line: int
    lead: str = ""  # prefix of text set as a heading or bold lead: '（一）重大意义。', '一是…。'
    numbering: Numbering | None = None
    spans: tuple[Span, ...] = ()  # inline emphasis, strong and literal text (not from plain text)
    notes: tuple[Note, ...] = ()  # footnotes anchored in the text (Sphinx, Word input)
    # How sure the recognizer is of the role (0.5: a toss-up, 1.0: no other reading), and the
    # role that came closest: a reader checks the close calls before printing.
    confidence: float = 1.0
    runner_up: Role | None = None
    # An item of a list headed by a line of the same role: the "2. …" under "附件：1. …",
    # set under the first item's text rather than under the head's label.
    item: bool = False

    @property
    def rest(self) -> str:
        """The text after the lead."""
        return self.text[len(self.lead) :]

    @property
    def title(self) -> str:
        """The line as a short heading: a run-in heading's lead, any other line's whole text.

        An article's or item's lead is only its number ('第一条'), set apart by font."""
        return self.lead if self.role in RUNIN_HEADING_ROLES else self.text

    @property
    def lines(self) -> tuple[int, ...]:
        """Source line numbers of this node."""
        return (self.line,)


@dataclass(slots=True)
class Section:
    """A numbered heading and everything under it up to the next heading of its rank or above."""

    heading: Paragraph
    rank: int  # nesting rank: smaller is outer (chapter < section < article < 一、 < （一） …)
    children: list[Block] = field(default_factory=list)

    @property
    def lines(self) -> tuple[int, ...]:
        """Source line numbers of the heading and everything inside."""
        return tuple(p.line for p in iter_paragraphs([self]))


@dataclass(frozen=True, slots=True)
class Span:
    """Inline formatting over ``text[start:end]`` of a paragraph: emphasis, strong or literal."""

    start: int
    end: int
    kind: str  # "emphasis", "strong" or "literal"


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: its mark follows ``text[:offset]`` of the paragraph; ``body`` is the note."""

    offset: int
    body: str


@dataclass(slots=True)
class Table:
    """A table: rows of cells, each cell a list of paragraphs (role TABLE_TEXT).

    A cell may span columns and rows (``spans``: (row, cell index) -> (columns, rows)); a
    cell covered by a span from the row above is not in its row's list, as in docutils.
    """

    rows: list[list[list[Paragraph]]]
    line: int = 0
    header_rows: int = 0
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


@dataclass(slots=True)
class Picture:
    """An inline picture: the image file's bytes and name (its suffix gives the format)."""

    data: bytes
    name: str
    line: int = 0
    description: str = ""


Block = Paragraph | Section | Table | Picture


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something a checker should report: not an error, the document still renders."""

    line: int
    column: int
    code: str  # short stable name, e.g. 'numbering-gap'
    message: str
    severity: str = "warning"


@dataclass(slots=True)
class Document:
    """A parsed document: blocks in reading order plus what was noticed while parsing."""

    children: list[Block]
    source: str = "<input>"
    encoding: str = "utf-8"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)  # GB/T 9704 elements given apart from the text
    # Lines of the source that transforms moved into the metadata (a pasted imprint, a signer
    # line): no longer text to render, still lines with roles to report.
    lifted: list[Paragraph] = field(default_factory=list)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph (headings included) in reading order, tables left out."""
        return iter_paragraphs(self.children)

    def flow(self) -> Iterator[Paragraph | Table | Picture]:
        """Paragraphs, tables and pictures in reading order."""
        return iter_flow(self.children)

    def sections(self) -> Iterator[Section]:
        """Every section, outer before inner, in reading order."""
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, Section):
                yield node
                stack.extend(reversed(node.children))


def lead_paragraph(block: Block) -> Paragraph | None:
    """The paragraph that stands for a block: a section's heading, or the paragraph itself."""
    if isinstance(block, Section):
        return block.heading
    return block if isinstance(block, Paragraph) else None


def sibling_lists(blocks: list[Block]) -> Iterator[list[Block]]:
    """Every list of siblings, in reading order (a parent's before its children's)."""
    stack = [blocks]
    while stack:
        children = stack.pop()
        yield children
        stack.extend(b.children for b in reversed(children) if isinstance(b, Section))


def iter_flow(blocks: list[Block]) -> Iterator[Paragraph | Table | Picture]:
    """What a page shows, in reading order: headings, paragraphs, tables, pictures."""
    stack = list(reversed(blocks))
    while stack:
        node = stack.pop()
        if isinstance(node, Section):
            yield node.heading
            stack.extend(reversed(node.children))
        else:
            yield node


def iter_paragraphs(blocks: list[Block]) -> Iterator[Paragraph]:
    """Paragraphs of ``blocks`` in reading order (not those inside tables)."""
    return (node for node in iter_flow(blocks) if isinstance(node, Paragraph))
