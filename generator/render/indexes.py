"""The pages that show the whole timeline at once: the index with its overview and filters,
the index pages of actors, tags, years, statuses and sources, the 404 page and the
interactive view."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial

from markupsafe import Markup

from generator.i18n import N_
from generator.incremental.affected import ACTORS, PLACES, SITE, SOURCES, Shown
from generator.model import urls
from generator.model.days import day_number
from generator.model.graph import Graph
from generator.model.timeline import Era, Event
from generator.render.figures import Figure
from generator.render.maps import events_map
from generator.render.overview.lanes import glance
from generator.render.paging import ListPage, paged
from generator.render.plan import Page, Parts, Values
from generator.render.values import counts, filters_of
from generator.vendor import TIMELINEJS_FONT


def index_pages(graph: Graph, interactive_language: str | None) -> Iterator[Page]:
    """The index, the 404 page, the index pages of each kind and, with TimelineJS (whose
    language is `interactive_language`), the interactive view."""
    every = tuple(graph.events)  # the counts on the index pages depend on every event
    events = graph.timeline.events
    # The index draws each event once, so that it opens on its events rather than on a drawing
    # of each as many times as it has actors; the lanes per actor are on the Actors page.
    by_status = any(event.status is not None for event in events)
    spoken = graph.timeline.site.spoken
    whole = spoken.gettext(N_("The timeline"))
    phone = glance(whole, "year", spoken)
    figure = Figure(events, "status", glance(whole, "status" if by_status else "", spoken), phone)
    everything = Shown(every, frozenset((SITE, ACTORS, SOURCES, PLACES)))
    index_values = partial(_index, interactive_language is not None)
    in_order = tuple(event for year in graph.by_year.values() for event in year)
    size = graph.timeline.site.page_size
    yield from paged(urls.INDEX, "index.html", in_order, everything, index_values, figure, size)
    site_only = Shown((), frozenset((SITE,)))
    yield Page(urls.NOT_FOUND, "404.html", site_only, lambda parts: {})
    with_actors = Shown(every, frozenset((SITE, ACTORS)))
    lanes = Figure(events, "actor", glance(whole, "actor", spoken), phone)
    yield Page(
        urls.ACTORS, "actors.html", with_actors, _actors, lanes if _actor_lanes(graph) else None
    )
    counted = Shown(every, frozenset((SITE,)))
    yield Page(urls.TAGS, "tags.html", counted, lambda p: {"tags": counts(p.graph.by_tag)})
    yield Page(urls.YEARS, "years.html", counted, lambda p: {"years": counts(p.graph.by_year)})
    if graph.by_status:  # with `default_status: none`, a site may have no status at all
        yield Page(urls.STATUSES, "statuses.html", counted, _by_status)
    with_sources = Shown(every, frozenset((SITE, SOURCES)))
    yield Page(urls.SOURCES, "sources.html", with_sources, _sources)
    if interactive_language is not None:
        values = {"font": TIMELINEJS_FONT, "language": interactive_language}
        yield Page(urls.INTERACTIVE, "interactive.html", site_only, lambda parts: dict(values))


def _index(interactive: bool, page: ListPage, parts: Parts) -> Values:
    """The index: its share of the events by year, and on the first page the overview, map
    and a way to the interactive view."""
    graph = parts.graph
    timeline = graph.timeline
    actors = timeline.actors
    years: dict[int, list[Event]] = {}
    for event in page.events:
        years.setdefault(event.date.anchor_year(), []).append(event)
    first = page.first
    title = timeline.site.spoken.gettext(N_("The timeline’s places"))
    places = events_map(graph, timeline.events, urls.INDEX, title) if first else Markup("")
    return {
        "overview": parts.figures[urls.INDEX] if first else Markup(""),
        "actor_lanes": _actor_lanes(graph),
        "map": places,
        "years": {year: parts.lst(tuple(events)) for year, events in years.items()},
        "items": {
            year: parts.items(parts.lst(tuple(events)), page.path, "h3")
            for year, events in years.items()
        },
        "pager": page.pager,
        "actors": actors,
        "eras": timeline.site.eras,
        "era_years": _eras_by_year(timeline.site.eras, graph.by_year),
        "counts": (len(timeline.events), len(actors), len(graph.by_tag), len(timeline.sources)),
        "interactive": interactive and first,
        "filters": filters_of(graph),
    }


def _actor_lanes(graph: Graph) -> bool:
    """Whether the Actors page draws the timeline with a lane per actor: when events name any."""
    return any(event.actors for event in graph.timeline.events)


def _actors(parts: Parts) -> Values:
    graph = parts.graph
    actors = graph.timeline.actors.values()
    ordered = sorted(actors, key=lambda a: (a.name.casefold(), a.id))
    return {
        "rows": tuple((actor, len(graph.by_actor[actor.id])) for actor in ordered),
        "overview": parts.figures.get(urls.ACTORS, Markup("")),
    }


def _by_status(parts: Parts) -> Values:
    return {"by_status": counts(parts.graph.by_status)}


def _sources(parts: Parts) -> Values:
    graph = parts.graph
    sources = graph.timeline.sources.values()
    return {"rows": tuple((s, len(graph.by_source[s.id])) for s in sources)}


def _eras_by_year(
    eras: tuple[Era, ...], years: Mapping[int, tuple[Event, ...]]
) -> dict[int, tuple[tuple[int, Era], ...]]:
    """For each year with events, the eras (numbered from 1) whose span touches it."""
    result: dict[int, tuple[tuple[int, Era], ...]] = {}
    for year in years:
        first, last = day_number(year, 1, 1), day_number(year, 12, 31)
        result[year] = tuple(
            (number, era) for number, era in enumerate(eras, start=1) if _touches(era, first, last)
        )
    return result


def _touches(era: Era, first_day: int, last_day: int) -> bool:
    """Whether the era's possible span meets the days first_day..last_day (open ends: forever)."""
    start, end = era.date.earliest_day(), era.date.latest_day()
    return (start is None or start <= last_day) and (end is None or end >= first_day)
