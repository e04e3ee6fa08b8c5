"""A markwhen file -> Imported: its header (`title`, `description`, `timezone`), its event
lines (`date or range: title #tags`, and the lines below as the body), `group … endGroup` and
`section … endSection` (their names as tags), with everything markwhen can say and we cannot
(recurrence, progress, properties, colours, comments, relative dates with nothing to count
from) noted."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from generator.errors import BuildFailed
from generator.importing.imported import Imported, ImportedEvent, problem
from generator.importing.markwhen_dates import MONTHS, Stamp, date_range, edtf_range
from generator.model.clock import zone_problem
from generator.model.ids import slugify

_HEADER_KEYS = ("title", "description", "timezone")
_TAG = re.compile(r"(?<![\w/&])#([A-Za-z][\w-]*)")
# markwhen reads a percentage anywhere in an event's first line as its progress: `(40%)`, `100%`.
_PROGRESS = re.compile(r"(?<![\w.])\(?(100|\d{1,2})%\)?(?!\w)")
# `!Phase1` names an event, for others to be counted from: `after !Phase1 2 weeks: …`.
_EVENT_ID = re.compile(r"(?<![\w!])!([A-Za-z][\w-]*)")
_COUNTED_FROM = re.compile(r"(?:after\s+)?!([A-Za-z][\w-]*)\s+(.+)", re.IGNORECASE)
# The words of a date, beside numbers: what a line must be made of before the colon to be taken
# for an event whose date this import cannot read, rather than for text.
_UNITS = ("year", "month", "week", "day", "hour", "minute")
_DATE_WORDS = {*MONTHS, "now", "today", "after", "before", "am", "pm", "to", *_UNITS} | {
    unit + "s" for unit in _UNITS
}
_RECURRENCE = re.compile(r"\s+(every\b.*)$", re.IGNORECASE)
_PROPERTY = re.compile(r"\s*([A-Za-z][\w-]*):\s+(.*)")
_BLOCK = re.compile(r"\s*(group|section)\b\s*(.*)", re.IGNORECASE)
_END = re.compile(r"\s*end(group|section)\s*", re.IGNORECASE)
_IMAGE = re.compile(r"!\[([^]]*)\]\((https?://[^)\s]+)\)")
_LINK = re.compile(r"(?<!!)\[([^]]*)\]\(([^)\s]+)\)")


@dataclass(slots=True)
class _Event:
    line: int
    date: str
    title: str
    tags: list[str]
    key: str = ""
    body: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Reading:
    imported: Imported
    shown: str
    groups: list[list[str]] = field(default_factory=list)
    current: _Event | None = None
    previous: Stamp | None = None
    events: list[_Event] = field(default_factory=list)
    in_header: bool = True
    day_first: bool = False  # `dateFormat: d/M/y`
    ends: dict[str, Stamp] = field(default_factory=dict)  # by event id (`!Phase1`)

    def note(self, line: int, what: str) -> None:
        self.imported.note(f"line {line}", what)


def from_markwhen(text: str, shown: str) -> Imported:
    """The text of a markwhen file -> Imported; raises BuildFailed when it has no event."""
    name = shown.replace("\\", "/").rsplit("/", 1)[-1]
    reading = _Reading(Imported(source=name, form="markwhen"), shown)
    lines = text.splitlines()
    start = _front_matter(lines, reading)
    for number, line in enumerate(lines[start:], start=start + 1):
        _line(reading, number, line)
    if not reading.events:
        raise BuildFailed(
            [problem(shown, None, "", "has no event", "write one as `2019-02-26: What happened`")]
        )
    for event in reading.events:
        body = textwrap.dedent("\n".join(event.body)).strip()
        reading.imported.events.append(
            ImportedEvent(
                key=event.key,
                title=event.title,
                date=event.date,
                where=f"line {event.line}, “{event.title}”",
                body=body + "\n" if body else "",
                tags=tuple(dict.fromkeys(event.tags)),
            )
        )
    return reading.imported


def _front_matter(lines: list[str], reading: _Reading) -> int:
    """Read a `---` fenced header; return the index of the first line after it."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            for number in range(1, index):
                _header(reading, number + 1, lines[number])
            return index + 1
    return 0


def _header(reading: _Reading, number: int, line: str) -> bool:
    """A header line, read; False when the line is no header line."""
    match = _PROPERTY.fullmatch(line)
    colour = re.fullmatch(r"\s*#([\w-]+):\s*(.+)", line)
    if colour:
        reading.note(number, f"the colour of the tag #{colour[1]} ({colour[2].strip()})")
        return True
    if match is None:
        return not line.strip()
    key, value = match[1], match[2].strip()
    imported = reading.imported
    if key == "title":
        imported.title = value
    elif key == "description":
        imported.description = value
    elif key == "timezone" and zone_problem(value) is None:
        imported.timezone = value
    elif key == "dateFormat" and value == "d/M/y":
        reading.day_first = True
    elif key == "dateFormat":
        reading.note(number, f"`dateFormat: {value}`: markwhen knows only d/M/y; read as M/d/y")
    else:
        reading.note(number, f"the header's `{key}: {value}`")
    return True


def _line(reading: _Reading, number: int, line: str) -> None:
    stripped = line.strip()
    if stripped.startswith("//"):
        reading.note(number, f"a comment ({stripped[2:].strip()})")
        return
    if _event_line(reading, number, line):
        reading.in_header = False
        return
    if reading.in_header and _header(reading, number, line):
        return
    block, end = _BLOCK.fullmatch(line), _END.fullmatch(line)
    if block or end:
        reading.in_header, reading.current = False, None
        if block:
            name = _TAG.sub("", block[2]).strip()
            tags = [slugify(t) for t in _TAG.findall(block[2])] + ([slugify(name)] if name else [])
            reading.groups.append(tags)
        elif reading.groups:
            reading.groups.pop()
        else:
            reading.note(number, f"`{stripped}` without a group or section to end")
        return
    event = reading.current
    if event is None:
        if stripped:
            reading.note(number, f"text outside any event (“{stripped}”)")
        return
    prop = _PROPERTY.fullmatch(line)
    if prop and not any(part.strip() for part in event.body) and line[:1].isspace():
        reading.note(number, f"the property `{prop[1]}: {prop[2].strip()}` of “{event.title}”")
        return
    for _, url in _IMAGE.findall(line):
        reading.note(number, f"the photo {url}, written as a link to it")
    line = _IMAGE.sub(lambda m: f"[{m[1] or m[2]}]({m[2]})", line)
    event.body.append(_LINK.sub(lambda link: _link(reading, number, link), line))


def _link(reading: _Reading, number: int, link: re.Match[str]) -> str:
    """A body's link as our bodies can hold it: markwhen's `[name](location)` and `(map)` name
    a place, with no coordinates to give; `www.example.org` is a web address without https://."""
    text, target = link[1], link[2]
    if target.lower() in ("location", "map"):
        reading.note(
            number, f"the location “{text}”: no coordinates to make a place of, kept as text"
        )
        return text
    if re.match(r"[a-z][\w+.-]*:|#", target, re.IGNORECASE):
        return link[0]
    if re.match(r"[\w-]+(\.[\w-]+)+(/|$)", target):
        reading.note(number, f"the link to `{target}`, written as https://{target}")
        return f"[{text}](https://{target})"
    reading.note(number, f"a link to `{target}`, which leads nowhere from here: its text kept")
    return text


def _event_line(reading: _Reading, number: int, line: str) -> bool:
    """Read `line` as an event (`range: title`); False when it is none."""
    for match in re.finditer(r":(\s|$)", line):
        prefix, rest = line[: match.start()].strip(), line[match.end() :].strip()
        recurrence = _RECURRENCE.search(prefix)
        if recurrence:
            prefix = prefix[: recurrence.start()]
        found = _range(reading, number, prefix) if prefix else None
        if found is None:
            continue
        reading.current = None
        if isinstance(found, str):
            reading.note(number, f"the event “{rest}”, not imported: {found}")
            return True
        if recurrence:
            reading.note(number, f"the recurrence `{recurrence[1]}`: imported once, at its start")
        _event(reading, number, found, rest or prefix)
        return True
    return _unread(reading, number, line)


def _range(reading: _Reading, number: int, prefix: str) -> tuple[Stamp, Stamp] | str | None:
    """The range an event line's date gives, counted from the event it names if it names one."""
    previous = reading.previous
    counted = _COUNTED_FROM.fullmatch(prefix)
    if counted is not None:
        prefix, previous = counted[2], reading.ends.get(counted[1], previous)
        if counted[1] not in reading.ends:
            reading.note(number, f"no event is named `!{counted[1]}`: counted from the one before")
    return date_range(prefix, previous, reading.day_first)


def _event(reading: _Reading, number: int, found: tuple[Stamp, Stamp], rest: str) -> None:
    progress = _PROGRESS.search(rest)
    if progress:
        reading.note(number, f"the progress {progress[1]}%")
        rest = _PROGRESS.sub("", rest, count=1)
    tags = [slugify(tag) for tag in _TAG.findall(rest)]
    ids = _EVENT_ID.findall(rest)
    for link in _LINK.finditer(rest):
        reading.note(number, f"the title's link to {link[2]}: a title is text")
    rest = _LINK.sub(lambda link: link[1], rest)
    title = " ".join(_EVENT_ID.sub("", _TAG.sub("", rest)).split()) or f"Untitled line {number}"
    group_tags = [tag for group in reading.groups for tag in group]
    key = slugify(ids[0]) if ids else ""
    event = _Event(number, edtf_range(*found), title, group_tags + tags, key)
    reading.events.append(event)
    reading.current, reading.previous = event, Stamp(*_parts(found[1]))
    for name in ids:
        reading.ends[name] = reading.previous


def _unread(reading: _Reading, number: int, line: str) -> bool:
    """A line that starts with what looks like a date, but none this import reads: noted as an
    event not imported (True), rather than taken into the body of the event before."""
    colon = re.search(r":(\s|$)", line)
    prefix = line[: colon.start()].strip() if colon else ""
    words = [word for word in re.split(r"[\s/:.,+()–-]+", prefix.lower()) if word]
    dated = all(
        re.fullmatch(r"y?[\dtz]*\d[\dtz]*|![a-z][\w-]*", word) or word in _DATE_WORDS
        for word in words
    )
    if colon is None or not words or not dated or not re.search(r"\d", prefix):
        return False
    if not reading.day_first and isinstance(date_range(prefix, reading.previous, True), tuple):
        why = f"`{prefix}` is a day-first date, and the header has no `dateFormat: d/M/y`"
    else:
        why = f"`{prefix}` is no date this import can read"
    reading.note(number, f"the event “{line[colon.end() :].strip()}”, not imported: {why}")
    reading.current = None
    return True


def _parts(stamp: Stamp) -> tuple[int, int | None, int | None]:
    return stamp.year, stamp.month, stamp.day
