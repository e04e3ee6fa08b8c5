"""`timeline new`: a new event file with its front matter filled in."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import yaml

from generator.check.ids import slugify
from generator.model.dates import parse_date


def new_event_text(title: str, date: str) -> str:
    """The text of a new event file; raises DateError for a bad date."""
    parse_date(date)
    front = {
        "title": title,
        "summary": "",
        "date": date,
        "status": "reported",
        "actors": [],
        "places": [],
        "tags": [],
        "sources": [],
        "related": [],
        "draft": True,
    }
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
    body = (
        "What happened, in a few sentences. Link to another event by its id in double brackets.\n"
    )
    return f"---\n{dumped}---\n{body}"


class IdTaken(FileExistsError):
    """The new event's id is already that of another file: an actor, or an event in a
    subfolder; its `filename` is that file."""


def new_event(events_folder: Path, title: str, date: str) -> Path:
    """Write content/events/<id>.md for a new event; raise FileExistsError if the file exists,
    IdTaken if an actor (in the sibling actors/ folder) or an event in a subfolder has the id."""
    identifier = slugify(title)
    path = events_folder / f"{identifier}.md"
    text = new_event_text(title, date)
    for folder in (events_folder, events_folder.parent / "actors"):
        for clash in sorted(folder.rglob(f"{identifier}.md")) if folder.is_dir() else ():
            if clash != path and not any(part.startswith(".") for part in clash.parts):
                raise IdTaken(errno.EEXIST, os.strerror(errno.EEXIST), str(clash))
    events_folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(text)
    return path
