"""Tests for generator.dates: parsing, day arithmetic, display and description."""

import datetime
import re
from dataclasses import replace

import pytest
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from generator.model.dates import (
    Bound,
    DateError,
    EventDate,
    Point,
    parse_date,
    year_label,
)
from generator.model.days import day_number, days_in_month, from_day_number
from generator.model.timeline import Event

ACCEPTED = [
    "2019",
    "0000",
    "0043",
    "9999",
    "-9999",
    "-0043",
    "2019-02",
    "2020-02-29",
    "2019-02-26",
    "-0043-03-15",
    "0000-02-29",
    "-0004-02-29",
    "-0400-02-29",
    "2016?",
    "2016~",
    "2016%",
    "2019-02%",
    "2019-02-26~",
    "-0043-03-15?",
    "2016-09-24/2016-10-10",
    "2015/2019",
    "2015-03/2016-01-05",
    "2019-02-26/2019-02-26",
    "2016-09/2016-09",
    "2015-12-31/2015",  # the end's latest day is after the start, so this is a valid interval
    "-0044/0014",
    "2015~/2019?",
    "2019/..",
    "../2019-02",
    "2019/",
    "/2019",
    "../2019%",
    "-0499~/",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_forms_round_trip(text: str) -> None:
    date = parse_date(text)
    assert date.edtf() == text
    assert parse_date(date.edtf()) == date
    assert date.is_interval == ("/" in text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", EventDate(Point(2019, None, None), None)),
        ("-0043-03-15", EventDate(Point(-43, 3, 15), None)),
        ("0000", EventDate(Point(0, None, None), None)),
        ("2016?", EventDate(Point(2016, None, None, uncertain=True), None)),
        ("2016~", EventDate(Point(2016, None, None, approximate=True), None)),
        ("2019-02%", EventDate(Point(2019, 2, None, True, True), None)),
        ("2019/..", EventDate(Point(2019, None, None), Bound.OPEN)),
        ("/2019-02", EventDate(Bound.UNKNOWN, Point(2019, 2, None))),
        ("  2019-02-26\n", EventDate(Point(2019, 2, 26), None)),
        ("\t2015/2019 ", EventDate(Point(2015, None, None), Point(2019, None, None))),
    ],
)
def test_parse_structure(text: str, expected: EventDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "edtf"), [(2015, "2015"), (-43, "-0043"), (43, "0043"), (0, "0000"), (-1, "-0001")]
)
def test_int_years(value: int, edtf: str) -> None:
    assert parse_date(value).edtf() == edtf
    assert parse_date(value) == parse_date(edtf)


ERRORS = [
    ("2019-02-30", "February 2019 has 28 days"),
    ("2019-02-29", "2019 is not a leap year"),
    ("-0100-02-29", "101 BC is not a leap year"),
    ("2019-04-31", "April 2019 has 30 days"),
    ("2019-02-00", "days start at 01"),
    ("2019-13", "has no month 13"),
    ("2019-00", "has no month 0"),
    ("2019-13-01", "has no month 13"),
    ("-0000", "write year zero (1 BC) as 0000"),
    ("-0000-01-01", "write year zero (1 BC) as 0000"),
    ("../..", "no known end"),
    ("/", "no known end"),
    ("/..", "no known end"),
    ("../", "no known end"),
    ("..", "alone is not a date"),
    ("2020/2019", "put the earlier date first: 2019/2020"),
    ("2019-03-01/2019-02", "ends before it starts"),
    ("-0043/-0044", "ends before it starts"),
    ("", "no date was given"),
    ("   ", "no date was given"),
    ("garbage", "is not a date"),
    ("2019-02-26 10:00", "such as 2019-02-26T10:00"),
    ("2019/2020/2021", "more than one '/'"),
    ("2019-2-3", "write 2019-02-03"),
    ("800", "write 0800"),
    ("12019", "is not a date"),
    ("2019-123", "is not a date"),
    ("26-02-2019", "write the year first: 2019-02-26"),
    ("44 BC", "-0043 is 44 BC"),
    ("c. 1850", "such as 1850~"),
    ("~2016", "put it after the date"),
    ("2019?~", "more than one qualifier"),
    ("2019 / 2020", "write it without them: 2019/2020"),
    ("2019/foo", "'foo' in '2019/foo'"),
    ("2019/2019-02-30", "not a real day"),
    ("2019..", "is not a date"),
    ("..?", "is not a date"),
    ("٢٠١٩", "is not a date"),  # non-ASCII digits are not EDTF digits
    ("+2019", "is not a date"),
]


@pytest.mark.parametrize(("text", "fragment"), ERRORS)
def test_errors_explain_what_and_how(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    message = str(info.value)
    assert " — " in message
    assert fragment in message
    assert isinstance(info.value, ValueError)


def test_error_message_for_impossible_day_matches_house_style() -> None:
    with pytest.raises(DateError, match=r"^'2019-02-30' is not a real day") as info:
        parse_date("2019-02-30")
    assert str(info.value) == (
        "'2019-02-30' is not a real day (February 2019 has 28 days)"
        " — write a date that exists, such as 2019-02-28"
    )
    with pytest.raises(DateError) as info:
        parse_date("2019-13")
    assert str(info.value) == "'2019-13' has no month 13 — months are 01 to 12"


@pytest.mark.parametrize(
    "value", [True, False, 10000, -10000, 2.5, None, datetime.date(2019, 2, 26)]
)
def test_non_text_values_are_rejected(value: object) -> None:
    with pytest.raises(DateError, match=" — "):
        parse_date(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "make",
    [
        lambda: Point(2019, None, 5),
        lambda: Point(10000, 1, None),
        lambda: Point(2019, 2, 30),
        lambda: EventDate(Bound.OPEN, None),
        lambda: EventDate(Bound.OPEN, Bound.UNKNOWN),
        lambda: EventDate(Point(2020, None, None), Point(2019, None, None)),
    ],
)
def test_constructors_reject_invalid_values(make: object) -> None:
    with pytest.raises(DateError, match=" — "):
        make()  # type: ignore[operator]


DISPLAY = [
    ("2015", "2015"),
    ("2019-02", "Feb 2019"),
    ("2019-02-26", "26 Feb 2019"),
    ("2019-02-06", "6 Feb 2019"),
    ("2019-09-06", "6 Sep 2019"),
    ("2016~", "c. 2016"),
    ("2019-02~", "c. Feb 2019"),
    ("2016?", "2016?"),
    ("2019-02-26?", "26 Feb 2019?"),
    ("2016%", "c. 2016?"),
    ("-0043", "44 BC"),
    ("0000", "1 BC"),
    ("0043", "43"),
    ("-0043-03-15", "15 Mar 44 BC"),
    ("-0499~", "c. 500 BC"),
    ("2016-09-24/2016-10-10", "24 Sep – 10 Oct 2016"),
    ("2016-09-24/2016-09-30", "24–30 Sep 2016"),
    ("2016-09/2016-10", "Sep – Oct 2016"),
    ("2015/2019", "2015–2019"),
    ("2015-03/2016-01-05", "Mar 2015 – 5 Jan 2016"),
    ("2016-09/2016-09-05", "Sep – 5 Sep 2016"),
    ("2016/2016-10-05", "2016 – 5 Oct 2016"),  # a bare year is never collapsed away
    ("2016-09-24/2016-09", "24 Sep – Sep 2016"),
    ("2016/2016", "2016"),  # identical ends read as the single date
    ("-0499/-0399", "500–400 BC"),
    # Astronomical numbering: -0500 is 501 BC and -0044 is 45 BC (the brief's '500–400 BC' and
    # '44 BC – AD 14' examples correspond to -0499/-0399 and -0043/0014 above and below).
    ("-0500/-0400", "501–401 BC"),
    ("-0044/0014", "45 BC – AD 14"),
    ("-0001/0000", "2–1 BC"),
    ("-0043-03-15/-0043-03-20", "15–20 Mar 44 BC"),
    ("-0044-03-15/-0042-01", "15 Mar 45 BC – Jan 43 BC"),
    ("-0043/0014", "44 BC – AD 14"),
    ("0000/0001", "1 BC – AD 1"),
    ("-0043-03-15/0014-08-19", "15 Mar 44 BC – 19 Aug AD 14"),
    # Qualified ends are never collapsed, so a qualifier cannot seem to cover the other end.
    ("2015~/2019", "c. 2015 – 2019"),
    ("2015/2019?", "2015–2019?"),
    ("2015?/2019", "2015?–2019"),
    ("2016-09-24~/2016-09-30", "c. 24 Sep 2016 – 30 Sep 2016"),
    ("-0499~/-0399", "c. 500 BC – 400 BC"),
    ("2019/..", "since 2019"),
    ("2019-02-26~/..", "since c. 26 Feb 2019"),
    ("../2019-02", "until Feb 2019"),
    ("../2019?", "until 2019?"),
    ("2019/", "2019 – ?"),
    ("/2019", "? – 2019"),
    ("-0043-03-15/", "15 Mar 44 BC – ?"),
]


@pytest.mark.parametrize(("text", "expected"), DISPLAY)
def test_display(text: str, expected: str) -> None:
    assert parse_date(text).display() == expected


DESCRIBE = [
    ("2019-02-26", "26 February 2019"),
    ("2019-02", "February 2019 (known to the month)"),
    ("2015", "2015 (known to the year)"),
    ("2016~", "about 2016 (approximate; known to the year)"),
    ("2016?", "2016, uncertain (known to the year)"),
    ("2016%", "about 2016, uncertain (approximate; known to the year)"),
    ("2019-02-26~", "about 26 February 2019 (approximate)"),
    ("2019-02-26?", "26 February 2019, uncertain"),
    ("-0043-03-15", "15 March 44 BC"),
    ("-0043", "44 BC (known to the year)"),
    ("2016-09-24/2016-10-10", "from 24 September 2016 to 10 October 2016"),
    ("2015/2019", "from 2015 to 2019 (known to the year)"),
    ("2015-03/2016-01-05", "from March 2015 to 5 January 2016 (start known to the month)"),
    ("2015-03-01/2016", "from 1 March 2015 to 2016 (end known to the year)"),
    ("2015~/2019", "from about 2015 to 2019 (start approximate; known to the year)"),
    (
        "2016%/2017-05?",
        (
            "from about 2016 to May 2017 (start approximate and uncertain; end uncertain; "
            "start known to the year; end known to the month)"
        ),
    ),
    ("-0043/0014", "from 44 BC to AD 14 (known to the year)"),
    ("2019/..", "since 2019 (open-ended; known to the year)"),
    ("2019-02-26~/..", "since about 26 February 2019 (open-ended; approximate)"),
    ("../2019-02", "until February 2019 (known to the month)"),
    ("../2019-02-26?", "until 26 February 2019 (uncertain)"),
    ("2019/", "from 2019 to an unknown date (known to the year)"),
    ("/2019-02-26", "from an unknown date to 26 February 2019"),
]


@pytest.mark.parametrize(("text", "expected"), DESCRIBE)
def test_describe(text: str, expected: str) -> None:
    assert parse_date(text).describe() == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        # The label says the date already: the brackets add only what it does not say.
        ("-0099", "c. 100 BC", "c. 100 BC (known to the year)"),
        ("-0099~", "c. 100 BC", "c. 100 BC (approximate; known to the year)"),
        ("2019-02-26", "26 Feb 2019, at night", "26 Feb 2019, at night"),
        # Other words: the date's own, then its notes, in one pair of brackets.
        ("-0043-03-14", "The night of 14 March", "The night of 14 March (14 March 44 BC)"),
        ("1945-03/1945-05", "Spring", "Spring (from March 1945 to May 1945; known to the month)"),
        ("-0099~", "Late republic", "Late republic (about 100 BC; approximate; known to the year)"),
        ("2016", "", "2016 (known to the year)"),
    ],
)
def test_a_date_label_says_the_date_once_in_one_pair_of_brackets(
    text: str, label: str, expected: str
) -> None:
    event = Event("e", "E", "", parse_date(text), None, (), (), (), (), (), "", "e.md", False, 0)
    assert replace(event, date_label=label).date_described() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", "2019"),
        ("2019-02~", "2019-02"),
        ("2019-02-26%", "2019-02-26"),
        ("0001", "0001"),
        ("0043-03-15", "0043-03-15"),
        ("9999-12-31", "9999-12-31"),
        ("0000", None),
        ("-0043-03-15", None),
        ("2015-03/2016-01-05", "2015-03"),
        ("../2019-02-26", "2019-02-26"),
        ("/2019", "2019"),
        ("-0043/0014", None),
    ],
)
def test_html_datetime(text: str, expected: str | None) -> None:
    value = parse_date(text).html_datetime()
    assert value == expected
    if value is not None:
        assert re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value)


@pytest.mark.parametrize(
    ("year", "label"), [(2019, "2019"), (43, "43"), (1, "1"), (0, "1 BC"), (-43, "44 BC")]
)
def test_year_label(year: int, label: str) -> None:
    assert year_label(year) == label


@pytest.mark.parametrize(
    ("year", "february"),
    [
        (2019, 28),
        (2020, 29),
        (1900, 28),
        (2000, 29),
        (0, 29),
        (-4, 29),
        (-1, 28),
        (-100, 28),
        (-400, 29),
        (-401, 28),
        (-2000, 29),
    ],
)
def test_proleptic_gregorian_leap_years(year: int, february: int) -> None:
    assert days_in_month(year, 2) == february
    leap_day = f"{'-' if year < 0 else ''}{abs(year):04d}-02-29"
    if february == 29:
        assert parse_date(leap_day).edtf() == leap_day
    else:
        with pytest.raises(DateError, match="not a leap year"):
            parse_date(leap_day)


def test_days_in_month_rejects_month_13() -> None:
    with pytest.raises(DateError, match=" — "):
        days_in_month(2019, 13)


def test_day_number_matches_toordinal_for_ad_dates() -> None:
    for ordinal in range(1, datetime.date.max.toordinal() + 1, 997):
        d = datetime.date.fromordinal(ordinal)
        assert day_number(d.year, d.month, d.day) == ordinal
        assert from_day_number(ordinal) == (d.year, d.month, d.day)
    for d in [datetime.date(1, 1, 1), datetime.date(1970, 1, 1), datetime.date(9999, 12, 31)]:
        assert day_number(d.year, d.month, d.day) == d.toordinal()


def test_day_number_round_trips_including_negative_years() -> None:
    first, last = day_number(-2000, 1, 1), day_number(2100, 12, 31)
    for n in range(first, last + 1, 97):
        year, month, day = from_day_number(n)
        assert -2000 <= year <= 2100
        assert 1 <= day <= days_in_month(year, month)
        assert day_number(year, month, day) == n


def test_day_numbers_count_every_day_across_year_zero() -> None:
    # Walking the calendar is an oracle independent of the closed-form algorithm for BCE.
    n = day_number(-801, 12, 31)
    for year in range(-800, 801):
        for month in range(1, 13):
            for day in range(1, days_in_month(year, month) + 1):
                n += 1
                assert day_number(year, month, day) == n
    assert day_number(0, 12, 31) == 0
    assert day_number(-43, 3, 15) == -15997


def test_point_day_ranges() -> None:
    assert parse_date("2020-02").latest_day() == day_number(2020, 2, 29)
    assert parse_date("-0004").earliest_day() == day_number(-4, 1, 1)
    assert parse_date("-0004").latest_day() == day_number(-4, 12, 31)
    assert parse_date("2015/2019-06").latest_day() == day_number(2019, 6, 30)
    assert parse_date("2019/..").latest_day() is None
    assert parse_date("../2019").earliest_day() is None
    assert parse_date("/2019").latest_day() == day_number(2019, 12, 31)


def test_sort_key_orders_year_before_its_months_and_days() -> None:
    texts = ["2019-01-02", "2019-01-01", "2019-01", "2019", "2018-12-31", "-0043-03-15"]
    ordered = sorted(texts, key=lambda t: parse_date(t).sort_key())
    assert ordered == ["-0043-03-15", "2018-12-31", "2019", "2019-01", "2019-01-01", "2019-01-02"]
    midnight = (day_number(2019, 1, 1) - 1) * 86400  # seconds since 0001-01-01T00:00Z
    assert parse_date("2019").sort_key() == (midnight, 2)
    assert parse_date("2019-01").sort_key() == (midnight, 3)
    assert parse_date("2019-01-01~").sort_key() == (midnight, 4)


def test_open_or_unknown_start_sorts_by_end() -> None:
    until = parse_date("../2019-03")
    assert until.anchor_day() == day_number(2019, 3, 1)
    assert until.anchor_year() == 2019
    assert until.precision == "month"
    assert parse_date("/-0043").anchor_year() == -43
    ordered = sorted(
        ["2019-04", "../2019-03", "2019-02-15/2019-05"], key=lambda t: parse_date(t).sort_key()
    )
    assert ordered == ["2019-02-15/2019-05", "../2019-03", "2019-04"]


def test_interval_anchor_and_precision_follow_start() -> None:
    date = parse_date("2015-03/2016-01-05")
    assert date.anchor_day() == day_number(2015, 3, 1)
    assert date.anchor_year() == 2015
    assert date.precision == "month"
    assert date.sort_key() == ((day_number(2015, 3, 1) - 1) * 86400, 3)


@pytest.mark.parametrize(
    ("text", "uncertain", "approximate"),
    [
        ("2019", False, False),
        ("2019?", True, False),
        ("2019~", False, True),
        ("2019%", True, True),
        ("2015?/2019", True, False),
        ("2015/2019~", False, True),
        ("../2019%", True, True),
    ],
)
def test_qualifier_flags(text: str, uncertain: bool, approximate: bool) -> None:
    date = parse_date(text)
    assert (date.is_uncertain, date.is_approximate) == (uncertain, approximate)


# AD forms the `edtf` package should agree with on the first and last day meant. Its *_strict()
# bounds ignore qualifiers, as ours do. Open and unknown ends are left out: edtf fails on '2019/..'
# and widens unknown ends by ten years, which is its own convention, not a calendar fact.
ORACLE = [
    "2019",
    "2019-02",
    "2020-02",
    "1900-02",
    "2000-02",
    "2019-02-26",
    "1600-02-29",
    "0001",
    "0043-02",
    "9999-12",
    "2016~",
    "2016?",
    "2016%",
    "2019-02%",
    "2019-02-26~",
    "2016-09-24/2016-10-10",
    "2015/2019",
    "2015-03/2016-01-05",
    "2015~/2019",
    "2019-02?/2019-03",
    "2016?/2017~",
    "1999-12-31/2000-01-01",
    "2016-09/2016-09",
]


@pytest.mark.parametrize("text", ORACLE)
def test_day_ranges_agree_with_edtf_package(text: str) -> None:
    theirs = parse_edtf(text)
    ours = parse_date(text)
    earliest, latest = ours.earliest_day(), ours.latest_day()
    assert earliest is not None and latest is not None
    assert tuple(theirs.lower_strict()[:3]) == from_day_number(earliest)
    assert tuple(theirs.upper_strict()[:3]) == from_day_number(latest)


@given(st.text())
def test_arbitrary_text_parses_or_raises_date_error(text: str) -> None:
    try:
        date = parse_date(text)
    except DateError as error:
        assert " — " in str(error)
    else:
        assert date.edtf() == text.strip()


_EDTF_LIKE = r"\A-?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?(/(\.\.|-?[0-9]{4}(-[0-9]{2})?[~?]?)?)?\Z"


@given(st.from_regex(_EDTF_LIKE))
def test_edtf_like_text_parses_canonically_or_raises_date_error(text: str) -> None:
    try:
        date = parse_date(text)
    except DateError as error:
        assert " — " in str(error)
    else:
        assert date.edtf() == text.strip()
        assert parse_date(date.edtf()) == date


@st.composite
def points(draw: st.DrawFn) -> Point:
    year = draw(st.integers(-9999, 9999))
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, days_in_month(year, month)))
    return Point(year, month, day, draw(st.booleans()), draw(st.booleans()))


@given(points())
def test_generated_points_round_trip(point: Point) -> None:
    date = EventDate(point, None)
    assert parse_date(point.edtf()) == date
    assert point.earliest_day() <= point.latest_day()
    assert from_day_number(point.earliest_day())[0] == point.year


@given(points(), points() | st.sampled_from(Bound))
def test_generated_intervals_round_trip(a: Point, b: Point | Bound) -> None:
    if isinstance(b, Point):
        first, last = sorted([a, b], key=lambda p: (p.earliest_day(), p.latest_day()))
        dates = [EventDate(first, last)]
    else:
        dates = [EventDate(a, b), EventDate(b, a)]
    for date in dates:
        assert parse_date(date.edtf()) == date
        assert date.display()
        assert date.describe()
