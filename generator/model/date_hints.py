"""The messages for date text that is not EDTF, with the EDTF form of dates as people write
them: `12/03/2019`, `July 16, 1969`, `Jul 1969`, `2019-02-26 10:00`, `44 BC`, `c. 1850`."""

from __future__ import annotations

import re

from generator.model.days import Problem, days_in_month, year_edtf

MIN_YEAR, MAX_YEAR = -9999, 9999  # edtf() writes four digits, so nothing wider can round-trip
MONTHS = tuple(  # one readable line beats a twelve-line literal
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
ONE_END = "an interval needs at least one date, such as 2019/.. or ../2019"
FORMS = (
    "write YYYY, YYYY-MM or YYYY-MM-DD (such as 2019-02-26), a time as 2019-02-26T03:30, "
    "a decade as 196X or deep time as Y-13800000000, optionally followed by ? (uncertain), "
    "~ (approximate) or % (both), or two of those as START/END"
)
_RANGE = f"years run from {MIN_YEAR} to {MAX_YEAR}"

_LOOSE = re.compile(r"(-?)([0-9]+)(?:-([0-9]+)(?:-([0-9]+))?)?([?~%]*)")
_BC = re.compile(r"(?i)(?:c\.?|ca\.?|circa)?\s*([1-9][0-9]{0,3})\s*b\.?\s*c\.?\s*e?\.?")
_CIRCA = re.compile(r"(?i)(?:c\.?|ca\.?|circa)\s*(-?[0-9]{4})")
# 12/03/2019, 12.03.2019, 12-03-2019: day and month in some order, then the year.
_NUMERIC = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
# 2019-02-26 10:00, 2019-02-26t3:30z, 2019-02-26T03:30:15.5 +05:00: a time EDTF writes otherwise.
_TIME = re.compile(
    r"(-?[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt]|\s+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?"
    r"\s*([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?([?~%]?)"
)
_DAY = r"([0-9]{1,2})(?:st|nd|rd|th)?"
# July 16, 1969 / 16 July 1969 / Jul 1969 / 16th of July, 1969
_WORDS = re.compile(
    rf"(?i)(?:{_DAY}\s+(?:of\s+)?)?([a-z]+)\.?(?:\s+{_DAY})?,?\s+([0-9]{{1,4}})",
)


def not_a_date(text: str, whole: str) -> Problem:
    """Unparseable `text` (in the date `whole`) -> what is wrong, with the most specific fix we
    can guess."""
    shown = text if len(text) <= 40 else text[:39] + "…"
    where = f"'{shown}'" if text == whole else f"'{shown}' in '{whole[:60]}'"
    if text == "":
        return Problem("no date was given", FORMS)
    if text == "..":
        return Problem("'..' alone is not a date", ONE_END)
    loose = _LOOSE.fullmatch(text)
    if loose is not None:
        return _loose(where, *loose.groups())
    hint = _written_out(text, where)
    if hint is not None:
        return hint
    bc = _BC.fullmatch(text)
    if bc is not None:
        year = year_edtf(1 - int(bc.group(1)))
        return Problem(
            f"{where} uses BC", f"write years astronomically: {year} is {bc.group(1)} BC"
        )
    circa = _CIRCA.fullmatch(text)
    if circa is not None:
        example = circa.group(1) + "~"
        return Problem(
            f"{where} uses 'circa'", f"mark approximate dates with a trailing ~, such as {example}"
        )
    if whole.count("/") > 1:
        return Problem(
            f"{where} has more than one '/'", "an interval is START/END, such as 2019/2020"
        )
    compact = "".join(whole.split())
    if compact != whole:
        return Problem(f"{where} contains spaces", f"write it without them: {compact}")
    if text[:1] in {"?", "~", "%"}:
        return Problem(f"{where} starts with a qualifier", "put it after the date, such as 2016~")
    return Problem(f"{where} is not a date this site understands", FORMS)


def _loose(
    where: str, sign: str, year: str, month: str | None, day: str | None, qualifiers: str
) -> Problem:
    """The message for digits and hyphens that are not EDTF's widths (`800`, `2019-2-3`)."""
    if len(qualifiers) > 1:
        return Problem(
            f"{where} has more than one qualifier", "use one: ? uncertain, ~ approximate, % both"
        )
    if day is not None and len(day) == 4 and len(year) <= 2:
        assert month is not None
        return _day_and_month(where, int(year), int(month), int(day))
    if len(year) > 4 and month is None and day is None:
        deep = f"Y{sign}{year.lstrip('0')}"
        return Problem(
            f"{where} is not a date this site understands: {_RANGE}",
            f"write a year in that range, or a year of deep time as an EDTF Y year: {deep}",
        )
    if len(year) > 4 or any(x is not None and len(x) > 2 for x in (month, day)):
        return Problem(f"{where} is not a date this site understands", FORMS)
    parts = [sign + year.zfill(4)] + [f"{int(x):02d}" for x in (month, day) if x is not None]
    fixed = "-".join(parts) + qualifiers
    if sign and year.lstrip("0"):
        bc = int(year)
        return Problem(
            f"{where} needs a four-digit year",
            f"write {fixed}; the format counts a year 0 (1 BC), so {fixed} is {bc + 1} BC, and "
            f"{bc} BC is {year_edtf(1 - bc)}",
        )
    return Problem(
        f"{where} needs a four-digit year and two-digit months and days", f"write {fixed}"
    )


def _written_out(text: str, where: str) -> Problem | None:
    """The message for a day written with slashes, dots, month names or a time, or None."""
    numeric = _NUMERIC.fullmatch(text)
    if numeric is not None:
        first, _, second, year = numeric.groups()
        return _day_and_month(where, int(first), int(second), int(year))
    timed = _TIME.fullmatch(text)
    if timed is not None:
        return Problem(
            f"{where} is not an EDTF date-time",
            "write the time after a T, with two-digit hours and an optional offset, such as "
            + _date_time(*timed.groups()),
        )
    words = _WORDS.fullmatch(text)
    if words is not None:
        before, name, after, year = words.groups()
        month = _month(name)
        if month is not None and not (before and after):
            day = before or after
            fixed = _day_text(int(year), month, int(day) if day else None)
            if fixed:
                return Problem(
                    f"{where} names the month in words", f"write it as YYYY-MM-DD: {fixed}"
                )
            return Problem(
                f"{where} names the month in words, and {MONTHS[month - 1]} {year} has no day "
                f"{day}",
                "write a day that exists as YYYY-MM-DD",
            )
    return None


def _date_time(
    day: str, hour: str, minute: str, second: str | None, offset: str | None, qualifier: str
) -> str:
    """The EDTF form of a date-time written with a space, a one-digit hour or a lower-case z."""
    text = f"{day}T{int(hour):02d}:{minute}" + (f":{second}" if second else "")
    return text + (offset or "").upper() + qualifier


def _day_and_month(where: str, first: int, second: int, year: int) -> Problem:
    """The message for a date written day and month first, in an order that may be either."""
    day_first = _day_text(year, second, first)
    month_first = _day_text(year, first, second)
    if day_first and month_first and day_first != month_first:
        return Problem(
            f"{where} can be read day-first or month-first",
            f"write the year first: {day_first} ({first} {MONTHS[second - 1]}) or {month_first} "
            f"({second} {MONTHS[first - 1]})",
        )
    if day_first or month_first:
        order = "day-first" if day_first else "month-first"
        return Problem(
            f"{where} looks {order}", f"write the year first: {day_first or month_first}"
        )
    return Problem(f"{where} is not a date this site understands", FORMS)


def _month(name: str) -> int | None:
    """1 for `January`, `jan` or `Jan`; 9 for `Sept`; None for a word that is no month."""
    lowered = name.lower()
    for number, month in enumerate(MONTHS, 1):
        full = month.lower()
        if lowered == full or (len(lowered) >= 3 and full.startswith(lowered)):
            return number
    return None


def _day_text(year: int, month: int, day: int | None) -> str:
    """`1969-07-16` (or `1969-07` without a day) if that day exists, else ''."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return ""
    if day is not None and not 1 <= day <= days_in_month(year, month):
        return ""
    return f"{year_edtf(year)}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
