"""The ``outline2docx`` command. Imports stay inside commands so start-up stays fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from outline2docx import __version__

EXAMPLES = """
\b
Examples:
  outline2docx convert speech.txt          writes speech.docx beside it (style gbt9704)
  outline2docx convert speech.txt --style speech -o 讲话.docx
  outline2docx convert - -o out.docx < draft.txt
  outline2docx parse notice.txt            outline preview with roles and line numbers
  outline2docx parse notice.txt --json     every line's role plus the tree, as JSON
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
    document = _read(file, encoding)
    if as_json:
        import json

        from outline2docx.tree.serialize import document_to_dict

        click.echo(json.dumps(document_to_dict(document), ensure_ascii=False, indent=1))
    else:
        from outline2docx.preview import outline

        click.echo(outline(document))


@main.command()
@click.argument("source", metavar="IN", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    metavar="OUT.docx",
    help="Where to write (default: IN with the suffix .docx; - for standard output).",
)
@click.option(
    "-s",
    "--style",
    default="gbt9704",
    show_default=True,
    metavar="NAME|PATH",
    help="House style: gbt9704 (notices, reports), speech, regulation, or a .toml file.",
)
@click.option("--encoding", metavar="NAME", help="Decode IN with NAME instead of detecting it.")
def convert(source: str, output: str | None, style: str, encoding: str | None) -> None:
    """Convert the plain text IN into an official-format Word document.

    Headings, run-in leads, title, signature, date and page numbers are set in the house
    style's fonts and sizes on the GB/T 9704 page (22 lines of 28 characters). IN may be -
    for standard input; the document then goes to standard output unless -o says otherwise.
    The output is written whole or not at all; IN is never changed.
    """
    from outline2docx.convert import to_docx
    from outline2docx.errors import Outline2DocxError
    from outline2docx.output import write_atomically
    from outline2docx.render.style import load_style

    target = output or ("-" if source == "-" else str(Path(source).with_suffix(".docx")))
    if target == "-" and sys.stdout.isatty():
        _fail(click.UsageError("refusing to write a .docx to a terminal; use -o FILE"))
    try:
        house_style = load_style(style)
    except Outline2DocxError as exc:
        _fail(exc)
    data = to_docx(_read(source, encoding), house_style)
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomically(Path(target), data)
    except OSError as exc:
        _fail(Outline2DocxError(f"{target}: cannot write: {exc.strerror or exc}"))


def _read(file: str, encoding: str | None):
    """Parse FILE (or standard input for -); exit with the error's code if it cannot be read."""
    from outline2docx.errors import InputError
    from outline2docx.parse import parse as parse_text

    try:
        if file == "-":
            return parse_text(sys.stdin.buffer.read(), encoding=encoding, name="<stdin>")
        return parse_text(Path(file), encoding=encoding)
    except InputError as exc:
        _fail(exc)


def _fail(exc: Exception) -> NoReturn:
    code = getattr(exc, "exit_code", 1)
    if isinstance(exc, click.UsageError):
        code, exc = 2, exc.message
    click.echo(f"outline2docx: error: {exc}", err=True)
    sys.exit(code)
