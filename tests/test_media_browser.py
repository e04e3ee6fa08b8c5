"""Media in Chromium: the fixture's pages with figures, a video and link cards pass axe-core at
320 and 1280 px, light and dark; every image loads at its reserved size; the interactive view
shows an event's image; and no request leaves the site (Playwright's request log)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.build import build
from generator.model import urls
from generator.project import Project
from tests.browser import serve_site
from tests.helpers import FIXTURE, TEMPLATES
from tests.test_validators import SLIDE_SETTLES_MS, VIEWS, axe

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

PAGES = {
    "video and link card": "events/senate-plot/",
    "image and link card": "events/ides-of-march/",
    "image in the body": "events/augustus-reign/",
    "actor's image": "actors/caesar/",
    "thumbnails in lists": "",
}


@dataclass(frozen=True)
class Served:
    site: Path
    origin: str  # http://127.0.0.1:PORT/
    root: str  # the site's root under its base path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    site = tmp_path_factory.mktemp("media-site")
    project = Project.at(FIXTURE, templates=TEMPLATES, output=site)
    assert project.timelinejs is not None, "npm ci installs TimelineJS"
    result = build(project)
    base_path = urls.base_path(result.timeline.site.base_url)
    with serve_site(site, base_path) as origin:
        yield Served(site, origin + "/", origin + base_path)


def images_loaded(page: Page) -> list[str]:
    """Scroll every image into view (they load lazily); the ones that did not load, or whose
    box is not the ratio its width and height attributes reserved."""
    page.evaluate("() => document.querySelectorAll('img').forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    return page.evaluate(
        """() => [...document.images].filter(i => i.naturalWidth === 0
             || Math.abs(i.width / i.height - i.getAttribute('width') / i.getAttribute('height'))
                > 0.02).map(i => i.currentSrc || i.src)"""
    )


@pytest.mark.parametrize(("scheme", "width"), VIEWS, ids=[f"{s}-{w}px" for s, w in VIEWS])
def test_pages_with_media_pass_axe_and_load_every_image(
    served: Served, browser: Browser, scheme: str, width: int
) -> None:
    page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    problems: list[str] = []
    try:
        for what, path in PAGES.items():
            page.goto(served.root + path)
            where = f"{path} ({what}, {scheme}, {width} px)"
            problems += axe(page, where)
            problems += [f"{where}: {src} did not load as sized" for src in images_loaded(page)]
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                problems.append(f"{where}: wider than the screen")
            if width == 320 or scheme == "dark":
                name = path.strip("/").replace("/", "-") or "index"
                shot = served.site.parent / f"{name}-{scheme}-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
    finally:
        page.close()
    assert problems == []
    # Pages, styles, scripts, images, the video and its captions: all from the site itself.
    assert requests and [url for url in requests if not url.startswith(served.origin)] == []
    assert any("/media/" in url and url.endswith(".webp") for url in requests)


def test_the_interactive_view_shows_an_events_image(served: Served, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(served.root + urls.page_url_path(urls.INTERACTIVE))
        page.wait_for_selector(".tl-slide-titleslide")
        page.evaluate("window.timeline.goToId('ides-of-march')")
        page.wait_for_timeout(SLIDE_SETTLES_MS)
        image = page.locator("#ides-of-march img.tl-media-image")
        image.wait_for()
        page.wait_for_function(
            "document.querySelector('#ides-of-march img.tl-media-image').naturalWidth > 0"
        )
        src = image.get_attribute("src") or ""
        alt = image.get_attribute("alt")
        page.screenshot(path=str(served.site.parent / "interactive-ides-of-march.png"))
        # A body's image shows in its slide's text, loaded from this site too.
        page.evaluate("window.timeline.goToId('augustus-reign')")
        page.wait_for_timeout(SLIDE_SETTLES_MS)
        page.wait_for_function(
            "[...document.querySelectorAll('#augustus-reign .tl-text img')]"
            ".some(i => i.complete && i.naturalWidth > 0)"
        )
    finally:
        page.close()
    assert src.startswith(served.root + "media/") and src.endswith("/forum-960.jpg")
    assert alt == "A pale temple front with eight columns under a brown pediment."
    assert [url for url in requests if not url.startswith(served.origin)] == []
