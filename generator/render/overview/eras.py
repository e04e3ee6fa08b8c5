"""The era bands behind the lanes: their extent, where they fade, and where their names go."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.model.dates import Bound, Point
from generator.model.timeline import Era
from generator.render.overview.scale import Scale, Span, rounded, rounded_span
from generator.render.overview.shapes import as_point
from generator.render.overview.sizes import ERA_SIZE, GAP, WHISKER, WIDTH
from generator.render.overview.text import shorten, text_width


@dataclass(frozen=True, slots=True)
class EraBand:
    """An era's band: its extent on the axis, and where its solid part is (the rest fades)."""

    era: Era
    x0: float
    x1: float
    solid: Span
    label: str  # the era's name, cut short if need be; '' when there is no room for it
    label_x: float


def era_bands(eras: Sequence[Era], s: Scale) -> tuple[EraBand, ...]:
    """Eras -> bands clipped to the axis; an uncertain or coarse end fades over the span it may
    fall in, an unknown end over the whole run-out, and an open end runs solid to the edge."""
    bands = []
    for era in eras:
        start, end = era.date.start, era.date.end if era.date.end is not None else era.date.start
        a, solid_a = _era_side(start, s, at_start=True)
        b, solid_b = _era_side(end, s, at_start=False)
        if start is Bound.UNKNOWN:
            solid_a = s.x(as_point(end).earliest_day())
        if end is Bound.UNKNOWN:
            solid_b = s.x(as_point(start).latest_day() + 1)
        x0, x1 = _clip(a, s), _clip(b, s)
        if x1 - x0 < 1:
            continue
        solid = (_clip(solid_a, s), _clip(solid_b, s))
        if solid_a > solid_b:  # both ends fade and overlap: no day is surely in the era
            solid = (_clip((solid_a + solid_b) / 2, s),) * 2
        bands.append(EraBand(era, rounded(x0), rounded(x1), rounded_span(solid), "", 0.0))
    # Names go above the axis from each band's start, left to right, each shifted left to stay
    # in the drawing if need be and cut short rather than run into the name before it.
    free = 0.0
    for index in sorted(range(len(bands)), key=lambda i: (bands[i].x0, bands[i].x1, i)):
        name = bands[index].era.name
        at = max(min(bands[index].x0 + 4, WIDTH - 2 - text_width(name, ERA_SIZE, True)), free)
        label = shorten(name, WIDTH - 2 - at, ERA_SIZE, bold=True)
        if label:
            free = at + text_width(label, ERA_SIZE, bold=True) + 2 * GAP
        bands[index] = replace(bands[index], label=label, label_x=rounded(at))
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
