"""The visual overview: an inline SVG of events on a time axis, drawn at build time.

A lane per actor (or per status), era bands behind the lanes, and one linked mark per event and
lane. The pure layout (`scale`, `ticks`, `layout`) is separate from the drawing (`overview_svg`) so
tests can check positions without parsing markup. Every coordinate is in a fixed 960-unit wide
viewBox and rounded to 0.1, so two builds give the same bytes.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from markupsafe import Markup, escape

from generator.model.dates import Bound, EventDate, Point, year_label
from generator.model.days import day_number, from_day_number
from generator.model.timeline import STATUSES, Actor, Era, Event

WIDTH = 960
MARGIN = 6  # blank space at the right edge, so the last tick label stays in the viewBox
PAD = 24  # between the axis edge and the known span: where open and unknown ends run out
ROW = 22  # height of one sub-row of a lane
LANE_PAD = 5
LINE = 15  # height of a line of lane name
ERA_STRIP = 20
AXIS_STRIP = 22
BAR = 10  # bar height
RADIUS = 5
WHISKER = 8  # how far an approximate or uncertain end reaches out
ARROW = 7
GAP = 6  # the least room between two things in a row
LABEL_SIZE = 12.5
ERA_SIZE = 11.5
MAX_LABEL = 230.0  # a label's widest, in units: titles are cut to this with an ellipsis
MIN_LABEL = 48.0  # narrower than this a cut label says too little, so the mark goes without
MAX_ROWS = 16  # past this many sub-rows of a lane, marks go without labels
MAX_STACK = 32  # past this many, marks at one time pile up rather than stretch the page
MAX_TICKS = 10
MIN_DAYS = 28  # the narrowest axis, so one day-precise event is a point, not the whole width
OTHER = "Other"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)

# Advance widths in em of DejaVu Sans, the widest common sans-serif and the one Linux browsers
# pick for system-ui: estimating with it errs towards more room, never towards overlaps.
_EM = {
    ch: width
    for chars, width in (
        (" ',.IJijl’‘·", 0.32),
        ("-/:;\\f|", 0.36),
        ("!()[]rt", 0.4),
        ('"', 0.46),
        ("*_`sz–“”", 0.53),
        ("?Lc", 0.56),
        ("FPTYaekovxy", 0.62),
        ("ABCRVXZ", 0.7),
        ("DHNU", 0.76),
        ("&GOQw", 0.8),
        ("#+<=>M^~", 0.84),
        ("%m", 0.98),
        ("@W—…", 1.0),
    )
    for ch in chars
}

End = Literal["exact", "fuzzy", "open", "unknown"]
Kind = Literal["point", "span", "interval"]
Lanes = Literal["actor", "status"]
Span = tuple[float, float]
Label = tuple[float, str, float]  # left x, text, width
Taken = tuple[float, float, bool]  # a stretch of a sub-row, and whether a label is in it
Shape = tuple[Kind, Span, Span, Span | None, End, End]  # kind, body, known, core, start, end


def _char_em(ch: str) -> float:
    return _EM.get(ch, 1.0 if ord(ch) >= 0x2E80 else 0.66)


@functools.lru_cache(maxsize=65536)
def _prefix_ems(text: str) -> tuple[float, ...]:
    """The width in ems of every prefix of `text`: a label is cut many times, measured once."""
    return (0.0, *itertools.accumulate(_char_em(ch) for ch in text))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Text and font size -> its estimated width in the same units (an upper bound)."""
    return _prefix_ems(text)[-1] * size * (1.1 if bold else 1.0)


def shorten(text: str, width: float, size: float = LABEL_SIZE, bold: bool = False) -> str:
    """Text -> itself if it fits `width`, else its longest word-boundary prefix + '…' that does."""
    bolder = 1.1 if bold else 1.0
    if _prefix_ems(text)[-1] * size * bolder <= width:
        return text
    ellipsis = _char_em("…")
    words = text.split()
    joined = " ".join(words)
    ems = _prefix_ems(joined)
    end = len(joined)
    for count in range(len(words) - 1, 0, -1):
        end -= len(words[count]) + 1
        cut = end
        while cut and joined[cut - 1] in ",:;–—-":
            cut -= 1
        if (ems[cut] + ellipsis) * size * bolder <= width:
            return joined[:cut] + "…"
    ems = _prefix_ems(text)
    for end in range(len(text) - 1, 0, -1):
        cut = len(text[:end].rstrip())
        if (ems[cut] + ellipsis) * size * bolder <= width:
            return text[:cut] + "…"
    return ""


@dataclass(frozen=True, slots=True)
class Scale:
    """Days first_day..last_day mapped onto x; open and unknown ends reach `left` or `right`."""

    first_day: int
    last_day: int
    left: float  # the axis edges
    right: float

    def x(self, day: float) -> float:
        """A day number (a day's start; add 0.5 for its middle) -> x."""
        inner = self.right - self.left - 2 * PAD
        return (
            self.left + PAD + (day - self.first_day) / (self.last_day + 1 - self.first_day) * inner
        )


def known_days(events: Sequence[Event]) -> tuple[int, int]:
    """Events -> the first and last day any of their known dates can mean."""
    ends = [end for event in events for end in (event.date.start, event.date.end)]
    days = [
        day
        for end in ends
        if isinstance(end, Point)
        for day in (end.earliest_day(), end.latest_day())
    ]
    return min(days), max(days)


def scale(events: Sequence[Event], left: float, right: float) -> Scale:
    """Events and the axis edges -> the Scale of their known span (at least MIN_DAYS days)."""
    first, last = known_days(events)
    if last - first + 1 < MIN_DAYS:
        first -= (MIN_DAYS - (last - first + 1)) // 2
        last = first + MIN_DAYS - 1
    return Scale(first, last, left, right)


def ticks(start_day: int, end_day: int) -> list[tuple[int, str]]:
    """A day range -> 2 to about 10 (day, label) ticks: days, months or years, whichever suits.

    Years step by 1, 2, 5, 10, 20, 50 … and BCE ticks fall on round BCE numbers ('500 BC'), so
    an axis crossing 1 BC/AD 1 labels its AD years 'AD 500'. Months are used under 3 years,
    days under 2 months.
    """
    span = end_day - start_day
    make: Callable[[int, int, int], list[tuple[int, str]]] = _day_ticks
    steps: tuple[int, ...] = (1, 2, 5, 10)
    if span >= 3 * 365:
        make, steps = _year_ticks, _YEAR_STEPS
    elif span >= 60:
        make, steps = _month_ticks, (1, 2, 3, 6)
    found: list[tuple[int, str]] = []
    for step in steps:
        found = make(start_day, end_day, step)
        if len(found) <= MAX_TICKS:
            break
    return found


def _year_ticks(start_day: int, end_day: int, step: int) -> list[tuple[int, str]]:
    first, last = from_day_number(start_day)[0], from_day_number(end_day)[0]
    # AD years on multiples of the step, BC years where their BC number is (500 BC is -499).
    years = [y for y in range(first, last + 1) if (y % step if y > 0 else (1 - y) % step) == 0]
    crosses = first <= 0 < last
    if crosses and step >= 5 and 1 not in years:
        years = sorted([*years, 1])
    found = [(day_number(y, 1, 1), y) for y in years]
    return [
        (day, f"AD {y}" if crosses and y > 0 else year_label(y))
        for day, y in found
        if start_day <= day <= end_day
    ]


def _month_ticks(start_day: int, end_day: int, step: int) -> list[tuple[int, str]]:
    year, month, _ = from_day_number(start_day)
    found: list[tuple[int, str]] = []
    while (day := day_number(year, month, 1)) <= end_day:
        if day >= start_day and (month - 1) % step == 0:
            name = _MONTHS[month - 1]
            found.append((day, f"{name} {year_label(year)}" if month == 1 or not found else name))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _day_ticks(start_day: int, end_day: int, step: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for day in range(start_day, end_day + 1):
        year, month, dom = from_day_number(day)
        next_month = day_number(year + (month == 12), month % 12 + 1, 1)
        # A tick closer than half a step to the next month's first would crowd its label.
        if (dom - 1) % step or (dom != 1 and next_month - day < max(step // 2, 1)):
            continue
        if not found or (dom == 1 and month == 1):
            label = f"{dom} {_MONTHS[month - 1]} {year_label(year)}"
        else:
            label = f"{dom} {_MONTHS[month - 1]}" if dom == 1 else str(dom)
        found.append((day, label))
    return found


@dataclass(frozen=True, slots=True)
class Mark:
    """One event drawn in one lane: where its parts go and where its label goes."""

    event: Event
    lane: int
    row: int
    y: float  # the centre line of the row
    kind: Kind  # a day-precise point, a month or year 'span', or an interval
    x0: float  # everything drawn, whiskers and arrows included, lies in x0..x1
    x1: float
    body: Span  # the bar's extent, open and unknown ends included; a point: cx, cx
    known: Span  # from the first possible day of the known start to the last of
    # the known end; where it differs from body, an unknown end fades or an open end points on
    core: Span | None  # the part surely inside the dates (an interval's middle)
    start: End
    end: End
    label: str  # '' when there was no room for one
    label_x: float  # the label's left edge
    label_width: float
    primary: bool  # the event's first mark: the one keyboard focus stops at


@dataclass(frozen=True, slots=True)
class Lane:
    """A lane's name, wrapped into lines, and its vertical place."""

    name: str
    lines: tuple[str, ...]
    y: float
    height: float
    rows: int


@dataclass(frozen=True, slots=True)
class EraBand:
    """An era's band: its extent on the axis, and where its solid part is (the rest fades)."""

    era: Era
    x0: float
    x1: float
    solid: Span
    label: str  # the era's name, cut short if need be; '' when there is no room for it
    label_x: float


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything the overview draws, positioned; marks in time order."""

    scale: Scale
    ticks: tuple[tuple[float, str], ...]  # (x, label)
    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]
    eras: tuple[EraBand, ...]
    axis_y: float  # where the lanes start
    height: float


def lane_groups(
    events: Sequence[Event], lanes: Lanes, actors: Mapping[str, Actor]
) -> list[tuple[str, list[int]]]:
    """Events -> [(lane name, indexes of its events)]: actors with most events first, 'Other'
    (events naming no actor) last; or statuses in their usual order."""
    if lanes == "status":
        return [
            (label, [i for i, event in enumerate(events) if event.status == status])
            for status, (label, _) in STATUSES.items()
            if any(event.status == status for event in events)
        ]
    if lanes != "actor":
        raise ValueError(f"lanes must be 'actor' or 'status', not {lanes!r}")
    by_actor: dict[str, list[int]] = {}
    other: list[int] = []
    for i, event in enumerate(events):
        for actor_id in dict.fromkeys(event.actors):
            by_actor.setdefault(actor_id, []).append(i)
        if not event.actors:
            other.append(i)

    def name(actor_id: str) -> str:
        actor = actors.get(actor_id)
        return actor.name if actor is not None else actor_id

    order = sorted(by_actor, key=lambda a: (-len(by_actor[a]), name(a).casefold(), a))
    groups = [(name(actor_id), by_actor[actor_id]) for actor_id in order]
    return [*groups, (OTHER, other)] if other else groups


def _wrap(name: str, width: float) -> tuple[str, ...]:
    """A lane name -> one or two lines that fit `width` (the second cut with '…' if need be)."""
    if text_width(name, LABEL_SIZE, bold=True) <= width:
        return (name,)
    words = name.split()
    for count in range(len(words) - 1, 0, -1):
        head = " ".join(words[:count])
        if text_width(head, LABEL_SIZE, bold=True) <= width:
            return head, shorten(" ".join(words[count:]), width, bold=True)
    return (shorten(name, width, bold=True),)


def _round(value: float) -> float:
    return round(value + 0.0, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def _geometry(date: EventDate, s: Scale) -> Shape:
    """A date -> (kind, body, known, core, start end, end end) on the scale."""
    start, end = date.start, date.end
    if end is None:
        assert isinstance(start, Point)
        fuzzy: End = "fuzzy" if start.approximate or start.uncertain else "exact"
        if start.precision == "day":
            cx = s.x(start.earliest_day() + 0.5)
            return "point", (cx, cx), (cx, cx), None, fuzzy, fuzzy
        span = (s.x(start.earliest_day()), s.x(start.latest_day() + 1))
        return "span", span, span, None, fuzzy, fuzzy
    left, left_end = _side(start, s, at_start=True)
    right, right_end = _side(end, s, at_start=False)
    # The known part stops where an unknown end begins: at the other end's possible span.
    k0 = s.x(_point(end).earliest_day()) if start is Bound.UNKNOWN else left
    k1 = s.x(_point(start).latest_day() + 1) if end is Bound.UNKNOWN else right
    core: Span | None = None
    if Bound.UNKNOWN not in (start, end):
        # Surely inside: after the last day the start may mean, before the first the end may.
        c0 = s.left if start is Bound.OPEN else s.x(_point(start).latest_day() + _coarse(start))
        c1 = s.right if end is Bound.OPEN else s.x(_point(end).earliest_day() + 1 - _coarse(end))
        core = (c0, c1) if c1 > c0 else None
    return "interval", (left, right), (k0, k1), core, left_end, right_end


def _coarse(end: object) -> int:
    """1 for a month or year, whose whole span is only possible; 0 for a day."""
    return int(_point(end).precision != "day")


def _point(end: object) -> Point:
    assert isinstance(end, Point)  # EventDate guarantees one known end
    return end


def _side(end: Point | Bound, s: Scale, at_start: bool) -> tuple[float, End]:
    """An interval's start or end -> its outer x (an axis edge if not a date) and how it ends."""
    if isinstance(end, Bound):
        return s.left if at_start else s.right, "open" if end is Bound.OPEN else "unknown"
    x = s.x(end.earliest_day()) if at_start else s.x(end.latest_day() + 1)
    return x, "fuzzy" if end.approximate or end.uncertain else "exact"


def _extent(kind: Kind, body: Span, start: End, end: End) -> Span:
    a, b = body
    if kind == "point":
        a, b = a - RADIUS, b + RADIUS
    return a - WHISKER * (start == "fuzzy"), b + WHISKER * (end == "fuzzy")


def _widen(span: Span, least: float) -> Span:
    """Keep a bar at least `least` wide, so a day on a long axis still shows."""
    a, b = span
    if b - a >= least:
        return span
    middle = (a + b) / 2
    return middle - least / 2, middle + least / 2


def _label_options(title: str, shape: Shape, s: Scale) -> list[Label]:
    """Where a label may go, best first, as (left x, text, width): beside the mark or over its
    own open or unknown run-out; then cut shorter beside it; then over its own bar (a long bar
    leaves no room beside it); then as short as still says something."""
    kind, body, known, _, start, end = shape
    x0, x1 = _extent(kind, body, start, end)
    # (room, x where the room starts or ends, whether the label ends there)
    beside = [(s.right - x1 - GAP, x1 + GAP, False), (x0 - GAP - s.left, x0 - GAP, True)]
    if start in ("open", "unknown"):
        beside.append((known[0] - GAP - (s.left + GAP), known[0] - GAP, True))
    if end in ("open", "unknown"):
        beside.append((s.right - GAP - known[1] - GAP - WHISKER, known[1] + GAP + WHISKER, False))
    inner0, inner1 = max(known[0], s.left) + GAP, min(known[1], s.right) - GAP
    over = [(inner1 - inner0, inner0, False)] if kind != "point" else []
    whole = shorten(title, MAX_LABEL)
    options: list[Label] = []

    def add(room: float, at: float, ends: bool, text: str, least: float) -> None:
        width = text_width(text, LABEL_SIZE)
        if text and least <= width <= room:
            options.append((at - width if ends else at, text, width))

    for room, at, ends in beside:
        add(room, at, ends, whole, 0)
    for room, at, ends in sorted(beside, reverse=True):
        add(room, at, ends, shorten(title, min(room, MAX_LABEL)), MAX_LABEL / 2)
    for room, at, ends in over:
        add(room, at, ends, whole, 0)
    room, at, ends = max(beside + over)
    add(room, at, ends, shorten(title, min(room, MAX_LABEL)), MIN_LABEL)
    return list(dict.fromkeys(options))


def layout(
    events: Sequence[Event],
    *,
    lanes: Lanes,
    actors: Mapping[str, Actor],
    eras: Sequence[Era] = (),
) -> Layout:
    """Events in time order (not empty) -> their overview Layout, marks in time order."""
    groups = lane_groups(events, lanes, actors)
    gutter = min(150.0, max(text_width(name, LABEL_SIZE, bold=True) for name, _ in groups))
    s = scale(events, _round(gutter + 14), WIDTH - MARGIN)
    bands = _era_bands(eras, s)
    axis_y = (ERA_STRIP if bands else 0) + AXIS_STRIP
    shapes = [_shape(event.date, s) for event in events]
    placed: list[tuple[int, int, Mark]] = []  # (event index, lane, mark)
    lane_list: list[Lane] = []
    y = float(axis_y)
    for lane_index, (name, indexes) in enumerate(groups):
        rows: list[list[Taken]] = []
        spots = []
        for i in indexes:
            kind, body, _, _, start, end = shapes[i]
            x0, x1 = _extent(kind, body, start, end)
            options = _label_options(events[i].title, shapes[i], s)
            spots.append((i, x0, x1, *_place(rows, x0, x1, options)))
        lines = _wrap(name, gutter)
        height = max(len(rows) * ROW, len(lines) * LINE) + 2 * LANE_PAD
        for i, x0, x1, row, (label_x, text, width) in spots:
            kind, body, known, core, start, end = shapes[i]
            mark = Mark(
                event=events[i],
                lane=lane_index,
                row=row,
                y=_round(y + LANE_PAD + row * ROW + ROW / 2),
                kind=kind,
                x0=_round(x0),
                x1=_round(x1),
                body=_pair(body),
                known=_pair(known),
                core=None if core is None else _pair(core),
                start=start,
                end=end,
                label=text,
                label_x=_round(label_x),
                label_width=_round(width),
                primary=False,
            )
            placed.append((i, lane_index, mark))
        lane_list.append(Lane(name, lines, _round(y), _round(height), len(rows)))
        y += height
    # Time order across lanes, so keyboard focus and screen readers go through time.
    placed.sort(key=lambda item: (item[0], item[1]))
    firsts = {i: lane for i, lane, _ in reversed(placed)}
    marks = tuple(
        replace(mark, primary=True) if firsts[i] == lane else mark for i, lane, mark in placed
    )
    tick_list = tuple((_round(s.x(day)), text) for day, text in ticks(s.first_day, s.last_day + 1))
    return Layout(s, tick_list, tuple(lane_list), marks, bands, axis_y, _round(y + 1))


def _pair(pair: Span) -> Span:
    return _round(pair[0]), _round(pair[1])


def _shape(date: EventDate, s: Scale) -> Shape:
    """A date -> its Shape, bars widened to stay visible on a long axis."""
    kind, body, known, core, start, end = _geometry(date, s)
    if kind != "point":
        body, known = _widen(body, 3), _widen(known, 3)
    return kind, body, known, core, start, end


def _place(
    rows: list[list[Taken]], x0: float, x1: float, options: list[Label]
) -> tuple[int, Label]:
    """Put a mark in the lowest sub-row where it and a label fit. Rows past the first MAX_ROWS
    hold marks only; past MAX_STACK rows, marks pile up (a cluster) in those rather than grow
    the lane further, so never onto a label. Mutates `rows`; returns (row, label)."""

    def clashes(row: list[Taken], a: float, b: float) -> list[Taken]:
        return [taken for taken in row if not (b + GAP <= taken[0] or a >= taken[1] + GAP)]

    def span(option: Label) -> Taken:
        return min(x0, option[0]), max(x1, option[0] + option[2]), True

    no_label = (x0, "", 0.0)
    for index, row in enumerate(rows[:MAX_ROWS]):
        for option in options:
            lo, hi, _ = span(option)
            if not clashes(row, lo, hi):
                row.append(span(option))
                return index, option
    if len(rows) >= MAX_ROWS:
        for index, row in enumerate(rows):
            if not clashes(row, x0, x1):
                row.append((x0, x1, False))
                return index, no_label
    if len(rows) >= MAX_STACK:
        index = min(range(MAX_ROWS, len(rows)), key=lambda i: (len(clashes(rows[i], x0, x1)), i))
        rows[index].append((x0, x1, False))
        return index, no_label
    option = options[0] if options and len(rows) < MAX_ROWS else no_label
    rows.append([span(option) if option[1] else (x0, x1, False)])
    return len(rows) - 1, option


def _era_bands(eras: Sequence[Era], s: Scale) -> tuple[EraBand, ...]:
    """Eras -> bands clipped to the axis; an uncertain or coarse end fades over the span it may
    fall in, an unknown end over the whole run-out, and an open end runs solid to the edge."""
    bands = []
    for era in eras:
        start, end = era.date.start, era.date.end if era.date.end is not None else era.date.start
        a, solid_a = _era_side(start, s, at_start=True)
        b, solid_b = _era_side(end, s, at_start=False)
        if start is Bound.UNKNOWN:
            solid_a = s.x(_point(end).earliest_day())
        if end is Bound.UNKNOWN:
            solid_b = s.x(_point(start).latest_day() + 1)
        x0, x1 = _clip(a, s), _clip(b, s)
        if x1 - x0 < 1:
            continue
        solid = (_clip(solid_a, s), _clip(solid_b, s))
        if solid_a > solid_b:  # both ends fade and overlap: no day is surely in the era
            solid = (_clip((solid_a + solid_b) / 2, s),) * 2
        bands.append(EraBand(era, _round(x0), _round(x1), _pair(solid), "", 0.0))
    # Names go above the axis from each band's start, left to right, each shifted left to stay
    # in the drawing if need be and cut short rather than run into the name before it.
    free = 0.0
    for index in sorted(range(len(bands)), key=lambda i: (bands[i].x0, bands[i].x1, i)):
        name = bands[index].era.name
        at = max(min(bands[index].x0 + 4, WIDTH - 2 - text_width(name, ERA_SIZE, True)), free)
        label = shorten(name, WIDTH - 2 - at, ERA_SIZE, bold=True)
        if label:
            free = at + text_width(label, ERA_SIZE, bold=True) + 2 * GAP
        bands[index] = replace(bands[index], label=label, label_x=_round(at))
    return tuple(bands)


def _clip(x: float, s: Scale) -> float:
    return min(max(x, s.left), s.right)


def _era_side(end: Point | Bound, s: Scale, at_start: bool) -> Span:
    """An era's start or end -> (outer x, x where the band turns solid). A month or year fades
    over its span; a qualified day over a whisker's length."""
    if isinstance(end, Bound):
        edge = s.left if at_start else s.right
        return edge, edge
    first, last = s.x(end.earliest_day()), s.x(end.latest_day() + 1)
    if end.precision != "day":
        return (first, last) if at_start else (last, first)
    fade = WHISKER if end.approximate or end.uncertain else 0
    return (first, first + fade) if at_start else (last, last - fade)


# ---- Drawing ---------------------------------------------------------------------------------

_STATUS_LEGEND = {
    "confirmed": "solid",
    "reported": "outlined",
    "planned": "dotted outline",
    "disputed": "dashed outline",
    "denied": "outlined and struck through",
}


def _num(value: float) -> str:
    """A coordinate as text: one decimal at most, no '-0'."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _esc(text: str) -> str:
    """Text for an SVG attribute or element; Markup (already safe) passes through unchanged."""
    return str(escape(text))


def overview_svg(
    events: Sequence[Event],
    *,
    lanes: Lanes,
    actors: Mapping[str, Actor],
    eras: Sequence[Era],
    href: Callable[[Event], str],
    title: str,
    id_prefix: str = "overview",
) -> Markup:
    """Events in time order -> a <figure> with the inline SVG overview, its caption and legend;
    '' for no events. `href(event)` is the link to the event's page; `id_prefix` keeps this
    figure's ids unique on its page."""
    if not events:
        return Markup("")
    view = layout(events, lanes=lanes, actors=actors, eras=eras)
    height = _num(view.height)
    parts = [
        f'<figure class="overview" id="{_esc(id_prefix)}">',
        '<div class="overview-scroll">',
        f'<svg class="overview-svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="group"'
        f' aria-label="{_esc(title)}">',
        *_draw_eras(view, id_prefix),
        *_draw_axis(view),
        *_draw_lanes(view),
        '<g class="overview-marks">',
        *(
            line
            for number, mark in enumerate(view.marks)
            for line in _draw_mark(mark, href(mark.event), f"{id_prefix}-f{number}")
        ),
        "</g>",
        "</svg>",
        "</div>",
        f'<figcaption><p class="overview-title">{_esc(title)}</p>',
        *_legend(view, id_prefix),
        "</figcaption>",
        "</figure>",
    ]
    return Markup("\n".join(parts) + "\n")


def _draw_eras(view: Layout, prefix: str) -> Iterator[str]:
    if not view.eras:
        return
    yield '<g class="overview-eras" aria-hidden="true">'
    for number, band in enumerate(view.eras, start=1):
        x0, x1, (s0, s1) = band.x0, band.x1, band.solid
        box = f'x="{_num(x0)}" y="0" width="{_num(x1 - x0)}" height="{_num(view.height)}"'
        if (s0, s1) == (x0, x1):
            yield f'<rect class="overview-era" {box}/>'
        else:
            gradient = f"{prefix}-era{number}"
            stops = [(0.0, s0 == x0), ((s0 - x0) / (x1 - x0), True)]
            stops += [((s1 - x0) / (x1 - x0), True), (1.0, s1 == x1)]
            yield from _gradient(gradient, "overview-era-stop", stops)
            yield f'<rect class="overview-era-fading" fill="url(#{gradient})" {box}/>'
        if band.label:
            name = _esc(band.label)
            yield f'<text class="overview-era-name" x="{_num(band.label_x)}" y="14">{name}</text>'
    yield "</g>"


def _gradient(gradient_id: str, stop_class: str, stops: list[tuple[float, bool]]) -> Iterator[str]:
    """A left-to-right gradient whose colour comes from CSS; each stop is opaque or clear."""
    yield f'<linearGradient id="{_esc(gradient_id)}">'
    for offset, opaque in stops:
        yield (
            f'<stop class="{stop_class}" offset="{min(max(offset, 0.0), 1.0):.3f}"'
            f' stop-opacity="{1 if opaque else 0}"/>'
        )
    yield "</linearGradient>"


def _draw_axis(view: Layout) -> Iterator[str]:
    top, bottom = _num(view.axis_y), _num(view.height)
    s = view.scale
    yield '<g class="overview-axis" aria-hidden="true">'
    yield f'<path class="overview-axis-line" d="M{_num(s.left)} {top}H{_num(s.right)}"/>'
    for x, label in view.ticks:
        yield f'<path class="overview-grid" d="M{_num(x)} {_num(view.axis_y - 4)}V{bottom}"/>'
        half = text_width(label, 12) / 2
        at = min(max(x, half), WIDTH - half)  # keep the edge ticks' labels in the viewBox
        yield (
            f'<text class="overview-tick" x="{_num(at)}" y="{_num(view.axis_y - 8)}"'
            f' text-anchor="middle">{_esc(label)}</text>'
        )
    yield "</g>"


def _draw_lanes(view: Layout) -> Iterator[str]:
    yield '<g class="overview-lanes" aria-hidden="true">'
    for index, lane in enumerate(view.lanes):
        if index:
            yield f'<path class="overview-lane-rule" d="M0 {_num(lane.y)}H{WIDTH}"/>'
        for number, line in enumerate(lane.lines):
            y = lane.y + LANE_PAD + ROW / 2 + 4.5 + number * LINE
            yield f'<text class="overview-lane-name" x="2" y="{_num(y)}">{_esc(line)}</text>'
    yield "</g>"


def _draw_mark(mark: Mark, link: str, gradient: str) -> Iterator[str]:
    event = mark.event
    words = f"{event.title} — {event.date.describe()} — {STATUSES[event.status][0]}"
    hidden = "" if mark.primary else ' tabindex="-1" aria-hidden="true"'
    yield (
        f'<a class="overview-mark status-{_esc(event.status)}" href="{_esc(link)}"'
        f' aria-label="{_esc(words)}"{hidden}>'
    )
    yield f"<title>{_esc(event.title)} ({_esc(event.date.display())})</title>"
    yield from _mark_shapes(mark, gradient)
    if mark.label:
        if mark.label_x < mark.body[1] and mark.label_x + mark.label_width > mark.body[0]:
            # Over its own run-out: a backing keeps the bar's edges out of the word gaps.
            yield (
                f'<rect class="overview-label-bg" x="{_num(mark.label_x - 2)}"'
                f' y="{_num(mark.y - 7)}" width="{_num(mark.label_width + 4)}" height="14"/>'
            )
        yield (
            f'<text class="overview-label" x="{_num(mark.label_x)}" y="{_num(mark.y + 4.5)}">'
            f"{_esc(mark.label)}</text>"
        )
    yield "</a>"


def _mark_shapes(mark: Mark, gradient: str) -> Iterator[str]:
    """The SVG shapes of one mark (without its link and label)."""
    y = mark.y
    denied = mark.event.status == "denied"
    if mark.kind == "point":
        cx = mark.body[0]
        if mark.start == "fuzzy":
            yield _whisker(cx - RADIUS, -1, y)
            yield _whisker(cx + RADIUS, 1, y)
        yield f'<circle class="overview-point" cx="{_num(cx)}" cy="{_num(y)}" r="{RADIUS}"/>'
        if denied:
            d = RADIUS + 2
            yield (
                f'<path class="overview-strike" d="M{_num(cx - d)} {_num(y - d)}'
                f"L{_num(cx + d)} {_num(y + d)}M{_num(cx - d)} {_num(y + d)}"
                f'L{_num(cx + d)} {_num(y - d)}"/>'
            )
        return
    (a, b), (k0, k1) = mark.body, mark.known
    box = f'x="{_num(a)}" y="{_num(y - BAR / 2)}" width="{_num(b - a)}" height="{BAR}"'
    if "unknown" in (mark.start, mark.end):
        stops = [(0.0, mark.start != "unknown")]
        stops += [((k0 - a) / (b - a), True), ((k1 - a) / (b - a), True)]
        stops += [(1.0, mark.end != "unknown")]
        yield from _gradient(gradient, "overview-stop", stops)
        paint = f'fill="url(#{gradient})" stroke="url(#{gradient})"'
        yield f'<rect class="overview-fade" {paint} {box}/>'
    else:
        yield f'<rect class="overview-body" {box}/>'
    if mark.core is not None:
        c0, c1 = mark.core
        yield (
            f'<rect class="overview-core" x="{_num(c0)}" y="{_num(y - BAR / 2)}"'
            f' width="{_num(c1 - c0)}" height="{BAR}"/>'
        )
    for end, x, way in ((mark.start, a, -1), (mark.end, b, 1)):
        if end == "fuzzy":
            yield _whisker(x, way, y)
        elif end == "open":
            back = x - way * ARROW
            yield (
                f'<path class="overview-arrow" d="M{_num(x)} {_num(y)}'
                f'L{_num(back)} {_num(y - BAR / 2 - 2)}V{_num(y + BAR / 2 + 2)}Z"/>'
            )
    if denied:
        yield f'<path class="overview-strike" d="M{_num(k0 - 3)} {_num(y)}H{_num(k1 + 3)}"/>'


def _whisker(x: float, way: int, y: float) -> str:
    """An error-bar whisker from x outwards (way -1 left, 1 right), with a cap."""
    tip = x + way * WHISKER
    return (
        f'<path class="overview-whisker" d="M{_num(x)} {_num(y)}H{_num(tip)}'
        f'M{_num(tip)} {_num(y - 4)}V{_num(y + 4)}"/>'
    )


def _legend(view: Layout, prefix: str) -> Iterator[str]:
    """The legend: only what this overview shows, each item with a small drawn sample."""
    marks = view.marks
    statuses = {mark.event.status for mark in marks}
    ends = {end for mark in marks for end in (mark.start, mark.end)}
    bar = '<rect class="overview-body" x="3" y="3" width="30" height="10"/>'
    items: list[tuple[str, str, str]] = []  # (class, sample shapes, words)
    for status, words in _STATUS_LEGEND.items():
        if status in statuses:
            shapes = '<circle class="overview-point" cx="8" cy="8" r="5"/>'
            shapes += '<rect class="overview-core" x="18" y="3" width="15" height="10"/>'
            shapes += '<rect class="overview-body" x="18" y="3" width="15" height="10"/>'
            if status == "denied":
                shapes += '<path class="overview-strike" d="M2 2L14 14M2 14L14 2M15 8H36"/>'
            items.append((f"status-{status}", shapes, f"{STATUSES[status][0]}: {words}"))
    key = "overview-key"
    if any(mark.kind == "point" for mark in marks):
        items.append((key, '<circle class="overview-point" cx="18" cy="8" r="5"/>', "a day"))
    if any(mark.core is not None for mark in marks):
        shapes = '<rect class="overview-core" x="3" y="3" width="30" height="10"/>'
        items.append((key, shapes, "a period, start to end"))
    if any(mark.kind != "point" and mark.core != mark.body for mark in marks):
        items.append((key, bar, "light: somewhere in this month, year or span"))
    if "fuzzy" in ends:
        shapes = '<rect class="overview-body" x="10" y="3" width="16" height="10"/>'
        shapes += _whisker(10, -1, 8) + _whisker(26, 1, 8)
        items.append((key, shapes, "whiskers: approximate (c.) or uncertain (?)"))
    if "unknown" in ends:
        gradient = f"{prefix}-key-fade"
        shapes = "".join(_gradient(gradient, "overview-stop", [(0.0, False), (1.0, True)]))
        shapes += f'<rect class="overview-fade" fill="url(#{gradient})" stroke="url(#{gradient})"'
        shapes += ' x="3" y="3" width="30" height="10"/>'
        items.append((key, shapes, "fading: start or end unknown"))
    if "open" in ends:
        shapes = '<rect class="overview-core" x="3" y="3" width="30" height="10"/>'
        shapes += '<path class="overview-arrow" d="M36 8L29 1V15Z"/>'
        items.append((key, shapes, "arrow: open-ended, goes on past the axis"))
    if view.eras:
        items.append(("", '<rect class="overview-era" x="0" y="0" width="36" height="16"/>', "era"))
    yield '<ul class="overview-legend">'
    for css_class, shapes, words in items:
        yield (
            f'<li><svg class="overview-sample" viewBox="0 0 36 16" width="36" height="16"'
            f' aria-hidden="true"><g class="{css_class}">{shapes}</g></svg> {_esc(words)}</li>'
        )
    yield "</ul>"
