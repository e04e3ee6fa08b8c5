"""Stage 4: render every page of the site from the link graph into `{output path: bytes}`.

Each page is planned as a template and the values it shows. A `RenderCache` kept between builds
(by the preview server) plans again only the pages that `affected.py` says an edit can change,
renders a page again only when its values, the site settings or the templates changed, and
renders a Markdown body again only when its text or its links changed. Whatever a cold build
renders by the thousand goes to forked workers on every core (`parallel.py`).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from generator import __version__
from generator.incremental.affected import affected_pages, dirty_events
from generator.incremental.memo import Memo, Piece
from generator.model import urls
from generator.model.dates import EventDate, year_label
from generator.model.days import day_number
from generator.model.graph import Backlink, Graph, QuoteRef
from generator.model.timeline import STATUSES, Actor, Era, Event, SiteConfig, Source
from generator.outputs.exports import exports
from generator.outputs.search import row_piece, search_index
from generator.parallel import imap_indexes, map_indexes
from generator.render.bodies import Bodies, BodyKey
from generator.render.density import DENSE_LIMIT, density_svg
from generator.render.markdown import sanitise
from generator.render.overview import overview_svg
from generator.render.structured import event_jsonld, event_meta
from generator.vendor import TIMELINEJS_FONT, timelinejs_files, timelinejs_language

Pages = dict[str, bytes]
_PARAGRAPH_BREAK = '\n<span class="paragraph-break"></span>'


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page to render: its output path, its template and every value the template shows."""

    path: str
    template: str
    context: dict[str, Any]


@dataclass(frozen=True, slots=True)
class LinkedTitle:
    """A link as a list shows it: the target's output path and its title."""

    path: str
    title: str


@dataclass(frozen=True, slots=True)
class Listed:
    """An event as lists and links show it; pages that show only this need no new render
    when the event's body changes."""

    id: str
    title: str
    summary: str
    date: EventDate
    status: str
    actors: tuple[str, ...]
    tags: tuple[str, ...]


ItemKey = tuple[Listed, str, str, tuple[str, ...]]  # event, stand-in page, heading, actor names
# page, lanes, title, what each event shows, eras, actor names: all an overview figure shows
FigureKey = tuple[str, str, str, tuple[Any, ...], tuple[Era, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class ShownRelation:
    """A relation as an event page shows it."""

    phrase: str
    kind: str
    other: Listed


@dataclass(frozen=True, slots=True)
class Filters:
    """The choices of the index's filters: only values that some event has."""

    actors: tuple[tuple[str, str], ...]  # (id, name)
    tags: tuple[str, ...]
    statuses: tuple[str, ...]
    years: tuple[int, ...]


@dataclass(slots=True)
class RenderCache:
    """What one build leaves for the next: rendered pages and bodies, and the templates."""

    generation: tuple[SiteConfig, tuple[tuple[str, bytes], ...]] | None = None
    environment: jinja2.Environment | None = None
    pages: dict[str, tuple[tuple[str, Any], bytes]] = field(default_factory=dict)
    bodies: dict[BodyKey, str] = field(default_factory=dict)
    placed: dict[tuple[BodyKey, str], Markup] = field(default_factory=dict)
    items: dict[ItemKey, Markup] = field(default_factory=dict)
    figures: dict[str, tuple[FigureKey, Markup]] = field(default_factory=dict)  # page: (key, svg)
    memo: Memo | None = None
    graph: Graph | None = None  # the last build's, to find what an edit changed
    # Whether to keep pages, pieces and the graph for a next build (the preview does); a one-off
    # build keeps only what .cache/ saves, the bodies.
    keep: bool = True
    rendered: int = 0  # pages rendered by the last build, for the preview's log and the benchmark

    @classmethod
    def saved(cls, bodies: dict[BodyKey, str]) -> RenderCache:
        """A cache holding bodies that an earlier run saved, sanitised again: they are read
        from a folder that anyone's commit could have filled."""
        return cls(bodies={key: sanitise(html) for key, html in bodies.items()})


def render_site(
    graph: Graph,
    templates: Path,
    cache: RenderCache | None = None,
    timelinejs: Path | None = None,
) -> Pages:
    """Every page and asset of the site, keyed by output path, reusing `cache` where it can.

    With TimelineJS's `dist` folder, the site also gets the interactive view.
    """
    cache = cache if cache is not None else RenderCache()
    return dict(sorted(_site(graph, templates, cache, timelinejs)))


def stream_site(
    graph: Graph,
    templates: Path,
    sink: Callable[[str, bytes], None],
    cache: RenderCache | None = None,
    timelinejs: Path | None = None,
) -> list[str]:
    """Hand every file of the site to `sink` as soon as it is made, and keep none of them: a
    one-off build's memory then holds a few pages at a time, not the whole site. Returns the
    output paths, sorted. `cache` (one that keeps nothing, by default) brings in Markdown."""
    cache = cache if cache is not None else RenderCache(keep=False)
    paths = []
    for path, data in _site(graph, templates, cache, timelinejs):
        sink(path, data)
        paths.append(path)
    return sorted(paths)


def _site(
    graph: Graph, templates: Path, cache: RenderCache, timelinejs: Path | None
) -> Iterator[tuple[str, bytes]]:
    """Every file of the site as (output path, bytes); the pages, the largest share, last."""
    site = graph.timeline.site
    template_files = _read_tree(templates)
    generation = (site, tuple((k, v) for k, v in template_files.items() if k.endswith(".html")))
    if cache.generation != generation or cache.environment is None:
        cache.generation = generation
        cache.environment = _environment(templates, site)
        cache.pages.clear()
        cache.items.clear()
        cache.graph = None
    env = cache.environment
    previous, cache.pages = cache.pages, {}
    # Only pages that show something the edit changed are planned again; the rest, as they were.
    affected = affected_pages(cache.graph, graph)
    partial = affected is not None

    def wanted(page: str) -> bool:
        return affected is None or page in affected or page not in previous

    bodies = Bodies(graph, cache.bodies, cache.placed, keep=partial, remember=cache.keep)
    bodies.prepare(
        [event.body for event in graph.timeline.events]
        + [actor.body for actor in graph.timeline.actors.values()]
    )
    items = _Items(env, graph.timeline.actors, cache, keep=partial)
    figures = _figures(graph, cache, wanted)
    memo = Memo(cache.memo, keep=partial, transient=not cache.keep)
    if cache.graph is not None and partial:
        memo.dirty = dirty_events(cache.graph, graph)
    if not partial:
        memo.prefill(_page_pieces(graph))
    plan = _plan(graph, bodies, items, figures, memo, wanted, interactive=timelinejs is not None)
    specs = list(plan)
    items.render_missing()
    for spec in specs:
        if isinstance(spec, PageSpec):
            items.fill(spec.context)
    if timelinejs is not None:
        language = timelinejs_language(timelinejs, site.language)
        specs.append(
            PageSpec(
                urls.INTERACTIVE,
                "interactive.html",
                {"font": TIMELINEJS_FONT, "language": language},
            )
        )
        for name, data in timelinejs_files(timelinejs, site.language).items():
            yield urls.static(f"timelinejs/{name}"), data
    for name, data in template_files.items():
        if name.startswith("static/"):
            yield name, data
    # GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_'.
    yield ".nojekyll", b""
    if site.domain:
        yield "CNAME", f"{site.domain}\n".encode()
    html_pages = [spec if isinstance(spec, str) else spec.path for spec in specs]
    cache.items = items.used if cache.keep else {}
    del items
    # Pages first, the largest share, while the process is smallest: the workers that render
    # them start as copies of it. Lists and page values are not needed after them.
    pages = _render_pages(env, specs, previous, cache)
    del specs
    yield from pages
    yield from exports(graph, html_pages, bodies, memo, prefill=not partial)
    rows = [] if partial else [row_piece(graph, event) for event in graph.timeline.events]
    memo.prefill(rows)
    yield urls.SEARCH_INDEX, search_index(graph, memo)
    memo.forget(rows)
    cache.bodies = bodies.used
    cache.placed = bodies.placed_used
    cache.memo = memo if cache.keep else None
    cache.graph = graph if cache.keep else None


def _render_pages(
    env: jinja2.Environment,
    specs: list[PageSpec | str],
    previous: dict[str, tuple[tuple[str, Any], bytes]],
    cache: RenderCache,
) -> Iterator[tuple[str, bytes]]:
    """The bytes of every planned page: the last build's where its values are unchanged (or it
    was not planned again), else rendered anew, on all cores when there are many."""
    fresh: list[PageSpec | None] = []
    for spec in specs:
        path = spec if isinstance(spec, str) else spec.path
        old = previous.get(path)
        if isinstance(spec, str) or (old is not None and old[0] == (spec.template, spec.context)):
            assert old is not None, "a page is skipped only when the last build made it"
            cache.pages[path] = old
            yield path, old[1]
        else:
            fresh.append(spec)

    del specs  # from here on, each page's values live only as long as the page is not made

    def render(index: int) -> bytes:
        spec = fresh[index]
        assert spec is not None
        return env.get_template(spec.template).render(page=spec.path, **spec.context).encode()

    cache.rendered = 0
    for index, data in enumerate(imap_indexes(render, len(fresh))):
        made = fresh[index]
        assert made is not None
        # A made page's values can go: the job has run (here, or in a worker's own copy).
        fresh[index] = None
        if cache.keep:
            cache.pages[made.path] = ((made.template, made.context), data)
        cache.rendered += 1
        yield made.path, data


def _read_tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _environment(templates: Path, site: SiteConfig) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals.update(
        site=site,
        urls=urls,
        statuses=STATUSES,
        year_label=year_label,
        generator_version=__version__,
        link=_link,
        absolute=lambda path, anchor="": urls.absolute(site.base_url, path, anchor),
    )
    return env


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, to_path: str, anchor: str = "") -> str:
    """A link from the page being rendered; the 404 page, served at any depth, links from root."""
    page: str = context["page"]
    if page == urls.NOT_FOUND:
        return urls.rooted(context["site"].base_url, to_path) + (f"#{anchor}" if anchor else "")
    return urls.href(page, to_path, anchor)


@dataclass(frozen=True, slots=True)
class _ItemList:
    """The list items one page shows, by key, until they are rendered."""

    keys: tuple[ItemKey, ...]


class _Items:
    """Each event's list item, rendered once for all the lists of one kind of page.

    Links from a list item depend only on how deep its page is, so an item rendered for
    `_/_/index.html` serves every actor, tag, year, status and source page (its links climb to
    the site's root and back down, valid from any of them), one for `index.html` the index.
    """

    def __init__(
        self,
        env: jinja2.Environment,
        actors: Mapping[str, Actor],
        cache: RenderCache,
        *,
        keep: bool = False,
    ):
        """With `keep`, items of the last build stay cached although this one shows only some
        of the lists (an incremental build): the pages it skipped still show them."""
        self.env = env
        self.modules: dict[str, Any] = {}
        self.actors = actors
        self.previous = cache.items
        self.used: dict[ItemKey, Markup] = dict(cache.items) if keep else {}
        self.missing: dict[ItemKey, None] = {}  # in order of first use
        self.names: dict[str, tuple[str, ...]] = {}

    def __call__(self, events: Iterable[Listed], page: str, heading: str) -> _ItemList:
        """The items of `events` on `page`, to be rendered once the whole site is planned."""
        stand_in = "_/_/index.html" if page.count("/") == 2 else page
        keys = tuple((event, stand_in, heading, self._names(event)) for event in events)
        for key in keys:
            if key not in self.used:
                cached = self.previous.get(key)
                if cached is None:
                    self.missing[key] = None
                else:
                    self.used[key] = cached
        return _ItemList(keys)

    def _names(self, event: Listed) -> tuple[str, ...]:
        names = self.names.get(event.id)
        if names is None:
            names = self.names[event.id] = tuple(self.actors[a].name for a in event.actors)
        return names

    def render_missing(self) -> None:
        """Render every item that some list needs and no earlier build made, on all cores."""
        keys = list(self.missing)

        def render(index: int) -> Markup:
            event, page, heading, _ = keys[index]
            return Markup(str(self._module(page).event_item(event, heading)).strip("\n"))

        self.used.update(zip(keys, map_indexes(render, len(keys)), strict=True))
        self.missing.clear()

    def _module(self, page: str) -> Any:
        """The macros as seen from `page`: made once, not imported again for every item."""
        module = self.modules.get(page)
        if module is None:
            macros = self.env.get_template("partials/macros.html")
            module = self.modules[page] = macros.make_module({"page": page, "actors": self.actors})
        return module

    def fill(self, context: dict[str, Any]) -> None:
        """Put the rendered items in place of the lists of them in a page's values."""
        for name, value in context.items():
            if isinstance(value, _ItemList):
                context[name] = tuple(self.used[key] for key in value.keys)
            elif isinstance(value, dict) and any(isinstance(v, _ItemList) for v in value.values()):
                context[name] = {
                    k: tuple(self.used[key] for key in v.keys) if isinstance(v, _ItemList) else v
                    for k, v in value.items()
                }


def _figures(graph: Graph, cache: RenderCache, wanted: Callable[[str], bool]) -> dict[str, Markup]:
    """The overview figure of each page that has one, by output path, drawn on all cores.

    A figure is drawn again only when what it shows changed: its events' titles, dates,
    statuses and actors, the eras, or the actors' names. Figures of pages that are not
    `wanted` are not even checked: the last build's stay.
    """
    timeline = graph.timeline
    actors = timeline.actors
    jobs: list[tuple[str, tuple[Event, ...], Literal["actor", "status"], str]] = [
        (urls.INDEX, timeline.events, "actor", "The timeline at a glance, one lane per actor")
    ]
    for actor in actors.values():
        if graph.by_actor[actor.id]:
            title = f"Events of {actor.name} at a glance, by status"
            jobs.append((urls.actor(actor.id), graph.by_actor[actor.id], "status", title))
    for tag, events in graph.by_tag.items():
        jobs.append((urls.tag(tag), events, "status", f"Events tagged “{tag}” at a glance"))
    for year, events in graph.by_year.items():
        title = f"{year_label(year)} at a glance, by status"
        jobs.append((urls.year(year), events, "status", title))

    def key(page: str, events: tuple[Event, ...], lanes: str, title: str) -> FigureKey:
        shown = tuple((e.id, e.title, e.date, e.status, e.actors) for e in events)
        names = tuple(actors[a].name for a in dict.fromkeys(a for e in events for a in e.actors))
        return page, lanes, title, shown, timeline.site.eras, names

    kept = {
        job[0]: cache.figures[job[0]]
        for job in jobs
        if not wanted(job[0]) and job[0] in cache.figures
    }
    jobs = [job for job in jobs if job[0] not in kept]
    # Compared as values: an unchanged event brings the very same field objects, so comparing
    # even the index's 10,000 is quick (a digest of their repr took a tenth of a second).
    keys = [key(*job) for job in jobs]
    pages = [job[0] for job in jobs]
    missing = [
        at
        for at, k in enumerate(keys)
        if pages[at] not in cache.figures or cache.figures[pages[at]][0] != k
    ]

    def draw(job: int) -> Markup:
        page, events, lanes, title = jobs[missing[job]]
        if len(events) > DENSE_LIMIT:
            return density_svg(
                events,
                lanes=lanes,
                actors=actors,
                year_href=lambda year: urls.href(page, urls.year(year)),
                title=title,
            )
        return overview_svg(
            events,
            lanes=lanes,
            actors=actors,
            eras=timeline.site.eras,
            href=lambda event: urls.href(page, urls.event(event.id)),
            title=title,
        )

    # A figure costs about as much as 20 bodies, so fewer of them pay for the workers.
    drawn = dict(zip(missing, map_indexes(draw, len(missing), min_jobs=20), strict=True))
    figures: dict[str, tuple[FigureKey, Markup]] = kept
    for at, (page, k) in enumerate(zip(pages, keys, strict=True)):
        figures[page] = (k, drawn[at]) if at in drawn else cache.figures[page]
    cache.figures = figures
    return {page: figure for page, (_, figure) in figures.items()}


def _plan(
    graph: Graph,
    bodies: Bodies,
    items: _Items,
    figures: dict[str, Markup],
    memo: Memo,
    wanted: Callable[[str], bool],
    *,
    interactive: bool,
) -> Iterator[PageSpec | str]:
    """Every HTML page of the site, with the values it shows; only the path of a page that is
    not `wanted`, which stays as the last build made it."""
    timeline = graph.timeline
    actors = timeline.actors

    listed = {
        e.id: Listed(e.id, e.title, e.summary, e.date, e.status, e.actors, e.tags)
        for e in timeline.events
    }

    def lst(events: Iterable[Event]) -> tuple[Listed, ...]:
        return tuple(listed[event.id] for event in events)

    def maybe(event: Event | None) -> Listed | None:
        return None if event is None else listed[event.id]

    yield PageSpec(
        urls.INDEX,
        "index.html",
        {
            "overview": figures[urls.INDEX],
            "years": {year: lst(events) for year, events in graph.by_year.items()},
            "items": {
                year: items(lst(events), urls.INDEX, "h3") for year, events in graph.by_year.items()
            },
            "actors": actors,
            "eras": timeline.site.eras,
            "era_years": _eras_by_year(timeline.site.eras, graph.by_year),
            "counts": (len(timeline.events), len(actors), len(graph.by_tag), len(timeline.sources)),
            "interactive": interactive,
            "filters": Filters(
                actors=tuple(
                    (a.id, a.name)
                    for a in sorted(actors.values(), key=lambda a: (a.name.casefold(), a.id))
                    if graph.by_actor[a.id]
                ),
                tags=tuple(graph.by_tag),
                statuses=tuple(s for s, events in graph.by_status.items() if events),
                years=tuple(graph.by_year),
            ),
        },
    )
    yield PageSpec(urls.NOT_FOUND, "404.html", {})
    for event in timeline.events:
        path = urls.event(event.id)
        if not wanted(path):
            yield path
            continue
        yield PageSpec(
            path,
            "event.html",
            {
                "event": event,
                "actors": actors,
                "body": bodies.for_page(event.body, path),
                "citations": tuple((c, timeline.sources[c.source]) for c in event.citations),
                "relations": tuple(
                    ShownRelation(r.phrase, r.kind, listed[r.other.id])
                    for r in graph.relations.get(event.id, ())
                ),
                "backlinks": _backlinks(graph, graph.backlinks.get(event.id, ())),
                "jsonld": Markup(memo.get(*_jsonld_piece(graph, event))),
                "meta": memo.get(*_meta_piece(graph, event)),
                "previous": maybe(graph.previous(event)),
                "next": maybe(graph.next(event)),
            },
        )
    yield PageSpec(
        urls.ACTORS,
        "actors.html",
        {
            "rows": tuple(
                (actor, len(graph.by_actor[actor.id]))
                for actor in sorted(actors.values(), key=lambda a: (a.name.casefold(), a.id))
            )
        },
    )
    for actor in actors.values():
        path = urls.actor(actor.id)
        if not wanted(path):
            yield path
            continue
        yield PageSpec(
            path,
            "actor.html",
            {
                "actor": actor,
                "actors": actors,
                "overview": figures.get(path, Markup("")),
                "body": bodies.for_page(actor.body, path),
                "events": lst(graph.by_actor[actor.id]),
                "items": items(lst(graph.by_actor[actor.id]), path, "h3"),
                "backlinks": _backlinks(graph, graph.backlinks.get(actor.id, ())),
            },
        )
    yield PageSpec(urls.TAGS, "tags.html", {"tags": _counts(graph.by_tag)})
    for tag, events in graph.by_tag.items():
        path = urls.tag(tag)
        if not wanted(path):
            yield path
            continue
        yield PageSpec(
            path,
            "tag.html",
            {
                "tag": tag,
                "events": lst(events),
                "items": items(lst(events), path, "h2"),
                "actors": actors,
                "overview": figures[path],
            },
        )
    yield PageSpec(urls.YEARS, "years.html", {"years": _counts(graph.by_year)})
    years = list(graph.by_year)
    for at, (year, events) in enumerate(graph.by_year.items()):
        if not wanted(urls.year(year)):
            yield urls.year(year)
            continue
        yield PageSpec(
            urls.year(year),
            "year.html",
            {
                "year": year,
                "events": lst(events),
                "items": items(lst(events), urls.year(year), "h2"),
                "overview": figures[urls.year(year)],
                "actors": actors,
                "previous_year": years[at - 1] if at > 0 else None,
                "next_year": years[at + 1] if at + 1 < len(years) else None,
            },
        )
    yield PageSpec(urls.STATUSES, "statuses.html", {"by_status": _counts(graph.by_status)})
    for status, events in graph.by_status.items():
        if not wanted(urls.status(status)):
            yield urls.status(status)
            continue
        yield PageSpec(
            urls.status(status),
            "status.html",
            {
                "status": status,
                "events": lst(events),
                "items": items(lst(events), urls.status(status), "h2"),
                "actors": actors,
            },
        )
    yield PageSpec(
        urls.SOURCES,
        "sources.html",
        {"rows": tuple((s, len(graph.by_source[s.id])) for s in timeline.sources.values())},
    )
    for source in timeline.sources.values():
        path = urls.source(source.id)
        if not wanted(path):
            yield path
            continue
        yield PageSpec(
            path,
            "source.html",
            {
                "source": source,
                "events": lst(graph.by_source[source.id]),
                "items": items(lst(graph.by_source[source.id]), path, "h3"),
                "actors": actors,
                "text": _highlighted(source, graph.quotes.get(source.id, ()), path),
            },
        )


def _jsonld_piece(graph: Graph, event: Event) -> Piece:
    timeline = graph.timeline
    actors = tuple(timeline.actors[actor_id] for actor_id in event.actors)
    cited = tuple(timeline.sources[citation.source] for citation in event.citations)
    key = ("jsonld", event, timeline.site, actors, cited)
    return key, lambda: event_jsonld(graph, event)


def _meta_piece(graph: Graph, event: Event) -> Piece:
    return ("meta", event, graph.timeline.site), lambda: tuple(event_meta(graph, event))


def _page_pieces(graph: Graph) -> list[Piece]:
    """Every event's pieces of its page."""
    pieces: list[Piece] = []
    for event in graph.timeline.events:
        pieces += (_jsonld_piece(graph, event), _meta_piece(graph, event))
    return pieces


def _counts(groups: Mapping[Any, tuple[Event, ...]]) -> tuple[tuple[Any, int], ...]:
    return tuple((key, len(events)) for key, events in groups.items())


def _backlinks(graph: Graph, backlinks: Iterable[Backlink]) -> tuple[LinkedTitle, ...]:
    return tuple(
        LinkedTitle(urls.event(b.id), graph.events[b.id].title)
        if b.kind == "event"
        else LinkedTitle(urls.actor(b.id), graph.timeline.actors[b.id].name)
        for b in backlinks
    )


def _eras_by_year(
    eras: tuple[Era, ...], years: Mapping[int, tuple[Event, ...]]
) -> dict[int, tuple[tuple[int, Era], ...]]:
    """For each year with events, the eras (numbered from 1) whose span touches it."""
    result: dict[int, tuple[tuple[int, Era], ...]] = {}
    for year in years:
        first, last = day_number(year, 1, 1), day_number(year, 12, 31)
        result[year] = tuple(
            (number, era) for number, era in enumerate(eras, start=1) if _touches(era, first, last)
        )
    return result


def _touches(era: Era, first_day: int, last_day: int) -> bool:
    """Whether the era's possible span meets the days first_day..last_day (open ends: forever)."""
    start, end = era.date.earliest_day(), era.date.latest_day()
    return (start is None or start <= last_day) and (end is None or end >= first_day)


def _highlighted(source: Source, quotes: tuple[QuoteRef, ...], page: str) -> Markup:
    """The source's text as HTML, each quoted passage a <mark> linking to the events quoting it.

    Quotes may overlap, so the text is cut at every quote boundary and each piece is marked with
    every quote that covers it; each quote's first piece carries its anchor.
    """
    text = source.text
    starts: dict[int, list[QuoteRef]] = {}
    ends: dict[int, list[QuoteRef]] = {}
    for quote in quotes:
        starts.setdefault(quote.citation.start, []).append(quote)
        ends.setdefault(quote.citation.end, []).append(quote)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[str, QuoteRef] = {}
    parts: list[str] = []
    for start, end in itertools.pairwise(cuts):
        for quote in ends.get(start, ()):
            active.pop(quote.anchor, None)
        fresh = starts.get(start, [])
        for quote in fresh:
            active[quote.anchor] = quote
        # An empty block after each line break spaces the paragraphs; the text stays verbatim.
        piece = html.escape(text[start:end], quote=False).replace("\n", _PARAGRAPH_BREAK)
        if not active:
            parts.append(piece)
            continue
        covering = list(active.values())
        id_attr = f' id="{fresh[0].anchor}"' if fresh else ""
        # Further anchors starting at the same place get empty spans, so every anchor resolves.
        extra = "".join(f'<span id="{quote.anchor}"></span>' for quote in fresh[1:])
        titles = "; ".join(dict.fromkeys(quote.event.title for quote in covering))
        href = urls.href(page, urls.event(covering[0].event.id))
        parts.append(
            f'<mark{id_attr}>{extra}<a href="{href}" title="Quoted in: {html.escape(titles)}">'
            f"{piece}</a></mark>"
        )
    return Markup("".join(parts))
