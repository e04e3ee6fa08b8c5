"""`.cache/shown.json`: what each page of the last one-off build showed (`Shown`, as its planner
reported it) and the digests of what the pages were made of (see digests.py), so that the next
build finds what an edit changed and renders again only the pages that show it, as the preview
does with the graph it keeps in memory. Every other page stays in the output folder as it is.

The record holds only for the output folder exactly as that build left it, as written.json does:
it names the digest of the folder's stats, and the generator's fingerprint, and every page it
names must be a file that written.json holds. It is plain JSON, checked whole, and ignored as a
whole when anything in it does not match or has the wrong shape: the build then renders every
page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.incremental.affected import (
    ACTORS,
    PLACES,
    SITE,
    SOURCES,
    YEARS,
    Edit,
    Shown,
)
from generator.incremental.digests import Digests
from generator.incremental.store import fingerprint, load_record
from generator.model.graph import Graph
from generator.system import replace_file

_FILE = "shown.json"
_DIGEST = re.compile(r"[0-9a-f]{32}")
_PARTS = frozenset((SITE, ACTORS, SOURCES, YEARS, PLACES))


@dataclass(frozen=True, slots=True)
class PagesRecord:
    """What the last build's pages were made of, and what each page showed, by output path."""

    digests: Digests
    pages: Mapping[str, Shown]


def load_shown(folder: Path, site: str | None, files: Collection[str]) -> PagesRecord | None:
    """The record in `folder` if the output folder's stats are still `site` and each page it
    names is among `files` (what written.json says the folder holds); else None, as when the
    record is missing, stale or damaged."""
    data = load_record(folder / _FILE, site)
    if data is None:
        return None
    try:
        return _read(data, files)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _read(data: Any, files: Collection[str]) -> PagesRecord | None:
    generation, parts, events = data["generation"], data["parts"], data["events"]
    if not (
        _is_digest(generation)
        and set(parts) == _PARTS
        and all(_is_digest(digest) for digest in parts.values())
        and all(
            isinstance(event_id, str) and len(pair) == 2 and all(map(_is_digest, pair))
            for event_id, pair in events.items()
        )
    ):
        return None
    lists = [_strings(ids) for ids in data["lists"]]
    pages: dict[str, Shown] = {}
    for path, (at, shown_parts, bodies) in data["pages"].items():
        if path not in files or isinstance(at, bool) or not isinstance(at, int) or at < 0:
            return None
        if not _PARTS.issuperset(_strings(shown_parts)):
            return None
        pages[path] = Shown(lists[at], frozenset(shown_parts), _strings(bodies))
    digests = Digests(generation, dict(parts), {k: (v[0], v[1]) for k, v in events.items()})
    return PagesRecord(digests, pages)


def _is_digest(value: Any) -> bool:
    return isinstance(value, str) and _DIGEST.fullmatch(value) is not None


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("not a list of strings")
    return tuple(value)


def save_shown(folder: Path, site: str | None, record: PagesRecord) -> None:
    """Record what the pages of a build showed in the output folder whose stats are `site`;
    nothing when there is no telling what the folder holds (`site` None)."""
    if site is None:
        return
    # The index's pages and embeds each show every event: each list of ids is kept once.
    lists: dict[tuple[str, ...], int] = {}
    pages = {}
    for path, shown in sorted(record.pages.items()):
        at = lists.setdefault(shown.events, len(lists))
        pages[path] = [at, sorted(shown.parts), list(shown.bodies)]
    digests = record.digests
    data = {
        "generator": fingerprint(),
        "site": site,
        "generation": digests.generation,
        "parts": dict(sorted(digests.parts.items())),
        "events": {key: list(pair) for key, pair in sorted(digests.events.items())},
        "lists": [list(ids) for ids in lists],
        "pages": pages,
    }
    folder.mkdir(parents=True, exist_ok=True)
    replace_file(folder / _FILE, json.dumps(data, ensure_ascii=False).encode())


def forget_shown(folder: Path) -> None:
    """Forget the record: the output folder is about to change."""
    (folder / _FILE).unlink(missing_ok=True)


def edit_since(last: Digests, now: Digests, graph: Graph) -> Edit | None:
    """What changed between the build whose digests are `last` and `graph`, whose digests are
    `now`; None when the settings, templates or language changed (every page may differ)."""
    if last.generation != now.generation:
        return None
    before, after = last.events, now.events
    events = {event_id for event_id in before if event_id not in after}
    events.update(event_id for event_id, pair in after.items() if before.get(event_id) != pair)
    # The same fields and link targets: the body alone changed.
    bodies = frozenset(
        event_id
        for event_id in events
        if event_id in before and event_id in after and before[event_id][0] == after[event_id][0]
    )
    parts = frozenset(part for part in _PARTS if last.parts[part] != now.parts[part])
    dirty: set[str] | None = None
    if parts.isdisjoint((SITE, ACTORS, SOURCES, PLACES)):
        # The events whose bodies link to a changed one show its title: their pieces change.
        # An unchanged event links where it did, so this graph's backlinks are the last one's.
        dirty = set(events)
        for event_id in events:
            for backlink in graph.backlinks.get(event_id, ()):
                if backlink.kind == "event":
                    dirty.add(backlink.id)
    return Edit(frozenset(events), parts, None if dirty is None else frozenset(dirty), bodies)
