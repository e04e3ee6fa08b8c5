"""The command line's arguments: every command, its options and their help."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator import __version__
from generator.importing import FORMATS as IMPORT_FORMATS

FORMATS = ("text", "github", "json")


def parser() -> argparse.ArgumentParser:
    """`timeline`'s parser, which every command's arguments go through."""
    parser = argparse.ArgumentParser(
        prog="timeline", description="Build a static website from a folder of timeline events."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (default: here)"
    )
    parser.add_argument(
        "--templates",
        type=Path,
        help="templates overriding the packaged theme's, file by file (default: ROOT/templates)",
    )
    parser.add_argument("--output", type=Path, help="the output folder (default: ROOT/site)")
    parser.add_argument(
        "--base-url", help="the address the site is published at, instead of site.yaml's base_url"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build", help="check the content and build the site into site/")
    checking = commands.add_parser("check", help="check the content only, writing nothing")
    for command, verb in ((building, "build"), (checking, "check")):
        command.add_argument(
            "--drafts", action="store_true", help=f"{verb} the events marked `draft: true` too"
        )
    serve = commands.add_parser(
        "serve", help="preview the site with its drafts, live reload and a rebuild on every save"
    )
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    publishing = commands.add_parser(
        "publish",
        help="build site/ without drafts, commit it to a branch (default: gh-pages), push it",
    )
    publishing.add_argument("--remote", default="origin", help="where to push (default: origin)")
    publishing.add_argument(
        "--branch", default="gh-pages", help="the branch to publish to (default: gh-pages)"
    )
    new = commands.add_parser("new", help="create a new event file, as a draft")
    new.add_argument("title", help="the event's title; its id is made from it")
    new.add_argument("--date", required=True, help="the date, such as 2019-02-26 or 2016~")
    source = commands.add_parser("source", help="the sources in content/sources.yaml")
    adding = source.add_subparsers(dest="source_command", required=True).add_parser(
        "add",
        help="copy a file into seeds/, or fetch a web page or PDF, and add it to sources.yaml",
    )
    adding.add_argument("target", metavar="PATH_OR_URL", help="a file, or an http(s) address")
    adding.add_argument("--id", dest="source_id", help="the source's id (default: from its title)")
    _add_starting(commands)
    for command in (building, checking, publishing, new, adding):
        _add_format(command)
    return parser


def _add_format(command: argparse.ArgumentParser) -> None:
    """--format, which every command that reads the user's files or options takes."""
    command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="how to report errors: text (default), github (workflow commands that mark "
        "the lines in GitHub Actions) or json (one document on standard output, what the "
        "command says on standard error)",
    )


def _add_starting(commands: Any) -> None:
    """`init` and `theme copy`: a new project, and the theme's files to edit."""
    init = commands.add_parser("init", help="create a new project that builds at once")
    init.add_argument("folder", type=Path, help="a new or empty folder")
    init.add_argument("--title", help="the site's title (default: from the folder's name)")
    init.add_argument(
        "--base-url", dest="init_base_url", help="the address the site will be published at"
    )
    init.add_argument(
        "--generator",
        metavar="REQUIREMENT",
        help="what the Pages workflow installs with pip, such as a git URL at a commit or a "
        "version (default: the generator running, when it was installed from git or an index)",
    )
    theme = commands.add_parser("theme", help="the packaged theme").add_subparsers(
        dest="theme_command", required=True
    )
    copying = theme.add_parser(
        "copy", help="copy the packaged theme's files into templates/, to edit them there"
    )
    copying.add_argument(
        "files", nargs="*", help="files or folders of the theme, such as event.html (default: all)"
    )
    importing = commands.add_parser(
        "import", help="make a project of a TimelineJS JSON file or spreadsheet, or a markwhen file"
    )
    importing.add_argument("file", type=Path, help="the file to import")
    importing.add_argument(
        "--from", dest="import_from", choices=IMPORT_FORMATS, help="its format (default: detected)"
    )
    importing.add_argument(
        "--into", type=Path, help="a new or empty folder, or a project (default: ROOT)"
    )
    for command in (init, copying, importing):
        _add_format(command)
