"""Stage 2: check parsed documents against the content format and build the frozen model."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from generator import i18n
from generator.check.actors import check_actors
from generator.check.bodies import check_body_links
from generator.check.events import Known, check_event
from generator.check.ids import check_actor_event_clashes, check_case_clashes
from generator.check.media import unused_warnings, used_files
from generator.check.places import check_places, place_names
from generator.check.quotes import searchable
from generator.check.site import check_site
from generator.check.sources import check_sources, usable
from generator.errors import BuildFailed, ContentError, did_you_mean
from generator.load.documents import Document
from generator.load.files import RawContent
from generator.model.timeline import (
    DEFAULT_STATUS,
    Event,
    Timeline,
    in_time_order,
    shown_media,
)
from generator.model.wikilinks import find_wikilinks

_Checked = tuple[Document, Event | None, list[ContentError]]


@dataclass(slots=True)
class ValidateCache:
    """Events checked by an earlier validate, reused for documents that did not change while
    everything an event may refer to (sources, actor, event and place names) and the site's
    default status and time zone stayed the same."""

    context: tuple[object, ...] | None = None
    events: dict[int, _Checked] = field(default_factory=dict)


def validate(raw: RawContent, cache: ValidateCache | None = None) -> Timeline:
    """Check every document and build the Timeline; raise BuildFailed listing every error.

    With a `cache` (the preview's), an unchanged document keeps the Event checked last time.
    """
    errors = list(raw.errors)
    site = (
        check_site(raw.site, raw.site_shown, raw.base_url, errors, raw.translations)
        if raw.site is not None
        else None
    )
    sources = check_sources(raw, errors)
    actors = check_actors(raw.actors, errors, raw.media, sources)
    places = check_places(raw.places, errors)
    known = Known(
        sources=sources,
        texts={
            source_id: searchable(source.text, raw.seeds[source.local].breaks)
            for source_id, source in sources.items()
            if source.local in raw.seeds
        },
        actors=actors.keys() | raw.unreadable_actors,
        events={doc.path.stem for doc in raw.events} | raw.unreadable_events,
        all_sources=not raw.unreadable_sources and usable(raw.sources),
        timezone=site.timezone if site is not None else "UTC",
        default_status=DEFAULT_STATUS if site is None else site.default_status,
        places={**place_names(places), **{i: (i,) for i in raw.unreadable_places}},
        media=raw.media,
    )
    check_case_clashes(raw.actors, errors)
    check_case_clashes(raw.events, errors)
    check_case_clashes(raw.places, errors)
    check_actor_event_clashes(raw.actors, raw.events, errors)
    events = _events(raw.events, known, cache if cache is not None else ValidateCache(), errors)
    linkable = known.actors | known.events
    for document in (*raw.actors, *raw.events, *raw.places):
        _check_wikilinks(document, linkable, errors)
        check_body_links(document, linkable, errors)
    if errors or site is None:
        raise BuildFailed(errors)
    timeline = Timeline(site, sources, actors, tuple(in_time_order(events)), places)
    warnings = unused_warnings(raw.media, used_files(shown_media(timeline)))
    if not i18n.language(site.language, site.translations).has_catalog:
        warnings.append(
            ContentError(raw.site_shown, 1, "language", *i18n.missing_catalog(site.language))
        )
    return dataclasses.replace(timeline, warnings=tuple(warnings))


def _events(
    documents: list[Document], known: Known, cache: ValidateCache, errors: list[ContentError]
) -> list[Event]:
    """The valid events of `documents`, each checked again only if it changed or `known` did."""
    context = (
        known.sources,
        frozenset(known.actors),
        frozenset(known.events),
        known.all_sources,
        known.timezone,
        known.default_status,
        tuple(known.places.items()),
        known.media,
    )
    previous = cache.events if cache.context == context else {}
    checked: dict[int, _Checked] = {}
    events: list[Event] = []
    for document in documents:
        entry = previous.get(id(document))
        if entry is None or entry[0] is not document:
            own_errors: list[ContentError] = []
            entry = (document, check_event(document, known, own_errors), own_errors)
        checked[id(document)] = entry
        errors.extend(entry[2])
        if entry[1] is not None:
            events.append(entry[1])
    cache.context, cache.events = context, checked
    return events


def _check_wikilinks(document: Document, known: set[str], errors: list[ContentError]) -> None:
    for link in find_wikilinks(document.body):
        if link.target not in known:
            errors.append(
                ContentError(
                    document.shown,
                    document.body_line + document.body.count("\n", 0, link.offset),
                    "body",
                    f"[[{link.target}]] links to no event or actor"
                    f"{did_you_mean(link.target, known)}",
                    "fix the id, or create the event or actor",
                )
            )
