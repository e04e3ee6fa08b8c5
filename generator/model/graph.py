"""Stage 3: the link graph — who points at whom, and every grouping the pages list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.model.timeline import (
    DEFAULT_RELATION,
    RELATIONS,
    STATUSES,
    Citation,
    Event,
    Timeline,
)
from generator.model.wikilinks import find_wikilinks


@dataclass(frozen=True, slots=True)
class RelationLink:
    """A relation as one event's page shows it: `Denied by` → the other event."""

    phrase: str
    kind: str
    other: Event
    stated_here: bool  # False when the other event states it ("denied by")


@dataclass(frozen=True, slots=True)
class Backlink:
    """A page whose body links here with `[[id]]`."""

    kind: str  # "event" or "actor"
    id: str


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """The n-th citation of an event, as the source's page marks it."""

    event: Event
    index: int
    citation: Citation

    @property
    def anchor(self) -> str:
        return f"q-{self.event.id}-{self.index + 1}"


@dataclass(frozen=True, slots=True)
class Graph:
    """The timeline with every cross-reference resolved; lists are in time order."""

    timeline: Timeline
    events: dict[str, Event]
    position: dict[str, int]
    relations: dict[str, tuple[RelationLink, ...]]
    backlinks: dict[str, tuple[Backlink, ...]]
    by_actor: dict[str, tuple[Event, ...]]
    by_tag: dict[str, tuple[Event, ...]]
    by_year: dict[int, tuple[Event, ...]]
    by_status: dict[str, tuple[Event, ...]]  # the statuses that have a page
    by_source: dict[str, tuple[Event, ...]]
    by_place: dict[str, tuple[Event, ...]]
    by_country: dict[str, tuple[Event, ...]]  # by ISO code, through places and actors
    quotes: dict[str, tuple[QuoteRef, ...]]  # source id -> quotes, in order of the text

    def previous(self, event: Event) -> Event | None:
        """The event before this one in time order."""
        at = self.position[event.id]
        return self.timeline.events[at - 1] if at > 0 else None

    def next(self, event: Event) -> Event | None:
        """The event after this one in time order."""
        at = self.position[event.id]
        events = self.timeline.events
        return events[at + 1] if at + 1 < len(events) else None


def link(timeline: Timeline) -> Graph:
    """Build the Graph of a validated Timeline."""
    events = {event.id: event for event in timeline.events}
    position = {event.id: index for index, event in enumerate(timeline.events)}
    groups = _groups(timeline)
    return Graph(
        timeline=timeline,
        events=events,
        position=position,
        relations=_relations(timeline, events, position),
        backlinks=_backlinks(timeline),
        by_actor=groups.by_actor,
        by_tag=groups.by_tag,
        by_year=groups.by_year,
        by_status=groups.by_status,
        by_source=groups.by_source,
        by_place=groups.by_place,
        by_country=groups.by_country,
        quotes=_quotes(timeline),
    )


def _relations(
    timeline: Timeline, events: dict[str, Event], position: dict[str, int]
) -> dict[str, tuple[RelationLink, ...]]:
    """Every relation, on the pages of both of its events, in time order of the other event."""
    # A plain `related-to` adds nothing where the pair already has a named relation.
    named_pairs = {
        frozenset((event.id, relation.target))
        for event in timeline.events
        for relation in event.related
        if relation.kind != DEFAULT_RELATION
    }
    stated: set[tuple[str, str, str]] = set()
    relations: dict[str, list[RelationLink]] = defaultdict(list)
    for event in timeline.events:
        for relation in event.related:
            if relation.kind == DEFAULT_RELATION:
                pair = frozenset((event.id, relation.target))
                if pair in named_pairs or (relation.target, event.id, relation.kind) in stated:
                    continue
            stated.add((event.id, relation.target, relation.kind))
            forward, backward = RELATIONS[relation.kind]
            other = events[relation.target]
            relations[event.id].append(RelationLink(forward, relation.kind, other, True))
            relations[other.id].append(RelationLink(backward, relation.kind, event, False))

    def relation_order(item: RelationLink) -> tuple[int, str, bool]:
        return position[item.other.id], item.phrase, item.stated_here

    return {k: tuple(sorted(v, key=relation_order)) for k, v in relations.items()}


def _backlinks(timeline: Timeline) -> dict[str, tuple[Backlink, ...]]:
    """The pages whose bodies link to each id: actors first, then events in time order."""
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    for actor in timeline.actors.values():
        for target in dict.fromkeys(wikilink.target for wikilink in find_wikilinks(actor.body)):
            backlinks[target].append(Backlink("actor", actor.id))
    for event in timeline.events:
        for target in dict.fromkeys(wikilink.target for wikilink in find_wikilinks(event.body)):
            if target != event.id:
                backlinks[target].append(Backlink("event", event.id))
    return {k: tuple(v) for k, v in backlinks.items()}


@dataclass(frozen=True, slots=True)
class _Groups:
    """The events listed under each actor, tag, year, status, source and place, in time order."""

    by_actor: dict[str, tuple[Event, ...]]
    by_tag: dict[str, tuple[Event, ...]]
    by_year: dict[int, tuple[Event, ...]]
    by_status: dict[str, tuple[Event, ...]]
    by_source: dict[str, tuple[Event, ...]]
    by_place: dict[str, tuple[Event, ...]]
    by_country: dict[str, tuple[Event, ...]]


def countries_of(timeline: Timeline, event: Event) -> tuple[str, ...]:
    """The country codes of an event's places, then of its actors, without repeats."""
    found = [timeline.places[place_id].country for place_id in event.places]
    found += [timeline.actors[actor_id].country for actor_id in event.actors]
    return tuple(dict.fromkeys(code for code in found if code))


def _groups(timeline: Timeline) -> _Groups:
    """Group the events of a Timeline by actor, tag, year, status, source and place."""
    by_actor: dict[str, list[Event]] = defaultdict(list)
    by_tag: dict[str, list[Event]] = defaultdict(list)
    by_year: dict[int, list[Event]] = defaultdict(list)
    by_status: dict[str, list[Event]] = defaultdict(list)
    by_source: dict[str, list[Event]] = defaultdict(list)
    by_place: dict[str, list[Event]] = defaultdict(list)
    by_country: dict[str, list[Event]] = defaultdict(list)
    for event in timeline.events:
        for code in countries_of(timeline, event):
            by_country[code].append(event)
        for place_id in event.places:
            by_place[place_id].append(event)
        for actor_id in event.actors:
            by_actor[actor_id].append(event)
        for tag in event.tags:
            by_tag[tag].append(event)
        by_year[event.date.anchor_year()].append(event)
        if event.status is not None:
            by_status[event.status].append(event)
        for source_id in dict.fromkeys(citation.source for citation in event.citations):
            by_source[source_id].append(event)
    return _Groups(
        by_actor={k: tuple(by_actor.get(k, ())) for k in timeline.actors},
        by_tag={k: tuple(by_tag[k]) for k in sorted(by_tag)},
        by_year={k: tuple(by_year[k]) for k in sorted(by_year)},
        by_status=_by_status(timeline, by_status),
        by_source={k: tuple(by_source.get(k, ())) for k in timeline.sources},
        by_place={k: tuple(by_place.get(k, ())) for k in timeline.places},
        by_country={k: tuple(by_country[k]) for k in sorted(by_country)},
    )


def _by_status(timeline: Timeline, grouped: dict[str, list[Event]]) -> dict[str, tuple[Event, ...]]:
    """Every status, in the usual order, when events default to one; else (with
    `default_status: none`) only the statuses that some event has."""
    every = timeline.site.default_status is not None
    return {k: tuple(grouped.get(k, ())) for k in STATUSES if every or k in grouped}


def _quotes(timeline: Timeline) -> dict[str, tuple[QuoteRef, ...]]:
    """The quoting citations of each source, in the order of the source's text."""
    quotes: dict[str, list[QuoteRef]] = defaultdict(list)
    for event in timeline.events:
        for index, citation in enumerate(event.citations):
            if citation.quote:
                quotes[citation.source].append(QuoteRef(event, index, citation))
    return {
        k: tuple(sorted(v, key=lambda q: (q.citation.start, q.citation.end, q.anchor)))
        for k, v in quotes.items()
    }
