"""Planning a batch: inputs (files and folders) to jobs, collisions decided before any work.

A batch never touches its inputs: an output that would replace an input (even with --force),
two inputs with one output, and documents outline2docx did not write are refused up front,
each as a failed job while the rest of the batch goes on.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from outline2docx.errors import UsageProblem
from outline2docx.i18n import _, ngettext
from outline2docx.pipeline import DOCX_SUFFIXES

DEFAULT_GLOBS = ("*.txt", "*.docx")
DOCX_OUTPUT_SUFFIX = ".gw.docx"  # a restyled Word file never takes its input's name
CONVERTED, SKIPPED, FAILED = "converted", "skipped", "failed"


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and the document it becomes."""

    source: Path
    target: Path


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one job, with the reason when it was skipped or failed."""

    job: Job
    status: str
    reason: str = ""
    notes: tuple[str, ...] = ()  # lines for stderr: dropped noise, applied fixes
    exit_code: int = 1  # of a failure: 2 for bad input (the code a single input exits with)


@dataclass(slots=True)
class Plan:
    """The jobs to run and the outcomes already decided (skipped, refused) before running."""

    jobs: list[Job] = field(default_factory=list)
    decided: list[Outcome] = field(default_factory=list)


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
        if len(inputs) > 1:
            message = ngettext(
                "-o {output} names one document, but {count} input needs an output folder",
                "-o {output} names one document, but {count} inputs need an output folder",
                len(inputs),
            )
        else:
            message = _(
                "-o {output} names one document, but folder {folder} needs an output folder"
            )
        raise UsageProblem(message.format(output=out, count=len(inputs), folder=inputs[0]))
    into_folder = out is not None and not names_document
    plan = Plan()
    owners: dict[Path, Path] = {}
    found = list(_expand(inputs, globs, plan))
    is_input = _InputIndex([source for source, _relative in found])
    for source, relative in found:
        if out is None:
            target = output_name(source)
        elif into_folder:
            target = out / output_name(relative)
        else:
            target = out
        job = Job(source, target)
        if is_input(target):  # it would be replaced before (or after) it is read, even --force
            reason = _("its document {file} is also an input: refused (rename one of them)")
            plan.decided.append(Outcome(job, FAILED, reason.format(file=target), exit_code=2))
            continue
        key = _identity(target)
        if key in owners:
            reason = _("same output {file} as {other}").format(file=target, other=owners[key])
            plan.decided.append(Outcome(job, FAILED, reason))
            continue
        owners[key] = source
        if target.exists():
            if skip_existing:
                plan.decided.append(Outcome(job, SKIPPED, _("{file} exists").format(file=target)))
                continue
            if not force and not written_by_us(target):
                reason = _("{file} exists and was not written by outline2docx; use --force")
                plan.decided.append(Outcome(job, FAILED, reason.format(file=target)))
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
            plan.decided.append(
                Outcome(Job(given, given), FAILED, _("no such file or folder"), exit_code=2)
            )


def _identity(path: Path) -> Path:
    return Path(os.path.normcase(os.path.abspath(path)))


class _InputIndex:
    """Tells whether a path is one of the inputs: by name, through symlinks, or by hard link."""

    def __init__(self, sources: list[Path]) -> None:
        self.names = {name for source in sources for name in _names(source)}
        self.files = {key for source in sources if (key := _file_key(source))}

    def __call__(self, path: Path) -> bool:
        """True if ``path`` names one of the inputs, or a file that is one of them."""
        if any(name in self.names for name in _names(path)):
            return True
        key = _file_key(path)
        return key is not None and key in self.files


def _names(path: Path) -> tuple[Path, Path]:
    return _identity(path), _identity(Path(os.path.realpath(path)))


def _file_key(path: Path) -> tuple[int, int] | None:
    # os.path.samefile's test, kept as a key so that each output is one look-up.
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def written_by_us(path: Path) -> bool:
    """True if ``path`` is a .docx that outline2docx wrote (so replacing it loses nothing)."""
    try:
        with zipfile.ZipFile(path) as package:
            return b"<Application>outline2docx" in package.read("docProps/app.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
