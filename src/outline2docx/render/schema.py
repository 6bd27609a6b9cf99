"""The schema order of the children of the WordprocessingML elements the writer builds or edits.

ECMA-376 Part 1 declares most elements as sequences: Word refuses (or "repairs") a part whose
children come out of that order, while LibreOffice and python-docx read it happily. The order
of each element the writer inserts into is declared here once; the string writer joins its
pieces in it, the template writer inserts into the template's XML with it, and the tests check
the output against it.
"""

from __future__ import annotations

from collections.abc import Iterable

from outline2docx.namespaces import W

# Parent (local name) -> its children in schema order; "a|b" share a rank (a choice).
CHILD_ORDER: dict[str, str] = {
    # CT_SectPr (§17.6.17): up to six header/footer references in any order, then the rest.
    "sectPr": "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc"
    " pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi"
    " rtlGutter docGrid printerSettings sectPrChange",
    # CT_Settings (§17.15.1.78).
    "settings": "writeProtection view zoom removePersonalInformation removeDateAndTime"
    " doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText"
    " printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts"
    " saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges"
    " bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors"
    " hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate"
    " linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge"
    " revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection"
    " autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation"
    " consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength"
    " clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting"
    " bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing"
    " drawingGridVerticalSpacing displayHorizontalDrawingGridEvery"
    " displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin"
    " drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData"
    " noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars"
    " noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema"
    " saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml"
    " saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags"
    " alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat"
    " docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping"
    " doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions"
    " readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags"
    " decimalSymbol listSeparator",
    # CT_Styles (§17.7.4.18): the styles a template lacks are appended after its own.
    "styles": "docDefaults latentStyles style",
    # CT_PPr (§17.3.1.26).
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr"
    " suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct"
    " topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind"
    " contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment"
    " textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
}

# Parent -> child -> rank. Children outside the w: namespace (m:mathPr) are stepped over.
_RANKS: dict[str, dict[str, int]] = {
    parent: {name: rank for rank, names in enumerate(order.split()) for name in names.split("|")}
    for parent, order in CHILD_ORDER.items()
}


def rank(parent: str, child: str) -> int | None:
    """Where ``child`` goes among the children of ``parent`` (local names); None if undeclared."""
    return _RANKS[parent].get(child)


def ordered_xml(parent: str, pieces: Iterable[tuple[str, str]]) -> str:
    """XML snippets given as (child's local name, xml), joined in ``parent``'s schema order."""
    ranks = _RANKS[parent]
    return "".join(xml for _, xml in sorted(pieces, key=lambda piece: ranks[piece[0]]))


def insert_in_order(parent, child):
    """Insert the lxml element ``child`` into ``parent`` where the schema puts it; returns it.

    It goes before the first child the schema puts after it; children the declaration does
    not name (extensions, mc:AlternateContent) are stepped over, never moved.
    """
    ranks = _RANKS[_local(parent)]
    wanted = ranks[_local(child)]
    for position, sibling in enumerate(parent):
        sibling_rank = ranks.get(_local(sibling)) if _is_w(sibling) else None
        if sibling_rank is not None and sibling_rank > wanted:
            parent.insert(position, child)
            return child
    parent.append(child)
    return child


def set_child(parent, child):
    """Make ``child`` the only child of its kind in ``parent``, in schema order; returns it."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    return insert_in_order(parent, child)


def order_problems(element) -> list[str]:
    """The children of the lxml ``element`` that come before one the schema puts earlier."""
    parent = _local(element)
    ranks, furthest, problems = _RANKS[parent], (-1, ""), []
    for child in element:
        child_rank = ranks.get(_local(child)) if _is_w(child) else None
        if child_rank is None:
            continue
        if child_rank < furthest[0]:
            problems.append(f"<w:{parent}> has <w:{_local(child)}> after <w:{furthest[1]}>")
        if child_rank > furthest[0]:
            furthest = (child_rank, _local(child))
    return problems


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_w(element) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith(W)
