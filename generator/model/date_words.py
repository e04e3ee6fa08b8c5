"""Dates in words, as readers expect them: '26 Feb 2019, 03:30 PKT', 'c. 2016?', 'the 1960s',
'13.8 billion years ago'; short forms for lists, long ones for the event page. English by
default, in the project's own words; another language takes its month and era names, its order
of day, month and year, its intervals, times and numbers from CLDR (date_cldr.py), and its
qualifiers ('c.', 'since') from the site's message catalog."""

from __future__ import annotations

from datetime import date

from generator.i18n import ENGLISH, N_, Language, Spoken, spoken
from generator.model import date_cldr
from generator.model.clock import Time, utc_label
from generator.model.date_hints import MONTHS
from generator.model.points import Point, Unspecified, year_label

ABBR = tuple(name[:3] for name in MONTHS)
_SCALES = ((10**9, "billion"), (10**6, "million"))


def deep_year(year: int, language: Spoken = ENGLISH) -> str:
    """A year beyond ±9999 as readers of deep time say it: '13.8 billion years ago',
    '1.5 million years ago', '170,001 BC', '170,000,002'."""
    lang = spoken(language)
    if year > 0:
        return f"{year:,}" if lang.is_english else date_cldr.number(year, lang.tag)
    for size, name in _SCALES:
        if -year >= size:
            amount = (
                f"{-year / size:.4g} {name}"
                if lang.is_english
                else date_cldr.compact(-year, lang.tag)
            )
            return lang.say(N_("%(number)s years ago"), number=amount)
    return year_label(year, lang)


def _year_words(p: Point, ad_prefix: bool, lang: Language) -> str:
    if p.is_deep:
        return deep_year(p.year, lang)
    first, last = p.year_span()
    if first != last:
        if first >= 0:
            # '1960s', '1900s': the years a decade or a century of years begins with
            return lang.say(N_("%(year)ss"), year=str(first))
        return f"{1 - first}–{year_label(last, lang)}"  # '200–191 BC'
    if ad_prefix and p.year > 0:
        return f"AD {p.year}" if lang.is_english else _cldr(p, lang, False, True)
    return year_label(p.year, lang)


def _cldr(p: Point, lang: Language, long: bool, era: bool) -> str:
    return date_cldr.words(p.year, p.month, p.day, lang.tag, long, era)


def _words(p: Point, long: bool, lang: Language, ad_prefix: bool = False) -> str:
    """Point -> '26 Feb 2019' style words without qualifiers or time; ad_prefix marks AD."""
    if p.is_deep or p.year_span()[0] != p.year_span()[1]:
        return _year_words(p, ad_prefix, lang)  # a decade, century or deep year keeps its numbers
    if not lang.is_english:
        return _cldr(p, lang, long, ad_prefix)
    year = _year_words(p, ad_prefix, lang)
    names = MONTHS if long else ABBR
    if p.month is None:
        return year
    if p.day is None:
        return f"{names[p.month - 1]} {year}"
    return f"{p.day} {names[p.month - 1]} {year}"


def clock_words(time: Time, language: Spoken = ENGLISH) -> str:
    """'03:30 PKT', '03:30 UTC+5'; in another language its CLDR time and offset from UTC."""
    lang = spoken(language)
    if lang.is_english:
        return time.words()
    shown = date_cldr.clock(time.hour, time.minute, time.second, lang.tag)
    return f"{shown} {date_cldr.zone(time.offset, lang.tag)}"


def _qualified(text: str, p: Point, lang: Language) -> str:
    if p.approximate:
        text = lang.say(N_("c. %(date)s"), date=text)
    return lang.say(N_("%(date)s?"), date=text) if p.uncertain else text


def short(p: Point, ad_prefix: bool = False, language: Spoken = ENGLISH) -> str:
    """'c. 26 Feb 2019, 03:30 PKT?' and the like, for lists, in `language`."""
    lang = spoken(language)
    text = _words(p, False, lang, ad_prefix)
    if p.time is not None:
        text = _with_time(text, p.time, lang)
    return _qualified(text, p, lang)


def _with_time(text: str, time: Time, lang: Language) -> str:
    if lang.is_english:
        return f"{text}, {clock_words(time)}"
    return date_cldr.with_time(text, clock_words(time, lang), lang.tag)


def _unspecified_words(text: str, p: Point, lang: Language) -> str:
    if p.unspecified in (Unspecified.DECADE, Unspecified.CENTURY) and p.year >= 0:
        return lang.say(N_("the %(years)s"), years=text)
    if p.unspecified is Unspecified.MONTH:
        return lang.say(N_("some month of %(date)s"), date=text)
    if p.unspecified in (Unspecified.DAY, Unspecified.MONTH_AND_DAY):
        return lang.say(N_("some day of %(date)s"), date=text)
    return text


def long(p: Point, ad_prefix: bool = False, language: Spoken = ENGLISH) -> str:
    """'about 26 February 2019, 03:30 PKT (UTC+5)', 'the 1960s', 'some month of 2019', in
    `language` ('vers le 26 février 2019, 03:30 UTC+05:00')."""
    lang = spoken(language)
    text = _unspecified_words(_words(p, True, lang, ad_prefix), p, lang)
    if p.time is not None:
        text = _with_time(text, p.time, lang)
        if lang.is_english and p.time.zone_name and p.time.zone_name != "UTC":
            text += f" ({utc_label(p.time.offset)})"
    return lang.say(N_("about %(date)s"), date=text) if p.approximate else text


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


def _clock_day(a: Point, b: Point, lang: Language) -> str:
    """'26 Feb 2019, 03:30–05:00 PKT': two times of one day, the day and zone said once."""
    assert a.time is not None and b.time is not None
    if lang.is_english:
        return f"{_words(a, False, lang)}, {a.time.clock()}–{b.time.words()}"
    first, last = ((t.hour, t.minute, t.second) for t in (a.time, b.time))
    span = date_cldr.clock_span(first, last, lang.tag)
    clock = f"{span} {date_cldr.zone(b.time.offset, lang.tag)}"
    return date_cldr.with_time(_words(a, False, lang), clock, lang.tag)


def short_range(a: Point, b: Point, language: Spoken = ENGLISH) -> str:
    """Two points -> a short range that names shared trailing parts once, as readers expect."""
    lang = spoken(language)
    if a == b:
        return short(a, language=lang)
    if _same_clock_day(a, b):
        return _clock_day(a, b, lang)
    mixed_era = (a.year > 0) != (b.year > 0)
    qualified = a.uncertain or a.approximate or b.uncertain or b.approximate
    if mixed_era or qualified or not (_plain(a) and _plain(b)):
        # Collapsing would make a qualifier or era look as if it covered both ends.
        return join(short(a, mixed_era, lang), short(b, mixed_era, lang))
    if a.month is None and b.month is None and a.year < 1:
        return f"{1 - a.year}–{short(b, language=lang)}"  # '500–400 BC': the era said once
    if not lang.is_english:
        return _cldr_range(a, b, lang)
    if a.year != b.year or a.month is None or b.month is None:
        return join(short(a), short(b))
    if a.month == b.month and a.day is not None and b.day is not None:
        return f"{a.day}–{short(b)}"  # '24–30 Sep 2016'
    head = ABBR[a.month - 1] if a.day is None else f"{a.day} {ABBR[a.month - 1]}"
    return f"{head} – {short(b)}"


def _cldr_range(a: Point, b: Point, lang: Language) -> str:
    """Two plain points of AD 1-9999 at one precision in CLDR's interval format; at two
    precisions, the two dates joined."""
    parts = {(p.month is None, p.day is None) for p in (a, b)}
    if len(parts) != 1:
        return join(short(a, language=lang), short(b, language=lang))
    no_month, no_day = parts.pop()
    shape = "y" if no_month else "ym" if no_day else "ymd"
    first, last = (date(p.year, p.month or 1, p.day or 1) for p in (a, b))
    return date_cldr.interval(first, last, shape, lang.tag)


FLAGS = {
    (True, True): N_("approximate and uncertain"),
    (True, False): N_("approximate"),
    (False, True): N_("uncertain"),
}


def flags(p: Point, language: Spoken = ENGLISH) -> str:
    """'approximate', 'uncertain', 'approximate and uncertain' or ''."""
    flag = FLAGS.get((p.approximate, p.uncertain))
    return spoken(language).gettext(flag) if flag else ""


_UNSTATED = {
    Unspecified.MONTH: N_("the month is not given"),
    Unspecified.DAY: N_("the day is not given"),
    Unspecified.MONTH_AND_DAY: N_("the month and day are not given"),
}


def unstated(p: Point, language: Spoken = ENGLISH) -> str:
    """The note for a point whose text leaves a part unspecified, or ''."""
    lang = spoken(language)
    if p.unspecified is Unspecified.CENTURY and p.year >= 0:
        first, last = (year_label(year, lang) for year in (p.year, p.year + 99))
        return lang.say(N_("%(first)s to %(last)s"), first=first, last=last)
    note = _UNSTATED.get(p.unspecified)
    return lang.gettext(note) if note else ""


def precise_year(p: Point, language: Spoken = ENGLISH) -> str:
    """The exact year of a deep-time point whose words round it, or ''."""
    if not (p.is_deep and p.year <= -_SCALES[-1][0]):
        return ""
    lang = spoken(language)
    year = f"{p.year:,}" if lang.is_english else date_cldr.number(p.year, lang.tag)
    return lang.say(N_("the year %(year)s of the astronomical count"), year=year)
