"""Pagefind's search on a generated timeline of 300 events, built for a project site and served
under its base path as GitHub Pages would: a word finds its events, a filter and the order by
date work, the first search downloads no more than 300 KB, no request leaves the site, a word
too common to index is left out of a search with other words, the box's focus loads the search
before a key is typed, a word typed key by key shows its own results, a word of two letters is
searched once the typing pauses, and without JavaScript the search's place says where the list
pages are."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from bench.corpus import generate
from generator.build import build
from generator.model import urls
from generator.outputs import search
from generator.project import Project
from tests.browser import serve_site

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = [pytest.mark.browser, pytest.mark.slow]

BASE = "/timeline-of-events/"
FIRST_SEARCH_BUDGET = 300 * 1024
# At 300 events no word stands in 50,000 places: a lower bar leaves out `the` and `a` here.
MOST_PLACES = 2_000


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("corpus")
    generate(300, root)
    output = root / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "MOST_PLACES", MOST_PLACES)
        build(Project.at(root, output=output, base_url=f"https://example.org{BASE}"))
    with serve_site(output, BASE) as origin:
        yield origin + BASE, output


def _events(output: Path) -> dict[str, dict[str, object]]:
    """timeline.json's events by their page's path under the base path."""
    export = json.loads((output / urls.TIMELINE_JSON).read_text(encoding="utf-8"))
    return {BASE + urls.page_url_path(urls.event(e["id"])): e for e in export["events"]}


# The status says how many match, and the list is no longer waiting for a newer query's results.
SHOWN = (
    "() => /match/.test(document.getElementById('search-status').textContent) &&"
    " !document.getElementById('search-results').hasAttribute('aria-busy')"
)


def _results(page: Page) -> list[str]:
    """The paths the shown results link to, once the status says how many match."""
    page.wait_for_function(SHOWN)
    hrefs = page.locator("#search-results a").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def test_a_word_finds_its_events_with_little_transfer_and_nothing_from_elsewhere(
    browser: Browser, site: tuple[str, Path]
) -> None:
    url, output = site
    events = _events(output)
    origin = url[: -len(BASE)]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(origin) else outside.append(r.url))
    page.goto(url + "years/", wait_until="networkidle")
    searched: list[int] = []
    page.on("requestfinished", lambda r: searched.append(_size(r)))
    # A word of one event's title: every result holds it; that event is among them.
    target, event = next((p, e) for p, e in events.items() if len(str(e["title"]).split()) > 2)
    word = max(re.findall(r"[A-Za-z]+", str(event["title"])), key=len)
    page.fill("#search-input", word)
    found = _results(page)
    assert found and set(found) <= events.keys()
    assert target in found or len(found) == 20
    for path in found:
        text = json.dumps(events[path]).lower()
        assert word.lower()[:5] in text, (word, path)  # Pagefind matches a word's stem
    assert sum(searched) <= FIRST_SEARCH_BUDGET, f"{sum(searched)} bytes for a first search"
    assert outside == []
    assert errors == []
    # A result is a link under the base path to its event's page.
    page.click("#search-results a >> nth=0")
    page.wait_for_url(f"**{found[0]}")
    assert page.inner_text("h1") == events[found[0]]["title"]


def _size(request: object) -> int:
    sizes = request.sizes()  # type: ignore[attr-defined]
    return int(sizes["responseBodySize"] + sizes["responseHeadersSize"])


def test_a_filter_narrows_the_results_and_the_date_order_sorts_them(
    browser: Browser, site: tuple[str, Path]
) -> None:
    url, output = site
    events = _events(output)
    page = browser.new_page()
    page.goto(url)
    page.click(".search-options summary")
    # The choices come from search-filters.json, named, in the index's order.
    page.wait_for_function("document.getElementById('search-filter-actor').options.length > 1")
    chosen = json.loads((output / urls.SEARCH_FILTERS).read_text(encoding="utf-8"))
    actor, name = chosen["actor"][0]
    shown = page.locator("#search-filter-actor option").all_inner_texts()
    assert shown[1:] == [n for _, n in chosen["actor"]]
    assert page.locator("#search-filter-year option").all_inner_texts()[1:] == [
        label for _, label in chosen["year"]
    ]
    with_actor = [p for p, e in events.items() if actor in e["actors"]]  # type: ignore[operator]
    # The actor's name is in the text of its events, and of others that mention it.
    word = max(re.findall(r"[A-Za-z]+", name), key=len)
    page.fill("#search-input", word)
    everywhere = int(_status(page).split()[0])
    page.select_option("#search-filter-actor", actor)
    page.select_option("#search-sort", "asc")
    page.wait_for_function(
        "n => !document.getElementById('search-status').textContent.startsWith(n)",
        arg=str(everywhere),
    )
    found = _results(page)
    assert _status(page).startswith(f"{len(with_actor)} event")
    assert everywhere > len(with_actor), "the filter leaves out events that only mention the actor"
    # timeline.json lists the events in the timeline's order: the oldest first.
    assert found == with_actor[:20], name
    page.select_option("#search-sort", "desc")
    page.wait_for_function(
        "path => new URL(document.querySelector('#search-results a').href).pathname === path",
        arg=with_actor[-1],
    )
    newest = _results(page)
    assert newest == with_actor[::-1][:20]


def _status(page: Page) -> str:
    page.wait_for_function(SHOWN)
    return page.inner_text("#search-status")


def test_a_common_word_is_left_out_of_a_search_with_other_words(
    browser: Browser, site: tuple[str, Path]
) -> None:
    url, output = site
    events = _events(output)
    common = json.loads((output / urls.search_bundle(search.COMMON_WORDS)).read_bytes())
    assert "the" in common
    word = next(
        w
        for e in events.values()
        for w in re.findall(r"[A-Za-z]{6,}", str(e["title"]))
        if w.lower() not in common
    )

    def first_search(query: str) -> tuple[str, list[str]]:
        page = browser.new_page()
        page.goto(url)
        page.fill("#search-input", query)
        found = _results(page)
        shown = page.inner_text("#search-status")
        page.close()
        return shown, found

    alone = first_search(word)
    assert alone[1]
    assert first_search(f"The {word}") == alone
    # Alone, the common word is looked for in what a result shows (title, date, status), which
    # Pagefind indexes whole.
    _, titled = first_search("the")
    assert titled
    for path in titled:
        shown = " ".join(str(events[path][key]) for key in ("title", "date", "status"))
        assert "the" in shown.lower().split(), path


def _title_word(output: Path, length: int) -> str:
    """The first word of `length` letters or more in an event's title."""
    return next(
        w
        for e in _events(output).values()
        for w in re.findall(rf"[A-Za-z]{{{length},}}", str(e["title"]))
    )


def test_the_box_s_focus_loads_the_search_before_a_key_is_typed(
    browser: Browser, site: tuple[str, Path]
) -> None:
    url, _ = site
    page = browser.new_page()
    page.goto(url + "years/", wait_until="networkidle")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(urlsplit(r.url).path))
    # The WebAssembly and the metadata are what a search needs before the chunks of its words.
    wasm = re.compile(r"/pagefind/wasm\.[a-z]+\.pagefind$")
    with page.expect_request(wasm), page.expect_request(re.compile(r"\.pf_meta$")):
        page.focus("#search-input")
    page.wait_for_load_state("networkidle")
    assert all(path.startswith(BASE + "pagefind/") for path in asked), asked
    # Nothing is searched yet: no chunk of the index, no result.
    assert not [path for path in asked if path.endswith((".pf_index", ".pf_fragment"))]
    page.close()


def test_a_word_typed_key_by_key_shows_its_own_results(
    browser: Browser, site: tuple[str, Path]
) -> None:
    url, output = site
    word = _title_word(output, 8)

    def search(typed: bool) -> tuple[list[str], str]:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        if typed:
            page.focus("#search-input")
            page.keyboard.type(word, delay=30)
        else:
            page.fill("#search-input", word)
        found = _results(page)
        shown = page.inner_text("#search-status")
        page.close()
        assert errors == []
        return found, shown

    pasted = search(typed=False)
    assert pasted[0]
    # Each key's prefix finds other events (or more of them): only the whole word's are shown.
    assert search(typed=True) == pasted


def test_a_word_of_two_letters_is_searched_once_the_typing_pauses(
    browser: Browser, site: tuple[str, Path]
) -> None:
    url, output = site
    prefix = _title_word(output, 2)[:2]
    page = browser.new_page()
    page.goto(url, wait_until="networkidle")
    with page.expect_response(re.compile(r"\.pf_meta$")):
        page.focus("#search-input")
    page.wait_for_timeout(1000)  # the metadata decoded: a search would start at once
    chunks: list[float] = []
    page.on("request", lambda r: chunks.append(time.monotonic()) if ".pf_index" in r.url else None)
    typing = time.monotonic()
    page.keyboard.type(prefix)
    assert _results(page)
    # A prefix of one or two letters stands in most records: its search, the costliest, waits
    # for a pause (300 ms after the last key) rather than delay the search of the word typed.
    assert chunks and chunks[0] - typing >= 0.3
    page.close()


def test_without_javascript_the_search_says_where_the_list_pages_are(
    browser: Browser, site: tuple[str, Path]
) -> None:
    url, _ = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "tags/")
    assert not page.is_visible("#site-search")
    note = page.locator(".search-noscript")
    assert note.is_visible()
    assert "JavaScript" in note.inner_text()
    links = note.locator("a")
    assert links.all_inner_texts()[:3] == ["Timeline", "Actors", "Tags"]
    links.nth(1).click()
    page.wait_for_url(f"**{BASE}actors/")
    assert page.inner_text("h1") == "Actors"
    context.close()
