"""Metadata into the tree, once: the file's own (front matter) with the user's (--meta) winning.

The issuer mark, document number and addressee become paragraphs where the text has none of
its own; a signer written on the document number's line (青政发〔2025〕5号 签发人：张三) moves
into the metadata, so the renderer sets number and signer apart on one line.
"""

from __future__ import annotations

import re

from outline2docx.tree.meta import Meta
from outline2docx.tree.nodes import FRONT_ROLES, Block, Document, Paragraph, Role

_SIGNED_NUMBER = re.compile(r"^(?P<number>.+?)\s*签发人\s*[:：]\s*(?P<signer>.+)$")
# The signer on a line of its own, beside the document number: "签发人：张三".
_SIGNER_LINE = re.compile(r"^签发人\s*[:：]\s*(?P<signer>\S(?:.{0,10}\S)?)$")


def apply_metadata(document: Document, given: Meta) -> None:
    """Merge ``given`` into the document's metadata and add what it names to the tree."""
    _lift_signer_line(document)
    meta = document.meta.merged(given)
    roles = {p.role for p in document.paragraphs()}
    children = document.children
    if meta.issuer and Role.ISSUER not in roles:
        children.insert(0, Paragraph(Role.ISSUER, meta.issuer, 0))
    if meta.number and Role.DOCNUMBER not in roles:
        from outline2docx.fix import standard_docnumber  # only documents with metadata need it

        at = 1 if children and _is(children[0], Role.ISSUER) else 0
        children.insert(at, Paragraph(Role.DOCNUMBER, standard_docnumber(meta.number), 0))
    if meta.addressee and Role.ADDRESSEE not in roles:
        children.insert(_after_front(children), Paragraph(Role.ADDRESSEE, _addressee(meta), 0))
    document.meta = meta
    _mark_signed_number(document)


def _lift_signer_line(document: Document) -> None:
    """A "签发人：张三" line of its own next to the document number goes into the metadata
    (where the file's front matter names no signer): the renderer sets it beside the number."""
    children = document.children
    for at, block in enumerate(children[: _after_front(children) + 2]):
        if not isinstance(block, Paragraph) or block.role is not Role.BODY:
            continue
        match = _SIGNER_LINE.match(block.text.strip())
        near = children[max(at - 1, 0) : at + 2]
        if match and any(_is(b, Role.DOCNUMBER) for b in near):
            if not document.meta.signer:
                document.meta = document.meta.merged(Meta(signer=match.group("signer")))
            document.lifted.append(children.pop(at))
            return


def _mark_signed_number(document: Document) -> None:
    """Mark where the number ends on a line that names its signer too, as the line's lead
    (青政发〔2025〕5号 签发人：张三): the renderer sets number and signer apart."""
    number = next((p for p in document.paragraphs() if p.role is Role.DOCNUMBER), None)
    match = _SIGNED_NUMBER.match(number.text) if number is not None else None
    if match is not None:
        number.lead = match.group("number")


def _after_front(children: list[Block]) -> int:
    at = 0
    while at < len(children) and isinstance(children[at], Paragraph):
        if children[at].role not in FRONT_ROLES:
            break
        at += 1
    return at


def _addressee(meta: Meta) -> str:
    return meta.addressee if meta.addressee.endswith(("：", ":")) else meta.addressee + "："


def _is(block: Block, role: Role) -> bool:
    return isinstance(block, Paragraph) and block.role is role
