"""Exports for programs: `timeline.json`, `timelinejs.json`, `sitemap.xml` and `robots.txt`.

`timeline.json` ("format": "timeline-export", "version": 1; JSON Schema in
`schema/timeline.schema.json`) holds everything the content says, with no HTML:

- `site`: title, description, language, base_url.
- `eras`, `events`, `actors`, `sources`: lists in the site's order (eras as written, events in
  time order, the rest by id). Each event, actor and source has `page`, the absolute URL of its
  page; a source's own `url` is where it is published, or null.
- `relations`: each relation stated in the content, `{from, relation, to}`, in time order of
  `from`; a plain `related-to` is dropped where the pair has a named relation, as on the pages.
- A date is `{edtf, display, precision, approximate, uncertain, earliest, latest}`: the
  canonical EDTF string, the site's short wording, and the first and last day it can mean as
  ISO dates with EDTF's astronomical years (`-0043-03-15` is 15 March 44 BC), null when that
  end is open or unknown. Bodies are the Markdown as written.

The version goes up when a field is removed or changes meaning; adding a field does not change it.

`timelinejs.json` is TimelineJS3's JSON format. TimelineJS3 turns `year` into a JavaScript Date
(astronomical: year 0 exists) yet labels a negative year `abs(year) BCE`, so it reads years
historically: 44 BC must be `-44`. BCE years are converted (astronomical `-0043` -> `-44`);
positions before AD 1 therefore sit one year early on its axis, which its labels agree with,
and every slide's `display_date` carries the exact wording anyway. A slide's `start_date` and
`end_date` give only the parts the date knows (`{year}` for a year); a date with an open or
unknown end is one point at its known end, and `display_date` (`since 2019`, `until 2019`)
keeps the uncertainty. `group` is the status label: every event has exactly one, so each lands
in one meaningful row (confirmed, denied …), whereas an event's first actor is an accident of
how its front matter lists them. Eras span every day they can mean; an open or unknown end is
clamped to the events' span (the first and last day any event can mean), as TimelineJS needs
both ends, and an era that would end before it starts is left out.

`sitemap.xml` lists every HTML page but the 404 page; `robots.txt` names it. Crawlers read
`robots.txt` only at the root of a host, so under a project path submit the sitemap's URL
directly.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from generator.incremental.memo import Memo, Piece, spliced
from generator.model import urls
from generator.model.dates import EventDate, Point
from generator.model.days import from_day_number
from generator.model.graph import Graph
from generator.model.timeline import STATUSES, Event, Source
from generator.outputs.feeds import calendar, entry_piece, feeds, updated_day, vevent_pieces
from generator.render.bodies import Bodies

FORMAT = "timeline-export"
VERSION = 1
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def export_pages(
    graph: Graph,
    html_pages: Iterable[str],
    bodies: Bodies | None = None,
    memo: Memo | None = None,
) -> dict[str, bytes]:
    """The graph and the site's HTML output paths -> every feed and export, by output path."""
    return dict(sorted(exports(graph, html_pages, bodies, memo)))


def exports(
    graph: Graph,
    html_pages: Iterable[str],
    bodies: Bodies | None = None,
    memo: Memo | None = None,
    *,
    prefill: bool = False,
) -> Iterator[tuple[str, bytes]]:
    """Every feed and export as (output path, bytes), one after the other.

    `bodies` are the build's rendered Markdown bodies, so that no body is rendered twice;
    `memo` carries each event's pieces over from the previous build. With `prefill`, each
    kind of piece is computed on all cores just before its export needs it, and a transient
    memo forgets it right after: a one-off build holds one kind of piece at a time.
    """
    bodies = bodies or Bodies(graph)
    memo = memo or Memo()
    events = graph.timeline.events

    def needed(make: Callable[[], list[Piece]]) -> list[Piece]:
        if not prefill:
            return []  # an edit: the memo has all but a few, which `get` computes
        pieces = make()
        memo.prefill(pieces)
        return pieces

    entries = needed(lambda: [entry_piece(graph, bodies, event) for event in events])
    yield from feeds(graph, bodies, memo).items()
    memo.forget(entries)
    vevents = needed(lambda: vevent_pieces(graph))
    yield urls.ICS, calendar(graph, memo)
    memo.forget(vevents)
    # Each event's entry is encoded once, while it is unchanged, and spliced in.
    records = needed(lambda: [record_piece(graph, event) for event in events])
    document = timeline_export(graph, with_events=False)
    texts = memo.each("record", events, lambda event: record_piece(graph, event))
    yield urls.TIMELINE_JSON, _json(document, texts)
    memo.forget(records)
    slides = needed(lambda: [slide_piece(graph, bodies, event) for event in events])
    document = timelinejs(graph, bodies, with_events=False)
    texts = memo.each("slide", events, lambda event: slide_piece(graph, bodies, event))
    yield urls.TIMELINEJS_JSON, _json(document, texts)
    memo.forget(slides)
    yield urls.SITEMAP, sitemap(graph.timeline.site.base_url, html_pages)
    yield urls.ROBOTS, robots(graph.timeline.site.base_url)


def _dumps(data: Any) -> str:
    # One line: indenting makes the encoder fall back to pure Python, ten times slower.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def record_piece(graph: Graph, event: Event) -> Piece:
    """An event's timeline.json record, as JSON."""
    base = graph.timeline.site.base_url
    return ("record", event, base), lambda: _dumps(_event_record(base, event)).encode()


def slide_piece(graph: Graph, bodies: Bodies, event: Event) -> Piece:
    """An event's TimelineJS slide, as JSON."""
    key = ("slide", event, graph.timeline.site, bodies.links(event.body))
    return key, lambda: _dumps(_slide(graph, bodies, event)).encode()


def _json(data: dict[str, Any], events: list[bytes]) -> bytes:
    """`data` as one line of JSON, its "events" array spliced in from `events`, pre-encoded."""
    text = _dumps({**data, "events": []})
    # json.dumps escapes every quote inside a string, so this is the key itself, and only one.
    before, after = text.encode().split(b'"events":[]', 1)
    return spliced(before + b'"events":[', events, b"]" + after + b"\n")


def iso_day(day: int | None) -> str | None:
    """A day number -> an ISO date with EDTF's astronomical year ('-0043-03-15'), None for None."""
    return None if day is None else Point(*from_day_number(day)).edtf()


def date_record(date: EventDate) -> dict[str, Any]:
    """A date -> its timeline.json object: EDTF, wording, precision, flags, first and last day."""
    return {
        "edtf": date.edtf(),
        "display": date.display(),
        "precision": date.precision,
        "approximate": date.is_approximate,
        "uncertain": date.is_uncertain,
        "earliest": iso_day(date.earliest_day()),
        "latest": iso_day(date.latest_day()),
    }


def timeline_export(graph: Graph, *, with_events: bool = True) -> dict[str, Any]:
    """The graph -> the `timeline.json` document (format 'timeline-export', version 1);
    `with_events=False` leaves its "events" empty, for them to be spliced in."""
    timeline = graph.timeline
    site = timeline.site
    base = site.base_url
    return {
        "format": FORMAT,
        "version": VERSION,
        "site": {
            "title": site.title,
            "description": site.description,
            "language": site.language,
            "base_url": base,
        },
        "eras": [
            {"name": era.name, "date": date_record(era.date), "note": era.note} for era in site.eras
        ],
        "events": [_event_record(base, event) for event in timeline.events if with_events],
        "actors": [
            {
                "id": actor.id,
                "page": urls.absolute(base, urls.actor(actor.id)),
                "name": actor.name,
                "kind": actor.kind,
                "aliases": list(actor.aliases),
                "body": actor.body,
            }
            for actor in timeline.actors.values()
        ],
        "sources": [_source_record(base, source) for source in timeline.sources.values()],
        "relations": [
            {"from": event.id, "relation": link.kind, "to": link.other.id}
            for event in timeline.events
            for link in graph.relations.get(event.id, ())
            if link.stated_here
        ],
    }


def _event_record(base_url: str, event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "page": urls.absolute(base_url, urls.event(event.id)),
        "title": event.title,
        "summary": event.summary,
        "date": date_record(event.date),
        "status": event.status,
        "actors": list(event.actors),
        "places": list(event.places),
        "tags": list(event.tags),
        "citations": [
            {"source": citation.source, "quote": citation.quote or None}
            for citation in event.citations
        ],
        "body": event.body,
    }


def _source_record(base_url: str, source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "page": urls.absolute(base_url, urls.source(source.id)),
        "title": source.title,
        "publisher": source.publisher,
        "author": source.author,
        "date": None if source.date is None else date_record(source.date),
        "url": source.url,
        "local": source.local,
        "note": source.note,
    }


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
    title_text = f"<p>{_text(site.description)}</p>" if site.description else ""
    document: dict[str, Any] = {
        "title": {
            # An id that no event can have: event ids start with a letter or a digit.
            "unique_id": "_title",
            "text": {
                "headline": f'<a href="{html.escape(index)}">{_text(site.title)}</a>',
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
    parts = [f"<p>{_text(event.summary)}</p>"] if event.summary else []
    parts.append(f"<p>{_text(event.date.describe())} · {label}</p>")
    if event.body.strip():
        parts.append(bodies.absolute(event.body))
    slide.update(
        display_date=event.date.display(),
        text={
            "headline": f'<a href="{html.escape(url)}">{_text(event.title)}</a>',
            "text": "\n".join(parts),
        },
        group=label,
        unique_id=event.id,
    )
    return slide


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _eras(graph: Graph) -> list[dict[str, Any]]:
    events = graph.timeline.events
    if not events:
        return []
    # The first and last day any event can mean, for era ends that are open or unknown.
    first = min(event.date.anchor_day() for event in events)
    last = max(updated_day(event.date) for event in events)
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
                "text": {"headline": _text(era.name), "text": _text(era.note)},
            }
        )
    return result


def sitemap(base_url: str, html_pages: Iterable[str]) -> bytes:
    """Base URL and HTML output paths -> a sitemap (sitemaps.org 0.9) of all but the 404 page."""
    # The namespace as a plain attribute: ET.register_namespace would change a global map.
    chosen = {p for p in html_pages if p.endswith(".html") and p != urls.NOT_FOUND}
    # Written out rather than built with ElementTree, which took a tenth of a second at 10,000
    # pages on every edit; the layout is ElementTree's (indent, then tostring).
    entries = "".join(
        f"  <url>\n    <loc>{html.escape(address, quote=False)}</loc>\n  </url>\n"
        for address in sorted(urls.absolute(base_url, path) for path in chosen)
    )
    body = f'<urlset xmlns="{SITEMAP_NS}">\n{entries}</urlset>' if entries else ""
    body = body or f'<urlset xmlns="{SITEMAP_NS}" />'
    return f"<?xml version='1.0' encoding='utf-8'?>\n{body}\n".encode()


def robots(base_url: str) -> bytes:
    """Base URL -> a robots.txt that allows everything and names the sitemap."""
    sitemap_url = urls.absolute(base_url, urls.SITEMAP)
    return f"User-agent: *\nDisallow:\n\nSitemap: {sitemap_url}\n".encode()
