"""Every output path and link of the site, as pure functions.

A page is named by its output path relative to `site/` (`events/x/index.html`). Links between
pages are relative, so one build works at a domain root and under a project path; absolute URLs
(canonical links, feeds) are joined to `base_url`.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from generator.model.dates import year_label

INDEX = "index.html"
NOT_FOUND = "404.html"
ACTORS = "actors/index.html"
TAGS = "tags/index.html"
YEARS = "years/index.html"
SOURCES = "sources/index.html"
STATUSES = "status/index.html"
PLACES = "places/index.html"
CORRECTIONS = "corrections/index.html"
CHANGES = "changes/index.html"


def event(event_id: str) -> str:
    """Output path of an event's page."""
    return f"events/{event_id}/index.html"


def actor(actor_id: str) -> str:
    """Output path of an actor's page."""
    return f"actors/{actor_id}/index.html"


def place(place_id: str) -> str:
    """Output path of a place's page."""
    return f"places/{place_id}/index.html"


def tag(slug: str) -> str:
    """Output path of a tag's page."""
    return f"tags/{slug}/index.html"


def year_slug(year: int) -> str:
    """`2019` for 2019, `44-bc` for the astronomical year -43, `13800000001-bc` for deep time."""
    return year_label(year).lower().replace(" ", "-").replace(",", "")


def year(year_number: int) -> str:
    """Output path of a year's page (astronomical year)."""
    return f"years/{year_slug(year_number)}/index.html"


def status(name: str) -> str:
    """Output path of a status's page."""
    return f"status/{name}/index.html"


def source(source_id: str) -> str:
    """Output path of a source's page."""
    return f"sources/{source_id}/index.html"


def paged(path: str, number: int) -> str:
    """Output path of page `number` of the list page at `path`: page 1 is the page itself,
    the next ones are below it, `tags/x/page/2/index.html` (Hugo's layout)."""
    return path if number == 1 else f"{page_url_path(path)}page/{number}/{INDEX}"


def embed(path: str) -> str:
    """Output path of the embed of the page at `path`: `actors/x/embed/index.html` for
    `actors/x/index.html`, one folder below it, so that its links are the page's from `../`."""
    return page_url_path(path) + "embed/" + INDEX


def oembed(path: str) -> str:
    """Output path of the oEmbed document of the page at `path`, beside it."""
    return page_url_path(path) + "oembed.json"


def static(name: str) -> str:
    """Output path of a static asset."""
    return f"static/{name}"


def translated(path: str, language: str, languages: tuple[str, ...]) -> str:
    """Output path of the file at `path` in the site's `language`: `path` itself in the first of
    `languages` (the default, at the site's root), else `<language>/path`."""
    if not languages or language == languages[0]:
        return path
    return f"{language}/{path}"


def page_url_path(path: str) -> str:
    """The URL path of an output file from the site root: `events/x/` for `events/x/index.html`."""
    if path == INDEX:
        return ""
    if path.endswith("/" + INDEX):
        return path[: -len(INDEX)]
    return path


def href(from_page: str, to_path: str, anchor: str = "") -> str:
    """A relative link from the page at `from_page` to `to_path`, optionally to `#anchor`."""
    # As posixpath.relpath, but a build makes hundreds of thousands of links: no normalising,
    # since every path here is already a clean relative path.
    here = from_page.split("/")[:-1]
    there = page_url_path(to_path).split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    link = "../" * (len(here) - shared) + "/".join(there[shared:]) or "./"
    if not _SAFE.fullmatch(link):
        link = quote(link, safe="/.-_~")
    return f"{link}#{anchor}" if anchor else link


_SAFE = re.compile(r"[A-Za-z0-9/._~-]*")


def absolute(base_url: str, path: str, anchor: str = "") -> str:
    """The absolute URL of an output path under `base_url`."""
    url = base_url + quote(page_url_path(path), safe="/.-_~")
    return f"{url}#{anchor}" if anchor else url


def is_absolute_http(url: str) -> bool:
    """Whether `url` is an absolute http(s) URL with a host, as `base_url` must be."""
    return re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", url) is not None


def base_path(base_url: str) -> str:
    """The path part of `base_url`, always ending with '/': `/repo/` for a project site."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def rooted(base_url: str, path: str) -> str:
    """A link from the site's root path (`/repo/events/x/`), for pages served at any depth (404)."""
    return base_path(base_url) + quote(page_url_path(path), safe="/.-_~")


# Machine-readable outputs (feeds, exports, crawler files), from the site root.
FEED = "feed.xml"
INTERACTIVE = "interactive/index.html"
SEARCH_FILTERS = "search-filters.json"  # the search's filter choices, named
TIMELINE_JSON = "timeline.json"
TIMELINEJS_JSON = "timelinejs.json"
ICS = "events.ics"
SITEMAP = "sitemap.xml"
PLACES_GEOJSON = "places.geojson"
ROBOTS = "robots.txt"
CORRECTIONS_FEED = "corrections.xml"
CHANGES_FEED = "changes.xml"


def search_bundle(name: str) -> str:
    """Output path of a file of Pagefind's search bundle (its script, index chunks, filters)."""
    return f"pagefind/{name}"


def actor_feed(actor_id: str) -> str:
    """Output path of an actor's Atom feed, beside its page."""
    return f"actors/{actor_id}/feed.xml"


def tag_feed(slug: str) -> str:
    """Output path of a tag's Atom feed, beside its page."""
    return f"tags/{slug}/feed.xml"


def place_feed(place_id: str) -> str:
    """Output path of a place's Atom feed, beside its page."""
    return f"places/{place_id}/feed.xml"


def feed_archive(feed: str, number: int) -> str:
    """Output path of archive `number` (1 is the oldest) of the Atom feed at output path `feed`,
    in a folder beside it named as it is: `feed/archive/1.xml` for `feed.xml`."""
    return f"{feed.removesuffix('.xml')}/archive/{number}.xml"


def media(digest: str, name: str) -> str:
    """Output path of a file made from a media file with SHA-256 `digest`: named by content, so
    that two files never clash and an edited image gets a new address."""
    return f"media/{digest[:12]}/{name}"
