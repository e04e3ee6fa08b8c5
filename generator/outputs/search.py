"""The search index shipped with the site: every event's searchable text, as a small script.

It is a script rather than JSON so that the search also works from `file://`, where browsers
refuse to fetch files. Bodies are reduced to their distinct words, which keeps the index small.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Hashable, Sequence
from typing import Any

from generator.model import urls
from generator.model.graph import Graph
from generator.model.timeline import Event, event_places
from generator.model.wikilinks import WIKILINK
from generator.outputs.protocol import Files
from generator.outputs.splice import spliced
from generator.render.inputs import Inputs

FORMAT_VERSION = 1
_WORD = re.compile(r"[^\W_]{3,}")
_COMBINING = re.compile("[\u0300-\u036f]")
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|[*_`#>|~]")


def fold_case(text: str) -> str:
    """Lowercase text without accents, folded exactly as static/search.js folds a query:
    NFKD, then the combining diacritical marks removed, then lowercase."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def _body_words(body: str, known: str) -> str:
    """The distinct words of a Markdown body that the event's other fields do not already hold."""
    plain = WIKILINK.sub(lambda m: f" {m.group(2) or m.group(1)} ", body)
    plain = _MARKUP.sub(" ", plain)
    words = dict.fromkeys(_WORD.findall(fold_case(plain)))
    return " ".join(word for word in words if word not in known)


def _row(graph: Graph, event: Event) -> list[str]:
    """One event's entry in the index: path, title, date, status, folded fields, body words."""
    actors = graph.timeline.actors
    actor_names = [actors[a].name for a in event.actors] + [
        alias for a in event.actors for alias in actors[a].aliases
    ]
    places = event_places(graph.timeline, event)
    place_names = [name for place in places for name in (place.name, *place.aliases)]
    fields = fold_case(
        " ".join(
            [event.title, event.summary, *actor_names, *place_names, *event.tags, *event.actors]
        )
    )
    return [
        urls.page_url_path(urls.event(event.id)),
        event.title,
        event.date_words(graph.timeline.site.spoken),
        event.status_label,
        fields,
        _body_words(event.body, fields),
    ]


class _SearchIndex:
    """`search-index.js`: every event's row, in time order, for static/search.js; each row is
    encoded once while its event and actors are unchanged, and spliced in."""

    name = "search"

    def shared(self, inputs: Inputs) -> Hashable:
        return inputs.graph.timeline.site.spoken  # the dates' words

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        timeline = inputs.graph.timeline
        actors = tuple(timeline.actors[a] for a in event.actors)
        return event, actors, event_places(timeline, event)

    def make(self, inputs: Inputs, shared: Any, event: Event) -> bytes:
        return _dumps(_row(inputs.graph, event))

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        yield urls.SEARCH_INDEX, _index(pieces)


SEARCH = _SearchIndex()


def _index(rows: Sequence[bytes]) -> bytes:
    head = _dumps(
        {"version": FORMAT_VERSION, "fields": ["path", "title", "date", "status", "text", "body"]}
    )
    start = b"window.timelineSearchIndex=" + head[:-1] + b',"events":['
    return spliced(start, rows, b"]};\n")


def search_index(graph: Graph) -> bytes:
    """`search-index.js` of `graph`, made on its own."""
    inputs = Inputs.of(graph)
    return _index([SEARCH.make(inputs, None, event) for event in graph.timeline.events])


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode()
