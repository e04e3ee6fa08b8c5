"""The site's search: a Pagefind index in `pagefind/`, fed one record per event from the model.

Pagefind splits the index into chunks by word, so a first search downloads the chunks of the
words searched and the few results shown, not the whole index. Each event's record is its
title, summary, date, status, actors (and aliases), places (and aliases), tags and body text,
with filters by actor, place, tag, status and year (ids, which `search-filters.json` names in
the order the index's filters show them) and its place in the timeline to sort by date. Records
are fed to Pagefind rather than pages parsed by it: the model already holds the text. Words
too common to be worth their chunk are left out of the text (`common_words`), and named in
`common-words.json` for the search script.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from typing import Any

from generator.model import urls
from generator.model.graph import Graph
from generator.model.points import year_label
from generator.model.timeline import STATUSES, Event, event_places
from generator.model.wikilinks import WIKILINK
from generator.outputs.pagefind_service import Index
from generator.outputs.pagefind_stable import stable_bundle
from generator.outputs.protocol import Files
from generator.render.inputs import Inputs
from generator.render.values import filters_of

# Pagefind's ready-made interfaces and highlighter: the site's own script uses pagefind.js.
_UNUSED = re.compile(r"pagefind-(.+-)?(ui|highlight)\.(js|css)")
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|[*_`#>|~\[\]]")
# Pagefind keeps every place a word stands in every record, and a search fetches them all for
# each word searched: about 0.8 bytes a place once compressed. A word standing in more places
# than this (at 10,000 events, "the" in 204,000, a chunk of 158 KB) is left out of the records'
# text, so that a word's chunk stays near 40 KB (a stem's forms are counted apart: "report" at
# 10,000 events, 63 KB); the search script leaves it out of queries that have other words.
MOST_PLACES = 50_000
_NOT_WORD = re.compile(r"[\W_]+")
COMMON_WORDS = "common-words.json"  # in the bundle's folder, beside Pagefind's own files


def plain_body(body: str) -> str:
    """A Markdown body as words to search: `[[links]]` as their text, no markup or addresses."""
    plain = WIKILINK.sub(lambda m: f" {m.group(2) or m.group(1)} ", body)
    return " ".join(_MARKUP.sub(" ", plain).split())


def record(graph: Graph, event: Event) -> dict[str, Any]:
    """One event's Pagefind record, but for its language and sort: its page's path from the
    site's root, its text, what a result shows of it, and its filters' values."""
    timeline = graph.timeline
    actors = [timeline.actors[a] for a in event.actors]
    places = event_places(timeline, event)
    spoken = timeline.site.spoken
    date = event.date_words(spoken)
    names = [n for a in actors for n in (a.name, *a.aliases)]
    names += [n for p in places for n in (p.name, *p.aliases)]
    content = [event.title, date, event.summary, *names, *event.tags]
    status = spoken.gettext(event.status_label) if event.status_label else ""
    meta = {"title": event.title, "date": date, "status": status}
    filters = {
        "actor": list(event.actors),
        "place": list(event.places),
        "tag": list(event.tags),
        "status": [event.status] if event.status is not None else [],
        "year": [str(event.date.anchor_year())],
    }
    return {
        "url": urls.page_url_path(urls.event(event.id)),
        "content": ". ".join([*content, plain_body(event.body)]),
        "meta": meta,
        "filters": {name: values for name, values in filters.items() if values},
    }


class _Search:
    """`pagefind/`: each event's record is encoded once while its event, actors and places are
    unchanged; Pagefind indexes them all in one run."""

    name = "search"

    def shared(self, inputs: Inputs) -> Hashable:
        return inputs.graph.timeline.site.spoken  # the dates' words

    def key(self, inputs: Inputs, event: Event) -> Hashable:
        timeline = inputs.graph.timeline
        actors = tuple(timeline.actors[a] for a in event.actors)
        return event, actors, event_places(timeline, event)

    def make(self, inputs: Inputs, shared: Any, event: Event) -> bytes:
        return _dumps(record(inputs.graph, event))[1:-1]

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        """The search's files; Pagefind starts indexing at this call, not at the first file
        read, so that a build that asks early has it index beside the pages (see driver.py)."""
        graph = inputs.graph
        bundle = _bundle_later({graph.timeline.site.language: pieces})
        return _search_files(graph, bundle)


SEARCH = _Search()


def search_bundle(records: dict[str, Sequence[bytes]]) -> dict[str, bytes]:
    """Pagefind's files from each language's records (in time order, as `record`s without
    braces): one index per language."""
    return dict(_bundle_later(records).result())


def _search_files(graph: Graph, bundle: Future[Mapping[str, bytes]]) -> Files:
    yield urls.SEARCH_FILTERS, _filters(graph)
    try:
        files = bundle.result()
    except BaseException:
        _LAST.clear()  # a failed run is not kept: the next build runs Pagefind again
        raise
    for path, data in files.items():
        yield urls.search_bundle(path), data


# Pagefind cannot update an index, only make one: the preview keeps the last bundle, by the
# digest of its records, for a rebuild whose records are all unchanged (an edit to an actor's
# body, a source, a template). The digest rather than the records: those go once Pagefind has
# them, rather than stay while the other outputs are made.
_LAST: dict[bytes, Future[Mapping[str, bytes]]] = {}


def last_bundle() -> bytes | None:
    """The digest of the records whose bundle this process made or took last, if any."""
    return next(iter(_LAST), None)


def take_bundle(key: bytes, files: Mapping[str, bytes]) -> None:
    """Take `files` as the bundle of the records whose digest is `key` (a `last_bundle`): a
    build whose records are those of the build before takes its bundle, without Pagefind."""
    bundle: Future[Mapping[str, bytes]] = Future()
    bundle.set_result(dict(files))
    _LAST.clear()
    _LAST[key] = bundle


def _bundle_later(records: dict[str, Sequence[bytes]]) -> Future[Mapping[str, bytes]]:
    digest = hashlib.sha256(b"%d\n" % MOST_PLACES)
    for language, pieces in records.items():
        digest.update(b"%s %d\n" % (language.encode(), len(pieces)))
        for piece in pieces:
            digest.update(b"%d\n%s" % (len(piece), piece))
    key = digest.digest()
    last = _LAST.get(key)
    if last is None or (last.done() and last.exception() is not None):  # none, or stopped
        _LAST.clear()
        _LAST[key] = _indexed(records)
    return _LAST[key]


def _indexed(records: dict[str, Sequence[bytes]]) -> Future[Mapping[str, bytes]]:
    """Pagefind's bundle of `records`, made by a thread started now: Pagefind indexes in its own
    process while this one goes on with the pages, and the thread, which counts the common words
    and waits for Pagefind, holds the GIL for about a second at 10,000 events."""
    bundle: Future[Mapping[str, bytes]] = Future()

    def run() -> None:
        try:
            bundle.set_result(_bundle(records))
        except BaseException as error:  # handed to whoever waits for the files
            bundle.set_exception(error)

    threading.Thread(target=run, name="pagefind", daemon=True).start()
    return bundle


def _bundle(records: dict[str, Sequence[bytes]]) -> dict[str, bytes]:
    index = Index()
    left_out: set[str] = set()
    for language, pieces in records.items():
        common, forms = common_words((_content(piece) for piece in pieces), MOST_PLACES)
        left_out |= common
        if common:
            pieces = [_without(piece, forms) for piece in pieces]
        # Pagefind sorts by numbers when every value is one: the timeline's order is the date's.
        index.add(language, (b'"sort":{"date":"%d"},%s' % (n, p) for n, p in enumerate(pieces)))
    files = index.files()
    used = {path: data for path, data in files.items() if not _UNUSED.fullmatch(path)}
    # One list for the bundle: a site's bundle holds one language (a translation has its own).
    return stable_bundle(used) | {COMMON_WORDS: _dumps(sorted(left_out))}


def common_words(contents: Iterable[str], most: int) -> tuple[frozenset[str], frozenset[str]]:
    """The words, as Pagefind normalises them (lower case, letters and digits), that stand in
    more than `most` places of all the `contents` together; and their forms as written (in
    lower case, with their punctuation: `the`, `the,`). Counted as written, not stemmed as
    Pagefind does: a stem's forms together may pass `most` a little."""
    written: Counter[str] = Counter()
    for content in contents:
        written.update(content.lower().split())  # counted as written, then as words: fast
    places: Counter[str] = Counter()
    for token, count in written.items():
        places[_NOT_WORD.sub("", token)] += count
    common = frozenset(word for word, count in places.items() if word and count > most)
    forms = frozenset(token for token in written if _NOT_WORD.sub("", token) in common)
    return common, forms


def _content(piece: bytes) -> str:
    return str(json.loads(b"{%s}" % piece)["content"])


def _without(piece: bytes, forms: frozenset[str]) -> bytes:
    """A record without the common words' `forms` in its text (its excerpts read without them)."""
    data = json.loads(b"{%s}" % piece)
    data["content"] = " ".join(w for w in data["content"].split() if w.lower() not in forms)
    return _dumps(data)[1:-1]


def _filters(graph: Graph) -> bytes:
    """`search-filters.json`: each filter's values and their names, in the order to offer them."""
    chosen = filters_of(graph)
    spoken = graph.timeline.site.spoken
    return _dumps(
        {
            "actor": chosen.actors,
            "place": chosen.places,
            "tag": [(tag, tag) for tag in chosen.tags],
            "status": [(s, spoken.gettext(STATUSES[s][0])) for s in chosen.statuses],
            "year": [(str(year), year_label(year, spoken)) for year in chosen.years],
        }
    )


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
