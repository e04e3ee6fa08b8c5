"""The places map of each page that has one: which places and countries it shows, with their
numbers of events and the links from the page to them (see render/map/).

A country is involved through a place's `country:` or an actor's (graph.by_country); its shape
links to the page of a place in it (one whose kind is country first, then the one with the most
events), or of an actor's when no place is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from markupsafe import Markup

from generator.i18n import Language
from generator.model import urls
from generator.model.countries import COUNTRIES
from generator.model.graph import Graph, countries_of
from generator.model.outlines import codes
from generator.model.timeline import Event
from generator.render.map.draw import Area, Point, Unplaced, map_svg

SMALL = 480  # a locator map's width in viewBox units


def events_map(graph: Graph, events: Iterable[Event], page: str, title: str) -> Markup:
    """The map of the places and countries of `events` for the page at `page`, each with its
    number of events among them."""
    chosen = tuple(events)
    places: dict[str, int] = {}
    countries: dict[str, int] = {}
    for event in chosen:
        for place_id in event.places:
            places[place_id] = places.get(place_id, 0) + 1
        for code in countries_of(graph.timeline, event):
            countries[code] = countries.get(code, 0) + 1
    return _map(graph, places, countries, page, title, 960)


def locator_map(graph: Graph, place_ids: Iterable[str], page: str, title: str) -> Markup:
    """A small map of the places `place_ids` and their countries, with their numbers of events
    in the whole timeline, which it says."""
    timeline = graph.timeline
    places = {place_id: len(graph.by_place[place_id]) for place_id in place_ids}
    countries = {
        code: len(graph.by_country.get(code, ()))
        for code in dict.fromkeys(timeline.places[p].country for p in places)
        if code
    }
    # A locator shows where a page's places are, but counts their events in the whole timeline,
    # not those of its page (one, on an event's page), so it says so beside every count.
    return _map(graph, places, countries, page, title, SMALL, whole=True)


def _map(
    graph: Graph,
    places: Mapping[str, int],
    countries: Mapping[str, int],
    page: str,
    title: str,
    width: int,
    whole: bool = False,
) -> Markup:
    timeline = graph.timeline
    points, unplaced = [], []
    for place_id in sorted(places):
        place = timeline.places[place_id]
        href = urls.href(page, urls.place(place_id))
        if place.coordinates is None:
            unplaced.append(Unplaced(place.name, href, places[place_id]))
        else:
            count = places[place_id]
            points.append(Point(place.name, href, count, *place.coordinates, place.country))
    shapes = codes()
    areas = tuple(
        _area(graph, code, countries[code], page) for code in sorted(countries) if code in shapes
    )
    prefix = "map" if width >= 960 else "locator"
    return map_svg(
        tuple(points),
        areas,
        tuple(unplaced),
        title=title,
        id_prefix=prefix,
        width=width,
        whole=whole,
        spoken=timeline.site.spoken,
    )


def _area(graph: Graph, code: str, count: int, page: str) -> Area:
    """The country `code` as a map shades it: its name, count and the page it links to."""
    timeline = graph.timeline
    places = [p for p in timeline.places.values() if p.country == code]
    if places:
        place = min(
            places,
            key=lambda p: (p.kind.casefold() != "country", -len(graph.by_place[p.id]), p.id),
        )
        path, via = urls.place(place.id), place.name
    else:
        actors = [a for a in timeline.actors.values() if a.country == code]
        actor = min(actors, key=lambda a: (-len(graph.by_actor[a.id]), a.kind != "country", a.id))
        path, via = urls.actor(actor.id), actor.name
    name = country_name(code, timeline.site.spoken)
    return Area(code, name, urls.href(page, path), count, via)


def country_name(code: str, spoken: Language) -> str:
    """The country `code`'s short name: CLDR's in `spoken`, the project's own in English."""
    if spoken.is_english:
        return COUNTRIES.get(code, "")
    return str(spoken.locale.territories.get(code, COUNTRIES.get(code, "")))
