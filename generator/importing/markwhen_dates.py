"""markwhen's dates and ranges -> EDTF: ISO/EDTF dates with times, American dates (`12/2012`,
`12/7/1941`), month names (`Dec 2021`, `7 December 1941`, `December 7, 1941`), ranges written
`a/b`, `a - b` or `a-b`, and durations (`2025-04/4 months`, or a line's `1 year` after the
event before it), resolved to dates at the precision of their unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model.days import day_number, days_in_month, from_day_number, year_edtf

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_ISO = re.compile(
    r"(?P<year>-?\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
    r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
# `12/2012` and `12/7/1941`, month first unless the header says `dateFormat: d/M/y`.
_SLASHED = re.compile(r"(?P<first>\d{1,2})/(?:(?P<second>\d{1,2})/)?(?P<year>\d{4})")
_NAMED = (
    re.compile(r"(?P<month>[A-Za-z]+)\.? (?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]+)\.? (?P<year>\d{4})"),
    re.compile(r"(?P<month>[A-Za-z]+)\.? (?P<day>\d{1,2}),? (?P<year>\d{4})"),
)
DURATION = re.compile(r"(?P<count>\d+) ?(?P<unit>years?|months?|weeks?|days?)", re.IGNORECASE)
_COUNT = r"\d+ ?(?:years?|months?|weeks?|days?)"
_COUNTS = re.compile(rf"({_COUNT})(?: ?[-–] ?({_COUNT}))?", re.IGNORECASE)
_SPLITS = (" - ", " – ", " to ", "–", "/", "-")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date of the file, to the year, month or day, with a time of day as written."""

    year: int
    month: int | None = None
    day: int | None = None
    time: str = ""  # `T10:30`, `T10:30:15Z`, or ''

    def edtf(self) -> str:
        if abs(self.year) > 9999:
            return f"Y{self.year}"
        text = year_edtf(self.year)
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}{self.time}"
        return text

    def last_day(self) -> int:
        month = self.month or 12
        return day_number(self.year, month, self.day or days_in_month(self.year, month))


def _slashed(text: str, day_first: bool) -> dict[str, str] | None:
    found = _SLASHED.fullmatch(text)
    if found is None:
        return None
    first, second = found["first"], found["second"]
    if second is None:
        return {"year": found["year"], "month": first}
    day, month = (first, second) if day_first else (second, first)
    return {"year": found["year"], "month": month, "day": day}


def stamp(text: str, day_first: bool = False) -> Stamp | None:
    """One date of the file -> Stamp, None when it is not one (or names no real day);
    `day_first` reads `7/12/1941` as 7 December, as `dateFormat: d/M/y` asks."""
    text = " ".join(text.split())
    deep = re.fullmatch(r"Y(-?[1-9]\d{4,})", text)
    if deep:
        return Stamp(int(deep[1]))
    iso = _ISO.fullmatch(text)
    parts = iso.groupdict() if iso else _slashed(text, day_first)
    for pattern in _NAMED if parts is None else ():
        named = pattern.fullmatch(text)
        if named and named["month"].lower() in MONTHS:
            parts = named.groupdict() | {"month": str(MONTHS[named["month"].lower()])}
            break
    if parts is None:
        return None
    year, month = int(parts["year"]), int(parts["month"]) if parts.get("month") else None
    day = int(parts["day"]) if parts.get("day") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= days_in_month(year, month)):
        return None
    time = ""
    if parts.get("hour") is not None and day is not None:
        hour, minute = int(parts["hour"]), int(parts["minute"])
        if hour > 23 or minute > 59:
            return None
        time = f"T{hour:02d}:{minute:02d}" + (f":{parts['second']}" if parts["second"] else "")
        time += (parts["offset"] or "") if year >= 1 else (parts["offset"] or "Z")
    return Stamp(year, month, day, time)


def after(base: Stamp, count: int, unit: str, *, inclusive: bool) -> tuple[Stamp, Stamp]:
    """The span of `count` units starting right after `base` (or, `inclusive`, at it), to the
    finer of the unit's and the base's precision: `1961` then `1 year` is 1962; `03/2025` and
    `1 year` end 2026-02; `2025-04-10` and `4 months` end 2025-08-09."""
    unit = unit.lower().rstrip("s")
    if unit in ("week", "day"):
        days = count * (7 if unit == "week" else 1)
        if inclusive:
            start = day_number(base.year, base.month or 1, base.day or 1)
        else:
            start = base.last_day() + 1
        return Stamp(*from_day_number(start)), Stamp(*from_day_number(start + days - 1))
    months = count * (12 if unit == "year" else 1)
    if not inclusive:
        base = _next(base, unit)
    if base.day is not None:
        year, month = _add_months(base.year, base.month or 1, months)
        day = min(base.day, days_in_month(year, month))
        return base, Stamp(*from_day_number(day_number(year, month, day) - 1))
    if base.month is not None:
        return base, Stamp(*_add_months(base.year, base.month, months - 1))
    if unit == "year":
        return base, Stamp(base.year + count - 1)
    return Stamp(base.year, 1), Stamp(*_add_months(base.year, 1, months - 1))


def _next(base: Stamp, unit: str) -> Stamp:
    """The first year or month after `base`, in which a span counted from it starts."""
    if unit == "year" and base.month is None:
        return Stamp(base.year + 1)
    if base.month is None:
        return Stamp(base.year + 1, 1)
    if base.day is None:
        return Stamp(*_add_months(base.year, base.month, 1))
    return Stamp(*from_day_number(base.last_day() + 1))


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def date_range(
    text: str, previous: Stamp | None, day_first: bool = False
) -> tuple[Stamp, Stamp] | str | None:
    """A range of the file -> (start, end); a reason (text) when it cannot be made absolute;
    None when it is no range at all."""
    text = " ".join(text.split())
    whole = stamp(text, day_first)
    if whole is not None:
        return whole, whole
    for separator in _SPLITS:
        at = text.find(separator)
        while at > 0:
            start = stamp(text[:at], day_first)
            end_text = text[at + len(separator) :].strip()
            if start is not None:
                end = _end(start, end_text, day_first)
                if end is not None:
                    return end
            at = text.find(separator, at + 1)
    return _relative(text, previous)


def _relative(text: str, previous: Stamp | None) -> tuple[Stamp, Stamp] | str | None:
    """A range counted from the event before (`1 year`; `1 week - 3 days`, a gap then a span)
    or from now, which has no date to give; None when it is neither."""
    if text.lower() in ("now", "today"):
        return "it is dated `now`, the day the file is read"
    if re.search(r"\b(now|today)\b", text, re.IGNORECASE):
        return f"`{text}` is counted from `now`, the day the file is read"
    counts = _COUNTS.fullmatch(text)
    if counts is None:
        return None
    if previous is None:
        return f"`{text}` is counted from the event before it, and there is none"
    gap = DURATION.fullmatch(counts[1])
    assert gap is not None  # the pattern that matched it
    start, end = after(previous, int(gap["count"]), gap["unit"], inclusive=False)
    span = DURATION.fullmatch(counts[2]) if counts[2] else None
    if span is not None:
        start, end = after(end, int(span["count"]), span["unit"], inclusive=False)
    return start, end


def _end(start: Stamp, text: str, day_first: bool) -> tuple[Stamp, Stamp] | str | None:
    end = stamp(text, day_first)
    if end is not None:
        return start, end
    duration = DURATION.fullmatch(text)
    if duration is not None:
        _, last = after(start, int(duration["count"]), duration["unit"], inclusive=True)
        return start, last
    if text.lower() in ("now", "today"):
        return "it ends `now`, relative to the day the file is read"
    return None


def edtf_range(start: Stamp, end: Stamp) -> str:
    """(start, end) -> an EDTF date, or an interval when they differ."""
    return start.edtf() if start == end else f"{start.edtf()}/{end.edtf()}"
