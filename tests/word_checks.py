"""What Word insists on in a .docx and LibreOffice and python-docx let pass.

Word refuses (or "repairs") a package with elements out of their ECMA-376 schema sequence, a
part without a content type, a relationship to a missing part, or a style reference to no
style; the readers the tests use read such files happily, so only checks like these catch
them. The sequences list the children this project can write, and those a template may bring.
"""

from __future__ import annotations

import collections
import io
import posixpath
import zipfile

from lxml import etree

from outline2docx.render.schema import CHILD_ORDER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# sectPr and settings: the order the writer inserts by (render/schema.py), declared once;
# header and footer references may come in any order among themselves.
SEQUENCES = {
    "sectPr": CHILD_ORDER["sectPr"].replace("|footerReference", "").split(),
    "settings": CHILD_ORDER["settings"].split(),
} | {
    name: order.split()
    for name, order in {
        "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr"
        " suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct"
        " topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind"
        " contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment"
        " textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
        "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss"
        " imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs"
        " highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout"
        " specVanish oMath",
        "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize"
        " tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption"
        " tblDescription",
        "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection"
        " tcFitText vAlign hideMark",
        "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader"
        " tblCellSpacing jc hidden",
        "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden"
        " unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr"
        " tblPr trPr tcPr tblStylePr",
        "pBdr": "top left start bottom right end between bar",
        "tblBorders": "top left start bottom right end insideH insideV",
        "tcBorders": "top left start bottom right end insideH insideV tl2br tr2bl",
        "tblCellMar": "top left start bottom right end",
        "docDefaults": "rPrDefault pPrDefault",
        "tbl": "bookmarkStart tblPr tblGrid tr",
        "tr": "tblPrEx trPr tc",
        "tc": "tcPr p tbl",
    }.items()
}
SAME_RANK = {("sectPr", "footerReference"): "headerReference"}


def order_problems(data: bytes) -> list[str]:
    """Every element of every XML part of a .docx whose children break the schema's order."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                problems += _in_part(name, etree.fromstring(package.read(name)))
    return problems


def _in_part(name: str, root: etree._Element) -> list[str]:
    problems = []
    for element in root.iter(f"{W}*"):
        parent = etree.QName(element).localname
        order = SEQUENCES.get(parent)
        if order is None:
            continue
        furthest = -1
        for child in element.iterchildren(f"{W}*"):
            local = etree.QName(child).localname
            local = SAME_RANK.get((parent, local), local)
            if local not in order:
                problems.append(f"{name}: <w:{parent}> holds <w:{local}>, unknown here")
                continue
            if order.index(local) < furthest:
                problems.append(f"{name}: <w:{parent}> has <w:{local}> after <w:{order[furthest]}>")
            furthest = max(furthest, order.index(local))
    return problems


def word_problems(data: bytes) -> list[str]:
    """Everything below, for one .docx."""
    return order_problems(data) + package_problems(data) + style_problems(data)


def package_problems(data: bytes) -> list[str]:
    """Parts without a content type, overrides and relationships naming missing parts."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        types = etree.fromstring(package.read("[Content_Types].xml"))
        defaults = {d.get("Extension", "").lower() for d in types.iter(f"{CT}Default")}
        overrides = {o.get("PartName", "") for o in types.iter(f"{CT}Override")}
        for name in sorted(names - {"[Content_Types].xml"}):
            if f"/{name}" not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
                problems.append(f"{name}: no content type")
        problems += [
            f"{o}: content type for a missing part" for o in overrides if o[1:] not in names
        ]
        for rels in sorted(n for n in names if n.endswith(".rels")):
            base = posixpath.dirname(posixpath.dirname(rels))
            for rel in etree.fromstring(package.read(rels)).iter(f"{REL}Relationship"):
                target = rel.get("Target", "")
                if rel.get("TargetMode") == "External":
                    continue
                part = target[1:] if target.startswith("/") else posixpath.join(base, target)
                if posixpath.normpath(part) not in names:
                    problems.append(f"{rels}: relationship to missing {part}")
    return problems


def style_problems(data: bytes) -> list[str]:
    """Style ids defined twice, and references (pStyle, rStyle, basedOn…) to no style."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
        ids = [s.get(f"{W}styleId") for s in styles.iter(f"{W}style")]
        problems = [
            f"style id {i} defined twice" for i, n in collections.Counter(ids).items() if n > 1
        ]
        used: set[str] = set()
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                for tag in ("pStyle", "rStyle", "tblStyle", "basedOn", "next", "link"):
                    used |= {e.get(f"{W}val") for e in root.iter(f"{W}{tag}")}
    return problems + [f"no style {ref}" for ref in sorted(used - set(ids))]
