"""A reader no one here wrote finds the structure: pandoc reads the .docx back."""

from __future__ import annotations

import json
import subprocess

import pytest

from outline2docx import Role, parse
from outline2docx.convert import to_docx

from ..conftest import SAMPLES

pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary provides pandoc 3")

LEVELS = {Role.H1: 1, Role.H2: 2, Role.H3: 3, Role.H4: 4}


def pandoc_headers(docx_bytes: bytes, tmp_path) -> list[tuple[int, str]]:
    path = tmp_path / "read.docx"
    path.write_bytes(docx_bytes)
    done = subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", "docx", "-t", "json", str(path)],
        capture_output=True,
        check=True,
    )
    blocks = json.loads(done.stdout)["blocks"]
    return [(b["c"][0], _text(b["c"][2])) for b in blocks if b["t"] == "Header"]


def _text(inlines) -> str:
    out = []
    for inline in inlines:
        if inline["t"] == "Str":
            out.append(inline["c"])
        elif inline["t"] == "Space":
            out.append(" ")
        elif isinstance(inline.get("c"), list):
            out.append(_text(inline["c"][-1] if inline["t"] == "Span" else inline["c"]))
    return "".join(out)


@pytest.mark.parametrize("name", ["speech.txt", "notice.txt"])
def test_pandoc_reports_the_headings_at_their_levels(name, tmp_path):
    document = parse(SAMPLES / name)
    expected = [(LEVELS[p.role], p.text) for p in document.paragraphs() if p.role in LEVELS]
    assert len(expected) >= 3
    assert pandoc_headers(to_docx(document, "gbt9704"), tmp_path) == expected


def test_pandoc_sees_the_seed_speech_outline(seed_path, tmp_path):
    headers = pandoc_headers(to_docx(parse(seed_path), "speech"), tmp_path)
    assert [level for level, _ in headers] == [1, 1, 1, 1]
    assert [text[:2] for _, text in headers] == ["一、", "二、", "三、", "四、"]


def test_pandoc_sees_regulation_chapters_as_headings(tmp_path):
    document = parse(SAMPLES / "regulation.txt")
    headers = pandoc_headers(to_docx(document, "regulation"), tmp_path)
    # pandoc folds the two spaces after 第一章 into one
    chapters = [" ".join(p.text.split()) for p in document.paragraphs() if p.role is Role.CHAPTER]
    sections = [" ".join(p.text.split()) for p in document.paragraphs() if p.role is Role.SECTION]
    assert [t for level, t in headers if level == 1] == chapters
    assert [t for level, t in headers if level == 2] == sections
