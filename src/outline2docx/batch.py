"""Converting many files: plan inputs to outputs, convert in parallel, report every outcome.

A batch never stops at a bad file and never touches its inputs. Every output is written
through a temporary file and a rename, so an interrupted batch leaves only whole documents.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from outline2docx.errors import Outline2DocxError, UsageProblem
from outline2docx.parse import DOCX_SUFFIXES
from outline2docx.read.lines import SourceText
from outline2docx.render.style import HouseStyle
from outline2docx.tree.nodes import Document

if TYPE_CHECKING:
    from concurrent.futures import Future

DEFAULT_GLOBS = ("*.txt", "*.docx")
DOCX_OUTPUT_SUFFIX = ".gw.docx"  # a restyled Word file never takes its input's name
CONVERTED, SKIPPED, FAILED = "converted", "skipped", "failed"


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and the document it becomes."""

    source: Path
    target: Path


@dataclass(frozen=True, slots=True)
class Options:
    """What every conversion of a batch does besides parsing and rendering."""

    style: str = "gbt9704"
    encoding: str | None = None
    fix: bool = False
    diff: bool = False  # with fix: a unified diff of the changes in the notes
    drop_noise: bool = False
    pdf: bool = False
    plain: bool = False  # Word input: drop bold and italic too
    meta: tuple[tuple[str, str], ...] = ()  # --meta: header and imprint data
    reference_doc: str | None = None  # an organization's template to pour the text into
    roles: tuple[tuple[int, str], ...] = ()  # --role: line numbers and the roles a user gave


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one job, with the reason when it was skipped or failed."""

    job: Job
    status: str
    reason: str = ""
    notes: tuple[str, ...] = ()  # lines for stderr: dropped noise, applied fixes


@dataclass(slots=True)
class Plan:
    """The jobs to run and the outcomes already decided (skipped, refused) before running."""

    jobs: list[Job] = field(default_factory=list)
    decided: list[Outcome] = field(default_factory=list)


# ---- planning ------------------------------------------------------------------------------


def plan_batch(
    inputs: Iterable[str | Path],
    output: str | Path | None = None,
    globs: Iterable[str] = DEFAULT_GLOBS,
    skip_existing: bool = False,
    force: bool = False,
) -> Plan:
    """Expand files and folders into jobs; decide collisions and existing outputs up front.

    Without ``output`` each document goes beside its input. With ``output`` naming a folder
    (or with several inputs, or a folder input) the folder structure below each folder input
    is mirrored there; with one file input, ``output`` may name the document itself.
    """
    inputs = [Path(i) for i in inputs]
    globs = tuple(globs)
    out = Path(output) if output is not None else None
    # -o names the document itself only for one file input and a name ending in .docx
    many = len(inputs) > 1 or inputs[0].is_dir()
    names_document = out is not None and out.suffix.lower() == ".docx" and not out.is_dir()
    if many and names_document:
        given = f"{len(inputs)} inputs need" if len(inputs) > 1 else f"folder {inputs[0]} needs"
        raise UsageProblem(f"-o {out} names one document, but {given} an output folder")
    into_folder = out is not None and not names_document
    plan = Plan()
    owners: dict[Path, Path] = {}
    for source, relative in _expand(inputs, globs, plan):
        if out is None:
            target = output_name(source)
        elif into_folder:
            target = out / output_name(relative)
        else:
            target = out
        job = Job(source, target)
        if _identity(target) == _identity(source):
            plan.decided.append(Outcome(job, FAILED, "the output would replace the input"))
            continue
        key = _identity(target)
        if key in owners:
            plan.decided.append(Outcome(job, FAILED, f"same output {target} as {owners[key]}"))
            continue
        owners[key] = source
        if target.exists():
            if skip_existing:
                plan.decided.append(Outcome(job, SKIPPED, f"{target} exists"))
                continue
            if not force and not written_by_us(target):
                reason = f"{target} exists and was not written by outline2docx; use --force"
                plan.decided.append(Outcome(job, FAILED, reason))
                continue
        plan.jobs.append(job)
    return plan


def output_name(source: Path) -> Path:
    """The document a source becomes: notice.txt -> notice.docx, report.docx -> report.gw.docx."""
    if source.suffix.lower() in DOCX_SUFFIXES:
        return source.with_name(source.stem + DOCX_OUTPUT_SUFFIX)
    return source.with_suffix(".docx")


def _expand(inputs: list[Path], globs: tuple[str, ...], plan: Plan) -> Iterator[tuple[Path, Path]]:
    for given in inputs:
        if given.is_dir():
            found = sorted({p for pattern in globs for p in given.rglob(pattern) if p.is_file()})
            for path in found:
                if path.name.startswith("~$") or path.name.endswith(DOCX_OUTPUT_SUFFIX):
                    continue  # Word's lock files, and documents restyled before
                if path.suffix.lower() == ".docx" and written_by_us(path):
                    continue  # a document a previous run wrote is an output, not an input
                yield path, path.relative_to(given)
        elif given.exists():
            yield given, Path(given.name)
        else:
            plan.decided.append(Outcome(Job(given, given), FAILED, "no such file or folder"))


def _identity(path: Path) -> Path:
    return Path(os.path.normcase(os.path.abspath(path)))


def written_by_us(path: Path) -> bool:
    """True if ``path`` is a .docx that outline2docx wrote (so replacing it loses nothing)."""
    try:
        with zipfile.ZipFile(path) as package:
            return b"<Application>outline2docx" in package.read("docProps/app.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


# ---- converting one file -------------------------------------------------------------------


@lru_cache(maxsize=8)
def house_style(name: str) -> HouseStyle:
    """A house style loaded once per process (a batch converts many files with one style)."""
    from outline2docx.render.style import load_style

    return load_style(name)


def convert_job(job: Job, options: Options) -> Outcome:
    """Convert one file; any failure becomes an Outcome, never an exception."""
    try:
        return Outcome(job, CONVERTED, notes=_convert(job, options))
    except Outline2DocxError as exc:
        return Outcome(job, FAILED, getattr(exc, "problem", None) or str(exc))
    except OSError as exc:  # inputs are read by read_source, so this is the output
        return Outcome(job, FAILED, f"{job.target}: cannot write: {exc.strerror or exc}")
    except Exception as exc:  # a bug must not stop the rest of the batch
        return Outcome(job, FAILED, f"internal error: {type(exc).__name__}: {exc}")


def _convert(job: Job, options: Options) -> tuple[str, ...]:
    from outline2docx.output import write_atomically
    from outline2docx.read.lines import read_source

    if job.source.suffix.lower() in DOCX_SUFFIXES:
        document, notes = prepare_word(job.source, str(job.source), options)
    else:
        source = read_source(job.source, encoding=options.encoding)
        document, notes = prepare_document(source, options)
    data = document_bytes(document, options)
    job.target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(job.target, data)
    if options.pdf:
        from outline2docx.pdf import export_pdf

        export_pdf(job.target)
    return notes


def prepare_word(
    source: Path | bytes, label: str, options: Options
) -> tuple[Document, tuple[str, ...]]:
    """Read a Word file, fix its text (with --fix, before it is classified) and parse it."""
    from outline2docx.parse import document_of_items
    from outline2docx.read.docx_input import fix_items, read_docx

    items = read_docx(source, label, options.plain)
    notes: list[str] = []
    if options.fix:
        changed = fix_items(items)
        if options.diff and changed:
            from outline2docx.fix import unified_diff

            notes.append(unified_diff(label, changed))
    document, more = finish_document(document_of_items(items, label, dict(options.roles)), options)
    return document, (*notes, *more)


def document_bytes(document: Document, options: Options) -> bytes:
    """The .docx of a prepared document: rendered in the style, poured into the template."""
    from outline2docx.render.package import render_docx

    template = None
    if options.reference_doc:
        from outline2docx.render.template import cached_template

        template = cached_template(Path(options.reference_doc))
    return render_docx(document, house_style(options.style), template)


def prepare_document(source: SourceText, options: Options) -> tuple[Document, tuple[str, ...]]:
    """Fix (with --fix), parse and drop noise (with --drop-noise); notes say what changed."""
    from outline2docx.parse import parse_source

    notes: list[str] = []
    if options.fix:
        from outline2docx.fix import fix_source, unified_diff

        fixed, changes = fix_source(source)
        if options.diff and changes:
            lines = zip(source.lines, fixed.lines, strict=True)
            pairs = [(new.number, old.text, new.text) for old, new in lines if old != new]
            notes.append(unified_diff(source.source, pairs))
        source = fixed
    document, more = finish_document(parse_source(source, dict(options.roles)), options)
    return document, (*notes, *more)


def finish_document(document: Document, options: Options) -> tuple[Document, tuple[str, ...]]:
    """Apply --meta and --drop-noise to a parsed document; notes list what was dropped."""
    if options.meta:
        from outline2docx.tree.meta import apply_meta

        document.meta.update(options.meta)
        apply_meta(document)
    notes = []
    if options.drop_noise:
        from outline2docx.tree.edit import drop_noise

        for paragraph in drop_noise(document):
            notes.append(
                f"{document.source}:{paragraph.line}: dropped web residue: {paragraph.text}"
            )
    return document, tuple(notes)


# ---- running -------------------------------------------------------------------------------


def run_batch(
    jobs: list[Job],
    options: Options,
    workers: int | None = None,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Convert ``jobs`` with ``workers`` processes (default: all cores), in input order.

    SIGINT and SIGTERM stop the batch: conversions not yet started are cancelled, the ones
    under way finish (each writes whole or not at all), and KeyboardInterrupt is raised with
    the outcomes so far in its ``outcomes`` attribute.
    """
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    outcomes: dict[Job, Outcome] = {}
    with _signals_interrupt():
        try:
            if workers == 1:
                for job in jobs:
                    outcomes[job] = convert_job(job, options)
                    on_done(outcomes[job])
            else:
                _run_pool(jobs, options, workers, outcomes, on_done)
        except KeyboardInterrupt as interrupt:
            interrupt.outcomes = [outcomes[j] for j in jobs if j in outcomes]  # type: ignore[attr-defined]
            raise
    return [outcomes[job] for job in jobs]


def _run_pool(jobs, options, workers, outcomes, on_done) -> None:
    # Imported here: a single file never needs a pool, and these imports cost start-up time.
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_signals)
    try:
        pending: dict[Future, Job] = {}
        queue = iter(jobs)
        # Keep a few jobs per worker in flight rather than all: an interrupt then has little
        # to cancel, and memory stays flat for large batches.
        for job in _take(queue, workers * 4):
            pending[pool.submit(convert_job, job, options)] = job
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                outcomes[job] = _result(future, job)
                on_done(outcomes[job])
                for following in _take(queue, 1):
                    pending[pool.submit(convert_job, following, options)] = following
    except KeyboardInterrupt:
        pool.shutdown(wait=True, cancel_futures=True)
        for future, job in pending.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                outcomes[job] = future.result()
        raise
    pool.shutdown(wait=True)


def _result(future: Future, job: Job) -> Outcome:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return Outcome(job, FAILED, "conversion stopped: its worker process ended")


def _take(iterator: Iterator[Job], count: int) -> list[Job]:
    return list(itertools.islice(iterator, count))


def _worker_signals() -> None:
    # The parent decides what an interrupt means; a worker told to stop (SIGTERM) unwinds,
    # so the temporary file of a document being written is removed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_signal)


def _exit_on_signal(signum, frame) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """Within this block SIGTERM raises KeyboardInterrupt, like SIGINT does."""
    # Signal handlers can only be set from the main thread; elsewhere the caller decides.
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
