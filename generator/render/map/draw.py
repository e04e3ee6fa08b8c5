"""The map drawn: places and countries -> a <figure> with an inline SVG and the same places
listed beside it, for screen readers and for readers without SVG.

Every shaded country and every point is a link with its name and number of events; Tab reaches
the countries in order of name, then the points from west to east. Points are sized by their
number of events. Coordinates are rounded to 0.1 in the viewBox, so builds give the same bytes.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.i18n import ENGLISH, N_, Language
from generator.render.map.frame import Frame, centre_of, frame_of, project_turned
from generator.render.map.projection import project
from generator.render.map.world import heart, projected
from generator.render.overview.svg import esc, num
from generator.render.overview.text import text_width

LABEL_SIZE = 12
_NONE = N_("No place here has a position on the map.")
Words = tuple[bool, Language]  # whether counts are of the whole timeline, and their language


@dataclass(frozen=True, slots=True)
class Point:
    """A place with coordinates, drawn as a point."""

    name: str
    href: str
    count: int
    latitude: float
    longitude: float
    country: str = ""  # the code of the country it lies in, if known


@dataclass(frozen=True, slots=True)
class Area:
    """A country involved, shaded; `href` leads to the page of a place or actor in it (`via`)."""

    code: str
    name: str
    href: str
    count: int
    via: str


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A place with no coordinates: listed, not drawn."""

    name: str
    href: str
    count: int


def events_words(count: int, whole: bool = False, spoken: Language = ENGLISH) -> str:
    """'4 events', or counted in the `whole` timeline: '4 events in the whole timeline'."""
    if whole:
        return spoken.ngettext(
            "%(num)d event in the whole timeline", "%(num)d events in the whole timeline", count
        )
    return spoken.ngettext("%(num)d event", "%(num)d events", count)


def _named(name: str, count: int, whole: bool, spoken: Language) -> str:
    """'Italy: 2 events', a mark's name for screen readers."""
    return spoken.say(
        N_("%(name)s: %(events)s"), name=name, events=events_words(count, whole, spoken)
    )


@functools.lru_cache(maxsize=4096)
def map_svg(
    points: tuple[Point, ...],
    areas: tuple[Area, ...],
    unplaced: tuple[Unplaced, ...],
    *,
    title: str,
    id_prefix: str = "map",
    width: int = 960,
    whole: bool = False,
    spoken: Language = ENGLISH,
) -> Markup:
    """The map figure of `points` and `areas`, `width` units wide, with every place listed;
    only the list when nothing has a position; '' when there is nothing at all. Each count of
    events says it counts the `whole` timeline when the page shows other events than it
    counts. Its words are in `spoken`."""
    if not (points or areas or unplaced):
        return Markup("")
    words = (whole, spoken)
    drawing = list(_drawing(points, areas, title, width, words)) if points or areas else []
    size = "small" if width < 960 else "large"
    parts = [
        f'<figure class="map map-{size}" id="{esc(id_prefix)}">',
        *drawing,
        f'<figcaption><p class="map-title">{esc(title)}</p>',
        *(() if drawing else (f'<p class="map-none">{esc(spoken.gettext(_NONE))}</p>',)),
        '<ul class="map-list">',
        *_listed(points, areas, unplaced, words),
        "</ul>",
        "</figcaption>",
        "</figure>",
    ]
    return Markup("\n".join(parts) + "\n")


def _drawing(
    points: tuple[Point, ...], areas: tuple[Area, ...], title: str, width: int, counted: Words
) -> Iterator[str]:
    shaded = {area.code for area in areas}
    frame = framed(points, shaded)
    assert frame is not None, "a map is drawn only for points or countries"
    centre = frame.centre
    world = projected(centre)
    placed = [project_turned(p.latitude, p.longitude, centre) for p in points]
    scale = width / frame.width
    height = frame.height * scale

    def pixel(xy: tuple[float, float]) -> tuple[float, float]:
        return (xy[0] - frame.west) * scale, (frame.north - xy[1]) * scale

    yield '<div class="map-frame">'
    yield (
        f'<svg class="map-svg" viewBox="0 0 {width} {num(height)}" width="100%" role="group"'
        f' aria-label="{esc(title)}">'
    )
    yield '<g aria-hidden="true">'
    yield f'<path class="map-sphere" d="{_path([_sphere()], pixel, frame)}"/>'
    land = [ring for code, rings in world if code not in shaded for ring in rings]
    yield f'<path class="map-land" d="{_path(land, pixel, frame)}"/>'
    yield "</g>"
    by_code = dict(world)
    yield '<g class="map-areas">'
    for area in sorted(areas, key=lambda a: (a.name.casefold(), a.code)):
        words = _named(area.name, area.count, *counted)
        yield f'<a class="map-area" href="{esc(area.href)}" aria-label="{esc(words)}">'
        yield f"<title>{esc(words)}</title>"
        shape = _path(by_code.get(area.code, ()), pixel, frame)
        yield f'<path class="map-country" d="{shape}"/>'
        yield "</a>"
    yield "</g>"
    yield from _points(points, [pixel(xy) for xy in placed], width, height, counted)
    yield "</svg>"
    yield "</div>"


def framed(points: Sequence[Point], shaded: set[str]) -> Frame | None:
    """The frame of a map of `points` and the `shaded` countries: the points, and the heart of
    each country no point lies in (its whole outline would frame Russia as half the world)."""
    boxes = _hearts(shaded - {p.country for p in points})
    longitudes = [p.longitude for p in points]
    longitudes += [lon for west, _, east, _ in boxes for lon in (west, (west + east) / 2, east)]
    centre = centre_of(longitudes)
    placed = [project_turned(p.latitude, p.longitude, centre) for p in points]
    return frame_of([*placed, *(xy for box in boxes for xy in _edges(box, centre))], centre)


def _hearts(codes: set[str]) -> list[tuple[float, float, float, float]]:
    """The boxes a map frames for the shaded countries `codes` that no drawn point lies in:
    each one's heart, not its whole outline, so that a huge country frames a region."""
    return [box for code in sorted(codes) if (box := heart(code)) is not None]


def _edges(box: tuple[float, float, float, float], centre: float) -> Iterator[tuple[float, float]]:
    """Points along the edges of a box of degrees on the map about `centre`: Equal Earth
    curves its meridians, so the corners alone do not hold it."""
    west, south, east, north = box
    for step in range(11):
        lon = west + (east - west) * step / 10
        lat = south + (north - south) * step / 10
        yield from (project_turned(lat, west, centre), project_turned(lat, east, centre))
        yield from (project_turned(south, lon, centre), project_turned(north, lon, centre))


def _sphere() -> tuple[tuple[float, float], ...]:
    """The world's outline on the map: the antimeridian's two sides, pole to pole."""
    west = [project(lat, -180.0) for lat in range(-90, 91, 5)]
    east = [project(lat, 180.0) for lat in range(90, -91, -5)]
    return (*west, *east)


def _path(
    rings: Sequence[Sequence[tuple[float, float]]],
    pixel: Callable[[tuple[float, float]], tuple[float, float]],
    frame: Frame,
) -> str:
    """SVG path data of the rings that meet the frame, in pixels, rounded to 0.1."""
    commands: list[str] = []
    for ring in rings:
        xs = [x for x, _ in ring]
        ys = [y for _, y in ring]
        if max(xs) < frame.west or min(xs) > frame.east:
            continue
        if max(ys) < frame.south or min(ys) > frame.north:
            continue
        drawn: list[str] = []
        for xy in ring:
            px, py = pixel(xy)
            here = f"{num(px)} {num(py)}"
            if not drawn or drawn[-1] != here:
                drawn.append(here)
        if len(drawn) >= 3:
            commands.append("M" + "L".join(drawn) + "Z")
    return "".join(commands)


def radius(count: int) -> float:
    """A point's radius for its number of events: its area grows with the count."""
    return min(4.0 + 2.0 * math.sqrt(max(count, 1) - 1), 16.0)


def _points(
    points: tuple[Point, ...],
    pixels: list[tuple[float, float]],
    width: int,
    height: float,
    counted: Words,
) -> Iterator[str]:
    order = sorted(range(len(points)), key=lambda at: (pixels[at][0], points[at].name, at))
    labels = _labels(points, pixels, width, height)
    # A halo of the background's colour under each name keeps it legible over outlines. The
    # halos are drawn first and outside the links, so that each link's text is its name once.
    yield '<g class="map-halos" aria-hidden="true">'
    for at, (lx, anchor) in sorted(labels.items()):
        where = f'x="{num(lx)}" y="{num(pixels[at][1] + 4)}" text-anchor="{anchor}"'
        yield f'<text class="map-halo" {where}>{esc(points[at].name)}</text>'
    yield "</g>"
    yield '<g class="map-points">'
    for at in order:
        point, (x, y) = points[at], pixels[at]
        words = _named(point.name, point.count, *counted)
        yield f'<a class="map-point" href="{esc(point.href)}" aria-label="{esc(words)}">'
        yield f"<title>{esc(words)}</title>"
        yield f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(radius(point.count))}"/>'
        label = labels.get(at)
        if label is not None:
            lx, anchor = label
            where = f'x="{num(lx)}" y="{num(y + 4)}" text-anchor="{anchor}"'
            yield f'<text class="map-label" {where}>{esc(point.name)}</text>'
        yield "</a>"
    yield "</g>"


def _labels(
    points: tuple[Point, ...], pixels: list[tuple[float, float]], width: int, height: float
) -> dict[int, tuple[float, str]]:
    """Where each point's name goes (x, anchor), the most frequent first; a name that would
    overlap another or leave the map is left to the list."""
    taken: list[tuple[float, float, float, float]] = [
        (x - radius(p.count), y - radius(p.count), x + radius(p.count), y + radius(p.count))
        for p, (x, y) in zip(points, pixels, strict=True)
    ]
    result: dict[int, tuple[float, str]] = {}
    order = sorted(range(len(points)), key=lambda at: (-points[at].count, points[at].name, at))
    for at in order:
        (x, y), r = pixels[at], radius(points[at].count)
        span = text_width(points[at].name, LABEL_SIZE)
        for left, anchor in ((x + r + 3, "start"), (x - r - 3 - span, "end")):
            box = (left, y - 8, left + span, y + 6)
            inside = box[0] >= 2 and box[2] <= width - 2 and box[1] >= 0 and box[3] <= height
            own = taken[at]
            if inside and not any(_overlap(box, other) for other in taken if other is not own):
                result[at] = (left if anchor == "start" else left + span, anchor)
                taken.append(box)
                break
    return result


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _listed(
    points: tuple[Point, ...],
    areas: tuple[Area, ...],
    unplaced: tuple[Unplaced, ...],
    counted: Words,
) -> Iterator[str]:
    whole, spoken = counted
    for point in sorted(points, key=lambda p: (p.name.casefold(), p.href)):
        yield (
            f'<li class="map-item-point"><a href="{esc(point.href)}">{esc(point.name)}</a>'
            f" — {esc(events_words(point.count, whole, spoken))}</li>"
        )
    for item in sorted(unplaced, key=lambda p: (p.name.casefold(), p.href)):
        unplaced_words = spoken.say(
            N_("%(events)s, no position on the map"),
            events=events_words(item.count, whole, spoken),
        )
        yield (
            f'<li class="map-item-unplaced"><a href="{esc(item.href)}">{esc(item.name)}</a>'
            f" — {esc(unplaced_words)}</li>"
        )
    for area in sorted(areas, key=lambda a: (a.name.casefold(), a.code)):
        see = spoken.say(N_("(see %(place)s)"), place=area.via)
        via = f" {esc(see)}" if area.via != area.name else ""
        shaded = spoken.say(
            N_("%(events)s, shaded"), events=events_words(area.count, whole, spoken)
        )
        yield (
            f'<li class="map-item-area"><a href="{esc(area.href)}">{esc(area.name)}</a>{via}'
            f" — {esc(shaded)}</li>"
        )
