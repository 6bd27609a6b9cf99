"""The ``outline2docx`` command. Imports stay inside commands so start-up stays fast."""

from __future__ import annotations

import sys

import click

from outline2docx import __version__

EXAMPLES = """
\b
Examples:
  outline2docx parse speech.txt            outline preview with roles and line numbers
  outline2docx parse notice.txt --json     every line's role plus the tree, as JSON
  outline2docx parse old.txt --encoding gbk
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXAMPLES)
@click.version_option(__version__, "-V", "--version", prog_name="outline2docx")
def main() -> None:
    """Turn plain Chinese text into Word documents in the GB/T 9704-2012 official format."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print roles.md JSON: lines and tree.")
@click.option(
    "--encoding",
    metavar="NAME",
    help="Decode the input with NAME (utf-8, gb18030, gbk, utf-16…) instead of detecting it.",
)
def parse(file: str, as_json: bool, encoding: str | None) -> None:
    """Recognize the structure of FILE and print it (no document is written).

    The encoding is detected (BOM, UTF-8, then GB18030/GBK) unless --encoding is given.
    FILE may be - for standard input. Exit code 2 when FILE cannot be read as text.
    """
    from outline2docx.errors import InputError
    from outline2docx.parse import parse as parse_text

    try:
        if file == "-":
            document = parse_text(sys.stdin.buffer.read(), encoding=encoding, name="<stdin>")
        else:
            from pathlib import Path

            document = parse_text(Path(file), encoding=encoding)
    except InputError as exc:
        _fail(exc)
    if as_json:
        import json

        from outline2docx.tree.serialize import document_to_dict

        click.echo(json.dumps(document_to_dict(document), ensure_ascii=False, indent=1))
    else:
        from outline2docx.preview import outline

        click.echo(outline(document))


def _fail(exc: Exception) -> None:
    code = getattr(exc, "exit_code", 1)
    click.echo(f"outline2docx: error: {exc}", err=True)
    sys.exit(code)
