"""The build cache in `.cache/`: rendered Markdown bodies, kept between runs.

A warm build (nothing changed) then renders no Markdown, the costliest step. The cache file is
named by a fingerprint of the generator's own code and of the Markdown and sanitiser packages,
so a changed generator never reuses what an older one made; `make clean` deletes the folder.

A `.cache/` could come with someone else's commit, so it is never trusted: it is plain JSON,
never pickle, and every body read from it passes the sanitiser again (which leaves our own
output unchanged). Overview figures are not kept: they could not be checked that way.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from generator.markup import sanitise
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
    return folder / f"render-{fingerprint()}.json"


def load_cache(folder: Path) -> RenderCache:
    """The cache this generator left in `folder`, or an empty one (missing, stale or damaged)."""
    cache = RenderCache()
    try:
        data: Any = json.loads(cache_file(folder).read_text(encoding="utf-8"))
        bodies = data["bodies"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in bodies.items()):
            return cache
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return cache
    cache.bodies = {digest: sanitise(html) for digest, html in bodies.items()}
    return cache


def save_cache(folder: Path, cache: RenderCache) -> None:
    """Write the bodies of `cache` to `folder`, atomically; drop older caches."""
    folder.mkdir(parents=True, exist_ok=True)
    target = cache_file(folder)
    handle, temporary = tempfile.mkstemp(prefix=".render-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"bodies": cache.bodies}, file, ensure_ascii=False)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    # Older caches, and the half-written file of a build that was killed while saving.
    for old in [*folder.glob("render-*"), *folder.glob(".render-*")]:
        if old != target:
            old.unlink(missing_ok=True)
