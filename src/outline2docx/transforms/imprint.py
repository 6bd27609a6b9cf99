"""A pasted imprint (版记) into the metadata, so that the renderer sets it where GB/T 9704 does.

A clerk pastes the whole document, its imprint too, as the last lines after the date::

    抄送：县委办公室，县人大常委会办公室。
    青山县人民政府办公室          2025年3月1日印发

Left as text they would be two body paragraphs. When the document's last paragraphs are such
lines and nothing but them (a line the imprint cannot hold, such as 共印20份, leaves all of them
as text), they leave the tree and fill the imprint's fields; front matter and --meta win.
"""

from __future__ import annotations

import re

from outline2docx.tree.meta import Meta
from outline2docx.tree.nodes import Block, Document, Paragraph, Role, Section, iter_flow

_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
# The lines an imprint has, in its order; each named group is the Meta field it fills.
IMPRINT_LINES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^抄送(?:机关)?\s*[：:]\s*(?P<copies_to>.+)$"),
    re.compile(rf"^(?P<printed_by>\S.*?)\s+(?P<printed_on>{_DATE})\s*印发$"),
)
MAX_LINES = 2  # 抄送 over 印发机关 and 印发日期


def lift_imprint(document: Document) -> list[Paragraph]:
    """Move a pasted imprint at the document's end into its metadata; the lines moved."""
    tail = _imprint_tail(list(iter_flow(document.children)))
    if not tail:
        return []
    found: dict[str, str] = {}
    for _kind, fields in tail:
        found |= fields
    document.meta = Meta(**found).merged(document.meta)  # the front matter's own win
    lines = [paragraph for paragraph, _fields in tail]
    _remove(document.children, {id(p) for p in lines})
    document.lifted.extend(lines)
    return lines


def _imprint_tail(flow: list) -> list[tuple[Paragraph, dict[str, str]]]:
    """The imprint lines that end ``flow``, after its date, with the fields each gives; []
    unless all of the end is one."""
    tail: list[tuple[Paragraph, int, dict[str, str]]] = []
    for node in reversed(flow):
        if not isinstance(node, Paragraph) or node.role.is_heading or node.role is Role.DATE:
            break
        read = _read(node.text)
        if read is None:
            break
        tail.insert(0, (node, *read))
    if not tail or len(tail) > MAX_LINES:
        return []
    before = flow[: len(flow) - len(tail)]
    dated = any(isinstance(n, Paragraph) and n.role is Role.DATE for n in before)
    kinds = [kind for _node, kind, _fields in tail]
    in_order = kinds == sorted(set(kinds))  # 抄送 over 印发, each once
    return [(node, fields) for node, _kind, fields in tail] if dated and in_order else []


def _read(text: str) -> tuple[int, dict[str, str]] | None:
    """Which line of an imprint ``text`` is (its place in IMPRINT_LINES) and the fields it
    gives; None if it is none."""
    for kind, pattern in enumerate(IMPRINT_LINES):
        match = pattern.match(text.strip())
        if match is not None:
            fields = {name: " ".join(value.split()) for name, value in match.groupdict().items()}
            return kind, fields
    return None


def _remove(children: list[Block], ids: set[int]) -> None:
    children[:] = [b for b in children if id(b) not in ids]
    for block in children:
        if isinstance(block, Section):
            _remove(block.children, ids)
