"""Every kind of document outline2docx writes passes the shared OOXML validator.

One document of each kind (text in each built-in style, a header and imprint, Word input
restyled, a template, standard input, a batch, --fix/--drop-noise/--role, Sphinx) is written
to disk; the validator (ISO/IEC 29500 schemas plus the rules Word enforces) checks them all in
one run, and each must show 0 errors.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import docx
import pytest

from outline2docx.pipeline import Settings, publish
from outline2docx.style import builtin_styles, load_style

from .cli import run
from .conftest import SAMPLES, VALIDATOR
from .images import png
from .packages import word_document
from .sphinx.conftest import SAMPLE, sphinx_build


def cli(*args: str, stdin: bytes | None = None) -> bytes:
    """Run the command as a user does; its standard output (it must succeed)."""
    done = run(*args, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout_bytes


def rich_word_document() -> bytes:
    """A Word document with headings, a list, a table, a picture and a footnote-free body."""
    word = docx.Document()
    word.add_heading("关于做好防汛工作的通知", 0)
    word.add_paragraph("各乡镇人民政府：")
    word.add_heading("总体要求", 1)
    word.add_paragraph("坚持人民至上、生命至上。", style="List Number")
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "项目"
    table.cell(1, 2).text = "责任单位"
    word.add_picture(io.BytesIO(png()))
    word.add_paragraph("青山县人民政府")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, object]:
    """Kind -> path of a document of that kind."""
    folder = tmp_path_factory.mktemp("kinds")
    files = {}
    for style in builtin_styles():
        for sample in ("notice.txt", "speech.txt", "regulation.txt", "notice-with-header.txt"):
            data = publish(SAMPLES / sample, Settings(style=load_style(style))).data
            files[f"{style}:{sample}"] = data
    word = rich_word_document()
    files["word input"] = publish(word).data
    files["our own output, restyled"] = publish(files["gbt9704:notice-with-header.txt"]).data
    files["fix, drop-noise, role"] = publish(
        "关于防汛的通知\n(一)、总体要求\n正文...\n分享到：微信",
        Settings(fix=True, drop_noise=True, roles={3: "body"}),
    ).data
    template = folder / "template.docx"
    template.write_bytes(word_document("模板"))
    header = SAMPLES / "notice-with-header.txt"
    cli("convert", str(header), "-o", str(folder / "t.docx"), "--reference-doc", str(template))
    files["template"] = (folder / "t.docx").read_bytes()
    files["standard input"] = cli("convert", "-", stdin=(SAMPLES / "speech.txt").read_bytes())
    batch = folder / "batch"
    batch.mkdir()
    for sample in ("notice.txt", "speech.txt"):
        (batch / sample).write_bytes((SAMPLES / sample).read_bytes())
    cli("convert", str(batch), "-o", str(folder / "out"), "-j", "2", "-q")
    files["batch"] = (folder / "out" / "speech.docx").read_bytes()
    paths = {}
    for n, (kind, data) in enumerate(files.items()):
        paths[kind] = folder / f"{n}.docx"
        paths[kind].write_bytes(data)
    built = sphinx_build(SAMPLE, folder / "sphinx", "gongwen")
    assert built.returncode == 0, built.stderr
    paths.update({f"sphinx:{p.name}": p for p in sorted((folder / "sphinx").glob("*.docx"))})
    return paths


def test_every_kind_of_output_passes_the_ooxml_validator(written):
    if not VALIDATOR.is_file():
        pytest.skip("../shared/ooxml is not available")
    kinds = {str(path): kind for kind, path in written.items()}
    done = subprocess.run(
        [sys.executable, str(VALIDATOR), "--json", *kinds], capture_output=True, text=True
    )
    reports = [json.loads(line) for line in done.stdout.splitlines() if '"file"' in line]
    assert {r["file"] for r in reports} == set(kinds)
    failing = {kinds[r["file"]]: r["findings"] for r in reports if r["errors"]}
    assert failing == {}
    assert any(kind.startswith("sphinx:") for kind in written)
    assert all(r["schema_validated"] >= 6 for r in reports)  # every part of a package, checked
