"""Running the ``outline2docx`` command in the tests: in-process, reported like a subprocess.

``run`` invokes the click command inside the test process (no new Python to start, so the
suite stays fast) and reports what a shell would see: the exit code, the bytes on stdout (a
.docx written to ``-``), and stderr. A traceback is never what a user should see: an
exception other than SystemExit escapes ``run`` and fails the test.

``run_process`` starts a real ``python -m outline2docx``, for the few tests whose behaviour
needs a process of its own: the module entry point, real pipes, signals, start-up.

Both speak English whatever the locale of the shell running the tests, unless ``env`` asks
for another (``env={"LANG": "zh_CN.UTF-8"}``): the locale variables are set for the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from outline2docx import i18n
from outline2docx.cli import main

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@dataclass(frozen=True)
class Result:
    """What one run of the command left: exit code, stdout and stderr."""

    returncode: int
    stdout_bytes: bytes
    stderr_bytes: bytes

    @property
    def stdout(self) -> str:
        """Standard output as text (UTF-8, as the command writes it)."""
        return self.stdout_bytes.decode("utf-8")

    @property
    def stderr(self) -> str:
        """Standard error as text (UTF-8, as the command writes it)."""
        return self.stderr_bytes.decode("utf-8")


def run(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """Run ``outline2docx ARGS`` in this process, ``stdin`` on standard input, in ``cwd``,
    with the locale of ``env`` (English without one)."""
    environment = _locale(env)  # None unsets a variable for the run
    i18n.use(i18n.language_of({k: v for k, v in environment.items() if v}))
    try:
        with _working_directory(cwd):
            done = _runner().invoke(
                main,
                list(args),
                input=stdin,
                env=environment,
                prog_name="outline2docx",
                catch_exceptions=False,
            )
    finally:
        i18n.use(i18n.ENGLISH)
    return Result(done.exit_code, done.stdout_bytes, done.stderr_bytes)


def run_process(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> Result:
    """Run ``python -m outline2docx ARGS`` as a real process, ``stdin`` on standard input,
    with the locale of ``env`` (English without one)."""
    environment = {**os.environ, **_locale(env)}
    done = subprocess.run(
        [sys.executable, "-m", "outline2docx", *args],
        input=stdin,
        capture_output=True,
        env={name: value for name, value in environment.items() if value is not None},
    )
    return Result(done.returncode, done.stdout, done.stderr)


def _locale(env: dict[str, str] | None) -> dict[str, str | None]:
    """The locale variables of a run: C.UTF-8 (English), overridden by ``env``."""
    return {**dict.fromkeys(LOCALE_VARIABLES), "LANG": "C.UTF-8", **(env or {})}


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click 8.1 keeps stderr apart only when asked
    except TypeError:
        return CliRunner()  # click 8.2 and later always do


@contextmanager
def _working_directory(cwd: Path | None) -> Iterator[None]:
    # contextlib.chdir is Python 3.11 and later.
    if cwd is None:
        yield
        return
    before = Path.cwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)
