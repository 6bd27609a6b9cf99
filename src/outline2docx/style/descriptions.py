"""What ``styles list`` says of each built-in style, in the user's language.

The built-in style files describe themselves in English (``description``); their Chinese
lives in the message catalog, found through this table. A style file of the user's is shown
as written: its description is the user's own words, in whatever language they chose.
"""

from __future__ import annotations

from outline2docx.i18n import N_, _
from outline2docx.style.model import HouseStyle

# Built-in style name -> its file's description, exactly as written there (tests hold them equal).
BUILTIN_DESCRIPTIONS = {
    "gbt9704": N_("GB/T 9704-2012 official documents: notices, reports, opinions"),
    "regulation": N_("Regulations (条例/办法/章程): 第一章 / 第一节 / 第一条"),
    "speech": N_("Speeches (讲话稿): 楷体 subtitle and byline, bold run-in leads"),
}


def shown_description(name: str, style: HouseStyle) -> str:
    """The description of ``style`` (named ``name``) as shown to the user: a built-in one's
    translated, any other as its file gives it."""
    own = style.description
    return _(own) if BUILTIN_DESCRIPTIONS.get(name) == own else own
