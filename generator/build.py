"""The pipeline: load → validate → link → render → write, and the outputs after the pages."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.check.drafts import published
from generator.check.history import with_history
from generator.check.validate import ValidateCache, validate
from generator.errors import BuildFailed, ContentError
from generator.incremental.mode import Mode
from generator.incremental.store import (
    Fresh,
    check_fresh,
    forget_fresh,
    inputs_digest,
    load_bodies,
    media_cache,
    record_fresh,
    save_bodies,
)
from generator.load.files import LoadCache, load
from generator.load.git_history import GitUnavailable
from generator.model.graph import Graph, link
from generator.model.timeline import Timeline
from generator.outputs.driver import output_files
from generator.project import Project
from generator.render.site import RenderCache, render_html
from generator.render.templates import Folders
from generator.write import Staging, update_site, write_site

Pages = dict[str, bytes]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build made: its output paths, the pages it rendered anew and the files it changed."""

    timeline: Timeline
    output: Path
    paths: tuple[str, ...]
    rendered: int
    changed: tuple[str, ...]

    @property
    def pages(self) -> Pages:
        """Every file of the site, read back from the output folder as the build wrote it."""
        return {path: (self.output / path).read_bytes() for path in self.paths}


def check(project: Project, *, drafts: bool = False) -> Timeline:
    """Load and validate the content, without its drafts unless `drafts`; raise BuildFailed
    with every error."""
    return _kept(git_history(project, validate(load(project))), drafts)


def git_history(project: Project, timeline: Timeline) -> Timeline:
    """With `history: git` in site.yaml, `timeline` with each event's history from git; else
    `timeline` as it is. Raise BuildFailed when the project is not in a git repository."""
    site = timeline.site
    if not site.history:
        return timeline
    try:
        return with_history(timeline, project.content / "events", site.history_messages)
    except GitUnavailable as error:
        raise BuildFailed(
            [
                ContentError(
                    project.shown(project.content / "site.yaml"),
                    site.history_line,
                    "history",
                    f"`history: git` needs a git repository: {error}",
                    "run `git init` and commit the project, or remove `history: git`",
                )
            ]
        ) from None


def _kept(timeline: Timeline, drafts: bool) -> Timeline:
    """The timeline a build shows: all of it with `drafts`, else only the published events."""
    return timeline if drafts else published(timeline)


def site_files(
    graph: Graph, templates: Folders, cache: RenderCache, timelinejs: Path | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every file of the site as (output path, bytes): assets and pages, then every output.
    With TimelineJS's `dist` folder, the site also gets the interactive view."""
    html = render_html(graph, templates, cache, timelinejs)
    yield from html.files
    yield from output_files(html.inputs, html.memo, html.pages)


def render_site(
    graph: Graph,
    templates: Folders,
    cache: RenderCache | None = None,
    timelinejs: Path | None = None,
) -> Pages:
    """Every file of the site by output path, reusing `cache` (the preview's) where it can."""
    cache = cache if cache is not None else RenderCache()
    return dict(sorted(site_files(graph, templates, cache, timelinejs)))


def stream_site(
    graph: Graph,
    templates: Folders,
    sink: Callable[[str, bytes], None],
    cache: RenderCache,
    timelinejs: Path | None = None,
) -> list[str]:
    """Hand every file of the site to `sink` as soon as it is made: a one-off build's memory
    then holds a few pages at a time, not the whole site. Returns the output paths, sorted."""
    paths = []
    for path, data in site_files(graph, templates, cache, timelinejs):
        sink(path, data)
        paths.append(path)
    return sorted(paths)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    # A build makes millions of objects that live until its end, and almost no cycles (about
    # one per event, measured). The cycle collector walked all of them again and again: 2.4 s
    # of a 13 s cold build at 10,000 events, half a second of an edit. Plain reference counting
    # still frees everything else at once; forked workers collect their own cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _saved(cache_folder: Path | None, mode: Mode) -> RenderCache:
    if cache_folder is None:
        return RenderCache.saved({}, mode)
    return RenderCache.saved(load_bodies(cache_folder), mode, media_cache(cache_folder))


def build(
    project: Project, cache_folder: Path | None = None, *, drafts: bool = False
) -> BuildResult:
    """Check, render and write the site in one go (a one-off build), with the draft events
    only if `drafts`; on errors raise BuildFailed and leave site/ untouched.

    Each file goes to the new site as soon as it is made and is not kept: the memory a build
    needs does not grow with the size of its output. With `cache_folder`, Markdown rendered by
    earlier runs is reused and this run's is saved (see incremental/store.py).
    """
    with _no_cycle_collection():
        graph = link(_kept(git_history(project, validate(load(project))), drafts))
        cache = _saved(cache_folder, Mode.ONE_OFF)
        staging = Staging(project.output)
        try:
            paths = stream_site(
                graph, project.template_folders, staging.put, cache, project.timelinejs
            )
            staging.commit()
        finally:
            staging.discard()
        if cache_folder is not None:
            save_bodies(cache_folder, cache.bodies)
    return BuildResult(graph.timeline, project.output, tuple(paths), cache.rendered, tuple(paths))


def build_unless_fresh(
    project: Project, cache_folder: Path, *, drafts: bool = False
) -> BuildResult | Fresh:
    """`build`, unless nothing it reads has changed since the build that made the output folder
    as it is (see incremental/store.py): then what that build made, and nothing is written."""
    inputs = inputs_digest(project, drafts=drafts)
    fresh = check_fresh(project, cache_folder, inputs)
    if fresh is not None:
        return fresh
    forget_fresh(cache_folder)
    result = build(project, cache_folder, drafts=drafts)
    pages = sum(1 for path in result.paths if path.endswith(".html"))
    record_fresh(project, cache_folder, inputs, pages, len(result.timeline.events))
    return result


class Builder:
    """Builds one project again and again, redoing only what its changes affect (the preview).

    The first build writes the whole site atomically; later ones parse only changed files,
    render only pages whose values changed, and replace only files whose bytes changed. It
    keeps the whole site in memory to compare against: a one-off build uses `build` instead.
    """

    def __init__(
        self, project: Project, *, cache_folder: Path | None = None, drafts: bool = True
    ) -> None:
        """With `cache_folder`, Markdown from earlier runs is reused (see incremental/store.py).
        A preview shows the draft events, with a banner, unless `drafts` is False."""
        self.project = project
        self.drafts = drafts
        self.cache_folder = cache_folder
        self.load_cache = LoadCache()
        self.validate_cache = ValidateCache()
        self.render_cache = _saved(cache_folder, Mode.PREVIEW)
        self.written: Pages | None = None

    def build(self) -> BuildResult:
        """Build the site; on content errors raise BuildFailed and leave the site as it was."""
        with _no_cycle_collection():
            return self._build()

    def _build(self) -> BuildResult:
        project = self.project
        timeline = validate(load(project, self.load_cache), self.validate_cache)
        timeline = git_history(project, timeline)
        graph = link(_kept(timeline, self.drafts))
        folders = project.template_folders
        pages = render_site(graph, folders, self.render_cache, project.timelinejs)
        if self.written is None or not project.output.is_dir():
            write_site(pages, project.output)
            changed = tuple(pages)
            if self.cache_folder is not None:
                save_bodies(self.cache_folder, self.render_cache.bodies)
        else:
            changed = tuple(update_site(pages, self.written, project.output))
        self.written = pages
        rendered = self.render_cache.rendered
        return BuildResult(graph.timeline, project.output, tuple(pages), rendered, changed)
