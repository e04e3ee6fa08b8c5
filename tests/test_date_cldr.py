"""Dates in other languages: CLDR's words through Babel, checked against Babel's own
format_date and format_skeleton for every year Python's dates can hold, and by hand for the
years before AD 1 they cannot; English keeps the project's own words."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date, format_skeleton

from generator.model import date_words
from generator.model.points import Point

LANGUAGES = ["fr", "de", "ru", "ar", "ja"]
# Every year 1-9999 once, each with a month and day that vary with it (the 29th of February
# only falls in a leap year, so days stop at 28).
DAYS = [date(year, year % 12 + 1, year % 28 + 1) for year in range(1, 10000)]


def _mismatches(language: str, forms: list[tuple[str, object, object]]) -> list[str]:
    return [f"{ours!r} != {babel!r} ({what})" for what, ours, babel in forms if ours != babel][:5]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_date_is_the_locales_long_format(language: str) -> None:
    forms = [
        (
            str(day),
            date_words.long(Point(day.year, day.month, day.day), language=language),
            format_date(day, "long", locale=language),
        )
        for day in DAYS
    ]
    assert _mismatches(language, forms) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("skeleton", "has_day"), [("yMMMd", True), ("yMMM", False), ("y", None)])
def test_a_short_date_is_the_locales_skeleton(
    language: str, skeleton: str, has_day: bool | None
) -> None:
    def point(day: date) -> Point:
        if has_day is None:
            return Point(day.year, None, None)
        return Point(day.year, day.month, day.day if has_day else None)

    forms = [
        (
            str(day),
            date_words.short(point(day), language=language),
            format_skeleton(skeleton, day, locale=language),
        )
        for day in DAYS
    ]
    assert _mismatches(language, forms) == []


@pytest.mark.parametrize(
    ("language", "point", "short", "long"),
    [
        ("fr", Point(-43, 3, 15), "15 mars 44 av. J.-C.", "15 mars 44 av. J.-C."),
        ("de", Point(-43, 3, 15), "15. März 44 v. Chr.", "15. März 44 v. Chr."),
        # Russian names a month standing alone ('март', not 'марта'), its year with a narrow space.
        ("ru", Point(-43, 3, None), "март 44\u202fг. до н. э.", "март 44\u202fг. до н. э."),
        ("ar", Point(-43, None, None), "44 ق.م", "44 ق.م"),
        ("ja", Point(-43, 3, 15), "紀元前44年3月15日", "紀元前44年3月15日"),
        ("ja", Point(0, None, None), "紀元前1年", "紀元前1年"),
    ],
)
def test_a_year_before_ad_1_counts_back_and_names_its_era(
    language: str, point: Point, short: str, long: str
) -> None:
    assert (
        date_words.short(point, language=language),
        date_words.long(point, language=language),
    ) == (short, long)


def test_a_range_across_eras_names_both_eras() -> None:
    start, end = Point(-43, None, None), Point(14, None, None)
    assert date_words.short(start, True, "fr") + " – " + date_words.short(end, True, "fr") == (
        "44 av. J.-C. – 14 ap. J.-C."
    )


@pytest.mark.parametrize(
    ("point", "short", "long"),
    [
        (Point(2019, 2, 26), "26 Feb 2019", "26 February 2019"),
        (Point(-43, 3, 15), "15 Mar 44 BC", "15 March 44 BC"),
        (Point(14, None, None), "14", "14"),
    ],
)
def test_english_stays_the_projects_own_words(point: Point, short: str, long: str) -> None:
    assert (date_words.short(point), date_words.long(point)) == (short, long)
    assert (date_words.short(point, language="en-GB"), date_words.long(point, language="en")) == (
        short,
        long,
    )
