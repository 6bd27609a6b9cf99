"""Running a batch: jobs converted in parallel, in input order, interruptible.

Every output is written through a temporary file and a rename, so an interrupted batch leaves
only whole documents. Workers are forked with the run's settings (house style and template
already loaded), so nothing is loaded or checked again per file.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from outline2docx.batch.job import convert_job
from outline2docx.batch.plan import FAILED, Job, Outcome
from outline2docx.pipeline import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future


def run_batch(
    jobs: list[Job],
    settings: Settings,
    workers: int | None = None,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
    pdf: bool = False,
) -> list[Outcome]:
    """Convert ``jobs`` with ``workers`` processes (default: all cores), in input order
    (``pdf``: export each document's PDF too).

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
                    outcomes[job] = convert_job(job, settings, pdf)
                    on_done(outcomes[job])
            else:
                _run_pool(jobs, (settings, pdf), workers, outcomes, on_done)
        except KeyboardInterrupt as interrupt:
            interrupt.outcomes = [outcomes[j] for j in jobs if j in outcomes]  # type: ignore[attr-defined]
            raise
    return [outcomes[job] for job in jobs]


def _run_pool(jobs, run, workers, outcomes, on_done) -> None:
    # Imported here: a single file never needs a pool, and these imports cost start-up time.
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(*run, os.getpid())
    )
    try:
        pending: dict[Future, Job] = {}
        queue = iter(jobs)
        # Keep a few jobs per worker in flight rather than all: an interrupt then has little
        # to cancel, and memory stays flat for large batches.
        for job in _take(queue, workers * 4):
            pending[pool.submit(_convert_in_worker, job)] = job
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                outcomes[job] = _result(future, job)
                on_done(outcomes[job])
                for following in _take(queue, 1):
                    pending[pool.submit(_convert_in_worker, following)] = following
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


# What every job of this worker's batch does: set once when the worker starts (a forked
# worker inherits the loaded style and template; nothing is pickled per job).
_WORKER_RUN: tuple[Settings, bool] = (Settings(), False)


def _start_worker(settings: Settings, pdf: bool, parent: int) -> None:
    global _WORKER_RUN
    _WORKER_RUN = (settings, pdf)
    _worker_signals()
    _end_with_parent(parent)


def _end_with_parent(parent: int) -> None:
    """Stop this worker (as SIGTERM does) when the batch's process ends, even by SIGKILL.

    Nothing else would end it: it waits on a queue whose other end it holds itself.
    """
    _ask_for_signal_on_parent_death(signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request took effect
        os.kill(os.getpid(), signal.SIGTERM)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _ask_for_signal_on_parent_death(signum: int) -> None:
    # Linux only (prctl PR_SET_PDEATHSIG); elsewhere the watching thread alone does it.
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)


_PR_SET_PDEATHSIG = 1
_PARENT_POLL_SECONDS = 0.5
_UNWIND_SECONDS = 1.0


def _watch_parent(parent: int) -> None:
    # A worker's parent changes only when the parent is gone (it is re-parented).
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)  # unwinds the job under way: its temporary file goes
    time.sleep(_UNWIND_SECONDS)
    # The pool's worker loop catches the SystemExit of a job and waits for the next one.
    os._exit(128 + signal.SIGTERM)


def _convert_in_worker(job: Job) -> Outcome:
    return convert_job(job, *_WORKER_RUN)


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
