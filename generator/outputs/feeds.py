"""Subscriptions: Atom feeds (RFC 4287) of the events, and the events as iCalendar (RFC 5545).

Atom. `feed.xml` has every event; `actors/<id>/feed.xml` and `tags/<slug>/feed.xml` have the
events of one actor or tag, built the same way. Entries run newest first, the order feeds
customarily have so that a reader showing the document's order puts the latest events on top;
Atom gives order no meaning, so readers that sort by `updated` lose nothing. An entry's `id` and
`link` are the event page's absolute URL, its `content` the body as HTML with absolute links
(after a line giving the date in words and the status, so a denied claim never reads as fact),
one `category` per tag and one for the status.

Atom needs an RFC 3339 timestamp, and a build must not read the clock, so an entry's `updated`
is midnight UTC of the last day its date can mean (`2019` -> 2019-12-31), or, when the end is
open or unknown, of the first day (`2019/..` -> 2019-01-01). RFC 3339 has no years before 1, so
a day before AD 1 becomes 0001-01-01. A feed's `updated` is the latest of its entries'; a feed
without entries takes the site feed's.

iCalendar. `events.ics` has a VEVENT per event, all-day, spanning every day the date can mean:
a day is that day, a month or a year the whole month or year, an interval from the first day of
its start to the last day of its end (DTEND is the day after, since it is exclusive). An
interval with an open or unknown end spans its known end alone, which is also where the site
files it; the DESCRIPTION gives the date in words. iCalendar dates cannot express years before
1, so an event whose span reaches before AD 1 is left out, and the calendar lists the ids left
out in an `X-TIMELINE-OMITTED` property. `UID` is `<event id>@<host>` plus the path of
`base_url` when the site is not at the root of its host (`x@user.github.io/repo`), as two
project sites on one host would otherwise share UIDs. `DTSTAMP` is SOURCE_DATE_EPOCH when set,
else the Atom feed's `updated`: derived from the content, never the clock.
"""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import partial
from urllib.parse import urlsplit

from generator import __version__
from generator.incremental.memo import Memo, Piece
from generator.model import urls
from generator.model.dates import EventDate, Point
from generator.model.days import day_number, from_day_number
from generator.model.graph import Graph
from generator.model.timeline import STATUSES, Event
from generator.render.bodies import Bodies

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_FIRST_DAY = day_number(1, 1, 1)  # RFC 3339 and iCalendar dates start at 0001-01-01
_LAST_DAY = day_number(9999, 12, 31)
# XML 1.0 forbids these characters outright; iCalendar TEXT forbids them too.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ICS_LINE = 75  # octets per line, CRLF excluded (RFC 5545, 3.1)


def updated_day(date: EventDate) -> int:
    """A date -> the day number its feed entry is dated: its last possible day, else its first."""
    day = date.latest_day()
    if day is None:
        day = date.earliest_day()
    assert day is not None  # an interval always has at least one known end
    return day


def rfc3339(day: int) -> str:
    """A day number -> midnight UTC of that day in RFC 3339, clamped to 0001-01-01."""
    year, month, day_of_month = from_day_number(max(day, _FIRST_DAY))
    return f"{year:04d}-{month:02d}-{day_of_month:02d}T00:00:00Z"


def _latest(events: Iterable[Event]) -> int | None:
    return max((updated_day(event.date) for event in events), default=None)


def _clean(text: str) -> str:
    return _FORBIDDEN.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text:
        element.text = _clean(text)
    return element


class _Atom:
    """Builds the feeds of one graph, rendering each event's content once for all of them."""

    def __init__(self, graph: Graph, bodies: Bodies, memo: Memo) -> None:
        self.graph = graph
        events = graph.timeline.events
        entries = memo.each("entry", events, lambda event: entry_piece(graph, bodies, event))
        self.entries = {event.id: entry for event, entry in zip(events, entries, strict=True)}
        site_latest = _latest(graph.timeline.events)
        self.site_updated = _FIRST_DAY if site_latest is None else site_latest

    def feed(
        self, path: str, page: str, title: str, events: Iterable[Event], limit: int | None = None
    ) -> bytes:
        """The Atom document at output path `path` for `events` (the latest `limit` of them),
        about the HTML page `page`."""
        site = self.graph.timeline.site
        base = site.base_url
        # Lists come in time order, and the order is total (ids break ties): the latest first
        # is that order reversed, without sorting ten thousand events for every feed.
        chosen = list(reversed(tuple(events)))[:limit]
        # The namespace as a plain attribute: ET.register_namespace would change a global map.
        root = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": site.language})
        _sub(root, "id", urls.absolute(base, path))
        _sub(root, "title", title)
        if site.description:
            _sub(root, "subtitle", site.description)
        _sub(root, "link", rel="self", type="application/atom+xml", href=urls.absolute(base, path))
        _sub(root, "link", rel="alternate", type="text/html", href=urls.absolute(base, page))
        latest = _latest(chosen)
        _sub(root, "updated", rfc3339(self.site_updated if latest is None else latest))
        author = _sub(root, "author")
        _sub(author, "name", site.title)
        _sub(author, "uri", base)
        _sub(root, "generator", "timeline-generator", version=__version__)
        ET.indent(root)
        head = ET.tostring(root, encoding="unicode").removesuffix("</feed>")
        # Each entry is serialised and encoded once and reused by every feed (and build) that
        # carries it: the site feed of a long timeline is tens of megabytes.
        start = f"<?xml version='1.0' encoding='utf-8'?>\n{head}".encode()
        # One join, one copy of the tens of megabytes.
        return b"".join([start, *(self.entries[event.id] for event in chosen), b"</feed>\n"])


def entry_piece(graph: Graph, bodies: Bodies, event: Event) -> Piece:
    """An event's Atom entry, encoded, as every feed that carries it shows it."""
    key = ("entry", event, graph.timeline.site.base_url, bodies.links(event.body))
    return key, lambda: _entry(graph, bodies, event).encode()


def _entry(graph: Graph, bodies: Bodies, event: Event) -> str:
    """One event's <entry>, indented as a child of <feed>, with its line end."""
    base = graph.timeline.site.base_url
    url = urls.absolute(base, urls.event(event.id))
    entry = ET.Element("entry")
    _sub(entry, "id", url)
    _sub(entry, "title", event.title)
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    _sub(entry, "updated", rfc3339(updated_day(event.date)))
    if event.summary:
        _sub(entry, "summary", event.summary)
    # xml:base resolves any relative link an author wrote as it resolves on the event page.
    content = _sub(entry, "content", _content(bodies, event), type="html")
    content.set(f"{{{XML_NS}}}base", url)
    for tag in event.tags:
        _sub(entry, "category", term=tag, scheme=urls.absolute(base, urls.TAGS), label=tag)
    label = STATUSES[event.status][0]
    scheme = urls.absolute(base, urls.STATUSES)
    _sub(entry, "category", term=event.status, scheme=scheme, label=label)
    ET.indent(entry, level=1)
    return "  " + ET.tostring(entry, encoding="unicode") + "\n"


def _content(bodies: Bodies, event: Event) -> str:
    facts = f"<p>{html.escape(event.date.describe())} · {STATUSES[event.status][0]}</p>"
    body = bodies.absolute(event.body) if event.body.strip() else ""
    return facts + ("\n" + body if body else "")


# An actor's or tag's feed carries its latest events, as feeds do: a reader subscribing to one
# topic wants what is new, and on a long timeline all of them would repeat the site feed many
# times over. The site feed keeps every event.
TOPIC_FEED_LIMIT = 50


def feeds(graph: Graph, bodies: Bodies | None = None, memo: Memo | None = None) -> dict[str, bytes]:
    """A graph -> its Atom feeds by output path: all events, then one per actor and per tag."""
    atom = _Atom(graph, bodies or Bodies(graph), memo or Memo())
    site = graph.timeline.site
    result = {urls.FEED: atom.feed(urls.FEED, urls.INDEX, site.title, graph.timeline.events)}
    for actor_id, events in graph.by_actor.items():
        name = graph.timeline.actors[actor_id].name
        path = urls.actor_feed(actor_id)
        result[path] = atom.feed(
            path, urls.actor(actor_id), f"{name} · {site.title}", events, TOPIC_FEED_LIMIT
        )
    for tag, events in graph.by_tag.items():
        path = urls.tag_feed(tag)
        result[path] = atom.feed(
            path, urls.tag(tag), f"Tag: {tag} · {site.title}", events, TOPIC_FEED_LIMIT
        )
    return result


def calendar_span(date: EventDate) -> tuple[int, int] | None:
    """A date -> (first day, day after the last) of its all-day VEVENT, or None before AD 1."""
    first, last = date.earliest_day(), date.latest_day()
    # One open or unknown end: the known end alone, where the site also files the event.
    if first is None:
        assert isinstance(date.end, Point)
        first = date.end.earliest_day()
    if last is None:
        assert isinstance(date.start, Point)
        last = date.start.latest_day()
    if first < _FIRST_DAY or last >= _LAST_DAY:  # DTEND, the day after, must be a year <= 9999
        return None
    return first, last + 1


def _ics_date(day: int) -> str:
    year, month, day_of_month = from_day_number(day)
    return f"{year:04d}{month:02d}{day_of_month:02d}"


def _ics_text(text: str) -> str:
    """Text -> an iCalendar TEXT value: backslash, semicolon, comma and newline escaped."""
    text = _clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """A content line -> CRLF-ended lines of at most 75 octets, never splitting a character."""
    if line.isascii():  # one octet a character: cut by length
        head, rest = line[:_ICS_LINE], line[_ICS_LINE:]
        pieces = [
            head,
            *(" " + rest[i : i + _ICS_LINE - 1] for i in range(0, len(rest), _ICS_LINE - 1)),
        ]
        return "".join(piece + "\r\n" for piece in pieces)
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > _ICS_LINE:
            parts.append("".join(current))
            current, size = [" "], 1  # a continuation starts with a space, which counts
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "".join(part + "\r\n" for part in parts)


def dtstamp(graph: Graph) -> str:
    """The calendar's DTSTAMP: SOURCE_DATE_EPOCH when set, else the feed's `updated` day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}")
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y%m%dT%H%M%SZ")
    latest = _latest(graph.timeline.events)
    return _ics_date(max(_FIRST_DAY, _FIRST_DAY if latest is None else latest)) + "T000000Z"


def uid_domain(base_url: str) -> str:
    """`base_url` -> the part after '@' in UIDs: its host, plus its path below the root."""
    parts = urlsplit(base_url)
    return (parts.hostname or "localhost") + urls.base_path(base_url).rstrip("/")


def calendar(graph: Graph, memo: Memo | None = None) -> bytes:
    """The events as an iCalendar file (RFC 5545): CRLF line ends, folded at 75 octets."""
    memo = memo or Memo()
    site = graph.timeline.site
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//timeline-generator//NONSGML Timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{_ics_text(site.title)}",
        f"X-WR-CALNAME:{_ics_text(site.title)}",
    ]
    if site.description:
        lines += [
            f"DESCRIPTION:{_ics_text(site.description)}",
            f"X-WR-CALDESC:{_ics_text(site.description)}",
        ]
    lines.append(f"URL:{site.base_url}")
    events = graph.timeline.events
    stamp, domain = dtstamp(graph), uid_domain(site.base_url)
    # Every event's VEVENT, empty for those a calendar cannot show; each carries the stamp.
    vevents = memo.each(
        "vevent", events, lambda event: vevent_piece(graph, event, stamp, domain), (stamp, domain)
    )
    omitted = [event.id for event, vevent in zip(events, vevents, strict=True) if not vevent]
    if omitted:
        lines.append(f"X-TIMELINE-OMITTED:{','.join(_ics_text(i) for i in omitted)}")
    head = "".join(fold(line) for line in lines)
    return b"".join([head.encode(), *vevents, fold("END:VCALENDAR").encode()])


def vevent_pieces(graph: Graph) -> list[Piece]:
    """Each event's VEVENT, folded and encoded (empty for an event a calendar cannot show)."""
    stamp, domain = dtstamp(graph), uid_domain(graph.timeline.site.base_url)
    return [vevent_piece(graph, event, stamp, domain) for event in graph.timeline.events]


def vevent_piece(graph: Graph, event: Event, stamp: str, domain: str) -> Piece:
    """An event's VEVENT, folded and encoded; empty when a calendar cannot show its date."""
    key = ("vevent", event, graph.timeline.site.base_url, stamp, domain)
    return key, partial(_vevent_bytes, graph, event, stamp, domain)


def _vevent_bytes(graph: Graph, event: Event, stamp: str, domain: str) -> bytes:
    span = calendar_span(event.date)
    if span is None:
        return b""
    return "".join(fold(line) for line in _vevent(graph, event, span, stamp, domain)).encode()


def _vevent(
    graph: Graph, event: Event, span: tuple[int, int], stamp: str, domain: str
) -> list[str]:
    url = urls.absolute(graph.timeline.site.base_url, urls.event(event.id))
    label = STATUSES[event.status][0]
    description = (event.summary + "\n\n" if event.summary else "") + (
        f"Date: {event.date.describe()}\nStatus: {label}\n{url}"
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_ics_text(event.id + '@' + domain)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_ics_date(span[0])}",
        f"DTEND;VALUE=DATE:{_ics_date(span[1])}",
        f"SUMMARY:{_ics_text(event.title)}",
        f"DESCRIPTION:{_ics_text(description)}",
        f"URL:{url}",
    ]
    if event.places:
        lines.append(f"LOCATION:{_ics_text(', '.join(event.places))}")
    if event.tags:
        lines.append(f"CATEGORIES:{','.join(_ics_text(tag) for tag in event.tags)}")
    # Historical events should not mark anyone busy in a calendar they are subscribed to.
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines
