"""`outline2docx serve`: starts a real server; without the web extra, one line saying what to do."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from ..cli import run


def test_serve_without_the_web_extra_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "outline2docx.web", None)  # import fails as if absent
    result = run("serve")
    assert result.returncode == 2
    assert result.stderr == (
        "outline2docx: error: serve needs the web extra: pip install 'outline2docx[web]'\n"
    )


def test_serve_help_names_host_port_and_open():
    result = run("serve", "--help")
    assert result.returncode == 0
    for option in ("--host", "--port", "--open", "127.0.0.1"):
        assert option in result.stdout


def test_serve_answers_on_loopback():
    pytest.importorskip("uvicorn", reason="the web extra is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "outline2docx", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/", deadline=time.monotonic() + 30)
        assert "公文排版工作台" in page
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in out.decode()


def _get(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
