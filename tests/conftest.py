"""Settings and fixtures shared by every test: hypothesis profiles, the fixture and real graphs.

Locally hypothesis explores new examples on each run and keeps the failing ones in its database;
in CI (CI=true) it is derandomized, so that a run is reproducible and a red build is not luck.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser

from generator.model.graph import Graph
from tests.browser import chromium
from tests.helpers import FIXTURE, REPO, graph_of
from tests.project_files import make_project

# No deadline: a slow first example (imports, a cold cache) is not a bug.
settings.register_profile("dev", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


@pytest.fixture(scope="module")
def fixture() -> Graph:
    """The link graph of the small BCE fixture timeline."""
    return graph_of(FIXTURE)


@pytest.fixture(scope="module")
def real() -> Graph:
    """The link graph of the real content."""
    return graph_of(REPO)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the small valid project of tests/project_files.py (modules with a project of
    their own define their own `root`)."""
    return make_project(tmp_path)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless and quiet (tests/browser.py), one for each module."""
    with chromium() as launched:
        yield launched


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules with browser or slow tests first: the workers of `make test` take a module at a
    time in this order, so the long ones start at once instead of leaving one worker to finish
    them alone at the end. The order within a module is kept."""
    heavy = {
        item.nodeid.split("::")[0]
        for item in items
        if item.get_closest_marker("browser") or item.get_closest_marker("slow")
    }
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in heavy)
