"""The Atom documents (RFC 4287) of the feeds of notes about events, `corrections.xml` and
`changes.xml`: the same head (the site as author, the newest entry's date, else the site feed's),
each entry a link to a note on a page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from generator import __version__
from generator.model import urls
from generator.model.days import rfc3339_instant
from generator.model.timeline import Timeline
from generator.outputs.atom import ATOM_NS, XML_NS, feed_instant
from generator.outputs.text import clean


@dataclass(frozen=True, slots=True)
class Note:
    """One entry: its absolute URL (also its id), title, date, text, and for a correction its
    publication date and its kind as a category (term, label)."""

    url: str
    title: str
    updated: str
    text: str
    published: str = ""
    category: tuple[str, str] | None = None


def notes_feed(
    timeline: Timeline, feed: str, page: str, title: str, notes: Sequence[Note]
) -> bytes:
    """The feed at the output path `feed` of `notes`, newest first, whose HTML page is `page`."""
    site = timeline.site
    root = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": site.language})
    _sub(root, "id", urls.absolute(site.base_url, feed))
    _sub(root, "title", f"{title} · {site.title}")
    _sub(
        root,
        "link",
        rel="self",
        type="application/atom+xml",
        href=urls.absolute(site.base_url, feed),
    )
    _sub(root, "link", rel="alternate", type="text/html", href=urls.absolute(site.base_url, page))
    if notes:
        updated = notes[0].updated
    else:
        latest = feed_instant(timeline.events)
        updated = rfc3339_instant(0 if latest is None else latest)
    _sub(root, "updated", updated)
    author = _sub(root, "author")
    _sub(author, "name", site.title)
    _sub(author, "uri", site.base_url)
    _sub(root, "generator", "timeline-generator", version=__version__)
    for note in notes:
        _entry(root, note)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return f"<?xml version='1.0' encoding='utf-8'?>\n{text}\n".encode()


def _entry(root: ET.Element, note: Note) -> None:
    entry = _sub(root, "entry")
    _sub(entry, "id", note.url)
    _sub(entry, "title", note.title)
    _sub(entry, "link", rel="alternate", type="text/html", href=note.url)
    _sub(entry, "updated", note.updated)
    if note.published:
        _sub(entry, "published", note.published)
    _sub(entry, "content", note.text, type="text")
    if note.category is not None:
        _sub(entry, "category", term=note.category[0], label=note.category[1])


def _sub(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text:
        element.text = clean(text)
    return element
