"""The search index shipped with the site: every event's searchable text, as a small script.

It is a script rather than JSON so that the search also works from `file://`, where browsers
refuse to fetch files. Bodies are reduced to their distinct words, which keeps the index small.
"""

from __future__ import annotations

import json
import re
import unicodedata

from generator.incremental.memo import Memo, Piece, spliced
from generator.model import urls
from generator.model.graph import Graph
from generator.model.timeline import STATUSES, Event
from generator.model.wikilinks import WIKILINK

FORMAT_VERSION = 1
_WORD = re.compile(r"[^\W_]{3,}")
_COMBINING = re.compile("[\u0300-\u036f]")
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|[*_`#>|~]")


def fold(text: str) -> str:
    """Lowercase text without accents, folded exactly as static/search.js folds a query:
    NFKD, then the combining diacritical marks removed, then lowercase."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def _body_words(body: str, known: str) -> str:
    """The distinct words of a Markdown body that the event's other fields do not already hold."""
    plain = WIKILINK.sub(lambda m: f" {m.group(2) or m.group(1)} ", body)
    plain = _MARKUP.sub(" ", plain)
    words = dict.fromkeys(_WORD.findall(fold(plain)))
    return " ".join(word for word in words if word not in known)


def _row(graph: Graph, event: Event) -> list[str]:
    """One event's entry in the index: path, title, date, status, folded fields, body words."""
    actors = graph.timeline.actors
    actor_names = [actors[a].name for a in event.actors] + [
        alias for a in event.actors for alias in actors[a].aliases
    ]
    fields = fold(
        " ".join(
            [event.title, event.summary, *actor_names, *event.places, *event.tags, *event.actors]
        )
    )
    return [
        urls.page_url_path(urls.event(event.id)),
        event.title,
        event.date.display(),
        STATUSES[event.status][0],
        fields,
        _body_words(event.body, fields),
    ]


def row_piece(graph: Graph, event: Event) -> Piece:
    """An event's row of the index, as JSON."""
    actors = graph.timeline.actors
    key = ("search", event, tuple(actors[a] for a in event.actors))
    return key, lambda: _dumps(_row(graph, event))


def search_index(graph: Graph, memo: Memo | None = None) -> bytes:
    """`search-index.js`: the fields of every event, in time order, for static/search.js."""
    memo = memo or Memo()
    # Each row is encoded once, while its event and actors are unchanged, and spliced in.
    events = graph.timeline.events
    rows = memo.each("search", events, lambda event: row_piece(graph, event))
    head = _dumps(
        {"version": FORMAT_VERSION, "fields": ["path", "title", "date", "status", "text", "body"]}
    )
    start = b"window.timelineSearchIndex=" + head[:-1] + b',"events":['
    return spliced(start, rows, b"]};\n")


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode()
