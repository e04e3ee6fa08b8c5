"""Dates in the forms machine formats need (moved into dates/days once those settle)."""

from __future__ import annotations

from collections.abc import Iterable

from generator.model.dates import EventDate, Point, day_number, from_day_number
from generator.model.timeline import Event

FIRST_DAY = day_number(1, 1, 1)  # RFC 3339 and iCalendar dates start at 0001-01-01
LAST_DAY = day_number(9999, 12, 31)


def iso_day(day: int | None) -> str | None:
    """A day number -> an ISO date with EDTF's astronomical year ('-0043-03-15'), None for None."""
    return None if day is None else Point(*from_day_number(day)).edtf()


def rfc3339(day: int) -> str:
    """A day number -> midnight UTC of that day in RFC 3339, clamped to 0001-01-01."""
    year, month, day_of_month = from_day_number(max(day, FIRST_DAY))
    return f"{year:04d}-{month:02d}-{day_of_month:02d}T00:00:00Z"


def ics_date(day: int) -> str:
    """A day number -> an iCalendar DATE value ('20190226')."""
    year, month, day_of_month = from_day_number(day)
    return f"{year:04d}{month:02d}{day_of_month:02d}"


def iso_date(point: object) -> str | None:
    """A date endpoint -> ISO 8601 at its precision ('2019-02'), or None if open or before AD 1."""
    if not isinstance(point, Point) or point.year < 1:
        return None
    return Point(point.year, point.month, point.day).edtf()


def updated_day(date: EventDate) -> int:
    """A date -> the day number its feed entry is dated: its last possible day, else its first."""
    day = date.latest_day()
    if day is None:
        day = date.earliest_day()
    assert day is not None  # an interval always has at least one known end
    return day


def latest_day(events: Iterable[Event]) -> int | None:
    """The latest day any of `events` is dated (see updated_day), None without events."""
    return max((updated_day(event.date) for event in events), default=None)
