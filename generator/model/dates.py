"""Event dates in an EDTF subset, for all of history: YYYY, YYYY-MM or YYYY-MM-DD with an
astronomical four-digit year (-0043 is 44 BC, 0000 is 1 BC), an optional qualifier (? uncertain,
~ approximate, % both), and intervals START/END whose ends may be '..' (open) or '' (unknown).

Day numbers, for sorting and for ranges, are those of `generator.model.days`.
"""

import re
from dataclasses import dataclass
from enum import Enum
from typing import Literal, TypeAlias

from generator.model.date_hints import MAX_YEAR as _MAX_YEAR
from generator.model.date_hints import MIN_YEAR as _MIN_YEAR
from generator.model.date_hints import MONTHS as _MONTHS
from generator.model.date_hints import ONE_END as _ONE_END
from generator.model.date_hints import not_a_date
from generator.model.days import DateError as DateError  # the error of parse_date
from generator.model.days import day_number, days_in_month, year_edtf

Precision = Literal["year", "month", "day"]

_ABBR = tuple(name[:3] for name in _MONTHS)
_RANK = {"year": 0, "month": 1, "day": 2}

_POINT = re.compile(r"(-?)([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%]?)")


def year_label(year: int) -> str:
    """Astronomical year -> reader's label: '2019', '43', '1 BC' for 0, '44 BC' for -43."""
    return str(year) if year > 0 else f"{1 - year} BC"


@dataclass(frozen=True, slots=True, order=False)
class Point:
    """One EDTF date: an astronomical year, optional month and day, and qualifier flags."""

    year: int
    month: int | None
    day: int | None
    uncertain: bool = False
    approximate: bool = False

    def __post_init__(self) -> None:
        # Validating on construction means every Point is a real day/month/year whose edtf()
        # parses back to it, however it was made.
        year, month, day = self.year, self.month, self.day
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise DateError(f"year {year} is out of range — years run from -9999 to 9999")
        if month is None:
            if day is not None:
                raise DateError(f"day {day} has no month — give the month too, as YYYY-MM-DD")
        elif not 1 <= month <= 12:
            raise DateError(f"'{self.edtf()}' has no month {month} — months are 01 to 12")
        elif day is not None and not 1 <= day <= days_in_month(year, month):
            raise DateError(self._bad_day_message())

    def _bad_day_message(self) -> str:
        assert self.month is not None and self.day is not None
        last = days_in_month(self.year, self.month)
        why = f"{_MONTHS[self.month - 1]} {year_label(self.year)} has {last} days"
        if self.day < 1:
            why = "days start at 01"
        elif self.month == 2 and self.day == 29:
            why = f"{year_label(self.year)} is not a leap year"
        fix = Point(self.year, self.month, 1 if self.day < 1 else last).edtf()
        return (
            f"'{self.edtf()}' is not a real day ({why}) — write a date that exists, such as {fix}"
        )

    @property
    def precision(self) -> Precision:
        """The finest unit given: 'year', 'month' or 'day'."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def earliest_day(self) -> int:
        """Day number of the first day this point can mean."""
        return day_number(self.year, self.month or 1, self.day or 1)

    def latest_day(self) -> int:
        """Day number of the last day this point can mean."""
        if self.month is None:
            return day_number(self.year, 12, 31)
        last = self.day or days_in_month(self.year, self.month)
        return day_number(self.year, self.month, last)

    def edtf(self) -> str:
        """Canonical EDTF text, such as '-0043-03-15', '2016~' or '2019-02%'."""
        text = year_edtf(self.year)
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        if self.uncertain:
            return text + ("%" if self.approximate else "?")
        return text + "~" if self.approximate else text


class Bound(Enum):
    """An interval end that is not a date: open ('..') or unknown ('')."""

    OPEN = ".."
    UNKNOWN = ""


Endpoint: TypeAlias = Point | Bound


def _end_edtf(end: Endpoint) -> str:
    return end.edtf() if isinstance(end, Point) else end.value


def _words(p: Point, names: tuple[str, ...], ad_prefix: bool = False) -> str:
    """Point -> '26 Feb 2019' style words without qualifiers; ad_prefix marks AD as 'AD 14'."""
    year = f"AD {p.year}" if ad_prefix and p.year > 0 else year_label(p.year)
    if p.month is None:
        return year
    if p.day is None:
        return f"{names[p.month - 1]} {year}"
    return f"{p.day} {names[p.month - 1]} {year}"


def _short(p: Point, ad_prefix: bool = False) -> str:
    text = _words(p, _ABBR, ad_prefix)
    return ("c. " if p.approximate else "") + text + ("?" if p.uncertain else "")


def _join(a: str, b: str) -> str:
    # An unspaced dash would bind only the nearest words when either side is several words.
    return f"{a} – {b}" if " " in a or " " in b else f"{a}–{b}"


def _short_range(a: Point, b: Point) -> str:
    """Two points -> a short range that names shared trailing parts once, as readers expect."""
    if a == b:
        return _short(a)
    mixed_era = (a.year > 0) != (b.year > 0)
    if mixed_era or a.uncertain or a.approximate or b.uncertain or b.approximate:
        # Collapsing would make a qualifier or era look as if it covered both ends.
        return _join(_short(a, mixed_era), _short(b, mixed_era))
    if a.month is None and b.month is None and a.year < 1:
        return f"{1 - a.year}–{_short(b)}"  # '500–400 BC': one number range sharing the era
    if a.year != b.year or a.month is None or b.month is None:
        return _join(_short(a), _short(b))
    if a.month == b.month and a.day is not None and b.day is not None:
        return f"{a.day}–{_short(b)}"  # '24–30 Sep 2016'
    head = _ABBR[a.month - 1] if a.day is None else f"{a.day} {_ABBR[a.month - 1]}"
    return f"{head} – {_short(b)}"


def _flags(p: Point) -> str:
    if p.approximate:
        return "approximate and uncertain" if p.uncertain else "approximate"
    return "uncertain" if p.uncertain else ""


def _long(p: Point, ad_prefix: bool = False) -> str:
    return ("about " if p.approximate else "") + _words(p, _MONTHS, ad_prefix)


@dataclass(frozen=True, slots=True)
class EventDate:
    """A single date (end is None, start is a Point) or an interval START/END."""

    start: Endpoint
    end: Endpoint | None

    def __post_init__(self) -> None:
        start, end = self.start, self.end
        if end is None:
            if not isinstance(start, Point):
                raise DateError(f"'{start.value}' alone is not a date — {_ONE_END}")
        elif not isinstance(start, Point):
            if not isinstance(end, Point):
                raise DateError(f"'{self.edtf()}' has no known end — {_ONE_END}")
        elif isinstance(end, Point) and end.latest_day() < start.earliest_day():
            raise DateError(
                f"'{self.edtf()}' ends before it starts — put the earlier date first: "
                f"{end.edtf()}/{start.edtf()}"
            )

    @property
    def is_interval(self) -> bool:
        """True for START/END, False for a single date."""
        return self.end is not None

    def edtf(self) -> str:
        """Canonical EDTF text; parse_date(d.edtf()) == d."""
        if self.end is None:
            return _end_edtf(self.start)
        return f"{_end_edtf(self.start)}/{_end_edtf(self.end)}"

    def _anchor(self) -> Point:
        if isinstance(self.start, Point):
            return self.start
        assert isinstance(self.end, Point)  # __post_init__ guarantees a known end
        return self.end

    def _known(self) -> list[Point]:
        return [e for e in (self.start, self.end) if isinstance(e, Point)]

    def earliest_day(self) -> int | None:
        """Day number of the first possible day, or None when the start is open/unknown."""
        return self.start.earliest_day() if isinstance(self.start, Point) else None

    def latest_day(self) -> int | None:
        """Day number of the last possible day, or None when the end is open/unknown."""
        last = self.start if self.end is None else self.end
        return last.latest_day() if isinstance(last, Point) else None

    def last_known_day(self) -> int:
        """The last day it can mean or, with an open or unknown end, the first: the day a feed
        entry is dated, and where a span with one known end stops."""
        day = self.latest_day()
        if day is None:
            day = self.earliest_day()
        assert day is not None  # an interval always has at least one known end
        return day

    def anchor_day(self) -> int:
        """Day number it sorts by: the start's earliest day if known, else the end's."""
        return self._anchor().earliest_day()

    def anchor_year(self) -> int:
        """Astronomical year of anchor_day(), for grouping by year."""
        return self._anchor().year

    def sort_key(self) -> tuple[int, int]:
        """(anchor day, precision rank year=0/month=1/day=2); callers append the event id."""
        anchor = self._anchor()
        return anchor.earliest_day(), _RANK[anchor.precision]

    @property
    def precision(self) -> Precision:
        """Precision of the anchoring point."""
        return self._anchor().precision

    @property
    def is_uncertain(self) -> bool:
        """True when any known endpoint is uncertain."""
        return any(p.uncertain for p in self._known())

    @property
    def is_approximate(self) -> bool:
        """True when any known endpoint is approximate."""
        return any(p.approximate for p in self._known())

    def display(self) -> str:
        """Short English text for lists, such as '26 Feb 2019', 'c. 2016?' or '24–30 Sep 2016'.

        Qualifiers stay on their endpoint ('c. 2015 – 2019'), and shared parts are only
        collapsed when neither end is qualified, so 'c.' or '?' never seems to cover both ends.
        Mixed-era ranges mark the AD side ('44 BC – AD 14').
        """
        start, end = self.start, self.end
        if end is None:
            assert isinstance(start, Point)
            return _short(start)
        if isinstance(start, Point):
            if isinstance(end, Point):
                return _short_range(start, end)
            return f"since {_short(start)}" if end is Bound.OPEN else f"{_short(start)} – ?"
        assert isinstance(end, Point)
        return f"until {_short(end)}" if start is Bound.OPEN else f"? – {_short(end)}"

    def describe(self) -> str:
        """Words for the event page, stating precision and uncertainty.

        Such as '26 February 2019', 'about 2016, uncertain (approximate; known to the year)',
        'from 2015 to 2019 (known to the year)' or 'since 2019 (open-ended; known to the year)'.
        In intervals, flags go in the note and name their end ('start uncertain') when both
        ends are dates.
        """
        start, end = self.start, self.end
        known = self._known()
        notes = []
        if end is None:
            assert isinstance(start, Point)
            text = _long(start) + (", uncertain" if start.uncertain else "")
            if start.approximate:
                notes.append("approximate")
        else:
            mixed = len({p.year > 0 for p in known}) == 2
            a = _long(start, mixed) if isinstance(start, Point) else "an unknown date"
            b = _long(end, mixed) if isinstance(end, Point) else "an unknown date"
            if end is Bound.OPEN:
                text = f"since {a}"
                notes.append("open-ended")
            else:
                text = f"until {b}" if start is Bound.OPEN else f"from {a} to {b}"
            for label, p in zip(("start ", "end "), (start, end), strict=True):
                flags = _flags(p) if isinstance(p, Point) else ""
                if flags:
                    notes.append((label if len(known) == 2 else "") + flags)
        coarse = [(i, p.precision) for i, p in enumerate(known) if p.precision != "day"]
        if len(coarse) == len(known) and len({prec for _, prec in coarse}) == 1:
            notes.append(f"known to the {coarse[0][1]}")
        else:
            notes += [f"{('start', 'end')[i]} known to the {prec}" for i, prec in coarse]
        return f"{text} ({'; '.join(notes)})" if notes else text

    def html_datetime(self) -> str | None:
        """HTML <time datetime> value of the anchoring point, or None outside years 1-9999."""
        p = self._anchor()
        if p.year < 1:
            return None
        return Point(p.year, p.month, p.day).edtf()


def iso_date(point: object) -> str | None:
    """A date endpoint -> ISO 8601 at its precision ('2019-02'), or None if open or before AD 1."""
    if not isinstance(point, Point) or point.year < 1:
        return None
    return Point(point.year, point.month, point.day).edtf()


def _point(match: re.Match[str]) -> Point:
    sign, year, month, day, qualifier = match.groups()
    if sign and year == "0000":
        raise DateError(f"'{match.group()}' has year -0000 — write year zero (1 BC) as 0000")
    return Point(
        -int(year) if sign else int(year),
        int(month) if month else None,
        int(day) if day else None,
        qualifier in {"?", "%"},
        qualifier in {"~", "%"},
    )


def _endpoint(text: str, whole: str) -> Endpoint:
    if text == "..":
        return Bound.OPEN
    if text == "":
        return Bound.UNKNOWN
    match = _POINT.fullmatch(text)
    if match is None:
        raise DateError(not_a_date(text, whole))
    return _point(match)


def parse_date(value: str | int) -> EventDate:
    """EDTF-subset text or an int year (YAML's `date: 2015`) -> EventDate; raises DateError."""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, int) and not isinstance(value, bool):
        return EventDate(Point(value, None, None), None)
    else:
        # YAML turns an unquoted 2019-02-26 into a date object, and yes/no into bools.
        raise DateError(
            f"{value!r} is a {type(value).__name__}, not date text — "
            "write the date as a quoted string, such as date: '2019-02-26'"
        )
    match = _POINT.fullmatch(text)
    if match is not None:
        return EventDate(_point(match), None)
    if text.count("/") != 1:
        raise DateError(not_a_date(text, text))
    start, end = text.split("/")
    return EventDate(_endpoint(start, text), _endpoint(end, text))
