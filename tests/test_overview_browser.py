"""The overview in Chromium: screenshots to look at, and every mark a working, focusable link."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser

from generator.render.overview.lanes import status_lanes
from tests.browser import served_real_content
from tests.helpers import REPO, TEMPLATES
from tests.test_overview import event, in_order, render

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

STROKE_AND_FILL = "e => [getComputedStyle(e).fill, getComputedStyle(e).stroke]"
SHOTS = REPO / "test-artifacts" / "screenshots"
PAGES = {"index": "", "actor-russia": "actors/russia/"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, browser: Browser):  # type: ignore[no-untyped-def]
    with served_real_content(tmp_path_factory.mktemp("project"), browser) as served:
        yield served


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 768, 1280])
def test_screenshots_of_the_overview(served, width: int, scheme: str) -> None:  # type: ignore[no-untyped-def]
    url, browser = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    for name, path in PAGES.items():
        page.goto(url + path)
        figure = page.locator("figure.overview").first
        figure.scroll_into_view_if_needed()
        shot = SHOTS / f"{name}-{width}-{scheme}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        # The page itself never scrolls sideways; only the figure's own box may.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} at {width}px is {overflow}px too wide"
    page.close()


@pytest.mark.parametrize("path", PAGES.values())
def test_every_mark_is_a_focusable_link_to_an_existing_page(served, path: str) -> None:  # type: ignore[no-untyped-def]
    url, browser = served
    page = browser.new_page()
    page.goto(url + path)
    # The wide drawing's marks: at this width the phone drawing is not shown (tests/test_phone.py).
    marks = page.locator("figure.overview svg.overview-svg a")
    assert marks.count() > 0
    details = marks.evaluate_all(
        "els => els.map(e => [e.getAttribute('href'), e.getAttribute('aria-label'),"
        " e.getAttribute('tabindex'), e.getAttribute('aria-hidden')])"
    )
    focusable = [d for d in details if d[2] != "-1"]
    assert focusable, "no mark takes focus"
    for href, label, _, hidden in details:
        assert href and (label or hidden == "true")
        response = page.request.get(urljoin(page.url, href))
        assert response.ok, href
    # Tab reaches the marks in the order they are drawn, which is time order.
    first = page.locator("figure.overview svg.overview-svg a:not([tabindex='-1'])").first
    first.focus()
    reached = [page.evaluate("document.activeElement.getAttribute('href')")]
    for _ in range(len(focusable) - 1):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert reached == [d[0] for d in focusable]
    page.close()


@pytest.mark.parametrize("status", [None, "reported", "confirmed"])
def test_the_legend_dot_for_a_day_looks_like_the_marks(served, status: str | None) -> None:  # type: ignore[no-untyped-def]
    events = [event("a", "2019-02-26", status), event("b", "2019-03-01/2019-04-10", status)]
    figure = render(in_order(events), status_lanes(events))
    css = (TEMPLATES / "static" / "overview.css").read_text(encoding="utf-8")
    page = served[1].new_page()
    page.set_content(f"<!DOCTYPE html><style>{css}</style>{figure}")
    legend = page.locator(".overview-legend li", has_text=re.compile(r"^\s*a day$"))
    looks = {
        "mark": page.locator(".overview-marks circle").first.evaluate(STROKE_AND_FILL),
        "legend": legend.locator("circle").evaluate(STROKE_AND_FILL),
    }
    page.close()
    assert looks["mark"] == looks["legend"]
    filled = looks["mark"][0] == looks["mark"][1]
    assert filled == (status == "confirmed")  # the test's premise: hollow and filled both met


def test_the_index_opens_on_its_events_and_draws_each_event_once(served) -> None:  # type: ignore[no-untyped-def]
    url, browser = served
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(url)
    events = page.locator(".timeline .event-item")
    # The first event's title starts on the first screen: its first line is read unscrolled.
    title = events.first.locator(".event-title").bounding_box()
    line = events.first.locator(".event-title").evaluate(
        "e => parseFloat(getComputedStyle(e).lineHeight)"
    )
    assert title is not None and title["y"] + line <= 800, title
    marks = page.locator("figure.overview .overview-svg a.overview-mark")
    assert marks.count() == events.count() > 1
    # The lanes per actor are one link away, where an event is drawn in each of its actors' lanes.
    page.locator(".glance-links a", has_text="one lane per actor").click()
    page.wait_for_url("**/actors/**")
    assert page.locator("figure.overview .overview-svg a.overview-mark").count() > events.count()
    page.close()
