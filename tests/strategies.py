"""Hypothesis strategies shared by the tests: drafts shaped like Chinese outlines."""

from __future__ import annotations

from hypothesis import strategies as st

NUMBERING = ["一、", "（一）", "1.", "（1）", "①", "一是", "第一，", "第一条 ", "附件：", "——"]


def outline_texts(alphabet: str, max_lines: int = 30) -> st.SearchStrategy[str]:
    """Texts whose lines may start with any numbering form, the rest drawn from ``alphabet``."""
    line = st.tuples(st.sampled_from(["", *NUMBERING]), st.text(alphabet=alphabet, max_size=30))
    return st.lists(line, max_size=max_lines).map(
        lambda lines: "\n".join(number + rest for number, rest in lines)
    )
