"""A new project's files: the starter files the package ships (`generator/starter/`: example
content, a README, TimelineJS pinned for npm, a GitHub Pages workflow that installs the generator
`--generator` names, else the same as the one running), for `timeline init` and for
`timeline import` into a new folder."""

from __future__ import annotations

import importlib.metadata
import json
import re
import textwrap
from pathlib import Path

import yaml

from generator import __version__
from generator.errors import failed

STARTER = Path(__file__).resolve().parent / "starter"
DISTRIBUTION = "timeline-generator"
# Starter files kept under other names: package data leaves out hidden files and folders.
_RENAMED = {"gitignore": ".gitignore", "github-pages.yml": ".github/workflows/pages.yml"}
# What may go into the workflow's `run:` line as it is: no quotes, spaces or `${{`.
_SAFE_URL = re.compile(r"[A-Za-z0-9:/._~%+@-]+")
# A requirement given with --generator goes between double quotes in that line: no quote, `$`,
# backquote or backslash for the shell, no `#` or `: ` for YAML, and a first character that
# pip cannot read as an option.
_SAFE_REQUIREMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._~%+@=<>!,:/\[\]-]*")
_VERSION = re.compile(r"[0-9]+(\.[0-9]+)*([a-z0-9.+!-]*)")
EXAMPLE_REQUIREMENT = f"{DISTRIBUTION} @ git+https://github.com/OWNER/REPOSITORY@COMMIT"


def starter_files(title: str, base_url: str, generator: str | None = None) -> dict[str, str]:
    """Every file of a new project by its path in the project: the starter files, site.yaml with
    `title` and `base_url`, and the workflow installing the pip requirement `generator`, or the
    running generator when None."""
    files = {
        _RENAMED.get(name, name): (STARTER / name).read_text(encoding="utf-8")
        for name in (p.relative_to(STARTER).as_posix() for p in sorted(STARTER.rglob("*")))
        if (STARTER / name).is_file()
    }
    workflow = ".github/workflows/pages.yml"
    step = install_step(generator or running_requirement())
    files[workflow] = files[workflow].replace("@INSTALL@", step)
    files["content/site.yaml"] = site_yaml(title, base_url)
    return files


def site_yaml(title: str, base_url: str) -> str:
    """content/site.yaml for a new project."""
    settings = {
        "title": title,
        "description": "A timeline of events, each quoting its sources word for word.",
        "language": "en",
        "base_url": base_url if base_url.endswith("/") else base_url + "/",
    }
    dumped = yaml.safe_dump(settings, sort_keys=False, allow_unicode=True, width=100)
    return (
        "# The site's settings. base_url is the address the site is published at; the Pages\n"
        "# workflow passes the one GitHub gives it instead.\n" + dumped
    )


def running_requirement() -> str | None:
    """What pip installs in a workflow to get the running generator, or None when that cannot be
    known: it was installed from a local folder or file, or is not installed at all."""
    try:
        distribution = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    return requirement(distribution.read_text("direct_url.json"), distribution.version)


def workflow_notice(generator: str | None) -> str:
    """What `init` says when the workflow installs a version no index may serve, having neither
    a requirement `generator` from --generator nor the running generator's; else ''."""
    if generator is not None or running_requirement() is not None:
        return ""
    return (
        f"Notice: its .github/workflows/pages.yml installs `{DISTRIBUTION}=={__version__}`, as "
        "this generator was installed from a local folder or file, which the workflow cannot "
        "reach — change its two `pip install` lines to a requirement pip can install there, "
        f"such as `{EXAMPLE_REQUIREMENT}`, or make the project with "
        "`timeline init --generator REQUIREMENT`."
    )


def requirement(direct_url: str | None, version: str) -> str | None:
    """From an installed generator's PEP 610 record (`direct_url.json`, None when it came from
    an index) and its version: a git URL at its commit, or the version from the index; None for
    a local folder or file, which a workflow cannot reach."""
    try:
        record = json.loads(direct_url) if direct_url else {}
    except ValueError:
        record = {}
    url = record.get("url", "") if isinstance(record, dict) else ""
    vcs = record.get("vcs_info") if isinstance(record, dict) else None
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and _SAFE_URL.fullmatch(url):
        commit = str(vcs.get("commit_id", ""))
        if re.fullmatch(r"[0-9a-f]{40}", commit):
            return f"{DISTRIBUTION} @ git+{url}@{commit}"
    return None if url else f"{DISTRIBUTION}=={version}"


def generator_requirement(given: str) -> str:
    """--generator as given: any pip requirement (a bare version means this package at that
    version). Raises BuildFailed for one that cannot go into the workflow's `run:` line as it is."""
    given = given.strip()
    if _VERSION.fullmatch(given):
        return f"{DISTRIBUTION}=={given}"
    if _SAFE_REQUIREMENT.fullmatch(given) and ": " not in given:
        return given
    raise failed(
        f"`{given.encode('unicode_escape').decode()}` cannot go into the workflow's "
        "`pip install` line as it is",
        "give a pip requirement that starts with a letter or digit, without quotes, `$`, `#`, "
        f"`\\` or `: `, such as `{EXAMPLE_REQUIREMENT}` or `{DISTRIBUTION}==1.0.0`",
        field="--generator",
    )


def install_step(generator: str | None) -> str:
    """The workflow lines under `- name: Install the generator`: pip installing the requirement
    `generator`, else the released version, with a comment saying what to change."""
    comment = ""
    if generator is None:
        generator = f"{DISTRIBUTION}=={__version__}"
        comment = (
            "The generator that made this project was installed from a local folder or file, "
            "which this workflow cannot reach. Change the line below (here and in the other "
            "job) to a requirement pip can install here, such as "
            f"`{EXAMPLE_REQUIREMENT}`; `timeline init --generator REQUIREMENT` writes it."
        )
    lines = [f"        # {part}" for part in textwrap.wrap(comment, 90)]
    lines.append(f'        run: python -m pip install "{generator}"')
    return "\n".join(lines)
