"""A simplified-character copy of a text for the recognizer; the source text is kept as is.

Pages served in traditional characters (第一條, 同志們：, 縣長) must be recognized like their
simplified originals. OpenCC, the standard converter, maps them; only what the patterns read
is converted, and only in a text where a sample shows traditional characters at all; a
sample without any character or phrase that OpenCC would change skips loading it (~10 ms).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from outline2docx.recognize import traditional

SAMPLE = 4096  # characters looked at to decide whether a text needs converting


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _changed_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(traditional.CHARACTERS), tuple(traditional.PHRASES.split())


def _may_convert(text: str) -> bool:
    """False when OpenCC's t2s would surely leave ``text`` as it is: none of its keys is in it."""
    characters, phrases = _changed_keys()
    return not characters.isdisjoint(text) or any(phrase in text for phrase in phrases)


def simplified_copies(texts: Sequence[str]) -> list[str] | None:
    """Each text in simplified characters, or None where the texts need no converting.

    A converted text that changed length (a phrase mapped to another length) keeps its source
    form: positions in the copy must stay positions in the source.
    """
    sample, size = [], 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size >= SAMPLE:
            break
    joined = "\n".join(sample)
    if joined.isascii() or not _may_convert(joined) or _converter().convert(joined) == joined:
        return None
    converted = _converter().convert("\n".join(texts)).split("\n")
    if len(converted) != len(texts):  # a line break the converter did not keep: stay safe
        return None
    return [new if len(new) == len(old) else old for old, new in zip(texts, converted, strict=True)]
