"""`timeline new`: a new event file with its front matter filled in."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import failed
from generator.model.dates import DateError, parse_date
from generator.model.ids import slugify
from generator.model.timeline import DEFAULT_STATUS, DEFAULT_STATUSES
from generator.project import Project


def new_event_text(title: str, date: str, *, with_status: bool = True) -> str:
    """The text of a new event file, with a `status` line unless not `with_status`; raises
    DateError for a bad date."""
    parse_date(date)
    front: dict[str, object] = {"title": title, "summary": "", "date": date}
    if with_status:
        front["status"] = DEFAULT_STATUS
    front |= {
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


def new_event(project: Project, title: str, date: str) -> Path:
    """Write content/events/<id>.md for a new event; BuildFailed for a date that is not one, or
    an id that a file already has: the event's own, an actor's, or an event's in a subfolder."""
    identifier = slugify(title)
    events_folder = project.content / "events"
    path = events_folder / f"{identifier}.md"
    try:
        text = new_event_text(title, date, with_status=_events_have_statuses(project.content))
    except DateError as error:
        raise failed(*error.problem, field="--date") from None
    if path.exists():
        raise failed("already exists", "choose another title", path=project.shown(path))
    for folder in (events_folder, project.content / "actors"):
        for clash in sorted(folder.rglob(f"{identifier}.md")) if folder.is_dir() else ():
            if clash != path and not any(part.startswith(".") for part in clash.parts):
                raise failed(
                    f"already has the id `{identifier}`",
                    "choose another title, since an id names one event or actor",
                    path=project.shown(clash),
                )
    events_folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(text)
    return path


def _events_have_statuses(content: Path) -> bool:
    """Whether the project in `content` gives events a status: unless its site.yaml says
    `default_status: none`. Read leniently: `timeline check` reports a site.yaml that is broken."""
    try:
        site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return True
    default = site.get("default_status") if isinstance(site, dict) else None
    return not (isinstance(default, str) and DEFAULT_STATUSES.get(default, "") is None)
