"""The time axis: days mapped onto x, the span events cover, and the ticks that label it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.model.dates import Point, year_label
from generator.model.days import day_number, from_day_number
from generator.model.timeline import Event

PAD = 24  # between the axis edge and the known span: where open and unknown ends run out
MAX_TICKS = 10
MIN_DAYS = 28  # the narrowest axis, so one day-precise event is a point, not the whole width
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)

Span = tuple[float, float]


def rounded(value: float) -> float:
    """A coordinate -> it rounded to 0.1, never -0.0, so the markup is the same every build."""
    return round(value + 0.0, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def rounded_span(pair: Span) -> Span:
    """A span -> both its ends rounded like `rounded`."""
    return rounded(pair[0]), rounded(pair[1])


@dataclass(frozen=True, slots=True)
class Scale:
    """Days first_day..last_day mapped onto x; open and unknown ends reach `left` or `right`."""

    first_day: int
    last_day: int
    left: float  # the axis edges
    right: float

    def x(self, day: float) -> float:
        """A day number (a day's start; add 0.5 for its middle) -> x."""
        inner = self.right - self.left - 2 * PAD
        return (
            self.left + PAD + (day - self.first_day) / (self.last_day + 1 - self.first_day) * inner
        )


def known_days(events: Sequence[Event]) -> tuple[int, int]:
    """Events -> the first and last day any of their known dates can mean."""
    ends = [end for event in events for end in (event.date.start, event.date.end)]
    days = [
        day
        for end in ends
        if isinstance(end, Point)
        for day in (end.earliest_day(), end.latest_day())
    ]
    return min(days), max(days)


def scale(events: Sequence[Event], left: float, right: float) -> Scale:
    """Events and the axis edges -> the Scale of their known span (at least MIN_DAYS days)."""
    first, last = known_days(events)
    if last - first + 1 < MIN_DAYS:
        first -= (MIN_DAYS - (last - first + 1)) // 2
        last = first + MIN_DAYS - 1
    return Scale(first, last, left, right)


def ticks(start_day: int, end_day: int) -> list[tuple[int, str]]:
    """A day range -> 2 to about 10 (day, label) ticks: days, months or years, whichever suits.

    Years step by 1, 2, 5, 10, 20, 50 … and BCE ticks fall on round BCE numbers ('500 BC'), so
    an axis crossing 1 BC/AD 1 labels its AD years 'AD 500'. Months are used under 3 years,
    days under 2 months.
    """
    span = end_day - start_day
    make: Callable[[int, int, int], list[tuple[int, str]]] = _day_ticks
    steps: tuple[int, ...] = (1, 2, 5, 10)
    if span >= 3 * 365:
        make, steps = _year_ticks, _YEAR_STEPS
    elif span >= 60:
        make, steps = _month_ticks, (1, 2, 3, 6)
    found: list[tuple[int, str]] = []
    for step in steps:
        found = make(start_day, end_day, step)
        if len(found) <= MAX_TICKS:
            break
    return found


def _year_ticks(start_day: int, end_day: int, step: int) -> list[tuple[int, str]]:
    first, last = from_day_number(start_day)[0], from_day_number(end_day)[0]
    # AD years on multiples of the step, BC years where their BC number is (500 BC is -499).
    years = [y for y in range(first, last + 1) if (y % step if y > 0 else (1 - y) % step) == 0]
    crosses = first <= 0 < last
    if crosses and step >= 5 and 1 not in years:
        years = sorted([*years, 1])
    found = [(day_number(y, 1, 1), y) for y in years]
    return [
        (day, f"AD {y}" if crosses and y > 0 else year_label(y))
        for day, y in found
        if start_day <= day <= end_day
    ]


def _month_ticks(start_day: int, end_day: int, step: int) -> list[tuple[int, str]]:
    year, month, _ = from_day_number(start_day)
    found: list[tuple[int, str]] = []
    while (day := day_number(year, month, 1)) <= end_day:
        if day >= start_day and (month - 1) % step == 0:
            name = _MONTHS[month - 1]
            found.append((day, f"{name} {year_label(year)}" if month == 1 or not found else name))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _day_ticks(start_day: int, end_day: int, step: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for day in range(start_day, end_day + 1):
        year, month, dom = from_day_number(day)
        next_month = day_number(year + (month == 12), month % 12 + 1, 1)
        # A tick closer than half a step to the next month's first would crowd its label.
        if (dom - 1) % step or (dom != 1 and next_month - day < max(step // 2, 1)):
            continue
        if not found or (dom == 1 and month == 1):
            label = f"{dom} {_MONTHS[month - 1]} {year_label(year)}"
        else:
            label = f"{dom} {_MONTHS[month - 1]}" if dom == 1 else str(dom)
        found.append((day, label))
    return found
