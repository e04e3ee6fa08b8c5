"""The pages of places: one per place (its profile, a locator map, its events with their
overview, a feed) and the index of places, with the map of the whole timeline."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from generator.i18n import N_
from generator.incremental.affected import ACTORS, PLACES, SITE, Shown
from generator.model import urls
from generator.model.graph import Graph
from generator.model.timeline import Place
from generator.model.wikilinks import find_wikilinks
from generator.render.figures import Figure
from generator.render.maps import country_name, events_map, locator_map
from generator.render.overview.lanes import figure_titles, status_lanes
from generator.render.paging import ListPage, listing, paged
from generator.render.plan import Page, Parts, Values

_PARTS = frozenset((SITE, ACTORS, PLACES))


def place_pages(graph: Graph) -> Iterator[Page]:
    """A page per place, and the index of places."""
    every = tuple(graph.events)
    yield Page(urls.PLACES, "places.html", Shown(every, _PARTS), _places)
    size = graph.timeline.site.page_size
    for place in graph.timeline.places.values():
        events = graph.by_place[place.id]
        targets = tuple(
            link.target for link in find_wikilinks(place.body) if link.target in graph.events
        )
        shown = Shown((*(e.id for e in events), *targets), _PARTS)
        lanes = status_lanes(events)
        spoken = graph.timeline.site.spoken
        what = spoken.say(N_("Events in %(place)s"), place=place.name)
        figure = (
            Figure(events, lanes, *figure_titles(what, events, lanes, spoken)) if events else None
        )
        values = partial(_place_values, place.id)
        yield from paged(urls.place(place.id), "place.html", events, shown, values, figure, size)


def _place_values(place_id: str, page: ListPage, parts: Parts) -> Values:
    """A place's page: its events, and on the first page its profile and locator map too."""
    graph = parts.graph
    place = graph.timeline.places[place_id]
    path, first = page.path, page.first
    return {
        "place": place,
        "country": country_name(place.country, graph.timeline.site.spoken),
        **listing(parts, page, "h3"),
        "locator": locator_map(graph, (place_id,), path, _where(graph, place)) if first else "",
        "body": parts.bodies.for_page(place.body, path) if first else "",
    }


def _where(graph: Graph, place: Place) -> str:
    """A locator map's title: 'Where Balakot is'."""
    return graph.timeline.site.spoken.say(N_("Where %(place)s is"), place=place.name)


def _places(parts: Parts) -> Values:
    graph = parts.graph
    places = graph.timeline.places.values()
    ordered = sorted(places, key=lambda p: (p.name.casefold(), p.id))
    return {
        "rows": tuple(
            (
                place,
                country_name(place.country, graph.timeline.site.spoken),
                len(graph.by_place[place.id]),
            )
            for place in ordered
        ),
        "map": events_map(
            graph,
            graph.timeline.events,
            urls.PLACES,
            graph.timeline.site.spoken.gettext(N_("Every place on the map")),
        ),
    }
