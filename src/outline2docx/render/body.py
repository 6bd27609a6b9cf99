"""The document tree as the body of word/document.xml, in one pass.

Each paragraph names its style and nothing else; a run-in lead or inline formatting is a run
in a character style. The XML is written as text and parsed once by the consumer: that keeps
the writer linear (python-docx's add_paragraph looks up the last body element on every call).
Pictures go into the package as they come, which hands out their relationship ids.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from outline2docx.render.ending import ending_layouts, ending_role
from outline2docx.render.imprint import box_size, box_xml, imprint_lines
from outline2docx.render.ooxml import EMU_PER_TWIP, escape, paragraph_xml, run_xml
from outline2docx.render.styles_xml import (
    FOOTNOTE_REFERENCE,
    TABLE_STYLE_ID,
    StyleIds,
    char_width_twips,
)
from outline2docx.render.table import grid
from outline2docx.style import HouseStyle
from outline2docx.tree.meta import Meta
from outline2docx.tree.nodes import Document, Paragraph, Picture, Role, Table

# Characters in one run at most: libxml2 (so lxml, python-docx and outline2docx's own Word
# reader) refuses a text node over 10 MB, and a million characters stay under that even as
# four-byte UTF-8 or escaped (&amp;).
RUN_TEXT_LIMIT = 1_000_000


# Stores a picture (its bytes, its file extension) in the package: the relationship id to it.
AddPicture = Callable[[bytes, str], str]


@dataclass(slots=True)
class Body:
    """The body XML and the imprint that closes the document."""

    xml: str
    imprint: str = ""  # a run with the 版记 in its box at the foot of the page (render/imprint.py)
    footnotes: str = ""  # the w:footnote elements of word/footnotes.xml


class _Writer:
    def __init__(
        self, style: HouseStyle, ids: StyleIds, add_picture: AddPicture, text_width: int
    ) -> None:
        self.style = style
        self.add_picture = add_picture
        self.text_width = text_width  # the page's: the house style's, or the template's
        self.roles = {
            role: (ids[p], ids[lead] if lead else None) for role, (p, lead) in style.roles.items()
        }
        self.inline = {kind: ids[name] for kind, name in style.inline.items()}
        self.pictures = 0
        self.footnotes: list[str] = []  # texts of the footnotes, numbered from 1

    def paragraph(
        self,
        paragraph: Paragraph,
        style_role: str,
        keep_with_next: bool = False,
        placed: tuple[float, float] | None = None,
    ) -> str:
        paragraph_style, lead_style = self.roles[style_role]
        # The places a paragraph carries its own layout: see _kept_with_signature, and the
        # signature and date, whose indents follow their widths (render/ending.py).
        properties = "<w:keepNext/>" if keep_with_next else ""
        if placed is not None:
            properties += self.ending_properties(*placed)
        return paragraph_xml(paragraph_style, self.runs(paragraph, lead_style), properties)

    def ending_properties(self, right_indent: float, lines_before: float) -> str:
        """w:spacing and w:ind (schema order) of a signature or date line."""
        pitch, char = self.style.page.line_pitch, char_width_twips(self.style)
        return (
            f'<w:spacing w:before="{round(lines_before * pitch)}" '
            f'w:beforeLines="{round(lines_before * 100)}"/>'
            f'<w:ind w:rightChars="{round(right_indent * 100)}" '
            f'w:right="{round(right_indent * char)}"/>'
        )

    def signed_number(self, paragraph: Paragraph, style_role: str, signer: str) -> str:
        """The document number on the left, 签发人 and the signer on the right (上行文): the
        signer the metadata gives, else the one on the line after its number (its lead)."""
        number = paragraph.lead or paragraph.text
        signed = f"签发人：{signer}" if signer else paragraph.rest.strip()
        runs = _run(number) + _run(f"\t{signed}")
        return paragraph_xml(self.roles[style_role][0], runs)

    def layout(self, role: str, text: str, frame: str = "") -> str:
        """A paragraph the renderer places itself: header notes and imprint lines.

        ``frame`` (a w:framePr) pins it to the page. It stays on the paragraph, since
        LibreOffice ignores a frame that a style sets.
        """
        style_id = self.roles[role][0]
        properties = f'<w:pStyle w:val="{style_id}"/>{frame}'
        return f"<w:p><w:pPr>{properties}</w:pPr>{_run(text)}</w:p>"

    def frame(self, where: str) -> str:
        """A frame as wide as the text block, at the ``where`` (top/bottom) of the page."""
        return (
            f'<w:framePr w:w="{self.style.page.text_width}" w:wrap="around" w:vAnchor="margin" '
            f'w:hAnchor="margin" w:xAlign="center" w:yAlign="{where}"/>'
        )

    def runs(self, paragraph: Paragraph, lead_style: str | None) -> str:
        text = paragraph.text
        if not paragraph.spans and not paragraph.notes:
            if lead_style and paragraph.lead:
                return _run(paragraph.lead, lead_style) + _run(paragraph.rest)
            return _run(text)
        # Cut the text wherever a span, the lead or a footnote mark starts or ends.
        lead_end = len(paragraph.lead) if lead_style else 0
        edges = {i for span in paragraph.spans for i in (span.start, span.end)}
        marks = {note.offset for note in paragraph.notes}
        pieces = [self.note_marks(paragraph, 0)]
        for start, end in itertools.pairwise(sorted({0, len(text), lead_end} | edges | marks)):
            kinds = [s.kind for s in paragraph.spans if s.start <= start and end <= s.end]
            if end <= lead_end:
                char_style = lead_style
            else:
                char_style = self.inline[kinds[-1]] if kinds else None
            pieces.append(_run(text[start:end], char_style))
            pieces.append(self.note_marks(paragraph, end))
        return "".join(pieces)

    def note_marks(self, paragraph: Paragraph, offset: int) -> str:
        """Footnote reference runs for the notes anchored at ``offset``; collects their text."""
        runs = []
        for note in paragraph.notes:
            if note.offset == offset:
                self.footnotes.append(note.body)
                number = len(self.footnotes)
                runs.append(
                    f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr>'
                    f'<w:footnoteReference w:id="{number}"/></w:r>'
                )
        return "".join(runs)

    def table(self, table: Table) -> str:
        layout = grid(table)
        columns = max((col + span for row in layout for col, span, _ in row), default=1)
        width = self.text_width // columns
        columns_xml = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
        rows = []
        for n, (row, placed) in enumerate(zip(table.rows, layout, strict=True)):
            header = "<w:trPr><w:tblHeader/></w:trPr>" if n < table.header_rows else ""
            contents = iter(row)
            cells = [
                self.cell([] if merge == "continue" else next(contents), width, span, merge)
                for _, span, merge in placed
            ]
            used = sum(span for _, span, _ in placed)
            cells += [self.cell([], width, 1, "")] * (columns - used)  # short rows are padded
            rows.append(f"<w:tr>{header}{''.join(cells)}</w:tr>")
        properties = (
            f'<w:tblPr><w:tblStyle w:val="{TABLE_STYLE_ID}"/>'
            f'<w:tblW w:w="{width * columns}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>'
        )
        return f"<w:tbl>{properties}<w:tblGrid>{columns_xml}</w:tblGrid>{''.join(rows)}</w:tbl>"

    def cell(self, paragraphs: list[Paragraph], width: int, span: int, merge: str) -> str:
        inner = "".join(self.paragraph(p, p.role.value) for p in paragraphs)
        if not inner:  # a cell must hold a paragraph
            inner = paragraph_xml(self.roles["table_text"][0], "")
        spans = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        if merge:
            spans += '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>"
        properties = f'<w:tcW w:w="{width * span}" w:type="dxa"/>{spans}'
        return f"<w:tc><w:tcPr>{properties}</w:tcPr>{inner}</w:tc>"

    def picture(self, picture: Picture) -> str:
        from outline2docx.render.pictures import picture_size

        self.pictures += 1
        number = self.pictures
        size = picture_size(picture.data, self.text_width * EMU_PER_TWIP)
        rel_id = self.add_picture(picture.data, size.extension)
        drawing = _DRAWING.format(
            number=number,
            cx=size.width,
            cy=size.height,
            rel_id=rel_id,
            name=escape(picture.name),
            description=escape(picture.description),
        )
        return paragraph_xml(self.roles["picture"][0], drawing)


# An inline picture (ECMA-376 Part 1, 20.4.2.8) in a run of its own.
_DRAWING = (
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:docPr id="{number}" name="Picture {number}" descr="{description}"/>'
    "<a:graphic>"
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    "<pic:pic>"
    '<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
    "</pic:blipFill>"
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
    "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)


def _run(text: str, char_style: str | None = None) -> str:
    """``text`` as one run, or as several runs in the same style when one would be too long."""
    if len(text) <= RUN_TEXT_LIMIT:
        return run_xml(text, char_style)
    chunks = range(0, len(text), RUN_TEXT_LIMIT)
    return "".join(run_xml(text[at : at + RUN_TEXT_LIMIT], char_style) for at in chunks)


def write_body(
    document: Document,
    style: HouseStyle,
    ids: StyleIds,
    add_picture: AddPicture,
    text_width: int | None = None,
) -> Body:
    """The body of ``document`` in ``style``: paragraphs, tables and pictures in order.

    Tables and pictures fill ``text_width`` (twips; by default the house style's text block).
    """
    writer = _Writer(style, ids, add_picture, text_width or style.page.text_width)
    meta = document.meta
    # The header notes sit in the top left corner, above the issuer mark's 35 mm.
    top = writer.frame("top")
    parts = [writer.layout("header_note", note, top) for note in meta.header_notes]
    previous = None
    flow = list(document.flow())
    kept = _kept_with_signature(flow)
    placed = ending_layouts(flow, meta.seal)
    numbered = False  # a signer goes beside the first document number
    dated = False  # past the date: what follows are the 附注 and the attachments
    for node in flow:
        if isinstance(node, Paragraph):
            first_number = node.role is Role.DOCNUMBER and not numbered
            numbered = numbered or first_number
            signed = first_number and bool(meta.signer or node.lead)
            style_role = _style_role(node, previous, writer.roles, signed)
            ending = ending_role(node, previous, dated)
            style_role = ending if ending in writer.roles else style_role
            if signed and (meta.signer or style_role == "header_number_signed"):
                parts.append(writer.signed_number(node, style_role, meta.signer))
            else:
                keep = id(node) in kept
                parts.append(writer.paragraph(node, style_role, keep, placed.get(id(node))))
            dated = dated or node.role is Role.DATE
            previous = node
        elif isinstance(node, Table):
            parts.append(writer.table(node))
        else:
            parts.append(writer.picture(node))
    if not parts or parts[-1].startswith("<w:tbl>"):
        # Word wants a paragraph before the section end: in an empty body, or after a table.
        parts.append("<w:p/>")
    return Body("".join(parts), _imprint(writer, meta), _footnotes(writer))


def _kept_with_signature(flow: list) -> set[int]:
    """Ids of the paragraphs that end the text above a signature.

    GB/T 9704 never lets the signature and date stand on a page without text: the last
    paragraph above them keeps with the next one (the attachment notes between keep with
    theirs through their style), which no style can say, since any role may end the text.
    """
    kept = set()
    for i, node in enumerate(flow):
        if isinstance(node, Paragraph) and node.role is Role.SIGNATURE:
            j = i - 1
            while j >= 0 and isinstance(flow[j], Paragraph) and flow[j].role is Role.ATTACHMENT:
                j -= 1
            above = flow[j] if j >= 0 else None
            if isinstance(above, Paragraph) and above.role is not Role.SIGNATURE:
                kept.add(id(above))
    return kept


def _footnotes(writer: _Writer) -> str:
    """The notes as w:footnote elements, after the two separators Word expects."""
    if not writer.footnotes:
        return ""
    style = writer.roles["footnote"][0]
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for number, text in enumerate(writer.footnotes, start=1):
        mark = f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteRef/></w:r>'
        notes.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f"{mark}{_run(' ' + text)}</w:p></w:footnote>"
        )
    return "".join(notes)


def _imprint(writer: _Writer, meta: Meta) -> str:
    """The 版记 in its box, or "" when the metadata names none of its lines."""
    lines = imprint_lines(meta)
    if not lines:
        return ""
    paragraphs = "".join(writer.layout(role, text) for role, text in lines)
    size = box_size(meta, writer.style, writer.text_width)
    return box_xml(paragraphs, size, shape_id=writer.pictures + 1)


def _style_role(paragraph: Paragraph, after: Paragraph | None, roles: dict, signed: bool) -> str:
    """The style key of a paragraph: its role's, or a layout variant the tree's fields ask for."""
    role = paragraph.role.value
    # In a header (版头) the document number sits over the red rule, the signer beside it.
    if paragraph.role is Role.DOCNUMBER and after is not None and after.role is Role.ISSUER:
        signed = signed and "header_number_signed" in roles
        return "header_number_signed" if signed else "header_number"
    # The items under "附件：1. …" align under the first name, not under "附件".
    if paragraph.item and "attachment_item" in roles:
        return "attachment_item"
    return role
