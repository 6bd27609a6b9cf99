"""The one pipeline every entry point runs: read → recognize → transforms → write.

In the manner of docutils' publisher: a reader turns a source into a Draft (its lines, and for
a Word document its tables and pictures); the source transforms run on those lines; the
recognizer gives every line its role and builds the tree; the tree transforms run on the tree
(``transforms.TRANSFORMS`` is the ordered table of both); a writer renders it. What a run does
besides reading and writing is one ``Settings`` object, built once per run with the house
style and template already loaded, and passed on to every conversion (batch workers too).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from outline2docx.i18n import _
from outline2docx.read.lines import SourceLine, SourceText, read_source, split_lines
from outline2docx.tree.meta import Meta
from outline2docx.tree.nodes import Diagnostic, Document, Role

if TYPE_CHECKING:
    from outline2docx.read.docx import BodyItems
    from outline2docx.render.imprint import Placement
    from outline2docx.render.template import Template
    from outline2docx.style import HouseStyle

Source = str | bytes | os.PathLike[str]  # a path, raw bytes, or the text itself

DOCX_SUFFIXES = (".docx", ".docm", ".dotx")
# How a Word document (a zip package) begins: bytes without a name are told apart by it.
ZIP_SIGNATURE = b"PK\x03\x04"
# Roles a user may give a line: those the recognizer gives lines of text.
OVERRIDABLE = frozenset(Role) - {
    Role.LIST_ITEM,
    Role.QUOTE,
    Role.NOTE,
    Role.CODE,
    Role.CAPTION,
    Role.FOOTNOTE,
    Role.TABLE_TEXT,
}


def role_overrides(roles: Mapping[int, Role | str] | None) -> dict[int, Role]:
    """``roles`` with every role a Role; ValueError names one that is not a role of text."""
    out = {}
    for line, role in (roles or {}).items():
        try:
            value = Role(role)
        except ValueError:
            value = None
        if value is None or value not in OVERRIDABLE:
            known = ", ".join(sorted(r.value for r in OVERRIDABLE))
            message = _("{role} is not a role of a line; one of: {known}")
            raise ValueError(message.format(role=repr(role), known=known))
        out[int(line)] = value
    return out


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run does besides reading and writing; made once, shared by every conversion."""

    style: HouseStyle | None = None  # None: the default house style, loaded when first needed
    template: Template | None = None  # an organization's .docx to render into (--reference-doc)
    encoding: str | None = None  # decode text with this instead of detecting it
    fix: bool = False  # apply the safe normalizations before recognizing
    diff: bool = False  # with fix or renumber: a unified diff of the changes among the notes
    renumber: bool = False  # rewrite heading numbers per level and parent, on the tree
    drop_noise: bool = False  # leave out web-page residue
    plain: bool = False  # Word input: drop bold and italic too
    layout: bool = True  # place the imprint by a layout in LibreOffice, when it is installed
    meta: Meta = field(default_factory=Meta)  # header and imprint data that win over the file's
    roles: Mapping[int, Role | str] | None = field(default_factory=dict)  # line -> a user's role

    def __post_init__(self) -> None:
        # Roles given as strings ("title"), or None, are checked and made Roles once, here.
        object.__setattr__(self, "roles", role_overrides(self.roles))


@dataclass(slots=True)
class Draft:
    """A document on its way through the pipeline: its source lines, then its tree."""

    source: str  # the name reported in messages
    encoding: str  # "docx" for a Word document
    lines: list[SourceLine]  # what the recognizer reads: text lines, or a body's paragraphs
    items: BodyItems | None = None  # a Word body in order, tables and pictures included
    meta: Meta = field(default_factory=Meta)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None  # the tree, once recognized
    notes: list[str] = field(default_factory=list)  # lines for stderr: fixes, dropped lines


@dataclass(frozen=True, slots=True)
class Publication:
    """A finished conversion: the tree, the .docx bytes, and what to tell the user."""

    document: Document
    data: bytes
    notes: tuple[str, ...]


Reader = Callable[[Source, "str | None", Settings], Draft]


# ---- the stages ----------------------------------------------------------------------------


def read(
    source: Source,
    settings: Settings = Settings(),
    *,
    name: str | None = None,
    reader: Reader | None = None,
) -> Draft:
    """Read, transform and recognize ``source`` (with ``reader``, or the one its kind takes):
    the Draft with its finished tree."""
    from outline2docx.transforms import SOURCE, TREE, run_transforms

    with _cyclic_gc_paused():
        draft = (reader or reader_for(source))(source, name, settings)
        run_transforms(SOURCE, draft, settings)
        draft.document = recognize_draft(draft, settings.roles)
        run_transforms(TREE, draft, settings)
    return draft


def transform(document: Document, settings: Settings = Settings()) -> Draft:
    """Run the tree transforms on a tree another front-end built (Sphinx, the web page)."""
    from outline2docx.transforms import TREE, run_transforms

    draft = Draft(document.source, document.encoding, [], meta=document.meta, document=document)
    run_transforms(TREE, draft, settings)
    return draft


def write(
    document: Document, settings: Settings = Settings(), notes: list[str] | None = None
) -> bytes:
    """The .docx of a finished tree, in the settings' house style and template; what the
    user should know is added to ``notes``."""
    from outline2docx.render.package import render_docx

    style = settings.style or default_style()
    placement = imprint_placement(document, style, settings, notes)
    return render_docx(document, style, settings.template, placement)


# Laying a document out to place its imprint: LibreOffice's time for one (an untrusted one
# too), and the longest text laid out (about 8 s; past it the layout would cost more than the
# rest of the conversion many times over).
LAYOUT_TIMEOUT = 60  # seconds
LAYOUT_LIMIT = 500_000  # characters


def imprint_placement(
    document: Document, style: HouseStyle, settings: Settings, notes: list[str] | None = None
) -> Placement:
    """Where the document's imprint goes: measured on LibreOffice's pages of its text when the
    settings ask for a layout and it can be made; else on the next even page (and a note in
    ``notes`` says why)."""
    from outline2docx.render.imprint import Placement

    if not (settings.layout and document.meta.has_imprint):
        return Placement.NEXT_EVEN
    from outline2docx.render.layout import LayoutUnavailable  # lxml: only when laying out

    try:
        return _measured_placement(document, style, settings.template)
    except LayoutUnavailable as unavailable:
        if notes is not None:
            unmeasured = _("{source}: note: the imprint (版记) starts on the next even page: {why}")
            notes.append(unmeasured.format(source=document.source, why=unavailable))
        return Placement.NEXT_EVEN


def _measured_placement(
    document: Document, style: HouseStyle, template: Template | None
) -> Placement:
    from outline2docx.render.imprint import Placement, box_size
    from outline2docx.render.layout import LayoutUnavailable, measure_placement
    from outline2docx.render.package import render_docx

    size = sum(len(p.text) for p in document.paragraphs())
    if size > LAYOUT_LIMIT:
        long = _("the text is too long to lay out ({size:,} characters, at most {limit:,})")
        raise LayoutUnavailable(long.format(size=size, limit=LAYOUT_LIMIT))
    width = template.geometry.text_width(style.page) if template else style.page.text_width
    probe = render_docx(document, style, template, Placement.NONE)
    box_height = box_size(document.meta, style, width).height / 20  # points
    return measure_placement(probe, box_height, LAYOUT_TIMEOUT)


def publish(
    source: Source, settings: Settings = Settings(), *, name: str | None = None
) -> Publication:
    """The whole pipeline: ``source`` in, the tree and its .docx out."""
    draft = read(source, settings, name=name)
    data = write(draft.document, settings, draft.notes)
    return Publication(draft.document, data, tuple(draft.notes))


def default_style() -> HouseStyle:
    """The default house style, loaded once per process."""
    from outline2docx.style import load_style

    global _DEFAULT_STYLE
    if _DEFAULT_STYLE is None:
        _DEFAULT_STYLE = load_style()
    return _DEFAULT_STYLE


_DEFAULT_STYLE: HouseStyle | None = None


# ---- readers -------------------------------------------------------------------------------


def reader_for(source: Source) -> Reader:
    """The reader of a source: Word for .docx names and zip bytes, text for the rest.

    The one place the text-or-Word decision is made. A ``str`` is a path when it names an
    existing file and holds no line break; otherwise it is the text itself.
    """
    if isinstance(source, bytes):
        return read_word if source.startswith(ZIP_SIGNATURE) else read_text
    if isinstance(source, str) and not looks_like_path(source):
        return read_string
    return read_word if Path(source).suffix.lower() in DOCX_SUFFIXES else read_text


def read_text(source: Source, name: str | None, settings: Settings) -> Draft:
    """A text file (path) or raw bytes, decoded, front matter taken apart."""
    return _draft_of(read_source(source, name=name, encoding=settings.encoding))


def read_string(text: str, name: str | None, settings: Settings) -> Draft:
    """Text already decoded."""
    from outline2docx.read.front_matter import split_front_matter

    meta, body = split_front_matter(text)
    lines, removed = split_lines(body)
    return _draft_of(SourceText(name or "<text>", "str", lines, removed, meta))


def read_word(source: Source, name: str | None, settings: Settings) -> Draft:
    """A Word document (path or bytes): its paragraphs to recognize, tables and pictures."""
    from outline2docx.read.docx import read_docx, source_lines

    data = source if isinstance(source, bytes) else Path(source)
    label = name or (str(source) if not isinstance(source, bytes) else "<docx>")
    warnings: list[Diagnostic] = []  # values ignored and pictures dropped while reading
    items = read_docx(data, label, settings.plain, warnings)
    notes = [f"{label}:{w.line}: warning: {w.message}" for w in warnings]
    return Draft(label, "docx", source_lines(items), items, diagnostics=warnings, notes=notes)


def _draft_of(text: SourceText) -> Draft:
    removed = [
        Diagnostic(
            r.line,
            r.column,
            "control-character",
            _("removed control character U+{code:04X}, which documents cannot hold").format(
                code=ord(r.char)
            ),
        )
        for r in text.removed
    ]
    return Draft(text.source, text.encoding, text.lines, meta=text.meta, diagnostics=removed)


def looks_like_path(value: str) -> bool:
    """True if ``value`` names an existing file (and is no text of several lines)."""
    if "\n" in value or "\r" in value or len(value) >= 4096:
        return False
    try:
        return Path(value).is_file()
    except (OSError, ValueError):  # a name too long for the file system, or holding NUL
        return False


# ---- recognizing ---------------------------------------------------------------------------


def recognize_draft(draft: Draft, roles: Mapping[int, Role]) -> Document:
    """Every line's role, and the tree built from them (tables and pictures in place)."""
    from outline2docx.recognize import recognize
    from outline2docx.tree.build import build

    facts = recognize(draft.lines, dict(roles))
    if draft.items is None:
        children = build((f.paragraph(), f.rank if f.is_heading else 0) for f in facts)
    else:
        from outline2docx.read.docx import apply_outline_levels, document_blocks

        by_line = {f.number: f for f in facts}
        apply_outline_levels(draft.items, by_line)
        children = build(document_blocks(draft.items, by_line))
    return Document(children, draft.source, draft.encoding, draft.diagnostics, draft.meta)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    # A parse allocates a few objects per line and none of them form cycles; the cyclic
    # collector would rescan all of them again and again, making big inputs superlinear.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
