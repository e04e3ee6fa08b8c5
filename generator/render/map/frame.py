"""What a map shows: its central meridian and the box of projected space around its places.

The central meridian is the middle of the longitudes the map must show, found as the opposite of
the widest gap between them: places across the Pacific get a map about the Pacific, whose edge
runs through the empty Atlantic. The box holds every point and every shaded country with a
margin, no smaller than a region (one place is not drawn on a map of a street), in a shape
between 2:1 and 4:3, within the world's own extent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.render.map.projection import WORLD_X, WORLD_Y, project, wrap

MARGIN = 0.12  # of the box's larger side, on every side
MIN_WIDTH = 0.6  # projected units: about 40 degrees of longitude at the equator
WIDEST, TALLEST = 2.0, 4 / 3  # width : height


@dataclass(frozen=True, slots=True)
class Frame:
    """A map's central meridian and the box it shows, in projected units, y to the north."""

    centre: float
    west: float
    south: float
    east: float
    north: float

    @property
    def width(self) -> float:
        return self.east - self.west

    @property
    def height(self) -> float:
        return self.north - self.south


def centre_of(longitudes: Iterable[float]) -> float:
    """The central meridian (whole degrees) for a map that shows all `longitudes`."""
    ordered = sorted({wrap(lon) for lon in longitudes})
    if not ordered:
        return 0.0
    widest, start = -1.0, ordered[0]
    for west, east in zip(ordered, [*ordered[1:], ordered[0] + 360.0], strict=True):
        if east - west > widest:
            widest, start = east - west, west
    middle = wrap(start + widest / 2 + 180.0)
    return float(round(middle)) if round(middle) < 180 else -180.0


def frame_of(points: Sequence[tuple[float, float]], centre: float) -> Frame | None:
    """The frame about `centre` of projected (x, y) `points`: their box with a margin, shaped
    and kept within the world; None when there are no points."""
    if not points:
        return None
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    pad = MARGIN * max(east - west, north - south, MIN_WIDTH)
    west, east, south, north = west - pad, east + pad, south - pad, north + pad
    width, height = _shaped(max(east - west, MIN_WIDTH), north - south)
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    west, east = _within(mid_x - width / 2, mid_x + width / 2, WORLD_X)
    south, north = _within(mid_y - height / 2, mid_y + height / 2, WORLD_Y)
    return Frame(centre, west, south, east, north)


def project_turned(latitude: float, longitude: float, centre: float) -> tuple[float, float]:
    """A place's (x, y) on a map about `centre`."""
    return project(latitude, wrap(longitude - centre))


def _shaped(width: float, height: float) -> tuple[float, float]:
    """The width and height grown, never shrunk, to a shape between WIDEST and TALLEST."""
    width = min(width, 2 * WORLD_X)
    height = min(height, 2 * WORLD_Y)
    if width > WIDEST * height:
        height = width / WIDEST
    elif width < TALLEST * height:
        width = TALLEST * height
    if width > 2 * WORLD_X:  # a tall frame as wide as the world: the world's own shape
        width, height = 2 * WORLD_X, 2 * WORLD_X / TALLEST
    return width, min(height, 2 * WORLD_Y)


def _within(low: float, high: float, limit: float) -> tuple[float, float]:
    """The span [low, high] moved (or cut) to lie within [-limit, limit]."""
    if high - low >= 2 * limit:
        return -limit, limit
    if low < -limit:
        return -limit, high - low - limit
    if high > limit:
        return limit - (high - low), limit
    return low, high
