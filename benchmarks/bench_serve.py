"""The workbench under load: 20 clients at once on loopback, each converting the seed speech.

Targets (issue "A workbench in the browser"):
- no errors: every request answers 200 with a .docx;
- the median and 95th-percentile times are printed for the closing note;
- the server's memory (its process and its workers) is steady over 1,000 requests: the last
  sample is at most 1.25x the sample taken after the first 100 (the pool warmed up).
Exit 1 if a target is missed.

    python benchmarks/bench_serve.py [REQUESTS]
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from _common import console_script, seed_text

CLIENTS = 20
WARM = 100  # requests before the memory baseline is taken
SAMPLE_EVERY = 100
GROWTH = 1.25


def main(requests: int = 1000) -> int:
    """Start `outline2docx serve`, load it, print latency and memory, judge the targets."""
    port = _free_port()
    server = subprocess.Popen(
        [console_script("outline2docx"), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url)
        times, errors, memory = _load(url, server.pid, requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return _report(times, errors, memory)


def _load(url: str, pid: int, requests: int) -> tuple[list[float], list[str], list[float]]:
    seed = seed_text()
    times: list[float] = []
    errors: list[str] = []
    memory: list[float] = []

    def one(_: int) -> None:
        with httpx.Client(timeout=120) as client:
            start = time.perf_counter()
            files = {"file": ("seed.txt", seed, "text/plain")}
            answer = client.post(f"{url}/api/convert", files=files)
            times.append(time.perf_counter() - start)
            if answer.status_code != 200 or not answer.content.startswith(b"PK"):
                errors.append(f"{answer.status_code}: {answer.text[:120]}")

    with ThreadPoolExecutor(CLIENTS) as pool:
        for batch_start in range(0, requests, SAMPLE_EVERY):
            list(pool.map(one, range(batch_start, min(requests, batch_start + SAMPLE_EVERY))))
            memory.append(_resident_mb(pid))
    return times, errors, memory


def _report(times: list[float], errors: list[str], memory: list[float]) -> int:
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[18]
    baseline = memory[WARM // SAMPLE_EVERY - 1]
    growth = memory[-1] / baseline
    print(f"{len(times)} requests, {CLIENTS} clients at once, {len(errors)} errors")
    print(f"latency: median {median:.3f} s, 95th percentile {p95:.3f} s")
    print("server memory (MB, server and workers) every 100 requests:")
    print("  " + " ".join(f"{mb:.0f}" for mb in memory))
    print(f"growth after warm-up: {growth:.2f}x (target at most {GROWTH:.2f}x)")
    for error in errors[:5]:
        print(f"  error {error}")
    return 0 if not errors and growth <= GROWTH else 1


def _resident_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB (Linux /proc)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        status = Path(f"/proc/{current}/status")
        try:
            total += next(
                int(line.split()[1])
                for line in status.read_text().splitlines()
                if line.startswith("VmRSS:")
            )
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, StopIteration):
            continue
        pending += [int(child) for child in children]
    return total / 1024


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/config", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    sys.exit("the workbench did not start")


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
