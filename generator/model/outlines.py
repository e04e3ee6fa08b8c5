"""The country outlines shipped in `data/`, made by scripts/world_outlines.py from npm
`world-atlas` (Natural Earth, public domain): every country's 1:110m rings, which the map draws,
and as circles the islands and small countries those rings leave out, from the 1:10m data."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) in degrees


@dataclass(frozen=True, slots=True)
class Outline:
    """One country's rings as the data gives them; `code` is '' for a shape with none."""

    code: str
    rings: tuple[Ring, ...]


@dataclass(frozen=True, slots=True)
class Island:
    """Land of the country `code` that its 1:110m outline leaves out: a circle around it."""

    code: str
    latitude: float
    longitude: float
    radius_km: float


def _data(name: str) -> dict[str, object]:
    text = resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8")
    document: dict[str, object] = json.loads(text)
    return document


@functools.cache
def outlines() -> tuple[Outline, ...]:
    """Every country of the shipped 1:110m data, in order of code."""
    document = _data("countries-110m.json")
    step = document["step"]
    assert isinstance(step, int) and isinstance(document["countries"], list)
    return tuple(
        Outline(country["code"], tuple(_decoded(ring, step) for ring in country["rings"]))
        for country in document["countries"]
    )


def _decoded(flat: list[int], step: int) -> Ring:
    x, y = 0, 0
    points = []
    for at in range(0, len(flat), 2):
        x, y = x + flat[at], y + flat[at + 1]
        points.append((x / step, y / step))
    return tuple(points)


def codes() -> frozenset[str]:
    """The country codes that have a 1:110m outline (the map can shade them)."""
    return frozenset(outline.code for outline in outlines() if outline.code)


@functools.cache
def islands() -> tuple[Island, ...]:
    """The land the 1:110m outlines leave out, in order of code."""
    document = _data("islands-10m.json")
    assert isinstance(document["islands"], dict)
    return tuple(
        Island(code, latitude, longitude, radius)
        for code, circles in document["islands"].items()
        for latitude, longitude, radius in circles
    )
