"""A TimelineJS spreadsheet saved as CSV (the template's columns: Year, Month, Day, Time, End
Year … Background) -> the slides of a TimelineJS document, each named by its row and column,
converted as a JSON file's are. A row of Type `title` is the title slide, of Type `era` an era."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from generator.errors import BuildFailed, ContentError, did_you_mean
from generator.importing.imported import Imported, problem
from generator.importing.timelinejs import Origin, from_document

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
# A slide's fields (as timelinejs.py names them) -> the column they come from.
_FIELD_COLUMNS = {
    "start_date.year": "Year", "start_date.month": "Month", "start_date.day": "Day",
    "start_date.hour": "Time", "start_date.minute": "Time", "start_date.second": "Time",
    "end_date.year": "End Year", "end_date.month": "End Month", "end_date.day": "End Day",
    "end_date.hour": "End Time", "end_date.minute": "End Time", "end_date.second": "End Time",
    "text.headline": "Headline", "display_date": "Display Date", "start_date": "Year",
    "end_date": "End Year",
}  # fmt: skip
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{3,8}|[A-Za-z]+")


def _origin(shown: str, line: int, where: str) -> Origin:
    return Origin(shown, where, line, lambda key: f"column {_FIELD_COLUMNS.get(key, key)}")


def from_csv(text: str, shown: str, folder: Path) -> Imported:
    """The CSV text of a TimelineJS spreadsheet -> Imported; raises BuildFailed."""
    reader = csv.reader(io.StringIO(text))
    header = [name.strip() for name in next(reader, [])]
    _check_header(header, shown)
    document: dict[str, Any] = {"events": [], "eras": []}
    origins: dict[str, Origin] = {}
    problems: list[ContentError] = []
    for row in reader:
        line = reader.line_num
        cells = {name: value.strip() for name, value in zip(header, row, strict=False) if name}
        if not any(cells.values()):
            continue
        kind = cells.get("Type", "").lower()
        slide = _slide(cells, shown, line, problems)
        if kind == "title":
            document["title"] = slide
            origins["title"] = _origin(shown, line, f"row {line} (the title slide)")
        elif kind == "era":
            origins[f"eras[{len(document['eras'])}]"] = _origin(shown, line, f"row {line}")
            document["eras"].append(slide)
        elif kind in ("", "event"):
            origins[f"events[{len(document['events'])}]"] = _origin(shown, line, f"row {line}")
            document["events"].append(slide)
        else:
            problems.append(
                problem(shown, line, "column Type", f"unknown type `{cells['Type']}`",
                        "leave it empty for an event, or write title or era")
            )  # fmt: skip
    if problems:
        raise BuildFailed(problems)
    return from_document(document, shown, folder, origins, form="TimelineJS spreadsheet (CSV)")


def _check_header(header: list[str], shown: str) -> None:
    unknown = [name for name in header if name and name not in COLUMNS]
    problems = [
        problem(
            shown,
            1,
            f"column {name}",
            f"unknown column{did_you_mean(name, COLUMNS)}",
            f"the TimelineJS template's columns are: {', '.join(COLUMNS)}",
        )
        for name in unknown
    ]
    for name in ("Year", "Headline"):
        if name not in header:
            problems.append(
                problem(shown, 1, f"column {name}", "is missing", "keep the template's header row")
            )
    if problems:
        raise BuildFailed(problems)


def _slide(
    cells: dict[str, str], shown: str, line: int, problems: list[ContentError]
) -> dict[str, Any]:
    slide: dict[str, Any] = {"text": {"headline": cells.get("Headline", "")}}
    if cells.get("Text"):
        slide["text"]["text"] = cells["Text"]
    for key, prefix in (("start_date", ""), ("end_date", "End ")):
        date = {part: cells.get(prefix + part.title(), "") for part in ("year", "month", "day")}
        time = cells.get(prefix + "Time", "")
        if time:
            parts = _time(time)
            if parts is None:
                problems.append(
                    problem(shown, line, f"column {prefix}Time", f"`{time}` is not a time",
                            "write it as 14:30, 14:30:15 or 2:30 PM")
                )  # fmt: skip
            else:
                date |= parts
        if any(date.values()):
            slide[key] = date
    if cells.get("Display Date"):
        slide["display_date"] = cells["Display Date"]
    media = {
        "url": cells.get("Media", ""),
        "credit": cells.get("Media Credit", ""),
        "caption": cells.get("Media Caption", ""),
        "thumbnail": cells.get("Media Thumbnail", ""),
    }
    if media["url"]:
        slide["media"] = media
    if cells.get("Group"):
        slide["group"] = cells["Group"]
    background = cells.get("Background", "")
    if background:
        is_colour = _COLOUR.fullmatch(background)
        slide["background"] = {"color" if is_colour else "url": background}
    return slide


def _time(text: str) -> dict[str, str] | None:
    """`14:30`, `2:30:15 PM` -> {hour, minute, second} as text (24-hour), None if no time."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute, second, half = match.groups()
    number = int(hour)
    if half:
        if not 1 <= number <= 12:
            return None
        number = number % 12 + (12 if half.lower().startswith("p") else 0)
    parts = {"hour": str(number), "minute": minute or ""}
    if second:
        parts["second"] = second
    return parts
