"""Parsing speed against pandoc's markdown reader, and linear growth.

Targets (issue "Text front-end"): parsing a 10 MB text takes at most 0.2x the time
`pandoc -f markdown -t json` needs for the same file, and 4x the input takes at most 4.5x the
time. Both are measured side by side in one run and printed as ratios.

    python benchmarks/bench_parse.py
"""

from __future__ import annotations

import sys

from _common import best_of, pandoc, repeated_input, run_quietly

from outline2docx import parse


def main() -> int:
    """Run the comparison, print the figures, exit 1 if a target is missed."""
    small, large = repeated_input(10, "10mb.txt"), repeated_input(40, "40mb.txt")
    pandoc_10 = best_of(
        1,
        lambda: run_quietly(
            [pandoc(), "-f", "markdown", "-t", "json", str(small), "-o", "/dev/null"]
        ),
    )
    ours_10 = best_of(3, lambda: parse(small))
    ours_40 = best_of(2, lambda: parse(large))
    cli_10 = best_of(
        1,
        lambda: run_quietly([sys.executable, "-m", "outline2docx", "parse", "--json", str(small)]),
    )
    speed, growth = ours_10 / pandoc_10, ours_40 / ours_10
    sizes = f"{small.stat().st_size / 1e6:.1f} MB and {large.stat().st_size / 1e6:.1f} MB"
    print(f"input: {sizes}, the seed speech repeated")
    print(f"pandoc -f markdown -t json, 10 MB   {pandoc_10:6.2f} s")
    print(f"outline2docx parse(), 10 MB         {ours_10:6.2f} s  ratio {speed:.3f} (<= 0.2)")
    print(f"outline2docx parse(), 40 MB         {ours_40:6.2f} s  growth {growth:.2f}x (<= 4.5)")
    print(f"outline2docx parse --json, process  {cli_10:6.2f} s  ratio {cli_10 / pandoc_10:.3f}")
    return 0 if speed <= 0.2 and growth <= 4.5 else 1


if __name__ == "__main__":
    sys.exit(main())
