"""Stage 4, render: the link graph → the HTML pages and assets of the site, made as they are read.

Every page is planned (see pages.py), and what each page shows is recorded. Given what the last
run kept (`RenderCache`, as much as its `Keep` says), a run plans again only the pages that an
edit can change (see incremental/affected.py), renders a page again only when its values, the
settings or the templates changed, and renders a Markdown body again only when its text or its
links changed. Whatever a cold build renders by the thousand goes to forked workers on every core.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.incremental.affected import Edit, Shown, edit_between, replanned
from generator.incremental.digests import Digests, digests_of
from generator.incremental.keep import Keep
from generator.incremental.memo import Memo
from generator.incremental.shown import PagesRecord, edit_since
from generator.model import urls
from generator.model.graph import Graph
from generator.parallel import imap_indexes
from generator.render.bodies import Bodies, BodyKey, KeptBodies
from generator.render.figures import Drawn, draw_figures
from generator.render.images import InMemory, media_files
from generator.render.inputs import Inputs
from generator.render.items import ItemKey, Items
from generator.render.markdown import sanitise
from generator.render.pages import event_pages, plan_pages
from generator.render.plan import Page, Parts
from generator.render.structured import JSONLD, META
from generator.render.templates import Folders, environment, failed, guarded, navigation, read_tree
from generator.render.values import listed
from generator.vendor import timelinejs_files, timelinejs_language

Files = Iterator[tuple[str, bytes]]
# Writes one page into the new site from whichever process made it, and returns what stands for
# its bytes (the write stage's `Staging.store`): the pages need not travel back from the workers.
Store = Callable[[str, bytes], bytes]
# What stands for the bytes of a page that the output folder holds as the last build wrote it
# (the write stage's `SiteUpdate.left`): a page that an edit does not change is not made at all.
Left = Callable[[str], bytes]
Rendered = tuple[tuple[str, Any], bytes]  # a page's (template, values) and its bytes


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page to render: its output path, its template and every value the template shows."""

    path: str
    template: str
    values: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RenderCache:
    """What one run of the render stage leaves for the next, as much as `keep` says: a one-off
    build keeps only the rendered bodies (saved in .cache/); the preview keeps everything the
    next build compares against. Never changed: each run makes the next one's (`HtmlSite.kept`)."""

    keep: Keep
    media: Path | None = None  # where image renditions are kept between runs (.cache/media/)
    bodies: KeptBodies = field(default_factory=KeptBodies)
    generation: Hashable = None  # the settings, templates and TimelineJS the rest was made with
    environment: jinja2.Environment | None = None
    renditions: Mapping[str, bytes] = field(default_factory=dict)  # in memory, without `media`
    graph: Graph | None = None  # the last build's, to find what an edit changed
    record: Mapping[str, Shown] = field(default_factory=dict)  # what each page showed
    pages: Mapping[str, Rendered] = field(default_factory=dict)
    items: dict[ItemKey, Markup] = field(default_factory=dict)
    figures: Drawn = field(default_factory=dict)
    memo: Memo | None = None
    plan: tuple[Page, ...] = ()  # the last build's, for an edit of bodies alone to patch
    # A one-off build's: what the pages in the output folder were made of and showed (.cache/),
    # and what stands for one of them left there as it is; whether to record this run's.
    on_disk: tuple[PagesRecord | None, Left] | None = None
    records: bool = False

    @classmethod
    def saved(
        cls, keep: Keep, bodies: Mapping[BodyKey, str], media: Path | None = None
    ) -> RenderCache:
        """A first run's cache, holding bodies that an earlier run saved, sanitised again: they
        are read from a folder that anyone's commit could have filled; `media` keeps renditions."""
        clean = {key: sanitise(html) for key, html in bodies.items()}
        return cls(keep, media, KeptBodies(clean))


@dataclass(frozen=True, slots=True)
class Run:
    """One run of the render stage: the graph, its plan and what it is rendered with, and what
    the last run left for it (without what a change of settings or templates makes stale)."""

    graph: Graph
    plan: list[Page]
    env: jinja2.Environment
    assets: dict[str, bytes]
    timelinejs: Path | None
    last: RenderCache
    edit: Edit | None
    inputs: Inputs
    memo: Memo
    record: Mapping[str, Shown]  # what each page showed in the build `edit` is measured from
    store: Store | None = None
    left: Left | None = None


@dataclass(slots=True)
class Made:
    """What the files of a run made as they were read, for `HtmlSite.kept`."""

    renditions: InMemory | None
    pages: dict[str, Rendered] = field(default_factory=dict)  # values and bytes, to compare
    rendered: int = 0  # pages rendered anew, for the preview's log and the benchmark
    done: bool = False  # every page is made


@dataclass(frozen=True, slots=True)
class HtmlSite:
    """Stage 4's value: the assets and HTML pages of one run, made as `files` is read, what the
    outputs after them are made from, and what the next run gets of this one. It holds nothing
    else: while a one-off build makes its outputs, its memory holds none of the pages' parts."""

    files: Files
    pages: tuple[str, ...]  # output paths of the HTML pages
    inputs: Inputs
    memo: Memo  # the pieces of this run, which the outputs add theirs to
    last: RenderCache
    record: dict[str, Shown]  # what each page showed, if the next run gets it
    items: dict[ItemKey, Markup]  # the list items and figures the next run gets, if any
    figures: Drawn
    made: Made
    plan: tuple[Page, ...]  # if the next run gets it
    digests: Digests | None  # what the pages are made of, if the last cache asked for them

    @property
    def rendered(self) -> int:
        """How many pages this run rendered anew, once `files` is read."""
        return self.made.rendered

    def kept(self) -> RenderCache:
        """What this run leaves for the next, once every file of the site is made (the outputs
        after the pages add their bodies and pieces): the one place the next cache is made."""
        assert self.made.done, "a run leaves a cache only once its pages are made"
        last, made = self.last, self.made
        keep = last.keep
        return RenderCache(
            keep,
            media=last.media,
            bodies=self.inputs.bodies.kept(),
            generation=last.generation,
            environment=last.environment,
            renditions=made.renditions.used if made.renditions is not None else {},
            graph=self.inputs.graph if keep.pages else None,
            record=self.record,
            pages=made.pages if keep.pages else {},
            items=self.items,
            figures=self.figures,
            memo=self.memo if keep.pieces else None,
            plan=self.plan,
            records=last.records,
        )

    def pages_record(self) -> PagesRecord | None:
        """What the pages of this run were made of and showed, for the next one-off build to
        find what its edit changed; None unless the cache it started from asked for it."""
        return None if self.digests is None else PagesRecord(self.digests, self.record)


def render(
    graph: Graph,
    templates: Folders,
    timelinejs: Path | None,
    last: RenderCache,
    store: Store | None = None,
) -> HtmlSite:
    """Plan every page of `graph` with the templates in `templates` (a folder, or folders the
    first of which that has a file wins) and TimelineJS's `dist` folder, for the interactive
    view, reusing what the `last` run kept where it can; with `store`, a run that keeps no page
    writes each page where it is made, and leaves in place each page that the output folder
    holds as `last.on_disk` says and that the edit does not change. A mistake in a template
    raises BuildFailed once the pages are read."""
    assets = read_tree(templates)
    language = (
        None
        if timelinejs is None
        else timelinejs_language(timelinejs, graph.timeline.site.language)
    )
    last = _generation(last, graph, templates, assets, language)
    assert last.environment is not None
    digests = digests_of(graph, last.generation) if last.records else None
    edit, record, left = _edit(last, graph, digests)
    plan = _plan(graph, language, last, edit)
    bodies = Bodies(graph, last.keep, last.bodies, edit)
    bodies.prepare(
        [event.body for event in graph.timeline.events]
        + [actor.body for actor in graph.timeline.actors.values()]
        + [place.body for place in graph.timeline.places.values()]
    )
    inputs = Inputs(graph, bodies)
    memo = Memo(last.memo, last.keep, None if edit is None else edit.dirty)
    store = None if last.keep.pages else store  # a run that keeps pages needs their bytes
    run = Run(graph, plan, last.environment, assets, timelinejs, last, edit, inputs, memo, record)
    run = dataclasses.replace(run, store=store, left=left)
    items = Items(last.environment, graph.timeline.actors, last.items, edit=edit is not None)
    specs, figures = _specs(run, items)
    keep = last.keep
    shown = {page.path: page.shown for page in plan} if keep.pages or digests else {}
    pieces = (items.used, figures) if keep.pieces else ({}, {})
    made = Made(InMemory(last.renditions) if keep.renditions and last.media is None else None)
    files = _files(run, specs, made)  # holds the run only until its last page is made
    pages = tuple(page.path for page in plan)
    kept_plan = tuple(plan) if keep.pages else ()
    return HtmlSite(files, pages, inputs, memo, last, shown, *pieces, made, kept_plan, digests)


def _edit(
    last: RenderCache, graph: Graph, digests: Digests | None
) -> tuple[Edit | None, Mapping[str, Shown], Left | None]:
    """What changed since the last run, what each page showed then, and how to leave a page
    as it is: from the graph the last run kept (the preview), else from the record of the
    pages in the output folder (a one-off build; not for a site in several languages, whose
    other languages' pages it does not hold); no edit when neither is at hand."""
    if last.graph is not None:
        return edit_between(last.graph, graph), last.record, None
    on_disk, left = last.on_disk or (None, None)
    if on_disk is None or digests is None or left is None or graph.timeline.site.languages:
        return None, {}, None
    edit = edit_since(on_disk.digests, digests, graph)
    return (None, {}, None) if edit is None else (edit, on_disk.pages, left)


def _plan(graph: Graph, language: str | None, last: RenderCache, edit: Edit | None) -> list[Page]:
    """Every page of the site. After an edit of events' bodies alone (the same pages linked),
    the last run's plan with only those events' pages planned anew: what every other page
    shows is as it was, and planning the 12,000 pages of 10,000 events takes a rebuild the
    most time of all its steps."""
    if edit is None or not last.plan or edit.parts or not edit.events or edit.events != edit.bodies:
        return plan_pages(graph, language)
    fresh = {page.path: page for page in event_pages(graph, edit.bodies)}
    return [fresh.get(page.path, page) for page in last.plan]


def _generation(
    last: RenderCache,
    graph: Graph,
    templates: Folders,
    assets: dict[str, bytes],
    language: str | None,
) -> RenderCache:
    """`last` while the settings, the statuses that have pages (every page's navigation links
    to them), the templates and TimelineJS are as they were; else `last` with a new
    environment, and no page, list item or record of what pages showed to reuse."""
    site = graph.timeline.site
    status_pages = navigation(graph)
    html_templates = tuple((k, v) for k, v in assets.items() if k.endswith(".html"))
    generation = (site, status_pages, html_templates, language)
    if last.generation == generation and last.environment is not None:
        return last
    return dataclasses.replace(
        last,
        generation=generation,
        environment=environment(templates, site, status_pages),
        pages={},
        items={},
        record={},
        graph=None,
    )


def _specs(run: Run, items: Items) -> tuple[list[PageSpec | str], Drawn]:
    """The values of every page the run plans again, list items and figures in place; only the
    path of a page that an edit did not change, which stays as the last build made it. And
    every page's figure, drawn or kept."""
    wanted = (
        None
        if run.edit is None
        # Every page the record names was made by the last build: a build that fails leaves
        # the cache it started from.
        else replanned(run.record, ((page.path, page.shown) for page in run.plan), run.edit)
    )
    is_wanted = (lambda path: True) if wanted is None else wanted.__contains__
    # A run that keeps no pieces for the next makes those of the pages it renders alone.
    only = None if wanted is None or run.last.keep.pieces else is_wanted
    parts, drawn = page_parts(
        run.plan, run.inputs, run.memo, items, run.last.figures, is_wanted, only
    )
    specs = [
        PageSpec(page.path, page.template, page.values(parts))
        if is_wanted(page.path)
        else page.path
        for page in run.plan
    ]
    items.render_missing()
    for spec in specs:
        if isinstance(spec, PageSpec):
            items.fill(spec.values)
    return specs, drawn


def page_parts(
    plan: list[Page],
    inputs: Inputs,
    memo: Memo,
    items: Items,
    figures: Drawn,
    wanted: Callable[[str], bool],
    only: Callable[[str], bool] | None = None,
) -> tuple[Parts, Drawn]:
    """What the values of the `wanted` pages of `plan` are made of, and the figures drawn for
    them (the last build's `figures` kept where unchanged). With `only`, the event pieces and
    figures of those pages alone: the others are left as the output folder holds them."""
    graph = inputs.graph
    timeline = graph.timeline
    events = timeline.events
    if only is not None:
        shown = {event_id for page in plan if only(page.path) for event_id in page.shown.events}
        events = tuple(event for event in events if event.id in shown)
    ids = [event.id for event in events]
    jsonld = dict(zip(ids, memo.each(JSONLD, inputs, events), strict=True))
    meta = dict(zip(ids, memo.each(META, inputs, events), strict=True))
    jobs = [
        (page.path, page.figure)
        for page in plan
        if page.figure is not None and (only is None or only(page.path))
    ]
    site = timeline.site
    drawn = draw_figures(jobs, timeline.actors, site.eras, figures, wanted, site.spoken)
    svgs = {page: svg for page, (_, svg) in drawn.items()}
    thumbnails = timeline.site.thumbnails
    lists = {event.id: listed(event, thumbnails) for event in timeline.events}
    return Parts(graph, lists, inputs.bodies, items, svgs, jsonld, meta), drawn


def _files(run: Run, specs: list[PageSpec | str], made: Made) -> Files:
    """The assets, then the pages, the largest share, while the process is smallest: the
    workers that render them start as copies of it."""
    site = run.graph.timeline.site
    if run.timelinejs is not None:
        for name, data in timelinejs_files(run.timelinejs, site.language).items():
            yield urls.static(f"timelinejs/{name}"), data
    for name, data in run.assets.items():
        if name.startswith("static/"):
            yield name, data
    yield from media_files(run.graph.timeline, made.renditions or run.last.media)
    yield from _render_pages(run, specs, made)
    made.done = True


def _render_pages(run: Run, specs: list[PageSpec | str], made: Made) -> Files:
    """The bytes of every planned page: the last build's where its values are unchanged (or it
    was not planned again), else rendered anew, on all cores when there are many."""
    previous, env = run.last.pages, run.env
    fresh: list[PageSpec | None] = []
    for spec in specs:
        path = spec if isinstance(spec, str) else spec.path
        old = previous.get(path)
        if isinstance(spec, str) and old is None and run.left is not None:
            yield path, run.left(path)  # in the output folder as the last build wrote it
        elif isinstance(spec, str) or (old is not None and old[0] == (spec.template, spec.values)):
            assert old is not None, "a page is skipped only when the last build made it"
            made.pages[path] = old
            yield path, old[1]
        else:
            fresh.append(spec)
    specs.clear()  # from here on, each page's values live only as long as the page is not made

    store = run.store

    def make(index: int) -> bytes:
        spec = fresh[index]
        assert spec is not None
        data = env.get_template(spec.template).render(page=spec.path, **spec.values).encode()
        return data if store is None else store(spec.path, data)

    errors = []
    for index, data in enumerate(imap_indexes(guarded(make, env), len(fresh))):
        page = fresh[index]
        assert page is not None
        if not isinstance(data, bytes):  # a mistake in a template: no page, and no build
            errors.append(data)
            continue
        # A made page's values can go: the job has run (here, or in a worker's own copy).
        fresh[index] = None
        if run.last.keep.pages:
            made.pages[page.path] = ((page.template, page.values), data)
        made.rendered += 1
        yield page.path, data
    failed(errors)
