"""A day, month and year in another language's words, from CLDR through Babel: its month and
era names and its order of the parts ('15 mars 44 av. J.-C.', '44年3月15日'). The year is the
project's own (astronomical, so 0 is 1 BC), which Python's dates cannot hold before AD 1."""

from __future__ import annotations

import functools
from typing import Literal

import babel
from babel.dates import get_era_names, get_month_names, match_skeleton, tokenize_pattern

# Babel's widths of a month or era name by the number of letters in a pattern's field.
Width = Literal["abbreviated", "narrow", "wide"]
_WIDTHS: dict[int, Width] = {
    1: "abbreviated",
    2: "abbreviated",
    3: "abbreviated",
    4: "wide",
    5: "narrow",
}
_SKELETONS = {"ymd": "yMMMd", "ym": "yMMM", "y": "y"}
Field = tuple[str, int]


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
