"""JSON-LD and Open Graph metadata of event pages."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from generator.model import urls
from generator.model.dates import parse_date
from generator.model.graph import Graph, link
from generator.render import structured

# ISO 8601 at the date's precision, a time with its offset (schema.org's Date or DateTime).
ISO = re.compile(
    r"[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2}))?)?)?"
)


def jsonld(graph: Graph, event_id: str) -> Any:
    return json.loads(structured.event_jsonld(graph, graph.events[event_id]))


class Scripts(HTMLParser):
    """The text of every <script> element, as a browser's tokenizer splits them."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "script"
        if self.inside:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.scripts[-1] += data


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_event_has_parseable_schema_org_event_data(
    which: str, request: pytest.FixtureRequest
) -> None:
    graph: Graph = request.getfixturevalue(which)
    base = graph.timeline.site.base_url
    for event in graph.timeline.events:
        text = structured.event_jsonld(graph, event)
        assert "</script" not in text.lower()
        data = json.loads(text)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Event"
        assert data["name"] == event.title
        assert data["url"] == urls.absolute(base, urls.event(event.id))
        assert data["description"]
        for key in ("startDate", "endDate"):
            if key in data:
                assert ISO.fullmatch(data[key]), data[key]
        for agent in data.get("attendee", []):
            assert agent["@type"] in ("Person", "Organization")
            assert agent["url"].startswith(base)
        citations = data["subjectOf"].get("citation", [])
        assert len(citations) == len({c.source for c in event.citations})
        for work in citations:
            assert work["@type"] == "CreativeWork" and work["name"]


def test_dates_at_their_precision_leaving_out_bce_and_open_ends(fixture: Graph) -> None:
    def dates(event_id: str) -> tuple[str | None, str | None]:
        data = jsonld(fixture, event_id)
        return data.get("startDate"), data.get("endDate")

    assert dates("ides-of-march") == (None, None)  # 44 BC
    assert dates("augustus-reign") == (None, "0014")  # -0026/0014
    assert dates("later-claims") == ("0100", None)  # 0100~/..
    graph = link(
        dataclasses.replace(
            fixture.timeline,
            events=tuple(
                dataclasses.replace(e, date=parse_date("2016-09-24/2016-10~"))
                if e.id == "later-claims"
                else e
                for e in fixture.timeline.events
            ),
        )
    )
    data = jsonld(graph, "later-claims")
    assert (data["startDate"], data["endDate"]) == ("2016-09-24", "2016-10")


def test_actors_sources_and_places(fixture: Graph) -> None:
    data = jsonld(fixture, "ides-of-march")
    assert [(a["@type"], a["name"]) for a in data["attendee"]] == [
        ("Person", "Gaius Julius Caesar"),
        ("Organization", "Roman Senate"),
    ]
    base = "https://example.org/ancient/places"
    assert data["location"] == [
        {
            "@type": "Place",
            "name": "Rome",
            "url": f"{base}/rome/",
            "geo": {"@type": "GeoCoordinates", "latitude": 41.89193, "longitude": 12.51133},
            "address": {"@type": "PostalAddress", "addressCountry": "IT"},
        },
        {
            "@type": "Place",
            "name": "Theatre of Pompey",
            "url": f"{base}/theatre-of-pompey/",
            "address": {"@type": "PostalAddress", "addressCountry": "IT"},
        },
    ]
    page = data["subjectOf"]
    assert page["@type"] == "WebPage" and page["url"] == data["url"]
    assert page["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "A fixture chronicle",
            "author": {"@type": "Person", "name": "Nobody"},
            "publisher": {"@type": "Organization", "name": "Test fixtures"},
            "datePublished": "2020",
        }
    ]


def test_denied_and_disputed_claims_say_so(fixture: Graph, real: Graph) -> None:
    for graph in (fixture, real):
        for event in graph.timeline.events:
            data = json.loads(structured.event_jsonld(graph, event))
            if event.status in ("denied", "disputed"):
                label = event.status.capitalize()
                assert data["description"].startswith(f"{label} claim: ")
                assert data["review"]["@type"] == "ClaimReview"
                assert data["review"]["reviewRating"]["alternateName"] == label
                assert data["review"]["claimReviewed"] == event.title
            else:
                assert "review" not in data
                assert not data["description"].startswith(("Denied", "Disputed"))
    assert {e.status for e in fixture.timeline.events} >= {"denied", "disputed"}


def test_a_hostile_title_cannot_end_the_script_element(fixture: Graph) -> None:
    hostile = '</script><script>alert("x")</script><!-- & </SCRIPT >'
    event = dataclasses.replace(fixture.events["rubicon"], title=hostile, summary=hostile)
    text = structured.event_jsonld(fixture, event)
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text)["name"] == hostile
    page = f'<html><head><script type="application/ld+json">{text}</script></head></html>'
    parser = Scripts()
    parser.feed(page)
    assert parser.scripts == [text]


def test_open_graph_and_twitter_tags(fixture: Graph) -> None:
    event = fixture.events["later-claims"]
    meta = structured.event_meta(fixture, event)
    assert [(attribute, key) for attribute, key, _ in meta] == [
        ("property", "og:type"),
        ("property", "og:title"),
        ("property", "og:description"),
        ("property", "og:url"),
        ("property", "og:site_name"),
        ("name", "twitter:card"),
        ("name", "twitter:title"),
        ("name", "twitter:description"),
    ]
    values = {key: value for _, key, value in meta}
    assert values["og:type"] == "article"
    assert values["twitter:card"] == "summary"
    assert values["og:url"] == "https://example.org/ancient/events/later-claims/"
    assert values["og:title"] == values["twitter:title"] == "Later writers deny the plot"
    assert values["og:description"] == "Denied claim: Later writers deny the plot"
    assert values["og:site_name"] == fixture.timeline.site.title
