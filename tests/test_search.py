"""Search, filters and the TimelineJS view, in Chromium against the preview server."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page

from generator.project import Project
from generator.serve.server import preview_folder
from tests.browser import served_real_content

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, browser: Browser):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("project")
    with served_real_content(root, browser) as (url, _):
        yield url, browser, root


def open_page(browser: Browser, url: str, errors: list[str]) -> Page:
    page = browser.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page


def test_typing_pantsir_lists_the_pantsir_events(served) -> None:  # type: ignore[no-untyped-def]
    url, browser, root = served
    errors: list[str] = []
    page = open_page(browser, url + "actors/", errors)
    page.fill("#search-input", "Pantsir")
    page.wait_for_selector("#search-results li")
    titles = page.locator("#search-results a").all_inner_texts()
    export = json.loads((preview_folder(Project.at(root)) / "timeline.json").read_text())
    tagged = [e["title"] for e in export["events"] if "pantsir" in e["tags"]]
    # Events tagged or titled Pantsir rank first; events whose body mentions it follow.
    assert tagged and titles[: len(tagged)] == tagged
    # The keyboard reaches the results and follows a link.
    page.focus("#search-input")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == titles[0]
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/**")
    assert page.inner_text("h1") == titles[0]
    assert errors == []


def test_search_finds_body_words_actors_places_and_tags(served) -> None:  # type: ignore[no-untyped-def]
    url, browser, _ = served
    page = open_page(browser, url, [])
    for query, expected in [
        ("Bajwa", "Gen. Qamar Bajwa calls the joint exercise"),
        ("balakot", "Indian Air Force strikes"),
        ("t-90", "Pakistan reportedly eyes"),
        ("mainstay indian army", "Pakistan reportedly eyes"),
    ]:
        page.fill("#search-input", query)
        # The last query's results stay until this one's arrive: wait for the title sought
        # (a query that never finds it times out and fails).
        page.wait_for_function(
            """expected => [...document.querySelectorAll('#search-results a')]
                .some(a => a.textContent.includes(expected))""",
            arg=expected,
        )
    page.fill("#search-input", "zzzz-nothing")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('No')")


def test_filtering_to_denied_leaves_only_denied_claims_and_the_url_keeps_it(served) -> None:  # type: ignore[no-untyped-def]
    url, browser, root = served
    errors: list[str] = []
    page = open_page(browser, url, errors)
    page.select_option("#filter-status", "denied")
    visible = page.locator(".timeline .event-item:visible")
    statuses = visible.evaluate_all("els => els.map(e => e.dataset.status)")
    denied = json.loads((preview_folder(Project.at(root)) / "timeline.json").read_text())["events"]
    expected = sorted(e["id"] for e in denied if e["status"] == "denied")
    assert statuses and set(statuses) == {"denied"}
    ids = sorted(visible.evaluate_all("els => els.map(e => e.id.slice(2))"))
    assert ids == expected
    assert "status=denied" in page.url

    page.select_option("#filter-actor", "russia")
    page.select_option("#filter-from", "2019")
    shared = page.url
    shown = sorted(visible.evaluate_all("els => els.map(e => e.id)"))
    again = open_page(browser, shared, errors)
    assert again.input_value("#filter-status") == "denied"
    assert again.input_value("#filter-actor") == "russia"
    assert (
        sorted(
            again.locator(".timeline .event-item:visible").evaluate_all("els => els.map(e => e.id)")
        )
        == shown
    )
    again.click("button[type=reset]")
    again.wait_for_function("!location.search")
    assert (
        again.locator(".timeline .event-item:visible").count()
        == again.locator(".timeline .event-item").count()
    )
    assert errors == []


def test_without_javascript_the_search_and_filters_are_absent(served) -> None:  # type: ignore[no-untyped-def]
    url, browser, _ = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    assert not page.is_visible("#site-search")
    assert not page.is_visible("#filters")
    assert page.locator(".timeline .event-item:visible").count() == 15
    context.close()


def test_the_interactive_view_shows_one_slide_per_event(served) -> None:  # type: ignore[no-untyped-def]
    url, browser, root = served
    errors: list[str] = []
    outside: list[str] = []
    page = browser.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: None if r.url.startswith(url.split("/russia")[0]) else outside.append(r.url),
    )
    page.goto(url)
    page.click("text=Interactive view")
    page.wait_for_selector(".tl-slide")
    page.wait_for_function("document.querySelectorAll('.tl-slide').length > 1")
    slides = page.locator(".tl-slide").count()
    events = len(
        json.loads((preview_folder(Project.at(root)) / "timelinejs.json").read_text())["events"]
    )
    assert slides == events + 1  # the title slide
    assert errors == []
    assert outside == []
