"""Embeds without a browser: their URLs, pages, the snippet on each embeddable page, the oEmbed
documents and the sitemap that leaves the embeds out."""

from __future__ import annotations

import html
import json
import re

import pytest

from generator.model import urls
from tests.helpers import FIXTURE, REPO, build_into, parse_page, read_tree
from tests.test_site import copy_project

# oEmbed 1.0, section 2.3.4: every response's, and a rich one's own required fields.
OEMBED_REQUIRED = {"type", "version", "html", "width", "height"}


@pytest.mark.parametrize(
    ("page", "embed", "oembed"),
    [
        (urls.INDEX, "embed/index.html", "oembed.json"),
        (urls.actor("russia"), "actors/russia/embed/index.html", "actors/russia/oembed.json"),
        (urls.tag("a b"), "tags/a b/embed/index.html", "tags/a b/oembed.json"),
        (urls.year(-43), "years/44-bc/embed/index.html", "years/44-bc/oembed.json"),
        (urls.place("rome"), "places/rome/embed/index.html", "places/rome/oembed.json"),
    ],
)
def test_embed_and_oembed_paths(page: str, embed: str, oembed: str) -> None:
    assert urls.embed(page) == embed
    assert urls.oembed(page) == oembed
    # One folder below its page: `<base href="../">` makes the page's own links the embed's.
    assert urls.href(embed, page) == "../"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    built = {}
    for source in (REPO, FIXTURE):
        root = copy_project(source, tmp_path_factory.mktemp(source.name))
        build_into(root, root / "site")
        built[source.name] = read_tree(root / "site")
    return built


def embeddable(site: dict[str, bytes]) -> list[str]:
    kinds = ("actors/", "tags/", "years/", "places/")
    return ["index.html"] + [
        path
        for path in site
        if path.startswith(kinds) and path.count("/") == 2 and path.endswith("/index.html")
    ]


def test_every_embeddable_page_has_an_embed_its_box_and_its_oembed_link(
    sites: dict[str, dict[str, bytes]],
) -> None:
    for site in sites.values():
        pages = embeddable(site)
        assert len(pages) > 10
        for page in pages:
            text = site[page].decode()
            assert urls.embed(page) in site and urls.oembed(page) in site, page
            box = re.search(r'<details class="embed-share">.*?</details>', text, re.S)
            assert box is not None and not box.group(0).startswith(
                '<details class="embed-share" open'
            )
            code = re.search(r"<textarea[^>]*>(.*?)</textarea>", box.group(0), re.S)
            assert code is not None, page
            snippet = html.unescape(code.group(1))
            frame = re.fullmatch(
                r'<iframe ([^>]*)></iframe>\n<script src="[^"]+/static/embed\.js" async></script>',
                snippet,
            )
            assert frame is not None, snippet
            for attribute in ("title=", 'loading="lazy"', "height=", "sandbox="):
                assert attribute in frame.group(1), (page, attribute)
            # Scripts and top navigation by a click: never same-origin, forms or downloads.
            sandbox = re.search(r'sandbox="(.*?)"', frame.group(1))
            assert sandbox is not None
            assert set(sandbox.group(1).split()) == {
                "allow-scripts",
                "allow-top-navigation-by-user-activation",
                "allow-popups",
            }
            alternate = re.search(
                r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', text
            )
            assert alternate is not None and alternate.group(1).endswith(
                urls.oembed(page).replace(" ", "%20")
            ), page
    # Pages that are not embeddable have neither.
    event = next(
        p for p in sites["ancient"] if p.startswith("events/") and p.endswith("index.html")
    )
    assert "embed-share" not in sites["ancient"][event].decode()
    assert not any(p.startswith("events/") and "/embed/" in p for p in sites["ancient"])


def test_an_embed_page_has_no_header_navigation_or_search_and_points_home(
    sites: dict[str, dict[str, bytes]],
) -> None:
    site = sites[REPO.name]
    for page in embeddable(site):
        embed = site[urls.embed(page)].decode()
        for absent in ('class="site-header"', 'role="search"', 'id="filters"', "embed-share"):
            assert absent not in embed, (page, absent)
        assert '<base href="../" target="_top">' in embed
        assert '<meta name="robots" content="noindex">' in embed
        canonical = parse_page(site[urls.embed(page)]).canonical
        assert canonical and canonical[0].endswith(urls.page_url_path(page).replace(" ", "%20"))
        assert 'class="embed-credit"' in embed
        full = site[page].decode()
        # The page's own list items, links and all: the same markup serves both.
        for item in re.findall(r'<li class="event-item.*?</li>', full, re.S):
            assert item in embed, page
        if 'class="overview' in full:
            assert 'class="overview' in embed


def test_oembed_documents_carry_oembed_1_0s_required_fields(
    sites: dict[str, dict[str, bytes]],
) -> None:
    for site in sites.values():
        for page in embeddable(site):
            document = json.loads(site[urls.oembed(page)])
            assert set(document) >= OEMBED_REQUIRED, page
            assert document["version"] == "1.0" and document["type"] == "rich"
            assert isinstance(document["width"], int) and isinstance(document["height"], int)
            assert document["title"] and document["provider_name"] and document["provider_url"]
            code = re.search(r"<textarea[^>]*>(.*?)</textarea>", site[page].decode(), re.S)
            assert code is not None and document["html"] == html.unescape(code.group(1))


def test_the_sitemap_leaves_the_embeds_out(sites: dict[str, dict[str, bytes]]) -> None:
    for site in sites.values():
        sitemap = site[urls.SITEMAP].decode()
        assert "/embed/" not in sitemap
        assert "<loc>" in sitemap
