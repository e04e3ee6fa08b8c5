"""The pages that list the events of one tag, year, status or source, each with its items and,
for tags and years, its overview."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from markupsafe import Markup

from generator.i18n import N_, Language
from generator.incremental.affected import ACTORS, PLACES, SITE, SOURCES, YEARS, Shown
from generator.model import urls
from generator.model.dates import year_label
from generator.model.graph import Graph
from generator.model.timeline import Event
from generator.render.figures import Figure
from generator.render.highlight import highlighted, passages, pdf_pages, shown_span
from generator.render.maps import events_map
from generator.render.overview.lanes import figure_titles, glance, status_lanes
from generator.render.paging import ListPage, listing, paged
from generator.render.plan import Page, Parts, Values

_LISTS = frozenset((SITE, ACTORS))  # list items show each event's actors by name


def tag_pages(graph: Graph) -> Iterator[Page]:
    """A page per tag, with its overview and feed."""
    size = graph.timeline.site.page_size
    for tag, events in graph.by_tag.items():
        spoken = graph.timeline.site.spoken
        what = spoken.say(N_("Events tagged “%(tag)s”"), tag=tag)
        figure = Figure(
            events, status_lanes(events), glance(what, "", spoken), glance(what, "year", spoken)
        )
        shown = Shown(tuple(e.id for e in events), _LISTS | {PLACES})
        values = partial(_tag_values, tag)
        yield from paged(urls.tag(tag), "tag.html", events, shown, values, figure, size)


def _tag_values(tag: str, page: ListPage, parts: Parts) -> Values:
    events = parts.graph.by_tag[tag]
    return {
        "tag": tag,
        **listing(parts, page, "h2"),
        "map": _map(
            parts, page, events, _spoken(parts).say(N_("Places tagged “%(tag)s”"), tag=tag)
        ),
    }


def _spoken(parts: Parts) -> Language:
    return parts.graph.timeline.site.spoken


def _map(parts: Parts, page: ListPage, events: tuple[Event, ...], title: str) -> Markup:
    """The map of a list's places, on its first page only."""
    return events_map(parts.graph, events, page.path, title) if page.first else Markup("")


def places_of(graph: Graph, what: str) -> str:
    """A map's title: 'Places of 2019', 'Places of Pakistan'."""
    return graph.timeline.site.spoken.say(N_("Places of %(what)s"), what=what)


def year_pages(graph: Graph) -> Iterator[Page]:
    """A page per year with events, linking to the years before and after it."""
    parts = _LISTS | {YEARS, PLACES}
    size = graph.timeline.site.page_size
    years = list(graph.by_year)
    for at, (year, events) in enumerate(graph.by_year.items()):
        lanes = status_lanes(events)
        spoken = graph.timeline.site.spoken
        figure = Figure(
            events, lanes, *figure_titles(year_label(year, spoken), events, lanes, spoken)
        )
        shown = Shown(tuple(e.id for e in events), parts)
        around = (years[at - 1] if at > 0 else None, years[at + 1] if at + 1 < len(years) else None)
        values = partial(_year_values, year, around)
        yield from paged(urls.year(year), "year.html", events, shown, values, figure, size)


def _year_values(
    year: int, around: tuple[int | None, int | None], page: ListPage, parts: Parts
) -> Values:
    events = parts.graph.by_year[year]
    return {
        "year": year,
        **listing(parts, page, "h2"),
        "map": _map(parts, page, events, places_of(parts.graph, year_label(year, _spoken(parts)))),
        "previous_year": around[0],
        "next_year": around[1],
    }


def status_pages(graph: Graph) -> Iterator[Page]:
    """A page per status the graph lists: every status (also those no event has), or with
    `default_status: none` only those that some event has."""
    size = graph.timeline.site.page_size
    for status, events in graph.by_status.items():
        shown = Shown(tuple(e.id for e in events), _LISTS)
        values = partial(_status_values, status)
        yield from paged(urls.status(status), "status.html", events, shown, values, None, size)


def _status_values(status: str, page: ListPage, parts: Parts) -> Values:
    return {"status": status, **listing(parts, page, "h2")}


def source_pages(graph: Graph) -> Iterator[Page]:
    """A page per source: its text with every quoted passage marked, and the events citing it."""
    size = graph.timeline.site.page_size
    for source_id in graph.timeline.sources:
        events = graph.by_source[source_id]
        shown = Shown(tuple(e.id for e in events), _LISTS | {SOURCES})
        values = partial(_source_values, source_id)
        yield from paged(urls.source(source_id), "source.html", events, shown, values, None, size)


def _source_values(source_id: str, page: ListPage, parts: Parts) -> Values:
    """A source's page: its events, and on the first page its text or its quoted passages."""
    graph = parts.graph
    source = graph.timeline.sources[source_id]
    quotes = graph.quotes.get(source_id, ()) if page.first else ()
    published = source.publish_text and bool(source.text) and page.first
    path, spoken = page.path, graph.timeline.site.spoken
    return {
        "source": source,
        **listing(parts, page, "h3"),
        "text": highlighted(source, quotes, path, spoken)
        if published and source.kind != "pdf"
        else "",
        "pages": pdf_pages(source, quotes, path, spoken)
        if published and source.kind == "pdf"
        else (),
        "passages": () if source.publish_text or not page.first else passages(source, quotes),
        "partial": published and shown_span(source, quotes) != (0, len(source.text)),
    }
