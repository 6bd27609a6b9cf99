"""The document tree: typed nodes, the builder that nests them, and numbering checks."""

from outline2docx.tree.nodes import (
    Block,
    Diagnostic,
    Document,
    Numbering,
    Paragraph,
    Role,
    Section,
)

__all__ = ["Block", "Diagnostic", "Document", "Numbering", "Paragraph", "Role", "Section"]
