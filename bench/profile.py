"""Profile a cold build in-process: `python -m bench.profile [--events 10000] [--top 25] [--edit]`.

Generates the corpus in bench/.work/profile-N/, builds it once under cProfile on one CPU (so that
no work hides in worker processes), prints the top functions by cumulative and by own time, and
keeps the raw profile in bench/.work/profile-N.prof (for `python -m pstats` or snakeviz).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import time
from collections.abc import Sequence

from bench.corpus import generate
from bench.run import TEMPLATES, WORK
from bench.stages import clean
from generator.build import Builder, build
from generator.project import Project


def main(argv: Sequence[str] | None = None) -> int:
    """Profile a cold build of an N-event corpus and print the breakdown; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--events", type=int, default=10_000, help="how many events (10000)")
    parser.add_argument("--top", type=int, default=25, help="how many functions to list (25)")
    parser.add_argument(
        "--edit", action="store_true", help="also profile the rebuild after one body edit"
    )
    args = parser.parse_args(argv)
    # cProfile sees only this process: on one CPU, the build's worker pool (generator.parallel)
    # stays in-process, so the work it would fork out shows in the profile.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    root = WORK / f"profile-{args.events}"
    generate(args.events, root)
    clean(root)
    project = Project.at(root, templates=TEMPLATES)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    result = build(project)
    profiler.disable()
    seconds = time.perf_counter() - started
    destination = WORK / f"profile-{args.events}.prof"
    profiler.dump_stats(destination)
    print(
        f"A cold build of {len(result.timeline.events)} events, {len(result.pages)} files, "
        f"under cProfile: {seconds:.1f} s (profiling slows it down). Raw profile: {destination}"
    )
    for order in ("cumulative", "tottime"):
        _print(profiler, order, args.top)
    if args.edit:
        _profile_edit(project, args.top)
    clean(root)
    return 0


def _profile_edit(project: Project, top: int) -> None:
    """Profile the preview's rebuild after one event's body changed."""
    clean(project.root)
    builder = Builder(project)
    builder.build()
    path = sorted((project.content / "events").glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    result = builder.build()
    profiler.disable()
    seconds = time.perf_counter() - started
    print(
        f"\nRebuild after one body edit, under cProfile: {seconds:.2f} s, "
        f"{result.rendered} pages rendered, {len(result.changed)} files written"
    )
    _print(profiler, "cumulative", top)


def _print(profiler: cProfile.Profile, order: str, top: int) -> None:
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(top)
    print(f"\nTop {top} by {order} time:")
    print(text.getvalue().split("\n\n", 2)[-1].rstrip())


if __name__ == "__main__":
    raise SystemExit(main())
