"""The pages that list the events of one tag, year, status or source, each with its items and,
for tags and years, its overview."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from generator.i18n import N_
from generator.incremental.affected import ACTORS, PLACES, SITE, SOURCES, YEARS, Shown
from generator.model import urls
from generator.model.dates import year_label
from generator.model.graph import Graph
from generator.render.figures import Figure
from generator.render.highlight import highlighted, passages, pdf_pages, shown_span
from generator.render.maps import events_map
from generator.render.overview.lanes import figure_titles, glance, status_lanes
from generator.render.plan import Page, Parts, Values

_LISTS = frozenset((SITE, ACTORS))  # list items show each event's actors by name


def tag_pages(graph: Graph) -> Iterator[Page]:
    """A page per tag, with its overview and feed."""
    for tag, events in graph.by_tag.items():
        path = urls.tag(tag)
        spoken = graph.timeline.site.spoken
        what = spoken.say(N_("Events tagged “%(tag)s”"), tag=tag)
        figure = Figure(
            events, status_lanes(events), glance(what, "", spoken), glance(what, "year", spoken)
        )
        shown = Shown(tuple(e.id for e in events), _LISTS | {PLACES})
        yield Page(path, "tag.html", shown, partial(_tag_values, tag, path), figure)


def _tag_values(tag: str, path: str, parts: Parts) -> Values:
    events = parts.graph.by_tag[tag]
    return {
        "tag": tag,
        **parts.listing(events, path, "h2"),
        "map": events_map(
            parts.graph,
            events,
            path,
            parts.graph.timeline.site.spoken.say(N_("Places tagged “%(tag)s”"), tag=tag),
        ),
    }


def _places_of(parts: Parts, what: str) -> str:
    """A map's title: 'Places of 2019'."""
    return parts.graph.timeline.site.spoken.say(N_("Places of %(what)s"), what=what)


def year_pages(graph: Graph) -> Iterator[Page]:
    """A page per year with events, linking to the years before and after it."""
    parts = _LISTS | {YEARS, PLACES}
    years = list(graph.by_year)
    for at, (year, events) in enumerate(graph.by_year.items()):
        path = urls.year(year)
        lanes = status_lanes(events)
        spoken = graph.timeline.site.spoken
        figure = Figure(
            events, lanes, *figure_titles(year_label(year, spoken), events, lanes, spoken)
        )
        shown = Shown(tuple(e.id for e in events), parts)
        around = (years[at - 1] if at > 0 else None, years[at + 1] if at + 1 < len(years) else None)
        yield Page(path, "year.html", shown, partial(_year_values, year, around, path), figure)


def _year_values(
    year: int, around: tuple[int | None, int | None], path: str, parts: Parts
) -> Values:
    events = parts.graph.by_year[year]
    return {
        "year": year,
        **parts.listing(events, path, "h2"),
        "map": events_map(
            parts.graph,
            events,
            path,
            _places_of(parts, year_label(year, parts.graph.timeline.site.spoken)),
        ),
        "previous_year": around[0],
        "next_year": around[1],
    }


def status_pages(graph: Graph) -> Iterator[Page]:
    """A page per status the graph lists: every status (also those no event has), or with
    `default_status: none` only those that some event has."""
    for status, events in graph.by_status.items():
        path = urls.status(status)
        shown = Shown(tuple(e.id for e in events), _LISTS)
        yield Page(path, "status.html", shown, partial(_status_values, status, path))


def _status_values(status: str, path: str, parts: Parts) -> Values:
    return {"status": status, **parts.listing(parts.graph.by_status[status], path, "h2")}


def source_pages(graph: Graph) -> Iterator[Page]:
    """A page per source: its text with every quoted passage marked, and the events citing it."""
    for source_id in graph.timeline.sources:
        path = urls.source(source_id)
        shown = Shown(tuple(e.id for e in graph.by_source[source_id]), _LISTS | {SOURCES})
        yield Page(path, "source.html", shown, partial(_source_values, source_id, path))


def _source_values(source_id: str, path: str, parts: Parts) -> Values:
    graph = parts.graph
    source = graph.timeline.sources[source_id]
    quotes = graph.quotes.get(source_id, ())
    published = source.publish_text and bool(source.text)
    spoken = graph.timeline.site.spoken
    return {
        "source": source,
        **parts.listing(graph.by_source[source_id], path, "h3"),
        "text": highlighted(source, quotes, path, spoken)
        if published and source.kind != "pdf"
        else "",
        "pages": pdf_pages(source, quotes, path, spoken)
        if published and source.kind == "pdf"
        else (),
        "passages": () if source.publish_text else passages(source, quotes),
        "partial": published and shown_span(source, quotes) != (0, len(source.text)),
    }
