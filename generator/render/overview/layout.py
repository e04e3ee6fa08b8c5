"""The overview laid out: every lane, mark, era band and tick positioned, before any markup."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from generator.i18n import ENGLISH, Language
from generator.model.timeline import Actor, Era, Event
from generator.render.overview.eras import EraBand, era_bands
from generator.render.overview.lanes import Lanes, lane_groups
from generator.render.overview.placement import Taken, label_options, place
from generator.render.overview.scale import Scale, Span, rounded, rounded_span, scale, ticks
from generator.render.overview.shapes import End, Kind, shape
from generator.render.overview.sizes import (
    AXIS_STRIP,
    ERA_STRIP,
    LABEL_SIZE,
    LANE_PAD,
    LINE,
    MARGIN,
    ROW,
    WIDTH,
)
from generator.render.overview.text import text_width, wrap


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
class Layout:
    """Everything the overview draws, positioned; marks in time order."""

    scale: Scale
    ticks: tuple[tuple[float, str], ...]  # (x, label)
    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]
    eras: tuple[EraBand, ...]
    axis_y: float  # where the lanes start
    height: float
    spoken: Language = ENGLISH  # the language of its words


def layout(
    events: Sequence[Event],
    *,
    lanes: Lanes,
    actors: Mapping[str, Actor],
    eras: Sequence[Era] = (),
    spoken: Language = ENGLISH,
) -> Layout:
    """Events in time order (not empty) -> their overview Layout, marks in time order."""
    groups = lane_groups(events, lanes, actors, spoken)
    gutter = min(150.0, max(text_width(name, LABEL_SIZE, bold=True) for name, _ in groups))
    s = scale(events, rounded(gutter + 14), WIDTH - MARGIN)
    bands = era_bands(eras, s)
    axis_y = (ERA_STRIP if bands else 0) + AXIS_STRIP
    shapes = [shape(event.date, s) for event in events]
    placed: list[tuple[int, int, Mark]] = []  # (event index, lane, mark)
    lane_list: list[Lane] = []
    y = float(axis_y)
    for lane_index, (name, indexes) in enumerate(groups):
        rows: list[list[Taken]] = []
        spots = []
        for i in indexes:
            x0, x1 = shapes[i].extent
            options = label_options(events[i].title, shapes[i], s)
            spots.append((i, x0, x1, *place(rows, x0, x1, options)))
        lines = wrap(name, gutter)
        height = max(len(rows) * ROW, len(lines) * LINE) + 2 * LANE_PAD
        for i, x0, x1, row, (label_x, text, width) in spots:
            kind, body, known, core, start, end = shapes[i]  # every part of the shape is drawn
            mark = Mark(
                event=events[i],
                lane=lane_index,
                row=row,
                y=rounded(y + LANE_PAD + row * ROW + ROW / 2),
                kind=kind,
                x0=rounded(x0),
                x1=rounded(x1),
                body=rounded_span(body),
                known=rounded_span(known),
                core=None if core is None else rounded_span(core),
                start=start,
                end=end,
                label=text,
                label_x=rounded(label_x),
                label_width=rounded(width),
                primary=False,
            )
            placed.append((i, lane_index, mark))
        lane_list.append(Lane(name, lines, rounded(y), rounded(height), len(rows)))
        y += height
    # Time order across lanes, so keyboard focus and screen readers go through time.
    placed.sort(key=lambda item: (item[0], item[1]))
    firsts = {i: lane for i, lane, _ in reversed(placed)}
    marks = tuple(
        replace(mark, primary=True) if firsts[i] == lane else mark for i, lane, mark in placed
    )
    found = ticks(int(s.start), int(s.end), spoken)
    tick_list = tuple((rounded(s.x(day)), text) for day, text in found)
    return Layout(s, tick_list, tuple(lane_list), marks, bands, axis_y, rounded(y + 1), spoken)
