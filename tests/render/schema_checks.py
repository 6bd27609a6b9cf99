"""Checks of a written .docx against the writer's own declaration of element child order.

tests/word_checks.py keeps an independent copy of the sequences; this helper reads the one
render/schema.py declares, so a part the writer inserts into is checked against the very
order the writer inserts by (and a child missing from that declaration fails loudly).
"""

from __future__ import annotations

import collections
import io
import zipfile
from pathlib import Path

from lxml import etree

from outline2docx.render.schema import CHILD_ORDER, order_problems, rank

from ..conftest import assert_valid_docx
from ..word_checks import word_problems

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# CT_SectPr allows each child once, but for up to six header and footer references.
REPEATABLE = {"sectPr": {"headerReference", "footerReference"}}


def declared_order_problems(data: bytes) -> list[str]:
    """sectPr, settings and styles elements of every part whose children break their order,
    hold a child the declaration does not know, or repeat a child the schema allows once."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                problems += [f"{name}: {p}" for p in _in_part(root)]
    return problems


def _in_part(root: etree._Element) -> list[str]:
    problems = []
    for parent in CHILD_ORDER:
        for element in root.iter(f"{W}{parent}"):
            problems += order_problems(element)
            names = [etree.QName(c).localname for c in element.iterchildren(f"{W}*")]
            problems += [
                f"<w:{parent}> holds <w:{n}>, undeclared" for n in names if rank(parent, n) is None
            ]
            if parent in REPEATABLE:
                counts = collections.Counter(n for n in names if n not in REPEATABLE[parent])
                problems += [
                    f"<w:{parent}> holds <w:{n}> {k} times" for n, k in counts.items() if k > 1
                ]
    return problems


def assert_sound_docx(data: bytes, path: Path, template_problems: tuple[str, ...] = ()) -> None:
    """Written to ``path``, the .docx validates, keeps the declared order and passes Word's checks
    (but for ``template_problems``, which a template brings with it)."""
    path.write_bytes(data)
    assert_valid_docx(path)
    assert declared_order_problems(data) == []
    assert [p for p in word_problems(data) if p not in template_problems] == []
