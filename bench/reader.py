"""What a reader downloads from a built site: `python -m bench.reader SITE` prints one JSON line.

The largest HTML page, the feed, and the bytes of a first search in Chromium: a word found in
most events (the costliest kind: its index chunk lists every page) and a word of one event's
title, with the time of the search's own work: from typing to the results shown, the time no
request was waiting for data. Each word is searched twice, in fresh pages: pasted into the box
at once (the box's focus and the whole query in the same instant, so every step of loading the
search is on the way to the results), and typed key by key at a brisk typist's pace, counting
from the last key, as a reader who types waits (what the search loads and prepares during the
typing is not waited for).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Request, sync_playwright

# The browser and server the tests use: Chromium told not to call Google's services (which
# would count as the search's transfer), and the site served as GitHub Pages would.
from tests.browser import CHROMIUM, FLAGS, serve_site

WORD = re.compile(r"[A-Za-z]{3,}")
# Milliseconds between keys: 80 words a minute, a brisk typist (an average one takes twice as long).
KEY_DELAY = 150
ADDRESS = re.compile(r"\S*://\S*")


def largest_page(site: Path) -> tuple[str, int]:
    """The largest HTML file of `site`: its path and size in bytes."""
    sizes = ((path.stat().st_size, path) for path in site.rglob("*.html"))
    size, path = max(sizes)
    return path.relative_to(site).as_posix(), size


def words(site: Path) -> tuple[str, str]:
    """The word (of three letters or more, outside addresses) in the most events' text, the
    most frequent of those, and the longest word of one event's title."""
    events = json.loads((site / "timeline.json").read_text(encoding="utf-8"))["events"]
    within: Counter[str] = Counter()
    overall: Counter[str] = Counter()
    for event in events:
        text = " ".join(str(event.get(key, "")) for key in ("title", "summary", "body"))
        found = WORD.findall(ADDRESS.sub(" ", text).lower())
        within.update(set(found))
        overall.update(found)
    common = max(within, key=lambda word: (within[word], overall[word], word))
    titled = [e for e in events if len(WORD.findall(str(e.get("title", "")))) > 2]
    ordinary = max(WORD.findall(str(titled[len(titled) // 2]["title"])), key=len).lower()
    return common, ordinary


def first_search(browser: Browser, origin: str, word: str, typed: bool = False) -> dict[str, Any]:
    """Bytes transferred from focusing the box to the results shown for `word`, pasted or typed,
    and the milliseconds after the query was complete in which no request was waiting for data:
    the search's own work on what arrived."""
    page = browser.new_page()
    page.goto(origin + "/years/", wait_until="networkidle")
    sizes: list[int] = []
    events: list[tuple[float, int]] = []  # (time, +1 a request starts, -1 it ends)

    def count(request: Request) -> None:
        size = request.sizes()
        sizes.append(int(size["responseBodySize"] + size["responseHeadersSize"]))
        events.append((time.perf_counter(), -1))

    def start(_: Request) -> None:
        events.append((time.perf_counter(), +1))

    page.on("request", start)
    page.on("requestfinished", count)
    if typed:
        page.focus("#search-input")
        page.keyboard.type(word, delay=KEY_DELAY)
    else:
        page.fill("#search-input", word)
    complete = time.perf_counter()
    # The results of the whole query: a search script that shows a partial query's results on the
    # way says so with aria-busy until the last query's are shown.
    page.wait_for_function(
        "() => /match/.test(document.getElementById('search-status').textContent) &&"
        " !document.getElementById('search-results').hasAttribute('aria-busy')"
    )
    shown = time.perf_counter()
    page.wait_for_load_state("networkidle")
    # A request still finishing as the page closes (a search script's stale searches) would
    # have its size asked of a closed page.
    page.remove_listener("request", start)
    page.remove_listener("requestfinished", count)
    page.close()
    begin = complete if typed else min((moment for moment, _ in events), default=complete)
    return {
        "word": word,
        "bytes": sum(sizes),
        "requests": len(sizes),
        "work_after_data_ms": 1000 * _idle(sorted(events), begin, shown),
        "wait_ms": 1000 * (shown - complete),
    }


def _idle(events: list[tuple[float, int]], begin: float, end: float) -> float:
    """Seconds from `begin` to `end` during which no request was in flight."""
    idle, waiting, last = 0.0, 0, begin
    for moment, step in events:
        if moment > end:
            break
        if moment > begin and waiting == 0:
            idle += moment - last
        waiting, last = max(0, waiting + step), max(moment, begin)
    return idle + (end - last if waiting == 0 else 0.0)


def measure(site: Path) -> dict[str, Any]:
    """Every reader's figure of the site at `site`."""
    path, size = largest_page(site)
    common, ordinary = words(site)
    result: dict[str, Any] = {
        "largest_html": {"path": path, "bytes": size},
        "index_html_bytes": (site / "index.html").stat().st_size,
        "feed_bytes": (site / "feed.xml").stat().st_size,
    }
    with serve_site(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            for kind, word in (("common", common), ("ordinary", ordinary)):
                result[f"search_{kind}"] = first_search(browser, origin, word)
                result[f"search_{kind}_typed"] = first_search(browser, origin, word, typed=True)
        finally:
            browser.close()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Print the reader's figures of one built site as a JSON line; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.reader", description=__doc__)
    parser.add_argument("site", type=Path, help="a built site folder")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.site)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
