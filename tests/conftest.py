"""Shared fixtures: where the real documents live, and helpers to reach them."""

from __future__ import annotations

from pathlib import Path

import pytest

from outline2docx.pdf import find_office
from outline2docx.verify.measure import missing_tools

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
# The labelled real documents stay outside the repository; CI lays them out beside it.
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
# The project's own labelled real documents (tests/corpus/README.md names their sources).
OWN_CORPUS = ROOT / "tests" / "corpus"
SEED = SHARED / "seeds" / "county-union-congress-speech.txt"


VALIDATOR = SHARED / "ooxml" / "validate_docx.py"
# Tests that lay pages out through LibreOffice and read them back with poppler-utils.
needs_office = pytest.mark.skipif(
    find_office() is None or bool(missing_tools()),
    reason="LibreOffice and poppler-utils are needed (bash scripts/test installs them)",
)


def assert_valid_docx(path: Path) -> None:
    """The .docx passes the shared OOXML validator (schemas plus Word's own rules)."""
    import json
    import subprocess
    import sys

    if not VALIDATOR.is_file():
        pytest.skip("../shared/ooxml is not available")
    done = subprocess.run(
        [sys.executable, str(VALIDATOR), "--json", str(path)], capture_output=True, text=True
    )
    report = json.loads(done.stdout.splitlines()[0])
    assert report["errors"] == 0 and done.returncode == 0, report["findings"]


def corpus_documents() -> list[Path]:
    """The labelled texts of the shared corpus (where ../shared is there) and of our own."""
    shared = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    return shared + sorted(OWN_CORPUS.glob("*.txt"))


def read_labels(text_path: Path) -> dict[int, str]:
    """Line number -> role of a corpus document's .labels.tsv."""
    labels = {}
    for row in text_path.with_name(text_path.stem + ".labels.tsv").read_text("utf-8").splitlines():
        if row.strip():
            number, role = row.split("\t")[:2]
            labels[int(number)] = role
    return labels


@pytest.fixture
def seed_path() -> Path:
    """The real speech of ../shared/seeds; skips the test where it is absent."""
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not available")
    return SEED


def need_corpus() -> None:
    """Skip the calling test where ../shared/corpus is absent."""
    if not corpus_documents():
        pytest.skip("../shared/corpus is not available")
