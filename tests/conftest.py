"""Settings shared by every test: hypothesis profiles.

Locally hypothesis explores new examples on each run and keeps the failing ones in its database;
in CI (CI=true) it is derandomized, so that a run is reproducible and a red build is not luck.
"""

from __future__ import annotations

import os

from hypothesis import settings

# No deadline: a slow first example (imports, a cold cache) is not a bug.
settings.register_profile("dev", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")
