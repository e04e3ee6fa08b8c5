"""What a date looks like on the axis: a point, a span or an interval, and how each end ends."""

from __future__ import annotations

from typing import Literal

from generator.model.dates import Bound, EventDate, Point
from generator.render.overview.scale import Scale, Span
from generator.render.overview.sizes import RADIUS, WHISKER

End = Literal["exact", "fuzzy", "open", "unknown"]
Kind = Literal["point", "span", "interval"]
Shape = tuple[Kind, Span, Span, Span | None, End, End]  # kind, body, known, core, start, end


def shape(date: EventDate, s: Scale) -> Shape:
    """A date -> its Shape, bars widened to stay visible on a long axis."""
    kind, body, known, core, start, end = _geometry(date, s)
    if kind != "point":
        body, known = _widen(body, 3), _widen(known, 3)
    return kind, body, known, core, start, end


def _geometry(date: EventDate, s: Scale) -> Shape:
    """A date -> (kind, body, known, core, start end, end end) on the scale."""
    start, end = date.start, date.end
    if end is None:
        assert isinstance(start, Point)
        fuzzy: End = "fuzzy" if start.approximate or start.uncertain else "exact"
        if start.precision == "day":
            cx = s.x(start.earliest_day() + 0.5)
            return "point", (cx, cx), (cx, cx), None, fuzzy, fuzzy
        span = (s.x(start.earliest_day()), s.x(start.latest_day() + 1))
        return "span", span, span, None, fuzzy, fuzzy
    left, left_end = _side(start, s, at_start=True)
    right, right_end = _side(end, s, at_start=False)
    # The known part stops where an unknown end begins: at the other end's possible span.
    k0 = s.x(as_point(end).earliest_day()) if start is Bound.UNKNOWN else left
    k1 = s.x(as_point(start).latest_day() + 1) if end is Bound.UNKNOWN else right
    core: Span | None = None
    if Bound.UNKNOWN not in (start, end):
        # Surely inside: after the last day the start may mean, before the first the end may.
        c0 = s.left if start is Bound.OPEN else s.x(as_point(start).latest_day() + _coarse(start))
        c1 = s.right if end is Bound.OPEN else s.x(as_point(end).earliest_day() + 1 - _coarse(end))
        core = (c0, c1) if c1 > c0 else None
    return "interval", (left, right), (k0, k1), core, left_end, right_end


def _coarse(end: object) -> int:
    """1 for a month or year, whose whole span is only possible; 0 for a day."""
    return int(as_point(end).precision != "day")


def as_point(end: object) -> Point:
    """The known end of a date (not an open or unknown Bound) -> that end as a Point."""
    assert isinstance(end, Point)  # EventDate guarantees one known end
    return end


def _side(end: Point | Bound, s: Scale, at_start: bool) -> tuple[float, End]:
    """An interval's start or end -> its outer x (an axis edge if not a date) and how it ends."""
    if isinstance(end, Bound):
        return s.left if at_start else s.right, "open" if end is Bound.OPEN else "unknown"
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
