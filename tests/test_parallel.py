"""The forked map: the same results, in order, whether it forks or not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.corpus import generate
from generator import parallel
from tests.helpers import build_into


def test_small_jobs_stay_in_this_process() -> None:
    pids = parallel.map_indexes(lambda index: os.getpid(), 5)
    assert pids == [os.getpid()] * 5


def test_large_jobs_use_forked_workers_and_keep_the_order() -> None:
    words = [f"word-{index}" for index in range(500)]
    results = parallel.map_indexes(lambda index: (words[index].upper(), os.getpid()), len(words))
    assert [text for text, _ in results] == [word.upper() for word in words]
    if parallel.workers() > 1:
        assert os.getpid() not in {pid for _, pid in results}


def test_a_site_built_on_all_cores_is_the_site_built_on_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 300 events: every forked step (Markdown, figures, memo pieces, list items, pages) forks.
    generate(300, tmp_path / "project")
    if parallel.workers() < 2:
        pytest.fail("this machine has one core: the forked path cannot be compared")
    forked = build_into(tmp_path / "project", tmp_path / "forked")
    monkeypatch.setattr(parallel, "workers", lambda: 1)
    assert build_into(tmp_path / "project", tmp_path / "one") == forked


def test_results_stream_in_order_from_the_workers() -> None:
    results = parallel.imap_indexes(lambda index: (index, os.getpid()), 1000)
    first = next(results)
    assert first[0] == 0
    rest = list(results)
    assert [index for index, _ in rest] == list(range(1, 1000))
    if parallel.workers() > 1:
        assert os.getpid() not in {pid for _, pid in [first, *rest]}
