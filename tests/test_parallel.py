"""The forked map: the same results, in order, whether it forks or not."""

from __future__ import annotations

import os

from generator import parallel


def test_small_jobs_stay_in_this_process() -> None:
    pids = parallel.map_indexes(lambda index: os.getpid(), 5)
    assert pids == [os.getpid()] * 5


def test_large_jobs_use_forked_workers_and_keep_the_order() -> None:
    words = [f"word-{index}" for index in range(500)]
    results = parallel.map_indexes(lambda index: (words[index].upper(), os.getpid()), len(words))
    assert [text for text, _ in results] == [word.upper() for word in words]
    if parallel.workers() > 1:
        assert os.getpid() not in {pid for _, pid in results}
