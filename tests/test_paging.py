"""Long lists in pages: a corpus built with a small `page_size`, whose every list is read back
through its pager alone, as a reader without JavaScript would follow it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from bench.corpus import generate
from generator.model import urls
from generator.model.graph import Graph
from tests.helpers import broken_links, build_into, graph_of, read_tree
from tests.test_validators import VIEWS, axe, vnu

PAGE_SIZE = 10
_PAGER = re.compile(r'<nav class="pages" id="pages" aria-label="Pages">(.*?)</nav>', re.S)
_LIST = re.compile(r'<ol class="event-list">(.*?)</ol>', re.S)
_ITEM_LINK = re.compile(r'class="event-title"><a href="([^"]*)"')
_HREF = re.compile(r'<a [^>]*href="([^"]*)"([^>]*)>')
_NUMBERED = re.compile(r'<a href="([^"]*)"([^>]*)><span class="page-number">(\d+)</span>')


Built = tuple[Graph, dict[str, str], Path]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A 150-event corpus in pages of 10: its graph, its HTML pages (and sitemap) by path, and
    the folder of the site."""
    root = tmp_path_factory.mktemp("paged")
    generate(150, root)
    with (root / "content/site.yaml").open("a", encoding="utf-8") as site:
        site.write(f"page_size: {PAGE_SIZE}\n")
    build_into(root, root / "site")
    pages = read_tree(root / "site")
    html = {path: data.decode() for path, data in pages.items() if path.endswith(".html")}
    html[urls.SITEMAP] = pages[urls.SITEMAP].decode()
    return graph_of(root), html, root / "site"


def resolve(page: str, href: str) -> str:
    """A relative link on `page` -> the output path it leads to."""
    parts = page.split("/")[:-1]
    for piece in href.split("#")[0].split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join([*parts, "index.html"])


def read_through_the_pager(html: dict[str, str], first: str) -> list[str]:
    """The ids of the events listed on the list page `first` and on every page its pager leads
    to, in the order of the pages' numbers; no page is reached that is not in the site."""
    seen: list[str] = []
    pending, visited = [first], set()
    numbered: dict[int, list[str]] = {}
    while pending:
        page = pending.pop()
        visited.add(page)
        text = html[page]
        pager = _PAGER.search(text)
        number = 1
        if pager:
            for href, attrs, shown in _NUMBERED.findall(pager.group(1)):
                target = resolve(page, href)
                assert target in html, f"{page}: the pager's {href} leads nowhere"
                if 'aria-current="page"' in attrs:
                    assert target == page, f"{page}: another page is marked current"
                    number = int(shown)
                elif target not in visited and target not in pending:
                    pending.append(target)
        numbered[number] = [
            resolve(page, href).split("/")[1]
            for listing in _LIST.findall(text)
            for href in _ITEM_LINK.findall(listing)
        ]
    for number in sorted(numbered):
        seen += numbered[number]
    return seen


def test_every_event_is_reached_from_the_first_page_through_the_pager(
    corpus: Built,
) -> None:
    graph, html, _ = corpus
    index = [event.id for events in graph.by_year.values() for event in events]
    assert len(index) > 10 * PAGE_SIZE  # the index has more than ten pages
    assert read_through_the_pager(html, urls.INDEX) == index
    lists = {urls.status(s): e for s, e in graph.by_status.items()}
    lists |= {urls.tag(t): e for t, e in graph.by_tag.items()}
    lists |= {urls.year(y): e for y, e in graph.by_year.items()}
    lists |= {urls.actor(a): graph.by_actor[a] for a in graph.timeline.actors}
    lists |= {urls.source(s): graph.by_source[s] for s in graph.timeline.sources}
    assert any(len(events) > PAGE_SIZE for events in lists.values())
    for path, events in lists.items():
        assert read_through_the_pager(html, path) == [e.id for e in events], path


def test_a_list_page_links_its_neighbours_and_numbers_every_page(
    corpus: Built,
) -> None:
    graph, html, _ = corpus
    pages = -(-len(graph.timeline.events) // PAGE_SIZE)
    second = html[urls.paged(urls.INDEX, 2)]
    assert '<link rel="prev" href="../../">' in second
    assert '<link rel="next" href="../3/">' in second
    assert f"<title>Page 2 of {pages} · " in second
    assert second.count('aria-current="page"') == 1
    assert len(re.findall(r'class="page-number"', second)) == pages
    # Each page names the years its events span, so that a reader can go to any year.
    years = re.findall(r'class="page-years">([^<]+)<', second)
    assert years[0].startswith(str(min(graph.by_year)))
    assert years[-1].endswith(str(max(graph.by_year)))
    last = html[urls.paged(urls.INDEX, pages)]
    assert 'rel="next"' not in last and '<link rel="prev" href="../' in last
    # The overview, the map and the interactive view are the first page's alone.
    assert "<svg" in html[urls.INDEX] and "<svg" not in second
    assert "These filters narrow the events of this page" in second


def test_every_link_of_the_paged_site_resolves(corpus: Built) -> None:
    assert broken_links(corpus[2], "/bench/") == []


def test_an_embed_pages_within_its_frame(corpus: Built) -> None:
    _, html, _ = corpus
    embed = urls.embed(urls.paged(urls.INDEX, 2))
    pager = _PAGER.search(html[embed])
    assert pager is not None
    for href, attrs in _HREF.findall(pager.group(1)):
        # <base> is the full page's folder; the pager's links stay in the frame.
        assert 'target="_self"' in attrs
        target = resolve(urls.paged(urls.INDEX, 2), href)
        assert target.endswith("embed/index.html") and target in html
    # The snippet and oEmbed document are the list's, on its first page only.
    assert "json+oembed" in html[urls.INDEX]
    assert "json+oembed" not in html[urls.paged(urls.INDEX, 2)]


def test_the_sitemap_lists_every_page_and_no_embed(corpus: Built) -> None:
    graph, html, _ = corpus
    sitemap = html[urls.SITEMAP]
    base = graph.timeline.site.base_url
    assert f"<loc>{base}page/2/</loc>" in sitemap
    assert f"<loc>{urls.absolute(base, urls.paged(urls.status('confirmed'), 2))}</loc>" in sitemap
    assert "/embed/" not in sitemap


@pytest.mark.browser
@pytest.mark.slow
def test_paged_pages_are_valid_accessible_and_fit_a_phone(corpus: Built, browser: Browser) -> None:
    graph, _, site = corpus
    tag = next(t for t, events in graph.by_tag.items() if len(events) > PAGE_SIZE)
    actor = next(a for a, events in graph.by_actor.items() if len(events) > PAGE_SIZE)
    names = (
        urls.paged(urls.INDEX, 2),
        urls.paged(urls.tag(tag), 2),
        urls.paged(urls.actor(actor), 2),
        urls.embed(urls.paged(urls.INDEX, 2)),
    )
    files = [(site / name).resolve() for name in names]
    errors = vnu(files)
    assert [error for file in files for error in errors[file]] == []
    problems: list[str] = []
    for scheme, width in VIEWS:
        page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
        try:
            for name, file in zip(names, files, strict=True):
                page.goto(file.as_uri())
                problems += axe(page, f"{name} ({scheme}, {width} px)")
                if page.evaluate("document.documentElement.scrollWidth > innerWidth"):
                    problems.append(f"{name} scrolls sideways at {width} px")
        finally:
            page.close()
    assert problems == []
