"""`timelinejs.json`, TimelineJS3's JSON format, for the interactive view.

TimelineJS3 turns `year` into a JavaScript Date (astronomical: year 0 exists) yet labels a
negative year `abs(year) BCE`, so it reads years historically: 44 BC must be `-44`. BCE years
are converted (astronomical `-0043` -> `-44`); positions before AD 1 therefore sit one year
early on its axis, which its labels agree with, and every slide's `display_date` carries the
exact wording anyway. A slide's `start_date` and `end_date` give only the parts the date knows
(`{year}` for a year); a date with an open or unknown end is one point at its known end, and
`display_date` (`since 2019`, `until 2019`) keeps the uncertainty. `group` is the status label:
every event has exactly one, so each lands in one meaningful row (confirmed, denied …), whereas
an event's first actor is an accident of how its front matter lists them. Eras span every day
they can mean; an open or unknown end is clamped to the events' span (the first and last day any
event can mean), as TimelineJS needs both ends, and an era that would end before it starts is
left out. A slide's `media` is the event's first local image (never a link card, which TimelineJS
would embed from its host), its addresses relative to this file.
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Sequence
from typing import Any

from generator.model import urls
from generator.model.dates import Point
from generator.model.days import from_day_number
from generator.model.graph import Graph
from generator.model.media import first_image
from generator.model.timeline import STATUSES, Event
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
        return event, inputs.bodies.links(event.body)

    def make(self, inputs: Inputs, shared: Any, event: Event) -> bytes:
        return dumps(_slide(inputs.graph, inputs.bodies, event)).encode()

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        document = timelinejs(inputs.graph, inputs.bodies, with_events=False)
        yield urls.TIMELINEJS_JSON, spliced_json(document, pieces)


TIMELINEJS = _Slides()


def tljs_year(year: int) -> int:
    """An astronomical year -> TimelineJS's historical numbering: -43 (44 BC) -> -44, 0 -> -1."""
    return year if year > 0 else year - 1


def tljs_date(point: Point) -> dict[str, int]:
    """A date point -> a TimelineJS date object with only the parts it knows."""
    result = {"year": tljs_year(point.year)}
    if point.month is not None:
        result["month"] = point.month
        if point.day is not None:
            result["day"] = point.day
    return result


def _tljs_day(day: int) -> dict[str, int]:
    year, month, day_of_month = from_day_number(day)
    return {"year": tljs_year(year), "month": month, "day": day_of_month}


def timelinejs(
    graph: Graph, bodies: Bodies | None = None, *, with_events: bool = True
) -> dict[str, Any]:
    """The graph -> a TimelineJS3 document: title slide, one slide per event, and the eras;
    `with_events=False` leaves its "events" empty, for them to be spliced in."""
    bodies = bodies or Bodies(graph)
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
    document["scale"] = "human"
    return document


def _slide(graph: Graph, bodies: Bodies, event: Event) -> dict[str, Any]:
    url = urls.absolute(graph.timeline.site.base_url, urls.event(event.id))
    start, end = event.date.start, event.date.end
    known = [point for point in (start, end) if isinstance(point, Point)]
    slide: dict[str, Any] = {"start_date": tljs_date(known[0])}
    if len(known) == 2 and known[0] != known[1]:
        slide["end_date"] = tljs_date(known[1])
    label = STATUSES[event.status][0]
    parts = [f"<p>{html_text(event.summary)}</p>"] if event.summary else []
    parts.append(f"<p>{html_text(event.date_described)} · {label}</p>")
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
    slide.update(
        display_date=event.date_words,
        text={
            "headline": f'<a href="{html.escape(url)}">{html_text(event.title)}</a>',
            "text": "\n".join(parts),
        },
        group=label,
        unique_id=event.id,
    )
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
