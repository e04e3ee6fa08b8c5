"""The site's page of corrections and updates: every `updates:` entry of the events, actors and
places, newest first, each linked to the page that shows it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.incremental.affected import ACTORS, PLACES, SITE, Shown
from generator.model import urls
from generator.model.timeline import Timeline
from generator.model.updates import Update
from generator.render.plan import Page, Parts, Values


@dataclass(frozen=True, slots=True)
class Corrected:
    """One update with what it is about: the page's output path and the title it shows."""

    update: Update
    path: str
    title: str
    what: str  # "event", "actor" or "place"


def site_updates(timeline: Timeline) -> tuple[Corrected, ...]:
    """Every update of the timeline's events, actors and places: newest first, then by page
    and in the order each file writes them."""
    found = [
        *(
            Corrected(update, urls.event(event.id), event.title, "event")
            for event in timeline.events
            for update in event.updates
        ),
        *(
            Corrected(update, urls.actor(actor.id), actor.name, "actor")
            for actor in timeline.actors.values()
            for update in actor.updates
        ),
        *(
            Corrected(update, urls.place(place.id), place.name, "place")
            for place in timeline.places.values()
            for update in place.updates
        ),
    ]
    return tuple(sorted(found, key=lambda corrected: (-corrected.update.day, corrected.path)))


def corrections_pages(timeline: Timeline) -> Iterator[Page]:
    """The page of corrections and updates, which every page's footer links to."""
    events = tuple(event.id for event in timeline.events if event.updates)
    shown = Shown(events, frozenset((SITE, ACTORS, PLACES)))
    yield Page(urls.CORRECTIONS, "corrections.html", shown, _corrections)


def _corrections(parts: Parts) -> Values:
    return {"corrections": site_updates(parts.graph.timeline)}
