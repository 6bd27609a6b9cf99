"""The work one request does, through the one pipeline; run in a worker process.

Every job gets plain, picklable data (a Job) and gives back plain data or a Failure: errors
never cross the process boundary as exceptions, so none of them can turn into a traceback.
Each job works in a temporary folder of its own, removed when it ends, whatever happens.
"""

from __future__ import annotations

import base64
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from outline2docx.errors import Outline2DocxError
from outline2docx.i18n import _
from outline2docx.pipeline import DOCX_SUFFIXES, ZIP_SIGNATURE, Draft, Settings, read, write

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PREVIEW_PAGES = 12  # page images a preview returns at most
PREVIEW_DPI = 60  # an A4 page about 500 px wide: sharp enough beside the lines
OFFICE_TIMEOUT = 90.0  # seconds LibreOffice may take for one document
# The address space a worker may take: uploads are untrusted, and the package limits keep
# the worst accepted one near 0.5 GB. LibreOffice, which a worker starts, is not held to it.
WORKER_MEMORY = 2 * 2**30  # bytes
SCRATCH_PREFIX = "outline2docx-web-"


@dataclass(frozen=True, slots=True)
class Source:
    """One document a user gave: pasted text, or an uploaded file's bytes."""

    name: str
    text: str | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class Options:
    """What every document of a request is converted with (the page's settings)."""

    style: str = "gbt9704"  # a built-in style's name
    style_toml: bytes | None = None  # an uploaded house style, instead of ``style``
    template: bytes | None = None  # an uploaded template .docx
    meta: dict[str, str] = field(default_factory=dict)  # 发文字号=… as the form gives them
    fix: bool = False  # apply the safe normalizations of `fix` first
    drop_noise: bool = True  # leave web-page residue out of the document (never out of the view)
    scratch: str | None = None  # where temporary folders go (None: the system's)
    timeout: float | None = None  # seconds a job may take before it is stopped
    language: str = "zh"  # of the findings and errors: the page's language ("zh" or "en")


@dataclass(frozen=True, slots=True)
class Job:
    """One document and everything needed to read, check or convert it."""

    source: Source
    options: Options
    roles: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    """What went wrong, in one line for the user, and the HTTP status that says so."""

    message: str
    status: int = 422


@dataclass(frozen=True, slots=True)
class Converted:
    """A finished document: its download name, the .docx, and the PDF when asked for."""

    name: str
    docx: bytes
    pdf: bytes | None = None


# ---- jobs (module-level functions, so a process pool can run them) --------------------------


def analyze(job: Job) -> dict[str, Any] | Failure:
    """The parse JSON, outline, close calls and check findings of one document."""
    return _guarded(job, _analyze)


def convert(job: Job, pdf: bool = False) -> Converted | Failure:
    """The .docx of one document (and its PDF when ``pdf``)."""
    return _guarded(job, lambda j, folder: _convert(j, folder, pdf))


def preview(job: Job) -> dict[str, Any] | Failure:
    """Images of the document's pages as LibreOffice renders them (PNG data URLs)."""
    return _guarded(job, _preview)


def start_worker(memory: int = WORKER_MEMORY) -> None:
    """A worker's start: its memory ceiling, then what every job needs, imported."""
    from outline2docx.pdf import limit_memory

    limit_memory(memory)
    warm_up()


def warm_up() -> None:
    """Import what every job needs, once per worker, before any job's time starts to run."""
    import outline2docx.lint
    import outline2docx.recognize
    import outline2docx.render.package
    import outline2docx.transforms
    import outline2docx.tree.serialize  # noqa: F401

    _builtin_style("gbt9704")


def office_available() -> bool:
    """True when LibreOffice and pdftoppm are both installed (previews and PDFs work)."""
    from shutil import which

    from outline2docx.pdf import find_office

    return find_office() is not None and which("pdftoppm") is not None


# ---- the work ----------------------------------------------------------------------------


def _analyze(job: Job, folder: Path) -> dict[str, Any]:
    from outline2docx.lint import lint
    from outline2docx.tree.checks import is_close_call
    from outline2docx.tree.serialize import document_to_dict

    # The view keeps the noise lines, struck through, so a user can give them another role.
    draft = _read(job, replace(_settings(job, folder), drop_noise=False))
    document = draft.document
    findings = lint(draft.lines, document)
    return {
        "document": document_to_dict(document),
        "outline": list(_outline(document.children, 0)),
        "close_calls": [p.line for p in document.paragraphs() if is_close_call(p)],
        "findings": [_finding(d) for d in findings],
        "notes": list(draft.notes),
    }


def _convert(job: Job, folder: Path, pdf: bool) -> Converted:
    settings = _settings(job, folder)
    docx = write(_read(job, settings).document, settings)
    name = download_name(job.source.name)
    return Converted(name, docx, _pdf_of(docx, folder, name) if pdf else None)


def _preview(job: Job, folder: Path) -> dict[str, Any]:
    settings = _settings(job, folder)
    docx = write(_read(job, settings).document, settings)
    pdf = _export(docx, folder, "preview.docx")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(PREVIEW_DPI), "-l", str(PREVIEW_PAGES), pdf, folder / "p"],
        check=True,
        capture_output=True,
        timeout=OFFICE_TIMEOUT,
    )
    pages = sorted(folder.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return {"pages": [_data_url(p.read_bytes()) for p in pages]}


def _read(job: Job, settings: Settings) -> Draft:
    from outline2docx.pipeline import read_string, read_text, read_word

    source = job.source
    if source.text is not None:  # never a path: pasted text is only ever text
        return read(source.text, settings, name=source.name, reader=read_string)
    is_word = Path(source.name).suffix.lower() in DOCX_SUFFIXES or source.data.startswith(
        ZIP_SIGNATURE
    )
    return read(source.data, settings, name=source.name, reader=read_word if is_word else read_text)


def _settings(job: Job, folder: Path) -> Settings:
    from outline2docx.tree.meta import meta_from_pairs

    options = job.options
    given = {key: value for key, value in options.meta.items() if value.strip()}
    return Settings(
        style=_style(options, folder),
        template=_template(options, folder),
        meta=meta_from_pairs(given),
        fix=options.fix,
        drop_noise=options.drop_noise,
        roles=job.roles,
    )


def _style(options: Options, folder: Path):
    from outline2docx.style import StyleError, builtin_styles, load_style

    if options.style_toml is None:
        if options.style not in builtin_styles():
            raise StyleError(_("no built-in house style {name}").format(name=repr(options.style)))
        return _builtin_style(options.style)
    _refuse_foreign_extends(options.style_toml)
    path = folder / "style.toml"
    path.write_bytes(options.style_toml)
    return load_style(path)


@lru_cache(maxsize=8)
def _builtin_style(name: str):
    from outline2docx.style import load_style

    return load_style(name)


def _refuse_foreign_extends(data: bytes) -> None:
    # An uploaded style naming a path in `extends` would read files of the server's.
    from outline2docx.style import StyleError, builtin_styles

    try:
        parent = tomllib.loads(data.decode("utf-8")).get("extends")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        message = _("style.toml: not a valid TOML house style: {problem}")
        raise StyleError(message.format(problem=exc)) from None
    if parent is not None and parent not in builtin_styles():
        message = _("style.toml: an uploaded style may extend only a built-in one ({names})")
        raise StyleError(message.format(names=_(", ").join(builtin_styles())))


def _template(options: Options, folder: Path):
    from outline2docx.render.template import load_template

    if options.template is None:
        return None
    path = folder / "template.docx"
    path.write_bytes(options.template)
    return load_template(path)


def _pdf_of(docx: bytes, folder: Path, name: str) -> bytes:
    return _export(docx, folder, name).read_bytes()


def _export(docx: bytes, folder: Path, name: str) -> Path:
    from outline2docx.pdf import export_pdf

    target = folder / "out" / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(docx)
    return export_pdf(target, timeout=OFFICE_TIMEOUT)


# ---- shaping results -----------------------------------------------------------------------


OUTSIDE_OUTLINE = frozenset({"body", "runin", "noise"})  # roles (str-valued) the outline skips


def _outline(blocks: list, depth: int) -> Iterator[dict[str, Any]]:
    """Headings and document parts (not body text), nested as in the tree."""
    from outline2docx.tree.nodes import Paragraph, Section

    for block in blocks:
        if isinstance(block, Section):
            yield _entry(block.heading, depth)
            yield from _outline(block.children, depth + 1)
        elif isinstance(block, Paragraph) and block.role not in OUTSIDE_OUTLINE:
            yield _entry(block, depth)


def _entry(paragraph, depth: int) -> dict[str, Any]:
    return {
        "line": paragraph.line,
        "role": paragraph.role.value,
        "text": paragraph.text,
        "depth": depth,
    }


def _finding(diagnostic) -> dict[str, Any]:
    names = ("line", "column", "severity", "code", "message")
    return {name: getattr(diagnostic, name) for name in names}


def _data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def download_name(name: str, suffix: str = ".docx") -> str:
    """The name of a source's document: its stem with ``suffix`` (a Word source: NAME.gw)."""
    path = Path(name)
    stem = path.stem + (".gw" if path.suffix.lower() in DOCX_SUFFIXES else "")
    return (stem or "document") + suffix


# ---- the guard every job runs in --------------------------------------------------------


def _guarded(job: Job, work: Callable[[Job, Path], Any]) -> Any:
    """``work`` in a fresh temporary folder; an error becomes a Failure, the folder goes."""
    from outline2docx.i18n import use

    use(job.options.language)  # a worker runs one job at a time: the language is the job's
    folder = None
    try:
        with (
            _time_limit(job.options.timeout),
            tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=job.options.scratch) as folder,
        ):
            return work(job, Path(folder))
    except JobTimeout:
        message = _("{file}: took longer than {seconds:g} s; stopped")
        return Failure(message.format(file=job.source.name, seconds=job.options.timeout))
    except MemoryError:
        message = _("{file}: needs more memory than a document may take here; stopped")
        return Failure(message.format(file=job.source.name), 413)
    except Outline2DocxError as exc:
        return Failure(_without(str(exc), folder))
    except ValueError as exc:  # a role or metadata key that is none
        return Failure(_without(str(exc), folder), 400)
    except subprocess.SubprocessError:
        return Failure(_("pdftoppm could not draw the pages of the preview"))
    except OSError as exc:
        problem = _("cannot process the file: {problem}").format(problem=exc.strerror or exc)
        return Failure(_without(problem, folder))


class JobTimeout(Exception):
    """A job ran past its time limit."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Stop the job after ``seconds`` (a worker runs jobs in its main thread, so an alarm can),
    freeing the worker for the next one; elsewhere the caller's own timeout must do."""
    usable = seconds and hasattr(signal, "setitimer")
    if not usable or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise JobTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _without(message: str, folder: str | None) -> str:
    """The message with the temporary folder's path taken out: users know only their names."""
    if folder:
        message = message.replace(f"{folder}/out/", "").replace(f"{folder}/", "")
    return (message.splitlines() or ["the file could not be processed"])[0]
