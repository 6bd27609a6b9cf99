"""Batch conversion as users run it: real subprocesses, mixed encodings, bad files, signals."""

from __future__ import annotations

import codecs
import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from outline2docx.batch import FAILED, SKIPPED, plan_batch
from outline2docx.errors import UsageProblem

from .conftest import SAMPLES
from .languages import chinese

SAMPLE_TEXTS = [
    (SAMPLES / name).read_text("utf-8") for name in ("speech.txt", "notice.txt", "regulation.txt")
]
ENCODINGS = {
    "utf8": lambda text: text.encode("utf-8"),
    "utf8-bom-crlf": lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf16": lambda text: text.encode("utf-16"),
}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "outline2docx", *args]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_drafts(folder: Path, count: int) -> list[Path]:
    """``count`` drafts in four encodings, spread over two subfolders."""
    paths = []
    names = list(ENCODINGS)
    for n in range(count):
        encoding = names[n % len(names)]
        text = SAMPLE_TEXTS[n % len(SAMPLE_TEXTS)].replace("青山县", f"第{n + 1}号青山县")
        path = folder / ("区县" if n % 2 else "市直") / f"draft{n:02d}-{encoding}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(ENCODINGS[encoding](text))
        paths.append(path)
    return paths


def test_mixed_folder_with_two_bad_files(tmp_path):
    drafts, out = tmp_path / "drafts", tmp_path / "out"
    make_drafts(drafts, 18)
    (drafts / "市直" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4)
    (drafts / "区县" / "broken.txt").write_bytes("正文".encode() + b"\xff\xfe\xfa" + b"abc")
    before = digest(drafts)

    done = subprocess.run(
        command("convert", str(drafts), "-o", str(out), "--jobs", "2"),
        capture_output=True,
        text=True,
    )

    assert done.returncode == 1, done.stderr
    assert digest(drafts) == before  # inputs byte-identical
    written = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert len(written) == 18
    assert all(p.suffix == ".docx" for p in written)
    assert {p.parent.name for p in written} == {"市直", "区县"}  # the folders are mirrored
    for path in written:
        first = docx.Document(str(out / path)).paragraphs[0].text
        assert first  # opens, and has its text
    assert (
        f"{drafts / '市直' / 'scan.txt'}: binary file, not text (NUL byte at offset 8)"
        in done.stderr
    )
    assert (
        f"{drafts / '区县' / 'broken.txt'}: cannot decode: first bad byte at offset 6"
        in done.stderr
    )
    assert "18 converted, 0 skipped, 2 failed" in done.stderr


def test_every_encoding_gives_the_same_document(tmp_path):
    text = SAMPLE_TEXTS[0]
    for name, encode in ENCODINGS.items():
        (tmp_path / f"{name}.txt").write_bytes(encode(text))
    done = subprocess.run(command("convert", str(tmp_path), "-q"), capture_output=True)
    assert done.returncode == 0, done.stderr
    bodies = {
        name: zipfile.ZipFile(tmp_path / f"{name}.docx").read("word/document.xml")
        for name in ENCODINGS
    }
    assert len(set(bodies.values())) == 1


def test_skip_existing_and_collisions(tmp_path):
    (tmp_path / "a.txt").write_text("一、甲", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("一、乙", "utf-8")
    out = tmp_path / "out"
    plan = plan_batch([tmp_path / "a.txt", tmp_path / "sub" / "a.txt"], out)
    assert [j.target for j in plan.jobs] == [out / "a.docx"]
    (refused,) = plan.decided
    assert refused.status == FAILED
    assert refused.reason == f"same output {out / 'a.docx'} as {tmp_path / 'a.txt'}"

    subprocess.run(command("convert", str(tmp_path / "a.txt")), check=True, capture_output=True)
    plan = plan_batch([tmp_path / "a.txt"], skip_existing=True)
    assert plan.jobs == [] and plan.decided[0].status == SKIPPED


def test_a_document_name_for_several_outputs_is_refused_before_any_writing(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("一、甲", "utf-8")
    target = tmp_path / "all.docx"
    done = subprocess.run(
        command("convert", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(target)),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert f"-o {target} names one document, but 2 inputs need an output folder" in done.stderr
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_one_file_may_name_its_document_and_a_folder_input_may_not(tmp_path):
    (tmp_path / "a.txt").write_text("一、甲", "utf-8")
    assert (
        plan_batch([tmp_path / "a.txt"], tmp_path / "x.docx").jobs[0].target == tmp_path / "x.docx"
    )
    with pytest.raises(UsageProblem, match="needs an output folder"):
        plan_batch([tmp_path], tmp_path / "x.docx")


def test_globs_choose_the_files(tmp_path):
    (tmp_path / "a.txt").write_text("一、甲", "utf-8")
    (tmp_path / "b.md").write_text("一、乙", "utf-8")
    assert [j.source.name for j in plan_batch([tmp_path]).jobs] == ["a.txt"]
    assert [j.source.name for j in plan_batch([tmp_path], globs=["*.md"]).jobs] == ["b.md"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_batch_leaves_only_complete_documents(tmp_path, signum):
    drafts, out = tmp_path / "drafts", tmp_path / "out"
    # Big drafts, so that documents are being written when the signal arrives.
    text = SAMPLE_TEXTS[0] * 150
    for n in range(60):
        (drafts / f"{n:02d}").mkdir(parents=True)
        (drafts / f"{n:02d}" / "speech.txt").write_text(text, "utf-8")
    process = subprocess.Popen(
        command("convert", str(drafts), "-o", str(out), "--jobs", "2"),
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.docx"))) < 3:
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)

    assert process.returncode == 130, stderr
    assert "interrupted:" in stderr
    files = [p for p in out.rglob("*") if p.is_file()]
    assert 3 <= len(files) < 60
    for path in files:
        assert path.suffix == ".docx", path  # no temporary files left behind
        assert docx.Document(str(path)).paragraphs[0].text == "在全区安全生产工作会议上的讲话"


def _long_drafts(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of 40 long drafts, slow enough to interrupt, and the output folder's path."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for n in range(40):
        (drafts / f"{n:02d}.txt").write_text(SAMPLE_TEXTS[1] * 200, "utf-8")
    return drafts, tmp_path / "out"


def test_workers_told_to_stop_clean_up(tmp_path):
    """SIGTERM to the whole process group (workers too), as a service manager sends it."""
    drafts, out = _long_drafts(tmp_path)
    process = subprocess.Popen(
        command("convert", str(drafts), "-o", str(out), "--jobs", "2"),
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 2:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGTERM)
    process.communicate(timeout=120)
    assert process.returncode != 0
    files = [p for p in out.rglob("*") if p.is_file()]
    assert files and all(p.suffix == ".docx" for p in files)
    for path in files:
        docx.Document(str(path))


def test_progress_bar_on_a_terminal_only(tmp_path):
    import pty

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(SAMPLE_TEXTS[0], "utf-8")
    master, slave = pty.openpty()
    done = subprocess.run(
        command("convert", str(tmp_path), "--jobs", "2"),
        stderr=slave,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert done.returncode == 0
    assert b"converting" in shown and b"3 converted" in shown
    piped = subprocess.run(command("convert", str(tmp_path), "--force"), capture_output=True)
    assert b"converting" not in piped.stderr  # no bar when stderr is not a terminal
    quiet = subprocess.run(command("convert", str(tmp_path), "-q"), capture_output=True)
    assert quiet.stderr == b""


def _word_file(path: Path, text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path.read_bytes()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_an_input_that_is_another_inputs_output_is_refused_and_kept(tmp_path, force):
    from .cli import run

    (tmp_path / "x.txt").write_text("一、总体要求\n正文。\n", "utf-8")
    original = _word_file(tmp_path / "x.docx", "原来的文字")
    done = run("convert", "x.txt", "x.docx", *force, cwd=tmp_path)
    assert done.returncode == 1  # a batch: the other input is converted, this one refused
    assert done.stderr == (
        "x.txt: its document x.docx is also an input: refused (rename one of them)\n"
        "1 converted, 0 skipped, 1 failed\n"
    )
    assert (tmp_path / "x.docx").read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx", "x.gw.docx", "x.txt"]


def test_an_output_linked_to_an_input_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("一、甲", "utf-8")
    original = _word_file(tmp_path / "kept.docx", "原来的文字")
    link = tmp_path / "a.docx"  # the output a.txt would write
    for make_link in (Path.hardlink_to, Path.symlink_to):
        link.unlink(missing_ok=True)
        make_link(link, tmp_path / "kept.docx")
        plan = plan_batch([tmp_path / "a.txt", tmp_path / "kept.docx"], force=True)
        assert [job.source.name for job in plan.jobs] == ["kept.docx"], make_link
        [refused] = plan.decided
        assert refused.job.source.name == "a.txt" and "is also an input" in refused.reason
    assert (tmp_path / "kept.docx").read_bytes() == original


def _children(pid: int) -> set[int]:
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.add(int(stat.parent.name))
    return children


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_batch_process_is_killed(tmp_path):
    drafts, out = _long_drafts(tmp_path)
    process = subprocess.Popen(
        command("convert", str(drafts), "-o", str(out), "--jobs", "3"),
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and (len(workers) < 3 or not list(out.glob("*.docx"))):
        workers |= _children(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 3
    process.kill()
    process.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # leave no process behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not survivors


def test_a_failed_job_is_told_in_chinese_and_the_batch_goes_on(tmp_path, monkeypatch):
    from outline2docx.batch.job import convert_job
    from outline2docx.batch.plan import Job
    from outline2docx.pipeline import Settings

    source = tmp_path / "a.txt"
    source.write_text("关于开展安全检查的通知\n", encoding="utf-8")
    (tmp_path / "file").write_text("not a folder")
    unwritable = Job(source, tmp_path / "file" / "a.docx")  # its folder is a file
    with chinese():
        outcome = convert_job(unwritable, Settings())
    assert outcome.status == FAILED
    assert outcome.reason.startswith(f"{unwritable.target}：无法写入：")
    assert convert_job(unwritable, Settings()).reason.startswith(
        f"{unwritable.target}: cannot write: "
    )

    def planted_bug(*args, **kwargs):
        raise ZeroDivisionError("a bug planted by the test")

    monkeypatch.setattr("outline2docx.batch.job.publish", planted_bug)
    bugged = Job(source, tmp_path / "a.docx")
    with chinese():
        assert convert_job(bugged, Settings()).reason == (
            "内部错误：ZeroDivisionError：a bug planted by the test"
        )
    assert convert_job(bugged, Settings()).reason == (
        "internal error: ZeroDivisionError: a bug planted by the test"
    )
