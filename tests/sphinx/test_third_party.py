"""Real documentation projects no one here wrote, fetched from PyPI, built with -b gongwen.

Each must build without errors, and its .docx must hold one heading per section of the HTML
build of the same project. The source distributions are cached between runs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import docx
import pytest

from .conftest import WRAPPER_CONF, sphinx_build

CACHE = Path(
    os.environ.get("OUTLINE2DOCX_TEST_CACHE", Path.home() / ".cache" / "outline2docx-tests")
)
# (distribution, version, docs folder inside the sdist, import path for autodoc)
PROJECTS = [
    ("more-itertools", "11.2.1", "docs", "."),  # autodoc, viewcode
    ("pluggy", "1.7.0", "docs", "src"),  # autodoc, doctest, coverage, viewcode
    ("six", "1.17.0", "documentation", "."),  # hand-written reference
    ("cachetools", "5.5.2", "docs", "src"),  # autodoc of a src-layout package
]
SKIPPED_PAGES = {"genindex.html", "search.html", "py-modindex.html"}


def unpacked(name: str, version: str) -> Path:
    """The project's source distribution, downloaded once and unpacked."""
    CACHE.mkdir(parents=True, exist_ok=True)
    archives = list(CACHE.glob(f"{name.replace('-', '_')}-{version}.tar.gz")) + list(
        CACHE.glob(f"{name}-{version}.tar.gz")
    )
    if not archives:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--disable-pip-version-check",
                "-q",
                "-d",
                str(CACHE),
                f"{name}=={version}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot download {name} {version} from PyPI: {done.stderr[-200:]}")
        archives = list(CACHE.glob(f"*{version}.tar.gz"))
    archive = next(a for a in archives if version in a.name)
    root = CACHE / archive.name.removesuffix(".tar.gz")
    if not root.is_dir():
        with tarfile.open(archive) as tar:
            tar.extractall(CACHE, filter="data")
    return root


def html_sections(html: Path) -> int:
    count = 0
    for page in html.rglob("*.html"):
        relative = page.relative_to(html).as_posix()
        if relative.startswith("_") or relative in SKIPPED_PAGES:
            continue
        count += len(re.findall(r"<section id=", page.read_text("utf-8")))
    return count


def docx_headings(path: Path) -> int:
    paragraphs = docx.Document(str(path)).paragraphs
    return sum(p.style.name == "Title" or p.style.name.startswith("Heading") for p in paragraphs)


@pytest.mark.parametrize(
    ("name", "version", "docs", "package_dir"), PROJECTS, ids=[p[0] for p in PROJECTS]
)
def test_third_party_project_builds_with_one_heading_per_section(
    tmp_path, name, version, docs, package_dir
):
    root = unpacked(name, version)
    source = root / docs
    wrapper = tmp_path / "conf"
    wrapper.mkdir()
    (wrapper / "conf.py").write_text(WRAPPER_CONF, "utf-8")
    env = {
        "GONGWEN_ORIGINAL_CONF": str(source / "conf.py"),
        "PYTHONPATH": os.pathsep.join([str(root / package_dir), os.environ.get("PYTHONPATH", "")]),
    }

    gongwen = sphinx_build(source, tmp_path / "gongwen", "gongwen", "-E", env=env, conf_dir=wrapper)
    assert gongwen.returncode == 0, gongwen.stderr[-3000:]
    assert "Exception occurred" not in gongwen.stderr
    html = sphinx_build(
        source,
        tmp_path / "html",
        "html",
        "-E",
        "-D",
        "html_theme=alabaster",
        env=env,
        conf_dir=wrapper,
    )
    assert html.returncode == 0, html.stderr[-3000:]

    (document,) = (tmp_path / "gongwen").glob("*.docx")
    sections = html_sections(tmp_path / "html")
    assert sections > 5
    assert docx_headings(document) == sections
