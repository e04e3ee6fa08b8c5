"""A site of several languages (`languages:` in site.yaml): the timeline as each language's
site shows it, its words swapped for the translations and its settings for the language's."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TypeVar

from generator.model import urls
from generator.model.timeline import Actor, Event, Place, SiteConfig, Timeline
from generator.model.translations import Translation

T = TypeVar("T", Actor, Place)


def language_site(site: SiteConfig, language: str) -> SiteConfig:
    """The settings of the site in `language`, one of `site.languages`: its catalog, and its
    address under the default language's."""
    if language == site.content_language:
        return site
    return dataclasses.replace(
        site,
        language=language,
        translations=dict(site.catalogs).get(language, b""),
        base_url=urls.absolute(site.base_url, urls.translated("", language, site.languages)),
        root_url=site.base_url,
    )


def translated(timeline: Timeline, language: str) -> Timeline:
    """`timeline` as its site in `language` shows it: each event, actor and place in its
    translation where it has one; an event without one keeps its original words, marked with
    their language. The facts are the original's."""
    site = timeline.site
    if language == site.content_language:
        return timeline
    found = {(t.kind, t.id): t for t in timeline.translations if t.language == language}
    original = site.content_language
    return dataclasses.replace(
        timeline,
        site=language_site(site, language),
        events=tuple(
            _event(event, found.get(("events", event.id)), original) for event in timeline.events
        ),
        actors=_named(timeline.actors, found, "actors", original),
        places=_named(timeline.places, found, "places", original),
    )


def _event(event: Event, translation: Translation | None, original: str) -> Event:
    """`event` in the words of `translation`, or marked as in `original` without one."""
    if translation is None:
        return dataclasses.replace(event, text_language=original)
    return dataclasses.replace(
        event,
        title=translation.title,
        summary=translation.summary,
        date_label=translation.date_label,
        body=translation.body,
        body_media=translation.body_media,
        path=translation.path,
        body_line=translation.body_line,
    )


def _named(
    items: Mapping[str, T],
    found: Mapping[tuple[str, str], Translation],
    kind: str,
    original: str,
) -> dict[str, T]:
    """Actors or places by id, each with its translation's name and body where it has one,
    else its body marked as in `original` (a name is mostly the same in every language)."""
    named = dict(items)
    for item_id, item in items.items():
        translation = found.get((kind, item_id))
        if translation is None:
            named[item_id] = dataclasses.replace(item, text_language=original)
        else:
            named[item_id] = dataclasses.replace(
                item,
                name=translation.title,
                body=translation.body,
                path=translation.path,
                body_line=translation.body_line,
            )
    return named


def missing(timeline: Timeline) -> list[tuple[Event, str]]:
    """Every event of `timeline` without a translation into one of the site's other languages,
    with that language."""
    have = {(t.id, t.language) for t in timeline.translations if t.kind == "events"}
    others = timeline.site.languages[1:]
    return [
        (event, language)
        for event in timeline.events
        for language in others
        if (event.id, language) not in have
    ]
