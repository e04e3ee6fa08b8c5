"""The site's page of recent changes (`history: git`): the latest changes to its events from
git, newest first, grouped by day, each linked to the change in its event page's History."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from generator.i18n import ENGLISH, Spoken
from generator.incremental.affected import SITE, Shown
from generator.model import urls
from generator.model.history import Change
from generator.model.timeline import Timeline
from generator.render.plan import Page, Parts, Values

# A page and a feed of what is new, not a second copy of every History: one commit may
# touch thousands of events, and each event's page keeps all of its own changes.
PAGE_LIMIT = 200
FEED_LIMIT = 50


@dataclass(frozen=True, slots=True)
class Changed:
    """One change with the event it changed: the event's id, output path and title."""

    change: Change
    event_id: str
    path: str
    title: str


@dataclass(frozen=True, slots=True)
class Day:
    """The changes made on one day (UTC), as the page groups them."""

    iso: str
    words: str
    changes: tuple[Changed, ...]


def recent_changes(timeline: Timeline, limit: int) -> tuple[Changed, ...]:
    """The `limit` latest changes to the timeline's events: newest first, then by event id and
    newest change first (a change's number breaks ties between commits of one second)."""
    found = (
        (change.time, event.id, change.number, change, event.title)
        for event in timeline.events
        if event.history is not None
        for change in event.history.changes
    )
    latest = heapq.nsmallest(limit, found, key=lambda f: (-f[0], f[1], -f[2]))
    return tuple(
        Changed(change, event_id, urls.event(event_id), title)
        for _, event_id, _, change, title in latest
    )


def by_day(changes: tuple[Changed, ...], spoken: Spoken = ENGLISH) -> tuple[Day, ...]:
    """Changes, newest first -> grouped by their day (named in `spoken`), newest first."""
    return tuple(
        Day(iso, group[0].change.day_words(spoken), group)
        for iso, group in (
            (iso, tuple(found)) for iso, found in groupby(changes, key=lambda c: c.change.iso)
        )
    )


def changes_pages(timeline: Timeline) -> Iterator[Page]:
    """The page of recent changes, with `history: git`; none without."""
    if not timeline.site.history:
        return
    listed = tuple(changed.event_id for changed in recent_changes(timeline, PAGE_LIMIT))
    shown = Shown(listed, frozenset((SITE,)))
    yield Page(urls.CHANGES, "changes.html", shown, _changes)


def _changes(parts: Parts) -> Values:
    changes = recent_changes(parts.graph.timeline, PAGE_LIMIT)
    days = by_day(changes, parts.graph.timeline.site.spoken)
    return {"days": days, "count": len(changes), "limit": PAGE_LIMIT}
