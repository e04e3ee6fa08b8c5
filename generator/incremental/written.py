"""The SHA-256 of every file the last build wrote, kept in `.cache/written.json`, so that the next
build writes only the files whose bytes differ (see write.SiteUpdate) rather than a new site.

The record holds only for the output folder exactly as that build left it: it names the digest
of the folder's stats that the freshness record checks (see store.py), and the generator's
fingerprint. A `.cache/` can come with someone else's commit: the record is plain JSON, checked
whole, and ignored as a whole when anything in it does not match or has the wrong shape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.incremental.shown import PagesRecord
from generator.incremental.store import fingerprint, load_record
from generator.system import replace_file

_FILE = "written.json"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class LastWrite:
    """What the last build wrote: each file's SHA-256 by path, and the digest of the search
    index's records (see outputs/search.py), if it made one; and, kept apart in shown.json,
    what each page showed."""

    files: dict[str, str]
    search: bytes | None = None
    pages: PagesRecord | None = None


def load_written(folder: Path, site: str | None) -> LastWrite | None:
    """What the last build recorded in `folder` that it wrote, if the output folder's stats
    are still `site` (see store.Check); None if not, or if the record is missing, stale or
    damaged."""
    data = load_record(folder / _FILE, site)
    if data is None:
        return None
    try:
        files, search = data["files"], data["search"]
        if (search is None or _SHA256.fullmatch(search)) and all(
            isinstance(path, str) and isinstance(digest, str) and _SHA256.fullmatch(digest)
            for path, digest in files.items()
        ):
            return LastWrite(dict(files), None if search is None else bytes.fromhex(search))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def save_written(folder: Path, site: str | None, last: LastWrite) -> None:
    """Record what a build wrote into the output folder whose stats are `site`; nothing when
    there is no telling what the folder holds (`site` None)."""
    if site is None:
        return
    record = {
        "generator": fingerprint(),
        "site": site,
        "search": None if last.search is None else last.search.hex(),
        "files": dict(sorted(last.files.items())),
    }
    folder.mkdir(parents=True, exist_ok=True)
    replace_file(folder / _FILE, json.dumps(record).encode())


def forget_written(folder: Path) -> None:
    """Forget the record: the output folder is about to change."""
    (folder / _FILE).unlink(missing_ok=True)
