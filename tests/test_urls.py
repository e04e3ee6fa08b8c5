"""The URL helpers, as tables of cases."""

from __future__ import annotations

import pytest

from generator.model import urls


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (urls.event("balakot"), "events/balakot/index.html"),
        (urls.actor("russia"), "actors/russia/index.html"),
        (urls.tag("air-defence"), "tags/air-defence/index.html"),
        (urls.year(2019), "years/2019/index.html"),
        (urls.year(-43), "years/44-bc/index.html"),
        (urls.year(-13800000000), "years/13800000001-bc/index.html"),
        (urls.year(170000002), "years/170000002/index.html"),
        (urls.year(0), "years/1-bc/index.html"),
        (urls.status("denied"), "status/denied/index.html"),
        (urls.source("theprint"), "sources/theprint/index.html"),
        (urls.static("style.css"), "static/style.css"),
        (urls.feed_archive(urls.FEED, 1), "feed/archive/1.xml"),
        (urls.feed_archive(urls.actor_feed("russia"), 12), "actors/russia/feed/archive/12.xml"),
        (urls.feed_archive(urls.tag_feed("air-defence"), 3), "tags/air-defence/feed/archive/3.xml"),
        (urls.feed_archive(urls.place_feed("rome"), 2), "places/rome/feed/archive/2.xml"),
    ],
)
def test_output_paths(made: str, expected: str) -> None:
    assert made == expected


@pytest.mark.parametrize(
    ("from_page", "to_path", "anchor", "expected"),
    [
        ("index.html", "index.html", "", "./"),
        ("index.html", "events/a/index.html", "", "events/a/"),
        ("index.html", "static/style.css", "", "static/style.css"),
        ("events/a/index.html", "index.html", "", "../../"),
        ("events/a/index.html", "events/b/index.html", "", "../b/"),
        ("events/a/index.html", "events/a/index.html", "", "./"),
        ("events/a/index.html", "actors/x/index.html", "", "../../actors/x/"),
        ("events/a/index.html", "actors/index.html", "", "../../actors/"),
        ("events/a/index.html", "static/style.css", "", "../../static/style.css"),
        ("events/a/index.html", "sources/s/index.html", "q-a-1", "../../sources/s/#q-a-1"),
        ("actors/index.html", "index.html", "y-2019", "../#y-2019"),
        ("404.html", "events/a/index.html", "", "events/a/"),
        ("page/2/index.html", "index.html", "", "../../"),
        ("page/2/index.html", "page/3/index.html", "", "../3/"),
        ("tags/x/page/2/index.html", "tags/x/index.html", "", "../../"),
        ("tags/x/index.html", "tags/x/page/2/index.html", "", "page/2/"),
        ("tags/x/page/2/index.html", "events/a/index.html", "", "../../../../events/a/"),
    ],
)
def test_relative_links(from_page: str, to_path: str, anchor: str, expected: str) -> None:
    assert urls.href(from_page, to_path, anchor) == expected


@pytest.mark.parametrize(
    ("base_url", "path", "expected"),
    [
        ("https://example.org/", "index.html", "https://example.org/"),
        ("https://example.org/", "events/a/index.html", "https://example.org/events/a/"),
        ("https://u.github.io/repo/", "index.html", "https://u.github.io/repo/"),
        ("https://u.github.io/repo/", "feed.xml", "https://u.github.io/repo/feed.xml"),
        (
            "https://u.github.io/repo/",
            "years/44-bc/index.html",
            "https://u.github.io/repo/years/44-bc/",
        ),
    ],
)
def test_absolute_urls(base_url: str, path: str, expected: str) -> None:
    assert urls.absolute(base_url, path) == expected


@pytest.mark.parametrize(
    ("base_url", "path", "expected"),
    [
        ("https://example.org/", "static/style.css", "/static/style.css"),
        ("https://example.org", "index.html", "/"),
        ("https://u.github.io/repo/", "static/style.css", "/repo/static/style.css"),
        ("https://u.github.io/repo/", "events/a/index.html", "/repo/events/a/"),
    ],
)
def test_links_from_the_site_root_for_the_404_page(base_url: str, path: str, expected: str) -> None:
    assert urls.rooted(base_url, path) == expected


@pytest.mark.parametrize(
    ("path", "language", "languages", "expected"),
    [
        ("index.html", "en", (), "index.html"),
        ("events/x/index.html", "en", ("en", "fr"), "events/x/index.html"),
        ("events/x/index.html", "fr", ("en", "fr"), "fr/events/x/index.html"),
        ("index.html", "fr", ("en", "fr"), "fr/index.html"),
        ("feed.xml", "pt-BR", ("en", "pt-BR"), "pt-BR/feed.xml"),
        ("404.html", "fr", ("fr", "en"), "404.html"),
        ("404.html", "en", ("fr", "en"), "en/404.html"),
    ],
)
def test_translated_paths(
    path: str, language: str, languages: tuple[str, ...], expected: str
) -> None:
    assert urls.translated(path, language, languages) == expected


def test_links_between_a_page_and_its_translation() -> None:
    page = "events/x/index.html"
    french = urls.translated(page, "fr", ("en", "fr"))
    assert urls.href(page, french) == "../../fr/events/x/"
    assert urls.href(french, page) == "../../../events/x/"
    assert urls.href(urls.translated(urls.INDEX, "fr", ("en", "fr")), urls.INDEX) == "../"
