"""A TimelineJS3 document (the JSON it loads: a title slide, `events`, `eras`, `scale`) ->
Imported. A spreadsheet's rows are read into the same slides first (sheet.py), so both
formats are converted here, each problem named in the source's own terms."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import BuildFailed, ContentError
from generator.importing.html_markdown import (
    links_in,
    markup_in,
    plain_text,
    short_title,
    to_markdown,
)
from generator.importing.imported import (
    Imported,
    ImportedEra,
    ImportedEvent,
    ImportedPlace,
    problem,
)
from generator.importing.media import medium
from generator.importing.summary import split_summary
from generator.importing.tljs_dates import DateProblem, edtf_point
from generator.model.dates import DateError, parse_date
from generator.model.ids import slugify

DOCUMENT_KEYS = ("title", "events", "eras", "scale")
SLIDE_KEYS = (
    "start_date", "end_date", "display_date", "text", "media", "group", "unique_id",
    "background", "location", "type",
)  # fmt: skip
LOCATION_KEYS = ("lat", "lon", "name")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a slide comes from: `where` for notes (`slide 3`), and for problems the file,
    its line (a spreadsheet's row) and the name of a field (`events[2].start_date.month`)."""

    shown: str
    where: str
    line: int | None
    field: Callable[[str], str]

    def problem(self, key: str, what: str, fix: str) -> ContentError:
        return problem(self.shown, self.line, self.field(key), what, fix)


def json_origin(shown: str, at: str, where: str) -> Origin:
    """The origin of the slide at `at` (`events[2]`, `title`) of a JSON file."""
    return Origin(shown, where, None, lambda key: f"{at}.{key}")


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def from_document(
    document: object,
    shown: str,
    folder: Path,
    origins: Mapping[str, Origin] | None = None,
    form: str = "TimelineJS JSON",
) -> Imported:
    """A TimelineJS document -> Imported; `origins` (by `title`, `events[0]`, `eras[0]`) name
    where a spreadsheet's slides come from. Raises BuildFailed with every problem found."""
    imported = Imported(source=Path(shown).name, form=form)
    origins = origins or {}

    def origin(at: str, where: str) -> Origin:
        return origins.get(at) or json_origin(shown, at, where)

    if not isinstance(document, dict):
        raise BuildFailed(
            [problem(shown, None, "", "is not a TimelineJS document", 'write {"events": [...]}')]
        )
    events = document.get("events")
    if not isinstance(events, list):
        what = "is missing" if events is None else "is not a list"
        fix = 'a TimelineJS file lists its slides as "events": [{...}, ...]'
        raise BuildFailed([problem(shown, None, "events", what, fix)])
    for key in sorted(set(document) - set(DOCUMENT_KEYS)):
        imported.note("the file", f"the field `{key}` ({_shown(document[key])})")
    scale = document.get("scale", "human")
    if scale not in ("human", "cosmological"):
        imported.note("the file", f"`scale: {scale}`: TimelineJS knows human and cosmological")
    problems: list[ContentError] = []
    title = document.get("title")
    if isinstance(title, dict):
        _title_slide(title, imported, origin("title", "the title slide"))
    for index, slide in enumerate(events):
        at = origin(f"events[{index}]", f"slide {index + 1}")
        event = _event(slide, at, folder, imported, problems)
        if event is not None:
            imported.events.append(event)
    for index, era in enumerate(document.get("eras") or []):
        _era(era, origin(f"eras[{index}]", f"era {index + 1}"), imported, problems)
    if problems:
        raise BuildFailed(problems)
    return imported


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _title_slide(slide: Mapping[str, Any], imported: Imported, origin: Origin) -> None:
    text = _mapping(slide.get("text"))
    headline, html = str(text.get("headline") or ""), str(text.get("text") or "")
    imported.title = plain_text(headline)
    imported.description = plain_text(html)
    for url in links_in(headline) + links_in(html):
        imported.note(origin.where, f"a link to {url}: site.yaml's title and description are text")
    for key in sorted(set(slide) - {"text", "unique_id"}):
        imported.note(origin.where, f"`{key}` ({_shown(slide[key])})")


def _event(
    slide: object, origin: Origin, folder: Path, imported: Imported, problems: list[ContentError]
) -> ImportedEvent | None:
    if not isinstance(slide, dict):
        problems.append(origin.problem("", "is not a slide", "write it as {...} with a start_date"))
        return None
    text = _mapping(slide.get("text"))
    media = slide.get("media")
    if isinstance(media, str):  # an address alone, as some hand-written files give it
        media = {"url": media}
    title, made = _title(text, _mapping(media), origin)
    where = f"{origin.where}, “{title}”"

    def note(what: str) -> None:
        imported.note(where, what)

    if made:
        note(made)
    date = _date(slide, origin, note, problems)
    if date is None:
        return None
    _headline_notes(str(text.get("headline") or ""), note)
    for key in sorted(set(slide) - set(SLIDE_KEYS)):
        note(f"`{key}` ({_shown(slide[key])})")
    if slide.get("text") and not isinstance(slide["text"], dict):
        note(f"`text` ({_shown(slide['text'])}): a slide's text is {{headline, text}}")
    if slide.get("background"):
        note(f"the background ({_shown(slide['background'])})")
    summary, rest = split_summary(str(text.get("text") or ""))
    body, lost = to_markdown(rest)
    for what in lost:
        note(what)
    found = medium(media, folder, note) if isinstance(media, dict) else None
    group = str(slide.get("group") or "").strip()
    return ImportedEvent(
        key=str(slide.get("unique_id") or "").strip(),
        title=title,
        date=date,
        where=where,
        summary=summary,
        date_label=plain_text(str(slide.get("display_date") or "")),
        body=body,
        tags=(slugify(group),) if group else (),
        media=(found,) if found else (),
        place=_place(slide.get("location"), origin, where, note, problems),
    )


def _title(text: Mapping[str, Any], media: Mapping[str, Any], origin: Origin) -> tuple[str, str]:
    """A slide's title, and what to note when it has no headline (a slide of media alone is
    common): the title is then made from the media's caption, else from the text."""
    title = plain_text(str(text.get("headline") or ""))
    if title:
        return title, ""
    for found, source in (
        (short_title(str(media.get("caption") or "")), "the media's caption"),
        (short_title(str(text.get("text") or "")), "its text"),
    ):
        if found:
            return found, f"no headline: the title is made from {source}"
    return f"Untitled {origin.where}", "no headline, no caption and no text to make a title of"


def _headline_notes(headline: str, note: Callable[[str], None]) -> None:
    for url in links_in(headline):
        note(f"the headline's link to {url}: a title is text")
    markup = markup_in(headline)
    if markup:
        shown = ", ".join(f"<{name}>" for name in markup)
        note(f"the headline's markup ({shown}): a title is text, kept without it")


def _date(
    slide: Mapping[str, Any],
    origin: Origin,
    note: Callable[[str], None],
    problems: list[ContentError],
) -> str | None:
    """A slide's start_date and end_date -> one EDTF date or interval, None after a problem."""
    points = []
    for key in ("start_date", "end_date"):
        value = slide.get(key)
        if key == "end_date" and _empty(value):  # as files made from a spreadsheet often have
            continue
        if not isinstance(value, dict):
            what = "is missing" if value is None else "is not a date object"
            problems.append(origin.problem(key, what, 'write {"year": 2019, "month": 2, …}'))
            return None
        extra = sorted(set(value) - {"year", "month", "day", "hour", "minute", "second"})
        for name in extra:
            if name == "display_date":
                note(f"{key}'s own display_date (“{value[name]}”)")
            elif name != "millisecond":
                note(f"{key}.{name} ({_shown(value[name])})")
        try:
            points.append(edtf_point(value, note))
        except DateProblem as error:
            problems.append(origin.problem(f"{key}.{error.part}", error.what, error.fix))
            return None
    if len(points) == 2 and points[0] != points[1]:
        interval = f"{points[0]}/{points[1]}"
        try:
            parse_date(interval)
        except DateError as error:
            problems.append(origin.problem("end_date", *error.problem))
            return None
        return interval
    return points[0]


def _empty(value: object) -> bool:
    """Whether a date is absent or has nothing in it: None, '', {} or {"year": ""}."""
    if isinstance(value, dict):
        return not any(str(part).strip() for part in value.values() if part is not None)
    return value is None or value == ""


def _place(
    location: object,
    origin: Origin,
    where: str,
    note: Callable[[str], None],
    problems: list[ContentError],
) -> ImportedPlace | None:
    if location is None:
        return None
    if not isinstance(location, dict):
        problems.append(origin.problem("location", "is not a location", 'write {"lat", "lon"}'))
        return None
    for key in sorted(set(location) - set(LOCATION_KEYS)):
        note(f"location.{key} ({_shown(location[key])})")
    if _empty({key: location.get(key) for key in ("lat", "lon")}):  # a sheet's empty columns
        if location.get("name"):
            note(f"the location “{location['name']}”: no coordinates to make a place of")
        return None
    position = []
    for key, limit in (("lat", 90), ("lon", 180)):
        try:
            value = float(location.get(key))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            problems.append(
                origin.problem(f"location.{key}", "is not a number", "write decimal degrees")
            )
            return None
        if not -limit <= value <= limit:
            problems.append(
                origin.problem(
                    f"location.{key}", f"{value} is out of range", f"write -{limit} to {limit}"
                )
            )
            return None
        position.append(value)
    name = plain_text(str(location.get("name") or "")) or f"Where {where} happened"
    return ImportedPlace(name, position[0], position[1], where)


def _era(era: object, origin: Origin, imported: Imported, problems: list[ContentError]) -> None:
    if not isinstance(era, dict):
        problems.append(origin.problem("", "is not an era", "write {start_date, end_date, text}"))
        return
    text = _mapping(era.get("text"))
    name = plain_text(str(text.get("headline") or ""))
    made = "" if name else "no headline: the name is made from its text"
    name = name or short_title(str(text.get("text") or ""))
    if not name:
        name, made = f"Untitled {origin.where}", "no headline and no text to make a name of"

    def note(what: str) -> None:
        imported.note(f"{origin.where}, “{name}”", what)

    if made:
        note(made)
    date = _date(era, origin, note, problems)
    if date is None:
        return
    if "/" not in date:
        date = f"{date}/{date}"
    for key in sorted(set(era) - {"start_date", "end_date", "text"}):
        note(f"`{key}` ({_shown(era[key])})")
    imported.eras.append(ImportedEra(name, date, plain_text(str(text.get("text") or ""))))
