"""A translation of an event, actor or place: `<id>.<lang>.md` beside the original, holding
only its words (title or name, summary, date label, body). The facts stay in the original."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.media import Media

# What a translation may set, by folder: everything else in the original is a fact.
TRANSLATED_KEYS: dict[str, tuple[str, ...]] = {
    "events": ("title", "summary", "date_label"),
    "actors": ("name",),
    "places": ("name",),
}


@dataclass(frozen=True, slots=True)
class Translation:
    """`content/<kind>/<id>.<language>.md`: the words of one event, actor or place in
    `language`; `title` is an actor's or place's name."""

    kind: str  # "events", "actors" or "places"
    id: str
    language: str
    path: str  # as errors show it
    title: str
    body: str  # Markdown
    summary: str = ""
    date_label: str = ""
    body_media: tuple[Media, ...] = ()  # the images its body places, in order
    body_line: int = field(default=0, compare=False)


def split_name(stem: str, languages: tuple[str, ...]) -> tuple[str, str] | None:
    """`('x', 'fr')` for the file name `x.fr` when `fr` is one of the site's `languages` other
    than the first (the originals' own); None for any other name."""
    identifier, dot, language = stem.rpartition(".")
    if dot and language in languages[1:]:
        return identifier, language
    return None
