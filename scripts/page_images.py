"""Make README's page images with the project's own commands: a finished notice's first page
and its imprint page, as LibreOffice prints them.

    python scripts/page_images.py [SAMPLE.txt]

Runs `outline2docx convert --pdf` on the sample (default samples/notice-with-header.txt),
then poppler's pdftoppm on the first and the last page; writes docs/notice-first-page.png and
docs/notice-imprint-page.png.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RESOLUTION = 60  # dots per inch: an A4 page about 500 px wide, enough to see the layout


def main(sample: Path) -> None:
    """Convert ``sample`` to .docx and PDF, and draw its first and last page."""
    with tempfile.TemporaryDirectory() as scratch:
        document = Path(scratch) / "notice.docx"
        command = [sys.executable, "-m", "outline2docx", "convert", str(sample), "-q"]
        subprocess.run([*command, "-o", str(document), "--pdf"], check=True)
        pdf = document.with_suffix(".pdf")
        pages = _page_count(pdf)
        _draw(pdf, 1, DOCS / "notice-first-page.png")
        _draw(pdf, pages, DOCS / "notice-imprint-page.png")
    print(
        f"{sample.name}: {pages} pages; wrote docs/notice-first-page.png, notice-imprint-page.png"
    )


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )


def _draw(pdf: Path, page: int, out: Path) -> None:
    out.parent.mkdir(exist_ok=True)
    stem = out.with_suffix("")
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(RESOLUTION), *pages, "-singlefile", str(pdf), str(stem)],
        check=True,
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples" / "notice-with-header.txt")
