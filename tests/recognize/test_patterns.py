"""Pattern tables: lazily compiled patterns behave as compiled ones."""

import re

from outline2docx.recognize.patterns import LazyPattern


def test_a_lazy_pattern_compiles_on_first_use_and_matches_alike():
    source = r"[\u4e00-\u9fff）)》”]\s+\d{1,4}$"
    lazy, compiled = LazyPattern(source), re.compile(source)
    assert "search" not in vars(lazy)  # nothing compiled yet
    for text in ("8.某局2022年度法治建设工作总结 63", "总结 63a", "（附件） 7", ""):
        assert bool(lazy.search(text)) == bool(compiled.search(text))
    assert "search" in vars(lazy)  # compiled once, kept
    assert lazy.pattern == source and lazy.flags == compiled.flags
    assert lazy.findall("甲 1 乙 2") == compiled.findall("甲 1 乙 2")
