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
XHTML_NS = "http://www.w3.org/1999/xhtml"


def crawler_files(inputs: Inputs, pages: Sequence[str]) -> Files:
    """The sitemap of the site's HTML `pages` and the robots.txt that names it; none for the
    site of a language other than the default, whose pages the default's sitemap lists."""
    site = inputs.graph.timeline.site
    if site.root_url:
        return
    # The embed of any page, a later page of a list's too, is left out.
    embeds = {urls.embed(page) for page in pages}
    shown = (page for page in pages if page not in embeds)
    yield urls.SITEMAP, sitemap(site.base_url, shown, site.languages)
    yield urls.ROBOTS, robots(site.base_url)


def sitemap(base_url: str, html_pages: Iterable[str], languages: tuple[str, ...] = ()) -> bytes:
    """Base URL and HTML output paths -> a sitemap (sitemaps.org 0.9) of all but the 404 page;
    with `languages`, each page in each of them, with its every language's address as an
    `xhtml:link` alternate (and the default's as `x-default`), as search engines read them."""
    chosen = {p for p in html_pages if p.endswith(".html") and p != urls.NOT_FOUND}
    # Written out rather than built with ElementTree, which took a tenth of a second at 10,000
    # pages on every edit; the layout is ElementTree's (indent, then tostring).
    entries = "".join(
        f"  <url>\n    <loc>{html.escape(address, quote=False)}</loc>\n{links}  </url>\n"
        for address, links in sorted(_entries(base_url, chosen, languages))
    )
    xmlns = f'xmlns="{SITEMAP_NS}"' + (f' xmlns:xhtml="{XHTML_NS}"' if languages else "")
    body = f"<urlset {xmlns}>\n{entries}</urlset>" if entries else ""
    body = body or f"<urlset {xmlns} />"
    return f"<?xml version='1.0' encoding='utf-8'?>\n{body}\n".encode()


def _entries(
    base_url: str, paths: Iterable[str], languages: tuple[str, ...]
) -> Iterable[tuple[str, str]]:
    """Each page's address in each language, with its alternates' lines ('' with one)."""
    if not languages:
        yield from ((urls.absolute(base_url, path), "") for path in paths)
        return
    for path in paths:
        spoken = [
            (tag, urls.absolute(base_url, urls.translated(path, tag, languages)))
            for tag in languages
        ]
        links = "".join(
            f'    <xhtml:link rel="alternate" hreflang="{tag}" href="{html.escape(address)}" />\n'
            for tag, address in [*spoken, ("x-default", spoken[0][1])]
        )
        yield from ((address, links) for _, address in spoken)


def robots(base_url: str) -> bytes:
    """Base URL -> a robots.txt that allows everything and names the sitemap."""
    sitemap_url = urls.absolute(base_url, urls.SITEMAP)
    return f"User-agent: *\nDisallow:\n\nSitemap: {sitemap_url}\n".encode()
