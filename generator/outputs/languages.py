"""The sites of a site's other languages (`languages:` in site.yaml): each made as the default
language's is, from the timeline in its words, and written under `<lang>/` with its own feeds,
search index and assets."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path

from generator.model import urls
from generator.model.graph import Graph, link
from generator.model.languages import translated
from generator.outputs.driver import site_files
from generator.outputs.protocol import Files
from generator.render.site import HtmlSite, RenderCache, Store, render
from generator.render.templates import Folders


def translation_sites(
    graph: Graph,
    templates: Folders,
    timelinejs: Path | None,
    last: Mapping[str, RenderCache],
    first: RenderCache,
    store: Store | None = None,
) -> dict[str, HtmlSite]:
    """The pages of each of the site's languages but the first, by language, made from what the
    `last` run kept of that language, else from a cache like `first` (the default language's);
    with `store`, each page written where it is made, under its language's folder."""
    site = graph.timeline.site
    sites: dict[str, HtmlSite] = {}
    for language in site.languages[1:]:
        cache = last.get(language) or RenderCache(first.keep, first.media)
        spoken = link(translated(graph.timeline, language))
        under = None if store is None else partial(_stored, store, language, site.languages)
        sites[language] = render(spoken, templates, timelinejs, cache, under)
    return sites


def _stored(
    store: Store, language: str, languages: tuple[str, ...], path: str, data: bytes
) -> bytes:
    return store(urls.translated(path, language, languages), data)


def translation_files(
    sites: Mapping[str, HtmlSite], languages: tuple[str, ...]
) -> tuple[Files, Files]:
    """Every file of each language's site under its language's folder: the pages of every
    language, then (once those are read) the outputs of every language."""
    streams = {language: site_files(html) for language, html in sites.items()}
    return (
        _under(languages, {language: pages for language, (pages, _) in streams.items()}),
        _under(languages, {language: outputs for language, (_, outputs) in streams.items()}),
    )


def _under(languages: tuple[str, ...], files: Mapping[str, Files]) -> Files:
    for language, stream in files.items():
        for path, data in stream:
            yield urls.translated(path, language, languages), data
