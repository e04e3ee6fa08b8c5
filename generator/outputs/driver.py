"""Stage 5, outputs: the site's pages → its files, the pages then every feed, export and index.

Every output after the HTML pages is made the same way: each output's pieces go through the memo
once (made on all cores in a full build, taken by id from the last build in an
edit), then the output assembles its files from them. Adding an output is one module and one
line below."""

from __future__ import annotations

from collections.abc import Sequence

from generator.incremental.keep import ONE_OFF
from generator.incremental.memo import Memo
from generator.model.graph import Graph
from generator.outputs.atom import ATOM
from generator.outputs.changes import changes_feed
from generator.outputs.corrections import corrections_feed
from generator.outputs.crawlers import crawler_files
from generator.outputs.geojson import geojson_files
from generator.outputs.hosting import hosting_files
from generator.outputs.icalendar import ICALENDAR
from generator.outputs.oembed import oembed_files
from generator.outputs.protocol import Files, Output, SiteOutput
from generator.outputs.search import SEARCH
from generator.outputs.timeline_json import TIMELINE_JSON
from generator.outputs.timelinejs import TIMELINEJS
from generator.render.inputs import Inputs
from generator.render.site import HtmlSite

OUTPUTS: tuple[Output, ...] = (ATOM, ICALENDAR, TIMELINE_JSON, TIMELINEJS, SEARCH)
SITE_OUTPUTS: tuple[SiteOutput, ...] = (
    crawler_files,
    geojson_files,
    oembed_files,
    hosting_files,
    corrections_feed,
    changes_feed,
)


# Made by a program of its own (Pagefind, see search.py): started before the pages, it indexes
# on whichever core they leave idle rather than after every other file.
STARTED_FIRST = (SEARCH,)


def site_files(html: HtmlSite) -> tuple[Files, Files]:
    """Every file of the site as (output path, bytes), each as soon as it is made: the assets
    and pages of `html`, then (once those are read) every output made from the same bodies and
    memo. Two streams, so that the preview can show the pages before the outputs are made; the
    outputs made by a program of their own are started here, before the first page."""
    events = html.inputs.graph.timeline.events
    started = {
        output.name: output.files(html.inputs, html.memo.each(output, html.inputs, events))
        for output in STARTED_FIRST
    }
    return html.files, output_files(html.inputs, html.memo, html.pages, started)


def output_files(
    inputs: Inputs, memo: Memo, pages: Sequence[str], started: dict[str, Files] | None = None
) -> Files:
    """Every feed, export and index as (output path, bytes), one output after the other: a
    one-off build holds one output's pieces at a time. `pages` are the site's HTML pages;
    `started` holds the files of outputs already started, by name."""
    events = inputs.graph.timeline.events
    for output in OUTPUTS:
        files = (started or {}).get(output.name)
        yield from files or output.files(inputs, memo.each(output, inputs, events))
    for site_output in SITE_OUTPUTS:
        yield from site_output(inputs, pages)


def output_pages(graph: Graph, pages: Sequence[str]) -> dict[str, bytes]:
    """Every output of `graph` by output path, made on its own (for tests and tools)."""
    inputs = Inputs.of(graph)
    return dict(sorted(output_files(inputs, Memo(None, ONE_OFF), pages)))
