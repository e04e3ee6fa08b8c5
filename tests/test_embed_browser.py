"""Embeds in Chromium, framed by a page from another origin (two HTTP servers on two ports):
the frame fits its content with our host script and with a bare Pym.js-style listener, a link
opens in the top window, a deep link scrolls the host page to its event; the Nu checker and
axe-core find nothing in the embed pages."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.build import build
from generator.model import urls
from generator.project import Project
from tests.browser import free_port, serve_site
from tests.helpers import REPO, TEMPLATES
from tests.test_site import copy_project
from tests.test_validators import axe, vnu

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/readers-shots")
# A host page that knows nothing of us but Pym.js's message format, as many newsroom pages do.
PYM_LISTENER = """<script>
window.addEventListener("message", function (event) {
  var parts = typeof event.data === "string" ? event.data.split("xPYMx") : [];
  if (parts[0] === "pym" && parts[1] === "story" && parts[2] === "height") {
    document.getElementById("story").style.height = parts[3] + "px";
  }
});
</script>"""
SPACER = '<div style="height:2500px">Above the embed</div>'


@dataclass(frozen=True)
class Hosted:
    site: Path  # the built site, served from one origin
    site_url: str
    host: Path  # the newsroom's pages, served from another
    host_url: str
    browser: Browser


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Hosted]:
    root = copy_project(REPO, tmp_path_factory.mktemp("project"))
    site_port, host_port = free_port(), free_port()
    site_url = f"http://127.0.0.1:{site_port}/"
    site = root / "site"
    build(Project.at(root, templates=TEMPLATES, output=site, base_url=site_url))
    host = tmp_path_factory.mktemp("host")
    with (
        serve_site(site, "/", site_port),
        serve_site(host, "/", host_port) as host_origin,
    ):
        yield Hosted(site, site_url, host, host_origin + "/", browser)


def snippet(hosted: Hosted, page: str) -> str:
    """The code the page's Embed box gives to paste."""
    text = (hosted.site / page).read_text()
    found = re.search(r'<textarea[^>]*class="embed-code"[^>]*>(.*?)</textarea>', text, re.S)
    assert found is not None
    return html.unescape(found.group(1))


def host_page(hosted: Hosted, name: str, body: str) -> str:
    (hosted.host / name).write_text(
        '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Newsroom</title>'
        f"<body><h1>A story</h1>{body}</body></html>"
    )
    return hosted.host_url + name


def embed_height(page: Page) -> int:
    frame = page.frames[1]
    return int(frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)"))


def frame_height(page: Page, selector: str = "iframe") -> int:
    return int(page.eval_on_selector(selector, "frame => frame.clientHeight"))


def test_the_host_script_fits_the_frame_to_the_embed(hosted: Hosted) -> None:
    url = host_page(hosted, "snippet.html", snippet(hosted, urls.INDEX))
    page = hosted.browser.new_page(viewport={"width": 800, "height": 900})
    page.goto(url)
    start = int(page.get_attribute("iframe", "height") or 0)
    page.wait_for_function("document.querySelector('iframe').style.height !== ''")
    page.wait_for_timeout(300)  # the embed's last resizes (its overview, fonts) settle
    assert frame_height(page) == embed_height(page) != start
    # A narrower column makes the embed taller; it tells, and the frame follows.
    before = frame_height(page)
    page.set_viewport_size({"width": 360, "height": 900})
    page.wait_for_function("h => document.querySelector('iframe').clientHeight > h", arg=before)
    page.wait_for_timeout(300)
    assert frame_height(page) == embed_height(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "embed-host-360.png"), full_page=False)
    page.close()


def test_a_pym_listener_with_no_script_of_ours_fits_the_frame(hosted: Hosted) -> None:
    source = hosted.site_url + "actors/russia/embed/?childId=story"
    frame = f'<iframe id="story" src="{source}" title="Russia" height="150"></iframe>'
    url = host_page(hosted, "pym.html", PYM_LISTENER + frame)
    page = hosted.browser.new_page(viewport={"width": 800, "height": 900})
    page.goto(url)
    page.wait_for_function("document.getElementById('story').style.height !== ''")
    page.wait_for_timeout(300)
    assert frame_height(page) == embed_height(page) > 150
    page.close()


def test_a_link_in_the_embed_opens_in_the_top_window(hosted: Hosted) -> None:
    url = host_page(hosted, "snippet-actor.html", snippet(hosted, urls.actor("russia")))
    page = hosted.browser.new_page(viewport={"width": 800, "height": 900})
    page.goto(url)
    frame = page.frame_locator("iframe")
    link = frame.locator(".event-list .event-title a").first
    target = link.get_attribute("href")
    assert target is not None
    with page.expect_navigation():
        link.click()
    assert page.url.startswith(hosted.site_url + "events/"), page.url
    assert page.title() != "Newsroom"
    # A mark of the overview too.
    page.goto(url)
    mark = page.frame_locator("iframe").locator("a.overview-mark").first
    with page.expect_navigation():
        mark.click()
    assert page.url.startswith(hosted.site_url + "events/"), page.url
    page.close()
    # Without JavaScript, the mark's own target takes the top window (SVG links ignore <base>).
    context = hosted.browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    mark = page.frame_locator("iframe").locator("a.overview-mark").first
    with page.expect_navigation():
        mark.click()
    assert page.url.startswith(hosted.site_url + "events/"), page.url
    context.close()


def test_a_deep_link_puts_its_event_in_the_host_pages_viewport(hosted: Hosted) -> None:
    index = (hosted.site / urls.INDEX).read_text()
    last = re.findall(r'<li class="event-item[^"]*" id="e-([^"]+)"', index)[-1]
    code = snippet(hosted, urls.INDEX).replace('/embed/"', f'/embed/#{last}"')
    # Not lazy here: a lazy frame far below the fold loads only when scrolled to.
    code = code.replace(' loading="lazy"', "")
    url = host_page(hosted, "deep.html", SPACER + code + SPACER)
    page = hosted.browser.new_page(viewport={"width": 800, "height": 700})
    page.goto(url)
    page.wait_for_function("window.scrollY > 0")
    page.wait_for_timeout(500)
    frame_top = page.eval_on_selector("iframe", "f => f.getBoundingClientRect().top")
    inside = page.frames[1].eval_on_selector(
        f"#e-{last}", "e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]"
    )
    assert page.frames[1].eval_on_selector(f"#e-{last}", "e => e.classList.contains('is-marked')")
    top, bottom = frame_top + inside[0], frame_top + inside[1]
    assert top >= 0 and bottom <= 700, (top, bottom)
    page.screenshot(path=str(SHOTS / "embed-deep-link.png"))
    page.close()


def test_embed_pages_pass_the_nu_checker_and_axe(hosted: Hosted) -> None:
    embeds = sorted(hosted.site.rglob("embed/index.html"))
    assert len(embeds) > 10
    errors = vnu([file.resolve() for file in embeds])
    assert [error for found in errors.values() for error in found] == []
    # axe on the largest embed of each kind (the index's, an actor's, a tag's, a place's, a
    # year's): they share one template, and axe takes about a second a page.
    by_kind: dict[str, Path] = {}
    for file in embeds:
        kind = file.relative_to(hosted.site).parts[0]
        if kind not in by_kind or file.stat().st_size > by_kind[kind].stat().st_size:
            by_kind[kind] = file
    violations: list[str] = []
    for scheme, width in (("light", 320), ("dark", 1280)):
        page = hosted.browser.new_page(
            color_scheme=scheme, viewport={"width": width, "height": 900}
        )
        for file in sorted(by_kind.values()):
            path = file.relative_to(hosted.site).as_posix()
            page.goto(hosted.site_url + urls.page_url_path(path))
            violations += axe(page, f"{path} ({scheme}, {width} px)")
            if path == "embed/index.html":
                page.screenshot(path=str(SHOTS / f"embed-index-{width}.png"), full_page=True)
        page.close()
    assert violations == []
