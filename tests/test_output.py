"""Atomic writes: the target holds the old bytes or the new ones, never a part."""

from __future__ import annotations

import os

import pytest

from outline2docx.output import write_atomically


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.docx"
    write_atomically(target, b"new document")
    assert target.read_bytes() == b"new document"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old document")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new document")
    assert target.read_bytes() == b"old document"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_the_file_gets_ordinary_permissions_not_the_temporary_files(tmp_path):
    target = tmp_path / "out.docx"
    write_atomically(target, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
