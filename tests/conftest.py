"""Settings and fixtures shared by every test: hypothesis profiles, the fixture and real graphs.

Locally hypothesis explores new examples on each run and keeps the failing ones in its database;
in CI (CI=true) it is derandomized, so that a run is reproducible and a red build is not luck.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from generator.model.graph import Graph
from tests.helpers import FIXTURE, REPO, graph_of

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
