"""`timelinejs.json`, TimelineJS3's JSON format, for the interactive view.

TimelineJS3 turns `year` into a JavaScript Date (astronomical: year 0 exists) yet labels a
negative year `abs(year) BCE`, so it reads years historically: 44 BC must be `-44`. BCE years
are converted (astronomical `-0043` -> `-44`); positions before AD 1 therefore sit one year
early on its axis, which its labels agree with, and every slide's `display_date` carries the
exact wording anyway. A slide's `start_date` and `end_date` give only the parts the date knows
(`{year}` for a year); a date with an open or unknown end is one point at its known end, and
`display_date` (`since 2019`, `until 2019`) keeps the uncertainty. `group` is the status label:
an event has at most one, so each lands in one meaningful row (confirmed, denied …), whereas
an event's first actor is an accident of how its front matter lists them; an event without a
status (`default_status: none`) has no group. Eras span every day they can mean; an open or
unknown end is clamped to the events' span (the first and last day any event can mean), as
TimelineJS needs both ends, and an era that would end before it starts is left out. A
slide's `location` ({lat, lon, name}) is its event's first place with coordinates.
A slide's `media` is the event's first local image (never a link card, which TimelineJS
would embed from its host), its addresses relative to this file.
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Sequence
from typing import Any

from generator.incremental.keep import ONE_OFF
from generator.model import urls
from generator.model.clock import UTC
from generator.model.dates import Point
from generator.model.days import from_day_number, instant_parts
from generator.model.graph import Graph
from generator.model.media import first_image
from generator.model.timeline import Event, event_places
from generator.outputs.protocol import Files
from generator.outputs.text import dumps, html_text
from generator.outputs.timeline_json import spliced_json
from generator.render.bodies import Bodies
from generator.render.inputs import Inputs


class _Slides:
    """`timelinejs.json`, each event's slide encoded once while it is unchanged, spliced in."""

    name = "slide"

    def shared(self, inputs: Inputs) -> Hashable:
        return inputs.graph.timeline.site

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        places = event_places(inputs.graph.timeline, event)
        return event, inputs.bodies.links(event.body), places

    def make(self, inputs: Inputs, shared: Any, event: Event) -> bytes:
        return dumps(_slide(inputs.graph, inputs.bodies, event)).encode()

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        document = timelinejs(inputs.graph, inputs.bodies, with_events=False)
        yield urls.TIMELINEJS_JSON, spliced_json(document, pieces)


TIMELINEJS = _Slides()


def tljs_year(year: int) -> int:
    """An astronomical year -> TimelineJS's historical numbering: -43 (44 BC) -> -44, 0 -> -1."""
    return year if year > 0 else year - 1


# JavaScript's Date holds about 273,790 years either side of 1970; TimelineJS's cosmological
# scale counts years alone and goes further, as deep time needs.
_HUMAN_YEARS = 270_000


def tljs_date(point: Point, zone: str = UTC) -> dict[str, int]:
    """A date point -> a TimelineJS date object with only the parts it knows: the first year
    of a decade or century; a time as the clock reads it in `zone`, the date's, since
    TimelineJS has no time zones and must order times written with other offsets by instant."""
    if point.time is not None:
        year, month, day, hour, minute, second = instant_parts(point.zone_clock(zone))
        result = {"year": tljs_year(year), "month": month, "day": day}
        result.update(hour=hour, minute=minute)
        if point.time.second is not None:
            result["second"] = second
        return result
    result = {"year": tljs_year(point.year_span()[0])}
    if point.month is not None:
        result["month"] = point.month
        if point.day is not None:
            result["day"] = point.day
    return result


def scale(graph: Graph) -> str:
    """'cosmological' when an event or era lies beyond what TimelineJS's human scale holds."""
    dates = [event.date for event in graph.timeline.events]
    dates += [era.date for era in graph.timeline.site.eras]
    points = [p for date in dates for p in (date.start, date.end) if isinstance(p, Point)]
    deep = any(abs(p.year) > _HUMAN_YEARS for p in points)
    return "cosmological" if deep else "human"


def _tljs_day(day: int) -> dict[str, int]:
    year, month, day_of_month = from_day_number(day)
    return {"year": tljs_year(year), "month": month, "day": day_of_month}


def timelinejs(
    graph: Graph, bodies: Bodies | None = None, *, with_events: bool = True
) -> dict[str, Any]:
    """The graph -> a TimelineJS3 document: title slide, one slide per event, and the eras;
    `with_events=False` leaves its "events" empty, for them to be spliced in."""
    bodies = bodies or Bodies(graph, ONE_OFF)
    site = graph.timeline.site
    index = urls.absolute(site.base_url, urls.INDEX)
    title_text = f"<p>{html_text(site.description)}</p>" if site.description else ""
    document: dict[str, Any] = {
        "title": {
            # An id that no event can have: event ids start with a letter or a digit.
            "unique_id": "_title",
            "text": {
                "headline": f'<a href="{html.escape(index)}">{html_text(site.title)}</a>',
                "text": title_text,
            },
        },
        "events": [_slide(graph, bodies, event) for event in graph.timeline.events if with_events],
    }
    eras = _eras(graph)
    if eras:
        document["eras"] = eras
    document["scale"] = scale(graph)
    return document


def _slide(graph: Graph, bodies: Bodies, event: Event) -> dict[str, Any]:
    url = urls.absolute(graph.timeline.site.base_url, urls.event(event.id))
    start, end = event.date.start, event.date.end
    known = [point for point in (start, end) if isinstance(point, Point)]
    zone = event.date.zone
    slide: dict[str, Any] = {"start_date": tljs_date(known[0], zone)}
    if len(known) == 2 and known[0] != known[1]:
        slide["end_date"] = tljs_date(known[1], zone)
    label = event.status_label
    spoken = graph.timeline.site.spoken
    facts = " · ".join(html_text(w) for w in (event.date_described(spoken), label) if w)
    parts = [f"<p>{html_text(event.summary)}</p>"] if event.summary else []
    parts.append(f"<p>{facts}</p>")
    if event.body.strip():
        parts.append(bodies.absolute(event.body, images_from=urls.INTERACTIVE))
    image = first_image(event.media, event.body_media)
    if image is not None and image.local is not None:
        slide["media"] = {
            # From this file's folder, the site's root: so the interactive view (which resolves
            # them against this file) loads them from the site it is on, wherever that is served.
            "url": urls.href(urls.TIMELINEJS_JSON, image.local.shared().path),
            "thumbnail": urls.href(urls.TIMELINEJS_JSON, image.local.thumbnail().path),
            "alt": image.alt,
            "caption": html_text(image.caption),
            "credit": html_text(image.credit),
        }
    slide["display_date"] = event.date_words(spoken)
    slide["text"] = {
        "headline": f'<a href="{html.escape(url)}">{html_text(event.title)}</a>',
        "text": "\n".join(parts),
    }
    if label:  # without a status, no group: TimelineJS gives such slides a row of their own
        slide["group"] = label
    slide["unique_id"] = event.id
    placed = [p for p in event_places(graph.timeline, event) if p.coordinates is not None]
    if placed:  # the first place with a position, as a TimelineJS location
        latitude, longitude = placed[0].coordinates or (0.0, 0.0)
        slide["location"] = {"lat": latitude, "lon": longitude, "name": placed[0].name}
    return slide


def _eras(graph: Graph) -> list[dict[str, Any]]:
    events = graph.timeline.events
    if not events:
        return []
    # The first and last day any event can mean, for era ends that are open or unknown.
    first = min(event.date.anchor_day() for event in events)
    last = max(event.date.last_known_day() for event in events)
    result = []
    for era in graph.timeline.site.eras:
        start = era.date.earliest_day()
        end = era.date.latest_day()
        start = first if start is None else start
        end = last if end is None else end
        if end < start:
            continue
        result.append(
            {
                "start_date": _tljs_day(start),
                "end_date": _tljs_day(end),
                "text": {"headline": html_text(era.name), "text": html_text(era.note)},
            }
        )
    return result
