"""The build cache in `.cache/`: rendered Markdown bodies and overview figures, kept between runs.

A warm build (nothing changed) then renders no Markdown and draws no figure. The cache file is
named by a fingerprint of the generator's own code and of the Markdown and sanitiser packages,
so a changed generator never reuses what an older one made; `make clean` deletes the folder.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from pathlib import Path

from generator.render import RenderCache

_PACKAGE = Path(__file__).resolve().parent


def fingerprint() -> str:
    """A digest of the generator's source and of the packages that shape its output."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in ("markdown", "nh3", "jinja2"):
        digest.update(f"{package}={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def cache_file(folder: Path) -> Path:
    """Where this generator keeps its cache under `folder`."""
    return folder / f"render-{fingerprint()}.pickle"


def load_cache(folder: Path) -> RenderCache:
    """The cache this generator left in `folder`, or an empty one (missing, stale or damaged)."""
    cache = RenderCache()
    try:
        with cache_file(folder).open("rb") as file:
            # Our own file, written below by this same code: not input from anyone else.
            bodies, figures = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return cache
    cache.bodies, cache.figures = bodies, figures
    return cache


def save_cache(folder: Path, cache: RenderCache) -> None:
    """Write the bodies and figures of `cache` to `folder`, atomically; drop older caches."""
    folder.mkdir(parents=True, exist_ok=True)
    target = cache_file(folder)
    handle, temporary = tempfile.mkstemp(prefix=".render-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump((cache.bodies, cache.figures), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    # Older caches, and the half-written file of a build that was killed while saving.
    for old in [*folder.glob("render-*.pickle"), *folder.glob(".render-*")]:
        if old != target:
            old.unlink(missing_ok=True)
