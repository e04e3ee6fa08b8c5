"""Every form of date the project writes, in every shipped language other than English: the date
itself is checked against Babel's own formatting (format_date, format_skeleton, format_interval,
format_time, get_timezone_gmt, format_decimal, format_compact_decimal) wherever Babel can write
that date, and the words around it against the language's catalog. Years before AD 1, which
Python's dates cannot hold, take Babel's pattern and era names of the same date in AD. An
event's history from git is told in French too."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone

import pytest
from babel import Locale
from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    format_time,
    get_era_names,
    get_timezone_gmt,
)
from babel.numbers import format_compact_decimal, format_decimal

from generator import i18n
from generator.check.history import event_history
from generator.load.git_history import GitLog, Version
from generator.model.dates import parse_date, year_label
from generator.model.timeline import Event
from tests.test_languages import SHIPPED

LANGUAGES = [tag for tag in SHIPPED if tag != "en"]


def _say(language: str, message: str, **values: str) -> str:
    return i18n.language(language).say(message, **values)


def _y(language: str, year: int) -> str:
    return str(format_skeleton("y", date(year, 1, 1), locale=language))


def _bce(skeleton: str, day: date, language: str) -> str:
    """Babel's words for the date `day` of AD with the era of the same year BC."""
    ad = str(format_skeleton("G" + skeleton, day, locale=language))
    bc, after = (str(name) for name in get_era_names("abbreviated", locale=language).values())
    # The era standing alone between spaces where it does ('44 م', not the م of 'مارس').
    alone = re.compile(rf"(?<!\S){re.escape(after)}(?!\S)")
    return alone.sub(bc, ad) if alone.search(ad) else ad.replace(after, bc)


def _zone(language: str, hours: int) -> str:
    moment = datetime(2019, 2, 26, tzinfo=timezone(timedelta(hours=hours)))
    return str(get_timezone_gmt(moment, "long", locale=language))


def _timed(language: str, clock: str) -> str:
    """26 February 2019 with `clock`, joined by CLDR's pattern for a date with its time."""
    day = format_skeleton("yMMMd", date(2019, 2, 26), locale=language)
    return str(Locale.parse(language).datetime_formats["medium"]).format(clock, day)


def _deep(language: str) -> str:
    amount = format_compact_decimal(13.8e9, format_type="long", locale=language, fraction_digits=3)
    return _say(language, "%(number)s years ago", number=amount)


# (EDTF, the short words a list shows) for each form, Babel's output as the oracle.
FORMS: list[tuple[str, Callable[[str], str]]] = [
    ("2019-02-26", lambda lg: format_skeleton("yMMMd", date(2019, 2, 26), locale=lg)),
    ("2019-02", lambda lg: format_skeleton("yMMM", date(2019, 2, 1), locale=lg)),
    ("2015", lambda lg: _y(lg, 2015)),
    ("-0043-03-15", lambda lg: _bce("yMMMd", date(44, 3, 15), lg)),
    ("-0043", lambda lg: _bce("y", date(44, 1, 1), lg)),
    ("2016~", lambda lg: _say(lg, "c. %(date)s", date=_y(lg, 2016))),
    ("2016?", lambda lg: _say(lg, "%(date)s?", date=_y(lg, 2016))),
    (
        "2016%",
        lambda lg: _say(lg, "%(date)s?", date=_say(lg, "c. %(date)s", date=_y(lg, 2016))),
    ),
    (
        "2016-09-24/2016-10-10",
        lambda lg: format_interval(date(2016, 9, 24), date(2016, 10, 10), "yMMMd", locale=lg),
    ),
    (
        "2016-09-24/2016-09-30",
        lambda lg: format_interval(date(2016, 9, 24), date(2016, 9, 30), "yMMMd", locale=lg),
    ),
    (
        "2016-09/2017-01",
        lambda lg: format_interval(date(2016, 9, 1), date(2017, 1, 1), "yMMM", locale=lg),
    ),
    ("2015/2019", lambda lg: format_interval(date(2015, 1, 1), date(2019, 1, 1), "y", locale=lg)),
    ("2019/..", lambda lg: _say(lg, "since %(date)s", date=_y(lg, 2019))),
    ("../2019", lambda lg: _say(lg, "until %(date)s", date=_y(lg, 2019))),
    ("2019/", lambda lg: _say(lg, "%(date)s – ?", date=_y(lg, 2019))),
    ("196X", lambda lg: _say(lg, "%(year)ss", year="1960")),
    ("19XX", lambda lg: _say(lg, "%(year)ss", year="1900")),
    ("Y-13800000000", _deep),
    ("Y170000002", lambda lg: format_decimal(170000002, locale=lg)),
    (
        "2019-02-26T03:30+05:00",
        lambda lg: _timed(lg, f"{format_time(time(3, 30), 'short', locale=lg)} {_zone(lg, 5)}"),
    ),
    (
        "2019-02-26T03:30:15Z",
        lambda lg: _timed(lg, f"{format_time(time(3, 30, 15), 'medium', locale=lg)} UTC"),
    ),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("text", "oracle"), FORMS, ids=[edtf for edtf, _ in FORMS])
def test_every_date_form_in_every_language(
    language: str, text: str, oracle: Callable[[str], str]
) -> None:
    assert parse_date(text).display(language) == oracle(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_pages_words_say_precision_and_qualifiers_in_the_language(language: str) -> None:
    say = i18n.language(language).gettext
    about = _say(language, "about %(date)s", date=_y(language, 2016))
    assert parse_date("2016~").describe(language) == (
        f"{about} ({say('approximate')}; {say('known to the year')})"
    )
    long_day = format_date(date(2019, 2, 26), "long", locale=language)
    assert parse_date("2019-02-26").describe(language) == long_day
    decade = _say(language, "the %(years)s", years=_say(language, "%(year)ss", year="1960"))
    assert parse_date("196X").describe(language) == f"{decade} ({say('known to the decade')})"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_year_page_heading_is_the_languages_year_and_era(language: str) -> None:
    assert year_label(2019, language) == _y(language, 2019)
    assert year_label(-43, language) == _bce("y", date(44, 1, 1), language)
    # Digits and grouping beyond four digits as the language writes numbers.
    era = get_era_names("abbreviated", locale=language)[0]
    assert format_decimal(20001, locale=Locale.parse(language)) in year_label(-20000, language)
    assert str(era) in year_label(-20000, language)


def test_english_keeps_the_projects_own_words() -> None:
    shown = {text: parse_date(text).display() for text, _ in FORMS}
    assert shown["2019-02-26"] == "26 Feb 2019" and shown["-0043-03-15"] == "15 Mar 44 BC"
    assert shown["2016%"] == "c. 2016?" and shown["2016-09-24/2016-10-10"] == "24 Sep – 10 Oct 2016"
    assert shown["Y-13800000000"] == "13.8 billion years ago" and shown["196X"] == "1960s"
    assert shown["2019-02-26T03:30+05:00"] == "26 Feb 2019, 03:30 UTC+5"


def test_an_events_history_is_told_in_the_language() -> None:
    first = "---\ntitle: A\ndate: 2019\nstatus: reported\n---\nBody.\n"
    second = first.replace("reported", "confirmed").replace("Body.", "Body, longer.")
    versions = (Version("a", 1_550_000_000, "", first), Version("b", 1_560_000_000, "", second))
    log = GitLog("b", False, {"e.md": versions}, frozenset())
    event = Event("e", "A", "", parse_date("2019"), "confirmed", (), (), (), (), (), "", "e.md")
    french = i18n.language("fr")
    history = event_history(event, log, None, french)
    assert history.changes[0].words == ("Première publication",)
    assert history.changes[1].words == ("Statut : Rapporté → Confirmé", "Texte modifié")
    day = format_date(date(2019, 6, 8), "long", locale="fr")
    assert history.status_words(french).startswith(f"Confirmé depuis le {day}")
    english = event_history(event, log, None).changes[1].words
    assert english == ("Status: Reported → Confirmed", "Body edited")


def test_a_dates_words_follow_the_projects_catalog_when_it_changes() -> None:
    # The words are made once per date and language: a catalog that changed between two builds
    # of the preview (a Language equal to the last) must still give the new words.
    date = parse_date("2016~")
    po = 'msgid "c. %(date)s"\nmsgstr "{} %(date)s"\n'
    first = i18n.language("fr", po.format("environ").encode())
    second = i18n.language("fr", po.format("vers").encode())
    assert first == second  # equal, as a preview sees them, yet with other words
    assert date.display(first) == "environ 2016"
    assert date.display(second) == "vers 2016"
    assert date.describe(second).startswith("vers 2016")
