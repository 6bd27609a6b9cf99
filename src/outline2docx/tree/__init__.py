"""The document tree: typed nodes, numbering kinds, the builder that nests them, and checks."""

from outline2docx.tree.nodes import (
    Block,
    Diagnostic,
    Document,
    Numbering,
    Paragraph,
    Role,
    Section,
)
from outline2docx.tree.numbering import NumberingKind

__all__ = [
    "Block",
    "Diagnostic",
    "Document",
    "Numbering",
    "NumberingKind",
    "Paragraph",
    "Role",
    "Section",
]
