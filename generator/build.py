"""The pipeline, in one function (`_run`): load → check → link → render → outputs → write.

Each stage hands the next one value: raw content → timeline → graph → pages → files. A run
starts from what the last run kept (`Kept`) and returns what it keeps for the next, as its
`Keep` says (incremental/keep.py): a one-off build (`build`) keeps nothing in memory and streams
every file to the new site as it is made; the preview (`Builder`) keeps everything, to redo only
what an edit changed.
"""

from __future__ import annotations

import dataclasses
import gc
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from generator.check.drafts import published
from generator.check.history import with_history
from generator.check.validate import ValidateCache, validate
from generator.errors import BuildFailed, ContentError
from generator.incremental.keep import ONE_OFF, PREVIEW, Keep
from generator.incremental.shown import PagesRecord, forget_shown, load_shown, save_shown
from generator.incremental.store import (
    Check,
    Fresh,
    forget_fresh,
    freshness,
    load_bodies,
    media_cache,
    record_fresh,
    save_bodies,
)
from generator.incremental.written import LastWrite, forget_written, load_written, save_written
from generator.load.files import LoadCache, load
from generator.load.git_history import GitUnavailable
from generator.model import urls
from generator.model.graph import Graph, link
from generator.model.timeline import Timeline
from generator.outputs.driver import site_files
from generator.outputs.languages import translation_files, translation_sites
from generator.outputs.pagefind_service import stop_all as stop_indexing
from generator.outputs.search import last_bundle, take_bundle
from generator.project import Project
from generator.render.site import Files, RenderCache, Store, render
from generator.render.templates import Folders
from generator.write import SiteUpdate, Staging, Written, is_safe_path, update_site, write_site

Pages = dict[str, bytes]
# The write stage as a run uses it: the pages (and assets), then the outputs made after them.
Write = Callable[[Files, Files], Written]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build made: its output paths, the pages it rendered anew, the files it changed
    and how many draft events it left out."""

    timeline: Timeline
    output: Path
    paths: tuple[str, ...]
    rendered: int
    changed: tuple[str, ...]
    drafts: int = 0
    # Each file's SHA-256 by path, from a one-off build (the next one compares its files with them).
    digests: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # What the pages were made of and showed, from a one-off build that was asked for it.
    shown: PagesRecord | None = None

    @property
    def pages(self) -> Pages:
        """Every file of the site, read back from the output folder as the build wrote it."""
        return {path: (self.output / path).read_bytes() for path in self.paths}


@dataclass(frozen=True, slots=True)
class Kept:
    """What one run hands the next: parsed files by stamp and events of unchanged files (the
    preview's; a one-off build has none), and what the render stage kept."""

    load: LoadCache | None
    check: ValidateCache | None
    render: RenderCache
    # With `languages:`, what the render stage kept of each language's site but the first.
    translations: Mapping[str, RenderCache] = dataclasses.field(default_factory=dict)


def _run(
    project: Project, drafts: bool, last: Kept, write: Write, store: Store | None = None
) -> tuple[BuildResult, Kept]:
    """One run of the pipeline from what the `last` run kept: what it made, and what it keeps;
    `store` writes a page where it is made. Content errors raise BuildFailed before `write` has
    replaced anything."""
    with _no_cycle_collection():
        raw = load(project, last.load)
        # With `history: git`, each event's history from git, read in one pass.
        everything = git_history(project, validate(raw, last.check))
        del raw  # the parsed files: a one-off build holds none of them while it makes the site
        # The preview's last graph, patched for the events an edit changed.
        graph = link(_shown(everything, drafts), last.render.graph)
        html = render(graph, project.template_folders, project.timelinejs, last.render, store)
        others = translation_sites(
            graph,
            project.template_folders,
            project.timelinejs,
            last.translations,
            last.render,
            store,
        )
        languages = graph.timeline.site.languages
        pages, outputs = site_files(html)
        other_pages, other_outputs = translation_files(others, languages)
        written = write(chain(pages, other_pages), chain(outputs, other_outputs))
        # Only now is every file made: the outputs, after the pages, add bodies and pieces.
        translations = {language: made.kept() for language, made in others.items()}
        kept = dataclasses.replace(last, render=html.kept(), translations=translations)
    drafts_left_out = len(everything.events) - len(graph.timeline.events)
    result = BuildResult(
        graph.timeline,
        project.output,
        written.paths,
        html.rendered,
        written.changed,
        drafts_left_out,
        shown=html.pages_record(),
    )
    return result, kept


def check(project: Project, *, drafts: bool = False) -> Timeline:
    """Load and validate the content, without its drafts unless `drafts`; raise BuildFailed
    with every error."""
    return _shown(git_history(project, validate(load(project))), drafts)


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


def _shown(timeline: Timeline, drafts: bool) -> Timeline:
    """The timeline a build shows: all of it with `drafts`, else only the published events."""
    return timeline if drafts else published(timeline)


def render_site(
    graph: Graph, templates: Folders, last: RenderCache, timelinejs: Path | None = None
) -> tuple[Pages, RenderCache]:
    """The render and outputs stages alone, for tests and the benchmark: every file of the site
    by output path, and what the run keeps for the next given what the `last` one kept."""
    html = render(graph, templates, timelinejs, last)
    pages = dict(sorted(chain(*site_files(html))))
    return pages, html.kept()


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


def _first(cache_folder: Path | None, keep: Keep) -> RenderCache:
    """What a first run starts from: the bodies earlier runs saved in `cache_folder`, if any."""
    if cache_folder is None:
        return RenderCache.saved(keep, {})
    return RenderCache.saved(keep, load_bodies(cache_folder), media_cache(cache_folder))


def build(
    project: Project,
    cache_folder: Path | None = None,
    *,
    drafts: bool = False,
    last: LastWrite | None = None,
    before_commit: Callable[[], None] | None = None,
) -> BuildResult:
    """Check, render and write the site in one go (a one-off build), with the draft events
    only if `drafts`; on errors raise BuildFailed and leave site/ untouched.

    Each file goes to the new site as soon as it is made and is not kept: the memory a build
    needs does not grow with the size of its output. With `cache_folder`, Markdown rendered by
    earlier runs is reused and this run's is saved (see incremental/store.py). With `last`,
    the SHA-256 of each file of the output folder as it is, only the files that differ are
    written into it (see write.SiteUpdate), and with what its pages showed, only the pages an
    edit changes are made (see incremental/shown.py). `before_commit` runs once every file
    is made, before the output folder changes.
    """
    # The workers that make the pages write them into the new site themselves: the pages, most
    # of the site's bytes, no longer cross a pipe to wait for this one process to write them.
    staging = (
        Staging(project.output)
        if last is None or not all(map(is_safe_path, last.files))
        else SiteUpdate(project.output, last.files)
    )
    on_disk = (last.pages, staging.left) if last and isinstance(staging, SiteUpdate) else None
    cache = _first(cache_folder, ONE_OFF)
    records = cache_folder is not None  # the next build's record of what the pages showed
    first = Kept(None, None, dataclasses.replace(cache, on_disk=on_disk, records=records))
    try:
        write = _streamed(staging, before_commit)
        result, kept = _run(project, drafts, first, write, staging.store)
    finally:
        staging.discard()
    if cache_folder is not None:
        save_bodies(cache_folder, kept.render.bodies.html)
    return dataclasses.replace(result, digests=staging.digests)


def _streamed(staging: Staging, before_commit: Callable[[], None] | None = None) -> Write:
    """The write stage of a one-off build: every file into `staging`, pages then outputs."""
    return lambda pages, outputs: staging.stream(chain(pages, outputs), before_commit)


def build_unless_fresh(
    project: Project, cache_folder: Path, *, drafts: bool = False
) -> BuildResult | Fresh:
    """`build`, unless nothing it reads has changed since the build that made the output folder
    as it is (see incremental/store.py): then what that build made, and nothing is written."""
    check = freshness(project, cache_folder, drafts=drafts)
    if check.fresh is not None:
        return check.fresh
    return build_and_record(project, cache_folder, check, drafts=drafts)


def build_and_record(
    project: Project, cache_folder: Path, check: Check, *, drafts: bool = False
) -> BuildResult:
    """`build`, writing only the files that changed when the output folder is as the last
    build left it (`check`, from `freshness`), then a record that it is what the inputs make,
    for the next build to find it up to date and compare its files with."""
    last = load_written(cache_folder, check.site)
    if last is not None and last.search is not None:
        _take_search_bundle(project.output, last)
    if last is not None:
        last = dataclasses.replace(last, pages=load_shown(cache_folder, check.site, last.files))

    def forget() -> None:
        # Only now does the output folder change: a build that fails before leaves it, and the
        # records that describe it, as they were, for the next build to start from.
        forget_fresh(cache_folder)
        forget_written(cache_folder)
        forget_shown(cache_folder)

    result = build(project, cache_folder, drafts=drafts, last=last, before_commit=forget)
    pages = sum(1 for path in result.paths if path.endswith(".html"))
    events = len(result.timeline.events)
    site = record_fresh(project, cache_folder, check.inputs, pages, events, result.drafts)
    # A site in several languages makes one bundle each: this process keeps only the last.
    search = None if result.timeline.site.languages else last_bundle()
    save_written(cache_folder, site, LastWrite(dict(result.digests), search))
    if result.shown is not None:
        save_shown(cache_folder, site, result.shown)
    return result


def _take_search_bundle(output: Path, last: LastWrite) -> None:
    """The search index's files as the last build wrote them into `output`, for this build to
    take if its records are the same (Pagefind cannot update an index: it makes it anew)."""
    assert last.search is not None
    bundle = urls.search_bundle("")
    try:
        files = {
            path[len(bundle) :]: (output / path).read_bytes()
            for path in last.files
            if path.startswith(bundle) and is_safe_path(path)
        }
    except (OSError, ValueError):  # gone, or not a path this system can open
        return
    take_bundle(last.search, files)


class Builder:
    """Builds one project again and again, redoing only what its changes affect (the preview).

    The first build writes the whole site atomically; later ones parse only changed files,
    render only pages whose values changed, and replace only files whose bytes changed. It
    keeps the whole site in memory to compare against: a one-off build uses `build` instead.
    A build that fails keeps what the last good one left, to compare the next against.
    """

    def __init__(
        self,
        project: Project,
        *,
        cache_folder: Path | None = None,
        drafts: bool = True,
        on_pages: Callable[[tuple[str, ...]], None] | None = None,
        superseded: threading.Event | None = None,
    ) -> None:
        """With `cache_folder`, Markdown from earlier runs is reused (see incremental/store.py).
        A preview shows the draft events, with a banner, unless `drafts` is False. After an
        edit, `on_pages(changed)` is called once the pages are written and before the outputs
        (feeds, exports, the search index) are made: the preview reloads the browsers then.
        Once `superseded` is set (a newer edit was saved), a build making its outputs gives
        them up and raises Superseded: they would be stale, and the next build makes them."""
        self.project = project
        self.drafts = drafts
        self.cache_folder = cache_folder
        self.on_pages = on_pages
        self.superseded = superseded
        self.kept = Kept(LoadCache(), ValidateCache(), _first(cache_folder, PREVIEW))
        # What the last build wrote, pages and outputs apart: each is updated on its own.
        self.written: tuple[Pages, Pages] | None = None

    def build(self, changed: Collection[Path] | None = None) -> BuildResult:
        """Build the site; on content errors raise BuildFailed and leave the site as it was.
        With `changed`, the files that changed since the last build (a watcher's report), only
        those are looked at again: the others are taken as they were."""
        whole = self._whole()
        assert self.kept.load is not None
        self.kept.load.expect(None if whole else changed)
        result, self.kept = _run(self.project, self.drafts, self.kept, self._write)
        if whole and self.cache_folder is not None:
            save_bodies(self.cache_folder, self.kept.render.bodies.html)
        return result

    def is_output(self, path: str) -> bool:
        """Whether `path` (relative to the site) is one of the outputs made after the pages: a
        feed, an export, a file of the search index. Safe to ask from another thread."""
        written = self.written
        return path.startswith(urls.search_bundle("")) or (
            written is not None and path in written[1]
        )

    def _whole(self) -> bool:
        """Whether this build writes the whole site: the first, or after site/ was removed."""
        return self.written is None or not self.project.output.is_dir()

    def _write(self, pages: Files, outputs: Files) -> Written:
        """The write stage of the preview: the whole site, or only the files that changed, the
        pages first and, once `on_pages` has been told, the outputs."""
        made_pages = dict(sorted(pages))
        if self.written is None or self._whole():
            made_outputs = dict(sorted(outputs))
            everything = made_pages | made_outputs
            write_site(everything, self.project.output)
            self.written = (made_pages, made_outputs)
            return Written(tuple(sorted(everything)), tuple(sorted(everything)))
        last_pages, last_outputs = self.written
        output = self.project.output
        changed = update_site(made_pages, last_pages, output)
        self.written = (made_pages, last_outputs)
        if self.on_pages is not None:
            self.on_pages(tuple(changed))
        # The outputs after the pages: Pagefind's index alone can take seconds.
        made_outputs = dict(sorted(_unless(self.superseded, outputs).items()))
        changed += update_site(made_outputs, last_outputs, output)
        self.written = (made_pages, made_outputs)
        return Written(tuple(sorted(made_pages | made_outputs)), tuple(sorted(changed)))


class Superseded(Exception):
    """A newer edit was saved while a build made its outputs: they were given up, and the
    build keeps nothing (the next starts from what the last finished build kept)."""


def _unless(superseded: threading.Event | None, files: Files) -> Pages:
    """Every file of `files`, unless `superseded` is set first: then raise Superseded at once,
    whatever is still being made. The files are made in a thread of their own, which leaves
    off at the next file (Pagefind's index, which it waits for, can take seconds)."""
    if superseded is None:
        return dict(files)
    made: Pages = {}
    failed: list[BaseException] = []
    done = threading.Event()
    # The watcher clears `superseded` before the next build: this one stays given up.
    given_up = threading.Event()

    def make() -> None:
        try:
            for path, data in files:
                if superseded.is_set() or given_up.is_set():
                    return
                made[path] = data
        except BaseException as error:  # raised again in the build's thread
            failed.append(error)
        finally:
            done.set()

    threading.Thread(target=make, name="timeline-outputs", daemon=True).start()
    while not done.wait(0.02):  # either may come first; an Event waits for one thing
        if superseded.is_set():
            break
    if superseded.is_set():
        given_up.set()
        stop_indexing()  # its index is stale: the next build starts its own
        raise Superseded
    if failed:
        raise failed[0]
    return made
