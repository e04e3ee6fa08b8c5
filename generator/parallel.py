"""Using both cores: a map over forked worker processes, for the build's costly pure steps.

Workers are forked, so they start with the parent's memory (the whole link graph) and only
indexes and results cross between processes. Small jobs stay in this process, where starting
workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from generator.system import libc

R = TypeVar("R")
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
MIN_JOBS = 200  # Markdown bodies: below this, forking costs more than it saves

_job: Callable[[int], Any] | None = None  # set before forking; the workers inherit it


def _run(indexes: range) -> list[Any]:
    assert _job is not None
    return [_job(index) for index in indexes]


def _start_worker(parent: int) -> None:
    # The parent may have switched the collector off for its build (see build.py); a worker
    # makes cycles of its own (Markdown's trees), so it collects them, never the parent's
    # objects, which are frozen before the fork: walking those would copy every page of them.
    gc.enable()
    _die_with(parent)


def _die_with(parent: int) -> None:
    """End this worker when `parent` ends: a build killed with SIGKILL cannot stop its workers,
    which would otherwise wait for work forever, holding their memory."""
    c_library = libc()
    if c_library is not None:
        c_library.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent was gone before the line above took effect
        os._exit(1)


def workers() -> int:
    """How many worker processes to use: one per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_indexes(job: Callable[[int], R], count: int, min_jobs: int = MIN_JOBS) -> list[R]:
    """[job(0), …, job(count - 1)], computed by forked workers when there are `min_jobs`."""
    return list(imap_indexes(job, count, min_jobs))


def imap_indexes(job: Callable[[int], R], count: int, min_jobs: int = MIN_JOBS) -> Iterator[R]:
    """job(0), …, job(count - 1) in order, as they are ready: by forked workers when there are
    `min_jobs`, a few chunks ahead of the consumer at most, so that results a slow consumer has
    not taken yet (pages on their way to a slow disk) cannot pile up in memory."""
    global _job
    cores = workers()
    if count < min_jobs or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (job(index) for index in range(count))
        return
    # Many small chunks (64 a worker), of which 8 a worker are ahead of the consumer: enough to
    # keep the workers busy, few enough to hold little (the long list pages of a 10,000-event
    # site are not all in one chunk), and one slow chunk cannot stall a worker.
    size = -(-count // (cores * 64))
    chunks = iter([range(start, min(start + size, count)) for start in range(0, count, size)])
    _job = job
    try:
        context = multiprocessing.get_context("fork")
        gc.freeze()
        with ProcessPoolExecutor(
            max_workers=cores,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(),),
        ) as pool:
            # With fork, the pool starts every worker at the first submit, while `_job` is set.
            pending = deque(
                pool.submit(_run, chunk) for chunk in itertools.islice(chunks, cores * 8)
            )
            while pending:
                done = pending.popleft().result()
                following = next(chunks, None)
                if following is not None:
                    pending.append(pool.submit(_run, following))
                yield from done
    finally:
        gc.unfreeze()
        _job = None
