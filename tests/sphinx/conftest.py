"""Running real sphinx-build for the extension's tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sphinx", reason="Sphinx is a test dependency (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "sphinx"
# A conf.py that reads a project's own conf.py and adds the extension to it, so third-party
# projects build with -b gongwen unchanged. Intersphinx is emptied: the tests run offline.
WRAPPER_CONF = """
import os
_original = os.environ["GONGWEN_ORIGINAL_CONF"]
__file__ = _original
_here = os.getcwd()
os.chdir(os.path.dirname(_original))
try:
    with open(_original, encoding="utf-8") as _f:
        exec(compile(_f.read(), _original, "exec"))
finally:
    os.chdir(_here)
extensions = [*globals().get("extensions", []), "outline2docx.sphinx"]
intersphinx_mapping = {}
"""


def sphinx_build(source: Path, out: Path, builder: str, *options: str, env=None, conf_dir=None):
    """Run ``python -m sphinx``; returns the finished process (never raises)."""
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-q", "--no-color", *options]
    if conf_dir is not None:
        command += ["-c", str(conf_dir)]
    return subprocess.run(
        [*command, str(source), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )
