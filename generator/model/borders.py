"""Where a point lies among the shipped outlines (model/outlines.py): the country whose outline
holds it, and whether it lies near enough to a given country to be in it.

It runs for every place of every build, so each outline is read once into edges filed by band
of latitude, with its box: a point is tested against the few edges of its own band.

Rings are unwrapped into one continuous run of longitudes (Fiji's and Russia's cross the 180th
meridian), and Antarctica's, which runs round the pole, is closed along the pole.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass

from generator.model.outlines import Island, Ring, islands, outlines

# How far outside its country's outline a place may lie, measured (tests/test_places.py) on
# every town of 15,000 people or more in GeoNames: the 1:110m coasts are rough and some lands
# are drawn with the country that holds them (Crimea is 163 km from Ukraine's outline, towns of
# Western Sahara up to 236 km from its own). Swapped or mistyped coordinates land thousands of
# kilometres away.
TOLERANCE_KM = 250.0
KM_PER_DEGREE = 111.195  # of a great circle on a sphere of the Earth's mean radius
_BAND = 1.0  # degrees of latitude per band of edges

Edge = tuple[float, float, float, float]  # longitude, latitude of one end; then the other's


@dataclass(frozen=True, slots=True)
class _Shape:
    code: str
    west: float
    east: float
    south: float
    north: float
    bands: dict[int, tuple[Edge, ...]]


@functools.cache
def _shapes() -> tuple[_Shape, ...]:
    """Every outline's edges filed by band, with its box (longitudes unwrapped)."""
    return tuple(_shape(at) for at in range(len(outlines())))


@functools.cache
def _shape(at: int) -> _Shape:
    outline = outlines()[at]
    rings = [_unwrapped(ring) for ring in outline.rings]
    filed: dict[int, list[Edge]] = defaultdict(list)
    for ring in rings:
        for index, (x1, y1) in enumerate(ring):
            x2, y2 = ring[index - 1]
            for band in range(_band(min(y1, y2)), _band(max(y1, y2)) + 1):
                filed[band].append((x1, y1, x2, y2))
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    bands = {band: tuple(edges) for band, edges in filed.items()}
    return _Shape(outline.code, min(xs), max(xs), min(ys), max(ys), bands)


def _band(latitude: float) -> int:
    return math.floor(latitude / _BAND)


def _unwrapped(ring: Ring) -> Ring:
    """The ring with no jump of longitude between neighbours; closed along the pole when it runs
    round one."""
    points = [ring[0]]
    for (previous, _), (longitude, latitude) in itertools.pairwise(ring):
        step = (longitude - previous + 180.0) % 360.0 - 180.0
        if step == -180.0 and longitude > previous:
            step = 180.0
        points.append((points[-1][0] + step, latitude))
    if abs(points[-1][0] - points[0][0]) > 180.0:
        pole = -90.0 if sum(latitude for _, latitude in ring) < 0 else 90.0
        points += [(points[-1][0], pole), (points[0][0], pole)]
    return tuple(points)


def _holds(shape: _Shape, latitude: float, longitude: float) -> bool:
    """Whether the point is inside `shape` (even–odd rule, a ray run east)."""
    if not shape.south <= latitude <= shape.north:
        return False
    edges = shape.bands.get(_band(latitude), ())
    for x in (longitude, longitude - 360.0, longitude + 360.0):
        if not shape.west <= x <= shape.east:
            continue
        inside = False
        for x1, y1, x2, y2 in edges:
            if (y1 > latitude) != (y2 > latitude) and x < x1 + (latitude - y1) * (x2 - x1) / (
                y2 - y1
            ):
                inside = not inside
        if inside:
            return True
    return False


def country_at(latitude: float, longitude: float) -> str | None:
    """The code of the outline that holds the point ('' for a shape with no code), or None
    for a point in no outline: at sea."""
    for shape in _shapes():
        if _holds(shape, latitude, longitude):
            return shape.code
    return None


def plausible(latitude: float, longitude: float, code: str) -> bool:
    """Whether the point may be in the country `code`: near enough, or the data cannot tell,
    because it has no land of that country, or because the point is in or near land beside
    that country whose outline names none (Somaliland, Kosovo, Northern Cyprus)."""
    if near(latitude, longitude, code) is not False:
        return True
    return any(
        _beside(at, code)
        and (_holds(shape, latitude, longitude) or _within_edges(shape, latitude, longitude))
        for at, shape in _unnamed()
    )


@functools.cache
def _unnamed() -> tuple[tuple[int, _Shape], ...]:
    return tuple((at, _shape(at)) for at, outline in enumerate(outlines()) if not outline.code)


@functools.cache
def _beside(at: int, code: str) -> bool:
    """Whether the outline at `at` comes within the tolerance of the country `code`."""
    return any(
        near_outline(latitude, longitude, code)
        for ring in outlines()[at].rings
        for longitude, latitude in ring
    )


def near(latitude: float, longitude: float, code: str, km: float = TOLERANCE_KM) -> bool | None:
    """Whether the point lies in the country `code` or within `km` of its outline or of one of
    its islands; None when the data has no land of that country to measure from."""
    shapes, circles = _shapes_of(code), _islands_of(code)
    if not shapes and not circles:
        return None
    return near_outline(latitude, longitude, code, km) or any(
        great_circle_km(latitude, longitude, island.latitude, island.longitude)
        <= island.radius_km + km
        for island in circles
    )


def near_outline(latitude: float, longitude: float, code: str, km: float = TOLERANCE_KM) -> bool:
    """Whether the point lies in the 1:110m outline of `code` or within `km` of it."""
    shapes = _shapes_of(code)
    return any(_holds(shape, latitude, longitude) for shape in shapes) or any(
        _within_edges(shape, latitude, longitude, km) for shape in shapes
    )


@functools.cache
def _shapes_of(code: str) -> tuple[_Shape, ...]:
    """The shapes of `code` alone: a build files the edges of its places' countries only."""
    return tuple(_shape(at) for at, outline in enumerate(outlines()) if outline.code == code)


@functools.cache
def _islands_of(code: str) -> tuple[Island, ...]:
    return tuple(island for island in islands() if island.code == code)


def _within_edges(
    shape: _Shape, latitude: float, longitude: float, km: float = TOLERANCE_KM
) -> bool:
    """Whether an edge of `shape` comes within `km` of the point (measured on a plane about it,
    near enough at a few hundred kilometres)."""
    reach = km / KM_PER_DEGREE
    squeeze = max(math.cos(math.radians(latitude)), 1e-6)
    if latitude + reach < shape.south or latitude - reach > shape.north:
        return False
    seen: set[Edge] = set()
    for band in range(_band(latitude - reach), _band(latitude + reach) + 1):
        for edge in shape.bands.get(band, ()):
            if edge in seen:
                continue
            seen.add(edge)
            for shift in (0.0, -360.0, 360.0):
                if _edge_degrees(edge, latitude, longitude - shift, squeeze) <= reach:
                    return True
    return False


def _edge_degrees(edge: Edge, latitude: float, longitude: float, squeeze: float) -> float:
    """The distance from the point to the edge, in degrees of a great circle."""
    ax, ay = (edge[0] - longitude) * squeeze, edge[1] - latitude
    bx, by = (edge[2] - longitude) * squeeze, edge[3] - latitude
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    share = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
    return math.hypot(ax + share * dx, ay + share * dy)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance between two points on a sphere of the Earth's mean radius (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * math.degrees(math.asin(min(1.0, math.sqrt(h)))) * KM_PER_DEGREE
