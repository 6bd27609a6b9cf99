"""What OpenCC's t2s conversion can change, read from its dictionaries; writes
src/outline2docx/recognize/traditional.py. Run after upgrading OpenCC:

    python -m tests.recognize.opencc_tables
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

TABLES = Path(__file__).resolve().parents[2] / "src/outline2docx/recognize/traditional.py"
WIDTH = 44  # characters a line of the table holds: CJK is two columns wide, lines stay <= 100


def opencc_home() -> Path:
    """The folder of the OpenCC the recognizer loads: its tools and dictionaries."""
    import opencc

    return Path(opencc.__file__).parent / "clib"


def _dictionaries(home: Path) -> list[str]:
    config = json.loads((home / "share/opencc/t2s.json").read_text("utf-8"))
    found, stack = [], [config["normalization"], config["conversion_chain"]]
    while stack:  # every "file" in the nested dict groups, normalization included
        node = stack.pop()
        if isinstance(node, dict):
            found += [node["file"]] if "file" in node else []
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return sorted(found)


def changed_keys(home: Path | None = None) -> tuple[set[str], set[str]]:
    """Single characters and longer keys that t2s replaces by something else."""
    home = home or opencc_home()
    env = {**os.environ, "LD_LIBRARY_PATH": str(home / "lib64")}
    characters, phrases = set(), set()
    with tempfile.TemporaryDirectory() as scratch:
        for name in _dictionaries(home):
            text = Path(scratch) / f"{name}.txt"
            command = [str(home / "bin/opencc_dict"), "-i", str(home / "share/opencc" / name)]
            command += ["-o", str(text), "-f", "ocd2", "-t", "text"]
            subprocess.run(command, env=env, check=True, capture_output=True)
            for row in text.read_text("utf-8").splitlines():
                key, values = row.split("\t")
                if values.split(" ")[0] != key:  # OpenCC writes the first of the values
                    (characters if len(key) == 1 else phrases).add(key)
    return characters, phrases


def _lines(text: str) -> str:
    return "\n".join(f'    "{text[i : i + WIDTH]}"' for i in range(0, len(text), WIDTH))


def write_tables() -> None:
    """Write the module the recognizer reads the keys from."""
    characters, phrases = changed_keys()
    phrases = {p for p in phrases if characters.isdisjoint(p)}  # the rest CHARACTERS catches
    TABLES.write_text(
        '"""What OpenCC\'s t2s conversion can change: written by tests/recognize/opencc_tables.py.\n'
        "\n"
        "A text holding none of these characters and none of these phrases comes out of t2s as\n"
        "it went in, so the recognizer need not load OpenCC (~10 ms) to find that out.\n"
        '"""\n\n'
        "# Characters that t2s replaces (in its normalization or its character dictionaries).\n"
        f"CHARACTERS = (\n{_lines(''.join(sorted(characters)))}\n)\n"
        "# Phrases that t2s replaces and that hold none of CHARACTERS, space-separated.\n"
        f"PHRASES = (\n{_lines(' '.join(sorted(phrases)) + ' ')}\n)\n",
        "utf-8",
    )


if __name__ == "__main__":
    write_tables()
