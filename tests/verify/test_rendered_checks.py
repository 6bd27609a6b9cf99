"""check --render: documents laid out by LibreOffice, measured, and held to GB/T 9704's page rules.

Each document is rendered once per module. A pandoc-made .docx breaks most rules; a notice of
outline2docx's own, broken by hand in its XML, breaks the rest; the samples as outline2docx
writes them break none.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from outline2docx import parse
from outline2docx.convert import to_docx
from outline2docx.lint import CODES, RENDER_CODES
from outline2docx.pipeline import Settings
from outline2docx.verify import check_docx, check_source

from ..cli import run
from ..conftest import SAMPLES, needs_office

pytestmark = needs_office
NOTICE_WITH_HEADER = SAMPLES / "notice-with-header.txt"


def codes(verdict) -> dict[str, list[int]]:
    """Each reported code with the pages it was reported on."""
    found: dict[str, list[int]] = {}
    for finding in verdict.findings:
        found.setdefault(finding.code, []).append(finding.page)
    return found


def pandoc_markdown() -> str:
    """The sample notice with its header and imprint written as plain paragraphs, body tripled."""
    text = NOTICE_WITH_HEADER.read_text("utf-8").split("---\n", 2)[2]
    title, addressee, *body = [p for p in text.split("\n\n") if p.strip()]
    body, ending = body[:-1], body[-1].split("\n")
    imprint = [
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        "青山县人民政府办公室 2025年3月1日印发",
    ]
    header = ["青山县人民政府文件", "青政发〔2025〕5号", title, addressee]
    return "\n\n".join(header + body * 3 + ending + imprint) + "\n"


@pytest.fixture(scope="module")
def pandoc_verdict(tmp_path_factory):
    pypandoc = pytest.importorskip("pypandoc")
    folder = tmp_path_factory.mktemp("pandoc")
    (folder / "notice.md").write_text(pandoc_markdown(), "utf-8")
    docx = folder / "notice.docx"
    subprocess.run([pypandoc.get_pandoc_path(), str(folder / "notice.md"), "-o", str(docx)],
                   check=True)  # fmt: skip
    return check_source(docx)


# Breakages of outline2docx's own notice, part by part: (pattern, replacement).
BREAKAGES = {
    # page 1 ends after the title, and the signature starts a page of its own
    "word/document.xml": [
        (r'(<w:pStyle w:val="(?:GWAddressee|GWSignature)"/>)', r"\1<w:pageBreakBefore/>"),
        (r'w:footer="\d+"', 'w:footer="284"'),  # the number 5 mm above the paper's edge
    ],
    # centred numbers with hyphens
    "word/footer1.xml": [(r'(<w:pStyle w:val="GWPageNumber\w+"/>)', r'\1<w:jc w:val="center"/>'),
                         ("—", "-")],
    "word/footer2.xml": [(r'(<w:pStyle w:val="GWPageNumber\w+"/>)', r'\1<w:jc w:val="center"/>'),
                         ("—", "-")],
    # a Latin font no machine has, for the digits
    "word/styles.xml": [(r'w:ascii="[^"]*"', 'w:ascii="Outline2docx Missing Font"')],
}  # fmt: skip


def broken(data: bytes, folder: Path) -> Path:
    """outline2docx's .docx with BREAKAGES applied."""
    source, target = folder / "own.docx", folder / "broken.docx"
    source.write_bytes(data)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as changed:
        for item in original.infolist():
            part = original.read(item).decode("utf-8")
            for pattern, replacement in BREAKAGES.get(item.filename, []):
                part, count = re.subn(pattern, replacement, part)
                assert count, (item.filename, pattern)
            changed.writestr(item, part)
    return target


@pytest.fixture(scope="module")
def broken_verdict(tmp_path_factory):
    document = parse(SAMPLES / "notice.txt")
    docx = broken(to_docx(document), tmp_path_factory.mktemp("broken"))
    return check_docx(docx, document)


@pytest.fixture(scope="module")
def sample_verdicts():
    # LibreOffice runs with a profile of its own each time: two conversions at once save time.
    samples = sorted(SAMPLES.glob("*.txt"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip((p.name for p in samples), pool.map(check_source, samples), strict=True))


def test_every_rendered_code_is_a_check_code():
    assert RENDER_CODES.keys() <= CODES.keys()


def test_a_pandoc_docx_breaks_most_rules(pandoc_verdict):
    found = codes(pandoc_verdict)
    assert found.keys() >= {
        "render-paper", "render-lines", "render-chars", "render-issuer", "render-title",
        "render-page-number", "render-imprint", "render-font",
    }  # fmt: skip
    assert found["render-page-number"] == list(range(1, pandoc_verdict.pages + 1))
    assert pandoc_verdict.pages in found["render-imprint"]
    messages = " ".join(f.message for f in pandoc_verdict.findings)
    # each finding names what to change
    assert "set A4" in messages and "28.95 pt" in messages and "centre it" in messages
    assert "odd page" in messages  # three pages: the imprint's is odd


def test_a_hand_broken_notice_breaks_the_rest(broken_verdict):
    found = codes(broken_verdict)
    assert found["render-first-page"] == [1]
    assert found["render-signature-alone"] == [broken_verdict.pages]
    assert set(found["render-page-number"]) == set(range(1, broken_verdict.pages + 1))
    # every page: too low, and centred rather than on the outer side
    place = found["render-page-number-place"]
    assert sorted(set(place)) == list(range(1, broken_verdict.pages + 1))
    assert len(place) == 2 * broken_verdict.pages
    (font,) = [f for f in broken_verdict.findings if f.code == "render-font"]
    assert "Outline2docx Missing Font" in font.message


def test_the_numbers_measured_are_the_ones_reported(broken_verdict):
    number = next(f for f in broken_verdict.findings if f.code == "render-page-number")
    assert "-1-" in number.message and "— 1 —" in number.message
    low = next(f for f in broken_verdict.findings if "mm below the text block" in f.message)
    millimetres = float(re.search(r"([\d.]+) mm", low.message)[1])
    assert millimetres > 20  # the footer moved 18 mm down from where GB/T 9704 wants it


@pytest.mark.parametrize("sample", ["notice.txt", "notice-with-header.txt", "regulation.txt",
                                    "speech.txt"])  # fmt: skip
def test_outline2docxs_own_samples_pass(sample_verdicts, sample):
    verdict = sample_verdicts[sample]
    assert verdict.findings == []
    assert verdict.pages >= 2


def test_the_imprint_is_measured_on_the_last_even_page(sample_verdicts):
    # the sample's imprint passes: so it was found, and found flush on an even last page
    verdict = sample_verdicts["notice-with-header.txt"]
    assert verdict.pages % 2 == 0
    assert "render-imprint" not in codes(verdict)


SHORT_NOTICE = """---
发文机关标志: 青山县人民政府文件
发文字号: 青政发〔2025〕5号
抄送: 县委办公室，县人大常委会办公室
印发机关: 青山县人民政府办公室
印发日期: 2025年3月1日
---
关于做好防汛工作的通知

各乡镇人民政府：

{body}

青山县人民政府
2025年3月1日
"""
PARAGRAPH = (
    "各乡镇、各部门要充分认识做好防汛工作的重要性和紧迫性，牢固树立底线思维和极限思维，"
    "克服麻痹思想和侥幸心理，把防汛工作摆在突出位置。"
)


@pytest.mark.parametrize("layout", [True, False], ids=["laid out", "not laid out"])
def test_an_imprint_pages_after_an_even_page_with_room_is_reported(tmp_path, layout):
    # The text ends on page 2 with half of it free: the imprint belongs there. Without a
    # layout it starts on the next even page, page 4, after a blank page.
    source = tmp_path / "notice.txt"
    source.write_text(SHORT_NOTICE.format(body="\n\n".join([PARAGRAPH] * 4)), "utf-8")
    verdict = check_source(source, Settings(layout=layout))
    late = [f for f in verdict.findings if "fits under the text on page 2" in f.message]
    if layout:
        assert verdict.findings == [] and verdict.pages == 2
    else:
        assert verdict.pages == 4 and [(f.page, f.code) for f in late] == [(4, "render-imprint")]


# ---- the command ---------------------------------------------------------------------------


@pytest.fixture
def high_mark(tmp_path) -> Path:
    """A house style that sets the issuer mark about 10 mm above its place."""
    style = tmp_path / "high-mark.toml"
    style.write_text('extends = "gbt9704"\n\n[paragraph_styles."GW Issuer"]\nspace_before = 2.5\n')
    return style


def test_check_render_json_gives_the_page(tmp_path, high_mark):
    import json

    docx = tmp_path / "notice.docx"
    made = run("convert", str(SAMPLES / "notice.txt"), "-o", str(docx), "-s", str(high_mark))
    assert made.returncode == 0, made.stderr
    done = run("check", "--render", "--json", str(docx))
    assert done.returncode == 1
    data = json.loads(done.stdout)
    rendered = [d for d in data if d["code"].startswith("render-")]
    assert [d["code"] for d in rendered] == ["render-issuer"]
    assert all(d["page"] == 1 and "line" not in d for d in rendered)


def test_convert_verify_reports_nothing_for_a_clean_document(tmp_path):
    out = tmp_path / "regulation.docx"
    done = run("convert", "--verify", str(SAMPLES / "regulation.txt"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.is_file() and "render-" not in done.stderr


def test_convert_verify_reports_on_stderr_and_exits_1(tmp_path, high_mark):
    out = tmp_path / "notice.docx"
    notice = str(SAMPLES / "notice.txt")
    done = run("convert", "--verify", notice, "-o", str(out), "-s", str(high_mark))
    assert done.returncode == 1 and out.is_file()
    assert re.search(rf"^{re.escape(str(out))}:page 1: warning: .* \[render-issuer\]$",
                     done.stderr, re.M)  # fmt: skip


@pytest.mark.parametrize(
    "command", [("check", "--render"), ("convert", "--verify", "-o", "x.docx")]
)
def test_without_libreoffice_one_line_and_exit_2(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("outline2docx.verify.find_office", lambda: None)
    done = run(*command, str(SAMPLES / "notice.txt"))
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "needs LibreOffice" in line and command[1] in line
    assert not (tmp_path / "x.docx").exists()
