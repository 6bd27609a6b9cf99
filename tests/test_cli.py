"""The command line as users run it: real exit codes, stdout and stderr (run in-process)."""

import json

import pytest

from .cli import run
from .conftest import SAMPLES


def test_parse_prints_an_indented_outline():
    done = run("parse", str(SAMPLES / "notice.txt"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.splitlines()[0].endswith("notice.txt (utf-8)")
    assert "   12  h1         一、检查时间" in out
    assert "   22  h2           （三）食品安全" in out
    assert "   24  h3             1.食堂从业人员是否持有健康证明；" in out


def test_parse_json_follows_the_roles_contract():
    done = run("parse", str(SAMPLES / "speech.txt"), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"].endswith("speech.txt")
    assert data["encoding"] == "utf-8"
    first = data["lines"][0]
    assert {k: first[k] for k in ("line", "role", "text")} == {
        "line": 1,
        "role": "title",
        "text": "在全区安全生产工作会议上的讲话",
    }
    assert all(0.5 <= e["confidence"] <= 1.0 for e in data["lines"])
    runin = next(e for e in data["lines"] if e["role"] == "runin")
    assert runin["lead"] == "一是责任体系更加健全。"
    assert data["tree"]["type"] == "document"
    sections = [c for c in data["tree"]["children"] if c["type"] == "section"]
    assert [s["heading"]["numbering"]["value"] for s in sections] == [1, 2, 3]


def test_parse_reads_standard_input_in_any_encoding():
    done = run("parse", "-", "--json", stdin="一、总体要求\r\n正文。".encode("gb18030"))
    data = json.loads(done.stdout)
    assert data["encoding"] == "gb18030"
    assert [e["role"] for e in data["lines"]] == ["h1", "body"]


def test_encoding_option_overrides_detection(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("一、總體要求".encode("big5"))
    data = json.loads(run("parse", str(path), "--json", "--encoding", "big5").stdout)
    assert data["lines"][0]["text"] == "一、總體要求"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text (NUL byte at offset 8)"),
        ("正文".encode() + b"\xff\xfe\xfd", "cannot decode: first bad byte at offset 6"),
    ],
)
def test_unreadable_input_exits_2_naming_file_and_offset(tmp_path, content, problem):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    done = run("parse", str(path))
    assert done.returncode == 2
    assert done.stdout_bytes == b""
    assert f"outline2docx: error: {path}: {problem}" in done.stderr
    assert path.read_bytes() == content


def test_missing_file_exits_2():
    done = run("parse", "/nonexistent/speech.txt")
    assert done.returncode == 2
    assert "speech.txt" in done.stderr


def test_help_teaches_with_examples():
    out = run("--help").stdout
    assert "Examples:" in out
    assert "outline2docx convert drafts/ -o out/ --jobs 4" in out
    assert "Exit codes" in out
    assert "GB18030" in run("parse", "--help").stdout
