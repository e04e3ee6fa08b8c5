"""The crawlers' files: `sitemap.xml` lists every HTML page but the 404 page and the embeds
(copies of pages for other sites' frames, `noindex`); `robots.txt`
names it. Crawlers read `robots.txt` only at the root of a host, so under a project path
submit the sitemap's URL directly."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from generator.model import urls
from generator.outputs.protocol import Files
from generator.render.inputs import Inputs

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def crawler_files(inputs: Inputs, pages: Sequence[str]) -> Files:
    """The sitemap of the site's HTML `pages` and the robots.txt that names it."""
    base_url = inputs.graph.timeline.site.base_url
    # The embed of any page, a later page of a list's too, is left out.
    embeds = {urls.embed(page) for page in pages}
    yield urls.SITEMAP, sitemap(base_url, (page for page in pages if page not in embeds))
    yield urls.ROBOTS, robots(base_url)


def sitemap(base_url: str, html_pages: Iterable[str]) -> bytes:
    """Base URL and HTML output paths -> a sitemap (sitemaps.org 0.9) of all but the 404 page."""
    chosen = {p for p in html_pages if p.endswith(".html") and p != urls.NOT_FOUND}
    # Written out rather than built with ElementTree, which took a tenth of a second at 10,000
    # pages on every edit; the layout is ElementTree's (indent, then tostring).
    entries = "".join(
        f"  <url>\n    <loc>{html.escape(address, quote=False)}</loc>\n  </url>\n"
        for address in sorted(urls.absolute(base_url, path) for path in chosen)
    )
    body = f'<urlset xmlns="{SITEMAP_NS}">\n{entries}</urlset>' if entries else ""
    body = body or f'<urlset xmlns="{SITEMAP_NS}" />'
    return f"<?xml version='1.0' encoding='utf-8'?>\n{body}\n".encode()


def robots(base_url: str) -> bytes:
    """Base URL -> a robots.txt that allows everything and names the sitemap."""
    sitemap_url = urls.absolute(base_url, urls.SITEMAP)
    return f"User-agent: *\nDisallow:\n\nSitemap: {sitemap_url}\n".encode()
