"""Child order of WordprocessingML elements, as the ECMA-376 schema fixes it.

Word refuses (or "repairs") a part whose elements appear out of their schema sequence, while
LibreOffice and python-docx read it happily, so only a check like this one catches it. The
sequences list the children this project can write, and those a template may bring.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SEQUENCES = {
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
        # header and footer references may come in any order among themselves
        "sectPr": "headerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders"
        " lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi"
        " rtlGutter docGrid printerSettings sectPrChange",
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
