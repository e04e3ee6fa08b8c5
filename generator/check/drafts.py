"""Drafts: events with `draft: true`, left out of a published build in this one place, so that
no later stage (pages, feeds, exports, search, sitemap) ever sees them."""

from __future__ import annotations

import dataclasses

from generator.errors import BuildFailed, ContentError
from generator.model.timeline import Timeline
from generator.model.wikilinks import find_wikilinks


def published(timeline: Timeline) -> Timeline:
    """`timeline` without its drafts; raise BuildFailed when a published event or an actor,
    or a translation of one, links to one, since its page would link to nothing."""
    drafts = {event.id for event in timeline.events if event.draft}
    if not drafts:
        return timeline
    errors: list[ContentError] = []
    for event in timeline.events:
        if event.draft:
            continue
        for relation in event.related:
            if relation.target in drafts:
                errors.append(_linked(event.path, relation.line, "related", relation.target))
        _check_body(event.path, event.body, event.body_line, drafts, errors)
    for actor in timeline.actors.values():
        _check_body(actor.path, actor.body, actor.body_line, drafts, errors)
    for translation in timeline.translations:  # a draft's own are left out with it
        if translation.kind != "places" and translation.id not in drafts:
            _check_body(translation.path, translation.body, translation.body_line, drafts, errors)
    if errors:
        raise BuildFailed(errors)
    events = tuple(event for event in timeline.events if not event.draft)
    return dataclasses.replace(timeline, events=events)


def _check_body(
    path: str, body: str, body_line: int, drafts: set[str], errors: list[ContentError]
) -> None:
    for link in find_wikilinks(body):
        if link.target in drafts:
            line = body_line + body.count("\n", 0, link.offset)
            errors.append(_linked(path, line, "body", link.target))


def _linked(path: str, line: int, field: str, draft: str) -> ContentError:
    return ContentError(
        path,
        line,
        field,
        f"links to the draft event {draft}",
        f"publish {draft} (remove draft: true) or remove the link",
    )
