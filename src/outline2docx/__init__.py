"""outline2docx: plain Chinese text to Word documents in the official format of GB/T 9704-2012.

>>> import outline2docx
>>> doc = outline2docx.parse("一、总体要求\\n坚持问题导向。")
>>> [p.role.value for p in doc.paragraphs()]
['h1', 'body']
"""

from outline2docx.errors import InputError, Outline2DocxError
from outline2docx.parse import parse
from outline2docx.tree import Diagnostic, Document, Numbering, Paragraph, Role, Section

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Document",
    "InputError",
    "Numbering",
    "Outline2DocxError",
    "Paragraph",
    "Role",
    "Section",
    "__version__",
    "parse",
]
