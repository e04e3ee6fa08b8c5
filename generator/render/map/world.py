"""The country outlines (model/outlines.py) cut at a map's antimeridian and projected.

A map turned about a central meridian has its edge, the antimeridian, elsewhere than the data's
180°: every ring is unwrapped into one continuous run of longitudes, then clipped to the strip
the map shows (and its copies a turn east and west, for the part that wraps round), so that no
country is drawn as a line across the whole world.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from generator.model.outlines import Ring, outlines
from generator.render.map.projection import project, wrap

_EDGE_STEP = 2.0  # degrees of latitude between the points drawn along the map's edge


@functools.cache
def projected(centre: float) -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    """Every country's rings cut at the antimeridian of `centre` and projected: (code, rings of
    (x, y)), y to the north."""
    return tuple(
        (
            outline.code,
            tuple(
                tuple(project(lat, lon) for lon, lat in piece)
                for ring in outline.rings
                for piece in cut(ring, centre)
            ),
        )
        for outline in outlines()
    )


def cut(ring: Ring, centre: float) -> Iterator[Ring]:
    """The parts of `ring` on a map about the meridian `centre`, longitudes turned to
    [-180, 180]: one part, or one on each side where the ring crosses the map's edge."""
    turned = _unwrapped(ring, centre)
    low = min(lon for lon, _ in turned)
    high = max(lon for lon, _ in turned)
    for shift in (-360.0, 0.0, 360.0):
        if high + shift <= -180.0 or low + shift >= 180.0:
            continue
        shifted = [(lon + shift, lat) for lon, lat in turned]
        clipped = _clip(_clip(shifted, -180.0, 1), 180.0, -1)
        if len(clipped) >= 3:
            yield tuple(_along_edges(clipped))


def _unwrapped(ring: Ring, centre: float) -> list[tuple[float, float]]:
    """The ring turned about `centre` with no jump of longitude between neighbours; a ring round
    a pole (Antarctica's) is closed along the pole."""
    first_lon, first_lat = ring[0]
    lon = wrap(first_lon - centre)
    points = [(lon, first_lat)]
    previous = first_lon
    for point_lon, lat in ring[1:]:
        step = wrap(point_lon - previous)
        if step == -180.0 and point_lon > previous:  # wrap() sends +180 to -180
            step = 180.0
        lon += step
        previous = point_lon
        points.append((lon, lat))
    if abs(points[-1][0] - points[0][0]) > 180.0:
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        points += [(points[-1][0], pole), (points[0][0], pole)]
    return points


def _clip(points: list[tuple[float, float]], edge: float, side: int) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the polygon's part where side * (longitude - edge) >= 0."""
    if not points:
        return points
    result: list[tuple[float, float]] = []
    for at, current in enumerate(points):
        before = points[at - 1]
        inside_now = side * (current[0] - edge) >= 0
        inside_before = side * (before[0] - edge) >= 0
        if inside_now != inside_before:
            share = (edge - before[0]) / (current[0] - before[0])
            result.append((edge, before[1] + share * (current[1] - before[1])))
        if inside_now:
            result.append(current)
    return result


def _along_edges(points: list[tuple[float, float]]) -> Iterator[tuple[float, float]]:
    """The points, with more along stretches of the map's edge, which Equal Earth curves."""
    for at, (lon, lat) in enumerate(points):
        yield lon, lat
        next_lon, next_lat = points[(at + 1) % len(points)]
        if abs(lon) == 180.0 and next_lon == lon and abs(next_lat - lat) > _EDGE_STEP:
            count = int(abs(next_lat - lat) // _EDGE_STEP)
            for step in range(1, count + 1):
                yield lon, lat + (next_lat - lat) * step / (count + 1)


# Half the size of a country's heart, in degrees: about the span of a large region, so that
# a huge country without a place (Russia spans 170 degrees of longitude) frames a map of its
# middle, not of the world.
HEART_LON, HEART_LAT = 15.0, 10.0


@functools.cache
def heart(code: str) -> tuple[float, float, float, float] | None:
    """The part of country `code` a map frames when none of its places is drawn: the box
    (west, south, east, north, in degrees, west maybe below -180) of its largest ring, cut to
    HEART_LON and HEART_LAT about that ring's middle; None for a code with no outline."""
    rings = [ring for outline in outlines() if outline.code == code for ring in outline.rings]
    if not rings:
        return None
    biggest = max((_unwrapped(ring, 0.0) for ring in rings), key=_area)
    lon, lat = _middle(biggest)
    lons = [x for x, _ in biggest]
    lats = [y for _, y in biggest]
    return (
        max(min(lons), lon - HEART_LON),
        max(min(lats), lat - HEART_LAT),
        min(max(lons), lon + HEART_LON),
        min(max(lats), lat + HEART_LAT),
    )


def _area(ring: list[tuple[float, float]]) -> float:
    """A ring's area in square degrees (the shoelace formula), for comparing rings."""
    return abs(_shoelace(ring)[0])


def _shoelace(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Twice the ring's signed area and its first moments, in degrees."""
    twice, mx, my = 0.0, 0.0, 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        twice += cross
        mx += (x0 + x1) * cross
        my += (y0 + y1) * cross
    return twice, mx, my


def _middle(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """The centroid (longitude, latitude) of a ring, or its first point when it has no area."""
    twice, mx, my = _shoelace(ring)
    if twice == 0.0:
        return ring[0]
    return mx / (3 * twice), my / (3 * twice)
