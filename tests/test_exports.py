"""timeline.json against its JSON Schema, the TimelineJS3 document, the sitemap and robots.txt."""

from __future__ import annotations

import copy
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.model import urls
from generator.model.graph import Graph
from generator.model.timeline import STATUSES
from generator.outputs import driver, timelinejs
from tests.helpers import FIXTURE, REPO, build_into, graph_of, search_records

SCHEMA = json.loads((REPO / "schema" / "timeline.schema.json").read_text(encoding="utf-8"))
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def validate(document: Any) -> None:
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)


def exported(graph: Graph, path: str) -> Any:
    return json.loads(driver.output_pages(graph, [])[path])


# timeline.json


def test_the_schema_is_valid_draft_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_timeline_json_validates_and_holds_everything(
    which: str, request: pytest.FixtureRequest
) -> None:
    graph: Graph = request.getfixturevalue(which)
    document = exported(graph, urls.TIMELINE_JSON)
    validate(document)
    timeline = graph.timeline
    assert (document["format"], document["version"]) == ("timeline-export", 2)
    assert [e["id"] for e in document["events"]] == [e.id for e in timeline.events]
    assert [a["id"] for a in document["actors"]] == list(timeline.actors)
    assert [s["id"] for s in document["sources"]] == list(timeline.sources)
    assert [e["name"] for e in document["eras"]] == [era.name for era in timeline.site.eras]
    stated = sum(1 for links in graph.relations.values() for rel in links if rel.stated_here)
    assert len(document["relations"]) == stated
    for event in document["events"]:
        assert event["page"].startswith(timeline.site.base_url)


def test_dates_carry_edtf_and_their_first_and_last_days(fixture: Graph) -> None:
    events = {e["id"]: e for e in exported(fixture, urls.TIMELINE_JSON)["events"]}
    assert events["ides-of-march"]["date"] == {
        "edtf": "-0043-03-15",
        "display": "15 Mar 44 BC",
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "earliest": "-0043-03-15",
        "latest": "-0043-03-15",
    }
    assert events["rubicon"]["date"]["earliest"] == "-0048-01-01"
    assert events["rubicon"]["date"]["latest"] == "-0048-01-31"
    assert events["senate-plot"]["date"]["latest"] == "-0044-12-31"
    later = events["later-claims"]["date"]
    assert (later["edtf"], later["earliest"], later["latest"]) == ("0100~/..", "0100-01-01", None)
    assert later["approximate"] is True
    assert events["later-claims"]["citations"] == [{"source": "chronicle", "quote": None}]


def test_relations_read_from_to_as_stated(fixture: Graph) -> None:
    relations = exported(fixture, urls.TIMELINE_JSON)["relations"]
    assert {"from": "later-claims", "relation": "denies", "to": "senate-plot"} in relations
    assert {"from": "senate-plot", "relation": "causes", "to": "ides-of-march"} in relations


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("version",), 1),
        (("events", 0, "date", "earliest"), "43-03-15"),
        (("events", 0, "date", "latest"), "2019-13-01"),
        (("events", 0, "status"), "rumoured"),
        (("events", 0, "page"), "events/x/"),
        (("relations", 0, "relation"), "likes"),
        (("actors", 0, "surprise"), True),
    ],
)
def test_the_schema_rejects_documents_that_break_the_format(
    fixture: Graph, where: tuple[str | int, ...], value: object
) -> None:
    document = copy.deepcopy(exported(fixture, urls.TIMELINE_JSON))
    target = document
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


# timelinejs.json


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_timelinejs_document_follows_the_format(which: str, request: pytest.FixtureRequest) -> None:
    graph: Graph = request.getfixturevalue(which)
    document = exported(graph, urls.TIMELINEJS_JSON)
    base = graph.timeline.site.base_url
    assert set(document) <= {"title", "events", "eras", "scale"}
    assert document["scale"] == "human"
    assert graph.timeline.site.title in document["title"]["text"]["headline"]
    events = document["events"]
    assert [slide["unique_id"] for slide in events] == [e.id for e in graph.timeline.events]
    assert document["title"]["unique_id"] not in {slide["unique_id"] for slide in events}
    labels = {label for label, _ in STATUSES.values()}
    for slide, event in zip(events, graph.timeline.events, strict=True):
        for key in ("start_date", "end_date"):
            if key in slide:
                parts = slide[key]
                assert list(parts) in (
                    ["year"],
                    ["year", "month"],
                    ["year", "month", "day"],
                    ["year", "month", "day", "hour", "minute"],
                    ["year", "month", "day", "hour", "minute", "second"],
                )
                assert all(type(value) is int for value in parts.values())
        assert slide["display_date"] == event.date.display()
        assert slide["group"] in labels
        assert slide["text"]["headline"].startswith(f'<a href="{base}')
        assert slide["text"]["text"]
    for era in document.get("eras", []):
        assert set(era["start_date"]) == set(era["end_date"]) == {"year", "month", "day"}
        assert era["text"]["headline"]


def test_timelinejs_dates_keep_precision_and_number_bce_years_historically(
    fixture: Graph,
) -> None:
    document = exported(fixture, urls.TIMELINEJS_JSON)
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert slides["ides-of-march"]["start_date"] == {"year": -44, "month": 3, "day": 15}
    assert "end_date" not in slides["ides-of-march"]
    assert slides["rubicon"]["start_date"] == {"year": -49, "month": 1}
    assert slides["senate-plot"]["start_date"] == {"year": -45}
    assert slides["senate-plot"]["display_date"] == "c. 45 BC?"
    reign = slides["augustus-reign"]
    assert (reign["start_date"], reign["end_date"]) == ({"year": -27}, {"year": 14})
    assert slides["later-claims"]["start_date"] == {"year": 100}  # 0100~/..: its known start
    assert "end_date" not in slides["later-claims"]
    assert slides["later-claims"]["display_date"] == "since c. 100"
    assert slides["later-claims"]["group"] == "Denied"
    plot = slides["senate-plot"]["text"]["text"]
    assert 'href="https://example.org/ancient/events/ides-of-march/"' in plot


def test_timelinejs_eras_clamp_open_ends_to_the_events(fixture: Graph) -> None:
    eras = exported(fixture, urls.TIMELINEJS_JSON)["eras"]
    assert eras == [
        {
            "start_date": {"year": -49, "month": 1, "day": 1},  # -0048-01/-0044
            "end_date": {"year": -45, "month": 12, "day": 31},
            "text": {"headline": "Civil war", "text": "From the Rubicon to the Ides of March."},
        },
        {
            "start_date": {"year": -27, "month": 1, "day": 1},  # -0026/..
            "end_date": {"year": 2019, "month": 3, "day": 15},  # the last day any event can mean
            "text": {"headline": "Principate", "text": ""},
        },
    ]


def test_timelinejs_year_numbering() -> None:
    assert [timelinejs.tljs_year(y) for y in (2019, 1, 0, -1, -43)] == [2019, 1, -1, -2, -44]


# sitemap.xml and robots.txt


def test_sitemap_lists_every_built_html_page_but_the_404_and_the_embeds(tmp_path: Path) -> None:
    root = tmp_path / "project"
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, root / part)
    site = tmp_path / "site"
    pages = build_into(root, site)
    html_pages = [path for path in pages if path.endswith(".html")]
    result = driver.output_pages(graph_of(root), html_pages)
    tree = ET.fromstring(result[urls.SITEMAP])
    assert tree.tag == SITEMAP_NS + "urlset"
    locs = [loc.text or "" for loc in tree.iter(SITEMAP_NS + "loc")]
    base = "https://example.org/ancient/"
    embeds = [path for path in html_pages if path.endswith("embed/index.html")]
    assert embeds  # every list page has one, and they are noindex copies for other sites' frames
    assert len(locs) == len(set(locs)) == len(html_pages) - 1 - len(embeds)
    assert base in locs
    for loc in locs:
        assert loc.startswith(base)
        path = loc[len(base) :]
        if path == "" or path.endswith("/"):
            path += "index.html"
        assert (site / path).is_file(), loc
    assert base + "404.html" not in locs


def test_robots_names_the_sitemap(fixture: Graph) -> None:
    robots = driver.output_pages(fixture, [])[urls.ROBOTS].decode()
    assert "User-agent: *\n" in robots
    assert "Sitemap: https://example.org/ancient/sitemap.xml\n" in robots.splitlines(keepends=True)


def test_export_pages_returns_every_output_deterministically(fixture: Graph) -> None:
    result = driver.output_pages(fixture, ["index.html", "404.html"])
    for path in (urls.FEED, urls.ICS, urls.TIMELINE_JSON, urls.TIMELINEJS_JSON, urls.SITEMAP):
        assert path in result
    assert {urls.ROBOTS, urls.actor_feed("caesar"), urls.tag_feed("conspiracy")} <= set(result)
    assert list(result) == sorted(result)
    assert result == driver.output_pages(graph_of(FIXTURE), ["404.html", "index.html"])


def test_order_sorts_events_of_the_same_date_and_is_exported(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    events = root / "content" / "events"
    # By id, `a-later` would come first; `order` puts it after `b-sooner`, both on one day.
    for name, order in (("a-later", 2), ("b-sooner", 1), ("c-unordered", None)):
        line = "" if order is None else f"order: {order}\n"
        (events / f"{name}.md").write_text(
            f"---\ntitle: {name}\ndate: -0043-03-16\n{line}---\nText.\n", encoding="utf-8"
        )
    graph = graph_of(root)
    same_day = [e.id for e in graph.timeline.events if e.date.edtf() == "-0043-03-16"]
    assert same_day == ["c-unordered", "b-sooner", "a-later"]  # no order counts as 0
    document = exported(graph, urls.TIMELINE_JSON)
    validate(document)
    orders = {e["id"]: e.get("order") for e in document["events"]}
    assert (orders["a-later"], orders["b-sooner"], orders["c-unordered"]) == (2, 1, None)
    index = build_into(root, tmp_path / "site")["index.html"].decode()
    assert index.index('id="e-c-unordered"') < index.index('id="e-b-sooner"')
    assert index.index('id="e-b-sooner"') < index.index('id="e-a-later"')


def test_a_date_label_is_shown_for_the_date_which_still_sorts(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "content" / "events" / "the-night.md").write_text(
        "---\ntitle: The night before\ndate: -0043-03-14\ndate_label: The night of 14 March\n"
        "---\nText.\n",
        encoding="utf-8",
    )
    graph = graph_of(root)
    ids = [e.id for e in graph.timeline.events]
    assert ids.index("the-night") == ids.index("ides-of-march") - 1  # sorted by its date
    pages = build_into(root, tmp_path / "site")
    page = pages["events/the-night/index.html"].decode()
    assert '<span class="date">The night of 14 March</span>' in page
    assert "<dd>The night of 14 March (14 March 44 BC)</dd>" in page
    assert '<span class="date">The night of 14 March</span>' in pages["index.html"].decode()
    assert "(The night of 14 March)</title>" in pages["index.html"].decode()  # the overview mark
    record = {e["id"]: e for e in json.loads(pages[urls.TIMELINE_JSON])["events"]}["the-night"]
    assert record["date_label"] == "The night of 14 March"
    assert record["date"]["display"] == "14 Mar 44 BC"
    validate(json.loads(pages[urls.TIMELINE_JSON]))
    slides = json.loads(pages[urls.TIMELINEJS_JSON])["events"]
    slide = next(s for s in slides if s["unique_id"] == "the-night")
    assert slide["display_date"] == "The night of 14 March"
    assert slide["start_date"] == {"year": -44, "month": 3, "day": 14}
    records = search_records(pages)
    assert records["events/the-night/"]["meta"]["date"] == "The night of 14 March"
    assert "The night of 14 March" in records["events/the-night/"]["content"]
