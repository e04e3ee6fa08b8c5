"""The visual overview: ticks, scale, layout (order, no overlaps, inside the axis) and the SVG."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import cache

import pytest

from generator.build import check
from generator.model.dates import parse_date
from generator.model.days import day_number
from generator.model.graph import Graph, link
from generator.model.timeline import Actor, Era, Event
from generator.project import Project
from generator.render.overview.draw import overview_svg
from generator.render.overview.lanes import OTHER, Lanes, at_a_glance, status_lanes
from generator.render.overview.layout import Layout, Mark, layout
from generator.render.overview.placement import MAX_ROWS, MAX_STACK
from generator.render.overview.scale import ticks
from generator.render.overview.text import shorten, text_width
from tests.helpers import FIXTURE, REPO, TEMPLATES

HOSTILE = "</svg><script>alert(1)</script> & \"quotes\" 'too'"


@cache
def real() -> Graph:
    return link(check(Project.at(REPO, templates=TEMPLATES)))


@cache
def ancient() -> Graph:
    return link(check(Project.at(FIXTURE, templates=TEMPLATES)))


def roman(graph: Graph) -> tuple[Event, ...]:
    """The fixture's events of Caesar's century, without its deep-time and modern ones, whose
    axis would shrink the BCE years to a sliver."""
    return tuple(e for e in graph.timeline.events if -100 < e.date.anchor_year() < 200)


def event(
    id: str,
    date: str,
    status: str | None = "reported",
    actors: tuple[str, ...] = (),
    title: str = "",
) -> Event:
    return Event(
        id=id,
        title=title or f"Event {id}",
        summary="",
        date=parse_date(date),
        status=status,
        actors=actors,
        places=(),
        tags=(),
        citations=(),
        related=(),
        body="",
        path=f"content/events/{id}.md",
    )


def in_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.sort_key)


def crowded() -> list[Event]:
    """200 events in March 2020, all in one lane, with every status and qualifier."""
    statuses = ("confirmed", "reported", "planned", "disputed", "denied")
    return in_order(
        [
            event(
                f"e{n:03d}",
                f"2020-03-{1 + n * 31 // 200:02d}{('', '~', '?')[n % 3]}",
                statuses[n % 5],
                ("russia",),
                f"Crowded event number {n} with a long title that needs cutting",
            )
            for n in range(200)
        ]
    )


def day(text: str) -> int:
    year, month, dom = (int(part) for part in text.split("-"))
    return day_number(year, month, dom)


# ---- Ticks -------------------------------------------------------------------------------------


def labels(start: str, end: str) -> list[str]:
    return [label for _, label in ticks(day(start), day(end))]


def test_ticks_for_three_months_are_months() -> None:
    assert labels("2019-01-01", "2019-04-01") == ["Jan 2019", "Feb", "Mar", "Apr"]
    assert ticks(day("2019-01-01"), day("2019-04-01"))[1][0] == day("2019-02-01")


def test_ticks_for_two_years_are_quarters() -> None:
    assert labels("2018-01-01", "2020-01-01") == [
        *("Jan 2018", "Apr", "Jul", "Oct"),
        *("Jan 2019", "Apr", "Jul", "Oct"),
        "Jan 2020",
    ]


def test_ticks_for_thirty_years_step_by_five() -> None:
    assert labels("1990-01-01", "2020-01-01") == [
        "1990",
        "1995",
        "2000",
        "2005",
        "2010",
        "2015",
        "2020",
    ]


def test_ticks_for_two_thousand_years_across_1_bc_and_ad_1() -> None:
    found = ticks(day_number(-999, 1, 1), day_number(1001, 1, 1))
    assert [label for _, label in found] == ["1000 BC", "500 BC", "AD 1", "AD 500", "AD 1000"]
    assert [d for d, _ in found] == [day_number(year, 1, 1) for year in (-999, -499, 1, 500, 1000)]


def test_ticks_for_a_short_span_are_days() -> None:
    assert labels("2020-03-01", "2020-03-31") == ["1 Mar 2020", "6", "11", "16", "21", "26"]


def test_ticks_of_a_year_start_with_the_year() -> None:
    assert labels("2019-03-05", "2020-01-01")[0] == "Apr 2019"


@pytest.mark.parametrize(
    "days",
    [20, 45, 61, 100, 400, 729, 731, 1100, 3000, 10_000, 40_000, 400_000, 3_000_000],
)
@pytest.mark.parametrize("start", ["2019-06-17", "-0450-01-01", "0001-01-01", "-2000-12-31"])
def test_ticks_are_few_sorted_and_inside_the_range(days: int, start: str) -> None:
    year = start.startswith("-")
    first = day_number(-int(start[1:5]), 1, 1) if year else day(start)
    found = ticks(first, first + days)
    assert 2 <= len(found) <= 10, found
    points = [d for d, _ in found]
    assert points == sorted(set(points))
    assert all(first <= d <= first + days for d in points)
    assert all(label for _, label in found)


# ---- Text ---------------------------------------------------------------------------------------


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    title = "Pakistan decides to buy the Russian Pantsir air defence system"
    short = shorten(title, 150)
    assert short.endswith("…") and title.startswith(short[:-1])
    assert text_width(short, 12.5) <= 150 < text_width(title, 12.5)
    assert shorten("Short", 150) == "Short"


# ---- Layout checks ----------------------------------------------------------------------------


def label_box(mark: Mark) -> tuple[float, float, float, float]:
    return mark.label_x, mark.y - 7, mark.label_x + mark.label_width, mark.y + 7


def mark_box(mark: Mark) -> tuple[float, float, float, float]:
    return mark.x0, mark.y - 6, mark.x1, mark.y + 6


def meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overlaps(view: Layout) -> list[str]:
    """Every label that meets another label, or another event's mark."""
    found = []
    labelled = [m for m in view.marks if m.label]
    for i, a in enumerate(labelled):
        for b in labelled[i + 1 :]:
            if meet(label_box(a), label_box(b)):
                found.append(f"label {a.event.id} meets label {b.event.id}")
        for b in view.marks:
            if b is not a and meet(label_box(a), mark_box(b)):
                found.append(f"label {a.event.id} meets mark {b.event.id} (lane {b.lane})")
    return found


def outside(view: Layout) -> list[str]:
    """Every mark or label that is not inside the axis."""
    s = view.scale
    return [
        mark.event.id
        for mark in view.marks
        if not (s.left <= mark.x0 <= mark.x1 <= s.right)
        or not (s.left <= mark.body[0] <= mark.body[1] <= s.right)
        or (mark.label and not s.left <= mark.label_x <= mark.label_x + mark.label_width <= s.right)
    ]


def out_of_order(view: Layout, events: Sequence[Event]) -> list[str]:
    position = {e.id: i for i, e in enumerate(events)}
    keys = [(position[m.event.id], m.lane) for m in view.marks]
    return [f"{a} before {b}" for a, b in itertools.pairwise(keys) if a >= b]


def real_groups() -> list[tuple[str, Sequence[Event], Lanes]]:
    graph = real()
    groups: list[tuple[str, Sequence[Event], Lanes]] = [("index", graph.timeline.events, "actor")]
    groups += [(f"actor {k}", v, "status") for k, v in graph.by_actor.items() if v]
    groups += [(f"tag {k}", v, "status") for k, v in graph.by_tag.items()]
    groups += [(f"year {k}", v, "status") for k, v in graph.by_year.items()]
    return groups


def test_real_content_has_no_overlaps_and_stays_inside_the_axis_in_time_order() -> None:
    graph = real()
    checked = 0
    for name, events, lanes in real_groups():
        view = layout(
            events, lanes=lanes, actors=graph.timeline.actors, eras=graph.timeline.site.eras
        )
        assert overlaps(view) == [], name
        assert outside(view) == [], name
        assert out_of_order(view, events) == [], name
        checked += len(view.marks)
    assert checked > 100


def test_real_index_has_a_lane_per_actor_and_a_label_on_every_mark() -> None:
    graph = real()
    timeline = graph.timeline
    view = layout(timeline.events, lanes="actor", actors=timeline.actors, eras=timeline.site.eras)
    involved = {a for e in timeline.events for a in e.actors}
    assert sorted(lane.name for lane in view.lanes) == sorted(
        timeline.actors[a].name for a in involved
    )
    assert len(view.marks) == sum(len(set(e.actors)) for e in timeline.events)
    assert all(mark.label for mark in view.marks)
    # One keyboard stop per event: its first lane.
    assert sorted(m.event.id for m in view.marks if m.primary) == sorted(
        e.id for e in timeline.events
    )
    assert view.eras and view.eras[0].label == "After the Balakot air strike"


def test_bce_fixture_lays_out_inside_the_axis() -> None:
    graph = ancient()
    timeline = graph.timeline
    for lanes in ("actor", "status"):
        events = roman(graph)
        view = layout(events, lanes=lanes, actors=timeline.actors, eras=timeline.site.eras)
        assert overlaps(view) == [] and outside(view) == []
        assert out_of_order(view, events) == []
        assert any(label.endswith("BC") for _, label in view.ticks)
        assert [band.era.name for band in view.eras] == ["Civil war", "Principate"]


def test_eras_fade_over_uncertain_ends_and_run_solid_to_an_open_end() -> None:
    graph = ancient()
    view = layout(roman(graph), lanes="status", actors={}, eras=graph.timeline.site.eras)
    s, x = view.scale, view.scale.x
    civil, principate = view.eras
    # -0048-01/-0044: fades in over January 49 BC and out over 45 BC.
    assert civil.x0 == pytest.approx(x(day_number(-48, 1, 1)), abs=0.05)
    assert civil.solid == pytest.approx(
        (x(day_number(-48, 2, 1)), x(day_number(-44, 1, 1))), abs=0.05
    )
    assert civil.x1 == pytest.approx(x(day_number(-43, 1, 1)), abs=0.05)
    # -0026/..: fades in over 27 BC, then solid to the axis edge.
    assert principate.solid == pytest.approx((x(day_number(-25, 1, 1)), s.right), abs=0.05)
    assert principate.x1 == s.right
    assert civil.label == "Civil war" and principate.label == "Principate"
    assert civil.label_x + text_width("Civil war", 11.5, bold=True) < principate.label_x


def test_labels_are_cut_titles_that_fit() -> None:
    timeline = real().timeline
    view = layout(timeline.events, lanes="actor", actors=timeline.actors)
    for mark in view.marks:
        title = mark.event.title
        assert mark.label == title or (
            mark.label.endswith("…") and title.startswith(mark.label[:-1].rstrip())
        )
        assert mark.label_width <= 230
        assert mark.label_width >= text_width(mark.label, 12.5) - 0.05


def test_an_approximate_day_is_a_point_with_whiskers() -> None:
    view = layout([event("a", "2019-02-26~")], lanes="status", actors={})
    (mark,) = view.marks
    assert mark.kind == "point" and (mark.start, mark.end) == ("fuzzy", "fuzzy")
    assert mark.x0 == pytest.approx(mark.body[0] - 5 - 8, abs=0.1)
    assert mark.x1 == pytest.approx(mark.body[0] + 5 + 8, abs=0.1)
    svg = svg_root([event("a", "2019-02-26~")], "status")
    classes = [p.get("class") for p in svg.iter("path")]
    assert classes.count("overview-whisker") == 2


def test_crowded_lane_stacks_then_drops_labels_never_overlapping() -> None:
    events = crowded()
    view = layout(events, lanes="actor", actors=real().timeline.actors)
    assert [lane.name for lane in view.lanes] == ["Russia"]
    assert len(view.marks) == 200
    assert overlaps(view) == []
    assert outside(view) == []
    assert out_of_order(view, events) == []
    rows = view.lanes[0].rows
    assert MAX_ROWS < rows <= MAX_STACK
    assert all(not m.label for m in view.marks if m.row >= MAX_ROWS)
    assert sum(1 for m in view.marks if m.label) >= 30


def test_marks_at_one_moment_pile_up_past_the_stack_limit() -> None:
    events = in_order([event(f"p{n:02d}", "2020-03-10", actors=("a",)) for n in range(40)])
    view = layout(events, lanes="actor", actors={})
    assert view.lanes[0].rows == MAX_STACK
    assert overlaps(view) == []
    assert view.lanes[0].name == "a"  # an unknown actor id names its own lane


def by_id(view: Layout, event_id: str) -> Mark:
    (mark,) = [m for m in view.marks if m.event.id == event_id]
    return mark


def test_dates_become_points_spans_and_intervals() -> None:
    events = in_order(
        [
            event("day", "2019-02-26"),
            event("month", "2019-02"),
            event("year", "2018"),
            event("range", "2018-03-01/2018-06-30"),
            event("fuzzy", "2016~/2019?"),
        ]
    )
    view = layout(events, lanes="status", actors={})
    x = view.scale.x
    point = by_id(view, "day")
    assert point.kind == "point" and point.body[0] == pytest.approx(
        x(day("2019-02-26") + 0.5), abs=0.05
    )
    month = by_id(view, "month")
    assert month.kind == "span" and month.core is None
    assert month.body == pytest.approx((x(day("2019-02-01")), x(day("2019-03-01"))), abs=0.05)
    interval = by_id(view, "range")
    assert interval.kind == "interval" and interval.core == interval.body
    assert (interval.start, interval.end) == ("exact", "exact")
    fuzzy = by_id(view, "fuzzy")
    assert (fuzzy.start, fuzzy.end) == ("fuzzy", "fuzzy")
    # Surely inside: 2017 and 2018; 2016 and 2019 are only possible, so lighter.
    assert fuzzy.core == pytest.approx((x(day("2017-01-01")), x(day("2019-01-01"))), abs=0.05)
    assert fuzzy.x0 < fuzzy.body[0] and fuzzy.x1 > fuzzy.body[1]  # whiskers


def test_open_and_unknown_ends_reach_the_axis_edge_and_are_not_drawn_as_known() -> None:
    events = in_order(
        [
            event("since", "2017/.."),
            event("until", "../2018"),
            event("after", "2017-05/"),
            event("before", "/2018-03-10"),
            event("bounded", "2016/2019"),
        ]
    )
    view = layout(events, lanes="status", actors={})
    s, x = view.scale, view.scale.x
    since = by_id(view, "since")
    assert (since.start, since.end) == ("exact", "open")
    assert since.body[1] == s.right and since.core == pytest.approx(
        (x(day("2018-01-01")), s.right), abs=0.05
    )
    until = by_id(view, "until")
    assert (until.start, until.end) == ("open", "exact") and until.body[0] == s.left
    after = by_id(view, "after")
    assert (after.start, after.end) == ("exact", "unknown")
    assert after.body[1] == s.right and after.core is None
    assert after.known == pytest.approx((x(day("2017-05-01")), x(day("2017-06-01"))), abs=0.05)
    before = by_id(view, "before")
    assert (before.start, before.end) == ("unknown", "exact") and before.body[0] == s.left
    assert before.known[1] == pytest.approx(x(day("2018-03-11")), abs=1.5)  # a day, widened
    # The known span lies inside the padding the edges leave for run-outs.
    assert s.left < x(s.start) and x(s.end) < s.right

    svg = svg_root(events, "status")
    marks = {a.get("href"): a for a in svg.iter("a")}
    fading = marks["../e/after/"].find("linearGradient")
    assert fading is not None
    assert [stop.get("stop-opacity") for stop in fading.iter("stop")][-1] == "0"
    assert marks["../e/since/"].find("linearGradient") is None
    assert any(
        "overview-arrow" in (p.get("class") or "") for p in marks["../e/since/"].iter("path")
    )


def test_lanes_by_actor_repeat_shared_events_and_gather_the_rest_in_other() -> None:
    actors = {
        "a": Actor("a", "Zeta", "country", (), "", "a.md"),
        "b": Actor("b", "Alpha", "country", (), "", "b.md"),
    }
    events = in_order(
        [
            event("both", "2019-01-05", actors=("a", "b")),
            event("only-a", "2019-02-05", actors=("a",)),
            event("none", "2019-03-05"),
        ]
    )
    view = layout(events, lanes="actor", actors=actors)
    assert [lane.name for lane in view.lanes] == ["Zeta", "Alpha", OTHER]  # most events first
    assert [(m.event.id, m.lane, m.primary) for m in view.marks] == [
        ("both", 0, True),
        ("both", 1, False),
        ("only-a", 0, True),
        ("none", 2, True),
    ]


def test_lanes_by_status_follow_the_status_order() -> None:
    events = in_order([event("d", "2019-01-05", "denied"), event("c", "2019-02-05", "confirmed")])
    view = layout(events, lanes="status", actors={})
    assert [lane.name for lane in view.lanes] == ["Confirmed", "Denied"]
    with pytest.raises(ValueError, match="lanes"):
        layout(events, lanes="tag", actors={})  # type: ignore[arg-type]


def test_events_without_a_status_get_a_lane_of_their_own_last() -> None:
    # default_status: none leaves events without a status; lanes by status put them last.
    events = in_order([event("n", "2019-01-05", None), event("d", "2019-02-05", "denied")])
    view = layout(events, lanes="status", actors={})
    assert [lane.name for lane in view.lanes] == ["Denied", "No status"]
    assert status_lanes(events) == "status"
    assert status_lanes(events[:1]) == "actor"  # none has a status: one lane per actor


def test_a_mark_without_a_status_has_no_status_class_and_the_legend_says_so() -> None:
    mixed = render(in_order([event("n", "2019-01-05", None), event("c", "2019-02-05")]), "status")
    plain = '<a class="overview-mark" href="../e/n/" target="_top"'
    assert plain + ' aria-label="Event n — 5 January 2019"' in mixed
    assert 'class="overview-mark status-reported" href="../e/c/"' in mixed
    assert "No status: outlined, in the text&#39;s colour" in mixed
    alone = render([event("n", "2019-01-05", None)], "actor")
    assert "No status" not in alone and "status-" not in alone


def href(e: Event) -> str:
    return f"../e/{e.id}/"


def render(events: Sequence[Event], lanes: str, **options: object) -> str:
    settings: dict[str, object] = {"actors": {}, "eras": (), "title": "Overview", **options}
    return str(overview_svg(events, lanes=lanes, href=href, **settings))  # type: ignore[arg-type]


def svg_root(events: Sequence[Event], lanes: str, **options: object) -> ET.Element:
    text = render(events, lanes, **options)
    match = re.search(r"<svg\b.*?</svg>", text, re.S)
    assert match is not None
    return ET.fromstring(match.group())


def test_every_mark_is_a_link_with_an_accessible_name_in_time_order() -> None:
    graph = real()
    timeline = graph.timeline
    events = timeline.events
    text = render(events, "actor", actors=timeline.actors, eras=timeline.site.eras)
    figure = ET.fromstring(text)  # the whole figure is well-formed too
    assert figure.tag == "figure" and figure.find("figcaption") is not None
    svg = figure.find("div/svg")
    assert svg is not None and svg.get("viewBox", "").startswith("0 0 960 ")
    links = list(svg.iter("a"))
    view = layout(events, lanes="actor", actors=timeline.actors, eras=timeline.site.eras)
    assert len(links) == len(view.marks)
    for a, mark in zip(links, view.marks, strict=True):
        assert a.get("href") == href(mark.event)
        label = a.get("aria-label") or ""
        assert mark.event.title in label and mark.event.date.describe() in label
        title = a.find("title")
        assert title is not None and mark.event.title in (title.text or "")
        assert (a.get("tabindex") is None) == mark.primary
    # Focus order is the document order of the tabbable links: time order, each event once.
    tabbable = [a.get("href") for a in links if a.get("tabindex") is None]
    assert tabbable == [href(e) for e in events]


def test_hostile_titles_are_escaped() -> None:
    events = [
        event("x", "2019-02-26", "denied", title=HOSTILE),
        event("y", "2019-03", title="A & B"),
    ]
    eras = (Era(HOSTILE, parse_date("2019/.."), ""),)
    text = render(events, "status", eras=eras, title=HOSTILE)
    assert "<script>" not in text and "</svg><" not in text.replace("</svg>\n</div>", "")
    figure = ET.fromstring(text)
    svg = figure.find("div/svg")
    assert svg is not None
    titles = [t.text for t in svg.iter("title")]
    assert f"{HOSTILE} (26 Feb 2019)" in titles
    assert svg.get("aria-label") == HOSTILE
    assert any(HOSTILE in (a.get("aria-label") or "") for a in svg.iter("a"))
    # The wide drawing, the phone's, and the legend's samples.
    assert len(list(figure.iter("svg"))) == 2 + len(list(figure.iter("li")))
    phone = figure.find("svg[@class='overview-phone']")
    assert phone is not None and phone.get("aria-label") == HOSTILE
    assert any(HOSTILE in (a.get("aria-label") or "") for a in phone.iter("a"))


def test_output_is_deterministic_rounded_and_prefixed() -> None:
    graph = real()
    timeline = graph.timeline
    options = {"actors": timeline.actors, "eras": timeline.site.eras}
    first = render(timeline.events, "actor", id_prefix="ov-index", **options)
    assert first == render(timeline.events, "actor", id_prefix="ov-index", **options)
    root = ET.fromstring(first)
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) > 1
    assert all(str(i).startswith("ov-index") for i in ids)
    numbers = re.findall(r'(?:x|y|width|height|cx|cy|d)="([^"]*)"', first)
    assert numbers and not any(re.search(r"\d\.\d\d", value) for value in numbers)
    other = render(timeline.events, "actor", id_prefix="ov-other", **options)
    assert "ov-index" not in other


def test_legend_explains_only_what_is_drawn() -> None:
    text = render(
        [event("d", "2019-02-26", "denied"), event("c", "2019-03~", "confirmed")], "status"
    )
    legend = ET.fromstring(text).find("figcaption/ul")
    assert legend is not None
    items = ["".join(li.itertext()).strip() for li in legend.iter("li")]
    assert items == [
        "Confirmed: solid",
        "Denied: outlined and struck through",
        "a day",
        "light: somewhere in this month, year or span",
        "whiskers: approximate (c.) or uncertain (?)",
    ]


def legend_looks(text: str) -> dict[str, str]:
    """Each legend item's words -> the class its sample is drawn with."""
    legend = ET.fromstring(text).find("figcaption/ul")
    assert legend is not None
    looks = {}
    for li in legend.iter("li"):
        sample = li.find("svg/g")
        assert sample is not None
        looks["".join(li.itertext()).strip()] = sample.get("class", "")
    return looks


@pytest.mark.parametrize(
    ("statuses", "look"),
    [
        ((None, None), ""),  # no status: hollow dots, faint periods, as the marks are drawn
        (("reported", "reported"), "status-reported"),
        (("confirmed", "denied"), "overview-key"),  # beside the statuses' own samples
    ],
)
def test_the_legend_draws_shapes_as_the_marks_are_drawn(
    statuses: tuple[str | None, str | None], look: str
) -> None:
    events = in_order(
        [event("a", "2019-02-26", statuses[0]), event("b", "2019-03-01/2019-04-10", statuses[1])]
    )
    looks = legend_looks(render(events, status_lanes(events)))
    assert looks["a day"] == looks["a period, start to end"] == look


def test_the_caption_names_lanes_only_where_there_are_some() -> None:
    alone = [event("a", "2019", None), event("b", "2020", None)]
    assert at_a_glance("2019", alone, "actor") == "2019 at a glance"
    named = [event("a", "2019", None, ("rome",)), event("b", "2020", None)]
    assert at_a_glance("2019", named, "actor") == "2019 at a glance, one lane per actor"
    assert at_a_glance("2019", alone, "status") == "2019 at a glance, by status"


def test_no_events_draw_nothing() -> None:
    assert render([], "actor") == ""


def test_the_whole_fixture_spans_deep_time_with_ticks_in_thousands() -> None:
    graph = ancient()
    timeline = graph.timeline
    view = layout(timeline.events, lanes="status", actors={}, eras=timeline.site.eras)
    assert overlaps(view) == [] and outside(view) == []
    assert out_of_order(view, timeline.events) == []
    labels = [label for _, label in view.ticks]
    assert labels[0] == "20,000 BC" and "AD 1" in labels
    assert 2 <= len(labels) <= 10


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Y-13800000000", "2019", ["12 billion years ago", "2 billion years ago", "AD 1"]),
        ("Y-5000000", "Y-1000000", ["5 million years ago", "1 million years ago"]),
        ("Y-170000", "2019", ["160,000 BC", "20,000 BC", "AD 1"]),
    ],
)
def test_deep_time_ticks_suit_the_span(first: str, last: str, expected: list[str]) -> None:
    events = (event("a", first), event("b", last))
    view = layout(events, lanes="status", actors={}, eras=())
    labels = [label for _, label in view.ticks]
    assert 2 <= len(labels) <= 10
    assert all(label in labels for label in expected), labels


def test_a_few_days_with_times_get_an_axis_of_hours() -> None:
    events = (
        event("a", "2019-02-26T03:30Z"),
        event("b", "2019-02-26"),
        event("c", "2019-02-27T01:00+05:00"),  # 20:00 on the 26th in UTC, the dates' zone
    )
    view = layout(events, lanes="status", actors={}, eras=())
    labels = [label for _, label in view.ticks]
    assert labels[0] == "26 Feb 2019" and "06:00" in labels and "27 Feb" in labels
    assert outside(view) == []
    marks = {mark.event.id: mark for mark in view.marks}
    assert marks["a"].kind == "point" and marks["b"].kind == "span"  # a day spans its hours
    day = view.scale.x(day_number(2019, 2, 26)), view.scale.x(day_number(2019, 2, 27))
    assert day[0] < marks["a"].body[0] < marks["c"].body[0] < day[1]
    # 03:30 is an eighth of the way into the day, plus a little.
    assert marks["a"].body[0] == pytest.approx(day[0] + (day[1] - day[0]) * 3.5 / 24, abs=0.1)
