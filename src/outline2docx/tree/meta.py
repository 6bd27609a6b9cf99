"""Metadata into the tree: the issuer mark, document number and addressee where the text has
none of its own. The header notes (份号, 密级, 紧急程度) and the imprint (版记) stay in
``Document.meta``: they are laid out by the renderer, above and below everything else."""

from __future__ import annotations

from outline2docx.tree.nodes import FRONT_ROLES, Document, Paragraph, Role

SIGNER_SEPARATOR = "\t签发人："  # the number on the left, 签发人 on the right (上行文)


def apply_meta(document: Document) -> Document:
    """Add what the metadata names and the text lacks; returns the same document."""
    meta = document.meta
    if not meta:
        return document
    roles = {p.role for p in document.paragraphs()}
    children = document.children
    if meta.get("issuer") and Role.ISSUER not in roles:
        children.insert(0, Paragraph(Role.ISSUER, meta["issuer"], 0))
    number = ""
    if meta.get("number"):
        from outline2docx.fix import standard_docnumber  # only documents with metadata need it

        number = standard_docnumber(meta["number"])
    if number and Role.DOCNUMBER not in roles:
        at = 1 if children and _is(children[0], Role.ISSUER) else 0
        children.insert(at, Paragraph(Role.DOCNUMBER, number, 0))
    if meta.get("signer"):
        for paragraph in document.paragraphs():
            if paragraph.role is Role.DOCNUMBER and SIGNER_SEPARATOR not in paragraph.text:
                paragraph.text += SIGNER_SEPARATOR + meta["signer"]
                break
    if meta.get("addressee") and Role.ADDRESSEE not in roles:
        at = 0
        while (
            at < len(children)
            and isinstance(children[at], Paragraph)
            and children[at].role in FRONT_ROLES
        ):
            at += 1
        addressee = meta["addressee"]
        text = addressee if addressee.endswith(("：", ":")) else addressee + "："
        children.insert(at, Paragraph(Role.ADDRESSEE, text, 0))
    return document


def _is(block, role: Role) -> bool:
    return isinstance(block, Paragraph) and block.role is role
