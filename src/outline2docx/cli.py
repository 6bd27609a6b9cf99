"""The ``outline2docx`` command. Imports stay inside commands so start-up stays fast."""

from __future__ import annotations

import contextlib
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import click

from outline2docx import __version__
from outline2docx.i18n import _, ngettext

EXAMPLES = """
\b
Examples:
  outline2docx convert speech.txt              writes speech.docx beside it
  outline2docx convert drafts/ -o out/ --jobs 4
  outline2docx convert speech.txt --style speech --fix --drop-noise --pdf
  outline2docx convert report.docx --reference-doc org.docx     restyle a Word file
  outline2docx convert notice.txt --meta 发文字号=青政发〔2025〕5号
  outline2docx check drafts/*.txt              problems, compiler style
  outline2docx fix draft.txt --diff            what --fix would change
  outline2docx tree notice.txt                 the outline with roles and line numbers
  outline2docx styles init county --from gbt9704
  outline2docx styles init county --from-docx 县政府通知.docx

\b
Exit codes: 0 all well; 1 a file failed or check found problems; 2 bad input or usage.
"""
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Context(click.Context):
    """click's context, with a help formatter that wraps Chinese by the columns it takes."""

    def make_formatter(self) -> click.HelpFormatter:
        """The help formatter, imported only when help is shown."""
        from outline2docx.help_format import WideHelpFormatter

        return WideHelpFormatter(width=self.terminal_width, max_width=self.max_content_width)


class _Command(click.Command):
    context_class = _Context


class _Main(click.Group):
    """The command group; its help texts are put in the chosen language each time it runs."""

    context_class = _Context
    command_class = _Command
    group_class = type  # subgroups (styles) are of this class too

    def main(self, *args, **kwargs):
        """Run the command, help texts first put in the language of the moment."""
        for item, field, text in help_texts(self):
            setattr(item, field, localized(text))
        return super().main(*args, **kwargs)


def help_texts(command: click.Command) -> Iterator[tuple[object, str, str]]:
    """Every help text of ``command``, its options and subcommands: (owner, attribute, text).

    Each text is the English one the code gives, kept aside the first time, so that the
    language can change between runs (the tests do) and the catalog script can list them.
    """
    fields = {"help": command.help, "epilog": command.epilog, "short_help": command.short_help}
    fields = {name: text for name, text in fields.items() if text}
    owners = [(command, fields), *((p, {"help": getattr(p, "help", None)}) for p in command.params)]
    for item, texts in owners:
        originals = item.__dict__.setdefault("_english", {k: v for k, v in texts.items() if v})
        for field, text in originals.items():
            yield item, field, text
    for sub in getattr(command, "commands", {}).values():
        yield from help_texts(sub)


def localized(text: str) -> str:
    """A help text in the chosen language, paragraph by paragraph around click's \\b marks."""
    return "\b".join(_localized_part(part) for part in text.split("\b"))


def help_msgids(text: str) -> list[str]:
    """The catalog entries a help text is translated by (as ``localized`` looks them up)."""
    return [msgid for part in text.split("\b") if (msgid := inspect.cleandoc(part))]


def _localized_part(part: str) -> str:
    msgid = inspect.cleandoc(part)
    if not msgid:
        return part
    return part[: len(part) - len(part.lstrip())] + _(msgid) + part[len(part.rstrip()) :]


@click.group(cls=_Main, context_settings=CONTEXT, epilog=EXAMPLES)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, shown: _show_version(ctx, shown),
    help="Show the version and exit.",
)
def main() -> None:
    """Turn plain Chinese text into Word documents in the GB/T 9704-2012 official format."""


def _show_version(ctx: click.Context, shown: bool) -> None:
    """--version: click's own, but with its words looked up when shown, not at import."""
    if shown and not ctx.resilient_parsing:
        message = _("%(prog)s, version %(version)s")  # click's words, in our catalog
        click.echo(message % {"prog": "outline2docx", "version": __version__})
        ctx.exit()


def entry() -> None:
    """The console command: ``main``, with an unforeseen failure told in one line, no traceback.

    Every expected problem has its own message and exit code; what reaches this is a bug, and
    the user still deserves a sentence. OUTLINE2DOCX_DEBUG=1 shows the traceback for a report.
    """
    import os

    try:
        main(prog_name="outline2docx")
    except Exception as exc:  # click has already handled usage errors, Ctrl-C and EPIPE
        if os.environ.get("OUTLINE2DOCX_DEBUG"):
            raise
        message = _(
            "outline2docx: internal error: {kind}: {error} "
            "(a bug: please report it; OUTLINE2DOCX_DEBUG=1 shows where)"
        )
        click.echo(message.format(kind=type(exc).__name__, error=exc), err=True)
        sys.exit(1)


def _text_encoding(_ctx, _param, name: str | None) -> str | None:
    """The name of --encoding, if Python knows it as a text encoding (not rot13, base64…)."""
    if name is None:
        return None
    import codecs

    try:
        codec = codecs.lookup(name)
    except LookupError:
        message = _("unknown encoding {name}").format(name=repr(name))
        raise click.BadParameter(message, param_hint="--encoding") from None
    if not getattr(codec, "_is_text_encoding", True):
        raise click.BadParameter(
            _("{name} is not a text encoding (utf-8, gb18030, gbk, big5, utf-16 … are)").format(
                name=repr(name)
            ),
            param_hint="--encoding",
        )
    return name


class _FileName(click.Path):
    """A file or folder name; an empty one is refused (it would mean the current folder)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.english_name = self.name  # click's "file", "directory" or "path", from import time

    def convert(self, value, param, ctx):
        """The name, checked; click's messages call it by a word of the present language."""
        self.name = _(self.english_name)
        if value == "":
            self.fail(_("an empty name names no file"), param, ctx)
        return super().convert(value, param, ctx)


encoding_option = click.option(
    "--encoding",
    metavar="NAME",
    callback=_text_encoding,
    help="Decode input with NAME (utf-8, gb18030, gbk, utf-16…) instead of detecting it.",
)


def _glob_patterns(_ctx, _param, patterns: tuple[str, ...]) -> tuple[str, ...]:
    """The patterns of --glob, each one naming files inside a folder input."""
    from pathlib import PurePath

    for pattern in patterns:
        path = PurePath(pattern)
        if not pattern or path.anchor or ".." in path.parts:
            message = _(
                "{pattern}: a pattern chooses files inside each folder given, like *.txt "
                "or 2025/*.txt (not an absolute path, not ..); name other files as inputs"
            )
            raise click.BadParameter(message.format(pattern=repr(pattern)), param_hint="--glob")
    return patterns


class _RuleCodesCommand(_Command):
    """A command whose help ends with the rule codes --ignore takes, read from their tables
    only when help is shown (importing them costs every other run start-up time)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        with formatter.section(_("Rule codes")):
            codes = sorted(_rule_codes(ctx.command.name).items())
            formatter.write_dl([(code, _(meaning)) for code, meaning in codes])


def _rule_codes(command: str | None) -> dict[str, str]:
    if command == "fix":
        from outline2docx.fix import RULES

        return {rule.code: rule.message for rule in RULES}
    from outline2docx.lint import CODES

    return CODES


def _ignored_codes(ctx: click.Context, _param, values: tuple[str, ...]) -> frozenset[str]:
    """The codes of --ignore (repeated, or comma-separated), each one a known rule's."""
    codes = frozenset(code.strip() for value in values for code in value.split(",") if code.strip())
    if not codes:
        return codes
    unknown = sorted(codes - _rule_codes(ctx.command.name).keys())
    if unknown:
        message = _("unknown rule code {codes}; see `outline2docx {command} --help` for the codes")
        raise click.BadParameter(
            message.format(codes=", ".join(unknown), command=ctx.command.name),
            param_hint="--ignore",
        )
    return codes


def _role_overrides(_ctx, _param, values: tuple[str, ...]) -> dict[int, str]:
    """The lines of --role LINE=ROLE, each a line number and a role of text."""
    roles: dict[int, str] = {}
    for value in values:
        line, sep, role = value.partition("=")
        if not sep or not line.strip().isdecimal() or int(line) < 1:
            message = _("{value} is not LINE=ROLE, e.g. 5=title").format(value=repr(value))
            raise click.BadParameter(message, param_hint="--role")
        roles[int(line)] = role.strip()
    if roles:
        from outline2docx.pipeline import role_overrides

        try:
            role_overrides(roles)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--role") from None
    return roles


class _MetaOption(click.Option):
    """--meta, whose help lists the metadata keys from their table when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from outline2docx.tree.meta import FIELD_NAMES

        keys = _(", ").join(dict.fromkeys(FIELD_NAMES))
        record = super().get_help_record(ctx)
        return None if record is None else (record[0], record[1].replace("{keys}", keys))


role_option = click.option(
    "--role",
    "roles",
    multiple=True,
    metavar="LINE=ROLE",
    callback=_role_overrides,
    help="Give line LINE the role ROLE (title, subtitle, body, h2, noise …), overruling the "
    "recognizer; the lines around it are recognized anew (repeatable). `check` lists the "
    "close calls worth a look.",
)

ignore_option = click.option(
    "--ignore",
    "ignored",
    multiple=True,
    metavar="CODE",
    help="Leave out the rule CODE (repeatable, or comma-separated).",
    callback=_ignored_codes,
)


# ---- convert -------------------------------------------------------------------------------


@main.command()
@click.argument("inputs", metavar="IN...", nargs=-1, required=True, type=_FileName(allow_dash=True))
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    type=_FileName(allow_dash=True),
    help="The document (one input), or a folder that mirrors the input folders. "
    "Default: beside each input. - writes standard output.",
)
@click.option(
    "-s",
    "--style",
    default="gbt9704",
    show_default=True,
    metavar="NAME|PATH",
    help="House style: gbt9704 (notices, reports), speech, regulation, or a .toml file.",
)
@encoding_option
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    callback=_glob_patterns,
    help="Files to take from folders (repeatable).  [default: *.txt, *.docx]",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Convert N files at once.  [default: all cores]",
)
@click.option("--skip-existing", is_flag=True, help="Leave documents that already exist alone.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace existing documents, even ones outline2docx did not write.",
)
@click.option("--fix", is_flag=True, help="Apply the safe normalizations of `fix` first.")
@click.option(
    "--renumber",
    is_flag=True,
    help="Renumber headings per level and parent, as `fix --renumber` does.",
)
@click.option("--diff", is_flag=True, help="With --fix or --renumber: show every change on stderr.")
@click.option(
    "--drop-noise",
    is_flag=True,
    help="Leave out web-page residue (each dropped line listed on stderr).",
)
@click.option("--pdf", is_flag=True, help="Also export a PDF through LibreOffice.")
@click.option(
    "--verify",
    is_flag=True,
    help="Check each document's pages as LibreOffice lays them out (see check --render).",
)
@click.option(
    "--layout/--no-layout",
    default=True,
    show_default=True,
    help="Lay each document with an imprint (版记) out in LibreOffice first, to put the "
    "imprint at the foot of its last page, an even one; without it the imprint starts on the "
    "next even page.",
)
@click.option("--plain", is_flag=True, help="Word input: drop bold and italic as well.")
@click.option(
    "--meta",
    "meta",
    cls=_MetaOption,
    multiple=True,
    metavar="KEY=VALUE",
    help="Header and imprint data (repeatable): {keys}. Overrides the file's front matter.",
)
@click.option(
    "--reference-doc",
    type=_FileName(dir_okay=False),
    metavar="ORG.docx",
    help="Take page setup, styles, headers, footers and letterhead from this template.",
)
@role_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def convert(
    inputs,
    output,
    style,
    encoding,
    globs,
    jobs,
    skip_existing,
    force,
    fix,
    renumber,
    diff,
    drop_noise,
    pdf,
    verify,
    layout,
    plain,
    meta,
    reference_doc,
    roles,
    quiet,
) -> None:
    """Convert plain-text drafts into official-format Word documents.

    IN may be files and folders (searched recursively): plain text in any common encoding, or
    Word documents (.docx, restyled into NAME.gw.docx), or - for standard input. Headings,
    run-in leads, title, signature, date and page numbers are set in the house style on the
    GB/T 9704 page (22 lines of 28 characters). Inputs are never changed; each document is
    written whole or not at all, so an interrupted run leaves only complete documents.
    """
    if skip_existing and force:
        _fail(click.UsageError(_("--skip-existing and --force exclude each other")))
    if roles and (len(inputs) > 1 or Path(inputs[0]).is_dir()):
        _fail(click.UsageError(_("--role names lines of one document: give a single input file")))
    edits = {"fix": fix, "renumber": renumber, "diff": diff, "layout": layout}
    settings = _settings(style, encoding, edits, drop_noise, plain, meta, reference_doc, roles)
    if verify:
        _render_checks_available(("-",) if "-" in (output, *inputs) else (), "--verify")
    if pdf:
        from outline2docx.pdf import find_office

        if find_office() is None:
            _fail(
                click.UsageError(
                    _(
                        "--pdf needs LibreOffice "
                        "(Debian/Ubuntu: apt install libreoffice-writer-nogui)"
                    )
                )
            )
    if inputs == ("-",):
        _convert_stream(output or "-", settings)
    elif "-" in inputs:
        _fail(click.UsageError(_("- (standard input) cannot be mixed with files")))
    elif output == "-":
        _convert_to_stdout(inputs, settings, pdf)
    else:
        _convert_files(
            inputs, output, globs, jobs, skip_existing, force, settings, pdf, quiet, verify
        )


def _settings(style, encoding, edits, drop_noise, plain, meta, reference_doc, roles):
    """The run's settings, style and template loaded and checked before any file is read
    (``edits``: the fix, renumber, diff and layout flags)."""
    from outline2docx.pipeline import Settings
    from outline2docx.read.front_matter import parse_meta_option
    from outline2docx.style import load_style

    try:
        given = parse_meta_option(meta)
    except ValueError as exc:
        _fail(click.UsageError(str(exc)))
    template = None
    if reference_doc:  # loaded and checked once, before any file is read
        from outline2docx.render.template import load_template

        template = _guarded(lambda: load_template(Path(reference_doc)))
        for notice in template.notices:  # what was dropped from it, once for the whole run
            click.echo(notice, err=True)
    return Settings(
        style=_guarded(lambda: load_style(style)),  # a bad style stops everything up front
        template=template,
        encoding=encoding,
        **edits,
        drop_noise=drop_noise,
        plain=plain,
        meta=given,
        roles=roles,
    )


def _convert_to_stdout(inputs: tuple[str, ...], settings, pdf: bool) -> None:
    """-o - with a file input: the document goes to standard output, as for standard input."""
    if len(inputs) > 1 or Path(inputs[0]).is_dir():
        _fail(click.UsageError(_("-o - (standard output) holds one document: give one input file")))
    if pdf:
        _fail(click.UsageError(_("--pdf exports a document file: give -o FILE, not -o -")))
    _convert_stream("-", settings, Path(inputs[0]))


def _convert_stream(output: str, settings, source: Path | None = None) -> None:
    """Convert ``source`` (default: standard input) into ``output`` (- for standard output)."""
    from outline2docx.output import write_atomically
    from outline2docx.pipeline import publish

    if output == "-" and sys.stdout.isatty():
        _fail(click.UsageError(_("refusing to write a .docx to a terminal; use -o FILE")))
    if source is None:
        data = _stdin_bytes()
        publication = _guarded(lambda: publish(data, settings, name="<stdin>"))
    else:
        publication = _guarded(lambda: publish(source, settings))
    for note in publication.notes:
        click.echo(note, err=True)
    if output == "-":
        sys.stdout.buffer.write(publication.data)
        sys.stdout.buffer.flush()
    else:
        _guarded(lambda: write_atomically(Path(output), publication.data), writing=output)


def _convert_files(inputs, output, globs, jobs, skip_existing, force, settings, pdf, quiet, verify):
    from outline2docx.batch import DEFAULT_GLOBS, FAILED, plan_batch
    from outline2docx.batch.run import run_batch

    plan = _guarded(
        lambda: plan_batch(inputs, output, globs or DEFAULT_GLOBS, skip_existing, force)
    )
    if not plan.jobs and not plan.decided:
        patterns = ", ".join(globs or DEFAULT_GLOBS)
        _fail(click.UsageError(_("no files matching {patterns}").format(patterns=patterns)))
    show_progress = not quiet and sys.stderr.isatty() and len(plan.jobs) > 1
    interrupted = False
    # Without a terminal there is no bar to draw, and click's progress bar is slow to import.
    bar = (
        click.progressbar(length=len(plan.jobs), label=_("converting"), file=sys.stderr)
        if show_progress
        else contextlib.nullcontext(None)
    )
    with bar as shown:
        on_done = (lambda _: shown.update(1)) if shown is not None else (lambda _: None)
        try:
            outcomes = run_batch(plan.jobs, settings, jobs, on_done=on_done, pdf=pdf)
        except KeyboardInterrupt as stop:
            outcomes, interrupted = getattr(stop, "outcomes", []), True
    outcomes = plan.decided + outcomes
    for outcome in outcomes:
        for note in outcome.notes:
            click.echo(note, err=True)
    _summarize(outcomes, len(plan.jobs), quiet, interrupted)
    if interrupted:
        sys.exit(130)
    failed = [o for o in outcomes if o.status == FAILED]
    found = _verify_converted(outcomes, settings) if verify else 0
    one_file = len(inputs) == 1 and not Path(inputs[0]).is_dir()
    # A batch goes on past a bad file (exit 1); a single input fails with its error's code.
    if failed:
        sys.exit(failed[0].exit_code if one_file else 1)
    sys.exit(1 if found else 0)


def _verify_converted(outcomes, settings) -> int:
    """Check the pages of every converted document (stderr); the number of findings."""
    from outline2docx.batch import CONVERTED
    from outline2docx.pipeline import read
    from outline2docx.verify import check_docx

    total = 0
    for outcome in outcomes:
        if outcome.status != CONVERTED:
            continue
        source, target = outcome.job.source, outcome.job.target
        findings = _guarded(lambda s=source, t=target: check_docx(t, read(s, settings).document))
        for finding in findings.findings:
            click.echo(_finding_line(str(target), finding), err=True)
        total += len(findings.findings)
    return total


def _summarize(outcomes, planned: int, quiet: bool, interrupted: bool) -> None:
    from outline2docx.batch import CONVERTED, FAILED, SKIPPED

    counts = {
        status: sum(o.status == status for o in outcomes) for status in (CONVERTED, SKIPPED, FAILED)
    }
    for outcome in outcomes:
        if outcome.status == FAILED:
            failed = _("{file}: {problem}")
            click.echo(failed.format(file=outcome.job.source, problem=outcome.reason), err=True)
        elif outcome.status == SKIPPED and not quiet:
            skipped = _("{file}: skipped: {reason}")
            click.echo(skipped.format(file=outcome.job.source, reason=outcome.reason), err=True)
    if interrupted:
        message = _("interrupted: {done} of {planned} converted; the rest left untouched")
        click.echo(message.format(done=counts[CONVERTED], planned=planned), err=True)
    elif (not quiet and len(outcomes) > 1) or counts[FAILED]:
        summary = _("{converted} converted, {skipped} skipped, {failed} failed")
        click.echo(summary.format(**counts), err=True)


# ---- check, fix ----------------------------------------------------------------------------


@main.command(cls=_RuleCodesCommand)
@click.argument(
    "files",
    metavar="FILE...",
    nargs=-1,
    required=True,
    type=_FileName(dir_okay=False, allow_dash=True),
)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--render",
    is_flag=True,
    help="Also lay each FILE (.txt or .docx) out through LibreOffice and check its pages.",
)
@ignore_option
@encoding_option
@role_option
def check(files, as_json, render, ignored, encoding, roles) -> None:
    """Report what is wrong with drafts, without writing anything.

    Numbering gaps, repeats and wrong forms, levels out of order, placeholders left in (XXX,
    ×××, ***), half-width punctuation in Chinese text, unbalanced quotes and brackets, web
    residue, dates with leading zeros or in Chinese numerals, and close calls: lines whose
    role another role came close to (settle them with --role LINE=ROLE). Each finding is
    printed as FILE:LINE:COL: warning|error: message [code]; in a Word file LINE counts
    paragraphs. With --render the document is laid out through LibreOffice and its pages
    measured against GB/T 9704 (22 lines of 28 characters, issuer mark, title, page numbers,
    signature, imprint, fonts), each finding printed as FILE:page N: warning: message [code].
    Exit code 1 when anything is found, 2 when a file cannot be read.
    """
    from outline2docx.errors import InputError, Outline2DocxError
    from outline2docx.lint import lint_file

    if roles and len(files) > 1:
        _fail(click.UsageError(_("--role names lines of one document: give a single file")))
    if render:
        _render_checks_available(files)
    results, unreadable = [], 0
    for file in files:
        try:
            stream = sys.stdin.buffer if file == "-" else None
            found = lint_file(file, encoding, stream, roles)
            if render:
                found = found + _rendered_findings(file, encoding, roles)
        except (InputError, Outline2DocxError) as exc:
            unreadable += 1
            problem = getattr(exc, "problem", None) or str(exc)
            click.echo(f"{file}: error: {problem} [unreadable]", err=True)
            continue
        results.append((file, [d for d in found if d.code not in ignored]))
    if as_json:
        import json

        data = [{"file": file, **_finding_fields(d)} for file, found in results for d in found]
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for file, found in results:
            for d in found:
                click.echo(_finding_line(file, d))
    total = sum(len(found) for _file, found in results)
    errors = sum(d.severity == "error" for _file, found in results for d in found)
    if not as_json:
        summary = ngettext(
            "{total} problems ({errors} errors) in {count} file",
            "{total} problems ({errors} errors) in {count} files",
            len(results),
        )
        click.echo(summary.format(total=total, errors=errors, count=len(results)), err=True)
    sys.exit(2 if unreadable else 1 if total else 0)


def _render_checks_available(files, option: str = "--render") -> None:
    """Stop with exit 2 when the rendered checks cannot run: no LibreOffice, or standard input."""
    from outline2docx.verify import unavailable

    if "-" in files:
        message = _("{option} lays out a document file: give its name, not -")
        _fail(click.UsageError(message.format(option=option)))
    if (reason := unavailable(option)) is not None:
        _fail(click.UsageError(reason))


def _rendered_findings(file: str, encoding, roles) -> list:
    """The findings on the pages of ``file`` as LibreOffice lays them out."""
    from outline2docx.pipeline import Settings
    from outline2docx.verify import check_source

    return check_source(Path(file), Settings(encoding=encoding, roles=roles)).findings


def _finding_fields(finding) -> dict:
    """A diagnostic (line, column) or a rendered finding (page) as JSON fields."""
    place = ("page",) if hasattr(finding, "page") else ("line", "column")
    fields = (*place, "severity", "code", "message")
    return {name: getattr(finding, name) for name in fields}


def _finding_line(file: str, finding) -> str:
    """One finding as FILE:LINE:COL: or FILE:page N: severity: message [code]."""
    if hasattr(finding, "page"):
        place = f"page {finding.page}"  # like "warning": the same in every language, for tools
    else:
        place = f"{finding.line}:{finding.column}"
    colour = "red" if finding.severity == "error" else "yellow"
    return (
        f"{click.style(file, bold=True)}:{place}: "
        f"{click.style(finding.severity, fg=colour, bold=True)}: {finding.message} "
        f"[{click.style(finding.code, fg='cyan')}]"
    )


@main.command(cls=_RuleCodesCommand)
@click.argument("file", type=_FileName(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    metavar="OUT.txt",
    type=_FileName(dir_okay=False, allow_dash=True),
    help="Write the fixed text here (default: standard output).",
)
@click.option("--diff", is_flag=True, help="Show the changes as a diff; write nothing.")
@click.option(
    "--renumber",
    is_flag=True,
    help="Also renumber headings: each level from 1 under its parent and in each attachment.",
)
@ignore_option
@encoding_option
def fix(file, output, diff, renumber, ignored, encoding) -> None:
    """Apply the safe normalizations of GB/T 9704 §5–§6 to FILE.

    Punctuation width in Chinese text, straight quotes to “ ” ‘ ’, numbering forms
    (（一）、 to （一）, 1、 to 1.), 〔〕 around the year of document numbers, —— and ……,
    full-width letters and digits. Decimals, times, URLs and Latin text stay as they are.
    --renumber rewrites heading numbers (一、 （一） 1. （1） ①, 第X章/节/条, 一是) so that each
    level counts from 1 under its parent and in each attachment; only the number changes,
    its form stays. The input is never changed; -o writes in the input's encoding, line
    breaks kept (GB2312 and GBK as GB18030, their superset, when a fix adds a character they
    lack).
    """
    from outline2docx.errors import InputError
    from outline2docx.fix import fix_text, unified_diff
    from outline2docx.output import write_atomically
    from outline2docx.read.bounded import read_file
    from outline2docx.read.decoding import decode

    name = "<stdin>" if file == "-" else file
    if output and file != "-" and Path(output).exists() and Path(output).samefile(file):
        message = _("-o {output} is the input, which fix never changes")
        _fail(click.UsageError(message.format(output=output)))
    try:
        data = _stdin_bytes() if file == "-" else read_file(Path(file), name)
        decoded = decode(data, name, encoding)
    except InputError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(InputError(name, exc.strerror or str(exc)))
    fixed, changes, changed_lines = fix_text(decoded.text, ignored)
    if renumber:
        fixed, changes, changed_lines = _renumbered(decoded.text, fixed, changes, name)
    if diff:
        if changed_lines:
            click.echo(unified_diff(name, changed_lines))
        message = _("{changes} changes on {lines} lines")
        click.echo(message.format(changes=len(changes), lines=len(changed_lines)), err=True)
    elif output and output != "-":  # - is standard output, as without -o
        data = _encoded_fix(fixed, decoded.encoding, output)
        _guarded(lambda: write_atomically(Path(output), data), writing=output)
    else:
        click.echo(fixed, nl=False)


def _renumbered(text: str, fixed: str, changes: list, name: str) -> tuple[str, list, list]:
    """The fixed text renumbered, all changes, and each changed line against ``text``."""
    from outline2docx.fix.renumber import changed_lines, renumber_text

    renumbered, renumberings, _lines = _guarded(lambda: renumber_text(fixed, name))
    return renumbered, changes + renumberings, changed_lines(text, renumbered)


# Encodings a fix may need to widen (—— and “” are not in GB2312), and the superset that
# keeps every byte the narrower one wrote.
WIDER_ENCODING = {"gb2312": "gb18030", "gbk": "gb18030"}


def _encoded_fix(fixed: str, encoding: str, output: str) -> bytes:
    """The fixed text in the input's encoding; in its superset (with a note) if it needs more."""
    import codecs

    try:
        return fixed.encode(encoding)
    except UnicodeEncodeError as exc:
        char, line = fixed[exc.start], fixed.count("\n", 0, exc.start) + 1
        what = _("{encoding} cannot hold {char} (U+{code:04X}, line {line})").format(
            encoding=encoding, char=repr(char), code=ord(char), line=line
        )
    except UnicodeError as exc:  # codecs such as idna fail in their own ways
        what = _("{encoding} cannot hold the fixed text ({error})").format(
            encoding=encoding, error=exc
        )
    wider = WIDER_ENCODING.get(codecs.lookup(encoding).name)
    if wider is None:
        message = _("{output}: {what}: nothing written; leave out -o to print the text as UTF-8")
        _fail(click.UsageError(message.format(output=output, what=what)))
    note = _("outline2docx: note: {output}: written in {encoding}, since {what}")
    click.echo(note.format(output=output, encoding=wider, what=what), err=True)
    return fixed.encode(wider)


# ---- look at a document --------------------------------------------------------------------


@main.command()
@click.argument("file", type=_FileName(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print every line's role plus the tree.")
@encoding_option
@role_option
def parse(file: str, as_json: bool, encoding: str | None, roles: dict[int, str]) -> None:
    """Recognize the structure of FILE and print an outline preview (nothing is written).

    The encoding is detected (BOM, UTF-8, then GB18030/GBK) unless --encoding is given.
    FILE may be - for standard input. With --json every line comes with its role, the
    confidence of that role and the runner-up role. Exit code 2 when FILE cannot be read.
    """
    document = _read(file, encoding, roles)
    if as_json:
        import json

        from outline2docx.tree.serialize import document_to_dict

        click.echo(json.dumps(document_to_dict(document), ensure_ascii=False, indent=1))
    else:
        from outline2docx.preview import outline

        click.echo(outline(document))


@main.command()
@click.argument("file", type=_FileName(dir_okay=False, allow_dash=True))
@encoding_option
@role_option
def tree(file: str, encoding: str | None, roles: dict[int, str]) -> None:
    """Show FILE's document tree: every paragraph with its line number and role.

    A close call shows its confidence and the role that came closest: "(0.62, or subtitle?)".
    """
    from outline2docx.preview import tree as draw

    click.echo(draw(_read(file, encoding, roles)))


# ---- house styles --------------------------------------------------------------------------


@main.group()
def styles() -> None:
    """List, show and start house styles (TOML files; see README)."""


@styles.command("list")
def styles_list() -> None:
    """The built-in house styles."""
    from outline2docx.style import DEFAULT_STYLE, builtin_styles, load_style
    from outline2docx.style.descriptions import shown_description

    for name in builtin_styles():
        mark = _(" (default)") if name == DEFAULT_STYLE else ""
        click.echo(f"{name:12s} {shown_description(name, load_style(name))}{mark}")


@styles.command("show")
@click.argument("name")
def styles_show(name: str) -> None:
    """Print the style file NAME (a built-in name or a path)."""
    from outline2docx.style import StyleError, style_text

    try:
        click.echo(style_text(name), nl=False)
    except StyleError as exc:
        _fail(exc)


@styles.command("init")
@click.argument("new")
@click.option(
    "--from",
    "base",
    default="gbt9704",
    show_default=True,
    metavar="NAME",
    help="The style to start from.",
)
@click.option(
    "--from-docx",
    "sample",
    type=_FileName(dir_okay=False, exists=True),
    metavar="SAMPLE.docx",
    help="Learn the style from a finished Word document: page, fonts, sizes, indents and "
    "spacing by role; extends the closest built-in style unless --from names one.",
)
@click.pass_context
def styles_init(ctx: click.Context, new: str, base: str, sample: str | None) -> None:
    """Write NEW.toml, a style that extends --from and overrides nothing yet.

    With --from-docx it overrides what the sample document shows: what it cannot tell (roles
    it lacks, values its paragraphs disagree on) is left to the parent and said on stderr.
    """
    from outline2docx.output import write_atomically
    from outline2docx.style import StyleError, load_style, starter_style

    target = Path(new if new.endswith(".toml") else f"{new}.toml")
    if target.exists():
        _fail(click.UsageError(_("{file} exists; choose another name").format(file=target)))
    try:
        load_style(base)
    except StyleError as exc:
        _fail(exc)
    text = starter_style(base)
    if sample:
        from outline2docx.style.learn import learn_style

        chosen = ctx.get_parameter_source("base") != click.core.ParameterSource.DEFAULT
        learned = _guarded(lambda: learn_style(Path(sample), base if chosen else None))
        for note in learned.notes:
            click.echo(note, err=True)
        text = learned.text
    _guarded(lambda: write_atomically(target, text.encode("utf-8")), writing=target)
    wrote = _("wrote {file}: edit it, then convert with --style {file}")
    click.echo(wrote.format(file=target), err=True)


# ---- the web workbench ---------------------------------------------------------------------


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
def serve(host: str, port: int, open_browser: bool) -> None:
    """Serve the workbench page: paste or drop drafts, see their roles, download .docx.

    Listens on this computer only unless --host says otherwise (e.g. 0.0.0.0 for an office
    network). Needs the web extra: pip install 'outline2docx[web]'.
    """
    try:
        from outline2docx.web import run
    except ImportError:
        _fail(click.UsageError(_("serve needs the web extra: pip install 'outline2docx[web]'")))
    run(host, port, open_browser)


# ---- helpers -------------------------------------------------------------------------------


def _read(file: str, encoding: str | None, roles: dict[int, str] | None = None):
    """Parse FILE (or standard input for -); exit with the error's code if it cannot be read."""
    from outline2docx.pipeline import Settings, read

    settings = Settings(encoding=encoding, roles=roles)
    if file == "-":
        data = _stdin_bytes()
        return _guarded(lambda: read(data, settings, name="<stdin>")).document
    return _guarded(lambda: read(Path(file), settings)).document


def _stdin_bytes() -> bytes:
    """Standard input, read with the same ceiling as files."""
    from outline2docx.read.bounded import read_stream

    return _guarded(lambda: read_stream(sys.stdin.buffer, "<stdin>"))


def _guarded(action, writing: str | Path | None = None):
    """Run ``action``; report an outline2docx error or an OSError and exit with its code."""
    from outline2docx.errors import Outline2DocxError

    try:
        return action()
    except Outline2DocxError as exc:
        _fail(exc)
    except OSError as exc:
        where = _("{file}: cannot write").format(file=writing) if writing else str(exc.filename)
        _fail(Outline2DocxError(f"{where}: {exc.strerror or exc}"))


def _fail(exc: Exception) -> NoReturn:
    code = getattr(exc, "exit_code", 1)
    if isinstance(exc, click.UsageError):
        code, exc = 2, exc.message
    click.echo(_("outline2docx: error: {message}").format(message=exc), err=True)
    sys.exit(code)
