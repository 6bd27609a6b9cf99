"""Reading a Word document as input: its paragraphs, tables and pictures, in body order.

Word's automatic list numbers become visible text (一、 1. （1） as the reader saw them), so
the same recognizer as for plain text classifies every paragraph. ``body`` reads the body,
``numbering`` computes list numbers, ``styles`` looks through paragraph and character styles,
``items`` hands the pieces on to the recognizer and the tree builder.
"""

from outline2docx.read.docx.body import BodyItems, TextPiece, read_docx
from outline2docx.read.docx.items import (
    apply_outline_levels,
    document_blocks,
    fix_items,
    source_lines,
)
from outline2docx.read.docx.numbering import visible_bullet

__all__ = [
    "BodyItems",
    "TextPiece",
    "apply_outline_levels",
    "document_blocks",
    "fix_items",
    "read_docx",
    "source_lines",
    "visible_bullet",
]
