"""Make the country outlines and the table of country codes that the places map ships with.

    .venv/bin/python -m scripts.world_outlines   # after `npm ci` (world-atlas) and `make test`'s
                                                 # set-up (pycountry)

Reads npm `world-atlas`'s `countries-110m.json` and `countries-10m.json` (Natural Earth's 1:110m
and 1:10m countries, public domain, as TopoJSON) and writes:

- `generator/model/data/countries-110m.json`: each country's rings as longitudes and
  latitudes in hundredths of a degree, the first point absolute and the rest as differences,
  keyed by its ISO 3166-1 alpha-2 code ('' for the three shapes Natural Earth gives no code:
  N. Cyprus, Somaliland, Kosovo), in order of code.
- `generator/model/data/islands-10m.json`: the land of the 1:10m data that lies farther than
  the places check's tolerance from its country's 1:110m outline (the Canary Islands, Hawaii's
  smaller islands, countries too small for 1:110m such as Malta), each piece as a circle:
  latitude, longitude and radius in km. The 1:10m rings themselves would weigh 3.6 MB.
- `generator/model/countries.py`: every ISO 3166-1 alpha-2 code with its short English name,
  from pycountry (which ships Debian's iso-codes data). World-atlas's ids are ISO 3166-1
  numeric codes; pycountry maps them to alpha-2.

The build reads only these two files: it needs neither npm nor pycountry.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pycountry

REPO = Path(__file__).resolve().parent.parent
ATLAS = REPO / "node_modules" / "world-atlas"
OUTLINES = REPO / "generator" / "model" / "data" / "countries-110m.json"
ISLANDS = REPO / "generator" / "model" / "data" / "islands-10m.json"
CODES = REPO / "generator" / "model" / "countries.py"
STEP = 100  # hundredths of a degree: finer than the 1:110m data's own detail


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute (longitude, latitude) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[int]:
    """A ring from arc indexes (~i is arc i reversed), rounded and delta-encoded."""
    points = _points(arcs, indexes)
    rounded = [(round(lon * STEP), round(lat * STEP)) for lon, lat in points]
    kept = [p for at, p in enumerate(rounded) if at == 0 or p != rounded[at - 1]]
    flat = [*kept[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(kept):
        flat += [x1 - x0, y1 - y0]
    return flat


def _polygons(topology: dict[str, Any]) -> list[tuple[str, list[list[int]]]]:
    """Each geometry's ISO alpha-2 code and its polygons, as lists of rings of arc indexes."""
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        result.append((_alpha2(geometry.get("id")), polygons))
    return result


def _islands(topology: dict[str, Any]) -> dict[str, list[list[float]]]:
    """Every outer ring of the 1:10m data with a point beyond the tolerance of its country's
    1:110m outline, as [latitude, longitude, radius in km] about the mean of its points."""
    # Imported here: the generator reads the 1:110m file that main() has just written.
    from generator.model.borders import TOLERANCE_KM, great_circle_km, near_outline

    arcs = _arcs(topology)
    circles: dict[str, list[list[float]]] = {}
    for code, polygons in _polygons(topology):
        for polygon in polygons:
            ring = _points(arcs, polygon[0])
            if not code or all(near_outline(y, x, code, TOLERANCE_KM) for x, y in ring):
                continue
            lat = sum(y for _, y in ring) / len(ring)
            lon = sum(x for x, _ in ring) / len(ring)
            radius = max(great_circle_km(lat, lon, y, x) for x, y in ring)
            circles.setdefault(code, []).append([round(lat, 2), round(lon, 2), round(radius + 2)])
    return {code: sorted(found) for code, found in sorted(circles.items())}


def _points(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _alpha2(numeric: str | None) -> str:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country is not None else ""


# Short names where the ISO name is a formal one ("Russian Federation", "Korea, Republic of").
SHORT_NAMES = {
    "BO": "Bolivia",
    "BN": "Brunei",
    "CD": "DR Congo",
    "FM": "Micronesia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "VN": "Vietnam",
}


def _name(country: Any) -> str:
    short = SHORT_NAMES.get(country.alpha_2)
    return short or str(getattr(country, "common_name", None) or country.name)


def main() -> None:
    topology = json.loads((ATLAS / "countries-110m.json").read_text(encoding="utf-8"))
    version = json.loads((ATLAS / "package.json").read_text(encoding="utf-8"))["version"]
    arcs = _arcs(topology)
    countries = []
    for code, polygons in _polygons(topology):
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        countries.append({"code": code, "rings": rings})
    countries.sort(key=lambda c: (c["code"], c["rings"]))
    document = {
        "source": f"world-atlas {version}, countries-110m.json: Natural Earth, public domain",
        "step": STEP,
        "countries": countries,
    }
    OUTLINES.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    fine = json.loads((ATLAS / "countries-10m.json").read_text(encoding="utf-8"))
    islands = {
        "source": f"world-atlas {version}, countries-10m.json: Natural Earth, public domain",
        "islands": _islands(fine),
    }
    ISLANDS.write_text(json.dumps(islands, separators=(",", ":")) + "\n", encoding="utf-8")
    names = sorted((c.alpha_2, _name(c)) for c in pycountry.countries)
    lines = [
        '"""ISO 3166-1 alpha-2 country codes and their short English names. Made by',
        "scripts/world_outlines.py from pycountry "
        f'{getattr(pycountry, "__version__", "")} (Debian\'s iso-codes data): do not edit."""',
        "",
        "COUNTRIES: dict[str, str] = {",
        *(
            f"    {json.dumps(code)}: {json.dumps(name, ensure_ascii=False)},"
            for code, name in names
        ),
        "}",
        "",
    ]
    CODES.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
