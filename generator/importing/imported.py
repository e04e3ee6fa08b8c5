"""What an import reads, whatever the format: events, places, eras and the site's title, in
our terms, with notes of what had no place; and the problems that stop an import."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ContentError


def problem(shown: str, line: int | None, field_name: str, what: str, fix: str) -> ContentError:
    """One error of a file that cannot be imported, at `line` where the format has lines."""
    return ContentError(shown, line or 0, field_name, what, fix)


@dataclass(frozen=True, slots=True)
class Note:
    """Something the source says that our format cannot hold, and where it said it."""

    where: str  # `slide 3 (“Caesar crosses”)`, `line 12`, `the title slide`
    what: str


@dataclass(frozen=True, slots=True)
class Medium:
    """One entry of an event's `media:` list: its front-matter fields, and for a local file
    the file to copy into content/media/ (the writer adds `file:`)."""

    entry: dict[str, str]
    copy_from: Path | None = None


@dataclass(frozen=True, slots=True)
class ImportedPlace:
    """A place named by the source with a position."""

    name: str
    latitude: float
    longitude: float
    where: str  # for the note saying where the coordinates come from


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One slide or line, in our terms."""

    key: str  # the id it asks for (a unique_id), or '' to make one from the title
    title: str
    date: str  # EDTF
    where: str
    summary: str = ""
    date_label: str = ""
    body: str = ""  # Markdown
    tags: tuple[str, ...] = ()
    media: tuple[Medium, ...] = ()
    place: ImportedPlace | None = None
    timezone: str = ""


@dataclass(frozen=True, slots=True)
class ImportedEra:
    """A named span of site.yaml's `eras:`."""

    name: str
    date: str  # EDTF interval
    note: str = ""


@dataclass(slots=True)
class Imported:
    """A whole imported timeline."""

    source: str  # the file's name, for notes and the report
    form: str  # the format's name, as the report says it
    title: str = ""
    description: str = ""
    timezone: str = ""
    events: list[ImportedEvent] = field(default_factory=list)
    eras: list[ImportedEra] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def note(self, where: str, what: str) -> None:
        """Record that `what`, found at `where`, had no place."""
        self.notes.append(Note(where, what))
