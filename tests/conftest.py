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


@pytest.fixture(scope="session")
def launched_chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless and quiet (tests/browser.py), launched once by each worker:
    a launch takes about a second of CPU, and some forty modules drive it."""
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def browser(launched_chromium: Browser) -> Iterator[Browser]:
    """The worker's Chromium; every tab (and its context) a module leaves open is closed at the
    module's end, so that no module sees another's pages, cookies or cache."""
    yield launched_chromium
    for context in launched_chromium.contexts:
        context.close()


# The longest modules, longest first, as `pytest --durations` measured them on 2 cores (the
# validators alone take about a sixth of the run): started first, they end with the rest instead
# of leaving one worker to finish them alone. A module missing here only runs later; the order
# never changes what a test checks.
LONGEST_FIRST = (
    "tests/test_validators.py",
    "tests/test_phone.py",
    "tests/test_freshness.py",
    "tests/test_incremental.py",
    "tests/test_interrupt.py",
    "tests/test_media_browser.py",
    "tests/test_status.py",
    "tests/test_media.py",
    "tests/test_paging.py",
    "tests/test_install.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest modules first, then the other modules with browser or slow tests, then the
    rest: the workers of `make test` take a module at a time in this order (its Makefile turns
    off xdist's own reordering, by number of tests, which put the validators last), so the long
    ones start at once. The order within a module is kept."""
    heavy = {
        item.nodeid.split("::")[0]
        for item in items
        if item.get_closest_marker("browser") or item.get_closest_marker("slow")
    }

    def rank(item: pytest.Item) -> tuple[int, int]:
        module = item.nodeid.split("::")[0]
        if module in LONGEST_FIRST:
            return (0, LONGEST_FIRST.index(module))
        return (1 if module in heavy else 2, 0)

    items.sort(key=rank)
