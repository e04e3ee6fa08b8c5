"""Atom feeds (RFC 4287) of the events, archived as RFC 5005 (section 4) says.

`feed.xml` is the site's feed; `actors/<id>/feed.xml`, `tags/<slug>/feed.xml` and
`places/<id>/feed.xml` have the events of one actor, tag or place, built the same way. Each is
an archived feed: the subscription document (`feed.xml`) has the latest CURRENT_ENTRIES events
and links (`prev-archive`) to the newest archive; archive documents (`feed/archive/1.xml`, ...)
hold the older events in fixed pages counted from the oldest, each marked `<fh:archive/>` and
linked to the subscription document (`current`) and to the archives before and after it.
Together they hold every event once; a feed of no more than CURRENT_ENTRIES events is one
document, as a plain Atom feed. Entries run newest first, the order feeds customarily have so
that a reader showing the document's order puts the latest events on top; Atom gives order no
meaning, so readers that sort by `updated` lose nothing. An entry's `id` and `link` are the
event page's absolute URL, its `content` the body as HTML with absolute links (after a line
giving the date in words and the status, so a denied claim never reads as fact, and the
event's images), one `category` per tag and one for the status (none for an event without one).

Atom needs an RFC 3339 timestamp, and a build must not read the clock, so an entry's `updated`
is midnight UTC of the last day its date can mean (`2019` -> 2019-12-31), or, when the end is
open or unknown, of the first day (`2019/..` -> 2019-01-01). RFC 3339 has no years before 1, so
a day before AD 1 becomes 0001-01-01. A subscription document's `updated` is the latest of all
its feed's entries', an archive's the latest of its own; a feed without entries takes the site
feed's.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator import __version__
from generator.model import urls
from generator.model.days import rfc3339_instant
from generator.model.graph import Graph
from generator.model.media import Media
from generator.model.timeline import Event
from generator.outputs.protocol import Files
from generator.outputs.text import clean
from generator.render.bodies import Bodies
from generator.render.inputs import Inputs

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
HISTORY_NS = "http://purl.org/syndication/history/1.0"
# The subscription document (`feed.xml`) carries the latest events, as feeds do: a reader polls
# it again and again, and what it wants is what is new; 50 covers any burst of edits between
# two polls without making every poll of a long timeline download tens of megabytes.
CURRENT_ENTRIES = 50
# Archive documents hold the rest, a fixed number counted from the oldest event, so that an
# archive once full keeps its entries while events are added after it: readers fetch each
# archive once. A hundred entries keep a page to a few hundred kilobytes.
ARCHIVE_ENTRIES = 100


def feed_instant(events: Iterable[Event]) -> int | None:
    """The instant a feed of `events` is updated: the latest its entries are dated, None for
    none."""
    return max((event.date.dated_instant() for event in events), default=None)


def _sub(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text:
        element.text = clean(text)
    return element


class _Feeds:
    """Every feed, from each event's entry: serialised and encoded once, reused by every feed
    (and build) that carries it, since the site feed of a long timeline is tens of megabytes."""

    name = "atom-entry"

    def shared(self, inputs: Inputs) -> Hashable:
        site = inputs.graph.timeline.site
        return site.base_url, site.spoken

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        return event, inputs.bodies.links(event.body)

    def make(self, inputs: Inputs, shared: Any, event: Event) -> bytes:
        return _entry(inputs.graph, inputs.bodies, event).encode()

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        graph = inputs.graph
        events = graph.timeline.events
        entries = {event.id: entry for event, entry in zip(events, pieces, strict=True)}
        site_latest = feed_instant(events)
        site_updated = 0 if site_latest is None else site_latest
        title = graph.timeline.site.title
        topics = (
            [(urls.FEED, urls.INDEX, title, events)]
            + [
                (
                    urls.actor_feed(actor_id),
                    urls.actor(actor_id),
                    f"{graph.timeline.actors[actor_id].name} · {title}",
                    chosen,
                )
                for actor_id, chosen in graph.by_actor.items()
            ]
            + [
                (urls.tag_feed(tag), urls.tag(tag), f"Tag: {tag} · {title}", chosen)
                for tag, chosen in graph.by_tag.items()
            ]
            + [
                (
                    urls.place_feed(place_id),
                    urls.place(place_id),
                    f"{graph.timeline.places[place_id].name} · {title}",
                    chosen,
                )
                for place_id, chosen in graph.by_place.items()
            ]
        )
        for path, page, topic, chosen in topics:
            for document in documents(path, chosen):
                # The subscription document stands for the whole feed, archives for themselves.
                latest = feed_instant(document.events if document.archive else chosen)
                updated = site_updated if latest is None else latest
                yield document.path, _feed(graph, entries, (path, page, topic), document, updated)


ATOM = _Feeds()


@dataclass(frozen=True, slots=True)
class Document:
    """One document of an archived feed (RFC 5005, section 4): its output path, its events
    newest first, its links to the feed's other documents as (relation, output path), and
    whether it is an archive rather than the subscription document."""

    path: str
    events: Sequence[Event]
    links: tuple[tuple[str, str], ...]
    archive: bool


def documents(feed: str, events: Sequence[Event]) -> list[Document]:
    """The documents of the feed at output path `feed` of `events` in time order: the
    subscription document with the latest CURRENT_ENTRIES, then the archives, oldest first, of
    ARCHIVE_ENTRIES each counted from the oldest event (the newest archive may hold fewer)."""
    archived = max(0, len(events) - CURRENT_ENTRIES)
    count = -(-archived // ARCHIVE_ENTRIES)
    # Lists come in time order, and the order is total (ids break ties): the latest first is
    # that order reversed, without sorting ten thousand events for every feed.
    newest = (("prev-archive", urls.feed_archive(feed, count)),) if count else ()
    result = [Document(feed, events[archived:][::-1], newest, archive=False)]
    for number in range(1, count + 1):
        start = (number - 1) * ARCHIVE_ENTRIES
        chosen = events[start : min(start + ARCHIVE_ENTRIES, archived)]
        links = [("current", feed)]
        if number > 1:
            links.append(("prev-archive", urls.feed_archive(feed, number - 1)))
        if number < count:
            links.append(("next-archive", urls.feed_archive(feed, number + 1)))
        path = urls.feed_archive(feed, number)
        result.append(Document(path, chosen[::-1], tuple(links), archive=True))
    return result


def _feed(
    graph: Graph,
    entries: dict[str, bytes],
    where: tuple[str, str, str],
    document: Document,
    updated: int,
) -> bytes:
    """The Atom `document` of the feed at output path `feed` about the HTML page `page`, titled
    `title`: its events' entries, newest first, updated at the instant `updated`."""
    feed, page, title = where
    site = graph.timeline.site
    base = site.base_url
    # The namespace as a plain attribute: ET.register_namespace would change a global map.
    root = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": site.language})
    # Every document of a feed is part of one feed, so all share the feed's id.
    _sub(root, "id", urls.absolute(base, feed))
    _sub(root, "title", title)
    if site.description:
        _sub(root, "subtitle", site.description)
    here = urls.absolute(base, document.path)
    _sub(root, "link", rel="self", type="application/atom+xml", href=here)
    _sub(root, "link", rel="alternate", type="text/html", href=urls.absolute(base, page))
    for rel, path in document.links:
        _sub(root, "link", rel=rel, type="application/atom+xml", href=urls.absolute(base, path))
    if document.archive:
        _sub(root, "fh:archive", **{"xmlns:fh": HISTORY_NS})
    _sub(root, "updated", rfc3339_instant(updated))
    author = _sub(root, "author")
    _sub(author, "name", site.title)
    _sub(author, "uri", base)
    _sub(root, "generator", "timeline-generator", version=__version__)
    ET.indent(root)
    head = ET.tostring(root, encoding="unicode").removesuffix("</feed>")
    start = f"<?xml version='1.0' encoding='utf-8'?>\n{head}".encode()
    # One join, one copy of the megabytes.
    return b"".join([start, *(entries[event.id] for event in document.events), b"</feed>\n"])


def _entry(graph: Graph, bodies: Bodies, event: Event) -> str:
    """One event's <entry>, indented as a child of <feed>, with its line end."""
    base = graph.timeline.site.base_url
    url = urls.absolute(base, urls.event(event.id))
    entry = ET.Element("entry")
    _sub(entry, "id", url)
    _sub(entry, "title", event.title)
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    _sub(entry, "updated", rfc3339_instant(event.date.dated_instant()))
    if event.summary:
        _sub(entry, "summary", event.summary)
    # xml:base resolves any relative link an author wrote as it resolves on the event page.
    content = _sub(entry, "content", _content(bodies, event), type="html")
    content.set(f"{{{XML_NS}}}base", url)
    for tag in event.tags:
        _sub(entry, "category", term=tag, scheme=urls.absolute(base, urls.TAGS), label=tag)
    if event.status is not None:
        scheme = urls.absolute(base, urls.STATUSES)
        label = graph.timeline.site.spoken.gettext(event.status_label)
        _sub(entry, "category", term=event.status, scheme=scheme, label=label)
    ET.indent(entry, level=1)
    return "  " + ET.tostring(entry, encoding="unicode") + "\n"


def _content(bodies: Bodies, event: Event) -> str:
    spoken = bodies.graph.timeline.site.spoken
    described = event.date_described(spoken)
    status = spoken.gettext(event.status_label) if event.status_label else ""
    facts = " · ".join(html.escape(w) for w in (described, status) if w)
    facts = f"<p>{facts}</p>"
    base = bodies.graph.timeline.site.base_url
    images = "".join(f"\n{_figure(base, entry)}" for entry in event.media if entry.kind == "image")
    body = bodies.absolute(event.body) if event.body.strip() else ""
    return facts + images + ("\n" + body if body else "")


def _figure(base_url: str, entry: Media) -> str:
    """An image of the event as a feed reader shows it: one <img>, as few readers know
    <picture>, with its caption and credit."""
    assert entry.local is not None
    shared = entry.local.shared()
    src = html.escape(urls.absolute(base_url, shared.path))
    words = " ".join(part for part in (entry.caption, entry.credit) if part)
    caption = f"<figcaption>{html.escape(words)}</figcaption>" if words else ""
    return (
        f'<figure><img src="{src}" width="{shared.width}" height="{shared.height}" '
        f'alt="{html.escape(entry.alt)}">{caption}</figure>'
    )


def feeds(graph: Graph) -> dict[str, bytes]:
    """A graph -> its Atom feeds by output path: all events, then one per actor, tag and place."""
    inputs = Inputs.of(graph)
    shared = ATOM.shared(inputs)
    pieces = [ATOM.make(inputs, shared, event) for event in graph.timeline.events]
    return dict(ATOM.files(inputs, pieces))
