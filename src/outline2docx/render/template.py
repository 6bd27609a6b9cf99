"""Rendering into an organization's template (``--reference-doc``).

The template gives the page setup, its styles, its headers and footers (a first-page
letterhead included) and everything else in its package that is safe to carry; the document
gives the body, the styles the template lacks, its pictures and footnotes, and its page numbers
when the template has no footers of its own. The template is opened and checked once
(templates are untrusted: read/package.py checks the package, render/template_safety.py what
of it may be carried) and kept as a ``Template``; each document is then written straight into
a copy of its parts, never rendered, zipped and read back.
"""

from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lxml import etree

from outline2docx.errors import InputError
from outline2docx.i18n import _
from outline2docx.namespaces import R_NS, W_NS, R, W
from outline2docx.read.package import main_document, open_package
from outline2docx.render import package as parts
from outline2docx.render.body import Body, write_body
from outline2docx.render.imprint import BOX_NAMESPACES, ENDINGS, Placement, ending_xml
from outline2docx.render.opc import OpcPackage, resolve_target
from outline2docx.render.schema import insert_in_order, set_child
from outline2docx.render.styles_xml import style_ids, styles_xml
from outline2docx.render.template_safety import SafeTemplate, safe_template
from outline2docx.style import HouseStyle, Page
from outline2docx.tree.nodes import Document

# Twips per unit of a measure written with its unit (ST_UniversalMeasure: "21cm", "0.5in").
_TWIPS_PER_UNIT = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440, "pt": 20, "pc": 240, "pi": 240}
_MEASURE = re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?)(mm|cm|in|pt|pc|pi)?$")
# What the body's XML snippets use, declared on the document's root element.
_OUR_NAMESPACES = {
    "w": W_NS,
    "r": R_NS,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    **BOX_NAMESPACES,
}
_BODY_PARSER = etree.XMLParser(huge_tree=True)  # our own text: a long document is no attack


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """The template's page width and side margins (twips); None where it leaves them open."""

    width: int | None
    left: int | None
    right: int | None

    def text_width(self, house: Page) -> int:
        """The width of the text block; what the template leaves open, the house style gives."""
        width = self.width if self.width is not None else house.width
        left = self.left if self.left is not None else house.left
        right = self.right if self.right is not None else house.right
        return width - left - right


@dataclass(frozen=True, slots=True)
class Template:
    """A checked template: its parts as stored, and what rendering into it reads from them.

    Shared by every document of a batch: rendering copies what it changes.
    """

    label: str
    parts: dict[str, bytes]  # every part, by name, as stored
    main: str  # the main document part (word/document.xml, usually)
    document: etree._Element  # the main document, parsed
    section: etree._Element  # its final w:sectPr: the page setup
    styles: str | None  # part names the main document relates to, where the template has them
    settings: str | None
    footnotes: str | None
    geometry: PageGeometry
    notices: tuple[str, ...] = ()  # warnings for the user: what was dropped from the template

    @property
    def has_footers(self) -> bool:
        """True if the template's page setup names footers of its own."""
        return self.section.find(f"{W}footerReference") is not None


def load_template(path: Path) -> Template:
    """Open and check a template once; InputError (exit code 2) if it is unsafe or unusable.

    Every part carried is parsed now; macros and what Word would fetch or run are dropped
    (render/template_safety.py), each kind named in the template's ``notices``.
    """
    label = str(path)
    package = open_package(path, label)
    main = main_document(package)
    safe = safe_template(package, main)
    document = safe.trees[main]
    section = document.find(f"{W}body/{W}sectPr")
    if section is None:
        raise InputError(label, _("the template has no page setup (no final w:sectPr)"))
    folder = posixpath.dirname(main)
    related: dict[str, str] = {}
    for rel in safe.relationships[main]:
        if not rel.external:
            related.setdefault(rel.reltype, resolve_target(folder, rel.target))
    return Template(
        label=label,
        parts=safe.parts,
        main=main,
        document=document,
        section=section,
        styles=_held(related.get(parts.STYLES[1]), safe),
        settings=_held(related.get(parts.SETTINGS[1]), safe),
        footnotes=_held(related.get(parts.FOOTNOTES[1]), safe),
        geometry=_geometry(section, label),
        notices=safe.notices,
    )


def _held(name: str | None, safe: SafeTemplate) -> str | None:
    """The carried part ``name`` is, as the package spells it (part names ignore case)."""
    if name is None:
        return None
    return next((held for held in safe.parts if held.lower() == name.lower()), None)


def render_into(
    template: Template,
    document: Document,
    style: HouseStyle,
    placement: Placement = Placement.NEXT_EVEN,
) -> bytes:
    """The .docx of ``document``: the template's package, our text, styles, notes and pictures;
    the imprint where ``placement`` puts it."""
    ids = style_ids(style)
    package = OpcPackage.from_parts(template.parts)
    main = template.main
    text_width = template.geometry.text_width(style.page)
    body = write_body(document, style, ids, partial(package.add_media, main), text_width)
    writer = _Writer(template, package, style, ids)
    sections = writer.sections(body, placement)
    package.add_part(main, _document_xml(template, body, sections, placement))
    writer.merge_styles()
    writer.settings(even_pages=writer.added_even_footer, footnotes=bool(body.footnotes))
    if body.footnotes:
        writer.footnotes(body)
    writer.properties(document)
    return package.to_bytes()


class _Writer:
    """The steps of writing one document into a copy of the template's package."""

    def __init__(
        self, template: Template, package: OpcPackage, style: HouseStyle, ids: dict[str, str]
    ) -> None:
        self.template, self.package, self.style, self.ids = template, package, style, ids
        self.added_even_footer = False

    def sections(self, body: Body, placement: Placement) -> list[etree._Element]:
        """The text's section properties, then the imprint's if it has a section of its own."""
        page_setup = copy.deepcopy(self.template.section)
        self.complete_page_setup(page_setup)
        text = copy.deepcopy(page_setup)
        if not self.template.has_footers:
            self.number_first_page(text, self.add_footers(text))
        found = [text]
        ending = ENDINGS.get(placement) if body.imprint else None
        if ending is not None and ending.section:
            # The imprint's pages take the same setup with our footers, numbered or empty,
            # and no first-page letterhead.
            imprint = copy.deepcopy(page_setup)
            for old in imprint.findall(f"{W}footerReference") + imprint.findall(f"{W}titlePg"):
                imprint.remove(old)
            self.add_footers(imprint, ending.numbered, ending.full_footers)
            set_child(imprint, _element("type", val=ending.section))
            found.append(imprint)
        for section in found:
            _mirror_default_to_even(section)
        return found

    def complete_page_setup(self, section: etree._Element) -> None:
        """Where the template leaves paper size or margins open, the house style's."""
        page = self.style.page
        if section.find(f"{W}pgSz") is None:
            insert_in_order(section, _element("pgSz", w=page.width, h=page.height))
        if section.find(f"{W}pgMar") is None:
            margins = {k: getattr(page, k) for k in ("top", "right", "bottom", "left")}
            margins |= {"header": page.header, "footer": page.footer, "gutter": 0}
            insert_in_order(section, _element("pgMar", **margins))

    def add_footers(
        self, section: etree._Element, numbered: bool = True, full: bool = False
    ) -> str:
        """Our page-number footers (or empty ones; ``full``: filling the bottom margin),
        referenced from ``section``; the odd pages' footer id."""
        odd, even = parts.add_footers(
            self.package, self.template.main, self.style, self.ids, numbered, full
        )
        insert_in_order(section, _footer_reference("default", odd))
        if self.style.page.duplex:
            insert_in_order(section, _footer_reference("even", even))
            self.added_even_footer = True
        return odd

    def number_first_page(self, section: etree._Element, numbered: str) -> None:
        """The first page's footer as the style says: the ``numbered`` one, or an empty one
        (first_page = false). A letterhead template sets w:titlePg for its first-page header,
        which would leave that page without a number; its own first-page footer stays."""
        references = section.findall(f"{W}footerReference")
        if any(ref.get(f"{W}type") == "first" for ref in references):
            return
        empty = parts.first_page_footer(self.package, self.style, self.template.main)
        if empty or section.find(f"{W}titlePg") is not None:
            insert_in_order(section, _footer_reference("first", empty or numbered))
        if empty:
            set_child(section, _element("titlePg"))

    def merge_styles(self) -> None:
        """The template's styles, plus those of ours it lacks (its own definitions win)."""
        ours = styles_xml(self.style, self.ids)
        if self.template.styles is None:  # a template without styles: ours, as a new part
            name = self.package.free_name("word/styles{n}.xml")
            parts.add_related(self.package, self.template.main, name, ours, parts.STYLES)
            return
        styles = etree.fromstring(self.template.parts[self.template.styles])
        present = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
        for style in list(etree.fromstring(ours).iter(f"{W}style")):
            if style.get(f"{W}styleId") not in present:
                insert_in_order(styles, style)
        self.package.add_part(self.template.styles, _xml(styles))

    def settings(self, even_pages: bool, footnotes: bool) -> None:
        """Odd and even pages when our footers differ, the separators when there are notes."""
        if not (even_pages or footnotes):
            return
        if self.template.settings is None:
            ours = parts.settings_xml(self.style, footnotes)
            name = self.package.free_name("word/settings{n}.xml")
            parts.add_related(self.package, self.template.main, name, ours, parts.SETTINGS)
            return
        settings = etree.fromstring(self.template.parts[self.template.settings])
        if even_pages and settings.find(f"{W}evenAndOddHeaders") is None:
            insert_in_order(settings, _element("evenAndOddHeaders"))
        if footnotes:
            # Our footnotes part replaces the template's: its separators are ours (-1 and 0).
            properties = settings.find(f"{W}footnotePr")
            if properties is None:
                properties = insert_in_order(settings, _element("footnotePr"))
            for old in properties.findall(f"{W}footnote"):
                properties.remove(old)
            for separator in ("-1", "0"):
                properties.append(_element("footnote", id=separator))
        self.package.add_part(self.template.settings, _xml(settings))

    def footnotes(self, body: Body) -> None:
        """Our notes, in the template's footnotes part (its own notes went with its body)."""
        xml = parts.footnotes_xml(body)
        if self.template.footnotes is not None:
            self.package.add_part(self.template.footnotes, xml)
            return
        name = self.package.free_name("word/footnotes{n}.xml")
        parts.add_related(self.package, self.template.main, name, xml, parts.FOOTNOTES)

    def properties(self, document: Document) -> None:
        """Our core properties (the title) and app properties (marks the file as ours)."""
        for kind, xml, name in (
            (parts.CORE, parts.core_properties(document), "docProps/core.xml"),
            (parts.APP, parts.app_properties(), "docProps/app.xml"),
        ):
            existing = self.package.related("", kind[1])
            if existing is not None:
                self.package.add_part(existing, xml)
            else:
                parts.add_related(self.package, "", self.package.free_name(name), xml, kind)


def _document_xml(
    template: Template, body: Body, sections: list[etree._Element], placement: Placement
) -> bytes:
    """The template's main document with our body: its root, namespaces and background kept."""
    theirs = template.document
    root = etree.Element(theirs.tag, nsmap={**_OUR_NAMESPACES, **theirs.nsmap})
    root.attrib.update(theirs.attrib)
    for child in theirs:
        ours = child.tag == f"{W}body"
        root.append(_our_body(body, sections, placement) if ours else copy.deepcopy(child))
    return _xml(root)


def _our_body(body: Body, sections: list[etree._Element], placement: Placement) -> etree._Element:
    declarations = " ".join(f'xmlns:{p}="{uri}"' for p, uri in _OUR_NAMESPACES.items())
    *inner, last = sections
    text_section = "".join(etree.tostring(section, encoding="unicode") for section in inner)
    ending = ending_xml(placement, body.imprint, text_section) if body.imprint else ""
    xml = f"<w:body {declarations}>{body.xml}{ending}</w:body>"
    element = etree.fromstring(xml, _BODY_PARSER)
    element.append(last)
    return element


def _mirror_default_to_even(section: etree._Element) -> None:
    """Where odd and even pages may differ, an even page shows the default header or footer
    unless the template gave it one of its own."""
    for kind in ("headerReference", "footerReference"):
        refs = {r.get(f"{W}type"): r for r in section.findall(f"{W}{kind}")}
        if "default" in refs and "even" not in refs:
            even = copy.deepcopy(refs["default"])
            even.set(f"{W}type", "even")
            refs["default"].addnext(even)


def _geometry(section: etree._Element, label: str) -> PageGeometry:
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    geometry = PageGeometry(
        _twips(size, "w", label), _twips(margins, "left", label), _twips(margins, "right", label)
    )
    known = (geometry.width, geometry.left, geometry.right)
    if None not in known and known[0] - known[1] - known[2] <= 0:  # type: ignore[operator]
        problem = _("the template's page leaves no room for text between its margins")
        raise InputError(label, problem)
    return geometry


def _twips(element: etree._Element | None, attribute: str, label: str) -> int | None:
    value = element.get(f"{W}{attribute}") if element is not None else None
    if value is None:
        return None
    found = _MEASURE.match(value.strip())
    if found is None:
        problem = _("the template's page setup has w:{attribute}={value}")
        raise InputError(label, problem.format(attribute=attribute, value=repr(value)))
    number, unit = found.groups()
    return round(float(number) * _TWIPS_PER_UNIT.get(unit, 1))


def _element(name: str, **attributes: object) -> etree._Element:
    element = etree.Element(f"{W}{name}")
    for key, value in attributes.items():
        element.set(f"{W}{key}", str(value))
    return element


def _footer_reference(kind: str, rel_id: str) -> etree._Element:
    reference = _element("footerReference", type=kind)
    reference.set(f"{R}id", rel_id)
    return reference


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
