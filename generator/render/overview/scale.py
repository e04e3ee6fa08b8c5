"""The time axis: days mapped onto x, the span events cover, and the ticks that label it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.i18n import ENGLISH, Language
from generator.model import date_cldr
from generator.model.date_words import deep_year
from generator.model.dates import Point, year_label
from generator.model.days import DAY_SECONDS, day_number, from_day_number
from generator.model.timeline import Event

PAD = 24  # between the axis edge and the known span: where open and unknown ends run out
MAX_TICKS = 10
MIN_DAYS = 28  # the narrowest axis, so one day-precise event is a point, not the whole width
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# 1, 2, 5, 10 … 50 billion: years, thousands, millions and billions, as deep time needs.
_YEAR_STEPS = tuple(base * 10**power for power in range(11) for base in (1, 2, 5))
_HOUR_STEPS = (1, 2, 3, 6, 12)
DAY_SCALE_DAYS = 4  # an axis this short, with a time of day on it, is ticked in hours
_MILLION = 10**6

Span = tuple[float, float]


def rounded(value: float) -> float:
    """A coordinate -> it rounded to 0.1, never -0.0, so the markup is the same every build."""
    return round(value + 0.0, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def rounded_span(pair: Span) -> Span:
    """A span -> both its ends rounded like `rounded`."""
    return rounded(pair[0]), rounded(pair[1])


@dataclass(frozen=True, slots=True)
class Scale:
    """Day numbers start..end (the start of the day after the last) mapped onto x; open and
    unknown ends reach `left` or `right`."""

    start: float
    end: float
    left: float  # the axis edges
    right: float

    @property
    def by_hours(self) -> bool:
        """True for an axis of a few days, where a day is a span and a time is a point."""
        return self.end - self.start <= DAY_SCALE_DAYS

    def x(self, day: float) -> float:
        """A day number (a day's start; add 0.5 for its middle, a fraction for a time) -> x."""
        inner = self.right - self.left - 2 * PAD
        return self.left + PAD + (day - self.start) / (self.end - self.start) * inner


def known_days(events: Sequence[Event]) -> tuple[int, int]:
    """Events -> the first and last day any of their known dates can mean; a time counts on
    the day the clock of its date's zone reads, where the axis draws it."""
    days = [
        day
        for event in events
        for end in (event.date.start, event.date.end)
        if isinstance(end, Point)
        for day in _days(end, event.date.zone)
    ]
    return min(days), max(days)


def _days(point: Point, zone: str) -> tuple[int, int]:
    if point.time is None:
        return point.earliest_day(), point.latest_day()
    day = 1 + point.zone_clock(zone) // DAY_SECONDS
    return day, day


def scale(events: Sequence[Event], left: float, right: float) -> Scale:
    """Events and the axis edges -> the Scale of their known span: at least MIN_DAYS days, or
    the days themselves when they are a few and a time of day falls in them."""
    first, last = known_days(events)
    timed = any(event.date.has_time for event in events)
    if last - first + 1 < MIN_DAYS and not (timed and last - first < DAY_SCALE_DAYS):
        first -= (MIN_DAYS - (last - first + 1)) // 2
        last = first + MIN_DAYS - 1
    return Scale(first, last + 1, left, right)


def ticks(start_day: int, end_day: int, spoken: Language = ENGLISH) -> list[tuple[float, str]]:
    """A day range -> 2 to about 10 (day, label) ticks: hours, days, months or years (up to
    billions), whichever suits, labelled in `spoken`.

    Years step by 1, 2, 5, 10, 20, 50 … and BCE ticks fall on round BCE numbers ('500 BC'), so
    an axis crossing 1 BC/AD 1 labels its AD years 'AD 500'; from a million years on they are
    years ago. Months are used under 3 years, days under 2 months, hours under DAY_SCALE_DAYS.
    """
    span = end_day - start_day
    make: Callable[[int, int, int, Language], list[tuple[float, str]]] = _day_ticks
    steps: tuple[int, ...] = (1, 2, 5, 10)
    if span >= 3 * 365:
        years = from_day_number(end_day)[0] - from_day_number(start_day)[0]
        # Steps far too small for billions of years would make billions of candidates.
        make, steps = _year_ticks, tuple(s for s in _YEAR_STEPS if years // s <= 4 * MAX_TICKS)
    elif span >= 60:
        make, steps = _month_ticks, (1, 2, 3, 6)
    elif span <= DAY_SCALE_DAYS:
        make, steps = _hour_ticks, _HOUR_STEPS
    found: list[tuple[float, str]] = []
    for step in steps:
        found = make(start_day, end_day, step, spoken)
        if len(found) <= MAX_TICKS:
            break
    return found


def _on_step(year: int, step: int) -> bool:
    # AD years on multiples of the step, BC years where their BC number is (500 BC is -499);
    # years ago from a million on, where one year is nothing.
    if step >= _MILLION:
        return year % step == 0 and year != 0  # AD 1 stands for the present instead
    if year > 0:
        return year % step == 0
    return (1 - year) % step == 0


def _year_ticks(
    start_day: int, end_day: int, step: int, spoken: Language
) -> list[tuple[float, str]]:
    first, last = from_day_number(start_day)[0], from_day_number(end_day)[0]
    lowest = first - first % step
    years = [y for y in range(lowest, last + 2, step) for y in (y, y + 1) if _on_step(y, step)]
    years = sorted({y for y in years if first <= y <= last})
    crosses = first <= 0 < last
    if crosses and step >= 5 and 1 not in years:
        years = sorted([*years, 1])
    # One style along an axis: '5,000 BC' beside '15,000 BC', not '5000 BC'.
    grouped = max(abs(first), abs(last)) > 9999
    found = [(day_number(y, 1, 1), y) for y in years]
    return [
        (day, _year_tick_label(y, crosses, grouped, spoken))
        for day, y in found
        if start_day <= day <= end_day
    ]


def _year_tick_label(year: int, crosses: bool, grouped: bool, spoken: Language) -> str:
    if 1 - year >= _MILLION:  # a million BC and before: years ago, as deep time is told
        return deep_year(year - 1, spoken)
    if not spoken.is_english:  # CLDR's year, with its era where the axis crosses AD 1
        return date_cldr.words(year, None, None, spoken.tag, False, crosses or year < 1)
    number = f"{year if year > 0 else 1 - year:,}" if grouped else ""
    if year > 0:
        label = number or year_label(year)
        return f"AD {label}" if crosses else label
    return f"{number} BC" if number else year_label(year)


def _day_month(year: int, month: int, dom: int | None, spoken: Language, with_year: bool) -> str:
    """'1 Jan 2019', '1 Jan' or 'Jan 2019' as an axis says them, in `spoken`."""
    if not spoken.is_english:
        if with_year:
            return date_cldr.words(year, month, dom, spoken.tag, False, year < 1)
        return date_cldr.month_day(month, dom, spoken.tag)
    head = _MONTHS[month - 1] if dom is None else f"{dom} {_MONTHS[month - 1]}"
    return f"{head} {year_label(year)}" if with_year else head


def _hour(hour: int, spoken: Language) -> str:
    return f"{hour:02d}:00" if spoken.is_english else date_cldr.clock(hour, 0, None, spoken.tag)


def _hour_ticks(
    start_day: int, end_day: int, step: int, spoken: Language
) -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []
    for day in range(start_day, end_day + 1):
        year, month, dom = from_day_number(day)
        for hour in range(0, 24, step):
            at = day + hour / 24
            if at > end_day:
                break
            if not found:
                label = _day_month(year, month, dom, spoken, True)
                label += f" {_hour(hour, spoken)}" if hour else ""
            elif hour == 0:
                label = _day_month(year, month, dom, spoken, False)
            else:
                label = _hour(hour, spoken)
            found.append((at, label))
    return found


def _month_ticks(
    start_day: int, end_day: int, step: int, spoken: Language
) -> list[tuple[float, str]]:
    year, month, _ = from_day_number(start_day)
    found: list[tuple[float, str]] = []
    while (day := day_number(year, month, 1)) <= end_day:
        if day >= start_day and (month - 1) % step == 0:
            with_year = month == 1 or not found
            found.append((day, _day_month(year, month, None, spoken, with_year)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _day_ticks(
    start_day: int, end_day: int, step: int, spoken: Language
) -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []
    for day in range(start_day, end_day + 1):
        year, month, dom = from_day_number(day)
        next_month = day_number(year + (month == 12), month % 12 + 1, 1)
        # A tick closer than half a step to the next month's first would crowd its label.
        if (dom - 1) % step or (dom != 1 and next_month - day < max(step // 2, 1)):
            continue
        if not found or (dom == 1 and month == 1):
            label = _day_month(year, month, dom, spoken, True)
        elif dom == 1:
            label = _day_month(year, month, dom, spoken, False)
        else:
            label = str(dom)
        found.append((day, label))
    return found
