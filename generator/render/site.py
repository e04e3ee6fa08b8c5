"""Stage 4: the HTML pages and assets of the site, rendered from the link graph.

Every page is planned (see pages.py), and what each page shows is recorded. A `RenderCache`
kept between builds by the preview plans again only the pages that an edit can change (see
incremental/affected.py), renders a page again only when its values, the settings or the
templates changed, and renders a Markdown body again only when its text or its links changed.
Whatever a cold build renders by the thousand goes to forked workers on every core.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.incremental.affected import Edit, Shown, edit_between, replanned
from generator.incremental.memo import Memo
from generator.incremental.mode import Mode
from generator.model import urls
from generator.model.graph import Graph
from generator.parallel import imap_indexes
from generator.render.bodies import Bodies, BodyKey, BodyKeys
from generator.render.figures import Drawn, draw_figures
from generator.render.images import media_files
from generator.render.inputs import Inputs
from generator.render.items import ItemKey, Items
from generator.render.markdown import sanitise
from generator.render.pages import plan_pages
from generator.render.plan import Page, Parts
from generator.render.structured import JSONLD, META
from generator.render.templates import Folders, environment, failed, guarded, navigation, read_tree
from generator.render.values import listed
from generator.vendor import timelinejs_files, timelinejs_language

Files = Iterator[tuple[str, bytes]]
Rendered = tuple[tuple[str, Any], bytes]  # a page's (template, values) and its bytes


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page to render: its output path, its template and every value the template shows."""

    path: str
    template: str
    values: dict[str, Any]


@dataclass(slots=True)
class RenderCache:
    """What one build leaves for the next: a one-off build keeps only the rendered bodies
    (saved in .cache/); the preview keeps everything it compares the next build against."""

    mode: Mode = Mode.PREVIEW
    generation: Hashable = None  # the settings, templates and TimelineJS the rest was made with
    environment: jinja2.Environment | None = None
    pages: dict[str, Rendered] = field(default_factory=dict)
    record: dict[str, Shown] = field(default_factory=dict)  # what each page showed
    bodies: dict[BodyKey, str] = field(default_factory=dict)
    placed: dict[tuple[BodyKey, str], Markup] = field(default_factory=dict)
    keys: BodyKeys = field(default_factory=dict)
    items: dict[ItemKey, Markup] = field(default_factory=dict)
    figures: Drawn = field(default_factory=dict)
    memo: Memo | None = None
    graph: Graph | None = None  # the last build's, to find what an edit changed
    rendered: int = 0  # pages rendered by the last build, for the preview's log and the benchmark
    media: Path | None = None  # where images' renditions are kept between runs (images.py)

    @classmethod
    def saved(
        cls, bodies: dict[BodyKey, str], mode: Mode, media: Path | None = None
    ) -> RenderCache:
        """A cache holding bodies that an earlier run saved, sanitised again: they are read
        from a folder that anyone's commit could have filled; `media` keeps renditions."""
        clean = {key: sanitise(html) for key, html in bodies.items()}
        return cls(mode=mode, bodies=clean, media=media)


@dataclass(frozen=True, slots=True)
class HtmlSite:
    """The HTML pages and assets of one build, made as `files` is read, and what the
    outputs after them are made from."""

    files: Files
    pages: tuple[str, ...]  # output paths of the HTML pages
    inputs: Inputs
    memo: Memo


def render_html(
    graph: Graph, templates: Folders, cache: RenderCache, timelinejs: Path | None
) -> HtmlSite:
    """Plan every page of `graph` with the templates in `templates` (a folder, or folders the
    first of which that has a file wins) and TimelineJS's `dist` folder, for the interactive
    view, reusing `cache` where it can. A mistake in a template raises BuildFailed."""
    assets = read_tree(templates)
    language = (
        None
        if timelinejs is None
        else timelinejs_language(timelinejs, graph.timeline.site.language)
    )
    env = _environment(cache, graph, templates, assets, language)
    last, cache.graph = cache.graph, None  # until this build is done: one that fails is no base
    edit = None if last is None else edit_between(last, graph)
    plan = plan_pages(graph, language)
    wanted = None if edit is None else _wanted(cache, edit, plan)
    bodies = Bodies(graph, cache.bodies, cache.placed, mode=cache.mode, edit=edit, keys=cache.keys)
    bodies.prepare(
        [event.body for event in graph.timeline.events]
        + [actor.body for actor in graph.timeline.actors.values()]
        + [place.body for place in graph.timeline.places.values()]
    )
    inputs = Inputs(graph, bodies)
    memo = Memo(cache.memo, cache.mode, None if edit is None else edit.dirty)
    items = Items(env, graph.timeline.actors, cache.items, edit=edit is not None)
    specs = _specs(plan, wanted, inputs, memo, items, cache)
    done = partial(_keep, cache, graph, plan, bodies, memo)
    files = _files(env, graph, assets, timelinejs, specs, cache, done)
    return HtmlSite(files, tuple(page.path for page in plan), inputs, memo)


def _environment(
    cache: RenderCache,
    graph: Graph,
    templates: Folders,
    assets: dict[str, bytes],
    language: str | None,
) -> jinja2.Environment:
    """The templates' environment: the last build's while the settings, the statuses that
    have pages (every page's navigation links to them), the templates and TimelineJS are as
    they were, else a new one, and nothing rendered before is reused."""
    site = graph.timeline.site
    status_pages = navigation(graph)
    html_templates = tuple((k, v) for k, v in assets.items() if k.endswith(".html"))
    generation = (site, status_pages, html_templates, language)
    if cache.generation != generation or cache.environment is None:
        cache.generation = generation
        cache.environment = environment(templates, site, status_pages)
        cache.pages.clear()
        cache.items.clear()
        cache.record.clear()
        cache.graph = None
    return cache.environment


def _wanted(cache: RenderCache, edit: Edit, plan: list[Page]) -> set[str]:
    """The pages to plan again after `edit`, from what each page showed in the last build."""
    # A build that failed on the way left no record (see render_html), so every page the record
    # names was made by the last build.
    shown = ((page.path, page.shown) for page in plan)
    return replanned(cache.record, shown, edit.events, edit.parts)


def _specs(
    plan: list[Page],
    wanted: set[str] | None,
    inputs: Inputs,
    memo: Memo,
    items: Items,
    cache: RenderCache,
) -> list[PageSpec | str]:
    """The values of every wanted page, list items and figures in place; only the path of a
    page that is not wanted, which stays as the last build made it."""
    is_wanted = (lambda path: True) if wanted is None else wanted.__contains__
    parts, drawn = page_parts(plan, inputs, memo, items, cache.figures, is_wanted)
    cache.figures = drawn if cache.mode is Mode.PREVIEW else {}
    specs = [
        PageSpec(page.path, page.template, page.values(parts))
        if is_wanted(page.path)
        else page.path
        for page in plan
    ]
    items.render_missing()
    for spec in specs:
        if isinstance(spec, PageSpec):
            items.fill(spec.values)
    cache.items = items.used if cache.mode is Mode.PREVIEW else {}
    return specs


def page_parts(
    plan: list[Page],
    inputs: Inputs,
    memo: Memo,
    items: Items,
    figures: Drawn,
    wanted: Callable[[str], bool],
) -> tuple[Parts, Drawn]:
    """What the values of the `wanted` pages of `plan` are made of, and the figures drawn for
    them (the last build's `figures` kept where unchanged)."""
    graph = inputs.graph
    timeline = graph.timeline
    events = timeline.events
    ids = [event.id for event in events]
    jsonld = dict(zip(ids, memo.each(JSONLD, inputs, events), strict=True))
    meta = dict(zip(ids, memo.each(META, inputs, events), strict=True))
    jobs = [(page.path, page.figure) for page in plan if page.figure is not None]
    drawn = draw_figures(jobs, timeline.actors, timeline.site.eras, figures, wanted)
    svgs = {page: svg for page, (_, svg) in drawn.items()}
    thumbnails = timeline.site.thumbnails
    lists = {event.id: listed(event, thumbnails) for event in events}
    return Parts(graph, lists, inputs.bodies, items, svgs, jsonld, meta), drawn


def _keep(cache: RenderCache, graph: Graph, plan: list[Page], bodies: Bodies, memo: Memo) -> None:
    """Leave in `cache` what the next build reuses, once every page is made: bodies always, the
    rest for the preview (the outputs after the pages add their pieces to the same memo)."""
    cache.bodies = bodies.used
    cache.placed = bodies.placed_used
    cache.keys = bodies.keys if cache.mode is Mode.PREVIEW else {}
    preview = cache.mode is Mode.PREVIEW
    cache.memo = memo if preview else None
    cache.graph = graph if preview else None
    cache.record = {page.path: page.shown for page in plan} if preview else {}


def _files(
    env: jinja2.Environment,
    graph: Graph,
    assets: dict[str, bytes],
    timelinejs: Path | None,
    specs: list[PageSpec | str],
    cache: RenderCache,
    done: Callable[[], None],
) -> Files:
    """The assets, then the pages, the largest share, while the process is smallest: the
    workers that render them start as copies of it. `done` runs once every page is made."""
    site = graph.timeline.site
    if timelinejs is not None:
        for name, data in timelinejs_files(timelinejs, site.language).items():
            yield urls.static(f"timelinejs/{name}"), data
    for name, data in assets.items():
        if name.startswith("static/"):
            yield name, data
    yield from media_files(graph.timeline, cache.media)
    # GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_'.
    yield ".nojekyll", b""
    if site.domain:
        yield "CNAME", f"{site.domain}\n".encode()
    previous, cache.pages = cache.pages, {}
    yield from _render_pages(env, specs, previous, cache)
    done()


def _render_pages(
    env: jinja2.Environment,
    specs: list[PageSpec | str],
    previous: dict[str, Rendered],
    cache: RenderCache,
) -> Files:
    """The bytes of every planned page: the last build's where its values are unchanged (or it
    was not planned again), else rendered anew, on all cores when there are many."""
    fresh: list[PageSpec | None] = []
    for spec in specs:
        path = spec if isinstance(spec, str) else spec.path
        old = previous.get(path)
        if isinstance(spec, str) or (old is not None and old[0] == (spec.template, spec.values)):
            assert old is not None, "a page is skipped only when the last build made it"
            cache.pages[path] = old
            yield path, old[1]
        else:
            fresh.append(spec)
    specs.clear()  # from here on, each page's values live only as long as the page is not made

    def render(index: int) -> bytes:
        spec = fresh[index]
        assert spec is not None
        return env.get_template(spec.template).render(page=spec.path, **spec.values).encode()

    cache.rendered = 0
    errors = []
    for index, data in enumerate(imap_indexes(guarded(render, env), len(fresh))):
        made = fresh[index]
        assert made is not None
        if not isinstance(data, bytes):  # a mistake in a template: no page, and no build
            errors.append(data)
            continue
        # A made page's values can go: the job has run (here, or in a worker's own copy).
        fresh[index] = None
        if cache.mode is Mode.PREVIEW:
            cache.pages[made.path] = ((made.template, made.values), data)
        cache.rendered += 1
        yield made.path, data
    failed(errors)
