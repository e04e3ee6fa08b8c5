"""`default_status: none` in site.yaml: events without `status` have none, and the status pages,
the index's filter and the navigation follow the statuses that events have.

The sites are the fixture with `default_status: none`: "mixed" keeps the statuses of three of
its events (confirmed, disputed, denied) and drops the other two; "bare" drops every status.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import feedparser
import icalendar
import pytest
from playwright.sync_api import Browser

from generator.model import urls
from generator.model.timeline import STATUSES
from tests.browser import serve_site
from tests.helpers import FIXTURE, broken_links, build_into, graph_of, read_tree, search_records
from tests.test_exports import validate
from tests.test_validators import axe, vnu

KEPT = ("ides-of-march", "senate-plot", "later-claims")  # confirmed, disputed, denied
WITHOUT = "rubicon"  # one of the events whose status the mixed site drops


def fixture_copy(root: Path, keep: tuple[str, ...]) -> Path:
    """The fixture in `root` with `default_status: none`, and `status` only on `keep`."""
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, root / part)
    site = root / "content" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "default_status: none\n", encoding="utf-8")
    for path in sorted((root / "content" / "events").glob("*.md")):
        if path.stem not in keep:
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^status: .*\n", "", text), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built mixed site."""
    root = fixture_copy(tmp_path_factory.mktemp("mixed"), KEPT)
    build_into(root, root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site in which no event has a status."""
    root = fixture_copy(tmp_path_factory.mktemp("bare"), ())
    build_into(root, root / "site")
    return root / "site"


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def filter_options(index: str) -> list[str] | None:
    """The values of the index's status filter, None when it has none."""
    match = re.search(r'<select id="filter-status" name="status">(.*?)</select>', index)
    return None if match is None else re.findall(r'<option value="([^"]*)">', match.group(1))


# ---- The model -----------------------------------------------------------------------------


def test_by_default_an_event_without_status_is_reported_and_every_status_has_a_page(
    tmp_path: Path,
) -> None:
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, tmp_path / part)
    rubicon = tmp_path / "content" / "events" / f"{WITHOUT}.md"
    rubicon.write_text(re.sub(r"(?m)^status: .*\n", "", rubicon.read_text(encoding="utf-8")))
    graph = graph_of(tmp_path)
    assert graph.timeline.site.default_status == "reported"
    assert graph.events[WITHOUT].status == "reported"
    assert list(graph.by_status) == list(STATUSES)
    assert graph.by_status["planned"] == ()


def test_with_none_an_event_without_status_has_none(tmp_path: Path) -> None:
    graph = graph_of(fixture_copy(tmp_path, KEPT))
    assert graph.timeline.site.default_status is None
    assert {e.id: e.status for e in graph.timeline.events} == {
        "rubicon": None,
        "ides-of-march": "confirmed",
        "senate-plot": "disputed",
        "later-claims": "denied",
        "augustus-reign": None,
        "ice-on-the-alps": None,
        "wreath-laid": None,
    }
    assert list(graph.by_status) == ["confirmed", "disputed", "denied"]


# ---- Pages ---------------------------------------------------------------------------------


def test_status_pages_only_for_the_statuses_events_have(mixed: Path) -> None:
    pages = sorted(path for path in read_tree(mixed) if path.startswith("status/"))
    assert pages == [
        "status/confirmed/index.html",
        "status/denied/index.html",
        "status/disputed/index.html",
        "status/index.html",
    ]
    listed = page(mixed, urls.STATUSES)
    assert re.findall(r'class="status status-(\w+)"', listed) == ["confirmed", "disputed", "denied"]
    assert filter_options(page(mixed, urls.INDEX)) == ["", "confirmed", "disputed", "denied"]
    assert ">Status</a></li>" in page(mixed, urls.event(WITHOUT))  # the navigation's link
    assert broken_links(mixed, "/ancient/") == []


def test_an_event_without_status_has_no_badge_no_fact_and_no_claim_review(mixed: Path) -> None:
    own = page(mixed, urls.event(WITHOUT))
    assert '<article class="event">' in own
    assert 'class="status ' not in own and "<dt>Status</dt>" not in own
    assert "ClaimReview" not in own
    denied = page(mixed, urls.event("later-claims"))
    assert '<article class="event status-denied">' in denied
    assert '"@type": "ClaimReview"' in denied
    item = re.search(
        rf'<li class="[^"]*" id="e-{WITHOUT}"[^>]*>.*?</li>', page(mixed, "index.html"), re.S
    )
    assert item is not None
    assert item.group().startswith(f'<li class="event-item" id="e-{WITHOUT}" data-year=')
    assert 'class="status ' not in item.group()


def test_overviews_draw_events_without_status_in_a_lane_of_their_own(mixed: Path) -> None:
    # Rubicon (no status) and the Ides of March (confirmed) share the Caesar actor page.
    actor = page(mixed, urls.actor("caesar"))
    assert "Events of Gaius Julius Caesar at a glance, by status" in actor
    assert ">No status</text>" in actor
    assert "No status: outlined, in the text&#39;s colour" in actor


def test_a_site_where_no_event_has_a_status_has_no_status_pages_at_all(bare: Path) -> None:
    files = read_tree(bare)
    assert not [path for path in files if path.startswith("status/")]
    html = {path: data.decode() for path, data in files.items() if path.endswith(".html")}
    assert filter_options(html[urls.INDEX]) is None
    for path, text in html.items():
        assert "status/" not in text, path  # no navigation link, no badge
        assert "ClaimReview" not in text, path
        assert 'class="status' not in text and "status-" not in text, path
    assert "49 BC at a glance, one lane per actor" in html[urls.year(-48)]  # the Rubicon's
    # A year whose one event names no actor has one lane, which its caption does not name.
    assert '<p class="overview-title">2019 at a glance</p>' in html[urls.year(2019)]
    assert broken_links(bare, "/ancient/") == []


# ---- Feeds and exports ---------------------------------------------------------------------


def test_feed_and_calendar_state_a_status_only_where_there_is_one(mixed: Path, bare: Path) -> None:
    feed = feedparser.parse((mixed / urls.FEED).read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    entries = {entry.link: entry for entry in feed.entries}
    base = "https://example.org/ancient/"
    rubicon, denied = entries[base + "events/rubicon/"], entries[base + "events/later-claims/"]
    assert [t.term for t in rubicon.tags] == [
        t.term for t in rubicon.tags if t.scheme.endswith("/tags/")
    ]
    assert "·" not in rubicon.content[0].value.split("</p>")[0]
    assert "denied" in [t.term for t in denied.tags]
    # The calendar has only the events after AD 1: later-claims, then wreath-laid.
    for site, status in ((mixed, ["Status: Denied"]), (bare, [])):
        calendar = icalendar.Calendar.from_ical((site / urls.ICS).read_bytes())
        described, _ = [str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")]
        date, *rest = described.split("\n")
        assert date.startswith("Date: ")
        assert rest == [*status, "https://example.org/ancient/events/later-claims/"]


def test_exports_leave_out_the_status_of_an_event_without_one(mixed: Path) -> None:
    document = json.loads((mixed / urls.TIMELINE_JSON).read_bytes())
    validate(document)
    statuses = {event["id"]: event.get("status") for event in document["events"]}
    assert statuses[WITHOUT] is None and statuses["later-claims"] == "denied"
    assert "status" not in next(e for e in document["events"] if e["id"] == WITHOUT)
    slides = json.loads((mixed / urls.TIMELINEJS_JSON).read_bytes())["events"]
    groups = {slide["unique_id"]: slide.get("group") for slide in slides}
    assert groups[WITHOUT] is None and groups["later-claims"] == "Denied"
    records = search_records(read_tree(mixed))
    assert records[f"events/{WITHOUT}/"]["meta"].get("status", "") == ""
    assert "status" not in records[f"events/{WITHOUT}/"]["filters"]
    assert records["events/later-claims/"]["meta"]["status"] == "Denied"
    assert records["events/later-claims/"]["filters"]["status"] == ["denied"]


# ---- Validators ----------------------------------------------------------------------------


@pytest.mark.browser
def test_the_nu_html_checker_finds_no_errors(mixed: Path, bare: Path) -> None:
    files = sorted((*mixed.rglob("*.html"), *bare.rglob("*.html")))
    errors = vnu([file.resolve() for file in files])
    assert len(files) > 20
    assert [error for found in errors.values() for error in found] == []


@pytest.fixture(scope="module")
def served(mixed: Path, bare: Path) -> Iterator[dict[str, str]]:
    """Both sites served under /ancient/, as GitHub Pages would: their roots by name."""
    with serve_site(mixed, "/ancient/") as first, serve_site(bare, "/ancient/") as second:
        yield {"mixed": f"{first}/ancient/", "bare": f"{second}/ancient/"}


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 320)])
@pytest.mark.browser
def test_axe_finds_no_violations_and_the_filters_work(
    served: dict[str, str], browser: Browser, scheme: str, width: int
) -> None:
    tab = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    script_errors: list[str] = []
    tab.on("pageerror", lambda error: script_errors.append(str(error)))
    violations: list[str] = []
    shown = {}
    for name, root in served.items():
        statuses = [urls.page_url_path(urls.STATUSES)] if name == "mixed" else []
        for path in ("", f"events/{WITHOUT}/", "actors/caesar/", *statuses):
            tab.goto(root + path)
            violations += axe(tab, f"{name} {path or 'index'} ({scheme}, {width} px)")
        # The filters run without a status field on the bare site.
        tab.goto(root)
        tab.select_option("#filter-actor", "caesar")
        tab.wait_for_function("document.getElementById('filter-count').textContent !== ''")
        shown[name] = tab.text_content("#filter-count")
        violations += axe(tab, f"{name} index with a filter ({scheme}, {width} px)")
    tab.close()
    assert violations == []
    assert script_errors == []
    assert shown["mixed"] == shown["bare"] and shown["bare"].endswith("of 7 events shown.")
