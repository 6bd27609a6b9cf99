"""The package layer hands out relationship ids; the schema declaration places children."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from outline2docx.render.opc import OpcPackage
from outline2docx.render.schema import insert_in_order, ordered_xml, set_child

from ..packages import word_document, zipped
from .schema_checks import declared_order_problems

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_relate_hands_out_ids_the_source_does_not_hold():
    template = parts_of(word_document("正文"))
    taken = {
        r.get("Id")
        for r in etree.fromstring(template["word/_rels/document.xml.rels"]).iter(
            f"{REL}Relationship"
        )
    }
    package = OpcPackage.from_parts(template)
    new = [package.add_media("word/document.xml", b"\x89PNG", "png") for _ in range(3)]
    assert len(set(new)) == 3 and not set(new) & taken
    assert package.related("word/document.xml", STYLES) == "word/styles.xml"
    written = parts_of(package.to_bytes())
    rels = etree.fromstring(written["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{REL}Relationship")}
    assert [targets[i] for i in new] == [f"media/image{n}.png" for n in (1, 2, 3)]
    assert taken <= set(targets)  # the template's own relationships stay
    assert b'Extension="png"' in written["[Content_Types].xml"]


def test_a_new_package_numbers_from_one():
    package = OpcPackage()
    package.add_part("word/document.xml", "<x/>", "application/xml")
    ids = [package.relate("word/document.xml", STYLES, f"word/s{n}.xml") for n in range(2)]
    assert ids == ["rId1", "rId2"]
    assert package.free_name("word/footer{n}.xml") == "word/footer1.xml"


def test_children_go_where_the_schema_puts_them():
    settings = etree.fromstring(
        f'<w:settings xmlns:w="{W_NS}"><w:zoom/><w:proofState/><w:defaultTabStop/>'
        "<w:characterSpacingControl/><w:compat/></w:settings>"
    )
    insert_in_order(settings, etree.Element(f"{W}evenAndOddHeaders"))
    insert_in_order(settings, etree.Element(f"{W}footnotePr"))
    names = [etree.QName(c).localname for c in settings]
    assert names == [
        "zoom", "proofState", "defaultTabStop", "evenAndOddHeaders",
        "characterSpacingControl", "footnotePr", "compat",
    ]  # fmt: skip
    section = etree.fromstring(
        f'<w:sectPr xmlns:w="{W_NS}"><w:footnotePr/><w:type w:val="oddPage"/><w:pgSz/></w:sectPr>'
    )
    kind = etree.Element(f"{W}type")
    kind.set(f"{W}val", "evenPage")
    set_child(section, kind)
    assert [etree.QName(c).localname for c in section] == ["footnotePr", "type", "pgSz"]
    assert section.find(f"{W}type").get(f"{W}val") == "evenPage"
    assert ordered_xml("sectPr", [("pgSz", "<b/>"), ("type", "<a/>")]) == "<a/><b/>"


def test_the_order_check_catches_what_it_checks():
    document = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:sectPr><w:type/><w:footnotePr/><w:type/>'
        "</w:sectPr></w:body></w:document>"
    )
    problems = declared_order_problems(zipped({"word/document.xml": document.encode()}))
    assert problems == [
        "word/document.xml: <w:sectPr> has <w:footnotePr> after <w:type>",
        "word/document.xml: <w:sectPr> holds <w:type> 2 times",
    ]
