"""Record pages rendered on every core: the work split between forked worker processes.

A one-off ``mkdocs build`` renders its record pages (``direct_pages``) after everything else,
when the site, the plan, the templates and the nav are all in memory. Forking then gives each
worker all of it for free (the pages of memory are shared until written), so a worker only
needs to know which pages are its own: ``run(task, count)`` calls ``task(i)`` for every ``i`` in
``range(count)``, in contiguous runs handed out as workers finish (pages of one folder stay
together, so a worker reuses its page frames), and gives back the results in order.

What a worker logs (MkDocs' warnings about a page's links, say) is sent back and logged again
by the parent, in page order, so strict mode counts it and the build log reads as a
single-process build's. An exception in a worker stops the build as it would in one process,
and so does a worker that dies (``BrokenProcessPool``), rather than the build waiting for it.
The results and the pages written are the same whatever the number of workers: a test builds
the sample site with one worker and with several and compares every byte.

Forking is only safe in a process without threads, so it is used only by ``mkdocs build``
(``mkdocs serve`` runs a server thread); ``LOCALOFFER_WORKERS=1`` renders in the process itself.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: Below this many pages the fork costs more than it saves.
MIN_PAGES = 48
#: Runs per worker: small enough to even out, large enough to keep frames warm.
RUNS_PER_WORKER = 8
LOGGER = "mkdocs"  # MkDocs' handlers (the console, strict mode's counter) are on this logger


def workers() -> int:
    """The processes to render with: ``LOCALOFFER_WORKERS``, or the cores this process may use."""
    wanted = os.environ.get("LOCALOFFER_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class _Job(Generic[T]):
    def __init__(self, task: Callable[[int], T]) -> None:
        self.task = task


_JOB: _Job[Any] | None = None  # set in the parent just before forking; workers read it


def run(task: Callable[[int], T], count: int, processes: int | None = None) -> list[T]:
    """``[task(i) for i in range(count)]``, shared between ``processes`` forked workers."""
    processes = workers() if processes is None else processes
    processes = min(processes, max(1, count // (MIN_PAGES // 2)))
    if processes <= 1 or count < MIN_PAGES or not can_fork():
        return [task(index) for index in range(count)]
    global _JOB
    _JOB = _Job(task)
    runs = _runs(count, processes * RUNS_PER_WORKER)
    # Objects made so far are never collected in a worker: freezing them keeps the collector
    # from writing to (and so copying) every page of the parent's memory in each worker.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        # (Not multiprocessing.Pool: when a worker is killed, say by the out-of-memory killer,
        # its map waits for ever; this executor stops with BrokenProcessPool instead.)
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker) as pool:
            done = list(pool.map(_run, runs))
    finally:
        gc.unfreeze()
        _JOB = None
    results: list[T] = []
    for values, records in done:
        for record in records:
            logging.getLogger(record.name).handle(record)
        results.extend(values)
    return results


def _runs(count: int, pieces: int) -> list[range]:
    size = max(1, -(-count // pieces))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(_portable(record))


_KEPT: _Keep | None = None


def _start_worker() -> None:
    """In a new worker: keep what it logs, to be logged by the parent, instead of printing it."""
    global _KEPT
    _KEPT = _Keep()
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(_KEPT)


def _run(indices: range) -> tuple[list[Any], Sequence[logging.LogRecord]]:
    assert _JOB is not None and _KEPT is not None, "only in a worker forked by run()"
    _KEPT.records = []
    values = [_JOB.task(index) for index in indices]
    return values, _KEPT.records


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """The record with its message formatted, so that it can be sent to the parent."""
    copy = logging.makeLogRecord(record.__dict__)
    copy.msg = record.getMessage()
    copy.args = None
    if record.exc_info:
        copy.exc_text = logging.Formatter().formatException(record.exc_info)
    copy.exc_info = None
    return copy
