"""The events as iCalendar (RFC 5545): `events.ics`.

A VEVENT per event, all-day, spanning every day the date can mean: a day is that day, a month
or a year the whole month or year, an interval from the first day of its start to the last day
of its end (DTEND is the day after, since it is exclusive). An interval with an open or unknown
end spans its known end alone, which is also where the site files it; the DESCRIPTION gives the
date in words. iCalendar dates cannot express years before 1, so an event whose span reaches
before AD 1 is left out, and the calendar lists the ids left out in an `X-TIMELINE-OMITTED`
property. `UID` is `<event id>@<host>` plus the path of `base_url` when the site is not at the
root of its host (`x@user.github.io/repo`), as two project sites on one host would otherwise
share UIDs. `DTSTAMP` is SOURCE_DATE_EPOCH when set, else the Atom feed's `updated`: derived
from the content, never the clock.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from generator.i18n import N_
from generator.model import urls
from generator.model.dates import EventDate, Point
from generator.model.days import DAY_SECONDS, FIRST_DAY, LAST_DAY, ics_date, ics_instant
from generator.model.graph import Graph
from generator.model.timeline import Event, event_places
from generator.outputs.atom import feed_instant
from generator.outputs.protocol import Files
from generator.outputs.text import clean
from generator.render.inputs import Inputs

_ICS_LINE = 75  # octets per line, CRLF excluded (RFC 5545, 3.1)


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
    if first < FIRST_DAY or last >= LAST_DAY:  # DTEND, the day after, must be a year <= 9999
        return None
    return first, last + 1


def calendar_times(date: EventDate) -> list[str] | None:
    """A date -> the DTSTART (and DTEND) lines of its VEVENT: UTC date-times when every known
    end has a time of day, all-day dates otherwise; None when a calendar cannot hold it."""
    known = [p for p in (date.start, date.end) if isinstance(p, Point)]
    if all(p.time is not None for p in known):
        instants = [p.earliest_instant(date.zone) for p in known]
        if min(instants) < 0 or max(instants) >= LAST_DAY * DAY_SECONDS:
            return None
        lines = [f"DTSTART:{ics_instant(instants[0])}"]
        if len(instants) == 2 and instants[1] > instants[0]:
            lines.append(f"DTEND:{ics_instant(instants[1])}")
        return lines  # a single time is a moment: RFC 5545 ends it where it starts
    span = calendar_span(date)
    if span is None:
        return None
    return [f"DTSTART;VALUE=DATE:{ics_date(span[0])}", f"DTEND;VALUE=DATE:{ics_date(span[1])}"]


def _ics_text(text: str) -> str:
    """Text -> an iCalendar TEXT value: backslash, semicolon, comma and newline escaped."""
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold_line(line: str) -> str:
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
    latest = feed_instant(graph.timeline.events)
    return ics_instant(max(0, 0 if latest is None else latest))


def uid_domain(base_url: str) -> str:
    """`base_url` -> the part after '@' in UIDs: its host, plus its path below the root."""
    parts = urlsplit(base_url)
    return (parts.hostname or "localhost") + urls.base_path(base_url).rstrip("/")


class _Calendar:
    """`events.ics`, from each event's VEVENT, folded and encoded (empty for an event a
    calendar cannot show); every VEVENT carries the calendar's stamp."""

    name = "vevent"

    def shared(self, inputs: Inputs) -> Hashable:
        site = inputs.graph.timeline.site
        return site.base_url, dtstamp(inputs.graph), uid_domain(site.base_url), site.spoken

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        return event, event_places(inputs.graph.timeline, event)

    def make(self, inputs: Inputs, shared: Any, event: Event) -> bytes:
        times = calendar_times(event.date)
        if times is None:
            return b""
        _, stamp, domain, _ = shared
        lines = _vevent(inputs.graph, event, times, stamp, domain)
        return "".join(fold_line(line) for line in lines).encode()

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        yield urls.ICS, _calendar(inputs.graph, pieces)


ICALENDAR = _Calendar()


def _calendar(graph: Graph, vevents: Sequence[bytes]) -> bytes:
    """The calendar around every event's VEVENT: CRLF line ends, folded at 75 octets."""
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
    omitted = [event.id for event, vevent in zip(events, vevents, strict=True) if not vevent]
    if omitted:
        lines.append(f"X-TIMELINE-OMITTED:{','.join(_ics_text(i) for i in omitted)}")
    head = "".join(fold_line(line) for line in lines)
    return b"".join([head.encode(), *vevents, fold_line("END:VCALENDAR").encode()])


def _vevent(graph: Graph, event: Event, times: list[str], stamp: str, domain: str) -> list[str]:
    url = urls.absolute(graph.timeline.site.base_url, urls.event(event.id))
    spoken = graph.timeline.site.spoken
    status = ""
    if event.status is not None:
        status = spoken.say(N_("Status: %(status)s"), status=spoken.gettext(event.status_label))
        status += "\n"
    places = event_places(graph.timeline, event)
    date = spoken.say(N_("Date: %(date)s"), date=event.date_described(spoken))
    description = (event.summary + "\n\n" if event.summary else "") + f"{date}\n{status}{url}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_ics_text(event.id + '@' + domain)}",
        f"DTSTAMP:{stamp}",
        *times,
        f"SUMMARY:{_ics_text(event.title)}",
        f"DESCRIPTION:{_ics_text(description)}",
        f"URL:{url}",
    ]
    if places:
        names = ", ".join(place.name for place in places)
        lines.append(f"LOCATION:{_ics_text(names)}")
        placed = [place.coordinates for place in places if place.coordinates is not None]
        if placed:  # RFC 5545 GEO: latitude;longitude of the first place with a position
            lines.append(f"GEO:{placed[0][0]:.6f};{placed[0][1]:.6f}")
    if event.tags:
        lines.append(f"CATEGORIES:{','.join(_ics_text(tag) for tag in event.tags)}")
    # Historical events should not mark anyone busy in a calendar they are subscribed to.
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def calendar(graph: Graph) -> bytes:
    """The events of `graph` as an iCalendar file, made on its own."""
    inputs = Inputs.of(graph)
    shared = ICALENDAR.shared(inputs)
    return _calendar(graph, [ICALENDAR.make(inputs, shared, e) for e in graph.timeline.events])
