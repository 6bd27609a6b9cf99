"""A Sphinx doctree becomes the same document tree the text parser builds.

Section depth maps to the official levels (一、 （一） 1. （1）), numbered unless the title
already carries a number or numbering is off. Every other node maps to paragraphs of a role,
a table or a picture; a node this module does not know falls back to its text, with one
warning per node type, so a valid project always builds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from outline2docx.read.lines import SourceLine
from outline2docx.recognize.line import examine
from outline2docx.recognize.numerals import CIRCLED, int_to_chinese
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
        getattr(nodes, "meta", None),
        getattr(addnodes, "meta", None),  # moved between versions
    )
    if kind is not None
)
# Nodes whose children are simply read in place.
TRANSPARENT = (
    nodes.compound,
    nodes.container,
    nodes.topic,
    nodes.sidebar,
    nodes.line_block,
    nodes.legend,
    addnodes.only,
    addnodes.desc,
    addnodes.desc_content,
    addnodes.versionmodified,
    addnodes.compact_paragraph,
    addnodes.start_of_file,
    addnodes.glossary,  # a definition list inside
    addnodes.hlist,  # bullet lists in columns: one list here
    addnodes.hlistcol,
)


def numbering_label(depth: int, value: int) -> tuple[str, str]:
    """The label of the ``value``-th heading at ``depth``, and its numbering kind."""
    if depth == 1:
        return f"{int_to_chinese(value)}、", "cn"
    if depth == 2:
        return f"（{int_to_chinese(value)}）", "cn_paren"
    if depth == 3:
        return f"{value}.", "arabic"
    if depth == 4:
        return f"（{value}）", "arabic_paren"
    return (CIRCLED[value - 1] if value <= len(CIRCLED) else f"{value})"), "circled"


def already_numbered(title: str) -> bool:
    """True if ``title`` starts with a number of its own (一、, 1.2 , 第一章 …)."""
    return examine(SourceLine(0, title)).numbering is not None


class DoctreeTranslator:
    """Walks one assembled doctree and collects the blocks of a Document."""

    def __init__(
        self,
        image_loader: Callable[[str], bytes | None],
        numbering: bool = True,
        warn: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.load_image = image_loader
        self.numbering = numbering
        self.warn = warn
        self.warned: set[str] = set()
        self.counters: list[int] = [0] * 10

    def translate(self, doctree: nodes.document) -> Document:
        """The Document of ``doctree``."""
        # Footnotes referenced from a paragraph become Word footnotes at the reference; the
        # others stay paragraphs where they stand.
        self.footnotes = {
            footnote_id: " ".join(p.astext() for p in footnote.findall(nodes.paragraph))
            for footnote in doctree.findall(nodes.footnote)
            for footnote_id in footnote["ids"]
        }
        self.as_notes = {
            ref["refid"]
            for ref in doctree.findall(nodes.footnote_reference)
            if ref.get("refid") in self.footnotes and _in_paragraph(ref)
        }
        self.pending_notes: list[Note] = []
        root: list[Block] = []
        for child in doctree.children:
            self.block(child, root, depth=0, role=Role.BODY)
        return Document(root, source=doctree.get("docname", "<sphinx>"), encoding="utf-8")

    # ---- blocks ------------------------------------------------------------------------------

    def block(self, node: nodes.Node, out: list[Block], depth: int, role: Role) -> None:
        """Append what ``node`` shows to ``out``; ``role`` is the role of plain paragraphs."""
        if isinstance(node, SKIPPED):
            return
        if isinstance(node, nodes.section):
            self.section(node, out, depth)
        elif isinstance(node, nodes.paragraph):
            out.append(self.paragraph(node, role))
        elif isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            self.listing(node, out, depth, level=0)
        elif isinstance(node, nodes.definition_list):
            self.definitions(node, out, depth)
        elif isinstance(node, nodes.option_list):
            self.options(node, out, depth)
        elif isinstance(node, nodes.field_list):
            self.fields(node, out, depth)
        elif isinstance(node, (nodes.literal_block, nodes.doctest_block, nodes.math_block)):
            out.extend(
                Paragraph(Role.CODE, line, _line(node)) for line in node.astext().split("\n")
            )
        elif isinstance(node, nodes.block_quote):
            for child in node.children:
                self.block(child, out, depth, Role.QUOTE)
        elif isinstance(node, addnodes.productionlist):
            out.extend(Paragraph(Role.CODE, _production(p), _line(node)) for p in node.children)
        elif isinstance(node, nodes.Admonition):
            self.admonition(node, out, depth)
        elif isinstance(node, nodes.table):
            self.table(node, out, depth)
        elif isinstance(node, nodes.figure):
            for child in node.children:
                if isinstance(child, nodes.caption):
                    out.append(self.paragraph(child, Role.CAPTION))
                else:
                    self.block(child, out, depth, Role.CAPTION)
        elif isinstance(node, nodes.image):
            out.append(self.picture(node))
        elif isinstance(node, (nodes.footnote, nodes.citation)):
            if not set(node["ids"]) & self.as_notes:
                self.footnote(node, out)
        elif isinstance(node, (nodes.rubric, nodes.caption, nodes.title, addnodes.centered)):
            out.append(self.paragraph(node, Role.CAPTION))
        elif isinstance(node, addnodes.desc_signature):
            out.append(Paragraph(Role.CODE, " ".join(node.astext().split()), _line(node)))
        elif isinstance(node, nodes.line):
            out.append(self.paragraph(node, role))
        elif isinstance(node, (TRANSPARENT, nodes.Structural)):
            for child in node.children:
                self.block(child, out, depth, role)
        elif isinstance(node, (nodes.Text, nodes.Inline)):
            out.append(self.paragraph(nodes.paragraph("", "", node.deepcopy()), role))
        else:
            self.fallback(node, out, role)

    def section(self, node: nodes.section, out: list[Block], depth: int) -> None:
        title_node = next((c for c in node.children if isinstance(c, nodes.title)), None)
        title, spans = self.inline(title_node) if title_node is not None else ("", ())
        body = [c for c in node.children if c is not title_node]
        if depth == 0:  # the document's own title
            out.append(Paragraph(Role.TITLE, title, _line(node), spans=spans))
            for child in body:
                self.block(child, out, 1, Role.BODY)
            return
        depth = min(depth, len(self.counters) - 2)
        self.counters[depth] += 1
        self.counters[depth + 1 :] = [0] * (len(self.counters) - depth - 1)
        role = HEADING_ROLES[min(depth, len(HEADING_ROLES)) - 1]
        numbering = None
        if self.numbering and not already_numbered(title):
            label, kind = numbering_label(depth, self.counters[depth])
            numbering = Numbering(kind, self.counters[depth], label, label)
            spans = tuple(Span(s.start + len(label), s.end + len(label), s.kind) for s in spans)
            title = label + title
        heading = Paragraph(role, title, _line(node), numbering=numbering, spans=spans)
        section = Section(heading, RANK_OF_DEPTH + 10 * (depth - 1))
        out.append(section)
        for child in body:
            self.block(child, section.children, depth + 1, Role.BODY)

    def listing(self, node: nodes.Element, out: list[Block], depth: int, level: int) -> None:
        start = node.get("start", 1)
        for number, item in enumerate(node.children, start=start):
            if isinstance(node, nodes.enumerated_list):
                marker = f"{node.get('prefix', '')}{number}{node.get('suffix', '.')} "
            else:
                marker = "• " if level == 0 else "◦ "
            first = True
            for child in item.children:
                if isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
                    self.listing(child, out, depth, level + 1)
                elif isinstance(child, nodes.paragraph) and first:
                    out.append(self.paragraph(child, Role.LIST_ITEM, prefix=marker))
                    first = False
                else:
                    self.block(child, out, depth, Role.LIST_ITEM)

    def definitions(self, node: nodes.definition_list, out: list[Block], depth: int) -> None:
        for item in node.children:
            for child in item.children:
                if isinstance(child, nodes.term):
                    text, spans = self.inline(child)
                    out.append(_term(text, _line(child), spans))
                elif isinstance(child, nodes.definition):
                    for part in child.children:
                        self.block(part, out, depth, Role.LIST_ITEM)

    def options(self, node: nodes.option_list, out: list[Block], depth: int) -> None:
        """Command-line options as a definition list: the options in bold, then their text."""
        for item in node.children:
            group = next(c for c in item.children if isinstance(c, nodes.option_group))
            out.append(_term(group.astext(), _line(item)))
            for description in item.children:
                if isinstance(description, nodes.description):
                    for part in description.children:
                        self.block(part, out, depth, Role.LIST_ITEM)

    def fields(self, node: nodes.field_list, out: list[Block], depth: int) -> None:
        for field in node.children:
            name, body = field.children[0], field.children[1]
            label = f"{name.astext()}："
            paragraphs = [c for c in body.children if isinstance(c, nodes.paragraph)]
            rest = [c for c in body.children if not isinstance(c, nodes.paragraph)]
            if paragraphs:
                out.append(
                    self.paragraph(
                        paragraphs[0], Role.LIST_ITEM, prefix=label, prefix_kind="strong"
                    )
                )
                for paragraph in paragraphs[1:]:
                    out.append(self.paragraph(paragraph, Role.LIST_ITEM))
            else:
                out.append(_term(label, _line(field)))
            for child in rest:
                self.block(child, out, depth, Role.LIST_ITEM)

    def admonition(self, node: nodes.Admonition, out: list[Block], depth: int) -> None:
        title_node = next((c for c in node.children if isinstance(c, nodes.title)), None)
        name = type(node).__name__
        label = title_node.astext() if title_node is not None else ADMONITION_LABELS.get(name)
        body = [c for c in node.children if c is not title_node]
        # Without a label (versionadded and the like) the note says what it is in its own text.
        if label is not None and body and isinstance(body[0], nodes.paragraph):
            first, *body = body
            out.append(self.paragraph(first, Role.NOTE, prefix=f"{label}：", prefix_kind="strong"))
        elif label is not None:
            out.append(
                Paragraph(
                    Role.NOTE, f"{label}：", _line(node), spans=(Span(0, len(label) + 1, "strong"),)
                )
            )
        for child in body:
            self.block(child, out, depth, Role.NOTE)

    def table(self, node: nodes.table, out: list[Block], depth: int) -> None:
        title = next((c for c in node.children if isinstance(c, nodes.title)), None)
        if title is not None:
            out.append(self.paragraph(title, Role.CAPTION))
        rows: list[list[list[Paragraph]]] = []
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        header_rows = 0
        for group in node.findall(nodes.tgroup):
            for part in group.children:
                if not isinstance(part, (nodes.thead, nodes.tbody)):
                    continue
                for row in part.children:
                    for n, entry in enumerate(row.children):
                        across, down = entry.get("morecols", 0) + 1, entry.get("morerows", 0) + 1
                        if (across, down) != (1, 1):
                            spans[(len(rows), n)] = (across, down)
                    rows.append([self.cell(entry, depth) for entry in row.children])
                    header_rows += isinstance(part, nodes.thead)
        out.append(Table(rows, _line(node), header_rows, spans))

    def cell(self, entry: nodes.Element, depth: int) -> list[Paragraph]:
        blocks: list[Block] = []
        for child in entry.children:
            self.block(child, blocks, depth, Role.TABLE_TEXT)
        # A cell holds paragraphs only: anything richer is kept as its text.
        return [
            b
            if isinstance(b, Paragraph) and b.role is Role.TABLE_TEXT
            else Paragraph(Role.TABLE_TEXT, _text_of(b), 0)
            for b in blocks
        ]

    def picture(self, node: nodes.image) -> Block:
        uri = node.get("uri", "")
        description = node.get("alt", "")
        data = self.load_image(uri)
        if data is None:
            self.warn_once(
                f"image:{uri}",
                f"image {uri!r} is not a PNG, JPEG, GIF or BMP file "
                "on disk; its description is used instead",
            )
            return Paragraph(Role.CAPTION, description or uri, _line(node))
        return Picture(data, Path(uri).name, _line(node), description)

    def footnote(self, node: nodes.Element, out: list[Block]) -> None:
        label = node.children[0].astext() if node.children else ""
        first = True
        for child in node.children[1:]:
            if isinstance(child, nodes.paragraph):
                prefix = f"[{label}] " if first else ""
                out.append(self.paragraph(child, Role.FOOTNOTE, prefix=prefix))
                first = False

    def fallback(self, node: nodes.Node, out: list[Block], role: Role) -> None:
        name = type(node).__name__
        self.warn_once(name, f"no gongwen translation for {name} nodes: kept as plain text")
        text = node.astext().strip()
        if text:
            out.append(Paragraph(role, " ".join(text.split()), _line(node)))

    def warn_once(self, key: str, message: str) -> None:
        if key not in self.warned:
            self.warned.add(key)
            self.warn(message)

    # ---- inline ------------------------------------------------------------------------------

    def paragraph(
        self, node: nodes.Element, role: Role, prefix: str = "", prefix_kind: str | None = None
    ) -> Paragraph:
        text, spans = self.inline(node)
        notes = tuple(Note(n.offset + len(prefix), n.body) for n in self.pending_notes)
        if prefix:
            shifted = tuple(Span(s.start + len(prefix), s.end + len(prefix), s.kind) for s in spans)
            spans = ((Span(0, len(prefix), prefix_kind),) if prefix_kind else ()) + shifted
            text = prefix + text
        return Paragraph(role, text, _line(node), spans=spans, notes=notes)

    def inline(self, node: nodes.Element) -> tuple[str, tuple[Span, ...]]:
        """The text of ``node`` with its emphasis, strong and literal spans."""
        parts: list[str] = []
        spans: list[Span] = []
        self.pending_notes = []
        self._inline(node, parts, spans)
        text = "".join(parts)
        return text.replace("\n", " "), tuple(s for s in spans if s.start < s.end)

    def _inline(self, node: nodes.Node, parts: list[str], spans: list[Span]) -> None:
        if isinstance(node, nodes.Text):
            parts.append(node.astext())  # astext() drops docutils' NUL escape markers
            return
        if isinstance(node, nodes.footnote_reference) and node.get("refid") in self.as_notes:
            offset = sum(map(len, parts))
            self.pending_notes.append(Note(offset, self.footnotes[node["refid"]]))
            return
        if isinstance(node, (nodes.footnote_reference, nodes.citation_reference)):
            parts.append(f"[{node.astext()}]")
            return
        if isinstance(
            node,
            (
                nodes.image,
                nodes.raw,
                nodes.substitution_definition,
                nodes.target,
                nodes.comment,
                addnodes.index,
            ),
        ):
            return
        kind = _span_kind(node)
        start = sum(map(len, parts))
        for child in node.children:
            self._inline(child, parts, spans)
        if kind:
            spans.append(Span(start, sum(map(len, parts)), kind))


def _production(node: nodes.Element) -> str:
    """A grammar rule as one line, "name ::= definition" (Sphinx 8 keeps the name aside)."""
    text, name = node.astext().strip(), node.get("tokenname", "")
    return text if not name or text.startswith(name) else f"{name} ::= {text}"


def _term(text: str, line: int, spans: tuple[Span, ...] = ()) -> Paragraph:
    """A list item that names what follows it (a term, an option, a field), set in bold."""
    return Paragraph(Role.LIST_ITEM, text, line, spans=(Span(0, len(text), "strong"), *spans))


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
