"""Dates in words, as readers expect them: '26 Feb 2019, 03:30 PKT', 'c. 2016?', 'the 1960s',
'13.8 billion years ago'; short forms for lists, long ones for the event page. English by
default, in the project's own words; another language takes its month and era names and its
order of day, month and year from CLDR (date_cldr.py)."""

from __future__ import annotations

from generator.model import date_cldr
from generator.model.clock import utc_label
from generator.model.date_hints import MONTHS
from generator.model.points import Point, Unspecified, year_label

ABBR = tuple(name[:3] for name in MONTHS)
_SCALES = ((10**9, "billion"), (10**6, "million"))


def deep_year(year: int) -> str:
    """A year beyond ±9999 as readers of deep time say it: '13.8 billion years ago',
    '1.5 million years ago', '170,001 BC', '170,000,002'."""
    if year > 0:
        return f"{year:,}"
    for size, name in _SCALES:
        if -year >= size:
            return f"{-year / size:.4g} {name} years ago"
    return year_label(year)


def _year_words(p: Point, ad_prefix: bool) -> str:
    if p.is_deep:
        return deep_year(p.year)
    first, last = p.year_span()
    if first != last:
        if first >= 0:
            return f"{first}s"  # '1960s', '1900s'
        return f"{1 - first}–{year_label(last)}"  # '200–191 BC'
    return f"AD {p.year}" if ad_prefix and p.year > 0 else year_label(p.year)


def _words(p: Point, names: tuple[str, ...], ad_prefix: bool = False) -> str:
    """Point -> '26 Feb 2019' style words without qualifiers or time; ad_prefix marks AD."""
    year = _year_words(p, ad_prefix)
    if p.month is None:
        return year
    if p.day is None:
        return f"{names[p.month - 1]} {year}"
    return f"{p.day} {names[p.month - 1]} {year}"


def _english(language: str) -> bool:
    return language.replace("_", "-").split("-")[0].lower() == "en"


def _cldr_words(p: Point, language: str, long: bool, ad_prefix: bool) -> str:
    """Point -> its day, month and year in `language`, as CLDR orders and names them."""
    if p.is_deep or p.year_span()[0] != p.year_span()[1]:
        return _year_words(p, ad_prefix)  # a decade, century or deep year keeps its numbers
    return date_cldr.words(p.year, p.month, p.day, language, long, ad_prefix)


def short(p: Point, ad_prefix: bool = False, language: str = "en") -> str:
    """'c. 26 Feb 2019, 03:30 PKT?' and the like, for lists; `language` names the months."""
    if not _english(language):
        text = _cldr_words(p, language, False, ad_prefix)
        return text + (", " + p.time.words() if p.time is not None else "")
    text = _words(p, ABBR, ad_prefix)
    if p.time is not None:
        text += ", " + p.time.words()
    return ("c. " if p.approximate else "") + text + ("?" if p.uncertain else "")


def long(p: Point, ad_prefix: bool = False, language: str = "en") -> str:
    """'about 26 February 2019, 03:30 PKT (UTC+5)', 'the 1960s', 'some month of 2019';
    in another `language`, its long date ('26 février 2019') with no English qualifier."""
    if not _english(language):
        text = _cldr_words(p, language, True, ad_prefix)
        return text + (", " + p.time.words() if p.time is not None else "")
    text = _words(p, MONTHS, ad_prefix)
    if p.unspecified in (Unspecified.DECADE, Unspecified.CENTURY) and p.year >= 0:
        text = f"the {text}"
    elif p.unspecified in (Unspecified.MONTH, Unspecified.MONTH_AND_DAY):
        unit = "month" if p.unspecified is Unspecified.MONTH else "day"
        text = f"some {unit} of {text}"
    elif p.unspecified is Unspecified.DAY:
        text = f"some day of {text}"
    if p.time is not None:
        text += ", " + p.time.words()
        if p.time.zone_name and p.time.zone_name != "UTC":
            text += f" ({utc_label(p.time.offset)})"
    return ("about " if p.approximate else "") + text


def join(a: str, b: str) -> str:
    """Two ends -> one range; an unspaced dash would bind only the nearest words when either
    side is several words."""
    return f"{a} – {b}" if " " in a or " " in b else f"{a}–{b}"


def _plain(p: Point) -> bool:
    return p.time is None and p.unspecified is Unspecified.NONE and not p.is_deep


def _same_clock_day(a: Point, b: Point) -> bool:
    return (
        a.time is not None
        and b.time is not None
        and (a.year, a.month, a.day) == (b.year, b.month, b.day)
        and (a.time.offset, a.time.zone_name) == (b.time.offset, b.time.zone_name)
        and not (a.uncertain or a.approximate or b.uncertain or b.approximate)
    )


def short_range(a: Point, b: Point) -> str:
    """Two points -> a short range that names shared trailing parts once, as readers expect."""
    if a == b:
        return short(a)
    if _same_clock_day(a, b):
        assert a.time is not None and b.time is not None
        # '26 Feb 2019, 03:30–05:00 PKT'
        return f"{_words(a, ABBR)}, {a.time.clock()}–{b.time.words()}"
    mixed_era = (a.year > 0) != (b.year > 0)
    qualified = a.uncertain or a.approximate or b.uncertain or b.approximate
    if mixed_era or qualified or not (_plain(a) and _plain(b)):
        # Collapsing would make a qualifier or era look as if it covered both ends.
        return join(short(a, mixed_era), short(b, mixed_era))
    if a.month is None and b.month is None and a.year < 1:
        return f"{1 - a.year}–{short(b)}"  # '500–400 BC': one number range sharing the era
    if a.year != b.year or a.month is None or b.month is None:
        return join(short(a), short(b))
    if a.month == b.month and a.day is not None and b.day is not None:
        return f"{a.day}–{short(b)}"  # '24–30 Sep 2016'
    head = ABBR[a.month - 1] if a.day is None else f"{a.day} {ABBR[a.month - 1]}"
    return f"{head} – {short(b)}"


def flags(p: Point) -> str:
    """'approximate', 'uncertain', 'approximate and uncertain' or ''."""
    if p.approximate:
        return "approximate and uncertain" if p.uncertain else "approximate"
    return "uncertain" if p.uncertain else ""


def unstated(p: Point) -> str:
    """The note for a point whose text leaves a part unspecified, or ''."""
    if p.unspecified is Unspecified.CENTURY and p.year >= 0:
        return f"{p.year} to {p.year + 99}"
    return {
        Unspecified.MONTH: "the month is not given",
        Unspecified.DAY: "the day is not given",
        Unspecified.MONTH_AND_DAY: "the month and day are not given",
    }.get(p.unspecified, "")


def precise_year(p: Point) -> str:
    """The exact year of a deep-time point whose words round it, or ''."""
    if p.is_deep and p.year < 0 and "ago" in deep_year(p.year):
        return f"the year {p.year:,} of the astronomical count"
    return ""
