"""Times of day: the clock reading of a date-time, its offset from UTC, and the IANA time zones
(through zoneinfo) that give an offset to a time written without one.

An offset is in minutes east of UTC, as ISO 8601 writes it ('+05:00' is 300).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC as _UTC_ZONE
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.model.days import DateError, Problem

UTC = "UTC"
_MIN_OFFSET, _MAX_OFFSET = -12 * 60, 14 * 60  # the offsets in use on Earth
_EXAMPLE_ZONES = "such as Asia/Karachi, Europe/London or UTC"


@dataclass(frozen=True, slots=True)
class Time:
    """A clock reading with its offset from UTC.

    `written` says the offset was in the date's text ('Z', '+05:00'); otherwise it came from a
    time zone, whose abbreviation ('PKT'; '' when the zone has only a number) is `zone_name`.
    """

    hour: int
    minute: int
    second: int | None
    offset: int
    written: bool = True
    zone_name: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.hour <= 23:
            fix = "write 00:00 of the next day" if self.hour == 24 else "hours run from 00 to 23"
            raise DateError(f"'{self.clock()}' has no hour {self.hour}", fix)
        if not 0 <= self.minute <= 59 or not 0 <= (self.second or 0) <= 59:
            raise DateError(
                f"'{self.clock()}' is not a time", "minutes and seconds run from 00 to 59"
            )
        if self.written and self.offset == 0 and self.zone_name != UTC:
            raise DateError("offset +00:00 is UTC, which EDTF writes as Z", "write Z")
        if not _MIN_OFFSET <= self.offset <= _MAX_OFFSET:
            raise DateError(
                f"offset {offset_text(self.offset)} is not one in use",
                "offsets run from -12:00 to +14:00",
            )

    @property
    def seconds(self) -> int:
        """Seconds since the local midnight."""
        return self.hour * 3600 + self.minute * 60 + (self.second or 0)

    def clock(self) -> str:
        """'03:30' or '03:30:15'."""
        text = f"{self.hour:02d}:{self.minute:02d}"
        return text if self.second is None else f"{text}:{self.second:02d}"

    def edtf(self) -> str:
        """The time as EDTF writes it after the 'T': '03:30', '03:30:15Z', '03:30+05:00'."""
        if not self.written:
            return self.clock()
        return self.clock() + ("Z" if self.zone_name == UTC else offset_text(self.offset))

    def iso(self) -> str:
        """The time with its offset always given, for ISO 8601 readers: '03:30:00+05:00'."""
        return f"{self.hour:02d}:{self.minute:02d}:{self.second or 0:02d}" + (
            "Z" if self.offset == 0 else offset_text(self.offset)
        )

    def words(self) -> str:
        """'03:30 PKT', '03:30 UTC', '03:30 UTC+5'."""
        return f"{self.clock()} {self.zone_name or utc_label(self.offset)}"


def offset_text(offset: int) -> str:
    """Minutes east of UTC -> '+05:00', '-03:30'."""
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def utc_label(offset: int) -> str:
    """Minutes east of UTC -> 'UTC', 'UTC+5', 'UTC-3:30', as readers say it."""
    if offset == 0:
        return UTC
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def written_offset(text: str) -> tuple[int, str]:
    """'Z', '+05', '+05:00' or '+0500' -> (minutes east of UTC, zone name: 'UTC' for Z)."""
    if text == "Z":
        return 0, UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours == minutes == 0:
        raise DateError(f"offset '{text}' is UTC, which EDTF writes as Z", "write Z")
    if minutes > 59:
        raise DateError(f"offset '{text}' has {minutes} minutes", "minutes run from 00 to 59")
    return sign * (hours * 60 + minutes), ""


def zone_problem(name: str) -> Problem | None:
    """None for a time zone name zoneinfo knows, else what is wrong with it and the fix."""
    try:
        _zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return Problem(
            f"'{name}' is not a time zone this machine knows",
            f"give an IANA name, {_EXAMPLE_ZONES}",
        )
    return None


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _readings(zone: ZoneInfo, local: datetime) -> list[datetime]:
    """The instants (as aware datetimes) whose clock in `zone` reads `local`: one, none (in a
    gap, when clocks go forward) or two (in a fold, when they go back)."""
    found: list[datetime] = []
    for fold in (0, 1):
        aware = local.replace(tzinfo=zone, fold=fold)
        back = aware.astimezone(_UTC_ZONE).astimezone(zone).replace(tzinfo=None)
        if back == local and all(aware.utcoffset() != other.utcoffset() for other in found):
            found.append(aware)
    return found


@lru_cache(maxsize=4096)
def zone_offset(name: str, year: int, month: int, day: int, seconds: int) -> tuple[int, str]:
    """The offset (minutes) and abbreviation in zone `name` of a local clock reading; raises
    DateError for a reading that does not exist there or exists twice."""
    if name == UTC:
        return 0, UTC
    zone = _zone(name)
    local = datetime(year, month, day) + timedelta(seconds=seconds)
    readings = _readings(zone, local)
    clock = local.strftime("%H:%M" if local.second == 0 else "%H:%M:%S")
    if not readings:
        before = (local.replace(tzinfo=zone, fold=0)).utcoffset()
        after = (local.replace(tzinfo=zone, fold=1)).utcoffset()
        assert before is not None and after is not None
        raise DateError(
            f"{clock} does not exist on {local:%Y-%m-%d} in {name} (the clocks skip it)",
            f"it reads as {_at(local, before)} or {_at(local, after)}: write one of those",
        )
    if len(readings) == 2:
        first, second = (r.utcoffset() for r in readings)
        assert first is not None and second is not None
        raise DateError(
            f"{clock} happens twice on {local:%Y-%m-%d} in {name} (the clocks go back)",
            f"write the offset: {_at(local, first)} or {_at(local, second)}",
        )
    offset = readings[0].utcoffset()
    assert offset is not None
    abbreviation = readings[0].tzname() or ""
    # Zones without a letter abbreviation report a number ('+05'), which utc_label says better.
    return int(offset.total_seconds()) // 60, abbreviation if abbreviation.isalpha() else ""


def _at(local: datetime, offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    clock = "%H:%M" if local.second == 0 else "%H:%M:%S"
    return f"{local:%Y-%m-%dT}{local.strftime(clock)}{offset_text(minutes) if minutes else 'Z'}"


def offset_at(name: str, instant: int) -> int:
    """The offset (minutes) of zone `name` at an instant (seconds since 0001-01-01T00:00Z); 0
    outside the years zoneinfo holds."""
    if name == UTC:
        return 0
    try:
        moment = datetime(1, 1, 1, tzinfo=_UTC_ZONE) + timedelta(seconds=instant)
        offset = moment.astimezone(_zone(name)).utcoffset()
    except OverflowError:
        return 0
    return 0 if offset is None else int(offset.total_seconds()) // 60


@lru_cache(maxsize=4096)
def midnight_offset(name: str, year: int, month: int, day: int) -> int:
    """The offset (minutes) of zone `name` at the start of a day, for sorting a day without a
    time by its first instant; 0 outside the years zoneinfo holds (1-9999)."""
    if name == UTC or not 1 <= year <= 9999:
        return 0
    start = datetime(year, month, day, tzinfo=_zone(name))
    offset = start.utcoffset()
    return 0 if offset is None else int(offset.total_seconds()) // 60
