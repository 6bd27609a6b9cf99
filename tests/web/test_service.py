"""A worker's memory ceiling: a job past it fails alone, and LibreOffice is not held to it.

Limits are per process: each case runs in a process of its own, as a worker does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("starlette")

from outline2docx.pdf import find_office

MB = 2**20


def in_a_worker(memory: int, body: str) -> dict:
    """Run ``body`` (Python; it sets ``result``) after ``start_worker(memory)``."""
    script = (
        textwrap.dedent(
            f"""
        import json
        from outline2docx.web import service
        service.start_worker({memory})
        """
        )
        + textwrap.dedent(body)
        + "\nprint(json.dumps(result))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_job_past_the_ceiling_fails_alone_with_a_clear_message():
    result = in_a_worker(
        400 * MB,
        """
        job = service.Job(service.Source("大.txt", text="正文。"), service.Options(language="en"))
        failure = service._guarded(job, lambda job, folder: bytearray(1024 * 2**20))
        after = service.analyze(job)  # the worker goes on with the next job
        result = [failure.message, failure.status, sorted(after)]
        """,
    )
    message, status, keys = result
    assert message == "大.txt: needs more memory than a document may take here; stopped"
    assert status == 413 and "document" in keys


@pytest.mark.skipif(find_office() is None, reason="LibreOffice is needed")
def test_libreoffice_started_by_a_worker_is_not_held_to_its_ceiling():
    result = in_a_worker(
        250 * MB,
        """
        import subprocess, tempfile
        from pathlib import Path
        from outline2docx.pdf import find_office
        job = service.Job(service.Source("通知.txt", text="关于防汛的通知\\n\\n正文。"),
                          service.Options())
        converted = service.convert(job, pdf=True)
        pdf = getattr(converted, "pdf", None) or b""
        # The control: LibreOffice started without lifting the ceiling.
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "a.docx"
            source.write_bytes(converted.docx)
            control = subprocess.run(
                [find_office(), f"-env:UserInstallation=file://{folder}/p", "--headless",
                 "--convert-to", "pdf", "--outdir", folder, str(source)],
                capture_output=True, timeout=120)
            held = not (Path(folder) / "a.pdf").is_file()
        result = [pdf[:5].decode("latin-1"), held]
        """,
    )
    pdf, held = result
    if not held:
        pytest.skip("LibreOffice runs within 250 MB here: there is no ceiling to lift")
    assert pdf == "%PDF-"
