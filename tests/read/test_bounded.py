"""Input bytes are read with a ceiling: endless and enormous inputs are refused, not swallowed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from outline2docx.errors import InputError
from outline2docx.read.bounded import MAX_TEXT_BYTES, read_file, read_stream
from tests.cli import run


class Endless(io.RawIOBase):
    """A stream that never ends, like /dev/zero or a runaway pipe; counts what was read."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"x" * len(buffer)
        self.served += len(buffer)
        return len(buffer)


def test_a_stream_within_the_limit_is_read_whole() -> None:
    data = "一、总体要求\n".encode() * 1000
    assert read_stream(io.BytesIO(data), "draft.txt", limit=len(data)) == data


def test_an_endless_stream_is_refused_one_byte_past_the_limit() -> None:
    endless = Endless()
    with pytest.raises(InputError, match=r"draft\.txt.*larger than 1 MB"):
        read_stream(io.BufferedReader(endless), "draft.txt", limit=1024 * 1024)
    assert endless.served < 3 * 1024 * 1024  # it stopped, it did not read on


def test_a_file_past_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2049)
    with pytest.raises(InputError, match=r"big\.txt: larger than"):
        read_file(big, "big.txt", limit=2048)
    assert read_file(big, "big.txt", limit=2049) == b"a" * 2049


def test_missing_files_and_folders_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "gone.txt", "gone.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_file(tmp_path, "folder")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_the_cli_refuses_an_endless_device_with_exit_2() -> None:
    result = run("parse", "/dev/zero")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"outline2docx: error: /dev/zero: larger than {MAX_TEXT_BYTES // 2**20} MB: refused"
    )
