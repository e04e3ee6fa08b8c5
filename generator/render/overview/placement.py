"""Where a mark goes in its lane and where its label goes, so that nothing overlaps."""

from __future__ import annotations

from generator.render.overview.scale import Scale
from generator.render.overview.shapes import Shape
from generator.render.overview.sizes import GAP, LABEL_SIZE, WHISKER
from generator.render.overview.text import shorten, text_width

MAX_LABEL = 230.0  # a label's widest, in units: titles are cut to this with an ellipsis
MIN_LABEL = 48.0  # narrower than this a cut label says too little, so the mark goes without
MAX_ROWS = 16  # past this many sub-rows of a lane, marks go without labels
MAX_STACK = 32  # past this many, marks at one time pile up rather than stretch the page

Label = tuple[float, str, float]  # left x, text, width
Taken = tuple[float, float, bool]  # a stretch of a sub-row, and whether a label is in it


def label_options(title: str, shape: Shape, s: Scale) -> list[Label]:
    """Where a label may go, best first, as (left x, text, width): beside the mark or over its
    own open or unknown run-out; then cut shorter beside it; then over its own bar (a long bar
    leaves no room beside it); then as short as still says something."""
    known, start, end = shape.known, shape.start, shape.end
    x0, x1 = shape.extent
    # (room, x where the room starts or ends, whether the label ends there)
    beside = [(s.right - x1 - GAP, x1 + GAP, False), (x0 - GAP - s.left, x0 - GAP, True)]
    if start in ("open", "unknown"):
        beside.append((known[0] - GAP - (s.left + GAP), known[0] - GAP, True))
    if end in ("open", "unknown"):
        beside.append((s.right - GAP - known[1] - GAP - WHISKER, known[1] + GAP + WHISKER, False))
    inner0, inner1 = max(known[0], s.left) + GAP, min(known[1], s.right) - GAP
    over = [(inner1 - inner0, inner0, False)] if shape.kind != "point" else []
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


def place(rows: list[list[Taken]], x0: float, x1: float, options: list[Label]) -> tuple[int, Label]:
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
