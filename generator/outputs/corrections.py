"""`corrections.xml`: an Atom feed (RFC 4287) of every correction, update and clarification,
newest first, each entry linked to the note on the page it concerns.

An entry's `id` is that note's absolute URL (the page's, with the note's fragment), and its
`updated` midnight UTC of the note's day: dates come from the content, never the clock. The
feed's `updated` is its newest entry's; a feed with no entries takes the site feed's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from generator import __version__
from generator.model import urls
from generator.model.days import rfc3339_instant
from generator.model.timeline import SiteConfig
from generator.outputs.atom import ATOM_NS, XML_NS, feed_instant
from generator.outputs.protocol import Files
from generator.outputs.text import clean
from generator.render.corrections import Corrected, site_updates
from generator.render.inputs import Inputs


def _sub(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text:
        element.text = clean(text)
    return element


def corrections_feed(inputs: Inputs, pages: Sequence[str]) -> Files:
    """The feed of corrections and updates, whatever pages the site has."""
    timeline = inputs.graph.timeline
    site = timeline.site
    corrections = site_updates(timeline)
    root = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": site.language})
    _sub(root, "id", urls.absolute(site.base_url, urls.CORRECTIONS_FEED))
    _sub(root, "title", f"Corrections and updates · {site.title}")
    _link(root, site, "self", "application/atom+xml", urls.CORRECTIONS_FEED)
    _link(root, site, "alternate", "text/html", urls.CORRECTIONS)
    if corrections:
        updated = corrections[0].update.instant
    else:
        latest = feed_instant(timeline.events)
        updated = rfc3339_instant(0 if latest is None else latest)
    _sub(root, "updated", updated)
    author = _sub(root, "author")
    _sub(author, "name", site.title)
    _sub(author, "uri", site.base_url)
    _sub(root, "generator", "timeline-generator", version=__version__)
    for corrected in corrections:
        _entry(root, site, corrected)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    yield urls.CORRECTIONS_FEED, f"<?xml version='1.0' encoding='utf-8'?>\n{text}\n".encode()


def _link(parent: ET.Element, site: SiteConfig, rel: str, kind: str, path: str) -> None:
    _sub(parent, "link", rel=rel, type=kind, href=urls.absolute(site.base_url, path))


def _entry(root: ET.Element, site: SiteConfig, corrected: Corrected) -> None:
    update = corrected.update
    url = urls.absolute(site.base_url, corrected.path, update.anchor)
    entry = _sub(root, "entry")
    _sub(entry, "id", url)
    _sub(entry, "title", f"{update.label}: {corrected.title}")
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    _sub(entry, "updated", update.instant)
    _sub(entry, "published", update.instant)
    _sub(entry, "content", update.note, type="text")
    _sub(entry, "category", term=update.kind, label=update.label)
