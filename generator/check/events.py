"""content/events/: an event's fields, the sources it cites with their quotes, and the events
it is related to."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.check.fields import Fields, value_kind
from generator.check.ids import check_id, reserved_error
from generator.check.media import Files, body_media, check_media
from generator.check.nearest import wrong_quote
from generator.check.quotes import SearchableText
from generator.check.updates import check_updates
from generator.errors import ContentError, did_you_mean
from generator.load.documents import Document
from generator.load.yaml_lines import KeyPath
from generator.model.ids import ID_PATTERN, MAX_ID_LENGTH, RESERVED_IDS, slugify
from generator.model.timeline import (
    DEFAULT_RELATION,
    RELATIONS,
    STATUSES,
    Citation,
    Event,
    Relation,
    Source,
)

EVENT_KEYS = (
    "title",
    "summary",
    "date",
    "status",
    "actors",
    "places",
    "tags",
    "sources",
    "related",
    "draft",
    "order",
    "date_label",
    "timezone",
    "media",
    "updates",
)
CITATION_KEYS = ("source", "quote", "translation")
RELATED_KEYS = ("id", "relation")


@dataclass(frozen=True, slots=True)
class Known:
    """What events may refer to. The ids of files that could not be read count as known, so
    that one broken file is reported once, not again at every reference to it."""

    sources: dict[str, Source]
    texts: dict[str, SearchableText]  # only the sources whose local copy was read
    actors: set[str]
    events: set[str]
    all_sources: bool  # False when sources.yaml could not be read
    default_status: str | None  # site.yaml's, for events that state none
    media: Files  # every file of content/media/
    timezone: str = "UTC"  # the site's, for events that name none
    places: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name -> place ids


def check_event(document: Document, known: Known, errors: list[ContentError]) -> Event | None:
    """The Event of `document`, or None when its id, title or date is unusable; errors recorded."""
    event_id = document.path.stem
    valid_id = check_id(event_id, document.shown, "event", errors, known.events)
    fields = Fields(document.meta, document.shown, errors)
    fields.check_keys(EVENT_KEYS)
    title = fields.text("title", required=True)
    date = fields.date("date", required=True, zone=fields.zone("timezone") or known.timezone)
    status = _status(fields, known.default_status)
    actor_ids = _actor_ids(fields, known.actors)
    tags = _tags(fields)
    places = _place_ids(fields, known.places)
    citations = _citations(fields, known)
    related = _related(fields, event_id, known.events)
    draft = _draft(fields)
    order = _order(fields)
    media = check_media(fields, known.media, known.sources)
    placed = body_media(document, known.media, errors)
    updates = check_updates(fields)
    if not valid_id or not title or date is None:
        return None
    return Event(
        id=event_id,
        title=title,
        summary=fields.text("summary"),
        date=date,
        status=status,
        actors=tuple(actor_ids),
        places=tuple(dict.fromkeys(places)),
        tags=tuple(tags),
        citations=tuple(citations),
        related=tuple(related),
        body=document.body,
        path=document.shown,
        draft=draft,
        order=order,
        date_label=fields.text("date_label"),
        body_line=document.body_line,
        media=media,
        body_media=placed,
        updates=updates,
    )


def _draft(fields: Fields) -> bool:
    """Whether the event is a draft: `draft: true`, `false` or absent (not a draft)."""
    return fields.flag(
        "draft",
        default=False,
        fix="write `draft: true` to keep the event out of the site, or remove the line",
    )


def _order(fields: Fields) -> int:
    """The event's place among events of the same date: a whole number, 0 when absent."""
    value = fields.mapping.get("order")
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    fields.error(
        "order",
        f"expected a whole number, got {value_kind(value)}",
        "write `order: 1`, `order: 2` … to order events of the same date (lower first)",
    )
    return 0


def _status(fields: Fields, default: str | None) -> str | None:
    """The event's status; `default` when it has none or one that is not in STATUSES."""
    if isinstance(fields.mapping.get("status"), bool):  # `status: yes` or `no`
        fields.error(
            "status",
            "YAML reads this as a yes/no value, not a status",
            f"use one of: {', '.join(STATUSES)}",
        )
        return default
    status = fields.text("status")
    if not status:
        return default
    if status not in STATUSES:
        fields.error(
            "status",
            f"unknown status `{status}`{did_you_mean(status, STATUSES)}",
            f"use one of: {', '.join(STATUSES)}",
        )
        return default
    return status


def _actor_ids(fields: Fields, actors: set[str]) -> list[str]:
    actor_ids: list[str] = []
    for index, actor_id in fields.text_list("actors"):
        if actor_id not in actors:
            fields.error(
                ("actors", index),
                f"unknown actor `{actor_id}`{did_you_mean(actor_id, actors)}",
                f"create content/actors/{actor_id}.md or fix the id",
            )
        elif actor_id not in actor_ids:
            actor_ids.append(actor_id)
    return actor_ids


def _place_ids(fields: Fields, places: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The ids of the places the event names by id, name or alias; each other name an error."""
    place_ids: list[str] = []
    for index, name in fields.text_list("places"):
        if not name:
            continue
        ids = places.get(name)
        if ids is None:
            fields.error(
                ("places", index),
                f"unknown place `{name}`{did_you_mean(name, places)}",
                f"create content/places/{slugify(name)}.md with `name: {name}`, or fix the name",
            )
        elif len(ids) > 1:
            fields.error(
                ("places", index),
                f"`{name}` names {len(ids)} places ({', '.join(ids)})",
                "write the id of the one meant",
            )
        elif ids[0] not in place_ids:
            place_ids.append(ids[0])
    return place_ids


def _tags(fields: Fields) -> list[str]:
    tags: list[str] = []
    for index, tag in fields.text_list("tags"):
        if not ID_PATTERN.fullmatch(tag) or len(tag) > MAX_ID_LENGTH:
            fields.error(
                ("tags", index),
                f"`{tag}` is not a valid tag",
                "write tags in lowercase with hyphens, such as air-defence",
            )
        elif tag in RESERVED_IDS:
            line = fields.data.line("tags", index)
            fields.errors.append(
                reserved_error(fields.shown, line, f"tags[{index}]", tag, "rename it")
            )
        elif tag not in tags:
            tags.append(tag)
    return tags


def _citations(fields: Fields, known: Known) -> list[Citation]:
    value = fields.mapping.get("sources")
    if value is None:
        return []
    if not isinstance(value, list):
        fields.error("sources", "expected a list", "write `- source: id` with a `quote:` each")
        return []
    citations: list[Citation] = []
    for index, item in enumerate(value):
        where: KeyPath
        if isinstance(item, str):
            source_id, quote, where = item, "", ("sources", index)
        elif isinstance(item, dict):
            entry = fields.nested("sources", index)
            entry.check_keys(CITATION_KEYS)
            source_id, quote = entry.text("source", required=True), entry.text("quote")
            where = ("sources", index, "source")
        else:
            fields.error(
                ("sources", index), "expected `source:` and `quote:`", "write `- source: id`"
            )
            continue
        if not source_id:
            continue
        source = known.sources.get(source_id)
        if source is None:
            if known.all_sources:
                fields.error(
                    where,
                    f"unknown source `{source_id}`{did_you_mean(source_id, known.sources)}",
                    "add it to content/sources.yaml or fix the id",
                )
            continue
        citation = _citation(fields, index, source, quote, known)
        if citation is not None:
            translations = _quote_translations(fields, index) if quote else ()
            citations.append(dataclasses.replace(citation, translations=translations))
    return citations


def _citation(
    fields: Fields, index: int, source: Source, quote: str, known: Known
) -> Citation | None:
    """The citation of `source` at sources[index], with where its `quote` is in the source's
    local copy; None when the quote cannot be checked or is not there (recorded when it matters)."""
    if not quote:
        return Citation(source.id, "", 0, 0)
    if source.local is None:
        fields.error(
            ("sources", index, "quote"),
            f"source `{source.id}` has no local copy to check the quote against",
            "add `local: seeds/…` to the source in content/sources.yaml",
        )
        return None
    text = known.texts.get(source.id)
    if text is None:
        return None  # its `local:` path is wrong, which is reported on the source
    parts = text.find_parts(quote)
    if parts is None:
        fields.error(
            ("sources", index, "quote"),
            f"not found in {source.local}",
            wrong_quote(source, text, quote),
        )
        return None
    page = bisect.bisect_right(source.pages, parts[0][0]) if source.pages else 0
    return Citation(
        source.id, quote, parts[0][0], parts[-1][1], parts if len(parts) > 1 else (), page
    )


def _quote_translations(fields: Fields, index: int) -> tuple[tuple[str, str], ...]:
    """`translation:` beside the quote at sources[index]: one text, in the content's language,
    or texts by language (`{fr: …, de: …}`); by language, '' for the content's."""
    entry = fields.nested("sources", index)
    value = entry.mapping.get("translation")
    if value is None:
        return ()
    if not isinstance(value, dict):
        text = entry.text("translation")
        return (("", text),) if text else ()
    by_language = entry.nested("translation")
    return tuple(
        (str(tag), text) for tag in value if (text := by_language.text(str(tag), required=True))
    )


def _related(fields: Fields, event_id: str, event_ids: set[str]) -> list[Relation]:
    value = fields.mapping.get("related")
    if value is None:
        return []
    if not isinstance(value, list):
        fields.error("related", "expected a list", "write `- other-event-id` lines")
        return []
    relations: list[Relation] = []
    for index, item in enumerate(value):
        key: KeyPath = ("related", index)
        if isinstance(item, str):
            target, kind = item.strip(), DEFAULT_RELATION
        elif isinstance(item, dict):
            entry = fields.nested(*key)
            entry.check_keys(RELATED_KEYS)
            target = entry.text("id", required=True)
            kind = entry.text("relation", default=DEFAULT_RELATION) or DEFAULT_RELATION
            if kind not in RELATIONS:
                entry.error(
                    "relation",
                    f"unknown relation `{kind}`{did_you_mean(kind, RELATIONS)}",
                    f"use one of: {', '.join(RELATIONS)}",
                )
                continue
            key = (*key, "id")
        else:
            fields.error(key, "expected an event id", "write the id of another event")
            continue
        if not target:
            continue
        if target == event_id:
            fields.error(key, "an event cannot be related to itself", "remove this entry")
        elif target not in event_ids:
            fields.error(
                key,
                f"unknown event `{target}`{did_you_mean(target, event_ids)}",
                f"create content/events/{target}.md or fix the id",
            )
        else:
            relations.append(Relation(target, kind, fields.data.line(*key)))
    return relations
