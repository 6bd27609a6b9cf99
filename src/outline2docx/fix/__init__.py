"""Safe normalizations of ../shared/spec/gbt9704.md §5–§6, as a table of rules.

``rules`` holds the table and the finder of each rule, ``apply`` runs them over lines, texts
and sources, ``spans`` moves formatting across a fix, ``diff`` shows what changed.
"""

from outline2docx.fix.apply import Change, fix_line, fix_text
from outline2docx.fix.diff import unified_diff
from outline2docx.fix.rules import RULES, Edit, Rule, standard_docnumber
from outline2docx.fix.spans import position_map, remap_spans

__all__ = [
    "RULES",
    "Change",
    "Edit",
    "Rule",
    "fix_line",
    "fix_text",
    "position_map",
    "remap_spans",
    "standard_docnumber",
    "unified_diff",
]
