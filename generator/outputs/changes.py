"""`changes.xml` (`history: git`): an Atom feed (RFC 4287) of the latest changes to the events,
newest first, each entry linked to the change in its event page's History.

An entry's `id` is that change's absolute URL (the event page's, with the change's fragment,
numbered from the event's first publication so that it stays put), its `updated` the commit's
date: dates come from git, never the clock. The feed's `updated` is its newest entry's; a feed
with no entries takes the site feed's. No author's name or address is read, so none is shown:
the feed's author is the site, as in every feed of the site.
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
from generator.render.changes import FEED_LIMIT, Changed, recent_changes
from generator.render.inputs import Inputs


def _sub(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text:
        element.text = clean(text)
    return element


def changes_feed(inputs: Inputs, pages: Sequence[str]) -> Files:
    """The feed of recent changes with `history: git`; nothing without."""
    timeline = inputs.graph.timeline
    site = timeline.site
    if not site.history:
        return
    changes = recent_changes(timeline, FEED_LIMIT)
    root = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": site.language})
    _sub(root, "id", urls.absolute(site.base_url, urls.CHANGES_FEED))
    _sub(root, "title", f"Recent changes · {site.title}")
    _link(root, site, "self", "application/atom+xml", urls.CHANGES_FEED)
    _link(root, site, "alternate", "text/html", urls.CHANGES)
    if changes:
        updated = changes[0].change.instant
    else:
        latest = feed_instant(timeline.events)
        updated = rfc3339_instant(0 if latest is None else latest)
    _sub(root, "updated", updated)
    author = _sub(root, "author")
    _sub(author, "name", site.title)
    _sub(author, "uri", site.base_url)
    _sub(root, "generator", "timeline-generator", version=__version__)
    for changed in changes:
        _entry(root, site, changed)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    yield urls.CHANGES_FEED, f"<?xml version='1.0' encoding='utf-8'?>\n{text}\n".encode()


def _link(parent: ET.Element, site: SiteConfig, rel: str, kind: str, path: str) -> None:
    _sub(parent, "link", rel=rel, type=kind, href=urls.absolute(site.base_url, path))


def _entry(root: ET.Element, site: SiteConfig, changed: Changed) -> None:
    change = changed.change
    url = urls.absolute(site.base_url, changed.path, change.anchor)
    words = "; ".join(change.words)
    if site.history_messages and change.message:
        words += f" ({change.message})"
    entry = _sub(root, "entry")
    _sub(entry, "id", url)
    _sub(entry, "title", f"{changed.title}: {words}")
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    _sub(entry, "updated", change.instant)
    _sub(entry, "content", words, type="text")
