"""What a date looks like on the axis: a point, a span or an interval, and how each end ends."""

from __future__ import annotations

from typing import Literal, NamedTuple

from generator.model.dates import Bound, EventDate, Point
from generator.model.days import DAY_SECONDS
from generator.render.overview.scale import Scale, Span
from generator.render.overview.sizes import RADIUS, WHISKER

End = Literal["exact", "fuzzy", "open", "unknown"]
Kind = Literal["point", "span", "interval"]


class Shape(NamedTuple):
    """What one date looks like on the axis."""

    kind: Kind
    body: Span  # all the date may cover
    known: Span  # the part before an unknown end begins
    core: Span | None  # the part it surely covers, where that is narrower
    start: End  # how each end ends
    end: End

    @property
    def extent(self) -> Span:
        """The x range all of it covers, whiskers included."""
        return extent(self.kind, self.body, self.start, self.end)


def shape(date: EventDate, s: Scale) -> Shape:
    """A date -> its Shape, bars widened to stay visible on a long axis."""
    geometry = _geometry(date, s)
    if geometry.kind == "point":
        return geometry
    return geometry._replace(body=_widen(geometry.body, 3), known=_widen(geometry.known, 3))


def _geometry(date: EventDate, s: Scale) -> Shape:
    """A date -> its Shape on the scale, as the date says it."""
    start, end = date.start, date.end
    if end is None:
        assert isinstance(start, Point)
        fuzzy: End = "fuzzy" if start.approximate or start.uncertain else "exact"
        if start.time is not None or (start.to_the_day and not s.by_hours):
            cx = s.x(_moment(start, date.zone))
            return Shape("point", (cx, cx), (cx, cx), None, fuzzy, fuzzy)
        span = (s.x(start.earliest_day()), s.x(start.latest_day() + 1))
        return Shape("span", span, span, None, fuzzy, fuzzy)
    left, left_end = _side(start, s, date.zone, at_start=True)
    right, right_end = _side(end, s, date.zone, at_start=False)
    # The known part stops where an unknown end begins: at the other end's possible span.
    k0 = s.x(as_point(end).earliest_day()) if start is Bound.UNKNOWN else left
    k1 = s.x(as_point(start).latest_day() + 1) if end is Bound.UNKNOWN else right
    core: Span | None = None
    if Bound.UNKNOWN not in (start, end):
        # Surely inside: after the last day the start may mean, before the first the end may.
        c0 = s.left if start is Bound.OPEN else s.x(_surely_after(as_point(start), date.zone))
        c1 = s.right if end is Bound.OPEN else s.x(_surely_before(as_point(end), date.zone))
        core = (c0, c1) if c1 > c0 else None
    return Shape("interval", (left, right), (k0, k1), core, left_end, right_end)


def _coarse(end: object) -> int:
    """1 for a month or year, whose whole span is only possible; 0 for a day."""
    return int(not as_point(end).to_the_day)


def _surely_after(start: Point, zone: str) -> float:
    """Where an interval is surely under way: its start's time, or after the last day its
    start may mean (the start of that day, for a start known to the day)."""
    return _moment(start, zone) if start.time else start.latest_day() + _coarse(start)


def _surely_before(end: Point, zone: str) -> float:
    """Where an interval is surely still under way, up to its end."""
    return _moment(end, zone) if end.time else end.earliest_day() + 1 - _coarse(end)


def _moment(point: Point, zone: str) -> float:
    """A day's middle, or a time as a day number with a fraction: an hour is a point within its
    day. The axis keeps the clock of the date's zone, so that times written with other offsets
    are drawn in the order of their instants."""
    if point.time is None:
        return point.earliest_day() + 0.5
    return 1 + point.zone_clock(zone) / DAY_SECONDS


def as_point(end: object) -> Point:
    """The known end of a date (not an open or unknown Bound) -> that end as a Point."""
    assert isinstance(end, Point)  # EventDate guarantees one known end
    return end


def _side(end: Point | Bound, s: Scale, zone: str, at_start: bool) -> tuple[float, End]:
    """An interval's start or end -> its outer x (an axis edge if not a date) and how it ends."""
    if isinstance(end, Bound):
        return s.left if at_start else s.right, "open" if end is Bound.OPEN else "unknown"
    if end.time is not None:
        x = s.x(_moment(end, zone))
    else:
        x = s.x(end.earliest_day()) if at_start else s.x(end.latest_day() + 1)
    return x, "fuzzy" if end.approximate or end.uncertain else "exact"


def extent(kind: Kind, body: Span, start: End, end: End) -> Span:
    """A shape's kind, body and ends -> the x range all of it covers, whiskers included."""
    a, b = body
    if kind == "point":
        a, b = a - RADIUS, b + RADIUS
    return a - WHISKER * (start == "fuzzy"), b + WHISKER * (end == "fuzzy")


def _widen(span: Span, least: float) -> Span:
    """Keep a bar at least `least` wide, so a day on a long axis still shows."""
    a, b = span
    if b - a >= least:
        return span
    middle = (a + b) / 2
    return middle - least / 2, middle + least / 2
