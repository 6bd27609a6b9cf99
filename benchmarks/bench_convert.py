"""Conversion speed and memory against pandoc's markdown-to-docx, side by side in one run.

Targets (issue "Official-document renderer"):
- the seed speech, whole command-line process: at most pandoc's wall time;
- a 10 MB text (the seed repeated): at most 0.3x pandoc's time, with less peak memory;
- and the writer is linear: 4x the input (40 MB) takes at most 4.5x the time.
Printed as ratios; exit 1 if a target is missed.

    python benchmarks/bench_convert.py
"""

from __future__ import annotations

import sys

from _common import WORK, console_script, pandoc, repeated_input, time_and_peak

SEED_RUNS = 7


def main() -> int:
    """Run both tools on both inputs and print the comparison."""
    ours, theirs = console_script("outline2docx"), pandoc()
    seed = repeated_input(0, "seed.txt")  # one copy: the seed itself
    big = repeated_input(10, "10mb.txt")
    bigger = repeated_input(40, "40mb.txt")

    def ours_on(path):
        return time_and_peak([ours, "convert", str(path), "-o", str(WORK / "ours.docx")])

    def pandoc_on(path):
        out = str(WORK / "pandoc.docx")
        return time_and_peak([theirs, "-f", "markdown", "-t", "docx", str(path), "-o", out])

    seed_ours = min(ours_on(seed)[0] for _ in range(SEED_RUNS))
    seed_pandoc = min(pandoc_on(seed)[0] for _ in range(SEED_RUNS))
    # Best of two for the growth figure: one slow run on a noisy machine would skew it.
    big_ours, big_ours_mb = min(ours_on(big) for _ in range(2))
    big_pandoc, big_pandoc_mb = pandoc_on(big)
    bigger_ours = min(ours_on(bigger)[0] for _ in range(2))
    floor = min(time_and_peak([sys.executable, "-c", "pass"])[0] for _ in range(SEED_RUNS))
    # The design card's libraries, imported and nothing done: no Python tool on them goes faster.
    card = [sys.executable, "-c", "import click, lxml.etree"]
    card_floor = min(time_and_peak(card)[0] for _ in range(SEED_RUNS))

    checks = [  # (what, ours, pandoc's, target ratio)
        ("seed speech, whole process", seed_ours, seed_pandoc, 1.0),
        ("10 MB text, whole process", big_ours, big_pandoc, 0.3),
        ("10 MB text, peak memory MB", big_ours_mb, big_pandoc_mb, 1.0),
        ("40 MB vs 10 MB (ours, growth)", bigger_ours, big_ours, 4.5),
    ]
    print(f"{'':30s} {'outline2docx':>12s} {'pandoc':>9s} {'ratio':>7s} {'target':>7s}")
    for name, mine, other, target in checks:
        verdict = "ok" if mine / other <= target else "MISSED"
        print(f"{name:30s} {mine:12.3f} {other:9.3f} {mine / other:7.3f} {target:7.2f}  {verdict}")
    print(f"(python -c pass on this machine: {floor:.3f} s, the floor of any Python command;")
    print(
        f" importing click and lxml alone: {card_floor:.3f} s,"
        f" {card_floor / seed_pandoc:.2f}x pandoc's whole seed conversion)"
    )
    return 0 if all(mine / other <= target for _, mine, other, target in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
