"""A Sphinx doctree becomes the same document tree the text parser builds.

``GongwenTranslator`` is a Sphinx translator: a node visitor with one ``visit_``/``depart_``
method per node type, made by the builder through ``create_translator`` so a project can
replace it with ``app.set_translator("gongwen", ...)``. Section depth maps to the official
levels (一、 （一） 1. （1）), numbered unless the title already carries a number or numbering is
off. Every other node maps to paragraphs of a role, a table or a picture; a node this module
does not know falls back to its text, with one warning per node type, so a valid project
always builds.

The simple node types are rules in tables (SKIPPED, TRANSPARENT, CONTAINER_ROLES,
PARAGRAPH_ROLES); their visit methods are made from the tables when the class is defined.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxTranslator

from outline2docx.errors import Outline2DocxError
from outline2docx.read.lines import SourceLine
from outline2docx.recognize.line import examine
from outline2docx.render.pictures import picture_size
from outline2docx.tree.nodes import (
    Block,
    Document,
    Note,
    Numbering,
    Paragraph,
    Picture,
    Role,
    Section,
    Span,
    Table,
)
from outline2docx.tree.numbering import NumberingKind

logger = logging.getLogger(__name__)

HEADING_ROLES = (Role.H1, Role.H2, Role.H3, Role.H4)
RANK_OF_DEPTH = 40  # depth 1 has the rank of 一、; each level below is 10 deeper
ADMONITION_LABELS = {
    "attention": "注意",
    "caution": "小心",
    "danger": "危险",
    "error": "错误",
    "hint": "提示",
    "important": "重要",
    "note": "注",
    "tip": "提示",
    "warning": "警告",
    "seealso": "参见",
}
# Nodes that carry nothing to print (targets, comments, index entries, raw output, …).
SKIPPED = tuple(
    kind
    for kind in (
        nodes.comment,
        nodes.raw,
        nodes.target,
        nodes.substitution_definition,
        nodes.system_message,
        nodes.transition,
        nodes.pending,
        addnodes.index,
        addnodes.toctree,
        addnodes.highlightlang,
        addnodes.tabular_col_spec,
        nodes.colspec,  # a table's column widths: Word sizes the columns itself
        nodes.classifier,  # a definition list term's type: the term alone is shown
        nodes.label,  # a footnote's own label: printed as its first paragraph's prefix
        nodes.field_name,  # printed as its field body's first paragraph's prefix
        getattr(nodes, "meta", None),
        getattr(addnodes, "meta", None),  # moved between versions
    )
    if kind is not None
)
# Nodes whose children are simply read in place. (Admonitions such as versionmodified and an
# API object's desc, and paragraphs such as compact_paragraph, are read as what they derive
# from: desc's content is a note.)
TRANSPARENT = (
    nodes.compound,
    nodes.container,
    nodes.Structural,  # topics, sidebars
    nodes.line_block,
    nodes.legend,
    nodes.definition_list,
    nodes.definition_list_item,
    nodes.option_list,
    nodes.option_list_item,
    nodes.field_list,
    nodes.tgroup,
    nodes.tbody,
    addnodes.only,
    addnodes.desc_content,
    addnodes.start_of_file,
    addnodes.glossary,  # a definition list inside
    addnodes.hlist,  # bullet lists in columns: one list here
    addnodes.hlistcol,
)
# Nodes whose children are read in place as paragraphs of another role.
CONTAINER_ROLES = {
    nodes.block_quote: Role.QUOTE,
    nodes.definition: Role.LIST_ITEM,
    nodes.description: Role.LIST_ITEM,  # an option's description
    nodes.field_body: Role.LIST_ITEM,
    nodes.figure: Role.CAPTION,  # a legend is read as part of the caption
}
# Nodes that are one paragraph of their text; None: the role of the paragraphs around them.
PARAGRAPH_ROLES = {
    nodes.paragraph: None,
    nodes.line: None,
    nodes.attribution: None,
    nodes.rubric: Role.CAPTION,
    nodes.caption: Role.CAPTION,
    addnodes.centered: Role.CAPTION,
}


# The numbering of section titles by depth: 一、 （一） 1. （1） ①.
DEPTH_KINDS = (
    NumberingKind.CN,
    NumberingKind.CN_PAREN,
    NumberingKind.ARABIC,
    NumberingKind.ARABIC_PAREN,
    NumberingKind.CIRCLED,
)


def numbering_label(depth: int, value: int) -> tuple[str, NumberingKind]:
    """The label of the ``value``-th heading at ``depth``, and its numbering kind."""
    kind = DEPTH_KINDS[min(depth, len(DEPTH_KINDS)) - 1]
    if kind is NumberingKind.CIRCLED and value > 20:  # past ⑳: （21）, the level above's form
        kind = NumberingKind.ARABIC_PAREN
    return kind.label(value), kind


def already_numbered(title: str) -> bool:
    """True if ``title`` starts with a number of its own (一、, 1.2 , 第一章 …)."""
    return examine(SourceLine(0, title)).numbering is not None


@dataclass
class Context:
    """Where the blocks of the nodes being read go, and how they are read."""

    out: list[Block]
    role: Role  # the role of plain paragraphs
    depth: int  # section depth: 0 outside any section, 1 inside the document's title section


@dataclass
class TextRun:
    """The text of one paragraph-like node, gathered from its inline children."""

    node: nodes.Node
    role: Role
    prefix: str = ""  # a list marker or a bold label set before the text
    prefix_kind: str | None = None
    bold: bool = False  # the whole text in bold: a term that names what follows it
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each open inline node began

    @property
    def length(self) -> int:
        """How many characters are gathered so far."""
        return sum(map(len, self.parts))

    def paragraph(self) -> Paragraph:
        """The gathered text as a paragraph, its prefix in front."""
        text = "".join(self.parts).replace("\n", " ")
        spans = tuple(s for s in self.spans if s.start < s.end)
        notes = tuple(Note(n.offset + len(self.prefix), n.body) for n in self.notes)
        if self.prefix:
            shift = len(self.prefix)
            shifted = tuple(Span(s.start + shift, s.end + shift, s.kind) for s in spans)
            lead = (Span(0, shift, self.prefix_kind),) if self.prefix_kind else ()
            spans, text = lead + shifted, self.prefix + text
        if self.bold:
            spans = (Span(0, len(text), "strong"), *spans)
        return Paragraph(self.role, text, _line(self.node), spans=spans, notes=notes)


@dataclass
class ListState:
    """An open bulleted or enumerated list: how its next item is marked."""

    node: nodes.Element
    level: int  # 0 for a list, 1 for a list inside its item, …
    number: int = 1

    def next_marker(self) -> str:
        """The marker of the next item, "• " or "3. "."""
        number, self.number = self.number, self.number + 1
        if isinstance(self.node, nodes.enumerated_list):
            return f"{self.node.get('prefix', '')}{number}{self.node.get('suffix', '.')} "
        return "• " if self.level == 0 else "◦ "


@dataclass
class TableState:
    """An open table: its rows so far, its spanning cells, how many rows are headers."""

    line: int
    rows: list[list[list[Paragraph]]] = field(default_factory=list)
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    header_rows: int = 0
    in_head: bool = False


def _skip_node(self: GongwenTranslator, node: nodes.Node) -> None:
    """Nothing of this node is printed."""
    raise nodes.SkipNode


def _pass_through(self: GongwenTranslator, node: nodes.Node) -> None:
    """The node's children are read in place."""


def _enter_with_role(role: Role) -> Callable[[GongwenTranslator, nodes.Node], None]:
    """A visit method: the node's children are paragraphs of ``role``."""

    def visit(self: GongwenTranslator, node: nodes.Node) -> None:
        self.push(role=role)

    return visit


def _leave(self: GongwenTranslator, node: nodes.Node) -> None:
    """Back to the reading context from before the node."""
    self.pop()


def _start_paragraph(role: Role | None) -> Callable[[GongwenTranslator, nodes.Node], None]:
    """A visit method: the node is one paragraph of ``role`` (None: of the role around it)."""

    def visit(self: GongwenTranslator, node: nodes.Node) -> None:
        self.start_text(node, role or self.here.role)

    return visit


def _end_paragraph(self: GongwenTranslator, node: nodes.Node) -> None:
    """The gathered text becomes a paragraph."""
    self.end_text(node)


def _with_table_visitors(cls: type[GongwenTranslator]) -> type[GongwenTranslator]:
    """Give ``cls`` the visit and depart methods that the rule tables describe."""
    hand_written = set(cls.__dict__)
    rules: list[tuple[type[nodes.Node], Any, Any]] = [
        *((kind, _skip_node, None) for kind in SKIPPED),
        *((kind, _pass_through, _pass_through) for kind in TRANSPARENT),
        *((kind, _enter_with_role(role), _leave) for kind, role in CONTAINER_ROLES.items()),
        *((kind, _start_paragraph(role), _end_paragraph) for kind, role in PARAGRAPH_ROLES.items()),
    ]
    for kind, visit, depart in rules:
        name = kind.__name__
        assert f"visit_{name}" not in hand_written, (
            f"visit_{name} is written by hand and in a table"
        )
        setattr(cls, f"visit_{name}", visit)
        if depart is not None:
            setattr(cls, f"depart_{name}", depart)
    return cls


@_with_table_visitors
class GongwenTranslator(SphinxTranslator):
    """Walks one assembled doctree and collects the blocks of a Document (``self.result``)."""

    def __init__(self, document: nodes.document, builder: Any, title: str | None = None) -> None:
        super().__init__(document, builder)
        self.title = title or None  # the gongwen_documents entry's title, if it gives one
        self.title_used = False
        self.numbering = bool(self.config.gongwen_numbering)
        self.warned: set[str] = set()
        self.counters: list[int] = [0] * 10
        self.contexts = [Context([], Role.BODY, 0)]
        self.text: TextRun | None = None
        self.prefixes: dict[int, tuple[str, str | None]] = {}  # id(paragraph) -> prefix, kind
        self.lists: list[ListState] = []
        self.tables: list[TableState] = []
        self.footnotes: dict[str, str] = {}
        self.as_notes: set[str] = set()
        self.result: Document | None = None

    # ---- the reading context ---------------------------------------------------------------

    @property
    def here(self) -> Context:
        """The innermost reading context."""
        return self.contexts[-1]

    def push(self, **changes: Any) -> None:
        """Read the node's children in a context changed by ``changes``."""
        self.contexts.append(replace(self.here, **changes))

    def pop(self) -> None:
        """Leave the innermost reading context."""
        self.contexts.pop()

    def emit(self, block: Block) -> None:
        """Add ``block`` where the blocks of the current node go."""
        self.here.out.append(block)

    def set_prefix(self, paragraph: nodes.Node, prefix: str, kind: str | None = None) -> None:
        """Print ``prefix`` (in ``kind``, e.g. strong) before ``paragraph``'s text."""
        self.prefixes[id(paragraph)] = (prefix, kind)

    def start_text(self, node: nodes.Node, role: Role, bold: bool = False) -> None:
        """Gather the text of ``node`` into one paragraph of ``role``.

        Inside a paragraph already being gathered (no valid doctree has one, but a project's
        own nodes might), the node is read through as part of it."""
        if self.text is None:
            prefix, kind = self.prefixes.pop(id(node), ("", None))
            self.text = TextRun(node, role, prefix, kind, bold)

    def end_text(self, node: nodes.Node) -> None:
        """The paragraph gathered for ``node`` goes out."""
        if self.text is not None and self.text.node is node:
            self.emit(self.finish_text())

    def finish_text(self) -> Paragraph:
        """The paragraph of the text gathered since start_text."""
        run, self.text = self.text, None
        assert run is not None, "finish_text without start_text"
        return run.paragraph()

    def collect(self, node: nodes.Element) -> Paragraph:
        """The children of ``node`` read as one paragraph (a title's text and spans)."""
        self.start_text(node, Role.BODY)
        for child in node.children:
            child.walkabout(self)
        return self.finish_text()

    def warn_once(self, key: str, message: str, node: nodes.Node, subtype: str) -> None:
        """Warn through Sphinx, with the node's location, once per ``key``.

        ``suppress_warnings = ["gongwen.image"]`` (or ``gongwen.unknown_node``) silences them."""
        if key not in self.warned:
            self.warned.add(key)
            logger.warning(message, location=node, type="gongwen", subtype=subtype)

    # ---- the document and its sections ------------------------------------------------------

    def visit_document(self, node: nodes.document) -> None:
        """Find the footnotes that become Word footnotes."""
        # Footnotes referenced from a paragraph become Word footnotes at the reference; the
        # others stay paragraphs where they stand.
        self.footnotes = {
            footnote_id: " ".join(p.astext() for p in footnote.findall(nodes.paragraph))
            for footnote in node.findall(nodes.footnote)
            for footnote_id in footnote["ids"]
        }
        self.as_notes = {
            ref["refid"]
            for ref in node.findall(nodes.footnote_reference)
            if ref.get("refid") in self.footnotes and _in_paragraph(ref)
        }
        # Plain docutils (doctitle_xform, off in Sphinx) lifts the top section's title out
        # onto the document: the document then reads as that section.
        if node.children and isinstance(node[0], nodes.title):
            self.emit(self.document_title(self.collect(node[0]), node))
            self.push(depth=1)

    def depart_document(self, node: nodes.document) -> None:
        """The Document, headed by the entry's title when no section title took it."""
        root = self.contexts[0].out
        if self.title and not self.title_used:
            root.insert(0, Paragraph(Role.TITLE, self.title, 0))
        self.result = Document(root, source=node.get("docname", "<sphinx>"), encoding="utf-8")

    def visit_section(self, node: nodes.section) -> None:
        """A title paragraph at depth 0, else a numbered heading opening a Section."""
        title_node = next((c for c in node.children if isinstance(c, nodes.title)), None)
        heading = self.collect(title_node) if title_node is not None else Paragraph(Role.H1, "", 0)
        if self.here.depth == 0:  # the document's own title
            self.emit(self.document_title(heading, node))
            self.push(depth=1, role=Role.BODY)
            return
        depth = min(self.here.depth, len(self.counters) - 2)
        self.counters[depth] += 1
        self.counters[depth + 1 :] = [0] * (len(self.counters) - depth - 1)
        title, spans, numbering = heading.text, heading.spans, None
        if self.numbering and not already_numbered(title):
            label, kind = numbering_label(depth, self.counters[depth])
            numbering = Numbering(kind, self.counters[depth], label, label)
            spans = tuple(Span(s.start + len(label), s.end + len(label), s.kind) for s in spans)
            title = label + title
        role = HEADING_ROLES[min(depth, len(HEADING_ROLES)) - 1]
        paragraph = Paragraph(role, title, _line(node), numbering=numbering, spans=spans)
        section = Section(paragraph, RANK_OF_DEPTH + 10 * (depth - 1))
        self.emit(section)
        self.push(out=section.children, depth=depth + 1, role=Role.BODY)

    depart_section = _leave

    def document_title(self, heading: Paragraph, node: nodes.Element) -> Paragraph:
        """The title paragraph: the entry's title replaces the first one heading the text."""
        if self.title and not self.title_used and not self.here.out:
            self.title_used = True
            return Paragraph(Role.TITLE, self.title, _line(node))
        return Paragraph(Role.TITLE, heading.text, _line(node), spans=heading.spans)

    def visit_title(self, node: nodes.title) -> None:
        """A caption, unless it is a section's, the document's or an admonition's (read by them)."""
        if isinstance(node.parent, (nodes.section, nodes.document, nodes.Admonition)):
            raise nodes.SkipNode
        self.start_text(node, Role.CAPTION)

    depart_title = _end_paragraph

    # ---- lists ------------------------------------------------------------------------------

    def visit_bullet_list(self, node: nodes.Element) -> None:
        """Items marked • (◦ inside an item)."""
        nested = bool(self.lists) and isinstance(node.parent, nodes.list_item)
        self.lists.append(ListState(node, self.lists[-1].level + 1 if nested else 0))

    def depart_bullet_list(self, node: nodes.Element) -> None:
        """The list is closed."""
        self.lists.pop()

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        """Items marked 1. 2. … (or the list's own prefix and suffix)."""
        self.visit_bullet_list(node)
        self.lists[-1].number = node.get("start", 1)

    depart_enumerated_list = depart_bullet_list

    def visit_list_item(self, node: nodes.list_item) -> None:
        """The item's first paragraph carries its marker."""
        marker = self.lists[-1].next_marker()
        first = next((c for c in node.children if isinstance(c, nodes.paragraph)), None)
        if first is not None:
            self.set_prefix(first, marker)
        self.push(role=Role.LIST_ITEM)

    depart_list_item = _leave

    def visit_term(self, node: nodes.term) -> None:
        """A definition list's term: a list item in bold."""
        self.start_text(node, Role.LIST_ITEM, bold=True)

    depart_term = _end_paragraph

    def visit_option_group(self, node: nodes.option_group) -> None:
        """Command-line options as a definition list: the options in bold, then their text."""
        self.emit(_term(node.astext(), _line(node.parent)))
        raise nodes.SkipNode

    def visit_field(self, node: nodes.field) -> None:
        """The field's name, in bold, leads its first paragraph (or stands alone)."""
        name, body = node.children[0], node.children[1]
        label = f"{name.astext()}："
        first = next((c for c in body.children if isinstance(c, nodes.paragraph)), None)
        if first is not None:
            self.set_prefix(first, label, "strong")
        else:
            self.emit(_term(label, _line(node)))

    depart_field = _pass_through

    # ---- blocks of their own ----------------------------------------------------------------

    def visit_literal_block(self, node: nodes.Element) -> None:
        """Code, doctests and math: one code paragraph per line."""
        for line in node.astext().split("\n"):
            self.emit(Paragraph(Role.CODE, line, _line(node)))
        raise nodes.SkipNode

    visit_doctest_block = visit_math_block = visit_literal_block

    def visit_productionlist(self, node: addnodes.productionlist) -> None:
        """A grammar: one code paragraph per rule."""
        for production in node.children:
            self.emit(Paragraph(Role.CODE, _production(production), _line(node)))
        raise nodes.SkipNode

    def visit_desc_signature(self, node: addnodes.desc_signature) -> None:
        """An API object's signature as one code line."""
        self.emit(Paragraph(Role.CODE, " ".join(node.astext().split()), _line(node)))
        raise nodes.SkipNode

    def visit_Admonition(self, node: nodes.Admonition) -> None:
        """A note: its label (its title, or 注/警告/…) leads its first paragraph, in bold."""
        title_node = next((c for c in node.children if isinstance(c, nodes.title)), None)
        label = title_node.astext() if title_node is not None else None
        label = label if label is not None else ADMONITION_LABELS.get(type(node).__name__)
        body = [c for c in node.children if c is not title_node]
        # Without a label (versionadded and the like) the note says what it is in its own text.
        if label is not None and body and isinstance(body[0], nodes.paragraph):
            self.set_prefix(body[0], f"{label}：", "strong")
        elif label is not None:
            strong = (Span(0, len(label) + 1, "strong"),)
            self.emit(Paragraph(Role.NOTE, f"{label}：", _line(node), spans=strong))
        self.push(role=Role.NOTE)

    depart_Admonition = _leave

    def visit_footnote(self, node: nodes.Element) -> None:
        """A footnote not referenced from a paragraph stays where it is, "[1] " in front."""
        if set(node["ids"]) & self.as_notes:
            raise nodes.SkipNode  # printed as a Word footnote at its reference
        label = node.children[0].astext() if node.children else ""
        first = next((c for c in node.children[1:] if isinstance(c, nodes.paragraph)), None)
        if first is not None:
            self.set_prefix(first, f"[{label}] ")
        self.push(role=Role.FOOTNOTE)

    visit_citation = visit_footnote
    depart_footnote = depart_citation = _leave

    # ---- tables -----------------------------------------------------------------------------

    def visit_table(self, node: nodes.table) -> None:
        """A table; its title is a caption before it."""
        self.tables.append(TableState(_line(node)))

    def depart_table(self, node: nodes.table) -> None:
        """The table's rows, spans and header rows become one Table."""
        table = self.tables.pop()
        self.emit(Table(table.rows, table.line, table.header_rows, table.spans))

    def visit_thead(self, node: nodes.thead) -> None:
        """The rows that follow are header rows."""
        self.tables[-1].in_head = True

    def depart_thead(self, node: nodes.thead) -> None:
        """The header rows are over."""
        self.tables[-1].in_head = False

    def visit_row(self, node: nodes.row) -> None:
        """A new row."""
        table = self.tables[-1]
        table.rows.append([])
        table.header_rows += table.in_head

    depart_row = _pass_through

    def visit_entry(self, node: nodes.entry) -> None:
        """A cell: its paragraphs are table text; a span across or down is noted."""
        table = self.tables[-1]
        across, down = node.get("morecols", 0) + 1, node.get("morerows", 0) + 1
        if (across, down) != (1, 1):
            table.spans[(len(table.rows) - 1, len(table.rows[-1]))] = (across, down)
        self.push(out=[], role=Role.TABLE_TEXT)

    def depart_entry(self, node: nodes.entry) -> None:
        """A cell holds paragraphs only: anything richer is kept as its text."""
        blocks = self.here.out
        self.pop()
        self.tables[-1].rows[-1].append(
            [
                b
                if isinstance(b, Paragraph) and b.role is Role.TABLE_TEXT
                else Paragraph(Role.TABLE_TEXT, _text_of(b), 0)
                for b in blocks
            ]
        )

    # ---- pictures ---------------------------------------------------------------------------

    def visit_image(self, node: nodes.image) -> None:
        """A picture; inside a paragraph, nothing."""
        if self.text is None:
            self.emit(self.picture(node))
        raise nodes.SkipNode

    def picture(self, node: nodes.image) -> Block:
        """The picture, or its description when Word cannot show the file."""
        uri = node.get("uri", "")
        data = self.load_image(uri)
        problem = "not a PNG, JPEG, GIF or BMP file on disk" if data is None else None
        problem = problem or _picture_problem(data)
        if problem is not None:
            self.warn_once(
                f"image:{uri}",
                f"image {uri!r} is {problem}; its description is used instead",
                node,
                "image",
            )
            return Paragraph(Role.CAPTION, node.get("alt", "") or uri, _line(node))
        return Picture(data, Path(uri).name, _line(node), node.get("alt", ""))

    def visit_reference(self, node: nodes.Element) -> None:
        """A linked picture (``:target:``) is the picture; any other link is its text."""
        if self.text is None and len(node.children) == 1 and isinstance(node[0], nodes.image):
            self.emit(self.picture(node[0]))  # Word pictures carry no link: the picture stays
            raise nodes.SkipNode
        self.visit_Inline(node)

    def depart_reference(self, node: nodes.Element) -> None:
        """A link's text closes as any inline text does."""
        self.depart_Inline(node)

    def load_image(self, uri: str) -> bytes | None:
        """The bytes of the picture at ``uri`` (relative to the source folder), or None."""
        return self.builder.read_image(uri)

    # ---- inline text ------------------------------------------------------------------------

    def visit_Text(self, node: nodes.Text) -> None:
        """Text joins the paragraph being gathered, or is a paragraph of its own."""
        if self.text is not None:
            self.text.parts.append(node.astext())  # astext() drops docutils' NUL escapes
        else:
            self.emit(Paragraph(self.here.role, node.astext().replace("\n", " "), 0))

    depart_Text = _pass_through

    def visit_Inline(self, node: nodes.Element) -> None:
        """Inline text; on its own (outside any paragraph) it is a paragraph."""
        if self.text is None:
            self.start_text(node, self.here.role)
        self.text.starts.append(self.text.length)

    def depart_Inline(self, node: nodes.Element) -> None:
        """Emphasis, strong and literal text become spans."""
        start, kind = self.text.starts.pop(), _span_kind(node)
        if kind:
            self.text.spans.append(Span(start, self.text.length, kind))
        self.end_text(node)

    def visit_footnote_reference(self, node: nodes.Element) -> None:
        """A Word footnote mark, or the label in brackets: [1]."""
        alone = self.text is None
        if alone:
            self.start_text(node, self.here.role)
        if node.get("refid") in self.as_notes:
            self.text.notes.append(Note(self.text.length, self.footnotes[node["refid"]]))
        else:
            self.text.parts.append(f"[{node.astext()}]")
        if alone:
            self.emit(self.finish_text())
        raise nodes.SkipNode

    visit_citation_reference = visit_footnote_reference

    # ---- anything else ----------------------------------------------------------------------

    def unknown_visit(self, node: nodes.Node) -> None:
        """Inside a paragraph, read through; elsewhere keep the text, warning once per type."""
        if self.text is not None:
            return
        name = type(node).__name__
        self.warn_once(
            name,
            f"no gongwen translation for {name} nodes: kept as plain text",
            node,
            "unknown_node",
        )
        text = node.astext().strip()
        if text:
            self.emit(Paragraph(self.here.role, " ".join(text.split()), _line(node)))
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        """An unknown node read through inside a paragraph: nothing to close."""


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_problem(data: bytes) -> str | None:
    """Why a PNG file is damaged (cut short, a chunk's checksum wrong), or None.

    The header alone can be whole while the picture data is cut or garbled: Word then shows
    a broken picture, so each chunk is checked up to the end marker."""
    at = len(PNG_SIGNATURE)
    while at + 12 <= len(data):
        (size,) = struct.unpack_from(">I", data, at)
        kind, end = data[at + 4 : at + 8], at + 12 + size
        if end > len(data):
            return "a PNG file cut short"
        (checksum,) = struct.unpack_from(">I", data, end - 4)
        if zlib.crc32(memoryview(data)[at + 4 : end - 4]) != checksum:
            return f"a damaged PNG file (chunk {kind.decode('latin-1')!r} fails its checksum)"
        if kind == b"IEND":
            return None
        at = end
    return "a PNG file cut short"


def _picture_problem(data: bytes) -> str | None:
    """Why Word cannot show ``data`` as a picture, or None when it can."""
    if data.startswith(PNG_SIGNATURE) and (problem := _png_problem(data)):
        return problem
    try:
        picture_size(data, 1)
    except Outline2DocxError as exc:
        return str(exc).rstrip(": ")
    # python-docx's header readers fail on damaged files in many ways (a header cut short
    # raises its own UnexpectedEndOfFileError): any failure means Word cannot show it either.
    except Exception as exc:
        return f"not a picture Word can show ({type(exc).__name__})"
    return None


def _production(node: nodes.Element) -> str:
    """A grammar rule as one line, "name ::= definition" (Sphinx 8 keeps the name aside)."""
    text, name = node.astext().strip(), node.get("tokenname", "")
    return text if not name or text.startswith(name) else f"{name} ::= {text}"


def _term(text: str, line: int) -> Paragraph:
    """A list item that names what follows it (an option, a field), set in bold."""
    return Paragraph(Role.LIST_ITEM, text, line, spans=(Span(0, len(text), "strong"),))


def _span_kind(node: nodes.Node) -> str | None:
    if isinstance(node, (nodes.strong, addnodes.desc_name)):
        return "strong"
    if isinstance(node, nodes.emphasis):
        return "emphasis"
    if isinstance(node, (nodes.literal, addnodes.literal_emphasis)):
        return "literal"
    return None


def _in_paragraph(node: nodes.Node) -> bool:
    """True when the innermost text element around ``node`` is a paragraph."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.TextElement):
        parent = parent.parent
    return isinstance(parent, nodes.paragraph)


def _line(node: nodes.Node) -> int:
    return getattr(node, "line", None) or 0


def _text_of(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Picture):
        return block.description or block.name
    return ""
