"""Stage 3: the link graph — who points at whom, and every grouping the pages list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.model.timeline import (
    DEFAULT_RELATION,
    RELATIONS,
    STATUSES,
    Citation,
    Event,
    Timeline,
)
from generator.model.wikilinks import find_wikilinks

# What events are grouped by: ids and codes, or years.
K = TypeVar("K", str, int)


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


def link(timeline: Timeline, last: Graph | None = None) -> Graph:
    """Build the Graph of a validated Timeline. Given the `last` graph (the preview's), patch it
    for the events that changed when nothing else did, rather than link every event again."""
    events = {event.id: event for event in timeline.events}
    position = {event.id: index for index, event in enumerate(timeline.events)}
    patch = None if last is None else _patch(last, timeline, events, position)
    groups = _groups(timeline, patch)
    return Graph(
        timeline=timeline,
        events=events,
        position=position,
        relations=_relations(timeline, events, position, patch),
        backlinks=_backlinks(timeline, patch),
        by_actor=groups.by_actor,
        by_tag=groups.by_tag,
        by_year=groups.by_year,
        by_status=groups.by_status,
        by_source=groups.by_source,
        by_place=groups.by_place,
        by_country=groups.by_country,
        quotes=_quotes(timeline, patch),
    )


@dataclass(frozen=True, slots=True)
class _Patch:
    """What changed since the last graph: only events, and few of them."""

    last: Graph
    gone: tuple[Event, ...]  # the last graph's events that changed or were removed
    came: tuple[Event, ...]  # the events that changed or were added, as they are now
    position: dict[str, int]  # every event's place in time now

    @property
    def gone_ids(self) -> frozenset[str]:
        return frozenset(event.id for event in self.gone)

    def group(
        self, last: Mapping[K, tuple[Event, ...]], keys: Callable[[Event], Iterable[K]]
    ) -> dict[K, tuple[Event, ...]]:
        """The `last` groups (by `keys` of each event) with the events that went taken out and
        those that came put in, in time order; a group left empty stays, as an empty tuple."""
        touched: dict[K, list[Event]] = {}
        for event in self.gone:
            for key in keys(event):
                touched.setdefault(key, [])
        for event in self.came:
            for key in keys(event):
                touched.setdefault(key, []).append(event)
        gone, position = self.gone_ids, self.position
        groups = dict(last)
        for key, added in touched.items():
            kept = [event for event in last.get(key, ()) if event.id not in gone]
            groups[key] = tuple(sorted(kept + added, key=lambda event: position[event.id]))
        return groups


def _patch(
    last: Graph, timeline: Timeline, events: dict[str, Event], position: dict[str, int]
) -> _Patch | None:
    """The change from the `last` graph to `timeline`, if only a few of its events changed
    (an unchanged event is the same object); else None, and the graph is linked anew."""
    before, after = last.timeline, timeline
    if (before.site, before.actors, before.sources, before.places) != (
        after.site,
        after.actors,
        after.sources,
        after.places,
    ):
        return None
    came = tuple(event for event in after.events if last.events.get(event.id) is not event)
    removed = [event for event_id, event in last.events.items() if event_id not in events]
    # Past about an eighth of the events, patching each group costs more than grouping anew.
    if len(came) + len(removed) > 16 + len(events) // 8:
        return None
    changed = [last.events[event.id] for event in came if event.id in last.events]
    return _Patch(last, (*changed, *removed), came, position)


def _relations(
    timeline: Timeline,
    events: dict[str, Event],
    position: dict[str, int],
    patch: _Patch | None,
) -> dict[str, tuple[RelationLink, ...]]:
    """Every relation, on the pages of both of its events, in time order of the other event."""
    if patch is None:
        return _related(timeline.events, events, position)
    last = patch.last.relations
    # The pages whose relations may change: the changed events' and their partners', then or now.
    pages = set()
    for event in (*patch.gone, *patch.came):
        pages.add(event.id)
        pages.update(relation.target for relation in event.related)
        pages.update(link.other.id for link in last.get(event.id, ()))
    # A page's relations come from the pairs it is in: linking every event of those pairs, in
    # time order, makes them as linking all events would.
    involved = set(pages)
    for event_id in pages:
        involved.update(link.other.id for link in last.get(event_id, ()))
        if event_id in events:
            involved.update(relation.target for relation in events[event_id].related)
    ordered = sorted((events[i] for i in involved if i in events), key=lambda e: position[e.id])
    fresh = _related(ordered, events, position)
    relations = {k: v for k, v in last.items() if k not in pages}
    relations.update((k, fresh[k]) for k in pages if k in fresh)
    return relations


def _related(
    ordered: Sequence[Event], events: dict[str, Event], position: dict[str, int]
) -> dict[str, tuple[RelationLink, ...]]:
    """The relations of the pairs that the `ordered` events (in time order) state."""
    # A plain `related-to` adds nothing where the pair already has a named relation.
    named_pairs = {
        frozenset((event.id, relation.target))
        for event in ordered
        for relation in event.related
        if relation.kind != DEFAULT_RELATION
    }
    stated: set[tuple[str, str, str]] = set()
    relations: dict[str, list[RelationLink]] = defaultdict(list)
    for event in ordered:
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


def _backlinks(timeline: Timeline, patch: _Patch | None) -> dict[str, tuple[Backlink, ...]]:
    """The pages whose bodies link to each id: actors first, then events in time order."""
    if patch is not None:
        return _patched_backlinks(patch)
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    for actor in timeline.actors.values():
        for target in _targets(actor.body):
            backlinks[target].append(Backlink("actor", actor.id))
    for event in timeline.events:
        for target in _targets(event.body, event.id):
            backlinks[target].append(Backlink("event", event.id))
    return {k: tuple(v) for k, v in backlinks.items()}


def _patched_backlinks(patch: _Patch) -> dict[str, tuple[Backlink, ...]]:
    """The last graph's backlinks, those of the changed events taken out and put in again."""
    touched: dict[str, list[Backlink]] = {}
    for event in patch.gone:
        for target in _targets(event.body, event.id):
            touched.setdefault(target, [])
    for event in patch.came:
        for target in _targets(event.body, event.id):
            touched.setdefault(target, []).append(Backlink("event", event.id))
    gone, position = patch.gone_ids, patch.position
    backlinks = dict(patch.last.backlinks)
    for target, added in touched.items():
        last = backlinks.pop(target, ())
        actors = [backlink for backlink in last if backlink.kind == "actor"]
        events = [b for b in last if b.kind == "event" and b.id not in gone] + added
        events.sort(key=lambda backlink: position[backlink.id])
        if actors or events:
            backlinks[target] = (*actors, *events)
    return backlinks


def _targets(body: str, own_id: str = "") -> Iterable[str]:
    """The ids a body links to with `[[id]]`, each once, but its own."""
    found = dict.fromkeys(wikilink.target for wikilink in find_wikilinks(body))
    return (target for target in found if target != own_id)


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


def _groups(timeline: Timeline, patch: _Patch | None) -> _Groups:
    """Group the events of a Timeline by actor, tag, year, status, source and place; with a
    `patch`, only the groups of the changed events are grouped again."""

    def gather(
        keys: Callable[[Event], Iterable[K]], last: Callable[[Graph], Mapping[K, tuple[Event, ...]]]
    ) -> Mapping[K, tuple[Event, ...]]:
        if patch is not None:
            return patch.group(last(patch.last), keys)
        grouped: dict[K, list[Event]] = defaultdict(list)
        for event in timeline.events:
            for key in keys(event):
                grouped[key].append(event)
        return {k: tuple(v) for k, v in grouped.items()}

    by_actor = gather(lambda event: event.actors, lambda graph: graph.by_actor)
    by_tag = gather(lambda event: event.tags, lambda graph: graph.by_tag)
    by_year = gather(lambda event: (event.date.anchor_year(),), lambda graph: graph.by_year)
    by_status = gather(_status, lambda graph: graph.by_status)
    by_source = gather(_cited, lambda graph: graph.by_source)
    by_place = gather(lambda event: event.places, lambda graph: graph.by_place)
    by_country = gather(lambda event: countries_of(timeline, event), lambda g: g.by_country)
    return _Groups(
        by_actor={k: by_actor.get(k, ()) for k in timeline.actors},
        by_tag=_sorted_groups(by_tag),
        by_year=_sorted_groups(by_year),
        by_status=_by_status(timeline, by_status),
        by_source={k: by_source.get(k, ()) for k in timeline.sources},
        by_place={k: by_place.get(k, ()) for k in timeline.places},
        by_country=_sorted_groups(by_country),
    )


def _status(event: Event) -> tuple[str, ...]:
    return () if event.status is None else (event.status,)


def _cited(event: Event) -> Iterable[str]:
    """The sources an event cites, each once."""
    return dict.fromkeys(citation.source for citation in event.citations)


def _sorted_groups(groups: Mapping[K, tuple[Event, ...]]) -> dict[K, tuple[Event, ...]]:
    """The groups that have events, in order of their keys."""
    return {k: groups[k] for k in sorted(groups) if groups[k]}


def _by_status(
    timeline: Timeline, grouped: Mapping[str, tuple[Event, ...]]
) -> dict[str, tuple[Event, ...]]:
    """Every status, in the usual order, when events default to one; else (with
    `default_status: none`) only the statuses that some event has."""
    every = timeline.site.default_status is not None
    return {k: grouped.get(k, ()) for k in STATUSES if every or grouped.get(k)}


def _quotes(timeline: Timeline, patch: _Patch | None) -> dict[str, tuple[QuoteRef, ...]]:
    """The quoting citations of each source, in the order of the source's text."""
    quotes: dict[str, list[QuoteRef]] = defaultdict(list)
    if patch is not None:
        # The sources the changed events cite, then or now, with their other events' quotes.
        gone = patch.gone_ids
        for event in (*patch.gone, *patch.came):
            for citation in event.citations:
                last = patch.last.quotes.get(citation.source, ())
                quotes[citation.source] = [quote for quote in last if quote.event.id not in gone]
    for event in timeline.events if patch is None else patch.came:
        for index, citation in enumerate(event.citations):
            if citation.quote:
                quotes[citation.source].append(QuoteRef(event, index, citation))
    made = {
        k: tuple(sorted(v, key=lambda q: (q.citation.start, q.citation.end, q.anchor)))
        for k, v in quotes.items()
    }
    if patch is not None:
        made = {**patch.last.quotes, **made}
    return {k: v for k, v in made.items() if v}
