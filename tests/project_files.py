"""The small valid project that the content-error tests (tests/test_errors_*.py) break one
thing of, and the helpers that break it: its files' texts, `make_project`, the build that must
fail and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build
from generator.check import events as check_events
from generator.cli import main
from generator.errors import BuildFailed
from generator.project import Project
from tests.helpers import TEMPLATES

SITE = """\
title: Test timeline
description: A small timeline for tests.
language: en
base_url: https://example.org/timeline/
eras:
  - name: The crisis
    date: 2019-02/2019-03
    note: A short era.
"""

SOURCES = """\
article:
  title: An article
  publisher: The Paper
  author: A. Writer
  date: 2019-03-01
  url: https://example.org/article
  local: seeds/article.txt
  note: The only source.
"""

# Curly quotes and a line break that the quotes below write straight and on one line.
SEED = (
    "The army said on Tuesday that \u201cthe strike hit its target\u201d.\n"
    "Officials denied\nit the next day.\n"
)

ACTORS = {
    "army": """\
---
name: The Army
kind: military
aliases: [Armed Forces]
---
The army of [[country]].
""",
    "country": """\
---
name: The Country
kind: country
---
A country. See [[strike|the strike]].
""",
}

PLACES = {
    "border": """\
---
name: The Border
kind: region
aliases: [the frontier]
country: PK
---
Where the strike hit.
""",
}

EVENTS = {
    "strike": """\
---
title: The strike
summary: The army strikes.
date: 2019-02-26
status: confirmed
actors: [army]
places: [The Border]
tags: [air-strike]
sources:
  - source: article
    quote: 'said on Tuesday that "the strike hit its target"'
---
The [[army]] struck.
""",
    "denial": """\
---
title: The denial
date: 2019-02-27
status: denied
actors: [country]
sources:
  - source: article
    quote: Officials denied it the next day
related:
  - id: strike
    relation: denies
---
The [[country|Country]] denied the strike.

See [[strike]].
""",
    "aftermath": """\
---
title: The aftermath
date: 2019-03/2019-04
related:
  - strike
  - id: denial
    relation: follows
---
After the [[denial]], calm returned.
""",
}

STATUSES = "confirmed, reported, planned, disputed, denied"
RELATIONS = (
    "related-to, denies, confirms, disputes, responds-to, follows, precedes, part-of, causes"
)
EVENT_KEYS = ", ".join(check_events.EVENT_KEYS)
YAML_FIX = "check the indentation, and quote values that contain ': ' or start with a symbol"
ALIAS = "YAML anchors and aliases (&name, *name) are not supported"


def make_project(root: Path) -> Path:
    """Write the valid project into `root`; return `root`."""
    (root / "content" / "actors").mkdir(parents=True)
    (root / "content" / "events").mkdir()
    (root / "seeds").mkdir()
    (root / "content" / "site.yaml").write_text(SITE, encoding="utf-8")
    (root / "content" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (root / "seeds" / "article.txt").write_text(SEED, encoding="utf-8")
    for actor_id, text in ACTORS.items():
        (root / "content" / "actors" / f"{actor_id}.md").write_text(text, encoding="utf-8")
    for event_id, text in EVENTS.items():
        (root / "content" / "events" / f"{event_id}.md").write_text(text, encoding="utf-8")
    (root / "content" / "places").mkdir()
    for place_id, text in PLACES.items():
        (root / "content" / "places" / f"{place_id}.md").write_text(text, encoding="utf-8")
    return root


def project(root: Path) -> Project:
    return Project.at(root, templates=TEMPLATES)


def replace(root: Path, name: str, old: str, new: str) -> None:
    """Replace the one `old` in content/<name> (or <name> from the root) with `new`."""
    path = root / "content" / name if not name.startswith("seeds/") else root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(root: Path, name: str, text: str | bytes) -> None:
    path = root / "content" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def errors(root: Path) -> list[str]:
    """The messages of a build that must fail; it must leave no site behind."""
    with pytest.raises(BuildFailed) as failure:
        build(project(root))
    assert not (root / "site").exists()
    return [str(error) for error in failure.value.errors]


def cli(root: Path, command: str) -> int:
    """`timeline --root ROOT COMMAND` with the theme's templates; its exit status."""
    return main(["--root", str(root), "--templates", str(TEMPLATES), command])
