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

# GB/T 9704 element -> the name it is known by in the tree (Document.meta).
KEYS = {
    "份号": "copy_number", "密级": "secrecy", "紧急程度": "urgency", "发文机关标志": "issuer",
    "发文字号": "number", "签发人": "signer", "主送": "addressee", "主送机关": "addressee",
    "抄送": "copies_to", "抄送机关": "copies_to", "印发机关": "printed_by",
    "印发日期": "printed_on",
}  # fmt: skip
ALIASES = {name: name for name in set(KEYS.values())} | KEYS
_FENCE = re.compile(r"^\ufeff?\s*---\s*$")
_ENTRY = re.compile(r"^\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata and the text without it; its lines become empty, so line numbers stay."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return {}, text
    meta: dict[str, str] = {}
    for end in range(1, min(len(lines), 40)):
        if _FENCE.match(lines[end]):
            if not meta:
                return {}, text
            blanked = ["\r" if line.endswith("\r") else "" for line in lines[: end + 1]]
            return meta, "\n".join(blanked + lines[end + 1 :])
        entry = _ENTRY.match(lines[end].rstrip("\r"))
        if not lines[end].strip():
            continue
        if entry is None or entry.group(1) not in ALIASES:
            return {}, text
        meta[ALIASES[entry.group(1)]] = entry.group(2)
    return {}, text


def parse_meta_option(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``--meta key=value`` options as metadata; ValueError names a bad one."""
    meta = {}
    for value in values:
        key, sep, content = value.partition("=")
        if not sep or key.strip() not in ALIASES:
            known = ", ".join(KEYS)
            raise ValueError(f"--meta {value!r}: expected KEY=VALUE with KEY one of {known}")
        meta[ALIASES[key.strip()]] = content.strip()
    return meta
