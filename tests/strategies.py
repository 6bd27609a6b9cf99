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


# Drafts as users paste them: Chinese text, numbering, both widths of punctuation and digits,
# quotes, dots and dashes, Latin words, and the brackets of document numbers.
DRAFT_CHARACTERS = st.sampled_from(
    list("一二三十第条章节是要加强领导工作会议同志们国发号年月日")
    + list("（）()【】[]〔〕，,。.、：:；;！!？?“”‘’\"'…—-")
    + list("0123456789０１２３ＸＸabcXYZ ")
)
DRAFTS = st.text(DRAFT_CHARACTERS, max_size=60)
