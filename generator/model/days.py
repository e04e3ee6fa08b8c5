"""Day numbers on the proleptic Gregorian calendar, for any astronomical year.

Day 1 is 0001-01-01, as date.toordinal, and the count runs on through year 0 and the years
before it, because datetime cannot hold years before 1.
"""

from typing import NamedTuple

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Day numbers count from 0001-01-01; the civil algorithm counts from 0000-03-01, 305 days earlier.
_EPOCH_SHIFT = 305


# Here rather than in dates, which builds on this module, because days_in_month raises it too.
class Problem(NamedTuple):
    """What is wrong with a date, and how to fix it: the two halves of an error message."""

    what: str
    fix: str


class DateError(ValueError):
    """A date that cannot be parsed: what is wrong (`problem.what`) and how to fix it
    (`problem.fix`); str(error) joins them as a message does."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(f"{what} — {fix}")
        self.problem = Problem(what, fix)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Astronomical year and month (1-12) -> number of days in that month."""
    if not 1 <= month <= 12:
        raise DateError(f"there is no month {month}", "months are 1 to 12")
    return 29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month - 1]


def day_number(year: int, month: int, day: int) -> int:
    """Days since 0001-01-01 (which is day 1, as date.toordinal), for any astronomical year."""
    # Howard Hinnant's days_from_civil: years start in March so the leap day comes last,
    # and floor division keeps the 400-year eras correct for negative years.
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - _EPOCH_SHIFT


def from_day_number(n: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number; inverse of day_number."""
    era, doe = divmod(n + _EPOCH_SHIFT, 146097)
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


FIRST_DAY = 1  # 0001-01-01: RFC 3339 and iCalendar dates start there
LAST_DAY = day_number(9999, 12, 31)


def year_edtf(year: int) -> str:
    """An astronomical year in EDTF's four digits: '2019', '-0043' (44 BC)."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def iso_day(day: int | None) -> str | None:
    """A day number -> an ISO date with EDTF's astronomical year ('-0043-03-15'), None for None."""
    if day is None:
        return None
    year, month, day_of_month = from_day_number(day)
    return f"{year_edtf(year)}-{month:02d}-{day_of_month:02d}"


def rfc3339(day: int) -> str:
    """A day number -> midnight UTC of that day in RFC 3339, clamped to 0001-01-01."""
    year, month, day_of_month = from_day_number(max(day, FIRST_DAY))
    return f"{year:04d}-{month:02d}-{day_of_month:02d}T00:00:00Z"


def ics_date(day: int) -> str:
    """A day number -> an iCalendar DATE value ('20190226')."""
    year, month, day_of_month = from_day_number(day)
    return f"{year:04d}{month:02d}{day_of_month:02d}"


DAY_SECONDS = 86400


def instant_parts(instant: int) -> tuple[int, int, int, int, int, int]:
    """Seconds since 0001-01-01T00:00Z -> (year, month, day, hour, minute, second) in UTC."""
    days, seconds = divmod(instant, DAY_SECONDS)
    hours, rest = divmod(seconds, 3600)
    return (*from_day_number(days + 1), hours, *divmod(rest, 60))


def iso_instant(instant: int | None) -> str | None:
    """An instant -> '2019-02-25T22:30:00Z', with EDTF's astronomical year; None for None."""
    if instant is None:
        return None
    year, month, day, hour, minute, second = instant_parts(instant)
    return f"{year_edtf(year)}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"


def rfc3339_instant(instant: int) -> str:
    """An instant -> RFC 3339 in UTC, clamped to the years 1-9999 that RFC 3339 can write."""
    first, last = 0, LAST_DAY * DAY_SECONDS - 1
    text = iso_instant(min(max(instant, first), last))
    assert text is not None
    return text


def ics_instant(instant: int) -> str:
    """An instant in the years 1-9999 -> an iCalendar UTC DATE-TIME value ('20190225T223000Z')."""
    year, month, day, hour, minute, second = instant_parts(instant)
    return f"{year:04d}{month:02d}{day:02d}T{hour:02d}{minute:02d}{second:02d}Z"
