"""One EDTF date: a year (astronomical, four digits, or beyond ±9999 as EDTF's `Y` years), an
optional month and day, unspecified digits (196X, 19XX, 2019-XX, 2019-03-XX), an optional time of
day with its offset, and the qualifiers ? (uncertain), ~ (approximate) and % (both).

Day numbers are those of `generator.model.days`; instants are seconds since 0001-01-01T00:00Z.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from generator.i18n import ENGLISH, Spoken, spoken
from generator.model import clock, date_cldr
from generator.model.clock import Time
from generator.model.date_hints import MAX_YEAR, MIN_YEAR, MONTHS
from generator.model.days import (
    DAY_SECONDS,
    DateError,
    Problem,
    day_number,
    days_in_month,
    from_day_number,
    year_edtf,
)

Precision = Literal["century", "decade", "year", "month", "day", "minute", "second"]
RANK: dict[Precision, int] = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "month": 3,
    "day": 4,
    "minute": 5,
    "second": 6,
}
DEEP_LIMIT = 10**11  # a hundred billion years, well past the age of the universe


class Unspecified(Enum):
    """Which digits an EDTF date leaves unspecified with X."""

    NONE = ""
    DECADE = "decade"  # 196X
    CENTURY = "century"  # 19XX
    MONTH = "month"  # 2019-XX
    DAY = "day"  # 2019-03-XX
    MONTH_AND_DAY = "month and day"  # 2019-XX-XX


_YEAR_X = {Unspecified.DECADE: 1, Unspecified.CENTURY: 2}


def year_label(year: int, language: Spoken = ENGLISH) -> str:
    """Astronomical year -> reader's label: '2019', '43', '1 BC' for 0, '44 BC' for -43;
    thousands separated beyond four digits ('170,000,002', '170,001 BC'); in another
    `language`, as CLDR writes a year and its era ('44 av. J.-C.', '2019年')."""
    lang = spoken(language)
    if not lang.is_english:
        return date_cldr.words(year, None, None, lang.tag, False, year < 1)
    if year > 0:
        return f"{year:,}" if year > MAX_YEAR else str(year)
    bc = 1 - year
    return f"{bc:,} BC" if bc > MAX_YEAR else f"{bc} BC"


@dataclass(frozen=True, slots=True, order=False)
class Point:
    """One EDTF date; every Point is a real date whose edtf() parses back to it."""

    year: int
    month: int | None
    day: int | None
    uncertain: bool = False
    approximate: bool = False
    unspecified: Unspecified = Unspecified.NONE
    time: Time | None = None

    def __post_init__(self) -> None:
        if self.is_deep:
            self._check_deep()
        self._check_unspecified()
        year, month, day = self.year, self.month, self.day
        if month is None:
            if day is not None:
                raise DateError(f"day {day} has no month", "give the month too, as YYYY-MM-DD")
        elif not 1 <= month <= 12:
            raise DateError(f"'{self.edtf()}' has no month {month}", "months are 01 to 12")
        elif day is not None and not 1 <= day <= days_in_month(year, month):
            raise DateError(*self._bad_day())
        if self.time is not None and day is None:
            raise DateError(
                f"'{self.edtf()}' has a time but no day",
                "a time of day needs the whole date, such as 2019-02-26T03:30",
            )

    def _check_deep(self) -> None:
        if abs(self.year) >= DEEP_LIMIT:
            raise DateError(f"year {self.year:,} is out of range", "Y years run to ±99,999,999,999")
        if self.month is not None or self.unspecified is not Unspecified.NONE or self.time:
            raise DateError(
                f"year {self.year:,} is beyond ±9999, where only the year can be given",
                f"write Y{self.year}",
            )
        if self.uncertain or self.approximate:
            raise DateError(
                f"'Y{self.year}' takes no qualifier",
                "EDTF marks only dates of four-digit years as uncertain or approximate; say it in "
                "the body or in date_label",
            )

    def _check_unspecified(self) -> None:
        digits = _YEAR_X.get(self.unspecified)
        if digits is not None and (self.month is not None or self.year % 10**digits):
            raise DateError(f"'{self.edtf()}' is not an EDTF date", "write it as 196X or 19XX")
        needs = {Unspecified.MONTH: False, Unspecified.MONTH_AND_DAY: False, Unspecified.DAY: True}
        wanted = needs.get(self.unspecified)
        if wanted is not None and ((self.month is not None) != wanted or self.day is not None):
            raise DateError(f"'{self.edtf()}' is not an EDTF date", "write 2019-XX or 2019-03-XX")

    def _bad_day(self) -> Problem:
        assert self.month is not None and self.day is not None
        last = days_in_month(self.year, self.month)
        why = f"{MONTHS[self.month - 1]} {year_label(self.year)} has {last} days"
        if self.day < 1:
            why = "days start at 01"
        elif self.month == 2 and self.day == 29:
            why = f"{year_label(self.year)} is not a leap year"
        fix = Point(self.year, self.month, 1 if self.day < 1 else last).edtf()
        return Problem(
            f"'{self.edtf()}' is not a real day ({why})", f"write a date that exists, such as {fix}"
        )

    @property
    def is_deep(self) -> bool:
        """True for a year beyond ±9999, which EDTF writes as a `Y` year."""
        return not MIN_YEAR <= self.year <= MAX_YEAR

    @property
    def precision(self) -> Precision:
        """The finest unit given, from 'century' to 'second'."""
        if self.time is not None:
            return "minute" if self.time.second is None else "second"
        if self.unspecified is Unspecified.DECADE:
            return "decade"
        if self.unspecified is Unspecified.CENTURY:
            return "century"
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    @property
    def to_the_day(self) -> bool:
        """True when the point names one day (or a time within it), drawn as a point."""
        return self.day is not None

    def year_span(self) -> tuple[int, int]:
        """The first and last year this point can mean: (1960, 1969) for 196X."""
        digits = _YEAR_X.get(self.unspecified)
        if digits is None:
            return self.year, self.year
        width = 10**digits - 1
        return (self.year, self.year + width) if self.year >= 0 else (self.year - width, self.year)

    def earliest_day(self) -> int:
        """Day number of the first day this point can mean."""
        return day_number(self.year_span()[0], self.month or 1, self.day or 1)

    def latest_day(self) -> int:
        """Day number of the last day this point can mean."""
        last_year = self.year_span()[1]
        if self.month is None:
            return day_number(last_year, 12, 31)
        return day_number(last_year, self.month, self.day or days_in_month(last_year, self.month))

    def earliest_instant(self, zone: str) -> int:
        """Seconds since 0001-01-01T00:00Z of the first instant it can mean; a point without a
        time starts at midnight in `zone`."""
        day = self.earliest_day()
        if self.time is not None:
            return (day - 1) * DAY_SECONDS + self.time.seconds - self.time.offset * 60
        return (day - 1) * DAY_SECONDS - _midnight(zone, day) * 60

    def zone_clock(self, zone: str) -> int:
        """The first instant it can mean as the clock of `zone` reads it, in seconds since
        0001-01-01T00:00 on that clock: where a time written with another offset falls on the
        axis of a timeline kept in `zone`."""
        instant = self.earliest_instant(zone)
        return instant + clock.offset_at(zone, instant) * 60

    def latest_instant(self, zone: str) -> int:
        """Seconds since 0001-01-01T00:00Z of the last instant it can mean."""
        if self.time is not None:
            return self.earliest_instant(zone) + (59 if self.time.second is None else 0)
        day = self.latest_day() + 1
        return (day - 1) * DAY_SECONDS - _midnight(zone, day) * 60 - 1

    def edtf(self) -> str:
        """Canonical EDTF text, such as '-0043-03-15', '196X', 'Y-13800000000' or
        '2019-02-26T03:30+05:00~'."""
        if self.is_deep:
            return f"Y{self.year}"
        text = year_edtf(self.year)
        digits = _YEAR_X.get(self.unspecified)
        if digits is not None:
            text = text[:-digits] + "X" * digits
        if self.month is not None:
            text += f"-{self.month:02d}"
        elif self.unspecified in (Unspecified.MONTH, Unspecified.MONTH_AND_DAY):
            text += "-XX"
        if self.day is not None:
            text += f"-{self.day:02d}"
        elif self.unspecified in (Unspecified.DAY, Unspecified.MONTH_AND_DAY):
            text += "-XX"
        if self.time is not None:
            text += "T" + self.time.edtf()
        return text + _qualifier(self.uncertain, self.approximate)

    def iso(self) -> str | None:
        """ISO 8601 at its precision ('2019-02', '2019-02-26T03:30:00+05:00'), the form of HTML's
        datetime and JSON-LD, or None for what ISO cannot say (before AD 1, decades, deep time)."""
        if self.year < 1 or self.is_deep or self.precision in ("decade", "century"):
            return None
        text = year_edtf(self.year)
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text if self.time is None else f"{text}T{self.time.iso()}"


def _qualifier(uncertain: bool, approximate: bool) -> str:
    if uncertain:
        return "%" if approximate else "?"
    return "~" if approximate else ""


def _midnight(zone: str, day: int) -> int:
    year, month, day_of_month = from_day_number(day)
    return clock.midnight_offset(zone, year, month, day_of_month)


_POINT = re.compile(
    r"(?P<sign>-?)(?P<year>[0-9]{2}(?:[0-9]{2}|[0-9]X|XX))"
    r"(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?"
    r"(?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
    r"(?P<offset>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
    r"(?P<qualifier>[?~%]?)"
)
_DEEP = re.compile(r"Y(?P<sign>-?)(?P<digits>[0-9]+)(?P<qualifier>[?~%]?)")


def match_point(text: str, zone: str) -> Point | None:
    """EDTF text of one date -> Point (a time without an offset read in `zone`), None for text
    that is not of that shape; raises DateError for a date of that shape that cannot be."""
    deep = _DEEP.fullmatch(text)
    if deep is not None:
        return _deep(text, deep)
    match = _POINT.fullmatch(text)
    if match is None:
        return None
    sign, year_text, month_text, day_text, qualifier = match.group(
        "sign", "year", "month", "day", "qualifier"
    )
    if sign and year_text == "0000":
        raise DateError(f"'{text}' has year -0000", "write year zero (1 BC) as 0000")
    unspecified = _unspecified(text, year_text, month_text, day_text)
    magnitude = int(year_text.replace("X", "0"))
    year = -magnitude if sign else magnitude
    month = int(month_text) if month_text and month_text != "XX" else None
    day = int(day_text) if day_text and day_text != "XX" else None
    time = _time(text, match, year, month, day, zone)
    uncertain, approximate = qualifier in ("?", "%"), qualifier in ("~", "%")
    return Point(year, month, day, uncertain, approximate, unspecified, time)


def _deep(text: str, match: re.Match[str]) -> Point:
    digits = match.group("digits")
    year = int(digits) * (-1 if match.group("sign") else 1)
    if len(digits) <= 4 or digits.startswith("0"):
        plain = year_edtf(int(digits) * (-1 if match.group("sign") else 1))
        raise DateError(
            f"'{text}' is not a Y year",
            f"Y is for years beyond ±9999 (more than four digits, without leading zeros); write "
            f"{plain}",
        )
    qualifier = match.group("qualifier")
    return Point(year, None, None, qualifier in ("?", "%"), qualifier in ("~", "%"))


def _unspecified(text: str, year: str, month: str | None, day: str | None) -> Unspecified:
    x_year, x_month, x_day = year.count("X"), month == "XX", day == "XX"
    if x_year and month is not None:
        raise DateError(
            f"'{text}' leaves digits of the year unspecified, so it can have no month or day",
            f"write {year}",
        )
    if x_month and day is not None and not x_day:
        raise DateError(
            f"'{text}' has a day of an unspecified month",
            f"write {text[:7]}-XX or give the month",
        )
    if x_year:
        return Unspecified.DECADE if x_year == 1 else Unspecified.CENTURY
    if x_month:
        return Unspecified.MONTH_AND_DAY if x_day else Unspecified.MONTH
    return Unspecified.DAY if x_day else Unspecified.NONE


def _time(
    text: str, match: re.Match[str], year: int, month: int | None, day: int | None, zone: str
) -> Time | None:
    hour = match.group("hour")
    if hour is None:
        return None
    if month is None or day is None:
        raise DateError(
            f"'{text}' has a time but no day",
            "a time of day needs the whole date, such as 2019-02-26T03:30",
        )
    minute, second_text, offset_text = match.group("minute", "second", "offset")
    second = None if second_text is None else int(second_text)
    # Made first so that the clock reading is checked before zoneinfo sees it.
    reading = Time(int(hour), int(minute), second, 0, True, clock.UTC)
    if offset_text is not None:
        offset, zone_name = clock.written_offset(offset_text)
        return Time(reading.hour, reading.minute, second, offset, True, zone_name)
    if year < 1:
        raise DateError(
            f"'{text}' is a time before AD 1, where time zones have no rules",
            f"write its offset, such as {text[: match.end('minute')]}Z",
        )
    offset, zone_name = clock.zone_offset(zone, year, month, day, reading.seconds)
    return Time(reading.hour, reading.minute, second, offset, False, zone_name)
