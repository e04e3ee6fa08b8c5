"""The command line: `timeline build | check | new`. The only module that prints."""

from __future__ import annotations

import argparse
import errno
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__
from generator.build import build_unless_fresh, check
from generator.errors import BuildFailed, counted
from generator.incremental.store import Fresh
from generator.load.text import visible
from generator.model import urls
from generator.model.dates import DateError
from generator.project import Project
from generator.publish import PublishError, publish
from generator.scaffold import IdTaken, new_event
from generator.serve.server import serve


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline", description="Build a static website from a folder of timeline events."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (default: here)"
    )
    parser.add_argument(
        "--templates", type=Path, help="the templates folder (default: ROOT/templates)"
    )
    parser.add_argument("--output", type=Path, help="the output folder (default: ROOT/site)")
    parser.add_argument(
        "--base-url", help="the address the site is published at, instead of site.yaml's base_url"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="check the content and build the site into site/")
    commands.add_parser("check", help="check the content only, writing nothing")
    serve = commands.add_parser("serve", help="build, serve with live reload, rebuild on change")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    publishing = commands.add_parser(
        "publish", help="commit site/ to a branch (default: gh-pages) and push it"
    )
    publishing.add_argument("--remote", default="origin", help="where to push (default: origin)")
    publishing.add_argument(
        "--branch", default="gh-pages", help="the branch to publish to (default: gh-pages)"
    )
    new = commands.add_parser("new", help="create a new event file")
    new.add_argument("title", help="the event's title; its id is made from it")
    new.add_argument("--date", required=True, help="the date, such as 2019-02-26 or 2016~")
    return parser


def _build(project: Project, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    result = build_unless_fresh(project, project.root / ".cache")
    seconds = time.perf_counter() - started
    shown = project.shown(project.output)
    if isinstance(result, Fresh):
        print(
            f"{shown}/ is up to date: {counted(result.pages, 'page')} for "
            f"{counted(result.events, 'event')}, "
            f"nothing changed since the last build (checked in {seconds:.2f} s)"
        )
    else:
        pages = sum(1 for path in result.paths if path.endswith(".html"))
        print(
            f"Built {counted(pages, 'page')} for {counted(len(result.timeline.events), 'event')} "
            f"into {shown}/ in {seconds:.2f} s"
        )
    return 0


def _check(project: Project, args: argparse.Namespace) -> int:
    timeline = check(project)
    print(
        f"No errors: {counted(len(timeline.events), 'event')}, "
        f"{counted(len(timeline.actors), 'actor')}, {counted(len(timeline.sources), 'source')}."
    )
    return 0


def _serve(project: Project, args: argparse.Namespace) -> int:
    host, port = args.host, args.port
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        serve(project, host, port, lambda url: print(f"Serving {url} — press Ctrl-C to stop"))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(
                f"port {port} on {host} is in use — stop the other server, "
                "or choose another port with --port",
                file=sys.stderr,
            )
        else:
            print(f"cannot serve on {host}:{port}: {error.strerror}", file=sys.stderr)
        return 1
    print("Stopped.")
    return 0


def _publish(project: Project, args: argparse.Namespace) -> int:
    published = publish(project.root, project.output, args.remote, args.branch)
    shown = project.shown(project.output)
    if published.commit is None:
        print(f"{shown}/ is unchanged since it was last published to {args.branch}.")
    else:
        print(f"Published {shown}/ to {args.remote} {args.branch} ({published.commit[:12]}).")
    return 0


def _new(project: Project, args: argparse.Namespace) -> int:
    path = new_event(project.content / "events", args.title, args.date)
    print(f"Created {project.shown(path)}")
    return 0


_COMMANDS: dict[str, Callable[[Project, argparse.Namespace], int]] = {
    "build": _build,
    "check": _check,
    "serve": _serve,
    "publish": _publish,
    "new": _new,
}


def _base_url(given: str) -> str | None:
    """--base-url as given; return it ending in `/`, or None after saying why it is wrong."""
    if not urls.is_absolute_http(given):
        print(
            f"--base-url: `{given}` is not an absolute http(s) URL — "
            "write the full address, such as https://example.github.io/project/",
            file=sys.stderr,
        )
        return None
    return given if given.endswith("/") else given + "/"


def _report(failure: BuildFailed, project: Project, command: str) -> None:
    for error in failure.errors:
        # Control characters from the content must not reach the terminal as such.
        print(visible(str(error)), file=sys.stderr)
    outcome = ""
    if command == "build":  # a failed build leaves the output folder as it was, or absent
        shown = project.shown(project.output)
        exists = project.output.is_dir()
        outcome = f" {shown}/ was not changed." if exists else " Nothing was written."
    print(f"{counted(len(failure.errors), 'error')}.{outcome}", file=sys.stderr)


def _run(project: Project, args: argparse.Namespace) -> int:
    """A project and the parsed arguments; run the command and return its exit status."""
    try:
        return _COMMANDS[args.command](project, args)
    except BuildFailed as failure:
        _report(failure, project, args.command)
        return 1
    except PublishError as error:
        print(f"publish: {error}", file=sys.stderr)
        return 1
    except DateError as error:
        print(f"--date: {error}", file=sys.stderr)
        return 1
    except IdTaken as error:
        clash = Path(error.filename)
        print(
            f"{project.shown(clash)}: already has the id `{clash.stem}` — choose another title, "
            "since an id names one event or actor",
            file=sys.stderr,
        )
        return 1
    except FileExistsError as error:
        print(
            f"{project.shown(Path(error.filename))}: already exists — choose another title",
            file=sys.stderr,
        )
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    base_url = args.base_url
    if base_url is not None:
        base_url = _base_url(base_url)
        if base_url is None:
            return 1
    project = Project.at(args.root, templates=args.templates, output=args.output, base_url=base_url)
    return _run(project, args)
