"""Running a piece of a test in Chinese, and English again afterwards whatever happens."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from outline2docx import i18n

CHINESE_LOCALE = {"LANG": "zh_CN.UTF-8"}  # env= for tests.cli.run


@contextmanager
def chinese() -> Iterator[None]:
    """Messages in Chinese inside the block; English (the tests' language) after it."""
    i18n.use(i18n.CHINESE)
    try:
        yield
    finally:
        i18n.use(i18n.ENGLISH)
