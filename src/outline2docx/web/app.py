"""The workbench's routes: the page, its settings, and the API a request of the page calls.

Uploads are untrusted: a size limit on the whole request, a count limit on files, and the
work done in a process pool (service.py), each job in a temporary folder of its own. Every
error goes back as ``{"error": "one line"}`` with a 4xx status, never as a traceback.
"""

from __future__ import annotations

import asyncio
import html
import io
import json
import multiprocessing
import re
import zipfile
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from outline2docx.i18n import N_, translator
from outline2docx.web import service
from outline2docx.web.i18n import choose_language, messages
from outline2docx.web.service import Converted, Failure, Job, Options, Source

STATIC = Path(__file__).parent / "static"
MAX_UPLOAD = 20 * 1024 * 1024  # bytes in one request, files and fields together
MAX_FILES = 50
JOB_TIMEOUT = 120.0  # seconds one document may take, its preview included
WORKERS = 3
BACKSTOP = 10.0  # seconds the server waits beyond a job's own timeout before giving up on it
MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
}


class RequestError(Exception):
    """A request the API cannot take: the status and one line saying why.

    The line is said in the request's language when the answer is made: ``message`` is a
    catalog message with ``{name}`` places for ``values``; with ``source="page"`` a key of the
    page's own words; with ``source="said"`` a line a worker already said in that language.
    """

    def __init__(
        self, message: str, status: int = 400, source: str = "catalog", **values: Any
    ) -> None:
        super().__init__(message)
        self.message, self.status, self.source, self.values = message, status, source, values

    def in_language(self, language: str) -> str:
        """The line in ``language`` ("zh" or "en")."""
        if self.source == "said":
            return self.message
        if self.source == "page":
            return messages(language)[self.message]
        return translator(language).gettext(self.message).format(**self.values)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one request may send and one job may take."""

    max_upload: int = MAX_UPLOAD
    timeout: float = JOB_TIMEOUT
    workers: int = WORKERS
    scratch: str | None = None  # where the jobs' temporary folders go (None: the system's)


def create_app(limits: Limits = Limits()) -> Starlette:
    """The workbench application, with a process pool of ``limits.workers`` for the jobs."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.pool = _pool(limits.workers)
        try:
            yield
        finally:
            # Waiting lets the workers end cleanly (no leaked semaphores); a job is short.
            app.state.pool.shutdown(wait=True, cancel_futures=True)

    routes = [
        Route("/", page),
        Route("/api/config", config),
        Route("/api/parse", parse, methods=["POST"]),
        Route("/api/convert", convert, methods=["POST"]),
        Route("/api/preview", preview, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    handlers = {
        RequestError: _request_error,
        HTTPException: _http_error,
        Exception: _server_error,
    }
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    app.state.limits = limits
    return BodyLimit(app, limits.max_upload)  # type: ignore[return-value]


def _pool(workers: int) -> ProcessPoolExecutor:
    # Spawned workers: forking a process that runs an event loop and threads is unsafe.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=service.start_worker)


# ---- the page --------------------------------------------------------------------------


async def page(request: Request) -> HTMLResponse:
    """The one page, in the language the browser prefers (简体中文 unless it asks for English)."""
    language = choose_language(request.headers.get("accept-language"))
    return HTMLResponse(render_page(language), headers={"Content-Language": language})


async def config(request: Request) -> JSONResponse:
    """What the page needs to know: its words, the styles, roles and metadata fields."""
    language = choose_language(request.headers.get("accept-language"))
    return JSONResponse(page_config(language))


def render_page(language: str) -> str:
    """index.html with its {{key}} messages filled in and the page's settings embedded."""
    words = messages(language)
    text = _index_html().replace("{{config}}", _script_json(page_config(language)))
    return re.sub(r"\{\{([\w.]+)\}\}", lambda m: html.escape(words[m.group(1)]), text)


@lru_cache(maxsize=1)
def _index_html() -> str:
    return (STATIC / "index.html").read_text("utf-8")


def _script_json(data: Any) -> str:
    # Inside <script>, "</script" or "<!--" would change how the page parses: JSON may write
    # every "<" as \u003c instead.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def page_config(language: str) -> dict[str, Any]:
    """The page's settings: messages, built-in styles, roles a line may take, form fields."""
    from outline2docx.fix import RULES
    from outline2docx.pipeline import OVERRIDABLE
    from outline2docx.tree.nodes import Role

    return {
        "language": language,
        "messages": messages(language),
        "styles": _styles(),
        "roles": [role.value for role in Role if role in OVERRIDABLE],
        "meta_fields": _meta_fields(),
        "fixable": sorted(rule.code for rule in RULES),
        "office": _office(),
    }


@lru_cache(maxsize=1)
def _styles() -> list[dict[str, Any]]:
    from outline2docx.style import DEFAULT_STYLE, builtin_styles, load_style

    described = {name: load_style(name).description for name in builtin_styles()}
    return [
        {"name": name, "description": text, "default": name == DEFAULT_STYLE}
        for name, text in described.items()
    ]


def _meta_fields() -> list[dict[str, str]]:
    """One form field per metadata element, labelled with the first name FIELD_NAMES gives it."""
    from outline2docx.tree.meta import FIELD_NAMES

    first: dict[str, str] = {}
    for key, name in FIELD_NAMES.items():
        first.setdefault(name, key)
    return [{"key": key, "field": name} for name, key in first.items()]


@lru_cache(maxsize=1)
def _office() -> bool:
    return service.office_available()


# ---- the API ---------------------------------------------------------------------------


async def parse(request: Request) -> JSONResponse:
    """One document as outline2docx reads it: roles, outline, close calls, findings."""
    async with request.form(max_files=MAX_FILES, max_part_size=MAX_UPLOAD) as form:
        job = _jobs(form, request)[0]
    return JSONResponse(_ok(await _run(request, service.analyze, job)))


async def convert(request: Request) -> Response:
    """The .docx (or PDF, with format=pdf) of one document; of many, a .zip of them all."""
    async with request.form(max_files=MAX_FILES, max_part_size=MAX_UPLOAD) as form:
        jobs = _jobs(form, request)
        pdf = _field(form, "format") == "pdf"
    if pdf and not _office():
        raise RequestError("preview.no_office", 422, source="page")
    results = await asyncio.gather(*(_run(request, service.convert, job, pdf) for job in jobs))
    done = [_ok(result) for result in results]
    if len(done) == 1:
        item = done[0]
        if pdf:
            return _download(item.pdf, Path(item.name).with_suffix(".pdf").name)
        return _download(item.docx, item.name)
    return _download(await asyncio.to_thread(_zip, done, pdf), "outline2docx.zip")


async def preview(request: Request) -> JSONResponse:
    """Images of one document's pages, as LibreOffice lays them out."""
    if not _office():
        raise RequestError("preview.no_office", 422, source="page")
    async with request.form(max_files=MAX_FILES, max_part_size=MAX_UPLOAD) as form:
        job = _jobs(form, request)[0]
    return JSONResponse(_ok(await _run(request, service.preview, job)))


# ---- reading a request -----------------------------------------------------------------


def _jobs(form: FormData, request: Request) -> list[Job]:
    """One job per document of the form: the pasted text, then every uploaded file."""
    limits: Limits = request.app.state.limits
    options = Options(
        style=_field(form, "style") or "gbt9704",
        style_toml=_upload(form, "style_file"),
        template=_upload(form, "template"),
        meta=_json_object(form, "meta", str),
        fix=_field(form, "fix") in ("1", "true", "on"),
        drop_noise=_field(form, "drop_noise") not in ("0", "false", "off"),
        scratch=limits.scratch,
        timeout=limits.timeout,
        language=choose_language(request.headers.get("accept-language")),
    )
    sources = _sources(form)
    if not sources:
        raise RequestError(N_("nothing to read: paste a text or upload a .txt or .docx file"))
    roles = [_roles(text) for text in form.getlist("roles")][: len(sources)]
    roles += [{}] * (len(sources) - len(roles))
    return [Job(source, options, given) for source, given in zip(sources, roles, strict=True)]


def _sources(form: FormData) -> list[Source]:
    sources = []
    text = _field(form, "text")
    if text and text.strip():
        sources.append(Source(_safe_name(_field(form, "name") or "text.txt"), text=text))
    for upload in form.getlist("file"):
        if isinstance(upload, UploadFile):
            data = upload.file.read()
            if data:
                sources.append(Source(_safe_name(upload.filename or "upload.txt"), data=data))
    return sources


def _field(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


def _upload(form: FormData, name: str) -> bytes | None:
    value = form.get(name)
    if isinstance(value, UploadFile):
        return value.file.read() or None
    return None


def _json_object(form: FormData, name: str, kind: type) -> dict[str, Any]:
    text = _field(form, name)
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        raise RequestError(N_("{name}: not valid JSON"), name=name) from None
    if not isinstance(value, dict) or not all(isinstance(v, kind) for v in value.values()):
        message = N_("{name}: expected an object of {kind} values")
        raise RequestError(message, name=name, kind=kind.__name__)
    return value


def _roles(text: Any) -> dict[int, str]:
    """A roles field, {"LINE": "ROLE"}, with its line numbers checked."""
    if not isinstance(text, str) or not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        raise RequestError(N_("{name}: not valid JSON"), name="roles") from None
    if not isinstance(value, dict) or not all(
        str(k).isdecimal() and isinstance(v, str) for k, v in value.items()
    ):
        raise RequestError(
            N_("roles: expected {example}"), example='{"LINE": "ROLE", …}, e.g. {"5": "title"}'
        )
    return {int(line): role for line, role in value.items()}


def _safe_name(name: str) -> str:
    """A file name fit for messages and downloads: no folders, no control characters."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip() or "upload.txt"
    return base[-120:]


# ---- running jobs and answering --------------------------------------------------------


async def _run(request: Request, work: Callable[..., Any], *args: Any) -> Any:
    """``work(*args)`` in the process pool, within the job timeout."""
    limits: Limits = request.app.state.limits
    pool = request.app.state.pool
    future = asyncio.get_running_loop().run_in_executor(pool, work, *args)
    try:
        # The job stops itself at the timeout; this is the backstop should it not.
        return await asyncio.wait_for(future, limits.timeout + BACKSTOP)
    except asyncio.TimeoutError:
        message = N_("the document took longer than {seconds:g} s and was given up")
        raise RequestError(message, 422, seconds=limits.timeout + BACKSTOP) from None
    except BrokenProcessPool:
        # A worker died (killed, out of memory): later requests get a fresh pool.
        if request.app.state.pool is pool:
            request.app.state.pool = _pool(limits.workers)
            pool.shutdown(wait=False, cancel_futures=True)
        raise RequestError(
            N_("the worker converting this document stopped; try again"), 422
        ) from None


def _ok(result: Any) -> Any:
    """``result``, or the RequestError its Failure says."""
    if isinstance(result, Failure):
        raise RequestError(result.message, result.status, source="said")
    return result


def _zip(done: list[Converted], pdf: bool) -> bytes:
    buffer = io.BytesIO()
    taken: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in done:
            name = _unique(item.name, taken)
            archive.writestr(name, item.docx)
            if pdf and item.pdf is not None:
                archive.writestr(_unique(Path(name).with_suffix(".pdf").name, taken), item.pdf)
    return buffer.getvalue()


def _unique(name: str, taken: set[str]) -> str:
    stem, suffix, n = Path(name).stem, Path(name).suffix, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name)
    return name


def _download(data: bytes | None, name: str) -> Response:
    from urllib.parse import quote

    disposition = f"attachment; filename*=UTF-8''{quote(name)}"
    media = MEDIA_TYPES.get(Path(name).suffix, "application/octet-stream")
    return Response(data or b"", media_type=media, headers={"Content-Disposition": disposition})


async def _request_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestError)
    language = choose_language(request.headers.get("accept-language"))
    return JSONResponse({"error": exc.in_language(language)}, status_code=exc.status)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)


async def _server_error(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": f"internal error ({type(exc).__name__})"}, status_code=500)


# ---- the size limit --------------------------------------------------------------------


class BodyLimit:
    """Refuses a request body over ``limit`` bytes with 413: by its Content-Length at once, and
    by counting as it arrives for a body that gives none (chunked)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def __getattr__(self, name: str) -> Any:  # app.state, app.routes … of the wrapped app
        return getattr(self.app, name)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, its body counted."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, send)
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise self._error()
            return message

        await self.app(scope, counted, send)

    def _error(self) -> RequestError:
        size = f"{self.limit / 2**20:g} MB" if self.limit >= 2**20 else f"{self.limit / 1024:g} KB"
        return RequestError(N_("the upload is larger than {size}, the limit"), 413, size=size)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        accepted = dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1")
        line = self._error().in_language(choose_language(accepted))
        body = json.dumps({"error": line}, ensure_ascii=False).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
