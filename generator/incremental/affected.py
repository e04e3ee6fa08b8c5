"""Which pages and pieces an edit can change, from what the last build recorded.

Each page's planner reports what the page shows (`Shown`): the ids of the events whose values
it shows, and the other parts of the timeline it reads (the settings, the actors, the sources,
the places, the list of years). The preview keeps that record from one build to the next; an
edit plans again exactly the pages that showed a changed event before or show one now, that
read a part that changed, or that are new. Nobody keeps a second copy of what a page shows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.model.graph import Graph
from generator.model.wikilinks import find_wikilinks

SITE, ACTORS, SOURCES, YEARS, PLACES = "site", "actors", "sources", "years", "places"


@dataclass(frozen=True, slots=True)
class Shown:
    """What one page shows, as its planner reports it."""

    events: tuple[str, ...]  # ids of the events whose values the page shows
    parts: frozenset[str]  # of SITE, ACTORS, SOURCES, YEARS, PLACES
    # Ids of the events whose bodies the page shows (its own event's page): of all the pages
    # that show an event, only these change when its body alone does.
    bodies: tuple[str, ...] = ()


def changed_events(old: Graph, new: Graph) -> frozenset[str]:
    """Ids of the events added, removed or changed between two graphs."""
    old_events, new_events = old.events, new.events
    changed = {event_id for event_id in old_events if event_id not in new_events}
    for event_id, event in new_events.items():
        before = old_events.get(event_id)
        # An unchanged document keeps its Event object, so identity settles most of them.
        if before is not event and before != event:
            changed.add(event_id)
    return frozenset(changed)


def changed_parts(old: Graph, new: Graph) -> frozenset[str]:
    """The parts of the timeline besides its events that differ between two graphs."""
    before, after = old.timeline, new.timeline
    differ = {
        SITE: before.site != after.site,
        ACTORS: before.actors != after.actors,
        SOURCES: before.sources != after.sources,
        YEARS: old.by_year.keys() != new.by_year.keys(),
        PLACES: before.places != after.places,
    }
    return frozenset(part for part, changed in differ.items() if changed)


def body_only(old: Graph, new: Graph, changed: frozenset[str]) -> frozenset[str]:
    """The `changed` events whose body alone changed, linking to the same pages as before."""
    alone = set()
    for event_id in changed:
        before, after = old.events.get(event_id), new.events.get(event_id)
        if (
            before is not None
            and after is not None
            and dataclasses.replace(before, body=after.body) == after
            and _link_targets(before.body) == _link_targets(after.body)
        ):
            alone.add(event_id)
    return frozenset(alone)


def _link_targets(body: str) -> frozenset[str]:
    return frozenset(link.target for link in find_wikilinks(body))


def replanned(
    previous: Mapping[str, Shown],
    pages: Iterable[tuple[str, Shown]],
    edit: Edit,
) -> set[str]:
    """The output paths among `pages` (path, what it shows now) to plan again after `edit`,
    given what each page showed in the last build."""
    parts, bodies = edit.parts, edit.bodies
    events = edit.events - bodies  # those shown anywhere but with their bodies
    wanted = set()
    for path, shown in pages:
        before = previous.get(path)
        if (
            before is None
            or not parts.isdisjoint(shown.parts)
            or not events.isdisjoint(shown.events)
            or not events.isdisjoint(before.events)
            or not bodies.isdisjoint(shown.bodies)
        ):
            wanted.add(path)
    return wanted


@dataclass(frozen=True, slots=True)
class Edit:
    """What changed since the last build: its events, its other parts, and the events whose own
    pieces may differ (None when every piece may: the settings, actors, sources or places
    changed)."""

    events: frozenset[str]
    parts: frozenset[str]
    dirty: frozenset[str] | None
    bodies: frozenset[str] = frozenset()  # of `events`, those whose body alone changed


def edit_between(old: Graph, new: Graph) -> Edit:
    """What an edit changed between the last build's graph and this one's."""
    events = changed_events(old, new)
    parts = changed_parts(old, new)
    dirty = _dirty_events(old, new, events, parts)
    return Edit(events, parts, dirty, body_only(old, new, events))


def _dirty_events(
    old: Graph, new: Graph, changed: frozenset[str], parts: frozenset[str]
) -> frozenset[str] | None:
    """The changed events, and those whose bodies link to one of them (their links show its
    title): their feed entries, exports, search rows and page metadata are made again."""
    if not parts.isdisjoint((SITE, ACTORS, SOURCES, PLACES)):
        return None
    dirty = set(changed)
    for graph in (old, new):
        for event_id in changed:
            for backlink in graph.backlinks.get(event_id, ()):
                if backlink.kind == "event":
                    dirty.add(backlink.id)
    return frozenset(dirty)
