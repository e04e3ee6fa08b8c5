"""Machine-readable metadata for an event's page: schema.org JSON-LD and Open Graph tags (with
the event's first image as `og:image` and `twitter:image`, absolute from `base_url`).

The JSON-LD is one schema.org `Event`:

- `name`, `url`, and `description`: the summary (or the title when there is none), prefixed
  "Denied claim: " or "Disputed claim: " for those statuses, so that a search engine or a link
  preview never repeats a denied claim as fact.
- `startDate`/`endDate`: ISO 8601 at the date's precision (`2019`, `2019-02`, `2019-02-26`);
  qualifiers (`~ ? %`) have no ISO form and are dropped. An open or unknown end is omitted, and
  so is an end before AD 1, since ISO 8601 needs an agreed expanded year format for those.
- `attendee`: every actor, a `Person` when its kind is "person" and an `Organization` otherwise
  (a country or an armed force acts as an organised body). schema.org's Event has no
  "participant"; `attendee` is its word for a party taking part, and `organizer` would claim a
  role the content does not record.
- `location`: a `Place` per place, with its page as `url`, `geo` (`GeoCoordinates`) when it has
  coordinates and `address` (a `PostalAddress` with `addressCountry`) when it has a country;
  `keywords`: the tags.
- `review`: for denied and disputed claims, a `ClaimReview` whose `reviewRating` is a `Rating`
  with `alternateName` "Denied" or "Disputed" — schema.org's type for stating a claim's standing
  (`eventStatus` is about scheduling, so it is not used).
- `image`: the first image of the event (of its `media:`, else of its body), an
  `ImageObject` of the rendition that feeds and previews take, with its caption and credit.
- `subjectOf`: the event's `WebPage`, carrying the sources as `citation` (`CreativeWork`s with
  name, author, publisher, url and date when known): schema.org defines `citation` on creative
  works, and it is the page, not the event, that cites them.
- `correction` on that `WebPage`: each of the event's `updates:`, newest first, a
  `CorrectionComment` with `name` (Correction, Update or Clarification), `datePublished`, `text`
  and the `url` of the note on the page; `dateModified` is the newest one's day. schema.org
  defines both on creative works: the page was corrected, not the event.
- With `history: git`, the `WebPage`'s `datePublished` is the commit that first published the
  event and its `dateModified` the last commit that changed it (or the newest update's day,
  when that is later): both from git, never the clock.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import Any

from markupsafe import Markup

from generator.i18n import ENGLISH, N_, Language
from generator.model import urls
from generator.model.dates import iso_date
from generator.model.graph import Graph
from generator.model.history import History
from generator.model.media import Media, first_image
from generator.model.timeline import STATUSES, Event, Place, Source, event_places
from generator.model.updates import Update, newest_first
from generator.render.inputs import Inputs

SCHEMA_ORG = "https://schema.org"
# Statuses whose claims the structured data flags, so no machine reader takes them as fact.
FLAGGED = ("denied", "disputed")
# Escaped so that no title can close the <script> element or open an HTML comment inside it.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


# The flag of each flagged status, before the claim.
_CLAIMS = {"denied": N_("Denied claim: %(claim)s"), "disputed": N_("Disputed claim: %(claim)s")}


def description(event: Event, spoken: Language = ENGLISH) -> str:
    """An event -> its one-line description for metadata, flagging denied and disputed claims,
    in `spoken`."""
    text = event.summary or event.title
    if event.status in FLAGGED:
        return spoken.say(_CLAIMS[event.status], claim=text)
    return text


def event_jsonld(graph: Graph, event: Event) -> str:
    """An event -> the JSON-LD text for its page's <script type="application/ld+json">."""
    site = graph.timeline.site
    url = urls.absolute(site.base_url, urls.event(event.id))
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "@id": url + "#event",
        "name": event.title,
        "description": description(event, site.spoken),
        "url": url,
    }
    date = event.date
    start = iso_date(date.start)
    end = iso_date(date.end) if date.end is not None else None
    if start is not None:
        data["startDate"] = start
    if end is not None:
        data["endDate"] = end
    if event.actors:
        data["attendee"] = [_agent(graph, actor_id) for actor_id in event.actors]
    if event.places:
        base = site.base_url
        data["location"] = [_place(base, place) for place in event_places(graph.timeline, event)]
    if event.tags:
        data["keywords"] = ", ".join(event.tags)
    if event.status in FLAGGED:
        label = STATUSES[event.status][0]
        data["review"] = {
            "@type": "ClaimReview",
            "claimReviewed": event.title,
            "reviewRating": {"@type": "Rating", "alternateName": label},
            "reviewBody": f"{site.title} lists this claim as {label.lower()}.",
            "author": {"@type": "Organization", "name": site.title, "url": site.base_url},
            "url": url,
        }
    image = first_image(event.media, event.body_media)
    if image is not None and image.local is not None:
        data["image"] = _image_object(site.base_url, image)
    page: dict[str, Any] = {"@type": "WebPage", "@id": url, "url": url, "name": event.title}
    cited = list(dict.fromkeys(citation.source for citation in event.citations))
    if cited:
        sources = graph.timeline.sources
        page["citation"] = [_creative_work(sources[source_id]) for source_id in cited]
    if event.updates:
        add_corrections(page, event.updates, site.spoken)
    if event.history is not None and event.history.changes:
        add_history(page, event.history)
    data["subjectOf"] = page
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)


def add_corrections(page: dict[str, Any], updates: tuple[Update, ...], spoken: Language) -> None:
    """Add to a `WebPage` its updates as `correction`s (named in `spoken`), newest first, and
    `dateModified`."""
    newest = newest_first(updates)
    page["dateModified"] = newest[0].iso
    page["correction"] = [
        {
            "@type": "CorrectionComment",
            "name": update.label(spoken),
            "datePublished": update.iso,
            "text": update.note,
            "url": page["url"] + "#" + update.anchor,
        }
        for update in newest
    ]


def add_history(page: dict[str, Any], history: History) -> None:
    """Add to a `WebPage` when its event was first published and last changed, from git; an
    update of a later day than the last commit (see add_corrections) stays `dateModified`."""
    page["datePublished"] = history.published.instant
    changed = history.changed
    if page.get("dateModified", "") <= changed.iso:
        page["dateModified"] = changed.instant


def _image_object(base_url: str, image: Media) -> dict[str, Any]:
    assert image.local is not None
    shared = image.local.shared()
    found: dict[str, Any] = {
        "@type": "ImageObject",
        "contentUrl": urls.absolute(base_url, shared.path),
        "width": shared.width,
        "height": shared.height,
    }
    if image.caption or image.alt:
        found["caption"] = image.caption or image.alt
    if image.credit:
        found["creditText"] = image.credit
    return found


def _agent(graph: Graph, actor_id: str) -> dict[str, Any]:
    actor = graph.timeline.actors[actor_id]
    agent: dict[str, Any] = {
        "@type": "Person" if actor.kind.strip().casefold() == "person" else "Organization",
        "name": actor.name,
        "url": urls.absolute(graph.timeline.site.base_url, urls.actor(actor.id)),
    }
    if actor.aliases:
        agent["alternateName"] = list(actor.aliases)
    return agent


def _place(base_url: str, place: Place) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Place",
        "name": place.name,
        "url": urls.absolute(base_url, urls.place(place.id)),
    }
    if place.coordinates is not None:
        latitude, longitude = place.coordinates
        data["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
    if place.country:
        data["address"] = {"@type": "PostalAddress", "addressCountry": place.country}
    return data


def _creative_work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.author:
        # Free text that may name a person or a newsroom: Person is the common case for bylines.
        work["author"] = {"@type": "Person", "name": source.author}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    published = iso_date(source.date.start) if source.date is not None else None
    if published is not None:
        work["datePublished"] = published
    if source.url:
        work["url"] = source.url
    return work


def event_meta(graph: Graph, event: Event) -> list[tuple[str, str, str]]:
    """An event -> its Open Graph and Twitter card tags as (attribute, key, value), unescaped."""
    site = graph.timeline.site
    text = description(event, site.spoken)
    url = urls.absolute(site.base_url, urls.event(event.id))
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:title", event.title),
        ("property", "og:description", text),
        ("property", "og:url", url),
        ("property", "og:site_name", site.title),
    ]
    image = first_image(event.media, event.body_media)
    if image is None or image.local is None:
        tags.append(("name", "twitter:card", "summary"))
    else:
        shared = image.local.shared()
        address = urls.absolute(site.base_url, shared.path)
        tags += [
            ("property", "og:image", address),
            ("property", "og:image:type", shared.mime),
            ("property", "og:image:width", str(shared.width)),
            ("property", "og:image:height", str(shared.height)),
            *([("property", "og:image:alt", image.alt)] if image.alt else []),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image", address),
            *([("name", "twitter:image:alt", image.alt)] if image.alt else []),
        ]
    return [*tags, ("name", "twitter:title", event.title), ("name", "twitter:description", text)]


class _JsonLdPieces:
    """Each event's JSON-LD, for its page."""

    name = "jsonld"

    def shared(self, inputs: Inputs) -> Hashable:
        return inputs.graph.timeline.site

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        timeline = inputs.graph.timeline
        actors = tuple(timeline.actors[actor_id] for actor_id in event.actors)
        cited = tuple(timeline.sources[citation.source] for citation in event.citations)
        return event, actors, cited, event_places(timeline, event)

    def make(self, inputs: Inputs, shared: Any, event: Event) -> Markup:
        # Markup already, so that the page's values hold this string rather than a copy of it.
        return Markup(event_jsonld(inputs.graph, event))


class _MetaPieces:
    """Each event's Open Graph and Twitter card tags, for its page."""

    name = "meta"

    def shared(self, inputs: Inputs) -> Hashable:
        return inputs.graph.timeline.site

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        return event

    def make(self, inputs: Inputs, shared: Any, event: Event) -> tuple[tuple[str, str, str], ...]:
        return tuple(event_meta(inputs.graph, event))


JSONLD = _JsonLdPieces()
META = _MetaPieces()
