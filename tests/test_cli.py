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


# ---- issue 11: text input and the command line -------------------------------------------

DRAFT = "关于做好防汛工作的通知\n一、总体要求\n坚持问题导向，注重创新驱动。\n"
# Valid GB18030 as it stands: one stray 0xA0 in UTF-8 text used to become mojibake, exit 0.
STRAY = "（三）坚持实体经济为本、制造业当家，建设更具国际竞争力的现代化产业体系".encode()
STRAY = STRAY[:30] + b"\xa0" + STRAY[30:]


def _zip_bomb(path):
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b" " * (20 * 1024 * 1024))


@pytest.mark.parametrize("command", ["convert", "parse", "check"])
def test_utf8_with_a_stray_byte_stops_with_its_offset(tmp_path, command):
    assert STRAY.decode("gb18030")
    path = tmp_path / "stray.txt"
    path.write_bytes(STRAY)
    done = run(command, str(path))
    assert done.returncode == 2, done.stderr
    assert "looks like UTF-8" in done.stderr and "byte 0xa0 at offset 30 is not" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stray.txt"]


@pytest.mark.parametrize("make", ["undecodable", "zip bomb", "missing"])
def test_a_single_bad_input_exits_2_and_a_batch_with_one_exits_1(tmp_path, make):
    bad = tmp_path / ("bad.docx" if make == "zip bomb" else "bad.txt")
    if make == "undecodable":
        bad.write_bytes("正文".encode() + b"\xff\xfe\xfd")
    elif make == "zip bomb":
        _zip_bomb(bad)
    single = run("convert", str(bad))
    assert single.returncode == 2, single.stderr
    assert str(bad) in single.stderr
    good = tmp_path / "good.txt"
    good.write_text(DRAFT, "utf-8")
    batch = run("convert", str(good), str(bad))
    assert batch.returncode == 1, batch.stderr
    assert "1 converted, 0 skipped, 1 failed" in batch.stderr


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "no-such-codec"])
@pytest.mark.parametrize("command", ["convert", "parse", "tree", "check", "fix"])
def test_encoding_must_be_a_text_encoding(tmp_path, codec, command):
    path = tmp_path / "a.txt"
    path.write_text(DRAFT, "utf-8")
    done = run(command, str(path), "--encoding", codec)
    assert done.returncode == 2
    assert "Invalid value for --encoding" in done.stderr
    assert codec in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("pattern", ["/etc/*", "../*.txt", "sub/../../*.txt", ""])
def test_glob_patterns_stay_inside_the_folders_given(tmp_path, pattern):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(DRAFT, "utf-8")
    (tmp_path / "outside.txt").write_text(DRAFT, "utf-8")
    done = run("convert", "drafts", "-o", "out", "--glob", pattern, cwd=tmp_path)
    assert done.returncode == 2
    assert "Invalid value for --glob" in done.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "drafts", "outside.txt"]


def test_fix_writes_gb18030_with_a_note_when_gb2312_cannot_hold_a_fix(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes("一、要求\n他说--好的。\n".encode("gb2312"))
    out = tmp_path / "fixed.txt"
    done = run("fix", str(source), "--encoding", "gb2312", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().decode("gb18030") == "一、要求\n他说——好的。\n"
    assert f"{out}: written in gb18030, since gb2312 cannot hold '—' (U+2014, line 2)" in (
        done.stderr
    )


def test_fix_refuses_clearly_when_the_encoding_has_no_wider_kin(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes("一、要求\n会議--東京。\n".encode("shift_jis"))
    out = tmp_path / "fixed.txt"
    done = run("fix", str(source), "--encoding", "shift_jis", "-o", str(out))
    assert done.returncode == 2
    assert f"{out}: shift_jis cannot hold '—' (U+2014, line 2): nothing written" in done.stderr
    assert not out.exists()


def test_convert_a_file_to_standard_output(tmp_path):
    import io
    import zipfile

    (tmp_path / "a.txt").write_text(DRAFT, "utf-8")
    done = run("convert", "a.txt", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(io.BytesIO(done.stdout_bytes)) as package:
        assert "关于做好防汛工作的通知" in package.read("word/document.xml").decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no folder named -


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (["b.txt"], "-o - (standard output) holds one document"),
        (["--pdf"], "--pdf exports a document file"),
    ],
)
def test_standard_output_takes_one_document_and_no_pdf(tmp_path, extra, problem):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DRAFT, "utf-8")
    done = run("convert", "a.txt", "-o", "-", *extra, cwd=tmp_path)
    assert done.returncode == 2
    assert problem in done.stderr
    assert done.stdout_bytes == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_fix_with_output_dash_prints_instead_of_writing_a_file_named_dash(tmp_path):
    (tmp_path / "a.txt").write_text("一、要求\n他说--好的。\n", "utf-8")
    done = run("fix", "a.txt", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "一、要求\n他说——好的。\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize(
    "args",
    [
        ("convert", ""),
        ("convert", "draft.txt", "-o", ""),
        ("fix", "draft.txt", "-o", ""),
        ("parse", ""),
        ("check", ""),
    ],
)
def test_an_empty_file_name_is_refused_not_taken_for_the_current_folder(tmp_path, args):
    (tmp_path / "draft.txt").write_text("一、总体要求\n正文。\n", "utf-8")
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert "an empty name names no file" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]  # nothing written


@pytest.mark.parametrize(
    "args", [("parse", "-"), ("tree", "-"), ("fix", "-"), ("convert", "-", "-o", "out.docx")]
)
def test_standard_input_past_the_text_limit_is_refused(tmp_path, args):
    from outline2docx.read.bounded import MAX_TEXT_BYTES

    done = run(*args, stdin=b"a" * (MAX_TEXT_BYTES + 1), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "outline2docx: error: <stdin>: larger than 64 MB: refused\n"
    assert list(tmp_path.iterdir()) == []


def _broken_read(*args, **kwargs):
    raise ZeroDivisionError("a bug planted by the test")


def test_an_unforeseen_failure_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from outline2docx import cli, pipeline

    draft = tmp_path / "draft.txt"
    draft.write_text("一、总体要求\n", "utf-8")
    monkeypatch.setattr(pipeline, "read", _broken_read)
    monkeypatch.setattr("sys.argv", ["outline2docx", "parse", str(draft)])
    monkeypatch.delenv("OUTLINE2DOCX_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.entry()
    assert stopped.value.code == 1
    assert capsys.readouterr().err == (
        "outline2docx: internal error: ZeroDivisionError: a bug planted by the test"
        " (a bug: please report it; OUTLINE2DOCX_DEBUG=1 shows where)\n"
    )
    monkeypatch.setenv("OUTLINE2DOCX_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.entry()
