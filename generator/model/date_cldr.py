"""A day, month and year in another language's words, from CLDR through Babel: its month and
era names and its order of the parts ('15 mars 44 av. J.-C.', '44年3月15日'). The year is the
project's own (astronomical, so 0 is 1 BC), which Python's dates cannot hold before AD 1."""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal

import babel
from babel.dates import (
    format_interval,
    format_time,
    get_era_names,
    get_month_names,
    get_timezone_gmt,
    match_skeleton,
    tokenize_pattern,
)
from babel.numbers import format_compact_decimal, format_decimal

# Babel's widths of a month or era name by the number of letters in a pattern's field.
Width = Literal["abbreviated", "narrow", "wide"]
_WIDTHS: dict[int, Width] = {
    1: "abbreviated",
    2: "abbreviated",
    3: "abbreviated",
    4: "wide",
    5: "narrow",
}
_SKELETONS = {"ymd": "yMMMd", "ym": "yMMM", "y": "y", "md": "MMMd", "m": "MMM"}
Field = tuple[str, int]
Clock = tuple[int, int, int | None]  # hour, minute, second


@functools.cache
def _locale(language: str) -> babel.Locale:
    return babel.Locale.parse(language.replace("-", "_"))


def _widened(token: tuple[str, object]) -> tuple[str, object]:
    """A field of abbreviated month names as one of wide names."""
    kind, value = token
    if kind == "field" and isinstance(value, tuple) and value[0] in "ML" and value[1] == 3:
        return kind, (value[0], 4)
    return token


@functools.cache
def pattern(language: str, parts: str, long: bool, era: bool) -> tuple[tuple[str, object], ...]:
    """The CLDR pattern, as Babel's tokens, for `parts` ('ymd', 'ym' or 'y') of a date in
    `language`: the locale's long date format for a long full date, else its skeleton
    ('yMMMd', 'GyMMM'…); `era` asks for the era's name, `long` for wide month names."""
    locale = _locale(language)
    if long and parts == "ymd" and not era:
        return tuple(tokenize_pattern(locale.date_formats["long"].pattern))
    skeleton = ("G" if era else "") + _SKELETONS[parts]
    found = match_skeleton(skeleton, locale.datetime_skeletons) or _SKELETONS[parts]
    tokens = tokenize_pattern(locale.datetime_skeletons[found].pattern)
    return tuple(_widened(token) for token in tokens) if long else tuple(tokens)


def _field(field: Field, year: int, month: int | None, day: int | None, language: str) -> str:
    letter, count = field
    locale = _locale(language)
    if letter in "ML" and month is not None:
        if count <= 2:
            return f"{month:0{count}d}"
        context: Literal["format", "stand-alone"] = "stand-alone" if letter == "L" else "format"
        return str(get_month_names(_WIDTHS[count], context, locale)[month])
    if letter == "d" and day is not None:
        return f"{day:0{count}d}"
    if letter in "yYu":
        shown = year if year > 0 else 1 - year  # astronomical 0 is 1 BC
        if shown > 9999:  # beyond CLDR's dates: grouped as the language groups numbers
            return number(shown, language)
        return f"{shown % 100:02d}" if count == 2 else f"{shown:0{count}d}"
    if letter == "G":
        return str(get_era_names(_WIDTHS[count], locale=locale)[1 if year > 0 else 0])
    raise ValueError(f"no date field {letter!r} for {year}-{month}-{day} in {language}")


def words(
    year: int, month: int | None, day: int | None, language: str, long: bool, era: bool
) -> str:
    """The date in `language`'s words: long (wide month names, the locale's long format) or
    short (abbreviated); `era` names the era, as a year before AD 1 always does."""
    parts = "ymd" if day is not None and month is not None else "ym" if month else "y"
    tokens = pattern(language, parts, long, era or year < 1)
    return "".join(
        value
        if kind == "chars" and isinstance(value, str)
        else _field(value, year, month, day, language)  # type: ignore[arg-type]
        for kind, value in tokens
    )


def month_day(month: int, day: int | None, language: str) -> str:
    """A month, or a day of it, without its year, as an axis labels it: '1 janv.', '1月1日',
    'janv.'."""
    tokens = pattern(language, "m" if day is None else "md", False, False)
    return "".join(
        value
        if kind == "chars" and isinstance(value, str)
        else _field(value, 1, month, day, language)  # type: ignore[arg-type]
        for kind, value in tokens
    )


def number(value: int, language: str) -> str:
    """An integer with the language's digits and grouping: '170 000 002', '17,00,00,002'."""
    return format_decimal(value, locale=_locale(language))


def compact(value: float, language: str) -> str:
    """A large number in the language's long compact words, to four significant digits:
    '13,8 milliards', '138億', '1.5 million'."""
    rounded = float(f"{value:.4g}")
    return format_compact_decimal(
        rounded, format_type="long", locale=_locale(language), fraction_digits=3
    )


def zone(offset: int, language: str) -> str:
    """An offset from UTC (minutes east) in CLDR's words: 'UTC+05:00', 'غرينتش+05:00'; 'UTC'
    for UTC itself, which every language writes so."""
    if offset == 0:
        return "UTC"
    moment = datetime(2000, 1, 1, tzinfo=timezone(timedelta(minutes=offset)))
    return str(get_timezone_gmt(moment, "long", locale=_locale(language)))


def clock(hour: int, minute: int, second: int | None, language: str) -> str:
    """A time of day in the language's short format, or with seconds its medium one: '03:30',
    '3:30 ص'."""
    width = "short" if second is None else "medium"
    return str(format_time(time(hour, minute, second or 0), width, locale=_locale(language)))


def with_time(day: str, clock: str, language: str) -> str:
    """A date's words and its time's joined as the language joins them: '26 févr. 2019, 03:30',
    '2019年2月26日 3:30'."""
    return str(_locale(language).datetime_formats["medium"]).format(clock, day)


def clock_span(start: Clock, end: Clock, language: str) -> str:
    """Two times of one day as the language writes a span of them: '03:30–05:00'."""
    locale = _locale(language)
    # The clock the language's own short time format keeps: 12 hours ('h') or 24 ('H').
    hours = "h" if "h" in str(locale.time_formats["short"].pattern) else "H"
    skeleton = hours + ("m" if start[2] is None and end[2] is None else "ms")
    first, last = (time(h, m, s or 0) for h, m, s in (start, end))
    return str(format_interval(first, last, skeleton, locale=locale))


def interval(first: date, last: date, parts: str, language: str) -> str:
    """Two dates of AD 1-9999 at one precision ('ymd', 'ym' or 'y') as the language's interval
    format writes them, shared parts once: '24–30 sept. 2016', '2016年9月24日～30日'."""
    return format_interval(first, last, _SKELETONS[parts], locale=_locale(language))
