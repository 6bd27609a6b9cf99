"""Chinese numerals as numbering writes them: the tree owns them (tree.numerals); the recognizer
and the front-ends that read them from here keep doing so."""

from outline2docx.tree.numerals import (
    CHARS,
    CIRCLED,
    DIGITS,
    PARENTHESIZED,
    PARENTHESIZED_CN,
    UNITS,
    UPPER,
    UPPER_CHARS,
    chinese_to_int,
    int_to_chinese,
    ordinal_value,
)

__all__ = [
    "CHARS",
    "CIRCLED",
    "DIGITS",
    "PARENTHESIZED",
    "PARENTHESIZED_CN",
    "UNITS",
    "UPPER",
    "UPPER_CHARS",
    "chinese_to_int",
    "int_to_chinese",
    "ordinal_value",
]
