"""Phones in Chromium: at 320 px, on every kind of page of the first timeline, of one whose
events crowd into a few days after one approximate year and of one long enough for the density
view, no page scrolls sideways and every figure (overview, map) shows at least one of its marks;
the phone overview's marks are links with names, drawn at 12 px or more, under a caption that
names no lanes and a legend with every look of a mark drawn; a map's names are 12 px or more on
screen, or left to its list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.model import urls
from generator.render.overview.density import DENSE_LIMIT
from tests.browser import serve_site
from tests.helpers import REPO, build_into
from tests.test_site import copy_project

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/readers-shots")
KINDS = ("events/", "actors/", "tags/", "years/", "sources/", "status/", "places/")
# Every figure's marks: the overview's links, the map's points and countries.
FIGURE_HAS_A_MARK_IN_VIEW = """figure => {
  const box = figure.getBoundingClientRect();
  return [...figure.querySelectorAll('a')].some(mark => {
    const r = mark.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;  // not drawn at this width
    const x = (r.left + r.right) / 2;
    return x >= Math.max(box.left, 0) && x <= Math.min(box.right, window.innerWidth);
  });
}"""


def crowd(root: Path) -> Path:
    """The first timeline with one event in an approximate 2019 and the others in three days."""
    for number, event in enumerate(sorted((root / "content" / "events").glob("*.md"))):
        date = "2019?" if number == 0 else f"2024-03-0{1 + number % 3}"
        text = event.read_text()
        event.write_text(re.sub(r"(?m)^date: .*$", f"date: {date}", text, count=1))
    return root


def lengthen(root: Path) -> Path:
    """The first timeline with copies of its events, one copy of each in every year from 1990,
    until the index has more events than the overview draws one by one."""
    events = sorted((root / "content" / "events").glob("*.md"))
    for year in range(1990, 1990 + DENSE_LIMIT // len(events) + 1):
        for event in events:
            text = re.sub(r"(?m)^date: .*$", f"date: {year}", event.read_text(), count=1)
            (event.parent / f"y{year}-{event.name}").write_text(text)
    return root


@pytest.fixture(scope="module", params=["first", "crowded", "long"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, browser: Browser
) -> Iterator[tuple[str, list[str], Browser]]:
    root = copy_project(REPO, tmp_path_factory.mktemp(request.param))
    if request.param == "crowded":
        crowd(root)
    if request.param == "long":
        lengthen(root)
    pages = build_into(root, root / "site")
    chosen = [urls.INDEX, urls.PLACES, urls.ACTORS, urls.TAGS, urls.YEARS, urls.SOURCES]
    chosen.append(urls.NOT_FOUND)
    for kind in KINDS:  # of each kind, the page with the most to show
        candidates = sorted(p for p in pages if p.startswith(kind) and p.count("/") == 2)
        chosen.append(max(candidates, key=lambda p: len(pages[p])))
    with serve_site(root / "site") as origin:
        yield origin + "/", [p for p in chosen if p.endswith(".html")], browser


def open_at_320(browser: Browser, url: str) -> Page:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(url)
    return page


def test_no_page_scrolls_sideways_and_every_figure_has_a_mark_in_view(
    site: tuple[str, list[str], Browser], request: pytest.FixtureRequest
) -> None:
    url, paths, browser = site
    wide: list[str] = []
    blind: list[str] = []
    SHOTS.mkdir(exist_ok=True)
    for path in paths:
        page = open_at_320(browser, url + urls.page_url_path(path))
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] != width[1]:
            wide.append(f"{path}: {width[0]} px wide")
        for number, figure in enumerate(page.query_selector_all("figure")):
            if not figure.is_visible() or not figure.query_selector("a"):
                continue  # a figure of a picture, not of marks
            if not figure.evaluate(FIGURE_HAS_A_MARK_IN_VIEW):
                blind.append(f"{path}: figure {number} opens with none of its marks in view")
        if path == urls.INDEX:
            name = request.node.callspec.id
            page.screenshot(path=str(SHOTS / f"phone-index-{name}.png"), full_page=True)
        page.close()
    assert wide == []
    assert blind == []


def test_the_phone_overview_names_every_mark_and_its_text_is_readable(
    site: tuple[str, list[str], Browser],
) -> None:
    url, _, browser = site
    page = open_at_320(browser, url)
    phone = page.locator("svg.overview-phone").first
    assert phone.is_visible()
    assert not page.locator(".overview-scroll").first.is_visible()
    marks = phone.locator("a")
    assert marks.count() > 0
    for at in range(marks.count()):
        mark = marks.nth(at)
        assert mark.get_attribute("href") and mark.get_attribute("aria-label")
    # Text as drawn on screen, after the viewBox's scaling.
    sizes = phone.evaluate(
        "svg => [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)"
    )
    smallest = phone.evaluate(
        """svg => Math.min(...[...svg.querySelectorAll('text')].map(t =>
             parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a))"""
    )
    assert sizes and smallest >= 12, smallest
    page.close()


# What the wide drawing's caption explains and the phone drawing does not draw.
WIDE_ONLY = ("lane", "period", "whiskers", "fading", "arrow", "era", "cell")
# The look of each drawn phone mark and of each legend sample, by their status classes.
STATUS_CLASSES = """(root, selector) => [...root.querySelectorAll(selector)]
  .filter(e => e.getBoundingClientRect().height > 0)
  .map(e => [...e.classList].find(c => c.startsWith('status-')) || '')"""
# Each visible map name's size on screen: its font size times the drawing's scale.
MAP_NAME_SIZES = """() => [...document.querySelectorAll('.map-label')]
  .filter(t => t.getBoundingClientRect().height > 0)
  .map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)"""


def test_phone_captions_name_no_lanes_legends_explain_every_mark_and_map_names_are_readable(
    site: tuple[str, list[str], Browser],
) -> None:
    url, paths, browser = site
    wrong: list[str] = []
    for path in paths:
        page = open_at_320(browser, url + urls.page_url_path(path))
        for figure in page.locator("figure.overview").all():
            caption = figure.locator("figcaption").inner_text().casefold()
            said = [w for w in WIDE_ONLY if re.search(rf"\b{w}s?\b", caption)]
            wrong += [f"{path}: the caption says {w!r}" for w in said]
            drawn = set(figure.evaluate(STATUS_CLASSES, ".overview-phone a.overview-mark"))
            if "overview-density" in (figure.get_attribute("class") or ""):
                continue  # its bars count years, whatever their events' statuses
            explained = set(figure.evaluate(STATUS_CLASSES, "figcaption li svg g"))
            wrong += [f"{path}: no legend for {look or 'no status'}" for look in drawn - explained]
        small = [size for size in page.evaluate(MAP_NAME_SIZES) if size < 12]
        wrong += [f"{path}: a map name drawn {size:.1f} px high" for size in small]
        page.close()
    assert wrong == []
