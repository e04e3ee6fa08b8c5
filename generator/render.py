"""Stage 4: render every page of the site from the link graph into `{output path: bytes}`."""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import __version__, urls
from generator.dates import day_number, year_label
from generator.links import Graph, QuoteRef
from generator.markup import MarkdownRenderer
from generator.model import RELATIONS, STATUSES, Actor, Era, Event, Source

Pages = dict[str, bytes]


class Renderer:
    """Jinja templates and the Markdown renderer for one build."""

    def __init__(self, templates: Path, graph: Graph) -> None:
        self.graph = graph
        self.templates = templates
        self.markdown = MarkdownRenderer()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        site = graph.timeline.site
        self.env.globals.update(
            site=site,
            graph=graph,
            urls=urls,
            statuses=STATUSES,
            relations=RELATIONS,
            year_label=year_label,
            generator_version=__version__,
            link=_link,
            absolute=lambda path, anchor="": urls.absolute(site.base_url, path, anchor),
        )

    def page(self, template: str, path: str, **context: Any) -> tuple[str, bytes]:
        """Render one template as the page at output path `path`."""
        text = self.env.get_template(template).render(page=path, **context)
        return path, text.encode("utf-8")

    def body(self, markdown_text: str, page: str) -> Markup:
        """A Markdown body as HTML, its `[[links]]` relative to `page`."""
        graph = self.graph

        def resolve(target: str) -> tuple[str, str] | None:
            if target in graph.events:
                return urls.href(page, urls.event(target)), graph.events[target].title
            actor = graph.timeline.actors.get(target)
            if actor is not None:
                return urls.href(page, urls.actor(target)), actor.name
            return None

        return Markup(self.markdown.render(markdown_text, resolve))


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, to_path: str, anchor: str = "") -> str:
    """A link from the page being rendered; the 404 page, served at any depth, links from root."""
    page: str = context["page"]
    if page == urls.NOT_FOUND:
        return urls.rooted(context["site"].base_url, to_path) + (f"#{anchor}" if anchor else "")
    return urls.href(page, to_path, anchor)


def render_site(graph: Graph, templates: Path) -> Pages:
    """Every page and asset of the site, keyed by output path."""
    renderer = Renderer(templates, graph)
    pages: Pages = dict(_pages(renderer, graph))
    for path in sorted((templates / "static").rglob("*")):
        if path.is_file():
            pages[urls.static(path.relative_to(templates / "static").as_posix())] = (
                path.read_bytes()
            )
    # GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_'.
    pages[".nojekyll"] = b""
    return dict(sorted(pages.items()))


def _pages(r: Renderer, graph: Graph) -> Iterator[tuple[str, bytes]]:
    timeline = graph.timeline
    yield r.page(
        "index.html",
        urls.INDEX,
        years=graph.by_year,
        eras=timeline.site.eras,
        era_years=_eras_by_year(timeline.site.eras, graph.by_year),
    )
    yield r.page("404.html", urls.NOT_FOUND)
    for event in timeline.events:
        yield _event_page(r, graph, event)
    yield r.page("actors.html", urls.ACTORS, actors=_sorted_actors(timeline.actors.values()))
    for actor in timeline.actors.values():
        path = urls.actor(actor.id)
        yield r.page(
            "actor.html",
            path,
            actor=actor,
            body=r.body(actor.body, path),
            events=graph.by_actor[actor.id],
            backlinks=graph.backlinks.get(actor.id, ()),
        )
    yield r.page("tags.html", urls.TAGS, tags=graph.by_tag)
    for tag, events in graph.by_tag.items():
        yield r.page("tag.html", urls.tag(tag), tag=tag, events=events)
    yield r.page("years.html", urls.YEARS, years=graph.by_year)
    years = list(graph.by_year)
    for at, (year, events) in enumerate(graph.by_year.items()):
        yield r.page(
            "year.html",
            urls.year(year),
            year=year,
            events=events,
            previous_year=years[at - 1] if at > 0 else None,
            next_year=years[at + 1] if at + 1 < len(years) else None,
        )
    yield r.page("statuses.html", urls.STATUSES, by_status=graph.by_status)
    for status, events in graph.by_status.items():
        yield r.page("status.html", urls.status(status), status=status, events=events)
    yield r.page("sources.html", urls.SOURCES, sources=timeline.sources)
    for source in timeline.sources.values():
        path = urls.source(source.id)
        yield r.page(
            "source.html",
            path,
            source=source,
            events=graph.by_source[source.id],
            text=_highlighted(source, graph.quotes.get(source.id, ()), path),
        )


def _event_page(r: Renderer, graph: Graph, event: Event) -> tuple[str, bytes]:
    path = urls.event(event.id)
    return r.page(
        "event.html",
        path,
        event=event,
        body=r.body(event.body, path),
        relations=graph.relations.get(event.id, ()),
        backlinks=graph.backlinks.get(event.id, ()),
        previous=graph.previous(event),
        next=graph.next(event),
    )


def _eras_by_year(
    eras: tuple[Era, ...], years: dict[int, tuple[Event, ...]]
) -> dict[int, list[tuple[int, Era]]]:
    """For each year with events, the eras (numbered from 1) whose span touches it."""
    result: dict[int, list[tuple[int, Era]]] = {}
    for year in years:
        first, last = day_number(year, 1, 1), day_number(year, 12, 31)
        result[year] = [
            (number, era) for number, era in enumerate(eras, start=1) if _touches(era, first, last)
        ]
    return result


def _touches(era: Era, first_day: int, last_day: int) -> bool:
    """Whether the era's possible span meets the days first_day..last_day (open ends: forever)."""
    start, end = era.date.earliest_day(), era.date.latest_day()
    return (start is None or start <= last_day) and (end is None or end >= first_day)


def _sorted_actors(actors: Any) -> list[Actor]:
    return sorted(actors, key=lambda a: (a.name.casefold(), a.id))


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
        piece = html.escape(text[start:end], quote=False)
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
