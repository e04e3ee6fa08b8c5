"""`timeline.json`, the export for programs ("format": "timeline-export", "version": 2; JSON
Schema in `schema/timeline.schema.json`). It holds everything the content says, with no HTML:

- `site`: title, description, language, base_url.
- `eras`, `events`, `actors`, `sources`, `places`: lists in the site's order (eras as written,
  events in time order, the rest by id). Each event, actor, source and place has `page`, the
  absolute URL of its page; a source's own `url` is where it is published, or null.
- An event's `places` are place ids (version 2; in version 1 they were free text). A place has
  `coordinates` ([latitude, longitude]) and `country` (ISO 3166-1 alpha-2), each null when
  unknown; an actor has `country` only when set.
- `relations`: each relation stated in the content, `{from, relation, to}`, in time order of
  `from`; a plain `related-to` is dropped where the pair has a named relation, as on the pages.
- `order` (an event's place among events of the same date) and `date_label` (the words shown
  for its date) appear only when the content sets them; `status` is absent only for an event
  that has none, which only a site with `default_status: none` has; so do
  `media` (an event's or actor's `media:` list) and `body_media` (the images its body places). Each
  entry has its `kind` (image, video, audio or link), `url` (where it is published: an image's
  rendition for previews, a copied file, or the other site's address for a link), `file` (under
  content/, or null), `alt`, `caption`, `credit`, `source`, `title` and `link_kind` (links),
  `renditions` (an image's, or a link's poster's: `{url, width, height, type}`) and `captions`
  (a video's).
- A date is `{edtf, display, precision, approximate, uncertain, earliest, latest}`: the
  canonical EDTF string, the site's short wording, and the first and last day it can mean as
  ISO dates with EDTF's astronomical years (`-0043-03-15` is 15 March 44 BC), null when that
  end is open or unknown. A date with a time of day adds `earliest_instant` and
  `latest_instant`, the first and last instant it can mean in UTC. Bodies are the Markdown as
  written.
- `updates` (an event's, actor's or place's corrections, updates and clarifications,
  `{date, kind, note}`, newest first) appears only when it has some.
- `history` (an event's, with `history: git`, once committed): `published` and `changed`, the
  instants (UTC) of the commits that first published it and last changed it; `changes`, newest
  first, each `{date, number, what}` (the commit's instant, its place in the event's history
  from 1, which is also its page's anchor `#change-<number>`, and what changed in words, as
  the page says it), with `message` (the commit's subject) under `history_messages: true`;
  `statuses`, newest first, each `{status, since}`.

The version goes up when a field is removed or changes meaning; adding a field does not change it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from generator.model import urls
from generator.model.dates import EventDate
from generator.model.days import iso_day, iso_instant
from generator.model.graph import Graph
from generator.model.history import History, commit_instant
from generator.model.media import Media
from generator.model.timeline import Actor, Citation, Event, Place, Source
from generator.model.updates import Update, newest_first
from generator.outputs.protocol import Files
from generator.outputs.splice import spliced
from generator.outputs.text import dumps
from generator.render.inputs import Inputs

FORMAT = "timeline-export"
VERSION = 2


class _Export:
    """`timeline.json`, each event's record encoded once while it is unchanged, spliced in."""

    name = "record"

    def shared(self, inputs: Inputs) -> Hashable:
        return inputs.graph.timeline.site.base_url

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        return event

    def make(self, inputs: Inputs, shared: Any, event: Event) -> bytes:
        return dumps(_event_record(shared, event)).encode()

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        yield (
            urls.TIMELINE_JSON,
            spliced_json(timeline_export(inputs.graph, with_events=False), pieces),
        )


TIMELINE_JSON = _Export()


def spliced_json(data: dict[str, Any], events: Sequence[bytes]) -> bytes:
    """`data` as one line of JSON, its "events" array spliced in from `events`, pre-encoded."""
    text = dumps({**data, "events": []})
    # json.dumps escapes every quote inside a string, so this is the key itself, and only one.
    before, after = text.encode().split(b'"events":[]', 1)
    return spliced(before + b'"events":[', events, b"]" + after + b"\n")


def date_record(date: EventDate) -> dict[str, Any]:
    """A date -> its timeline.json object: EDTF, wording, precision, flags, first and last day."""
    record = {
        "edtf": date.edtf(),
        "display": date.display(),
        "precision": date.precision,
        "approximate": date.is_approximate,
        "uncertain": date.is_uncertain,
        "earliest": iso_day(date.earliest_day()),
        "latest": iso_day(date.latest_day()),
    }
    if date.has_time:
        record["earliest_instant"] = iso_instant(date.earliest_instant())
        record["latest_instant"] = iso_instant(date.latest_instant())
    return record


def timeline_export(graph: Graph, *, with_events: bool = True) -> dict[str, Any]:
    """The graph -> the `timeline.json` document (format 'timeline-export', version 2);
    `with_events=False` leaves its "events" empty, for them to be spliced in."""
    timeline = graph.timeline
    site = timeline.site
    base = site.base_url
    return {
        "format": FORMAT,
        "version": VERSION,
        "site": {
            "title": site.title,
            "description": site.description,
            "language": site.language,
            "base_url": base,
        },
        "eras": [
            {"name": era.name, "date": date_record(era.date), "note": era.note} for era in site.eras
        ],
        "events": [_event_record(base, event) for event in timeline.events if with_events],
        "actors": [_actor_record(base, actor) for actor in timeline.actors.values()],
        "sources": [_source_record(base, source) for source in timeline.sources.values()],
        "places": [_place_record(base, place) for place in timeline.places.values()],
        "relations": [
            {"from": event.id, "relation": link.kind, "to": link.other.id}
            for event in timeline.events
            for link in graph.relations.get(event.id, ())
            if link.stated_here
        ],
    }


def _event_record(base_url: str, event: Event) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": event.id,
        "page": urls.absolute(base_url, urls.event(event.id)),
        "title": event.title,
        "summary": event.summary,
        "date": date_record(event.date),
        # Absent only for an event without a status, which `default_status: none` allows.
        **({} if event.status is None else {"status": event.status}),
        "actors": list(event.actors),
        "places": list(event.places),
        "tags": list(event.tags),
        "citations": [_citation_record(citation) for citation in event.citations],
        "body": event.body,
    }
    # Only when the content says, so that files without them stay as they were.
    add_media(record, base_url, event.media, event.body_media)
    if event.order:
        record["order"] = event.order
    if event.date_label:
        record["date_label"] = event.date_label
    add_updates(record, event.updates)
    if event.history is not None and event.history.changes:
        record["history"] = history_record(event.history)
    return record


def history_record(history: History) -> dict[str, Any]:
    """An event's history from git -> its timeline.json object, changes newest first."""
    changes = []
    for change in history.newest_first:
        entry: dict[str, Any] = {
            "date": change.instant,
            "number": change.number,
            "what": list(change.words),
        }
        if change.message:  # read only under `history_messages: true`
            entry["message"] = change.message
        changes.append(entry)
    return {
        "published": history.published.instant,
        "changed": history.changed.instant,
        "changes": changes,
        "statuses": [
            {"status": held.status, "since": commit_instant(held.since)}
            for held in reversed(history.statuses)
        ],
    }


def _actor_record(base_url: str, actor: Actor) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": actor.id,
        "page": urls.absolute(base_url, urls.actor(actor.id)),
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
    }
    if actor.country:
        record["country"] = actor.country
    record["body"] = actor.body
    add_media(record, base_url, actor.media, actor.body_media)
    add_updates(record, actor.updates)
    return record


def add_updates(record: dict[str, Any], updates: tuple[Update, ...]) -> None:
    """Add `updates`, newest first, to an event's, actor's or place's record when it has some."""
    if updates:
        record["updates"] = [
            {"date": update.iso, "kind": update.kind, "note": update.note}
            for update in newest_first(updates)
        ]


def add_media(
    record: dict[str, Any], base_url: str, media: tuple[Media, ...], body: tuple[Media, ...]
) -> None:
    """Add `media` and `body_media` to an event's or actor's record, each when it has some."""
    for key, entries in (("media", media), ("body_media", body)):
        if entries:
            record[key] = [_media_record(base_url, entry) for entry in entries]


def _media_record(base_url: str, entry: Media) -> dict[str, Any]:
    local, captions = entry.local, entry.captions
    renditions = [
        {
            "url": urls.absolute(base_url, r.path),
            "width": r.width,
            "height": r.height,
            "type": r.mime,
        }
        for r in (local.renditions() if local is not None else ())
    ]
    if entry.kind == "link":
        url = entry.url
    else:
        assert local is not None
        url = urls.absolute(base_url, local.shared().path if local.is_image else local.output)
    return {
        "kind": entry.kind,
        "url": url,
        "file": None if local is None else local.file,
        "alt": entry.alt,
        "caption": entry.caption,
        "credit": entry.credit,
        "source": entry.source or None,
        "title": entry.title,
        "link_kind": entry.link_kind or None,
        "renditions": renditions,
        "captions": None if captions is None else urls.absolute(base_url, captions.output),
    }


def _place_record(base_url: str, place: Place) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": place.id,
        "page": urls.absolute(base_url, urls.place(place.id)),
        "name": place.name,
        "kind": place.kind,
        "aliases": list(place.aliases),
        "coordinates": None if place.coordinates is None else list(place.coordinates),
        "country": place.country or None,
        "note": place.note,
        "body": place.body,
    }
    add_updates(record, place.updates)
    return record


def _citation_record(citation: Citation) -> dict[str, Any]:
    record: dict[str, Any] = {"source": citation.source, "quote": citation.quote or None}
    if citation.page:  # only for a PDF's, so that other files stay as they were
        record["page"] = citation.page
    return record


def _source_record(base_url: str, source: Source) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": source.id,
        "page": urls.absolute(base_url, urls.source(source.id)),
        "title": source.title,
        "publisher": source.publisher,
        "author": source.author,
        "date": None if source.date is None else date_record(source.date),
        "url": source.url,
        "local": source.local,
        "note": source.note,
    }
    # Only when the content says, so that files without them stay as they were.
    if source.accessed is not None:
        record["accessed"] = date_record(source.accessed)
    if source.archive:
        record["archive"] = source.archive
    if not source.publish_text:
        record["publish_text"] = False
    return record
