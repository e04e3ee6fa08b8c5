"""The link graph of the fixture timeline."""

from __future__ import annotations

import pytest

from generator.build import check
from generator.model.graph import Graph, link
from generator.project import Project
from tests.helpers import FIXTURE, TEMPLATES


@pytest.fixture(scope="module")
def graph() -> Graph:
    return link(check(Project.at(FIXTURE, templates=TEMPLATES)))


def test_events_are_in_time_order_with_bce_dates(graph: Graph) -> None:
    order = [event.id for event in graph.timeline.events]
    assert order == [
        "ice-on-the-alps",  # Y-20000: deep time sorts before every four-digit year
        "rubicon",
        "senate-plot",
        "ides-of-march",
        "augustus-reign",
        "later-claims",
        "wreath-laid",
    ]
    assert graph.previous(graph.events["ice-on-the-alps"]) is None
    assert graph.next(graph.events["rubicon"]) == graph.events["senate-plot"]
    assert graph.next(graph.events["wreath-laid"]) is None


def phrases(graph: Graph, event_id: str) -> list[tuple[str, str]]:
    return [(r.phrase, r.other.id) for r in graph.relations.get(event_id, ())]


def test_relations_read_in_both_directions(graph: Graph) -> None:
    assert phrases(graph, "senate-plot") == [
        ("Causes", "ides-of-march"),
        ("Denied by", "later-claims"),
    ]
    assert phrases(graph, "ides-of-march") == [
        ("Related to", "rubicon"),
        ("Caused by", "senate-plot"),
        ("Followed by", "augustus-reign"),
        ("Followed by", "wreath-laid"),
    ]
    assert phrases(graph, "rubicon") == [("Related to", "ides-of-march")]
    assert phrases(graph, "later-claims") == [("Denies", "senate-plot")]


def test_backlinks_come_from_event_and_actor_bodies(graph: Graph) -> None:
    assert [(b.kind, b.id) for b in graph.backlinks["ides-of-march"]] == [
        ("actor", "caesar"),
        ("event", "senate-plot"),
    ]
    assert [(b.kind, b.id) for b in graph.backlinks["augustus"]] == [("event", "ides-of-march")]


def test_groupings(graph: Graph) -> None:
    assert [e.id for e in graph.by_actor["caesar"]] == ["rubicon", "senate-plot", "ides-of-march"]
    assert [e.id for e in graph.by_actor["augustus"]] == ["augustus-reign"]
    assert list(graph.by_tag) == ["civil-war", "conspiracy", "deep-time", "memory", "principate"]
    assert list(graph.by_year) == [-20000, -48, -44, -43, -26, 100, 2019]
    assert [e.id for e in graph.by_status["denied"]] == ["later-claims"]
    assert graph.by_status["planned"] == ()
    assert len(graph.by_source["chronicle"]) == 7


def test_quotes_are_ordered_by_their_place_in_the_source(graph: Graph) -> None:
    anchors = [quote.anchor for quote in graph.quotes["chronicle"]]
    assert anchors == [
        "q-rubicon-1",
        "q-ides-of-march-1",
        "q-ides-of-march-2",
        "q-augustus-reign-1",
        "q-senate-plot-1",
        "q-ice-on-the-alps-1",
        "q-wreath-laid-1",
    ]
