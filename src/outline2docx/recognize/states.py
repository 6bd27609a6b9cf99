"""The states of a document's frame, shared by the evidence table and the decoder."""

from __future__ import annotations

from enum import IntEnum

from outline2docx.tree.nodes import HEADING_ROLES, Role


class State(IntEnum):
    """Where a line stands in a document's frame."""

    RESIDUE = 0  # page residue above the document
    ISSUER = 1
    DOCNUMBER = 2
    TITLE = 3
    TITLE_MORE = 4  # a title broken over lines: its second and later lines
    HEADER_RESIDUE = 5  # page residue between the title and the text
    SUBTITLE = 6
    SUBTITLE_MORE = 7
    BYLINE = 8
    ADDRESSEE = 9
    SALUTATION = 10
    TEXT = 11  # the line keeps the role of its own form: body, heading, run-in …
    TEXT_RESIDUE = 12  # residue inside the text
    CLOSING = 13
    ATTACHMENT = 14
    SIGNATURE = 15
    DATE = 16
    NOTE = 17  # a note after the date: "（此件公开发布）"
    TRAILER = 18  # residue after the document: related articles, editors, page tools
    HEADER_NOTE = 19  # a particular of the header: "签发人：张三", "类别：A", "密级：秘密"


ROLE_OF = {
    State.RESIDUE: Role.NOISE,
    State.ISSUER: Role.ISSUER,
    State.DOCNUMBER: Role.DOCNUMBER,
    State.TITLE: Role.TITLE,
    State.TITLE_MORE: Role.TITLE,
    State.HEADER_RESIDUE: Role.NOISE,
    State.SUBTITLE: Role.SUBTITLE,
    State.SUBTITLE_MORE: Role.SUBTITLE,
    State.BYLINE: Role.BYLINE,
    State.ADDRESSEE: Role.ADDRESSEE,
    State.SALUTATION: Role.SALUTATION,
    State.TEXT_RESIDUE: Role.NOISE,
    State.CLOSING: Role.CLOSING,
    State.ATTACHMENT: Role.ATTACHMENT,
    State.SIGNATURE: Role.SIGNATURE,
    State.DATE: Role.DATE,
    State.NOTE: Role.BODY,
    State.TRAILER: Role.NOISE,
    State.HEADER_NOTE: Role.BODY,
}  # State.TEXT: the line's own role

# Roles a line takes from its own form (in State.TEXT); the others are parts of the frame.
TEXT_ROLES = HEADING_ROLES | {Role.BODY, Role.RUNIN}
