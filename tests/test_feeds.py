"""Atom feeds, read back with feedparser, and the iCalendar file, read back with icalendar."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import pytest

from generator.model import urls
from generator.model.dates import parse_date
from generator.model.graph import Graph, link
from generator.outputs import atom
from generator.outputs import icalendar as ics
from tests.helpers import FIXTURE, REPO, graph_of
from tests.project_files import make_project


def with_events(graph: Graph, **changes: dict[str, object]) -> Graph:
    """The graph relinked after replacing fields of some events: {event id: {field: value}}."""
    events = tuple(
        dataclasses.replace(event, **changes.get(event.id, {})) for event in graph.timeline.events
    )
    events = tuple(sorted(events, key=lambda event: event.sort_key))
    return link(dataclasses.replace(graph.timeline, events=events))


class Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value for name, value in attrs if name in ("href", "src") and value]


def content_links(html: str) -> list[str]:
    parser = Hrefs()
    parser.feed(html)
    return parser.hrefs


def parse(data: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


# Atom


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_feed_parses_cleanly_with_every_link_absolute_inside_the_site(
    which: str, request: pytest.FixtureRequest
) -> None:
    graph: Graph = request.getfixturevalue(which)
    base = graph.timeline.site.base_url
    result = atom.feeds(graph)
    assert set(result) == {
        urls.FEED,
        *(urls.actor_feed(actor) for actor in graph.timeline.actors),
        *(urls.tag_feed(tag) for tag in graph.by_tag),
        *(urls.place_feed(place) for place in graph.timeline.places),
    }
    for path, data in result.items():
        parsed = parse(data)
        links = [link.href for link in parsed.feed.links]
        assert urls.absolute(base, path) in links
        for entry in parsed.entries:
            links += [link.href for link in entry.links] + [entry.id]
            for content in entry.content:
                assert content.type == "text/html"
                links += content_links(content.value)
        assert links
        for href in links:
            assert href.startswith(base), f"{path}: {href}"


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_the_site_feed_has_one_entry_per_event_newest_first(
    which: str, request: pytest.FixtureRequest
) -> None:
    graph: Graph = request.getfixturevalue(which)
    parsed = parse(atom.feeds(graph)[urls.FEED])
    base = graph.timeline.site.base_url
    expected = [urls.absolute(base, urls.event(e.id)) for e in reversed(graph.timeline.events)]
    assert [entry.id for entry in parsed.entries] == expected
    assert [entry.link for entry in parsed.entries] == expected
    for entry, event in zip(parsed.entries, reversed(graph.timeline.events), strict=True):
        assert entry.title == event.title
        if event.summary:
            assert entry.summary == event.summary
        terms = [tag.term for tag in entry.tags]
        assert terms == [*event.tags, event.status]


def test_actor_tag_and_place_feeds_hold_exactly_their_events(fixture: Graph) -> None:
    result = atom.feeds(fixture)
    base = fixture.timeline.site.base_url
    for path, events in [
        (urls.actor_feed("caesar"), fixture.by_actor["caesar"]),
        (urls.tag_feed("conspiracy"), fixture.by_tag["conspiracy"]),
        (urls.place_feed("rome"), fixture.by_place["rome"]),
    ]:
        parsed = parse(result[path])
        ids = {entry.id for entry in parsed.entries}
        assert ids == {urls.absolute(base, urls.event(event.id)) for event in events}
    caesar = parse(result[urls.actor_feed("caesar")])
    assert caesar.feed.title == "Gaius Julius Caesar · " + fixture.timeline.site.title
    assert caesar.feed.link == urls.absolute(base, urls.actor("caesar"))


def test_updated_comes_from_the_dates_clamped_to_year_one(fixture: Graph) -> None:
    parsed = parse(atom.feeds(fixture)[urls.FEED])
    updated = {entry.id.split("/")[-2]: entry.updated for entry in parsed.entries}
    assert updated == {
        "later-claims": "0100-01-01T00:00:00Z",  # 0100~/..: open end, so its first day
        "augustus-reign": "0014-12-31T00:00:00Z",  # -0026/0014: the last day of AD 14
        "ides-of-march": "0001-01-01T00:00:00Z",  # 44 BC: before RFC 3339's first year
        "senate-plot": "0001-01-01T00:00:00Z",
        "rubicon": "0001-01-01T00:00:00Z",
        "ice-on-the-alps": "0001-01-01T00:00:00Z",  # deep time, clamped as BCE years are
        "wreath-laid": "2019-03-15T10:00:00Z",  # 11:00 in Rome, in UTC: a time is its instant
    }
    assert parsed.feed.updated == "2019-03-15T10:00:00Z"


def test_updated_is_the_last_possible_day_in_real_content(real: Graph) -> None:
    parsed = parse(atom.feeds(real)[urls.FEED])
    base = real.timeline.site.base_url
    by_id = {entry.id: entry.updated for entry in parsed.entries}
    event = real.events["mi-35m-helicopter-deal"]  # date: 2015
    assert by_id[urls.absolute(base, urls.event(event.id))] == "2015-12-31T00:00:00Z"
    assert parsed.feed.updated == max(by_id.values())


def test_feeds_are_byte_identical_across_builds_and_escape_hostile_text(fixture: Graph) -> None:
    assert atom.feeds(fixture) == atom.feeds(graph_of(FIXTURE))
    hostile = "Caesar <b>&amp;</b> ]]> \x0b the “dictator”"
    graph = with_events(fixture, rubicon={"title": hostile, "summary": "a < b & c"})
    parsed = parse(atom.feeds(graph)[urls.FEED])
    entry = next(e for e in parsed.entries if e.id.endswith("/rubicon/"))
    assert entry.title == "Caesar <b>&amp;</b> ]]>  the “dictator”"  # the control char is dropped
    assert entry.summary == "a < b & c"


def test_entry_content_states_date_and_status_and_links_absolutely(fixture: Graph) -> None:
    parsed = parse(atom.feeds(fixture)[urls.FEED])
    entry = next(e for e in parsed.entries if e.id.endswith("/senate-plot/"))
    html = entry.content[0].value
    assert "about 45 BC, uncertain" in html and "Disputed" in html
    assert 'href="https://example.org/ancient/events/ides-of-march/"' in html


# Archived feeds (RFC 5005, section 4)


def add_events(root: Path, count: int, start: date = date(2000, 1, 1)) -> None:
    """`count` more events in the project at `root`, a day apart from `start`, each of the
    army, the tag air-strike and the Border."""
    for number in range(count):
        day = start + timedelta(days=number)
        (root / "content" / "events" / f"filler-{day.isoformat()}.md").write_text(
            f"---\ntitle: Filler of {day.isoformat()}\ndate: {day.isoformat()}\n"
            "actors: [army]\ntags: [air-strike]\nplaces: [The Border]\n---\nText.\n",
            encoding="utf-8",
        )


def read_archived(feeds: dict[str, bytes], base: str, feed: str) -> list[str]:
    """The entries' ids of the feed at output path `feed`, read from its subscription document
    back through every archive by `prev-archive`, checking each archive's marks on the way."""
    by_url = {urls.absolute(base, path): path for path in feeds}
    ids: list[str] = []
    path: str | None = feed
    while path is not None:
        parsed = parse(feeds[path])
        ids += [entry.id for entry in parsed.entries]
        rels = {link.rel: link.href for link in parsed.feed.links}
        assert rels["self"] == urls.absolute(base, path)
        assert parsed.feed.id == urls.absolute(base, feed)
        archive = ET.fromstring(feeds[path]).find(
            "{http://purl.org/syndication/history/1.0}archive"
        )
        assert (archive is not None) == (path != feed)
        if path != feed:
            assert rels["current"] == urls.absolute(base, feed)
        path = by_url[rels["prev-archive"]] if "prev-archive" in rels else None
    return ids


@pytest.fixture
def long_root(tmp_path: Path) -> Path:
    """The small project with enough events for its feeds to have three archives each."""
    root = make_project(tmp_path)
    add_events(root, atom.CURRENT_ENTRIES + 2 * atom.ARCHIVE_ENTRIES + 20)
    return root


def test_long_feeds_keep_the_latest_and_archive_every_other_event_once_in_order(
    long_root: Path,
) -> None:
    graph = graph_of(long_root)
    base = graph.timeline.site.base_url
    feeds = atom.feeds(graph)
    for feed, events in [
        (urls.FEED, graph.timeline.events),
        (urls.actor_feed("army"), graph.by_actor["army"]),
        (urls.tag_feed("air-strike"), graph.by_tag["air-strike"]),
        (urls.place_feed("border"), graph.by_place["border"]),
    ]:
        expected = [urls.absolute(base, urls.event(event.id)) for event in reversed(events)]
        current = parse(feeds[feed]).entries
        assert [entry.id for entry in current] == expected[: atom.CURRENT_ENTRIES]
        assert read_archived(feeds, base, feed) == expected
        archives = [urls.feed_archive(feed, number) for number in (1, 2, 3)]
        assert {path for path in feeds if path.startswith(feed.removesuffix(".xml") + "/")} == set(
            archives
        )
        # Fixed pages from the oldest: full ones, then the newest holding what is left.
        sizes = [len(parse(feeds[path]).entries) for path in archives]
        assert sizes == [atom.ARCHIVE_ENTRIES, atom.ARCHIVE_ENTRIES, len(events) - 250]
        first = {link.rel for link in parse(feeds[archives[0]]).feed.links}
        assert first == {"self", "alternate", "current", "next-archive"}
    # A feed of few events is one document, without paging.
    country = parse(feeds[urls.actor_feed("country")])
    assert {link.rel for link in country.feed.links} == {"self", "alternate"}
    assert atom.feeds(graph) == feeds


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def test_a_new_event_changes_only_the_subscription_documents_and_newest_archives(
    long_root: Path,
) -> None:
    before = atom.feeds(graph_of(long_root))
    add_events(long_root, 1, start=date(2030, 1, 1))
    after = atom.feeds(graph_of(long_root))
    feeds = [urls.FEED, urls.actor_feed("army"), urls.tag_feed("air-strike")]
    feeds.append(urls.place_feed("border"))
    assert changed(before, after) == {
        *feeds,
        *(urls.feed_archive(feed, 3) for feed in feeds),
    }


def test_a_full_archive_keeps_its_entries_when_the_next_one_starts(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    # The fixture's three events and these fill the site feed's two archives exactly.
    add_events(root, atom.CURRENT_ENTRIES + 2 * atom.ARCHIVE_ENTRIES - 3)
    before = atom.feeds(graph_of(root))
    assert urls.feed_archive(urls.FEED, 3) not in before
    add_events(root, 1, start=date(2030, 1, 1))
    after = atom.feeds(graph_of(root))
    newest = urls.feed_archive(urls.FEED, 2)
    site = {
        path for path in changed(before, after) if not path.startswith(("actors", "tags", "places"))
    }
    assert site == {urls.FEED, newest, urls.feed_archive(urls.FEED, 3)}
    assert len(parse(after[urls.feed_archive(urls.FEED, 3)]).entries) == 1
    # The full archive gains its link to the next one, and nothing else.
    assert parse(before[newest]).entries == parse(after[newest]).entries
    links = {link.rel for link in parse(after[newest]).feed.links}
    assert links - {link.rel for link in parse(before[newest]).feed.links} == {"next-archive"}


# iCalendar


def calendar_of(graph: Graph) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(ics.calendar(graph))


def vevents(graph: Graph) -> list[icalendar.Event]:
    return list(calendar_of(graph).walk("VEVENT"))


def test_fixture_calendar_keeps_only_events_after_year_one(fixture: Graph) -> None:
    calendar = calendar_of(fixture)
    events = list(calendar.walk("VEVENT"))
    uids = [str(event["UID"]) for event in events]
    assert uids == ["later-claims@example.org/ancient", "wreath-laid@example.org/ancient"]
    omitted = str(calendar["X-TIMELINE-OMITTED"]).split(",")
    assert omitted == [
        "ice-on-the-alps",
        "rubicon",
        "senate-plot",
        "ides-of-march",
        "augustus-reign",
    ]
    # A time of day is a timed VEVENT in UTC, not an all-day one: 11:00 in Rome is 10:00Z.
    wreath = events[1]
    assert wreath.decoded("DTSTART") == datetime(2019, 3, 15, 10, 0, tzinfo=UTC)
    assert "DTEND" not in wreath
    event = events[0]
    # 0100~/..: an open end spans its known start, the year 100.
    assert event.decoded("DTSTART") == date(100, 1, 1)
    assert event.decoded("DTEND") == date(101, 1, 1)
    assert str(event["URL"]) == "https://example.org/ancient/events/later-claims/"
    assert "Status: Denied" in str(event["DESCRIPTION"])


def test_real_calendar_has_one_vevent_per_event_with_stable_unique_uids(real: Graph) -> None:
    events = vevents(real)
    assert len(events) == len(real.timeline.events)
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    assert uids == [f"{e.id}@example.github.io/russia-pakistan" for e in real.timeline.events]
    assert ics.calendar(real) == ics.calendar(graph_of(REPO))
    for event, ours in zip(events, real.timeline.events, strict=True):
        assert str(event["SUMMARY"]) == ours.title
        assert str(event["URL"]) == urls.absolute(real.timeline.site.base_url, urls.event(ours.id))
        assert event.decoded("DTSTART") < event.decoded("DTEND")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019-02-26", date(2019, 2, 26), date(2019, 2, 27)),
        ("2019-02", date(2019, 2, 1), date(2019, 3, 1)),
        ("2016~", date(2016, 1, 1), date(2017, 1, 1)),
        ("2016-09-24/2016-10-10", date(2016, 9, 24), date(2016, 10, 11)),
        ("2016~/2019?", date(2016, 1, 1), date(2020, 1, 1)),
        ("2019-03/..", date(2019, 3, 1), date(2019, 4, 1)),
        ("/2019?", date(2019, 1, 1), date(2020, 1, 1)),
        ("../2018-12-31", date(2018, 12, 31), date(2019, 1, 1)),
    ],
)
def test_calendar_dates_span_every_day_the_date_can_mean(
    fixture: Graph, text: str, start: date, end: date
) -> None:
    graph = with_events(fixture, rubicon={"date": parse_date(text)})
    (event,) = [e for e in vevents(graph) if str(e["UID"]).startswith("rubicon@")]
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (start, end)
    assert event["DTSTART"].params["VALUE"] == "DATE"


@pytest.mark.parametrize("text", ["-0043-03-15", "0000/0002", "../0000", "9999", "9999-12-31"])
def test_dates_icalendar_cannot_express_are_left_out(text: str) -> None:
    assert ics.calendar_span(parse_date(text)) is None


def test_calendar_lines_end_in_crlf_and_fold_at_75_octets(real: Graph) -> None:
    graph = with_events(
        real, **{real.timeline.events[0].id: {"title": "Пакистан — " * 12 + "😀" * 30}}
    )
    data = ics.calendar(graph)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) == 75
    for line in lines:
        line.decode("utf-8")  # a fold inside a character would leave half of it on each line
    parsed = icalendar.Calendar.from_ical(data)
    titles = [str(event["SUMMARY"]) for event in parsed.walk("VEVENT")]
    assert titles[0] == "Пакистан — " * 12 + "😀" * 30


@pytest.mark.parametrize("text", ["a" * 200, "é" * 100, "—" * 60, "😀" * 40, "x" + "😀" * 40])
def test_folding_round_trips_and_never_splits_a_character(text: str) -> None:
    folded = ics.fold_line("SUMMARY:" + text).encode("utf-8")
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical)
    assert all(line.startswith(b" ") for line in physical[1:])
    for line in physical:
        line.decode("utf-8")  # raises if a character was split between lines
    unfolded = folded.replace(b"\r\n ", b"").decode("utf-8")
    assert unfolded == "SUMMARY:" + text + "\r\n"


def test_text_values_are_escaped(fixture: Graph) -> None:
    summary = 'Commas, semicolons; back\\slashes and\nnewlines "quoted"'
    graph = with_events(fixture, **{"later-claims": {"title": summary}})
    event, _ = vevents(graph)
    assert str(event["SUMMARY"]) == summary


def test_dtstamp_is_derived_or_from_source_date_epoch(
    fixture: Graph, real: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    stamps = {str(e["DTSTAMP"].to_ical(), "ascii") for e in vevents(real)}
    updated = parse(atom.feeds(real)[urls.FEED]).feed.updated  # the latest day any event means
    assert stamps == {updated.replace("-", "").replace(":", "")}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    event, _ = vevents(fixture)
    assert event["DTSTAMP"].to_ical() == b"20231114T221320Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        ics.calendar(fixture)
