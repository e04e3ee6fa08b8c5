"""Imported -> the files of a project: a new one (the starter's files without its example
content, site.yaml with the title, description, eras and `default_status: none`) or an
existing one (only new files: events, places, media and the report). Ids are made unique
against every event, actor and place already there; no file is ever overwritten."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import BuildFailed, failed
from generator.importing.imported import Imported, ImportedEvent, ImportedPlace, problem
from generator.importing.report import REPORT, report_text
from generator.model.dates import DateError, parse_date
from generator.model.ids import RESERVED_IDS, slugify
from generator.new_project import starter_files

# The starter's example timeline, which an imported one replaces.
_EXAMPLES = ("content/events/", "content/actors/", "content/sources.yaml", "seeds/")


@dataclass(frozen=True, slots=True)
class Written:
    """What an import wrote: the files (sorted), the report's text, and whether the project
    is new."""

    paths: list[Path]
    report: str
    new: bool


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


class _Ids:
    """Ids handed out so far, starting with those the project has."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken) | RESERVED_IDS

    def new(self, wanted: str) -> str:
        base = slugify(wanted, max_length=72)
        identifier, number = base, 2
        while identifier in self.taken:
            identifier, number = f"{base}-{number}", number + 1
        self.taken.add(identifier)
        return identifier


def _existing_ids(content: Path) -> set[str]:
    folders = (content / name for name in ("events", "actors", "places"))
    return {p.stem for f in folders if f.is_dir() for p in f.rglob("*.md")}


def project_files(imported: Imported, into: Path, base_url: str) -> tuple[dict[str, bytes], bool]:
    """Every file to write, by its path in the project, and whether the project is new.
    Raises BuildFailed for a folder that is neither a project nor empty."""
    content = into / "content"
    new = not (content / "site.yaml").is_file()
    if new and into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise failed(
            "is neither a project (no content/site.yaml) nor an empty folder",
            "import into a new folder with --into, or into a project",
            path=str(into),
        )
    ids = _Ids(_existing_ids(content))
    files: dict[str, bytes] = {}
    places = _places(imported, ids, files)
    media = _Media(content / "media", files)
    for event in imported.events:
        identifier = ids.new(event.key or event.title)
        if event.key and identifier != event.key:
            imported.note(event.where, f"the unique_id `{event.key}` became the id `{identifier}`")
        text = _event_text(event, places, media)
        files[f"content/events/{identifier}.md"] = text.encode()
    if any("T" in event.date for event in imported.events) and not imported.timezone:
        imported.note(
            "the file",
            "the time zone of its times, which it does not give: they are read in the site's "
            "time zone (UTC unless site.yaml's `timezone:` names another)",
        )
    if new:
        starter = starter_files(imported.title or Path(imported.source).stem, base_url)
        for name, text in starter.items():
            if not name.startswith(_EXAMPLES) and name != "content/site.yaml":
                files[name] = text.encode()
        files["content/site.yaml"] = _site_yaml(imported, base_url).encode()
    else:
        _note_site(imported, content)
    report = report_text(imported, len(set(places.values())), media.count)
    files[REPORT] = report.encode()
    return dict(sorted(files.items())), new


def _places(imported: Imported, ids: _Ids, files: dict[str, bytes]) -> dict[ImportedPlace, str]:
    """A place file for each name and position the events give; each event's place -> its id."""
    chosen: dict[tuple[str, float, float], str] = {}
    result = {}
    for event in imported.events:
        place = event.place
        if place is None:
            continue
        key = (place.name, place.latitude, place.longitude)
        if key not in chosen:
            chosen[key] = identifier = ids.new(place.name)
            front = {
                "name": place.name,
                "kind": "place",
                "coordinates": [place.latitude, place.longitude],
                "note": f"Coordinates from the imported file {imported.source} ({place.where}).",
            }
            files[f"content/places/{identifier}.md"] = f"---\n{_dump(front)}---\n".encode()
        result[place] = chosen[key]
    return result


class _Media:
    """Local media copied into content/media/, one file per content, under free names."""

    def __init__(self, folder: Path, files: dict[str, bytes]) -> None:
        self.folder, self.files = folder, files
        self.names: dict[str, str] = {}  # digest -> path in the project
        self.count = 0

    def add(self, source: Path) -> str:
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.names:
            return self.names[digest]
        stem, suffix, number = slugify(source.stem, max_length=60), source.suffix.lower(), 1
        while True:
            name = f"media/{stem}{f'-{number}' if number > 1 else ''}{suffix}"
            there = self.folder.parent / name
            if f"content/{name}" not in self.files and not there.exists():
                break
            if there.is_file() and there.read_bytes() == data:  # already in the project
                self.names[digest] = name
                return name
            number += 1
        self.files[f"content/{name}"] = data
        self.names[digest] = name
        self.count += 1
        return name


def _event_text(event: ImportedEvent, places: dict[ImportedPlace, str], media: _Media) -> str:
    front: dict[str, object] = {"title": event.title}
    if event.summary:
        front["summary"] = event.summary
    front["date"] = event.date
    if event.date_label and event.date_label != _words(event.date, event.timezone):
        front["date_label"] = event.date_label
    if event.timezone:
        front["timezone"] = event.timezone
    if event.tags:
        front["tags"] = list(dict.fromkeys(event.tags))
    if event.place is not None:
        front["places"] = [places[event.place]]
    entries = []
    for medium in event.media:
        entry = dict(medium.entry)
        if medium.copy_from is not None:
            entry = {"file": media.add(medium.copy_from), **entry}
        entries.append(entry)
    if entries:
        front["media"] = entries
    return f"---\n{_dump(front)}---\n{event.body}"


def _words(date: str, zone: str) -> str:
    """How the site would show `date` unlabelled, so that a label saying just that is left out."""
    try:
        return parse_date(date, zone or "UTC").display()
    except DateError:
        return ""


def _site_yaml(imported: Imported, base_url: str) -> str:
    settings: dict[str, object] = {
        "title": imported.title or Path(imported.source).stem,
        "description": imported.description or f"A timeline imported from {imported.source}.",
        "language": "en",
        "base_url": base_url,
        "default_status": "none",
    }
    if imported.timezone:
        settings["timezone"] = imported.timezone
    if imported.eras:
        settings["eras"] = [
            {"name": era.name, "date": era.date} | ({"note": era.note} if era.note else {})
            for era in imported.eras
        ]
    return (
        f"# The site's settings, imported from {imported.source}. base_url is the address the\n"
        "# site is published at; events have no status unless they give one.\n" + _dump(settings)
    )


def _note_site(imported: Imported, content: Path) -> None:
    """In an existing project site.yaml stays as it is: say what it would have said."""
    shown = "content/site.yaml"
    if imported.title:
        imported.note("the title slide", f"the title “{imported.title}”: {shown} keeps its own")
    if imported.description:
        imported.note("the title slide", f"the description: {shown} keeps its own")
    for era in imported.eras:
        imported.note(
            f"the era “{era.name}”",
            f"not added to {shown}'s eras (write `- name: {era.name}` with `date: {era.date}`)",
        )
    try:
        site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        site = None  # `timeline check` reports a broken site.yaml
    if not isinstance(site, dict) or site.get("default_status") != "none":
        imported.note(
            "the file",
            f"events without a status: {shown} has no `default_status: none`, so its default "
            "status applies to the imported events",
        )


def write_project(imported: Imported, into: Path, base_url: str) -> Written:
    """Write the imported timeline into `into`; raises BuildFailed, writing nothing, when a
    file is already there."""
    files, new = project_files(imported, into, base_url)
    there = sorted(name for name in files if (into / name).exists())
    if there:
        raise BuildFailed(
            problem(
                str(into / name), None, "", "already exists, and is not overwritten", "move it away"
            )
            for name in there
        )
    paths = []
    for name, data in files.items():
        path = into / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return Written(paths, files[REPORT].decode(), new)
