"""Batch conversion against pandoc run once per file, side by side in one run.

Target (issue "The command line for daily work"): 1,000 seed-sized documents converted by one
`outline2docx convert --jobs 2` call at least 10x faster than running pandoc once per file on
the same inputs. Prints the times and the ratio; exit 1 if the target is missed.

    python benchmarks/bench_batch.py [COUNT]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from _common import WORK, console_script, pandoc, seed_text


def main() -> int:
    """Write COUNT copies of the seed, convert them both ways, print the comparison."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    drafts, ours_out, pandoc_out = WORK / "batch", WORK / "batch-ours", WORK / "batch-pandoc"
    for folder in (drafts, ours_out, pandoc_out):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    seed = seed_text()
    sources = []
    for n in range(count):
        path = drafts / f"{n:04d}.txt"
        path.write_bytes(seed)
        sources.append(path)

    start = time.perf_counter()
    subprocess.run(
        [
            console_script("outline2docx"),
            "convert",
            str(drafts),
            "-o",
            str(ours_out),
            "--jobs",
            "2",
            "-q",
        ],
        check=True,
    )
    ours = time.perf_counter() - start

    binary = pandoc()
    start = time.perf_counter()
    for path in sources:
        target = pandoc_out / (path.stem + ".docx")
        subprocess.run(
            [binary, "-f", "markdown", "-t", "docx", str(path), "-o", str(target)], check=True
        )
    theirs = time.perf_counter() - start

    written = len(list(ours_out.glob("*.docx")))
    speedup = theirs / ours
    print(f"{count} documents ({len(seed) / 1024:.1f} KB each); outline2docx wrote {written}")
    print(f"outline2docx convert --jobs 2, one call   {ours:7.2f} s")
    print(f"pandoc once per file                      {theirs:7.2f} s")
    print(f"speed-up {speedup:.1f}x (target >= 10)  {'ok' if speedup >= 10 else 'MISSED'}")
    return 0 if speedup >= 10 and written == count else 1


if __name__ == "__main__":
    sys.exit(main())
