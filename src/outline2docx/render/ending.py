"""The end of a document as GB/T 9704 §7.3.5–§7.3.8 sets it: signature, date, 附注, attachments.

Where the signature (发文机关署名) and the date (成文日期) stand depends on how the document is
sealed, which the metadata field 印章 says; the indents depend on the two lines' widths (the
signature is centred over the date, or the date starts two characters right of the
signature), so the renderer sets them on the paragraphs, over the styles' defaults.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from outline2docx.tree.nodes import Paragraph, Role

WITH_SEAL, WITHOUT_SEAL, SIGNATURE_SEAL = "有印章", "无印章", "签名章"
DEFAULT_SEAL = WITH_SEAL
# What a user may write in the 印章 field -> the layout it names.
SEAL_NAMES = {
    WITH_SEAL: WITH_SEAL,
    "加盖印章": WITH_SEAL,
    "seal": WITH_SEAL,
    WITHOUT_SEAL: WITHOUT_SEAL,
    "不加盖印章": WITHOUT_SEAL,
    "none": WITHOUT_SEAL,
    SIGNATURE_SEAL: SIGNATURE_SEAL,
    "签发人签名章": SIGNATURE_SEAL,
    "signature": SIGNATURE_SEAL,
}


@dataclass(frozen=True, slots=True)
class EndingLayout:
    """Right indents (characters) and blank lines above the signature and the date."""

    signature_right: float
    date_right: float
    signature_before: float
    date_before: float


def _with_seal(signature: float, date: float) -> EndingLayout:
    # §7.3.5.1: date four characters from the right, the signature centred over it.
    return EndingLayout(max(0.0, 4 + (date - signature) / 2), 4, 1, 0)


def _without_seal(signature: float, date: float) -> EndingLayout:
    # §7.3.5.2: signature two characters from the right, the date's first character two to
    # the right of the signature's; a longer date stays two from the right and pushes the
    # signature left instead.
    date_right = signature - date
    if date_right >= 2:
        return EndingLayout(2, date_right, 1, 0)
    return EndingLayout(4 + date - signature, 2, 1, 0)


def _signature_seal(signature: float, date: float) -> EndingLayout:
    # §7.3.5.3: the signer's title and seal two lines below the text, four characters from the
    # right; the date one line below them, four from the right too.
    return EndingLayout(4, 4, 2, 1)


LAYOUTS = {WITH_SEAL: _with_seal, WITHOUT_SEAL: _without_seal, SIGNATURE_SEAL: _signature_seal}


def seal_of(value: str) -> str:
    """The seal layout a metadata value names; the default for none or one not known."""
    return SEAL_NAMES.get(value.strip(), DEFAULT_SEAL) if value else DEFAULT_SEAL


def text_width(text: str) -> float:
    """Width of ``text`` in body characters: half-width characters and spaces count one half."""
    return sum(_HALF if _is_half(c) else 1.0 for c in text.strip())


_HALF = 0.5


def _is_half(character: str) -> bool:
    return character.isspace() or unicodedata.east_asian_width(character) in "NaH"


def ending_layouts(flow: list, seal: str) -> dict[int, tuple[float, float]]:
    """id(paragraph) -> (right indent, blank lines above) for each signature and date."""
    layout_of = LAYOUTS[seal_of(seal)]
    placed: dict[int, tuple[float, float]] = {}
    for i, node in enumerate(flow):
        if not _is(node, Role.DATE):
            continue
        signatures = []
        j = i - 1
        while j >= 0 and _is(flow[j], Role.SIGNATURE):
            signatures.append(flow[j])
            j -= 1
        date = text_width(node.text)
        widest = max((text_width(s.text) for s in signatures), default=0.0)
        layout = layout_of(widest, date)
        # Each line of a signature over several lines stands on its own width.
        for n, signature in enumerate(reversed(signatures)):
            right = layout_of(text_width(signature.text), date).signature_right
            placed[id(signature)] = (right, layout.signature_before if not n else 0)
        placed[id(node)] = (layout.date_right, layout.date_before)
    return placed


# 附注 (§7.3.6): a line wholly in full-width brackets right after the date, e.g. （此件公开发布）.
DATE_NOTE = re.compile(r"^（[^（）]+）$")
# The first line of an attachment (§7.3.8): "附件", "附件1", "附件2" on a line of its own.
ATTACHMENT_LABEL = re.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]*$")


def ending_role(paragraph: Paragraph, previous: Paragraph | None, after_date: bool) -> str | None:
    """The layout role of a 附注 or an attachment's label, or None for any other paragraph."""
    text = paragraph.text.strip()
    if _is(previous, Role.DATE) and paragraph.role is Role.BODY and DATE_NOTE.match(text):
        return "date_note"
    if after_date and paragraph.role is Role.ATTACHMENT and ATTACHMENT_LABEL.match(text):
        return "attachment_label"
    return None


def _is(node: object, role: Role) -> bool:
    return isinstance(node, Paragraph) and node.role is role
