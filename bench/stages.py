"""In-process measurements, each run by `bench.run` in a fresh interpreter.

`python -m bench.stages stages --root DIR --templates T` times each stage of one cold build;
`python -m bench.stages incremental --root DIR --templates T --edits K` times the preview's
incremental path (`build.Builder`) after K body edits and K date edits. Each prints one JSON line.
"""

from __future__ import annotations

import argparse
import gc
import json
import queue
import re
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.build import Builder, BuildResult, render_site
from generator.check.validate import validate
from generator.incremental.keep import ONE_OFF
from generator.load.files import load
from generator.model import urls
from generator.model.graph import Graph, link
from generator.project import Project
from generator.render.markdown import MarkdownRenderer
from generator.render.site import RenderCache
from generator.serve.watcher import Changes, ChangeWatcher
from generator.write import write_site

DAY_DATE = re.compile(r"^date: ([0-9]{4})(-[0-9]{2}-[0-9]{2})$", re.MULTILINE)


def clean(root: Path) -> None:
    """Remove what a build of the project at `root` leaves: site/, its leftovers and .cache/."""
    for name in ("site", ".cache", ".site.old"):
        shutil.rmtree(root / name, ignore_errors=True)
    for leftover in root.glob(".site.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _resolver(graph: Graph, page: str) -> Callable[[str], tuple[str, str] | None]:
    """Resolves [[links]] as render does, for the page at `page`."""

    def resolve(target: str) -> tuple[str, str] | None:
        if target in graph.events:
            return urls.href(page, urls.event(target)), graph.events[target].title
        actor = graph.timeline.actors.get(target)
        if actor is not None:
            return urls.href(page, urls.actor(target)), actor.name
        return None

    return resolve


def measure_stages(project: Project) -> dict[str, Any]:
    """One cold build, stage by stage: seconds per stage, and what the build made."""
    clean(project.root)
    gc.disable()  # as build.Builder does for the length of a build
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    raw = load(project)
    seconds["load"] = time.perf_counter() - started
    started = time.perf_counter()
    timeline = validate(raw)
    seconds["validate"] = time.perf_counter() - started
    started = time.perf_counter()
    graph = link(timeline)
    seconds["link"] = time.perf_counter() - started
    # Markdown alone, as render does it once per event and actor page; render repeats this work
    # inside itself (with its own cache), so `render` below includes it.
    started = time.perf_counter()
    markdown = MarkdownRenderer()
    for event in timeline.events:
        page = urls.event(event.id)
        markdown.render(event.body, _resolver(graph, page))
    for actor in timeline.actors.values():
        page = urls.actor(actor.id)
        markdown.render(actor.body, _resolver(graph, page))
    seconds["markdown"] = time.perf_counter() - started
    started = time.perf_counter()
    cold = RenderCache(ONE_OFF)
    pages, _ = render_site(graph, project.template_folders, cold, project.timelinejs)
    seconds["render"] = time.perf_counter() - started
    started = time.perf_counter()
    write_site(pages, project.output)
    seconds["write"] = time.perf_counter() - started
    html = sum(1 for path in pages if path.endswith(".html"))
    return {"seconds": seconds, "html_pages": html, "files": len(pages)}


def _edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8", newline="\n")


def _appended(line: str) -> Callable[[str], str]:
    return lambda text: text + line


def move_date(text: str) -> str:
    """The event file with its day date moved seven years, so it changes place in every list."""
    match = DAY_DATE.search(text)
    assert match is not None
    year = int(match.group(1))
    moved = year + 7 if year + 7 <= 2024 else year - 7
    if match.group(2) == "-02-29":  # not every year has one
        moved = year + 4 if year + 4 <= 2024 else year - 4
    return text[: match.start()] + f"date: {moved}{match.group(2)}" + text[match.end() :]


def measure_incremental(project: Project, edits: int) -> dict[str, Any]:
    """The preview's path: a first build, then `edits` body edits and `edits` date edits, each
    timed from writing the file, through the preview's watcher and its wait for quiet, to its
    pages written (the reload signal) and to the last affected output written."""
    clean(project.root)
    pages_written: list[float] = []
    builder = Builder(project, on_pages=lambda _: pages_written.append(time.perf_counter()))
    started = time.perf_counter()
    first = builder.build()
    first_seconds = time.perf_counter() - started
    built: queue.Queue[BuildResult] = queue.Queue()
    watcher = ChangeWatcher(
        [project.content, *project.template_folders, project.seeds],
        lambda changed: built.put(_guarded(builder.build, changed)),
    )
    watcher.start()
    try:
        results = _edits(project, edits, built, pages_written)
    finally:
        watcher.stop()
    return {"first_build": first_seconds, "first_rendered": first.rendered, **results}


def _guarded(build: Callable[[Changes], BuildResult], changed: Changes) -> Any:
    """`build(changed)`, or the exception it raised: the watcher's thread must go on."""
    try:
        return build(changed)
    except Exception as error:  # handed to the measuring thread, which raises it
        return error


def _edits(
    project: Project, edits: int, built: queue.Queue[BuildResult], pages_written: list[float]
) -> dict[str, list[dict[str, Any]]]:
    events = sorted((project.content / "events").glob("*.md"))
    day_dated = [path for path in events if DAY_DATE.search(path.read_text(encoding="utf-8"))]
    results: dict[str, list[dict[str, Any]]] = {"body": [], "date": []}
    for index in range(edits):
        for kind, pool in (("body", events), ("date", day_dated)):
            # Spread the edits over the timeline: different events, different listings.
            path = pool[(index * 7919 + (kind == "date") * 104729) % len(pool)]
            started = time.perf_counter()
            if kind == "body":
                _edit(path, _appended(f"\nEdited for the benchmark ({index}).\n"))
            else:
                _edit(path, move_date)
            result = built.get(timeout=600)
            if isinstance(result, Exception):
                raise result
            seconds = time.perf_counter() - started
            results[kind].append(
                {
                    "event": path.stem,
                    "seconds": seconds,
                    # Where the preview tells the browsers to reload: the outputs come after.
                    "reload_seconds": pages_written.pop() - started if pages_written else seconds,
                    "rendered": result.rendered,
                    "changed": len(result.changed),
                }
            )
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Run one measurement and print its JSON; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.stages", description=__doc__)
    parser.add_argument("what", choices=("stages", "incremental"))
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--templates", type=Path, required=True)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args(argv)
    project = Project.at(args.root, templates=args.templates)
    if args.what == "stages":
        result = measure_stages(project)
    else:
        result = measure_incremental(project, args.edits)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
