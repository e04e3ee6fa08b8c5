"""Content errors of fields: required and unknown keys, values, ids, dates as people write them, and
times of day and zones.

Every test starts from the small valid project of tests/project_files.py, breaks one thing, and
compares the full `path:line: field: what is wrong — how to fix it` lines. The line numbers in the
expected messages are counted by hand from its texts, so a wrong line fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Builder, build
from generator.model.dates import Point
from generator.serve.watcher import snapshot
from tests.project_files import (
    ACTORS,
    EVENT_KEYS,
    EVENTS,
    STATUSES,
    errors,
    project,
    replace,
    write,
)

# Required keys, unknown keys and values ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "events/strike.md",
            "title: The strike\n",
            "",
            "content/events/strike.md:2: title: is missing — add a `title: …` line",
        ),
        (
            "events/strike.md",
            "date: 2019-02-26\n",
            "",
            "content/events/strike.md:2: date: is missing — add a `date: …` line",
        ),
        (
            "events/strike.md",
            "title: The strike\n",
            "title:\n",
            "content/events/strike.md:2: title: is empty — write a value after `title:`",
        ),
        (
            "events/strike.md",
            "title: The strike\n",
            "title: '  '\n",
            "content/events/strike.md:2: title: is empty — write a value after `title:`",
        ),
        (
            "actors/army.md",
            "name: The Army\n",
            "",
            "content/actors/army.md:2: name: is missing — add a `name: …` line",
        ),
        (
            "actors/army.md",
            "kind: military\n",
            "",
            "content/actors/army.md:2: kind: is missing — add a `kind: …` line",
        ),
        (
            "site.yaml",
            "title: Test timeline\n",
            "",
            "content/site.yaml:1: title: is missing — add a `title: …` line",
        ),
        (
            "site.yaml",
            "base_url: https://example.org/timeline/\n",
            "",
            "content/site.yaml:1: base_url: is missing — add a `base_url: …` line",
        ),
        (
            "site.yaml",
            "    date: 2019-02/2019-03\n",
            "",
            "content/site.yaml:6: eras[0].date: is missing — add a `date: …` line",
        ),
    ],
)
def test_missing_required_key(root: Path, name: str, old: str, new: str, message: str) -> None:
    replace(root, name, old, new)
    assert errors(root) == [message]


def test_missing_site_yaml(root: Path) -> None:
    (root / "content" / "site.yaml").unlink()
    assert errors(root) == [
        "content/site.yaml:1: the file is missing — create it with `title:` and `base_url:`"
    ]


def test_unknown_key_with_did_you_mean(root: Path) -> None:
    replace(root, "events/strike.md", "title: The strike", "titel: The strike")
    replace(root, "events/denial.md", "    quote: Officials", "    qoute: Officials")
    assert errors(root) == [
        "content/events/denial.md:8: sources[0].qoute: unknown key (did you mean `quote`?) — "
        "use one of: source, quote, translation",
        f"content/events/strike.md:2: titel: unknown key (did you mean `title`?) — use one of: "
        f"{EVENT_KEYS}",
        "content/events/strike.md:2: title: is missing — add a `title: …` line",
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (
            "2019-02-30",
            "'2019-02-30' is not a real day (February 2019 has 28 days) — write a date that "
            "exists, such as 2019-02-28",
        ),
        ("2019-13", "'2019-13' has no month 13 — months are 01 to 12"),
    ],
)
def test_impossible_date(root: Path, date: str, message: str) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    assert errors(root) == [f"content/events/strike.md:4: date: {message}"]


def test_interval_that_ends_before_it_starts(root: Path) -> None:
    replace(root, "events/aftermath.md", "date: 2019-03/2019-04", "date: 2019-04/2019-03")
    assert errors(root) == [
        "content/events/aftermath.md:3: date: '2019-04/2019-03' ends before it starts — put the "
        "earlier date first: 2019-03/2019-04"
    ]


def test_date_given_as_a_float(root: Path) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", "date: 2019.5")
    assert errors(root) == [
        "content/events/strike.md:4: date: expected an EDTF date, got a number (2019.5) — write "
        "it as YYYY, YYYY-MM or YYYY-MM-DD, quoted if need be"
    ]


def test_unknown_status_with_did_you_mean(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    assert errors(root) == [
        "content/events/strike.md:5: status: unknown status `confirmd` (did you mean "
        f"`confirmed`?) — use one of: {STATUSES}"
    ]


@pytest.mark.parametrize("value", ["yes", "no", "true", "off"])
def test_status_that_yaml_reads_as_a_boolean(root: Path, value: str) -> None:
    replace(root, "events/strike.md", "status: confirmed", f"status: {value}")
    assert errors(root) == [
        "content/events/strike.md:5: status: YAML reads this as a yes/no value, not a status — "
        f"use one of: {STATUSES}"
    ]


def test_status_that_yaml_reads_as_a_number(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: 1")
    assert errors(root) == [
        f"content/events/strike.md:5: status: unknown status `1` — use one of: {STATUSES}"
    ]


def test_unknown_default_status_with_did_you_mean(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ndefault_status: nnone\n")
    assert errors(root) == [
        "content/site.yaml:4: default_status: unknown default status `nnone` (did you mean "
        "`none`?) — use one of: reported, none"
    ]


def test_default_status_that_yaml_reads_as_a_boolean(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ndefault_status: no\n")
    assert errors(root) == [
        "content/site.yaml:4: default_status: YAML reads this as a yes/no value, not a status — "
        "use one of: reported, none"
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("5", "`5`"), ("2000", "`2000`"), ("many", "`many`"), ("yes", "a yes/no value")],
)
def test_page_size_out_of_range(root: Path, value: str, shown: str) -> None:
    replace(root, "site.yaml", "language: en\n", f"language: en\npage_size: {value}\n")
    assert errors(root) == [
        f"content/site.yaml:4: page_size: {shown} is not a number of events from 10 to 1000 — "
        "write a whole number such as `page_size: 100` (the default), or remove it"
    ]


def test_base_url_that_is_not_absolute(root: Path) -> None:
    replace(root, "site.yaml", "https://example.org/timeline/", "/timeline/")
    assert errors(root) == [
        "content/site.yaml:4: base_url: `/timeline/` is not an absolute http(s) URL — write the "
        "full address, such as https://example.github.io/project/"
    ]


# Ids --------------------------------------------------------------------------------------------


def test_ids_that_differ_only_in_case(root: Path) -> None:
    events = root / "content" / "events"
    (events / "Strike.md").write_text(EVENTS["strike"], encoding="utf-8")
    if len(list(events.iterdir())) != 4:
        pytest.skip("the file system does not tell Strike.md from strike.md")
    assert errors(root) == [
        "content/events/Strike.md:1: id: `Strike` is not a valid event id (lowercase letters, "
        "digits and hyphens) — rename the file; `strike.md` exists, so merge the two or choose "
        "another id",
        "content/events/strike.md:1: id: `strike` and `Strike` differ only in case — rename one "
        "of the two files",
    ]


def test_invalid_id(root: Path) -> None:
    write(root, "events/Bad_Name.md", EVENTS["aftermath"])
    assert errors(root) == [
        "content/events/Bad_Name.md:1: id: `Bad_Name` is not a valid event id (lowercase "
        "letters, digits and hyphens) — rename the file to `bad-name.md`"
    ]


def test_events_and_actors_may_be_filed_in_subfolders(root: Path) -> None:
    (root / "content" / "events" / "2019" / "02").mkdir(parents=True)
    (root / "content" / "events" / "strike.md").rename(root / "content/events/2019/strike.md")
    (root / "content" / "events" / "denial.md").rename(root / "content/events/2019/02/denial.md")
    (root / "content" / "actors" / "states").mkdir()
    (root / "content" / "actors" / "country.md").rename(root / "content/actors/states/country.md")
    result = build(project(root))
    assert [event.id for event in result.timeline.events] == ["strike", "denial", "aftermath"]
    assert sorted(result.timeline.actors) == ["army", "country"]
    assert (root / "site" / "events" / "denial" / "index.html").is_file()
    assert (root / "site" / "actors" / "country" / "index.html").is_file()


def test_the_preview_sees_edits_and_new_files_in_subfolders(root: Path) -> None:
    folder = root / "content" / "events" / "2019"
    folder.mkdir()
    (root / "content" / "events" / "strike.md").rename(folder / "strike.md")
    builder = Builder(project(root))
    builder.build()
    replace(root, "events/2019/strike.md", "The army strikes.", "The army strikes again.")
    write(root, "events/2019/calm.md", "---\ntitle: Calm\ndate: 2019-05\n---\n")
    result = builder.build()
    assert "events/calm/index.html" in result.changed
    assert "The army strikes again." in (root / "site/events/strike/index.html").read_text()
    watched = snapshot([root / "content"])
    assert str(folder / "calm.md") in watched


def test_the_same_id_in_two_folders(root: Path) -> None:
    (root / "content" / "events" / "2019").mkdir()
    write(root, "events/2019/strike.md", EVENTS["strike"])
    assert errors(root) == [
        "content/events/strike.md:1: id: `strike` is also the id of content/events/2019/strike.md "
        "— rename one of the two files (the id is the file's name, whatever its folder)"
    ]


def test_the_same_actor_id_in_two_folders(root: Path) -> None:
    (root / "content" / "actors" / "states").mkdir()
    write(root, "actors/states/country.md", ACTORS["country"])
    assert errors(root) == [
        "content/actors/states/country.md:1: id: `country` is also the id of "
        "content/actors/country.md — rename one of the two files (the id is the file's name, "
        "whatever its folder)"
    ]


# Dates as people write them ---------------------------------------------------------------------

BC_HINT = "the format counts a year 0 (1 BC), so -0350 is 351 BC, and 350 BC is -0349"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (
            "12/03/2019",
            "'12/03/2019' can be read day-first or month-first — write the year first: "
            "2019-03-12 (12 March) or 2019-12-03 (3 December)",
        ),
        ("26/02/2019", "'26/02/2019' looks day-first — write the year first: 2019-02-26"),
        ("02/26/2019", "'02/26/2019' looks month-first — write the year first: 2019-02-26"),
        (
            "July 16, 1969",
            "'July 16, 1969' names the month in words — write it as YYYY-MM-DD: 1969-07-16",
        ),
        (
            "16 July 1969",
            "'16 July 1969' names the month in words — write it as YYYY-MM-DD: 1969-07-16",
        ),
        ("Jul 1969", "'Jul 1969' names the month in words — write it as YYYY-MM-DD: 1969-07"),
        (
            "Feb 30, 2019",
            "'Feb 30, 2019' names the month in words, and February 2019 has no day 30 — write a "
            "day that exists as YYYY-MM-DD",
        ),
        (
            "2019-02-26 10:00",
            "'2019-02-26 10:00' is not an EDTF date-time — write the time after a T, with "
            "two-digit hours and an optional offset, such as 2019-02-26T10:00",
        ),
        (
            "2019-02-26t9:30z",
            "'2019-02-26t9:30z' is not an EDTF date-time — write the time after a T, with "
            "two-digit hours and an optional offset, such as 2019-02-26T09:30Z",
        ),
        ("-350", f"'-350' needs a four-digit year — write -0350; {BC_HINT}"),
        ("'-350'", f"'-350' needs a four-digit year — write -0350; {BC_HINT}"),
        (
            "12019",
            "year 12019 is beyond ±9999 — write a day as 'YYYY-MM-DD', or a year of deep time "
            "as an EDTF Y year: 'Y12019'",
        ),
        (
            "'12019'",
            "'12019' is not a date this site understands: years run from -9999 to 9999 — write a "
            "year in that range, or a year of deep time as an EDTF Y year: Y12019",
        ),
        (
            "-12019",
            "'-12019' is not a date this site understands: years run from -9999 to 9999 — write "
            "a year in that range, or a year of deep time as an EDTF Y year: Y-12019",
        ),
    ],
)
def test_dates_as_people_write_them(root: Path, date: str, message: str) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    assert errors(root) == [f"content/events/strike.md:4: date: {message}"]


@pytest.mark.parametrize(("date", "year"), [("-0350", -350), ("0044", 44), ("-0044-03-15", -44)])
def test_years_with_leading_zeros_are_not_read_as_octal(root: Path, date: str, year: int) -> None:
    # YAML 1.1 reads an unquoted 0044 as the octal number 36 and -0350 as -232.
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    events = {event.id: event for event in build(project(root)).timeline.events}
    start = events["strike"].date.start
    assert isinstance(start, Point) and start.year == year


# Times of day and time zones ------------------------------------------------------------------


def test_unknown_time_zone_of_the_site(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ntimezone: Asia/Karachy\n")
    assert errors(root) == [
        "content/site.yaml:4: timezone: 'Asia/Karachy' is not a time zone this machine knows — "
        "give an IANA name, such as Asia/Karachi, Europe/London or UTC"
    ]


def test_unknown_time_zone_of_an_event(root: Path) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26\n", "date: 2019-02-26\ntimezone: PKT\n")
    assert errors(root) == [
        "content/events/strike.md:5: timezone: 'PKT' is not a time zone this machine knows — "
        "give an IANA name, such as Asia/Karachi, Europe/London or UTC"
    ]


def test_a_local_time_that_does_not_exist_in_the_site_zone(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ntimezone: Europe/London\n")
    replace(root, "events/strike.md", "date: 2019-02-26", "date: '2019-03-31T01:30'")
    assert errors(root) == [
        "content/events/strike.md:4: date: 01:30 does not exist on 2019-03-31 in Europe/London "
        "(the clocks skip it) — it reads as 2019-03-31T01:30Z or 2019-03-31T01:30+01:00: write "
        "one of those"
    ]


def test_a_local_time_that_happens_twice_in_the_event_zone(root: Path) -> None:
    replace(
        root,
        "events/strike.md",
        "date: 2019-02-26",
        "date: 2019-10-27T01:30\ntimezone: Europe/London",
    )
    assert errors(root) == [
        "content/events/strike.md:4: date: 01:30 happens twice on 2019-10-27 in Europe/London "
        "(the clocks go back) — write the offset: 2019-10-27T01:30+01:00 or 2019-10-27T01:30Z"
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2019-02-26T24:00", "'24:00' has no hour 24 — write 00:00 of the next day"),
        (
            "'2019-02-26T03:30+00:00'",
            "offset '+00:00' is UTC, which EDTF writes as Z — write Z",
        ),
        (
            "2019-02T03:30",
            "'2019-02T03:30' has a time but no day — a time of day needs the whole date, such as "
            "2019-02-26T03:30",
        ),
        (
            "196X-05",
            "'196X-05' leaves digits of the year unspecified, so it can have no month or day — "
            "write 196X",
        ),
        (
            "2019-XX-05",
            "'2019-XX-05' has a day of an unspecified month — write 2019-XX-XX or give the month",
        ),
        (
            "Y2019",
            "'Y2019' is not a Y year — Y is for years beyond ±9999 (more than four digits, "
            "without leading zeros); write 2019",
        ),
        (
            "Y-13800000000~",
            "'Y-13800000000' takes no qualifier — EDTF marks only dates of four-digit years as "
            "uncertain or approximate; say it in the body or in date_label",
        ),
    ],
)
def test_errors_of_times_unspecified_digits_and_deep_time(
    root: Path, date: str, message: str
) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    assert errors(root) == [f"content/events/strike.md:4: date: {message}"]
