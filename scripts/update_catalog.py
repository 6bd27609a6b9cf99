#!/usr/bin/env python3
"""Bring the Chinese message catalog up to date with the code, then compile it.

Usage (from the repository root, with the test extra installed: it brings Babel):

    python scripts/update_catalog.py

It collects every message: the strings of outline2docx marked ``_()``, ``N_()`` and
``ngettext()`` (``pybabel extract`` with the keywords in babel.cfg), the help texts of every
command and option (read off the click command tree, as the CLI translates them), and click's
own strings (Usage:, Error:, Show this message and exit. …) from the installed click. New
messages are added to the .po with an empty translation, and ones no longer used are dropped;
nothing is guessed (no fuzzy entries). Fill in the empty ``msgstr`` lines of
src/outline2docx/locale/zh/LC_MESSAGES/outline2docx.po and run the script again: it compiles
the .mo next to it, which the wheel ships and stdlib gettext reads (Babel is not needed at run
time). tests/test_i18n.py fails while any message lacks a translation or the .mo is stale.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "outline2docx"
PO_FILE = PACKAGE / "locale" / "zh" / "LC_MESSAGES" / "outline2docx.po"
MO_FILE = PO_FILE.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}  # as in babel.cfg
METHODS = [("**.py", "python")]


def our_messages() -> dict[str | tuple[str, str], list[tuple[str, int]]]:
    """Every message of outline2docx's code and command help, with where it comes from."""
    found: dict[str | tuple[str, str], list[tuple[str, int]]] = {}
    for file, line, message, *_rest in extract_from_dir(PACKAGE, METHODS, KEYWORDS):
        found.setdefault(message, []).append((f"outline2docx/{file}", line))
    sys.path.insert(0, str(ROOT / "src"))
    from outline2docx.cli import help_msgids, help_texts, main

    for _item, _field, text in help_texts(main):
        for message in help_msgids(text):
            found.setdefault(message, []).append(("outline2docx/cli.py", 0))
    return found


def click_messages() -> dict[str | tuple[str, str], list[tuple[str, int]]]:
    """click's own messages, as the installed click marks them for gettext."""
    import click

    found: dict[str | tuple[str, str], list[tuple[str, int]]] = {}
    folder = Path(click.__file__).parent
    for file, line, message, *_rest in extract_from_dir(folder, METHODS, KEYWORDS):
        found.setdefault(message, []).append((f"click/{file}", line))
    return found


def template() -> Catalog:
    """A catalog of every message, untranslated."""
    catalog = Catalog(project="outline2docx", fuzzy=False)
    for messages in (our_messages(), click_messages()):
        for message, places in messages.items():
            catalog.add(message, locations=places)
    return catalog


def compiled(po_text: bytes) -> bytes:
    """The .mo bytes of a .po file's text (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(po_text)), use_fuzzy=False)
    return buffer.getvalue()


def main() -> None:
    """Merge the messages into the .po, compile the .mo, and say what is left to translate."""
    with PO_FILE.open("rb") as file:
        catalog = read_po(file)
    messages = template()
    messages.creation_date = catalog.creation_date  # the header changes only when messages do
    catalog.update(messages, no_fuzzy_matching=True, update_header_comment=False)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, ignore_obsolete=True)
    PO_FILE.write_bytes(buffer.getvalue())
    MO_FILE.write_bytes(compiled(buffer.getvalue()))
    empty = [m.id for m in catalog if m.id and not all(_strings(m))]
    for message in empty:
        print(f"untranslated: {message!r}")
    print(f"{PO_FILE.relative_to(ROOT)}: {len(catalog)} messages, {len(empty)} untranslated")


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


if __name__ == "__main__":
    main()
