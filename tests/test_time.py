"""The date forms beyond days: times of day with offsets and time zones, unspecified digits
(196X, 2019-XX) and deep time (Y years); the `edtf` package is the oracle where it parses them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from generator.build import check
from generator.commands.new import new_event_text
from generator.model.clock import Time
from generator.model.dates import DateError, EventDate, Point, parse_date
from generator.model.days import day_number, days_in_month, from_day_number
from generator.model.points import Unspecified
from generator.model.timeline import Event, in_time_order
from generator.project import Project
from tests.helpers import FIXTURE, TEMPLATES

KARACHI = "Asia/Karachi"
LONDON = "Europe/London"

ACCEPTED = [
    "2019-02-26T03:30",
    "2019-02-26T03:30:15",
    "2019-02-26T03:30Z",
    "2019-02-26T03:30+05:00",
    "2019-02-26T03:30-03:30",
    "2019-02-26T03:30:15+05:00",
    "2019-02-26T03:30~",
    "2019-02-26T03:30Z?",
    "2019-02-26T03:30+05:00/2019-02-26T05:00+05:00",
    "2019-02-26/2019-02-26T05:00",
    "2019-02-26T23:00/..",
    "196X",
    "19XX",
    "-019X",
    "196X~",
    "2019-XX",
    "2019-03-XX",
    "2019-XX-XX",
    "2019-03-XX?",
    "196X/197X",
    "Y-13800000000",
    "Y170000002",
    "Y-10000",
    "Y-13800000000/Y-4540000000",
    "Y-170000/2019",
    "../Y-13800000000",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_new_forms_round_trip(text: str) -> None:
    date = parse_date(text, KARACHI)
    assert date.edtf() == text
    assert parse_date(date.edtf(), KARACHI) == date


def test_a_time_without_offset_takes_the_zone_with_its_abbreviation() -> None:
    date = parse_date("2019-02-26T03:30", KARACHI)
    assert date.start == Point(2019, 2, 26, time=Time(3, 30, None, 300, False, "PKT"))
    assert date.describe() == "26 February 2019, 03:30 PKT (UTC+5)"
    assert date.display() == "26 Feb 2019, 03:30 PKT"
    assert date.html_datetime() == "2019-02-26T03:30:00+05:00"
    assert parse_date("2019-02-26T03:30").describe() == "26 February 2019, 03:30 UTC"


@pytest.mark.parametrize(
    ("text", "zone", "offset"),
    [
        ("2019-07-01T12:00", LONDON, 60),  # summer time
        ("2019-01-01T12:00", LONDON, 0),
        ("2019-07-01T12:00", "America/New_York", -240),
        ("2019-07-01T12:00", "Asia/Kolkata", 330),
        ("2019-07-01T12:00+02:00", LONDON, 120),  # a written offset wins over the zone
    ],
)
def test_zone_offsets_follow_daylight_saving(text: str, zone: str, offset: int) -> None:
    point = parse_date(text, zone).start
    assert isinstance(point, Point) and point.time is not None
    assert point.time.offset == offset


def test_a_local_time_the_clocks_skip_is_an_error_with_both_readings() -> None:
    with pytest.raises(DateError) as info:
        parse_date("2019-03-31T01:30", LONDON)
    assert str(info.value) == (
        "01:30 does not exist on 2019-03-31 in Europe/London (the clocks skip it) — it reads as "
        "2019-03-31T01:30Z or 2019-03-31T01:30+01:00: write one of those"
    )
    for reading in ("2019-03-31T01:30Z", "2019-03-31T01:30+01:00"):
        assert parse_date(reading, LONDON).edtf() == reading


def test_a_local_time_that_happens_twice_is_an_error_with_both_offsets() -> None:
    with pytest.raises(DateError) as info:
        parse_date("2019-10-27T01:30", LONDON)
    assert str(info.value) == (
        "01:30 happens twice on 2019-10-27 in Europe/London (the clocks go back) — write the "
        "offset: 2019-10-27T01:30+01:00 or 2019-10-27T01:30Z"
    )


def test_sorting_follows_the_instant_across_zones() -> None:
    early = parse_date("2019-02-27T01:00+05:00")  # 20:00 UTC on the 26th
    late = parse_date("2019-02-26T23:00Z")
    assert early.sort_key() < late.sort_key()
    # A day without a time sorts before the times of that day, where it starts in its zone.
    day = parse_date("2019-02-26", KARACHI)
    assert day.sort_key() < parse_date("2019-02-26T00:00", KARACHI).sort_key()
    assert parse_date("2019-02-25T23:59", KARACHI).sort_key() < day.sort_key()


def _event(event_id: str, date: str, order: int = 0, zone: str = "UTC") -> Event:
    return Event(
        event_id,
        event_id,
        "",
        parse_date(date, zone),
        "confirmed",
        (),
        (),
        (),
        (),
        (),
        "",
        "",
        order=order,
    )


def _ids(*events: Event) -> list[str]:
    return [event.id for event in in_time_order(events)]


def test_order_sets_the_narrative_order_of_a_day_whatever_the_precision() -> None:
    splashdown = _event("splashdown", "1969-07-24T16:50Z")
    quarantine = _event("quarantine", "1969-07-24/1969-08-10", order=1)
    recovery = _event("recovery", "1969-07-24T17:53Z")
    launch = _event("launch", "1969-07-16T13:32Z", order=5)  # another day: its instant rules
    month = _event("month", "1969-07", order=-3)  # coarser than a day: not a day's event
    assert _ids(quarantine, splashdown, recovery, launch, month) == [
        "month",
        "launch",
        "splashdown",
        "recovery",
        "quarantine",
    ]
    # Without `order`, a day still comes before the times of that day, as it always did.
    assert _ids(_event("q", "1969-07-24/1969-08-10"), splashdown) == ["q", "splashdown"]
    first = _event("first", "1969-07-24T23:00", order=-1, zone="Pacific/Honolulu")
    assert _ids(splashdown, first) == ["first", "splashdown"]  # 09:00Z on the 25th, written 24th


def test_days_as_written_keep_the_order_of_their_instants_across_zones() -> None:
    early = _event("early", "2019-02-27T01:00+05:00", order=5)  # 20:00 UTC on the 26th
    late = _event("late", "2019-02-26T23:00Z", order=-5)
    dawn = _event("dawn", "2019-02-26T03:30Z", order=-1)
    day = _event("day", "2019-02-26")
    # `order` orders the 26th's neighbours (dawn before the day), never the 27th after the 26th.
    assert _ids(late, early, dawn, day) == ["dawn", "day", "early", "late"]


def test_a_built_timeline_takes_the_order_of_a_day(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    for event_id, date, order in (
        ("splashdown", "'1969-07-24T16:50Z'", ""),
        ("quarantine", "1969-07-24/1969-08-10", "order: 1\n"),
    ):
        text = f"---\ntitle: {event_id}\ndate: {date}\n{order}---\nBody.\n"
        (root / "content" / "events" / f"{event_id}.md").write_text(text, encoding="utf-8")
    timeline = check(Project.at(root, templates=TEMPLATES))
    ids = [e.id for e in timeline.events]
    assert [i for i in ids if i in ("splashdown", "quarantine")] == ["splashdown", "quarantine"]


@pytest.mark.parametrize(
    ("text", "display", "describe"),
    [
        ("196X", "1960s", "the 1960s (known to the decade)"),
        ("19XX", "1900s", "the 1900s (1900 to 1999)"),
        ("-019X", "200–191 BC", "200–191 BC (known to the decade)"),
        ("2019-XX", "2019", "some month of 2019 (the month is not given)"),
        ("2019-03-XX", "Mar 2019", "some day of March 2019 (the day is not given)"),
        ("2019-XX-XX", "2019", "some day of 2019 (the month and day are not given)"),
        ("196X~", "c. 1960s", "about the 1960s (approximate; known to the decade)"),
        (
            "Y-13800000000",
            "13.8 billion years ago",
            "13.8 billion years ago (the year -13,800,000,000 of the astronomical count)",
        ),
        ("Y-1500000", "1.5 million years ago", None),
        ("Y-170000", "170,001 BC", "170,001 BC"),
        ("Y170000002", "170,000,002", "170,000,002"),
        (
            "2019-02-26T03:30+05:00/2019-02-26T05:00+05:00",
            "26 Feb 2019, 03:30–05:00 UTC+5",
            "from 26 February 2019, 03:30 UTC+5 to 26 February 2019, 05:00 UTC+5",
        ),
        ("2019-02-26T03:30:15Z", "26 Feb 2019, 03:30:15 UTC", "26 February 2019, 03:30:15 UTC"),
    ],
)
def test_words(text: str, display: str, describe: str | None) -> None:
    date = parse_date(text)
    assert date.display() == display
    if describe is not None:
        assert date.describe() == describe


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2019-02-26T24:00", "write 00:00 of the next day"),
        ("2019-02-26T03:61", "minutes and seconds run from 00 to 59"),
        ("2019-02-26T03:30+15:00", "offsets run from -12:00 to +14:00"),
        ("2019-02T03:30", "a time of day needs the whole date"),
        ("2019-03-XXT03:30", "a time of day needs the whole date"),
        ("-0043-03-15T12:00", "such as -0043-03-15T12:00Z"),
        ("196X-03", "write 196X"),
        ("2019-XX-05", "write 2019-XX-XX or give the month"),
        ("1XXX", "is not a date"),
        ("Y2019", "write 2019"),
        ("Y-0043", "write -0043"),
        ("Y-13800000000~", "takes no qualifier"),
        ("Y1000000000000", "out of range"),
        ("196Y", "is not a date"),
        ("2019-02-26T03:30+00:00", "write Z"),
    ],
)
def test_errors_of_the_new_forms(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text, KARACHI)
    assert " — " in str(info.value)
    assert fragment in str(info.value)


def test_deep_time_day_numbers_and_instants() -> None:
    date = parse_date("Y-13800000000")
    assert date.earliest_day() == day_number(-13800000000, 1, 1)
    assert from_day_number(date.latest_day() or 0) == (-13800000000, 12, 31)
    assert date.sort_key() < parse_date("-9999").sort_key()
    assert date.html_datetime() is None
    assert EventDate(Point(-13800000000, None, None), None) == date


# The oracle ---------------------------------------------------------------------------------
# edtf parses date-times only with seconds and only as single dates, unspecified digits, and
# Y years as single dates: these tests hold our first and last day to its strict bounds there.


@st.composite
def timed_points(draw: st.DrawFn) -> Point:
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, days_in_month(year, month)))
    offset = draw(st.sampled_from([0, 60, 300, 330, -240, -570, 840, -720]))
    time = Time(draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59)),
                offset, True, "UTC" if offset == 0 else "")  # fmt: skip
    return Point(year, month, day, time=time)


@given(timed_points())
def test_date_times_agree_with_edtf_package(point: Point) -> None:
    text = point.edtf()
    theirs = parse_edtf(text)
    assert point.time is not None
    assert theirs.isoformat() == text
    assert tuple(theirs.lower_strict()[:3]) == from_day_number(point.earliest_day())
    assert parse_date(text).start == point


@st.composite
def unspecified_points(draw: st.DrawFn) -> Point:
    kind = draw(st.sampled_from([u for u in Unspecified if u is not Unspecified.NONE]))
    if kind in (Unspecified.DECADE, Unspecified.CENTURY):
        size = 10 if kind is Unspecified.DECADE else 100
        year = draw(st.integers(-(9999 // size), 9999 // size)) * size
        return Point(year, None, None, draw(st.booleans()), draw(st.booleans()), kind)
    year = draw(st.integers(0, 9999))
    month = draw(st.integers(1, 12)) if kind is Unspecified.DAY else None
    return Point(year, month, None, draw(st.booleans()), draw(st.booleans()), kind)


@given(unspecified_points())
def test_unspecified_digits_agree_with_edtf_package(point: Point) -> None:
    text = point.edtf()
    theirs = parse_edtf(text)
    assert tuple(theirs.lower_strict()[:3]) == from_day_number(point.earliest_day())
    assert tuple(theirs.upper_strict()[:3]) == from_day_number(point.latest_day())
    assert parse_date(text).start == point


@given(st.integers(10000, 10**11 - 1), st.booleans())
def test_y_years_agree_with_edtf_package(magnitude: int, negative: bool) -> None:
    year = -magnitude if negative else magnitude
    text = f"Y{year}"
    theirs = parse_edtf(text)
    date = parse_date(text)
    assert date.edtf() == text
    assert tuple(theirs.lower_strict()[:3]) == from_day_number(date.earliest_day() or 0)
    assert tuple(theirs.upper_strict()[:3]) == from_day_number(date.latest_day() or 0)


@given(timed_points(), timed_points())
def test_intervals_of_date_times_round_trip_and_order(a: Point, b: Point) -> None:
    first, last = sorted([a, b], key=lambda p: p.earliest_instant("UTC"))
    date = EventDate(first, last)
    assert parse_date(date.edtf()) == date
    assert date.earliest_instant() is not None
    assert date.display() and date.describe()


@pytest.mark.parametrize(
    "date", ["2019-02-26T03:30", "2019-02-26T03:30:15Z", "196X", "Y-13800000000"]
)
def test_timeline_new_writes_the_new_forms_as_they_parse(date: str) -> None:
    text = new_event_text("A new event", date)
    front = yaml.safe_load(text.split("---")[1])
    assert parse_date(front["date"]).edtf() == date


def test_timeline_new_refuses_a_time_that_is_no_time() -> None:
    with pytest.raises(DateError, match="has no hour 25"):
        new_event_text("A new event", "2019-02-26T25:00")
