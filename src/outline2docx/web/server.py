"""Running the workbench: in the foreground for `outline2docx serve`, or in a thread for tests."""

from __future__ import annotations

import socket
import threading
import time
import webbrowser
from dataclasses import dataclass

import uvicorn

from outline2docx.i18n import _
from outline2docx.web.app import Limits, create_app


def run(host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False) -> None:
    """Serve the workbench until interrupted; with ``open_browser``, open it in a browser."""
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if open_browser:
        threading.Timer(1.5, webbrowser.open, (url,)).start()
    print(_("outline2docx workbench: {url}  (Ctrl+C stops it)").format(url=url), flush=True)
    uvicorn.run(create_app(), host=host, port=port, log_level="warning")


@dataclass
class Background:
    """A workbench served from a thread on a free loopback port (tests, screenshots)."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        """Stop serving and wait for the thread (and the worker pool) to end."""
        self.server.should_exit = True
        self.thread.join(timeout=30)


def serve_in_background(limits: Limits | None = None, startup_timeout: float = 60) -> Background:
    """Start the workbench in a thread on 127.0.0.1 and a free port; returns once it answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(create_app(limits or Limits()), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench did not start")
        time.sleep(0.05)
    return Background(f"http://127.0.0.1:{port}/", server, thread)
