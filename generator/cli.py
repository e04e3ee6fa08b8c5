"""The command line: `timeline build | check | serve | publish | new | source add | init |
theme copy | import`. The only module that prints.

Each command imports what it runs only when it runs: `timeline build` with nothing to do spent
more time importing the whole pipeline than finding that nothing changed."""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.arguments import parser
from generator.errors import (
    BuildFailed,
    ContentError,
    counted,
    display_path,
    errors_json,
    failed,
    github_command,
)
from generator.incremental.store import Fresh, freshness
from generator.load.text import visible
from generator.project import Project
from generator.vendor import TIMELINEJS_VERSION

if TYPE_CHECKING:
    from generator.build import BuildResult

# The commands that read a project's content/; anywhere else they say so once and stop.
_IN_A_PROJECT = frozenset({"build", "check", "serve", "new", "source"})


def _notice_without_timelinejs(project: Project) -> None:
    if project.timelinejs is not None:
        return
    get = (
        "run `npm ci` in the project folder (its package.json pins TimelineJS)"
        if (project.root / "package.json").is_file()
        else f"run `npm install @knight-lab/timelinejs@{TIMELINEJS_VERSION}` in the project folder"
    )
    print(
        f"Notice: TimelineJS is not installed, so the site has no interactive view — {get}.",
        file=sys.stderr,
    )


def _build(project: Project, args: argparse.Namespace) -> int:
    _notice_without_timelinejs(project)
    started = time.perf_counter()
    cache = project.root / ".cache"
    check = freshness(project, cache, drafts=args.drafts)
    result: BuildResult | Fresh | None = check.fresh
    if result is None:
        from generator.build import build_and_record

        result = build_and_record(project, cache, check, drafts=args.drafts)
    seconds = time.perf_counter() - started
    _built(project, result, args.format, seconds)
    return 0


def _built(project: Project, result: BuildResult | Fresh, form: str, seconds: float | None) -> None:
    """Say what a build made (or that site/ was up to date), with the drafts it left out, and
    how long it took when `seconds` is given."""
    shown = _output_shown(project)
    if isinstance(result, Fresh):
        pages, events, drafts = result.pages, result.events, result.drafts
    else:
        from generator.check.translations import missing_counted

        _warn(missing_counted(result.timeline.warnings), form)
        pages = sum(1 for path in result.paths if path.endswith(".html"))
        events, drafts = len(result.timeline.events), result.drafts
    made = f"{counted(pages, 'page')} for {counted(events, 'event')}"
    made += f" ({counted(drafts, 'draft')} left out)" if drafts else ""
    if isinstance(result, Fresh):
        took = f" (checked in {seconds:.2f} s)" if seconds is not None else ""
        print(f"{shown}/ is up to date: {made}, nothing changed since the last build{took}")
    else:
        took = f" in {seconds:.2f} s" if seconds is not None else ""
        print(f"Built {made} into {shown}/{took}")


def _warn(warnings: Sequence[ContentError], form: str) -> None:
    """Print each warning: on standard error as `warning: path:line: …`, or as GitHub's
    workflow command, which marks the file without failing the job."""
    for warning in warnings:
        if form == "github":
            print(visible(github_command(warning).replace("::error ", "::warning ", 1)))
        else:
            print(visible(f"warning: {warning}"), file=sys.stderr)


def _check(project: Project, args: argparse.Namespace) -> int:
    from generator.build import check
    from generator.check.drafts import published

    everything = check(project, drafts=True)
    timeline = everything if args.drafts else published(everything)
    _warn(everything.warnings, args.format)
    left_out = len(everything.events) - len(timeline.events)
    drafts = f" ({counted(left_out, 'draft')} left out)" if left_out else ""
    print(
        f"No errors: {counted(len(timeline.events), 'event')}{drafts}, "
        f"{counted(len(timeline.actors), 'actor')}, {counted(len(timeline.places), 'place')}, "
        f"{counted(len(timeline.sources), 'source')}."
    )
    return 0


def _serve(project: Project, args: argparse.Namespace) -> int:
    from generator.serve.server import serve

    host, port = args.host, args.port
    _notice_without_timelinejs(project)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        shown = project.shown(project.output)
        serve(
            project,
            host,
            port,
            lambda url: print(
                f"Serving {url} with its drafts ({shown}/ is left alone) — press Ctrl-C to stop"
            ),
        )
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
    from generator.commands.publish import publish_site

    _notice_without_timelinejs(project)
    built, published = publish_site(project, project.root / ".cache", args.remote, args.branch)
    _built(project, built, "text", None)
    shown = project.shown(project.output)
    if published.commit is None:
        print(f"{shown}/ is unchanged since it was last published to {args.branch}.")
    else:
        print(f"Published {shown}/ to {args.remote} {args.branch} ({published.commit[:12]}).")
    return 0


def _new(project: Project, args: argparse.Namespace) -> int:
    from generator.commands.new import new_event

    path = new_event(project, args.title, args.date)
    print(
        f"Created {project.shown(path)} as a draft: the preview shows it; `timeline build` and "
        "`timeline publish` leave it out until you remove its `draft: true` line."
    )
    return 0


def _source(project: Project, args: argparse.Namespace) -> int:
    from generator.commands.source_add import add_source

    added = add_source(project, args.target, args.source_id)
    for redirect in added.redirects:
        print(
            f"Followed a redirect ({redirect.status}) from {redirect.source} to {redirect.target}"
        )
    print(
        f"Added the source `{added.id}` to {project.shown(project.content / 'sources.yaml')}, "
        f"its copy in {project.shown(added.seed)}"
    )
    if added.missing:
        print(
            f"Not found in the document: {', '.join(added.missing)} — write "
            f"{'it' if len(added.missing) == 1 else 'them'} into the entry by hand"
            + (" (its title is the file's name for now)" if "title" in added.missing else "")
        )
    return 0


def _init(project: Project, args: argparse.Namespace) -> int:
    from generator.commands.init import init_project
    from generator.new_project import workflow_notice

    base_url = project.base_url  # as in `timeline --base-url URL init DIR`, checked already
    if args.init_base_url is not None:
        base_url = _base_url(args.init_base_url)
    init_project(args.folder, args.title, base_url, args.generator)
    print(
        f"Created a new timeline in {args.folder}/. Next: cd {args.folder}, then `npm ci` once "
        "(TimelineJS, for the interactive view) and `timeline build`; see its README.md."
    )
    notice = workflow_notice(args.generator)
    if notice:
        print(notice, file=sys.stderr)
    return 0


def _theme(project: Project, args: argparse.Namespace) -> int:
    from generator.commands.theme_copy import copy_theme

    copied = copy_theme(project.theme, project.templates, args.files)
    for path in copied:
        print(f"Copied {project.shown(path)}")
    print(f"{len(copied)} file{'s' if len(copied) != 1 else ''} of the theme to edit; yours win.")
    return 0


def _import(project: Project, args: argparse.Namespace) -> int:
    from generator.commands.import_ import import_file

    into = args.into or project.root
    written = import_file(
        args.file, into, project.base_url or "https://example.org/", args.import_from
    )
    print(written.report, end="")
    events = sum(1 for path in written.paths if path.parent.name == "events")
    what = "a new project" if written.new else "the project"
    print(
        f"\nImported {counted(events, 'event')} into {what} in {into}/ (this report is its "
        f"IMPORT-REPORT.md). Next: `timeline --root {into} build`."
    )
    return 0


_COMMANDS: dict[str, Callable[[Project, argparse.Namespace], int]] = {
    "build": _build,
    "check": _check,
    "serve": _serve,
    "publish": _publish,
    "new": _new,
    "source": _source,
    "init": _init,
    "theme": _theme,
    "import": _import,
}


def _base_url(given: str) -> str:
    """--base-url as given, ending in `/`; BuildFailed when it is not an absolute address."""
    from generator.model import urls

    if not urls.is_absolute_http(given):
        raise failed(
            f"`{given}` is not an absolute http(s) URL",
            "write the full address, such as https://example.github.io/project/",
            field="--base-url",
        )
    return given if given.endswith("/") else given + "/"


def _report(failure: BuildFailed, args: argparse.Namespace, form: str) -> None:
    """Print every error in `form`: text on standard error, GitHub's workflow commands or one
    JSON document on standard output (where a workflow or a program reads them)."""
    if form == "json":
        print(errors_json(failure.errors))
        return
    for error in failure.errors:
        # Control characters from the content must not reach the terminal as such.
        if form == "github":
            print(visible(github_command(error)))
        else:
            print(visible(str(error)), file=sys.stderr)
    outcome = ""
    if args.command == "build":  # a failed build leaves the output folder as it was, or absent
        project = Project.at(args.root, output=args.output)
        shown = _output_shown(project)
        exists = project.output.is_dir()
        outcome = f" {shown}/ was not changed." if exists else " Nothing was written."
    elif args.command == "publish":  # publishing builds first, and stops at its errors
        outcome = " Nothing was published."
    elif args.command == "import":  # an import writes every file or none
        outcome = " Nothing was imported."
    print(f"{counted(len(failure.errors), 'error')}.{outcome}", file=sys.stderr)


def _output_shown(project: Project) -> str:
    """The output folder from the working folder (`tk/site` for `--root tk`) when it is under
    it; else from the project root, as every other message shows a project's paths."""
    inside = project.output.is_relative_to(Path.cwd())
    return display_path(project.output, Path.cwd()) if inside else project.shown(project.output)


def _no_project(project: Project, args: argparse.Namespace, form: str) -> int:
    """Say once that the command has no project to work on (no content/ folder); return 1."""
    here = Path.cwd()
    where = "here" if project.root.resolve() == here else f"in {display_path(project.root, here)}"
    failure = failed(
        f"no timeline project {where}: there is no {display_path(project.content, here)}/ folder",
        "run the command in a project folder, pass --root FOLDER, or start a project with "
        "`timeline init FOLDER`",
    )
    if form == "text":  # one line: a count of one error would add nothing
        print(visible(str(failure.errors[0])), file=sys.stderr)
    else:
        _report(failure, args, form)
    return 1


def _run(args: argparse.Namespace) -> int:
    """The parsed arguments; run the command and return its exit status. Every failure the user
    can cause arrives here as one BuildFailed and is reported in the command's --format."""
    form = getattr(args, "format", "text")
    base_url = None if args.base_url is None else _base_url(args.base_url)
    project = Project.at(args.root, templates=args.templates, output=args.output, base_url=base_url)
    if args.command in _IN_A_PROJECT and not project.content.is_dir():
        return _no_project(project, args, form)
    # With json, standard output holds the one JSON document; what the command says goes to
    # standard error.
    with contextlib.redirect_stdout(sys.stderr) if form == "json" else contextlib.nullcontext():
        status = _COMMANDS[args.command](project, args)
    if form == "json" and status == 0:
        print(errors_json(()))
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except BuildFailed as failure:
        _report(failure, args, getattr(args, "format", "text"))
        return 1
