"""check, fix, tree, styles, --pdf, --drop-noise and the rest of the command line."""

from __future__ import annotations

import json
import shutil
import subprocess

import docx
import pytest

from outline2docx import __version__

from .cli import run, run_process
from .conftest import SAMPLES


def test_check_prints_compiler_style_lines_and_exits_1(seed_path):
    done = run("check", str(seed_path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert f"{seed_path}:9:4: error: placeholder 'XXX' left in the text [placeholder]" in lines
    assert any(
        line.startswith(f"{seed_path}:7:5: warning: half-width punctuation") for line in lines
    )
    assert any(line.startswith(f"{seed_path}:3:1: warning: web-page residue") for line in lines)
    assert any(line.startswith(f"{seed_path}:63:1: warning: web-page residue") for line in lines)
    assert any(line.startswith(f"{seed_path}:64:1: warning: web-page residue") for line in lines)
    assert "\x1b[" not in done.stdout  # no colour when not a terminal
    assert "problems" in done.stderr


def test_check_json_and_ignore(seed_path):
    done = run(
        "check",
        str(seed_path),
        "--json",
        "--ignore",
        "half-width-punctuation,placeholder",
        "--ignore",
        "close-call",
    )
    data = json.loads(done.stdout)
    assert {entry["code"] for entry in data} == {"web-residue", "unbalanced"}
    assert data[0] == {
        "file": str(seed_path),
        "line": 3,
        "column": 1,
        "severity": "warning",
        "code": "web-residue",
        "message": data[0]["message"],
    }


def test_help_lists_the_rule_codes_and_unknown_codes_are_refused(tmp_path):
    from outline2docx.fix import RULES
    from outline2docx.lint import CODES

    check_help, fix_help = (
        run("check", "--help").stdout,
        run("fix", "--help").stdout,
    )
    assert all(code in check_help for code in CODES)
    assert all(rule.code in fix_help for rule in RULES) and "placeholder" not in fix_help
    draft = tmp_path / "draft.txt"
    draft.write_text("各位代表,同志们:", "utf-8")
    done = run("check", "--ignore", "half-width-punctuation,no-such-rule", str(draft))
    assert done.returncode == 2
    assert "unknown rule code no-such-rule" in done.stderr
    assert run("fix", "--ignore", "placeholder", str(draft)).returncode == 2  # check's, not fix's
    # A salutation alone on its page could be an addressee too: a close call, ignored here.
    quiet = run("check", "--ignore", "half-width-punctuation", "--ignore", "close-call", str(draft))
    assert quiet.returncode == 0


def test_check_reads_word_files_too(tmp_path):
    source = tmp_path / "draft.txt"
    source.write_text("关于XXX的通知\n各学校:\n一、甲\n三、乙", "utf-8")
    word = tmp_path / "draft.docx"
    assert run("convert", str(source), "-o", str(word)).returncode == 0
    done = run("check", str(word), "--json")
    found = {(entry["line"], entry["code"]) for entry in json.loads(done.stdout)}
    assert {(1, "placeholder"), (2, "half-width-punctuation"), (4, "numbering-gap")} <= found


def test_check_clean_file_exits_0_and_unreadable_exits_2(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("关于开展检查的通知\n各学校：\n一、检查时间\n2025年3月。", "utf-8")
    assert run("check", str(clean)).returncode == 0
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01")
    done = run("check", str(clean), str(binary))
    assert done.returncode == 2
    assert f"{binary}: error: binary file" in done.stderr


def test_fix_writes_in_the_input_encoding_and_never_touches_the_input(tmp_path):
    source = tmp_path / "draft.txt"
    original = "各位代表,同志们:\r\n（一）、加强领导\r\n".encode("gb18030")
    source.write_bytes(original)
    out = tmp_path / "fixed.txt"
    assert run("fix", str(source), "-o", str(out)).returncode == 0
    assert source.read_bytes() == original
    assert out.read_bytes() == "各位代表，同志们：\r\n（一）加强领导\r\n".encode("gb18030")
    same = run("fix", str(source), "-o", str(tmp_path / "." / "draft.txt"))
    assert same.returncode == 2 and "is the input, which fix never changes" in same.stderr
    assert source.read_bytes() == original


def test_fix_diff_shows_every_change(tmp_path):
    source = tmp_path / "draft.txt"
    source.write_text("标题\n各位代表,同志们:\n正文。\n", "utf-8")
    done = run("fix", str(source), "--diff")
    assert done.stdout.splitlines() == [
        f"--- {source}",
        f"+++ {source} (fixed)",
        "@@ -2 +2 @@",
        "-各位代表,同志们:",
        "+各位代表，同志们：",
    ]
    assert "2 changes on 1 lines" in done.stderr


def test_convert_with_fix_and_drop_noise(seed_path, tmp_path):
    out = tmp_path / "speech.docx"
    done = run("convert", str(seed_path), "-o", str(out), "--fix", "--diff", "--drop-noise")
    assert done.returncode == 0, done.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "好学生 分享 时间:" not in texts and "47 3432347" not in texts
    assert "各位代表，同志们：" in texts
    assert f"{seed_path}:3: dropped web residue: 好学生 分享 时间：" in done.stderr
    assert "-各位代表,同志们:" in done.stderr and "+各位代表，同志们：" in done.stderr


def test_tree_draws_the_outline():
    done = run("tree", str(SAMPLES / "notice.txt"))
    lines = done.stdout.splitlines()
    assert "├── 16 h1  二、检查内容" in lines
    assert "│   └── 22 h2  （三）食品安全" in lines
    assert "│       ├── 24 h3  1.食堂从业人员是否持有健康证明；" in lines
    assert lines[-1] == "└── 42 date  2025年2月20日"


def test_styles_list_show_init(tmp_path):
    listed = run("styles", "list").stdout
    assert "gbt9704" in listed and "speech" in listed and "regulation" in listed
    shown = run("styles", "show", "speech").stdout
    assert shown.startswith("# 讲话稿") and 'extends = "gbt9704"' in shown
    assert run("styles", "init", "county", "--from", "speech", cwd=tmp_path).returncode == 0
    created = (tmp_path / "county.toml").read_text("utf-8")
    assert 'extends = "speech"' in created
    again = run("styles", "init", "county", cwd=tmp_path)
    assert again.returncode == 2 and "exists" in again.stderr
    out = tmp_path / "out.docx"
    done = run(
        "convert", str(SAMPLES / "speech.txt"), "-s", str(tmp_path / "county.toml"), "-o", str(out)
    )
    assert done.returncode == 0, done.stderr


def test_version_and_module_entry():
    # Real processes: `python -m outline2docx` and the installed console script.
    assert run_process("--version").stdout.strip() == f"outline2docx, version {__version__}"
    console = shutil.which("outline2docx")
    if console:
        done = subprocess.run([console, "--version"], capture_output=True, text=True)
        assert done.stdout.strip() == f"outline2docx, version {__version__}"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_export(tmp_path):
    source = tmp_path / "notice.txt"
    source.write_bytes((SAMPLES / "notice.txt").read_bytes())
    done = run("convert", str(source), "--pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "notice.pdf").read_bytes()[:5] == b"%PDF-"


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    done = run("convert", str(SAMPLES / "notice.txt"), "-o", str(tmp_path / "x.docx"), "--pdf")
    assert done.returncode == 2
    assert "--pdf needs LibreOffice" in done.stderr
    assert not (tmp_path / "x.docx").exists()


def test_role_option_settles_a_close_call_in_check_tree_and_parse(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("同志们：\n首先，我代表县委表示感谢。\n今年的工作很重要。\n", encoding="utf-8")
    found = run("check", str(draft), "--json")
    assert [e["line"] for e in json.loads(found.stdout) if e["code"] == "close-call"] == [2]
    settled = run("check", str(draft), "--json", "--role", "2=runin")
    assert not [e for e in json.loads(settled.stdout) if e["code"] == "close-call"]
    tree = run("tree", str(draft)).stdout
    assert "2 body (0.73, or runin?)" in tree
    assert "2 runin  首先" in run("tree", str(draft), "--role", "2=runin").stdout
    lines = json.loads(run("parse", str(draft), "--json", "--role", "2=runin").stdout)["lines"]
    assert (lines[1]["role"], lines[1]["confidence"]) == ("runin", 1.0)


def test_role_option_refuses_bad_values_and_several_files(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("同志们：\n正文。\n", encoding="utf-8")
    for bad, says in (
        ("2", "is not LINE=ROLE"),
        ("0=title", "is not LINE=ROLE"),
        ("2=heading", "is not a role of a line"),
    ):
        done = run("parse", str(draft), "--role", bad)
        assert done.returncode == 2 and says in done.stderr
    both = run("check", str(draft), str(draft), "--role", "1=title")
    assert both.returncode == 2 and "single file" in both.stderr
