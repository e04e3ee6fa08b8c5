"""The search's figures: what a first search transfers, in Chromium, and Pagefind's cost.

    python -m bench.search transfer --site DIR --base /bench/ [WORD ...]
    python -m bench.search pagefind --root DIR

`transfer` serves a built site under its base path as tests/browser.py does and, for each word
(by default `the`, `port` and the first word of each of the index's three largest chunks), types
it in a fresh page's search box and counts the bytes of every request until the results are
shown, by kind of file. `pagefind` makes the project's records and has Pagefind index them once:
its wall time, the CPU and peak memory of its own process, and the records' size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request

from generator.check.validate import validate
from generator.load.files import load
from generator.model.graph import link
from generator.outputs import search
from generator.project import Project
from generator.render.inputs import Inputs
from tests.browser import chromium, serve_site


def heavy_words(site: Path, count: int = 3) -> list[str]:
    """The word with the most places in each of the `count` largest chunks of the site's index."""
    chunks = sorted((site / "pagefind" / "index").iterdir(), key=lambda p: -p.stat().st_size)
    words = []
    for chunk in chunks[:count]:
        data = gzip.decompress(chunk.read_bytes())
        (entries,), _ = _cbor(data, len(b"pagefind_dcd"))
        # Each entry: [word, [[page, places, places in metadata], ...], variants].
        words.append(max(entries, key=lambda e: sum(len(page[1]) for page in e[1]))[0])
    return words


def _cbor(data: bytes, at: int) -> tuple[Any, int]:
    """The CBOR item at `at` of a chunk (integers, texts, arrays) and where it ends."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    argument = info
    if info >= 24:
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at : at + size], "big")
        at += size
    if major in (0, 1):
        return (argument if major == 0 else -1 - argument), at
    if major == 3:
        return data[at : at + argument].decode(), at + argument
    items = []
    for _ in range(argument):
        item, at = _cbor(data, at)
        items.append(item)
    return items, at


def first_searches(site: Path, base: str, words: Sequence[str]) -> list[dict[str, Any]]:
    """Each word's first search: its bytes by kind of file, requests, and what the status said."""
    with serve_site(site, base) as origin, chromium() as browser:
        return [_first_search(browser, origin + base + "years/", word) for word in words]


def _first_search(browser: Browser, start: str, word: str) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(start, wait_until="networkidle")
    sizes: list[tuple[str, int, float]] = []

    def finished(request: Request) -> None:
        size = request.sizes()
        total = size["responseBodySize"] + size["responseHeadersSize"]
        sizes.append((_kind(urlsplit(request.url).path), total, time.monotonic()))

    page.on("requestfinished", finished)
    page.fill("#search-input", word)
    page.wait_for_function(
        "/match/.test(document.getElementById('search-status').textContent)", timeout=60_000
    )
    shown = time.monotonic()
    kinds: dict[str, int] = {}
    for kind, size, _ in sizes:
        kinds[kind] = kinds.get(kind, 0) + size
    found = {
        "word": word,
        "bytes": sum(kinds.values()),
        "requests": len(sizes),
        "by_kind": dict(sorted(kinds.items(), key=lambda item: -item[1])),
        "ms_after_last_response": round(1000 * (shown - max(t for *_, t in sizes))),
        "status": page.inner_text("#search-status"),
    }
    context.close()
    return found


def _kind(path: str) -> str:
    name = path.split("/pagefind/")[-1]
    if name.endswith(".pf_meta"):
        return "metadata"
    return name.split("/")[0] if "/" in name else name


def pagefind_cost(project: Project) -> dict[str, Any]:
    """One run of Pagefind on the project's records: seconds, its process's CPU and peak."""
    graph = link(validate(load(project)))
    inputs = Inputs.of(graph)
    pieces = [search.SEARCH.make(inputs, None, event) for event in graph.timeline.events]
    started = time.perf_counter()
    files = search.search_bundle({graph.timeline.site.language: pieces})
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "records": len(pieces),
        "records_mb": round(sum(map(len, pieces)) / 1e6, 1),
        "common_words": json.loads(files[search.COMMON_WORDS]),
        "seconds": round(seconds, 1),
        "pagefind_cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "pagefind_peak_mb": round(usage.ru_maxrss / 1024),
        "bundle_mb": round(sum(map(len, files.values())) / 1e6, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run one measurement and print its JSON; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("what", choices=("transfer", "pagefind"))
    parser.add_argument("--site", type=Path, help="a built site (transfer)")
    parser.add_argument("--base", default="/", help="the site's base path (transfer)")
    parser.add_argument("--root", type=Path, help="a project (pagefind)")
    parser.add_argument("words", nargs="*")
    args = parser.parse_args(argv)
    if args.what == "transfer":
        words = args.words or ["the", "port", *heavy_words(args.site)]
        print(json.dumps(first_searches(args.site, args.base, words), indent=1))
    else:
        print(json.dumps(pagefind_cost(Project.at(args.root))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
