"""Helpers shared by the benchmarks: inputs, pandoc, timing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
SEED = ROOT.parent / "shared" / "seeds" / "county-union-congress-speech.txt"
FALLBACK = ROOT / "samples" / "speech.txt"


def seed_text() -> bytes:
    """The seed speech (or, without ../shared, the bundled sample speech) as bytes."""
    return (SEED if SEED.is_file() else FALLBACK).read_bytes()


def repeated_input(megabytes: float, name: str) -> Path:
    """A file of about ``megabytes`` MB made of the seed repeated, written once and reused."""
    seed = seed_text()
    path = WORK / name
    copies = int(megabytes * 1024 * 1024 // len(seed)) + 1
    if not path.exists() or path.stat().st_size != copies * len(seed):
        WORK.mkdir(parents=True, exist_ok=True)
        path.write_bytes(seed * copies)
    return path


def pandoc() -> str:
    """Path of pandoc 3: the one pypandoc-binary ships, else one on PATH."""
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if not found:
            sys.exit("pandoc not found: pip install pypandoc-binary")
        return found


def best_of(runs: int, action: Callable[[], object]) -> float:
    """Shortest wall time of ``runs`` calls of ``action``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def run_quietly(argv: list[str]) -> None:
    """Run a command, discarding its output; fail loudly if it fails."""
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


_PEAK = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def time_and_peak(argv: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one run of a command.

    The command runs as the only child of a fresh interpreter, so RUSAGE_CHILDREN is its own.
    """
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *argv], check=True, capture_output=True, text=True
    )
    seconds, kilobytes = done.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def console_script(name: str) -> str:
    """The installed console script beside this interpreter (not a version manager's shim)."""
    script = Path(sys.executable).with_name(name)
    if not script.exists():
        sys.exit(f"{script} not found: pip install -e . first")
    return str(script)
