"""Every output of the site after its HTML pages, made the same way: each output's pieces go
through the memo once (made on all cores in a full build, taken by id from the last build in an
edit), then the output assembles its files from them. Adding an output is one module and one
line below."""

from __future__ import annotations

from collections.abc import Sequence

from generator.incremental.memo import Memo
from generator.incremental.mode import Mode
from generator.model.graph import Graph
from generator.outputs.atom import ATOM
from generator.outputs.changes import changes_feed
from generator.outputs.corrections import corrections_feed
from generator.outputs.crawlers import crawler_files
from generator.outputs.geojson import geojson_files
from generator.outputs.icalendar import ICALENDAR
from generator.outputs.protocol import Files, Output, SiteOutput
from generator.outputs.search import SEARCH
from generator.outputs.timeline_json import TIMELINE_JSON
from generator.outputs.timelinejs import TIMELINEJS
from generator.render.inputs import Inputs

OUTPUTS: tuple[Output, ...] = (ATOM, ICALENDAR, TIMELINE_JSON, TIMELINEJS, SEARCH)
SITE_OUTPUTS: tuple[SiteOutput, ...] = (
    crawler_files,
    geojson_files,
    corrections_feed,
    changes_feed,
)


def output_files(inputs: Inputs, memo: Memo, pages: Sequence[str]) -> Files:
    """Every feed, export and index as (output path, bytes), one output after the other: a
    one-off build holds one output's pieces at a time. `pages` are the site's HTML pages."""
    events = inputs.graph.timeline.events
    for output in OUTPUTS:
        yield from output.files(inputs, memo.each(output, inputs, events))
    for site_output in SITE_OUTPUTS:
        yield from site_output(inputs, pages)


def output_pages(graph: Graph, pages: Sequence[str]) -> dict[str, bytes]:
    """Every output of `graph` by output path, made on its own (for tests and tools)."""
    inputs = Inputs.of(graph)
    return dict(sorted(output_files(inputs, Memo(None, Mode.ONE_OFF), pages)))
