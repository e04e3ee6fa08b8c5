"""Stage 2: check parsed documents against the content format and build the frozen model."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from generator import i18n
from generator.check.actors import ACTOR_KEYS, check_actors
from generator.check.bodies import check_body_links
from generator.check.events import EVENT_KEYS, Known, check_event
from generator.check.ids import check_actor_event_clashes, check_case_clashes
from generator.check.media import unused_warnings, used_files
from generator.check.places import PLACE_KEYS, check_places, place_names
from generator.check.quotes import searchable
from generator.check.site import check_site
from generator.check.sources import check_sources, usable
from generator.check.translations import (
    check_translations,
    missing_warnings,
    split_translations,
)
from generator.errors import BuildFailed, ContentError, did_you_mean
from generator.load.documents import Document
from generator.load.files import RawContent
from generator.model.timeline import (
    DEFAULT_STATUS,
    Event,
    SiteConfig,
    TimeKey,
    Timeline,
    in_time_order,
    shown_media,
    time_key,
)
from generator.model.translations import Translation
from generator.model.wikilinks import find_wikilinks

# A document, its event (None if invalid), its errors, and the event's place in time.
_Checked = tuple[Document, Event | None, list[ContentError], TimeKey | None]


@dataclass(slots=True)
class ValidateCache:
    """Events checked by an earlier validate, reused for documents that did not change while
    everything an event may refer to (sources, actor, event and place names) and the site's
    default status and time zone stayed the same."""

    context: tuple[object, ...] | None = None
    events: dict[int, _Checked] = field(default_factory=dict)
    # Each document's errors in the links of its body, while the ids a link may name stay.
    linkable: frozenset[str] = frozenset()
    bodies: dict[int, tuple[Document, list[ContentError]]] = field(default_factory=dict)
    # The last timeline's events in time order, each with its key, and the ids sorted.
    order: tuple[tuple[TimeKey, Event], ...] = ()
    sorted_ids: tuple[str, ...] = ()
    files: _Files | None = None


@dataclass(frozen=True, slots=True)
class _Files:
    """What the names of the files alone decide, for as long as they stay: which files are
    translations, the events' ids, and the errors of ids that clash."""

    names: tuple[object, ...]  # the languages, and the files of each kind as errors show them
    originals: tuple[tuple[int, ...], ...]  # of the actors, events and places, by index
    translations: tuple[tuple[int, ...], ...]
    event_ids: frozenset[str]
    errors: tuple[ContentError, ...]


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
    cache = cache if cache is not None else ValidateCache()
    languages = site.languages if site is not None else ()
    raw, translated, event_ids = _files(raw, languages, cache, errors)
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
        events=set(event_ids) | raw.unreadable_events,
        all_sources=not raw.unreadable_sources and usable(raw.sources),
        timezone=site.timezone if site is not None else "UTC",
        default_status=DEFAULT_STATUS if site is None else site.default_status,
        places={**place_names(places), **{i: (i,) for i in raw.unreadable_places}},
        media=raw.media,
    )
    checked = _events(raw.events, known, cache, errors)
    events = [entry[1] for entry in checked if entry[1] is not None]
    keys = {id(entry[1]): entry[3] for entry in checked if entry[3] is not None}
    translations = _translations(translated, known, places.keys(), site, errors)
    words = [document for documents in translated.values() for document in documents]
    documents = (*raw.actors, *raw.events, *raw.places, *words)
    _check_bodies(documents, known.actors | known.events, cache, errors)
    if errors or site is None:
        raise BuildFailed(errors)
    ordered = _in_time_order(events, keys, cache)
    timeline = Timeline(site, sources, actors, ordered, places, translations=translations)
    warnings = unused_warnings(raw.media, used_files(shown_media(timeline)))
    warnings += missing_warnings(timeline)
    for tag, po in site.catalogs or ((site.language, site.translations),):
        if not i18n.language(tag, po).has_catalog:
            field = "languages" if site.languages else "language"
            warnings.append(ContentError(raw.site_shown, 1, field, *i18n.missing_catalog(tag)))
    return dataclasses.replace(timeline, warnings=tuple(warnings))


def _files(
    raw: RawContent, languages: tuple[str, ...], cache: ValidateCache, errors: list[ContentError]
) -> tuple[RawContent, dict[str, list[Document]], frozenset[str]]:
    """`raw` with only the originals of actors, events and places, their translations
    (`<id>.<lang>.md`, see check/translations.py) by kind, and the events' ids; the errors of
    clashing ids recorded. What the files' names decide is worked out again only when a name
    changed."""
    kinds = (raw.actors, raw.events, raw.places)
    names = (languages, *(tuple(document.shown for document in kind) for kind in kinds))
    if cache.files is None or cache.files.names != names:
        cache.files = _named(kinds, languages, names)
    files = cache.files
    errors.extend(files.errors)
    actors, events, places = (
        [kind[at] for at in chosen] for kind, chosen in zip(kinds, files.originals, strict=True)
    )
    originals = dataclasses.replace(raw, actors=actors, events=events, places=places)
    translated = {
        name: [kind[at] for at in chosen]
        for name, kind, chosen in zip(_KINDS, kinds, files.translations, strict=True)
    }
    return originals, translated, files.event_ids


_KINDS = ("actors", "events", "places")


def _named(
    kinds: tuple[list[Document], ...], languages: tuple[str, ...], names: tuple[object, ...]
) -> _Files:
    """What the names of the actors', events' and places' files decide (see _Files)."""
    split = [split_translations(kind, languages) for kind in kinds]
    errors: list[ContentError] = []
    actors, events, places = (originals for originals, _ in split)
    for originals in (actors, events, places):
        check_case_clashes(originals, errors)
    check_actor_event_clashes(actors, events, errors)
    return _Files(
        names,
        tuple(_indexes(kind, originals) for kind, (originals, _) in zip(kinds, split, strict=True)),
        tuple(_indexes(kind, words) for kind, (_, words) in zip(kinds, split, strict=True)),
        frozenset(document.path.stem for document in events),
        tuple(errors),
    )


def _indexes(documents: list[Document], chosen: list[Document]) -> tuple[int, ...]:
    """Where each of `chosen` is in `documents`."""
    at = {id(document): index for index, document in enumerate(documents)}
    return tuple(at[id(document)] for document in chosen)


def _translations(
    documents: dict[str, list[Document]],
    known: Known,
    places: Collection[str],
    site: SiteConfig | None,
    errors: list[ContentError],
) -> tuple[Translation, ...]:
    """The translations of every kind, each of an actor, event or place in `known`."""
    if site is None:
        return ()
    facts = {"actors": ACTOR_KEYS, "events": EVENT_KEYS, "places": PLACE_KEYS}
    originals = {"actors": known.actors, "events": known.events, "places": places}
    return tuple(
        translation
        for kind, found in documents.items()
        for translation in check_translations(
            kind, found, facts[kind], (originals[kind], site.languages, known.media), errors
        )
    )


def _events(
    documents: list[Document], known: Known, cache: ValidateCache, errors: list[ContentError]
) -> list[_Checked]:
    """`documents` checked, each again only if it changed or `known` did."""
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
    for document in documents:
        entry = previous.get(id(document))
        if entry is None or entry[0] is not document:
            own_errors: list[ContentError] = []
            event = check_event(document, known, own_errors)
            key = None if event is None else time_key(event)
            entry = (document, event, own_errors, key)
        checked[id(document)] = entry
        errors.extend(entry[2])
    cache.context, cache.events = context, checked
    return list(checked.values())


def _check_bodies(
    documents: Sequence[Document],
    linkable: set[str],
    cache: ValidateCache,
    errors: list[ContentError],
) -> None:
    """Record the errors in the links of every body, whose `[[id]]` may name `linkable`; a
    document unchanged since the last check, `linkable` the same, keeps its errors."""
    ids = frozenset(linkable)
    previous = cache.bodies if cache.linkable == ids else {}
    checked: dict[int, tuple[Document, list[ContentError]]] = {}
    for document in documents:
        entry = previous.get(id(document))
        if entry is None or entry[0] is not document:
            found: list[ContentError] = []
            _check_wikilinks(document, linkable, found)
            check_body_links(document, linkable, found)
            entry = (document, found)
        checked[id(document)] = entry
        errors.extend(entry[1])
    cache.linkable, cache.bodies = ids, checked


def _in_time_order(
    events: list[Event], keys: dict[int, TimeKey], cache: ValidateCache
) -> tuple[Event, ...]:
    """`events` in time order, by their `keys`: the last order again, its events replaced by
    their new selves, when the same ids have the same keys (a body edit; a key orders all
    events, its id last); else sorted anew."""
    ids = tuple(event.id for event in events)
    if ids == cache.sorted_ids:
        now = {event.id: event for event in events}
        again = [(keys[id(now[event.id])], now[event.id]) for _, event in cache.order]
        if all(new[0] == old[0] for new, old in zip(again, cache.order, strict=True)):
            cache.order = tuple(again)
            return tuple(event for _, event in again)
    ordered = tuple(in_time_order(events, lambda event: keys[id(event)]))
    cache.order = tuple((keys[id(event)], event) for event in ordered)
    cache.sorted_ids = ids
    return ordered


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
