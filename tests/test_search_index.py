"""The search index without a browser: each event's record from the model, Pagefind's bundle
byte-identical from one run of Pagefind to the next, and one index per language."""

from __future__ import annotations

import gzip
import json
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import chain

import pytest

from generator.errors import BuildFailed
from generator.incremental.keep import ONE_OFF
from generator.model.graph import Graph
from generator.outputs import pagefind_service, pagefind_stable, search
from generator.outputs.driver import site_files
from generator.outputs.pagefind_service import Index
from generator.outputs.search import SEARCH, plain_body, record, search_bundle
from generator.render.inputs import Inputs
from generator.render.site import RenderCache, render
from tests.helpers import TEMPLATES, search_records


def _pieces(graph: Graph) -> list[bytes]:
    inputs = Inputs.of(graph)
    return [SEARCH.make(inputs, None, event) for event in graph.timeline.events]


def _run(pieces: list[bytes], languages: tuple[str, ...] = ("en",)) -> dict[str, bytes]:
    """Pagefind's own files from a fresh run of its binary, before they are put in order."""
    index = Index()
    for language in languages:
        index.add(language, (b'"sort":{"date":"%d"},%s' % (n, p) for n, p in enumerate(pieces)))
    return index.files()


def test_a_record_holds_the_events_words_names_and_filters(fixture: Graph) -> None:
    event = fixture.events["ides-of-march"]
    found = record(fixture, event)
    assert found["url"] == "events/ides-of-march/"
    assert found["meta"] == {
        "title": event.title,
        "date": event.date_words(),
        "status": event.status_label,
    }
    actors = [fixture.timeline.actors[a] for a in event.actors]
    for text in (event.title, event.summary, *(a.name for a in actors), *event.tags):
        assert text in found["content"], text
    assert plain_body(event.body) in found["content"]
    assert found["filters"]["actor"] == list(event.actors)
    assert found["filters"]["year"] == ["-43"]  # astronomical, as search-filters.json names it


def test_a_body_is_searched_as_text_with_its_links_as_their_words() -> None:
    body = "The [[rubicon|river]] is **crossed**; see [a map](https://example.org/m), `code`."
    assert plain_body(body) == "The river is crossed ; see a map , code ."


def test_two_runs_of_pagefind_give_the_same_bytes_once_put_in_order(fixture: Graph) -> None:
    pieces = _pieces(fixture)
    first, second = _run(pieces), _run(pieces)
    assert pagefind_stable.stable_bundle(first) == pagefind_stable.stable_bundle(second)
    # What is put in order is what Pagefind names it by: each file named by its bytes' digest.
    stable = pagefind_stable.stable_bundle(first)
    for path, data in stable.items():
        if path.startswith("filter/"):
            name, values = pagefind_stable._decoded(data)
            assert [v[0] for v in values] == sorted(v[0] for v in values), name
            digest = pagefind_stable._digest(gzip.decompress(data)[12:])
            assert path == f"filter/en_{digest[:7]}.pf_filter"


def test_the_metadata_names_every_filter_file_and_the_entry_file_the_metadata(
    fixture: Graph,
) -> None:
    stable = pagefind_stable.stable_bundle(_run(_pieces(fixture)))
    entry = json.loads(stable["pagefind-entry.json"])
    meta_hash = entry["languages"]["en"]["hash"]
    meta = pagefind_stable._decoded(stable[f"pagefind.{meta_hash}.pf_meta"])
    filters = meta[3]
    assert [name for name, _ in filters] == ["actor", "place", "status", "tag", "year"]
    assert all(f"filter/{hash_}.pf_filter" in stable for _, hash_ in filters)
    assert entry["languages"]["en"]["page_count"] == len(fixture.timeline.events)


def test_the_cbor_reader_and_writer_give_back_pagefinds_own_bytes(fixture: Graph) -> None:
    # The files put in order; the word chunks hold negative numbers, which are left as they are.
    for path, data in _run(_pieces(fixture)).items():
        if path.endswith((".pf_meta", ".pf_filter")):
            plain = gzip.decompress(data)[12:]
            assert pagefind_stable._encode(pagefind_stable._decoded(data)) == plain, path


def test_one_index_per_language(fixture: Graph) -> None:
    pieces = _pieces(fixture)
    # Pagefind keeps one record per URL: a translation has pages of its own.
    french = [p.replace(b'"url":"', b'"url":"fr/', 1) for p in pieces]
    bundle = search_bundle({"fr": french, "en": pieces})
    entry = json.loads(bundle["pagefind-entry.json"])
    assert list(entry["languages"]) == ["en", "fr"]
    for language, about in entry["languages"].items():
        assert f"pagefind.{about['hash']}.pf_meta" in bundle
        assert about["page_count"] == len(pieces)
        assert about["hash"].startswith(f"{language}_")
    assert "wasm.fr.pagefind" in bundle


def test_pagefind_is_asked_for_the_index_before_the_first_page(fixture: Graph) -> None:
    # Pagefind indexes in a process of its own while the pages render: it is started before
    # the first file of the site is handed on, and run once for the whole build.
    search._LAST.clear()
    html = render(fixture, TEMPLATES, None, RenderCache(ONE_OFF))
    pages, outputs = site_files(html)
    next(iter(pages))
    started = dict(search._LAST)
    assert len(started) == 1
    made = dict(chain(pages, outputs))
    assert started == search._LAST  # the same run's files
    assert any(path.endswith("pagefind-entry.json") for path in made)


def test_a_word_in_more_places_than_the_most_is_found_with_its_written_forms() -> None:
    contents = ["The port, the ship. A port", "the (the) port of Thebes", "porter"]
    # `the` stands in 4 places, `port` in 3: as written, in any case, with any punctuation.
    assert search.common_words(contents, 3) == (frozenset({"the"}), frozenset({"the", "(the)"}))
    assert search.common_words(contents, 2) == (
        frozenset({"the", "port"}),
        frozenset({"the", "(the)", "port,", "port"}),
    )
    assert search.common_words(contents, 4) == (frozenset(), frozenset())


def test_the_common_words_are_left_out_of_the_records_text_and_named_for_the_script(
    fixture: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    pieces = _pieces(fixture)
    texts = " ".join(json.loads(b"{%s}" % p)["content"] for p in pieces).lower().split()
    monkeypatch.setattr(search, "MOST_PLACES", texts.count("the") - 1)
    bundle = search_bundle({"en": pieces})
    assert json.loads(bundle[search.COMMON_WORDS]) == ["the"]
    records = search_records({f"pagefind/{path}": data for path, data in bundle.items()})
    assert len(records) == len(pieces)
    titled = 0
    for found in records.values():
        assert "the" not in found["content"].lower().replace(".", " ").split()
        # What a result shows is whole: Pagefind indexes it too, so `the` alone finds these.
        titled += "the" in found["meta"]["title"].lower().split()
    assert titled
    # The rest of the text is as it was.
    first = json.loads(b"{%s}" % pieces[0])["content"].split()
    assert records[json.loads(b"{%s}" % pieces[0])["url"]]["content"].split() == [
        word for word in first if word.lower().strip(".,") != "the"
    ]


def test_an_index_given_up_stops_its_pagefind_process() -> None:
    # Enough records that Pagefind is still indexing when it is stopped (seconds, not ms).
    words = " ".join(f"word{n}" for n in range(400))
    records = (
        json.dumps({"url": f"/e{n}/", "content": f"{words} {n}", "meta": {"title": str(n)}})[1:-1]
        for n in range(4000)
    )
    index = Index()
    index.add("en", (record.encode() for record in records))
    made = ThreadPoolExecutor(1).submit(index.files)
    waited = 0
    while not pagefind_service._RUNNING and waited < 3000:  # its process starts
        time.sleep(0.01)
        waited += 1
    pagefind_service.stop_all()
    with pytest.raises(BuildFailed, match="search: Pagefind"):
        made.result(timeout=60)
    assert not pagefind_service._RUNNING
