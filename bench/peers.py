"""The same timeline as Pelican and Hugo projects, and the tools to build them.

Each peer is given the pages our site makes for the same events: a page per event (its body as
Markdown, with `[[links]]` turned into ordinary Markdown links), the index, a listing per actor,
per tag and per year, and the lists of actors and tags. Neither peer can hold a date before AD 1
or an uncertain one, so each event is dated by the first day it can mean (for an open or unknown
start, the end's, as our sort does); a year before AD 1 becomes year 1, keeping month and day.
Year listings use our year slugs (`44-bc`) in Hugo, Pelican's own year archives in Pelican.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from pagefind_bin import get_executable  # type: ignore[import-untyped]

from generator.model import urls
from generator.model.dates import EventDate
from generator.model.days import from_day_number
from generator.model.timeline import Timeline
from generator.model.wikilinks import WIKILINK

PELICAN_REQUIREMENTS = ("pelican==4.12.0", "markdown==3.11.3")

PELICAN_CONF = """\
AUTHOR = "Benchmark"
SITENAME = "Synthetic benchmark timeline"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%d %b %Y"
ARTICLE_URL = "events/{slug}/"
ARTICLE_SAVE_AS = "events/{slug}/index.html"
YEAR_ARCHIVE_URL = "years/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "years/{date:%Y}/index.html"
DEFAULT_PAGINATION = False
"""

HUGO_CONFIG = """\
baseURL = "https://example.github.io/bench/"
title = "Synthetic benchmark timeline"
languageCode = "en"
[taxonomies]
  actor = "actors"
  tag = "tags"
  year = "years"
[markup.goldmark.renderer]
  unsafe = true
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Params.when }}</time>
 · {{ .Params.status }}</p>
<p>{{ .Params.summary }}</p>
{{ .Content }}
<h2>Actors</h2>
<ul>{{ range .GetTerms "actors" }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<h2>Tags</h2>
<ul>{{ range .GetTerms "tags" }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Pages.GroupByDate "2006" }}<h2>{{ .Key }}</h2>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
 <time>{{ .Params.when }}</time> {{ .Params.summary }}</li>{{ end }}</ul>
{{ end }}{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>
 ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "index.html": """\
{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ range (where .Site.RegularPages "Section" "events").GroupByDate "2006" }}<h2>{{ .Key }}</h2>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
 <time>{{ .Params.when }}</time> {{ .Params.summary }}</li>{{ end }}</ul>
{{ end }}{{ end }}
""",
}


def peer_date(date: EventDate) -> datetime.date:
    """The day a peer dates an event by: its first possible day, moved to AD 1 if earlier."""
    year, month, day = from_day_number(date.anchor_day())
    if year < 1:
        return datetime.date(1, month, min(day, 28))
    return datetime.date(year, month, day)


def _plain_links(body: str, event_url: str, actor_url: str, timeline: Timeline) -> str:
    """A body with `[[id]]` and `[[id|text]]` as Markdown links to the peer's pages."""
    titles = {event.id: event.title for event in timeline.events}

    def replace(match: re.Match[str]) -> str:
        target, text = match.group(1).strip(), match.group(2)
        if target in titles:
            return f"[{text or titles[target]}]({event_url.format(target)})"
        actor = timeline.actors[target]
        return f"[{text or actor.name}]({actor_url.format(actor.id)})"

    return WIKILINK.sub(replace, body)


def write_hugo(timeline: Timeline, folder: Path) -> None:
    """A Hugo project of the timeline in `folder`: config, minimal layouts, one page per event."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "content" / "events").mkdir(parents=True)
    (folder / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for event in timeline.events:
        front = {
            "title": event.title,
            "date": peer_date(event.date).isoformat(),
            "when": event.date.display(),
            "status": event.status,
            "summary": event.summary,
            "actors": list(event.actors),
            "tags": list(event.tags),
            "years": [urls.year_slug(event.date.anchor_year())],
        }
        body = _plain_links(event.body, "/events/{}/", "/actors/{}/", timeline)
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
        text = "---\n" + "\n".join(lines) + "\n---\n" + body
        (folder / "content" / "events" / f"{event.id}.md").write_text(text, encoding="utf-8")


def write_pelican(timeline: Timeline, folder: Path) -> None:
    """A Pelican project of the timeline in `folder`: settings and one article per event."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "content").mkdir(parents=True)
    (folder / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    names = {actor.id: actor.name for actor in timeline.actors.values()}
    for event in timeline.events:
        # Pelican's metadata lines: actors as its (multiple) authors, which get listing pages.
        lines = [
            f"Title: {event.title}",
            f"Date: {peer_date(event.date).isoformat()}",
            f"Slug: {event.id}",
            f"Tags: {', '.join(event.tags)}",
            f"Authors: {', '.join(names[actor] for actor in event.actors)}",
        ]
        if event.summary:
            lines.append(f"Summary: {event.summary}")
        body = _plain_links(event.body, "/events/{}/", "/actors/{}/", timeline)
        text = "\n".join(lines) + "\n\n" + body
        (folder / "content" / f"{event.id}.md").write_text(text, encoding="utf-8")


def ensure_pelican(venv: Path) -> tuple[Path, str]:
    """Pelican's command in its own venv at `venv`, installing it if needed; and its version."""
    pelican = venv / "bin" / "pelican"
    stamp = venv / ".installed"
    wanted = "\n".join(PELICAN_REQUIREMENTS)
    if not pelican.exists() or not stamp.exists() or stamp.read_text() != wanted:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, *PELICAN_REQUIREMENTS], check=True)
        stamp.write_text(wanted)
    version = subprocess.run(
        [str(pelican), "--version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return pelican, version


def ensure_hugo() -> tuple[str, str]:
    """Hugo's command, installing Debian's `hugo` if missing; and its version line."""
    hugo = shutil.which("hugo")
    if hugo is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "hugo"], check=True, env=env)
        hugo = shutil.which("hugo")
        assert hugo is not None, "apt-get installed hugo, yet it is not on PATH"
    version = subprocess.run(
        [hugo, "version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return hugo, version


def pagefind_program() -> tuple[str, str]:
    """The Pagefind program our build runs (PyPI's `pagefind[bin]`), and its version line."""
    program = str(get_executable())
    version = subprocess.run(
        [program, "--version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return program, version
