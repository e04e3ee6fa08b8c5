"""TimelineJS date objects (`{year, month, day, hour, minute, second}`, as a JSON file or a
spreadsheet's columns give them) -> EDTF text at exactly the precision given.

TimelineJS numbers years historically, with no year zero: 44 BC is `-44`, which EDTF (whose
years are astronomical) writes `-0043`. Years beyond ±9999 (its cosmological scale) become
EDTF's `Y` years, which hold a year alone."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.model.dates import DateError, parse_date
from generator.model.days import days_in_month, year_edtf

_PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")
_RANGES = {"month": (1, 12), "hour": (0, 23), "minute": (0, 59), "second": (0, 59)}


class DateProblem(ValueError):
    """A date part the source cannot mean: `part` names it (`month`), the message says why and
    what to write instead, as `what — fix`."""

    def __init__(self, part: str, what: str, fix: str) -> None:
        super().__init__(f"{what} — {fix}")
        self.part, self.what, self.fix = part, what, fix


def astronomical(year: int) -> int:
    """A TimelineJS year -> EDTF's: -44 (44 BC) -> -43; raises DateProblem for year 0."""
    if year == 0:
        raise DateProblem("year", "TimelineJS has no year 0", "write -1 for 1 BC, or 1 for AD 1")
    return year if year > 0 else year + 1


def _number(part: str, value: object) -> int | None:
    """The whole number a date part holds (a number or its text), None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise DateProblem(part, f"expected a whole number, got {value!r}", "write it as 1, 2 …")
    text = str(value).strip()
    try:
        number = float(text) if isinstance(value, float) else int(text.replace(",", ""))
    except ValueError:
        raise DateProblem(
            part, f"`{text}` is not a whole number", f"write the {part} in digits"
        ) from None
    if isinstance(number, float):
        if not number.is_integer():
            raise DateProblem(part, f"{value} is not a whole number", f"write a whole {part}")
        return int(number)
    return number


def edtf_point(date: Mapping[str, object], note: Callable[[str], None]) -> str:
    """A TimelineJS date object -> one EDTF date; `note` is told what our format cannot keep
    (milliseconds, an hour without minutes). Raises DateProblem."""
    parts = {part: _number(part, date.get(part)) for part in _PARTS}
    year = parts["year"]
    if year is None:
        raise DateProblem("year", "is missing", "every TimelineJS date needs a year")
    astro = astronomical(year)
    month, day, hour = parts["month"], parts["day"], parts["hour"]
    if parts["second"] == 60:  # a leap second, as UTC inserts one some 30 June or 31 December
        note("a leap second (second 60): written as second 59, since our times have none")
        parts["second"] = 59
    for part, (low, high) in _RANGES.items():
        value = parts[part]
        if value is not None and not low <= value <= high:
            raise DateProblem(part, f"{value} is not a {part}", f"write {low} to {high}")
    if day is not None and month is None:
        raise DateProblem("day", "a day without a month", "give the month, or leave the day out")
    if abs(astro) > 9999:
        if month is not None:
            note(f"the month and day of the year {year}: our years beyond ±9999 hold a year alone")
        return f"Y{astro}"
    text = year_edtf(astro)
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            if not 1 <= day <= days_in_month(astro, month):
                raise DateProblem(
                    "day",
                    f"{day} is not a day of {year_edtf(astro)}-{month:02d}",
                    f"write 1 to {days_in_month(astro, month)}",
                )
            text += f"-{day:02d}"
    if hour is not None:
        text += _time(parts, day, note)
        if astro < 1:  # time zones have no rules before AD 1: the clock as written, in UTC
            text += "Z"
    if parts["millisecond"]:
        note(f"{parts['millisecond']} milliseconds: our times go down to the second")
    try:
        parse_date(text)
    except DateError as error:
        raise DateProblem("year", *error.problem) from None
    return text


def _time(parts: Mapping[str, int | None], day: int | None, note: Callable[[str], None]) -> str:
    if day is None:
        raise DateProblem("hour", "a time of day without a day", "give the month and day too")
    minute, second = parts["minute"], parts["second"]
    if minute is None:
        note(f"the hour {parts['hour']} without minutes: written as {parts['hour']:02d}:00")
        minute = 0
    text = f"T{parts['hour']:02d}:{minute:02d}"
    return text + (f":{second:02d}" if second is not None else "")
