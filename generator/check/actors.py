"""content/actors/: the people and organisations events name."""

from __future__ import annotations

from collections.abc import Collection

from generator.check.fields import Fields
from generator.check.ids import check_id
from generator.check.media import Files, body_media, check_media
from generator.check.places import country_code
from generator.check.updates import check_updates
from generator.errors import ContentError
from generator.load.documents import Document
from generator.model.timeline import Actor

ACTOR_KEYS = ("name", "kind", "aliases", "country", "media", "updates")


def check_actors(
    documents: list[Document], errors: list[ContentError], files: Files, sources: Collection[str]
) -> dict[str, Actor]:
    """The actors of `documents` by id, leaving out those with an invalid id; errors recorded.
    `files` are those of content/media/, `sources` the ids a media entry may cite."""
    actors: dict[str, Actor] = {}
    taken = {document.path.stem for document in documents}
    for document in documents:
        actor_id = document.path.stem
        if not check_id(actor_id, document.shown, "actor", errors, taken):
            continue
        fields = Fields(document.meta, document.shown, errors)
        fields.check_keys(ACTOR_KEYS)
        actors[actor_id] = Actor(
            id=actor_id,
            name=fields.text("name", required=True),
            kind=fields.text("kind", required=True),
            aliases=tuple(item for _, item in fields.text_list("aliases")),
            body=document.body,
            path=document.shown,
            body_line=document.body_line,
            country=country_code(fields),
            media=check_media(fields, files, sources),
            body_media=body_media(document, files, errors),
            updates=check_updates(fields),
        )
    return actors
