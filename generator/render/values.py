"""The values that pages show of events, actors and links: small, frozen and compared by value,
so that a page whose values are equal to the last build's is not rendered again."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.model import urls
from generator.model.dates import EventDate
from generator.model.graph import Backlink, Graph
from generator.model.media import LocalFile, Media, first_image
from generator.model.timeline import Event, Source


@dataclass(frozen=True, slots=True)
class LinkedTitle:
    """A link as a list shows it: the target's output path and its title."""

    path: str
    title: str


@dataclass(frozen=True, slots=True)
class Listed:
    """An event as lists and links show it; pages that show only this need no new render
    when the event's body changes."""

    id: str
    title: str
    summary: str
    date: EventDate
    status: str | None
    actors: tuple[str, ...]
    tags: tuple[str, ...]
    draft: bool
    date_label: str
    places: tuple[str, ...] = ()
    thumbnail: LocalFile | None = None  # its first image, when the site shows thumbnails
    text_language: str = ""  # its title's and summary's, when untranslated (see Event)


def listed(event: Event, thumbnails: bool = False) -> Listed:
    """An event -> what lists and links show of it; with `thumbnails`, its first image."""
    shown = (event.id, event.title, event.summary, event.date, event.status, event.actors)
    image = first_image(event.media, event.body_media) if thumbnails else None
    thumbnail = None if image is None else image.local
    more = (event.tags, event.draft, event.date_label, event.places, thumbnail)
    return Listed(*shown, *more, event.text_language)


@dataclass(frozen=True, slots=True)
class ShownRelation:
    """A relation as an event page shows it."""

    phrase: str
    kind: str
    other: Listed


@dataclass(frozen=True, slots=True)
class Filters:
    """The choices of the index's filters: only values that some event has."""

    actors: tuple[tuple[str, str], ...]  # (id, name)
    tags: tuple[str, ...]
    statuses: tuple[str, ...]
    years: tuple[int, ...]
    places: tuple[tuple[str, str], ...] = ()  # (id, name)


def filters_of(graph: Graph) -> Filters:
    """The choices of the index's filters (and of the search's): actors and places by name."""
    timeline = graph.timeline
    return Filters(
        actors=tuple(
            (a.id, a.name)
            for a in sorted(timeline.actors.values(), key=lambda a: (a.name.casefold(), a.id))
            if graph.by_actor[a.id]
        ),
        tags=tuple(graph.by_tag),
        statuses=tuple(s for s, events in graph.by_status.items() if events),
        years=tuple(graph.by_year),
        places=tuple(
            (p.id, p.name)
            for p in sorted(timeline.places.values(), key=lambda p: (p.name.casefold(), p.id))
            if graph.by_place[p.id]
        ),
    )


def counts(groups: Mapping[Any, tuple[Event, ...]]) -> tuple[tuple[Any, int], ...]:
    """Groups of events -> (group, number of events) in the groups' order."""
    return tuple((key, len(events)) for key, events in groups.items())


def backlinks(graph: Graph, links: Iterable[Backlink]) -> tuple[LinkedTitle, ...]:
    """The events and actors whose bodies link to a page, as links to them."""
    return tuple(
        LinkedTitle(urls.event(b.id), graph.events[b.id].title)
        if b.kind == "event"
        else LinkedTitle(urls.actor(b.id), graph.timeline.actors[b.id].name)
        for b in links
    )


def with_sources(
    media: tuple[Media, ...], sources: Mapping[str, Source]
) -> tuple[tuple[Media, Source | None], ...]:
    """Media entries with the source each cites, as figures show them."""
    return tuple((entry, sources.get(entry.source)) for entry in media)
