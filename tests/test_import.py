"""`timeline import`: a TimelineJS JSON file, a TimelineJS spreadsheet (CSV) and a markwhen file
each become a project that checks and builds, with a report of what had no place; malformed
files are refused with a message, never a traceback."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.commands.import_ import detect
from generator.model.media import first_image
from tests.helpers import FIXTURE, build_into, graph_of

IMPORTS = Path(__file__).resolve().parent / "fixtures" / "imports"

# What the command line says after the one error of a refused import.
IMPORTED_NOTHING = "1 error. Nothing was imported.\n"


def _front(path: Path) -> dict[str, object]:
    _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    loaded = yaml.safe_load(front)
    assert isinstance(loaded, dict)
    return loaded


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


def _imports_and_builds(source: Path, into: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Import `source` into `into`, then check and build it; return what the import printed."""
    assert main(["import", str(source), "--into", str(into)]) == 0
    printed = capsys.readouterr().out
    assert main(["--root", str(into), "check"]) == 0, capsys.readouterr().err
    assert main(["--root", str(into), "build"]) == 0, capsys.readouterr().err
    assert (into / "site" / "index.html").is_file()
    return printed


def test_a_timelinejs_file_becomes_a_project_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "harbour"
    printed = _imports_and_builds(IMPORTS / "timelinejs.json", into, capsys)
    events = into / "content" / "events"
    assert sorted(p.name for p in events.iterdir()) == [
        "before-the-harbour.md", "old-pier-2.md", "old-pier.md", "the-new-quay.md", "the-storm.md",
    ]  # fmt: skip
    assert _front(events / "old-pier.md") == {
        "title": "The old pier is built",
        "summary": "A pier of timber is built.",
        "date": "-0043-03-15",  # TimelineJS's -44 is 44 BC
        "date_label": "The Ides of March, 44 BC",
        "tags": ["building-works"],
        "places": ["the-pier"],
        "media": [
            {
                "file": "media/harbour.png",
                "alt": "A blue rectangle",
                "caption": "The harbour, drawn",
                "credit": "Test drawing",
            }
        ],
    }
    assert _body(events / "old-pier.md") == (
        "See [the pier's page](https://example.org/pier):\n\n- oak piles\n- **iron** nails\n"
    )
    assert (into / "content" / "media" / "harbour.png").read_bytes() == (
        IMPORTS / "files" / "harbour.png"
    ).read_bytes()
    storm = _front(events / "the-storm.md")
    assert storm["date"] == "2019-02-26T03:30:15/2019-02-26T17:05"
    assert storm["media"] == [
        {
            "url": "https://www.youtube.com/watch?v=abc123",
            "title": "Film of the storm",
            "kind": "video",
            "credit": "A viewer",
        }
    ]
    assert _front(events / "the-new-quay.md")["date"] == "1850-06/1852"  # a month, then a year
    assert _front(events / "old-pier-2.md")["date"] == "1900"
    assert _front(events / "before-the-harbour.md")["date"] == "Y-13799999999"
    assert _front(into / "content" / "places" / "the-pier.md") == {
        "name": "The pier",
        "kind": "place",
        "coordinates": [41.9, 12.5],
        "note": "Coordinates from the imported file timelinejs.json "
        "(slide 1, “The old pier is built”).",
    }
    site = yaml.safe_load((into / "content" / "site.yaml").read_text(encoding="utf-8"))
    assert site["title"] == "The harbour"
    assert site["default_status"] == "none"
    assert site["eras"] == [
        {"name": "The age of sail", "date": "1800/1899", "note": "Ships with sails."}
    ]
    report = (into / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert report in printed
    for line in (
        '- the title slide: `background` ({"color": "#1d3557"})',
        "- slide 1, “The old pier is built”: location.zoom (12)",
        "- slide 2, “The storm”: `autolink` (false)",
        "- slide 2, “The storm”: an embedded <iframe> (https://example.org/radar), left out",
        '- slide 3, “The new quay”: embedded media (`<iframe src="https://player.vimeo.com/video/1">'
        "</iframe>`), written as a link card to https://player.vimeo.com/video/1",
        "- slide 4, “A year of trade”: the unique_id `old-pier` became the id `old-pier-2`",
    ):
        assert line in report.splitlines()
    assert "status" not in storm


def test_a_timelinejs_spreadsheet_becomes_a_project_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "sheet"
    _imports_and_builds(IMPORTS / "sheet.csv", into, capsys)
    events = into / "content" / "events"
    pier = _front(events / "the-old-pier.md")
    assert pier["date"] == "-0043-03-15"
    assert pier["title"] == "The old pier"
    assert "summary" not in pier  # its first sentence holds a link, which the body keeps
    assert _body(events / "the-old-pier.md") == (
        "Built of [oak](https://example.org/oak).\n\n1. first\n2. second\n"
    )
    assert _front(events / "the-storm.md")["date"] == "2019-02-26T15:30/2019-02-26T17:05:09"
    quay = _front(events / "the-new-quay.md")
    assert quay["date"] == "1850-06/1852"
    assert quay["summary"] == (  # the first sentence of a long paragraph, taken out of the body
        "Rebuilt in stone, over many years; the work is long and hard, and it is described here "
        "at more length than a summary should be, so that the summary is only its first sentence."
    )
    assert _body(events / "the-new-quay.md").startswith("More follows, and more again")
    site = yaml.safe_load((into / "content" / "site.yaml").read_text(encoding="utf-8"))
    assert (site["title"], site["eras"][0]["name"]) == ("The harbour sheet", "The age of sail")
    report = (into / "IMPORT-REPORT.md").read_text(encoding="utf-8").splitlines()
    assert '- row 4, “The storm”: the background ({"url": "https://example.org/sky.jpg"})' in report
    assert (
        "- row 3, “The old pier”: media `files/harbour.png` has no alt text: write what it "
        "shows in `alt:`" in report
    )


def test_our_own_timelinejs_export_imports_as_the_same_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = tmp_path / "built"
    build_into(FIXTURE, built)
    into = tmp_path / "again"
    _imports_and_builds(built / "timelinejs.json", into, capsys)
    original = graph_of(FIXTURE).timeline
    imported = {event.id: event for event in graph_of(into).timeline.events}
    assert sorted(imported) == sorted(event.id for event in original.events)
    for event in original.events:
        again = imported[event.id]
        assert again.title == event.title
        # The export's text is the summary, then the date and status in words, then the body.
        if event.summary:
            assert again.summary == event.summary
        assert event.date_described() in f"{again.summary} {again.body}", event.id
        assert again.date_words() == event.date_words(), event.id
        assert again.date.anchor_day() == event.date.anchor_day(), event.id
        text = re.sub(r"\[\[[^]]*\]\]|!\[[^]]*\]\([^)]*\)", "", event.body)  # not links, images
        for word in re.findall(r"[A-Za-z]{4,}", text):
            assert word in again.body, (event.id, word)
        assert again.tags == ((event.status,) if event.status else ()), event.id
        image = first_image(event.media, event.body_media)  # the one image a slide shows
        shown = [image.alt] if image is not None and image.local is not None else []
        assert [m.alt for m in again.media] == shown, event.id


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "bad.json",
            '{"events": [}',
            "bad.json:1: is not valid JSON: Expecting value (column 13) — fix the file, or "
            "export it from TimelineJS again",
        ),
        (
            "none.json",
            '{"title": {"text": {"headline": "x"}}}',
            "none.json: events: is missing — a TimelineJS file lists its slides as "
            '"events": [{...}, ...]',
        ),
        (
            "month.json",
            '{"events": [{"start_date": {"year": 2019, "month": 13}, "text": {"headline": "x"}}]}',
            "month.json: events[0].start_date.month: 13 is not a month — write 1 to 12",
        ),
        (
            "day.json",
            '{"events": [{"start_date": {"year": 2019, "month": 2, "day": 30}, '
            '"text": {"headline": "x"}}]}',
            "day.json: events[0].start_date.day: 30 is not a day of 2019-02 — write 1 to 28",
        ),
        (
            "zero.json",
            '{"events": [{"start_date": {"year": 0}, "text": {"headline": "x"}}]}',
            "zero.json: events[0].start_date.year: TimelineJS has no year 0 — write -1 for 1 BC, "
            "or 1 for AD 1",
        ),
        (
            "backwards.json",
            '{"events": [{"start_date": {"year": 2019}, "end_date": {"year": 2018}, '
            '"text": {"headline": "x"}}]}',
            "backwards.json: events[0].end_date: '2019/2018' ends before it starts — put the "
            "earlier date first: 2018/2019",
        ),
        (
            "columns.csv",
            "Year,Headline,Colour\n2019,x,red\n",
            "columns.csv:1: column Colour: unknown column — the TimelineJS template's columns "
            "are: Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, "
            "Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, "
            "Background",
        ),
        (
            "time.csv",
            "Year,Month,Day,Time,Headline\n2019,2,26,noon,x\n",
            "time.csv:2: column Time: `noon` is not a time — write it as 14:30, 14:30:15 or "
            "2:30 PM",
        ),
        (
            "row.csv",
            "Year,Month,Day,Headline\n2019,2,29,x\n",
            "row.csv:2: column Day: 29 is not a day of 2019-02 — write 1 to 28",
        ),
    ],
)
def test_a_malformed_file_is_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "--into", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert error == f"{tmp_path / name}{message.removeprefix(name)}\n{IMPORTED_NOTHING}"
    assert not (tmp_path / "out").exists()


def test_an_import_into_a_project_adds_files_and_overwrites_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "ancient"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns(".cache"))
    source = tmp_path / "caesar.json"
    slide = {"start_date": {"year": -44}, "text": {"headline": "Caesar"}, "unique_id": "caesar"}
    source.write_text(json.dumps({"events": [slide]}), encoding="utf-8")
    site = (project / "content" / "site.yaml").read_bytes()
    assert main(["import", str(source), "--into", str(project)]) == 0
    report = capsys.readouterr().out
    # `caesar` is an actor's id: the event takes another.
    assert _front(project / "content" / "events" / "caesar-2.md")["date"] == "-0043"
    assert (project / "content" / "site.yaml").read_bytes() == site
    assert "has no `default_status: none`, so its default status applies" in report
    assert main(["--root", str(project), "check"]) == 0
    assert main(["import", str(source), "--into", str(project)]) == 1
    assert capsys.readouterr().err.endswith(
        f"{project / 'IMPORT-REPORT.md'}: already exists, and is not overwritten — move it away\n"
        "1 error. Nothing was imported.\n"
    )


def test_a_folder_neither_empty_nor_a_project_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["import", str(IMPORTS / "timelinejs.json"), "--into", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path}: is neither a project (no content/site.yaml) nor an empty folder — "
        f"import into a new folder with --into, or into a project\n{IMPORTED_NOTHING}"
    )


@pytest.mark.parametrize(
    ("name", "text", "form"),
    [
        ("a.json", "", "timelinejs"),
        ("a.csv", "", "sheet"),
        ("a.mw", "", "markwhen"),
        ("a.txt", ' {"events": []}', "timelinejs"),
        ("a.txt", "Year,Month,Day,Time,Headline\n", "sheet"),
        ("a.txt", "title: Mine\n2019: An event\n", "markwhen"),
    ],
)
def test_the_format_is_told_by_the_name_or_the_text(name: str, text: str, form: str) -> None:
    assert detect(Path(name), text) == form


def test_a_markwhen_file_becomes_a_project_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "mw"
    _imports_and_builds(IMPORTS / "harbour.mw", into, capsys)
    events = into / "content" / "events"
    dates = {path.stem: _front(path)["date"] for path in sorted(events.iterdir())}
    assert dates == {
        "a-long-repair": "2025-03/2026-02",  # `03/2025 - 1 year`
        "a-winter-of-trade": "2021-12",  # `Dec 2021`
        "an-attack-far-away": "1941-12-07",  # `7 December 1941`
        "before-the-harbour": "Y-13800000000",
        "dredging": "2025-04-10/2025-08-09",  # `2025-04-10/4 months`
        "the-new-quay": "1850-06/1852",
        "the-old-pier-is-built": "-0043-03-15",
        "the-storm": "2019-02-26T03:30/2019-02-26T17:05",
        "the-tide-tables": "2024-01-01",
        "the-year-after": "2022-01/2022-12",  # `1 year` after `Dec 2021`, to the month
    }
    pier = events / "the-old-pier-is-built.md"
    assert _front(pier)["tags"] == ["works", "building", "the-piers", "timber"]
    assert _body(pier) == (
        "It is built of *timber*, with [oak](https://example.org/oak) piles.\n\n"
        "- [x] piles\n- [ ] deck\n"
    )
    site = yaml.safe_load((into / "content" / "site.yaml").read_text(encoding="utf-8"))
    assert (site["title"], site["timezone"]) == ("The harbour in markwhen", "Europe/Rome")
    report = (into / "IMPORT-REPORT.md").read_text(encoding="utf-8").splitlines()
    for line in (
        "- line 5: the colour of the tag #Works (#d336b1)",
        "- line 6: the header's `view: timeline`",
        "- line 17: the progress 40%",
        "- line 18: the property `owner: The harbour board` of “The new quay”",
        "- line 27: the recurrence `every 2 weeks for 3 times`: imported once, at its start",
        "- line 28: the event “The pandemic”, not imported: it ends `now`, relative to the day "
        "the file is read",
        "- line 30: the photo https://example.org/harbour.jpg, written as a link to it",
    ):
        assert line in report


def test_a_markwhen_file_without_events_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "empty.mw"
    source.write_text("title: Nothing yet\n", encoding="utf-8")
    assert main(["import", str(source), "--into", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"{source}: has no event — write one as `2019-02-26: What happened`\n{IMPORTED_NOTHING}"
    )


def _import_slides(
    tmp_path: Path, document: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> tuple[Path, list[str]]:
    """Import a TimelineJS document, check and build it; its events folder and report lines."""
    source = tmp_path / "real.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    into = tmp_path / "out"
    _imports_and_builds(source, into, capsys)
    report = (into / "IMPORT-REPORT.md").read_text(encoding="utf-8").splitlines()
    return into / "content" / "events", report


def test_slides_without_a_headline_take_a_title_from_their_caption_or_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "pier.png"
    shutil.copy(IMPORTS / "files" / "harbour.png", image)
    slides = [
        {"start_date": {"year": 1850}, "media": {"url": "pier.png", "caption": "<i>The</i> pier"}},
        {"start_date": {"year": 1851}, "text": {"text": "<p>Ships come in. Many of them.</p>"}},
        {"start_date": {"year": 1852}, "media": {"url": "https://example.org/a.jpg"}},
        {"start_date": {"year": 1853}, "text": {"headline": ""}},
    ]
    eras = [{"start_date": {"year": 1850}, "end_date": {"year": 1853}, "text": {"text": "Sail."}}]
    events, report = _import_slides(tmp_path, {"events": slides, "eras": eras}, capsys)
    titles = {path.stem: _front(path)["title"] for path in events.iterdir()}
    assert titles == {
        "the-pier": "The pier",
        "ships-come-in": "Ships come in.",
        "untitled-slide-3": "Untitled slide 3",
        "untitled-slide-4": "Untitled slide 4",
    }
    for line in (
        "- slide 1, “The pier”: no headline: the title is made from the media's caption",
        "- slide 2, “Ships come in.”: no headline: the title is made from its text",
        "- slide 3, “Untitled slide 3”: no headline, no caption and no text to make a title of",
        "- era 1, “Sail.”: no headline: the name is made from its text",
    ):
        assert line in report


def test_a_leap_second_is_imported_at_the_second_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leap = {"year": 2016, "month": 12, "day": 31, "hour": 23, "minute": 59, "second": 60}
    slide = {"start_date": leap, "text": {"headline": "A leap second"}}
    events, report = _import_slides(tmp_path, {"events": [slide]}, capsys)
    assert _front(events / "a-leap-second.md")["date"] == "2016-12-31T23:59:59"
    assert (
        "- slide 1, “A leap second”: a leap second (second 60): written as second 59, since our "
        "times have none" in report
    )


def test_markup_in_a_headline_is_kept_as_text_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headline = "The <i>Beagle</i><br>sails"
    slide = {"start_date": {"year": 1831}, "text": {"headline": headline}}
    events, report = _import_slides(tmp_path, {"events": [slide]}, capsys)
    assert _front(events / "the-beagle-sails.md")["title"] == "The Beagle sails"
    assert (
        "- slide 1, “The Beagle sails”: the headline's markup (<br>, <i>): a title is text, "
        "kept without it" in report
    )


@pytest.mark.parametrize(
    ("text", "summary", "body"),
    [
        (  # a long paragraph: its first sentence is the summary, the rest the body
            "<p>The <b>Beagle</b> sails. " + "It sails on and on. " * 15 + "</p>",
            "The Beagle sails.",
            "It sails on and on. It sails",
        ),
        (  # a short paragraph of two sentences, in no paragraph
            "It sails. It comes back.",
            "It sails. It comes back.",
            "",
        ),
        (  # a first sentence with a link: no summary, the body keeps the link
            '<p>It sails to <a href="https://example.org/g">Galápagos</a>. Then home.</p>',
            None,
            "It sails to [Galápagos](https://example.org/g). Then home.",
        ),
    ],
)
def test_a_slide_s_first_sentence_is_kept_once(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    summary: str | None,
    body: str,
) -> None:
    slide = {"start_date": {"year": 1831}, "text": {"headline": "Beagle", "text": text}}
    events, _ = _import_slides(tmp_path, {"events": [slide]}, capsys)
    assert _front(events / "beagle.md").get("summary") == summary
    assert _body(events / "beagle.md").startswith(body)
    first = re.split(r"(?<=\.) ", summary or body)[0]
    assert (events / "beagle.md").read_text(encoding="utf-8").count(first) == 1


@pytest.mark.parametrize(
    "table",
    [
        "<table><tr><td>Year</td><td>Ships</td></tr><tr><td>1850</td><td>12</td></tr></table>",
        "<table><caption>Ships</caption><colgroup><col><col></colgroup>"
        "<tr><td>Year</td><td>Ships</td></tr><tr><td>1850</td><td>12</td></tr></table>",
    ],
)
def test_a_table_without_a_header_row_takes_its_first_row_as_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str
) -> None:
    slide = {"start_date": {"year": 1850}, "text": {"headline": "Trade", "text": table}}
    events, _ = _import_slides(tmp_path, {"events": [slide]}, capsys)
    assert "| Year | Ships |\n| --- | --- |\n| 1850 | 12 |\n" in _body(events / "trade.md")
    html = (tmp_path / "out" / "site" / "events" / "trade" / "index.html").read_text("utf-8")
    assert "<th>Year</th>" in html and "<th></th>" not in html


def test_an_empty_end_date_and_media_given_as_an_address_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slide = {
        "start_date": {"year": 1850},
        "end_date": {"year": "", "month": "", "day": ""},
        "text": {"headline": "Trade"},
        "media": "https://www.youtube.com/watch?v=abc123",
    }
    events, _ = _import_slides(tmp_path, {"events": [slide]}, capsys)
    front = _front(events / "trade.md")
    assert front["date"] == "1850"
    assert front["media"] == [
        {
            "url": "https://www.youtube.com/watch?v=abc123",
            "title": "www.youtube.com",
            "kind": "video",
        }
    ]


def _import_markwhen(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, list[str]]:
    """Import markwhen text, check and build it; its events folder and report lines."""
    source = tmp_path / "real.mw"
    source.write_text(text, encoding="utf-8")
    _imports_and_builds(source, tmp_path / "out", capsys)
    report = (tmp_path / "out" / "IMPORT-REPORT.md").read_text(encoding="utf-8").splitlines()
    return tmp_path / "out" / "content" / "events", report


def test_markwhen_lines_it_cannot_date_are_named_not_glued_to_the_event_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "2019: The survey\n  Its notes.\n"
        "now - 1 year: A year ago\n"
        "2020-13-01: No such month\n"
        "25/12/2020: Christmas\n"
        "2021: 100% Apollo 13\n"
        "  1. Step one: kept in the body\n"
    )
    events, report = _import_markwhen(tmp_path, text, capsys)
    assert sorted(path.stem for path in events.iterdir()) == ["apollo-13", "the-survey"]
    assert _body(events / "the-survey.md") == "Its notes.\n"
    assert _front(events / "apollo-13.md")["title"] == "Apollo 13"
    assert _body(events / "apollo-13.md") == "1. Step one: kept in the body\n"
    for line in (
        "- line 3: the event “A year ago”, not imported: `now - 1 year` is counted from `now`, "
        "the day the file is read",
        "- line 4: the event “No such month”, not imported: `2020-13-01` is no date this import "
        "can read",
        "- line 5: the event “Christmas”, not imported: `25/12/2020` is a day-first date, and "
        "the header has no `dateFormat: d/M/y`",
        "- line 6: the progress 100%",
    ):
        assert line in report


def test_a_markwhen_file_with_day_first_dates_and_events_counted_from_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "title: Phases\ndateFormat: d/M/y\n\n"
        "01/01/2023 - 2 weeks: Phase 1 #plan !one\n"
        "25/12/2022: Christmas before\n"
        "after !one 2 weeks: Phase 2\n"
        "1 week - 3 days: Kickoff\n"
        "02/2023: February\n"
    )
    events, report = _import_markwhen(tmp_path, text, capsys)
    dates = {path.stem: _front(path)["date"] for path in events.iterdir()}
    assert dates == {
        "one": "2023-01-01/2023-01-14",  # its id, `!one`
        "christmas-before": "2022-12-25",
        "phase-2": "2023-01-15/2023-01-28",  # after `!one`, not after Christmas
        "kickoff": "2023-02-05/2023-02-07",  # a week's gap after Phase 2, then three days
        "february": "2023-02",
    }
    assert _front(events / "one.md")["title"] == "Phase 1"
    assert not any("dateFormat" in line for line in report)


def test_markwhen_locations_and_addresses_without_https_keep_the_project_checking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "09/2018: Road trip [Seattle](www.example.org/seattle)\n"
        "[Devil's Tower](location) and [Seattle](map), see [the log](www.example.org/log)\n"
    )
    events, report = _import_markwhen(tmp_path, text, capsys)
    assert _front(events / "road-trip-seattle.md")["title"] == "Road trip Seattle"
    assert _body(events / "road-trip-seattle.md") == (
        "Devil's Tower and Seattle, see [the log](https://www.example.org/log)\n"
    )
    for line in (
        "- line 1: the title's link to www.example.org/seattle: a title is text",
        "- line 2: the location “Devil's Tower”: no coordinates to make a place of, kept as text",
        "- line 2: the link to `www.example.org/log`, written as https://www.example.org/log",
    ):
        assert line in report


def test_a_location_without_coordinates_is_no_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slide = {
        "start_date": {"year": 1850},
        "text": {"headline": "Trade"},
        "location": {"lat": "", "lon": "", "name": "The quay"},
    }
    events, report = _import_slides(tmp_path, {"events": [slide]}, capsys)
    assert "places" not in _front(events / "trade.md")
    assert (
        "- slide 1, “Trade”: the location “The quay”: no coordinates to make a place of" in report
    )
