"""Every HTML page of the site, as its planner says it: where it goes, its template, what it
shows (for the incremental build's record) and how to make the values its template shows.

There is one planner per kind of page. A planner works out what each page shows from the link
graph at once, and its values only when the page is to be rendered: an edit plans every page's
record, but makes the values of only the pages it changes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import partial

from generator.i18n import N_
from generator.incremental.affected import ACTORS, PLACES, SITE, SOURCES, Shown
from generator.model import urls
from generator.model.graph import Graph
from generator.model.timeline import Event
from generator.model.wikilinks import find_wikilinks
from generator.render.changes import changes_pages
from generator.render.corrections import corrections_pages
from generator.render.embeds import embedding
from generator.render.figures import Figure
from generator.render.indexes import index_pages
from generator.render.lists import places_of, source_pages, status_pages, tag_pages, year_pages
from generator.render.maps import events_map, locator_map
from generator.render.overview.lanes import figure_titles, status_lanes
from generator.render.paging import ListPage, listing, paged
from generator.render.places import place_pages
from generator.render.plan import Page, Parts, Values
from generator.render.values import ShownRelation, backlinks, with_sources


def event_pages(graph: Graph, only: Collection[str] | None = None) -> Iterator[Page]:
    """A page per event (or per event of `only`, by id): its body, sources, relations, links
    to it, neighbours in time."""
    parts = frozenset((SITE, ACTORS, SOURCES, PLACES))
    events = graph.timeline.events
    chosen = range(len(events)) if only is None else sorted(graph.position[i] for i in only)
    for at in chosen:
        event = events[at]
        path = urls.event(event.id)
        shown = Shown(_shown_by_event_page(graph, events, at), parts, (event.id,))
        yield Page(path, "event.html", shown, partial(_event_values, event, path))


def _shown_by_event_page(graph: Graph, events: tuple[Event, ...], at: int) -> tuple[str, ...]:
    """The event at `at`, its neighbours in time, related and linking events, and the events
    its body links to (their titles show): run for every event page on every edit."""
    event = events[at]
    shown = [event.id]
    if at > 0:
        shown.append(events[at - 1].id)
    if at + 1 < len(events):
        shown.append(events[at + 1].id)
    relations = graph.relations.get(event.id)
    if relations:
        shown += (relation.other.id for relation in relations)
    linking = graph.backlinks.get(event.id)
    if linking:
        shown += (b.id for b in linking if b.kind == "event")
    links = find_wikilinks(event.body)
    if links:
        shown += (link.target for link in links if link.target in graph.events)
    return tuple(shown)


def _event_values(event: Event, path: str, parts: Parts) -> Values:
    graph = parts.graph
    timeline = graph.timeline
    listed = parts.listed
    previous, following = graph.previous(event), graph.next(event)
    return {
        "event": event,
        "actors": timeline.actors,
        "places": tuple(timeline.places[place_id] for place_id in event.places),
        "locator": locator_map(
            graph, event.places, path, graph.timeline.site.spoken.gettext(N_("Where it happened"))
        ),
        "body": parts.bodies.for_page(event.body, path),
        "citations": tuple((c, timeline.sources[c.source]) for c in event.citations),
        "relations": tuple(
            ShownRelation(r.phrase, r.kind, listed[r.other.id])
            for r in graph.relations.get(event.id, ())
        ),
        "backlinks": backlinks(graph, graph.backlinks.get(event.id, ())),
        "jsonld": parts.jsonld[event.id],
        "meta": parts.meta[event.id],
        "media": with_sources(event.media, timeline.sources),
        "previous": None if previous is None else listed[previous.id],
        "next": None if following is None else listed[following.id],
    }


def actor_pages(graph: Graph) -> Iterator[Page]:
    """A page per actor: its profile, its events with their overview, links to it."""
    size = graph.timeline.site.page_size
    for actor in graph.timeline.actors.values():
        events = graph.by_actor[actor.id]
        linking = tuple(b.id for b in graph.backlinks.get(actor.id, ()) if b.kind == "event")
        targets = tuple(
            link.target for link in find_wikilinks(actor.body) if link.target in graph.events
        )
        # An actor's media may cite a source, whose title its page then shows.
        parts = frozenset((SITE, ACTORS, PLACES, *((SOURCES,) if actor.media else ())))
        shown = Shown((*(e.id for e in events), *linking, *targets), parts)
        lanes = status_lanes(events)
        spoken = graph.timeline.site.spoken
        what = spoken.say(N_("Events of %(actor)s"), actor=actor.name)
        figure = (
            Figure(events, lanes, *figure_titles(what, events, lanes, spoken)) if events else None
        )
        values = partial(_actor_values, actor.id)
        yield from paged(urls.actor(actor.id), "actor.html", events, shown, values, figure, size)


def _actor_values(actor_id: str, page: ListPage, parts: Parts) -> Values:
    """An actor's page: its events, and on the first page its profile and map too."""
    graph = parts.graph
    actor = graph.timeline.actors[actor_id]
    path, events = page.path, graph.by_actor[actor_id]
    first = page.first
    return {
        "actor": actor,
        **listing(parts, page, "h3"),
        "map": events_map(graph, events, path, places_of(graph, actor.name)) if first else "",
        "body": parts.bodies.for_page(actor.body, path) if first else "",
        "media": with_sources(actor.media, graph.timeline.sources) if first else (),
        "backlinks": backlinks(graph, graph.backlinks.get(actor_id, ())) if first else (),
    }


def plan_pages(graph: Graph, interactive_language: str | None) -> list[Page]:
    """Every HTML page of the site; the interactive view with TimelineJS's language."""
    plan = [
        *index_pages(graph, interactive_language),
        *event_pages(graph),
        *actor_pages(graph),
        *tag_pages(graph),
        *year_pages(graph),
        *status_pages(graph),
        *source_pages(graph),
        *place_pages(graph),
        *corrections_pages(graph.timeline),
        *changes_pages(graph.timeline),
    ]
    return embedding(graph, plan)
