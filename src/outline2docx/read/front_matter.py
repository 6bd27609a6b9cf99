"""Document metadata at the top of a text file, between two --- lines.

    ---
    发文机关标志: 青山县人民政府文件
    发文字号: 青政发〔2025〕5号
    抄送: 县委办公室，县人大常委会办公室。
    印发机关: 青山县人民政府办公室
    印发日期: 2025年3月1日
    ---

Keys are the element names of GB/T 9704 (English aliases work too). A block whose keys are
not all known is not metadata: it stays text, so nothing is lost.
"""

from __future__ import annotations

import re

from outline2docx.i18n import _
from outline2docx.tree.meta import FIELD_NAMES, Meta, field_of

_FENCE = re.compile(r"^\ufeff?\s*---\s*$")
_ENTRY = re.compile(r"^\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[Meta, str]:
    """Metadata and the text without it; its lines become empty, so line numbers stay."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return Meta(), text
    values: dict[str, str] = {}
    for end in range(1, min(len(lines), 40)):
        if _FENCE.match(lines[end]):
            if not values:
                return Meta(), text
            blanked = ["\r" if line.endswith("\r") else "" for line in lines[: end + 1]]
            return Meta(**values), "\n".join(blanked + lines[end + 1 :])
        entry = _ENTRY.match(lines[end].rstrip("\r"))
        if not lines[end].strip():
            continue
        name = field_of(entry.group(1)) if entry else None
        if name is None:
            return Meta(), text
        values[name] = entry.group(2)
    return Meta(), text


def parse_meta_option(values: tuple[str, ...] | list[str]) -> Meta:
    """``--meta key=value`` options as metadata; ValueError names a bad one."""
    given = {}
    for value in values:
        key, sep, content = value.partition("=")
        name = field_of(key.strip()) if sep else None
        if name is None:
            known = _(", ").join(FIELD_NAMES)
            message = _("--meta {value}: expected KEY=VALUE with KEY one of {known}")
            raise ValueError(message.format(value=repr(value), known=known))
        given[name] = content.strip()
    return Meta(**given)
