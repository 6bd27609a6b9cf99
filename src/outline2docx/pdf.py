"""PDF export through LibreOffice, with the font aliases that make a 公文 look like one."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from outline2docx.errors import Outline2DocxError
from outline2docx.i18n import _

try:
    import resource  # process limits: POSIX only
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

_CANDIDATES = ("soffice", "libreoffice")


class PdfError(Outline2DocxError):
    """LibreOffice is missing or failed to convert a document."""


def limit_memory(size: int) -> None:
    """Hold this process (a worker of untrusted jobs) to ``size`` bytes of address space;
    LibreOffice, started from it, keeps the ceiling the process had before."""
    if resource is None:  # pragma: no cover - Windows
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = size if hard == resource.RLIM_INFINITY else min(size, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _office_preexec():
    """What runs in LibreOffice's process before it starts: when this process was held to a
    ceiling, lifting it (soft up to hard); else nothing (a preexec_fn is unsafe with threads)."""
    if resource is None:  # pragma: no cover - Windows
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == hard:
        return None
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def find_office() -> str | None:
    """Path of LibreOffice's soffice, or None."""
    return next((path for name in _CANDIDATES if (path := shutil.which(name))), None)


# The blank page LibreOffice inserts before a section that starts on an even page (the
# imprint's) stays in the PDF: documents are printed on both sides, so every page after it
# keeps its side of the sheet. (LibreOffice 7.4 reads filter options as JSON; older ones
# ignore them.)
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def export_pdf(docx: Path, out_dir: Path | None = None, timeout: float = 180) -> Path:
    """Convert ``docx`` to PDF beside it (or in ``out_dir``); returns the PDF's path."""
    office = find_office()
    if office is None:
        raise PdfError(
            _(
                "LibreOffice is not installed: install it (Debian/Ubuntu: apt install "
                "libreoffice-writer-nogui) to export PDF"
            )
        )
    # Absolute paths: soffice takes a name that starts with - (a file "-draft.docx") for an option.
    docx = Path(docx).absolute()
    out_dir = Path(out_dir or docx.parent).absolute()
    fonts = resources.files("outline2docx") / "data" / "fonts.conf"
    # A profile of its own lets several conversions run at once and leaves the user's alone.
    # LibreOffice writes into a folder of ours beside the target, and the finished PDF is
    # renamed into place: an interrupted export leaves no half-written PDF, and an old PDF
    # of the same name is never taken for a new one.
    with (
        tempfile.TemporaryDirectory(prefix="outline2docx-lo-") as profile,
        tempfile.TemporaryDirectory(prefix=".outline2docx-pdf-", dir=out_dir) as staging,
    ):
        command = [
            office,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            staging,
            str(docx),
        ]
        environment = {**os.environ, "FONTCONFIG_FILE": str(fonts)}
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                timeout=timeout,
                env=environment,
                preexec_fn=_office_preexec(),
            )
        except subprocess.TimeoutExpired:
            late = _("{file}: LibreOffice did not finish within {seconds:g} s")
            raise PdfError(late.format(file=docx, seconds=timeout)) from None
        written = Path(staging) / (docx.stem + ".pdf")
        if done.returncode != 0 or not written.is_file():
            detail = done.stderr.decode("utf-8", "replace").strip()[-300:]
            failed = _("{file}: LibreOffice could not export a PDF: {detail}")
            raise PdfError(failed.format(file=docx, detail=detail))
        pdf = out_dir / written.name
        os.replace(written, pdf)
    return pdf
