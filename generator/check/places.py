"""content/places/: where events happen, with a position only where a source or a gazetteer gives
one, and the country codes that places and actors may carry."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from generator.check.fields import Fields, value_kind
from generator.check.ids import check_id
from generator.check.updates import check_updates
from generator.errors import ContentError, did_you_mean
from generator.load.documents import Document
from generator.model.borders import country_at, near, plausible
from generator.model.countries import COUNTRIES
from generator.model.timeline import Place

PLACE_KEYS = ("name", "kind", "aliases", "coordinates", "country", "note", "updates")
# The countries whose English names take "the" ("not in the United States").
# fmt: off
_WITH_THE = frozenset({
    "AE", "AX", "BS", "CC", "CD", "CF", "CG", "CK", "DO", "FK", "FO", "GB", "GM", "IM", "IO", "KM",
    "KY", "MH", "MP", "MV", "NL", "PH", "SB", "SC", "TC", "TF", "UM", "US", "VA", "VG", "VI",
})
# fmt: on
_COORDINATES_FIX = "write `coordinates: [latitude, longitude]` in decimal degrees, as [41.9, 12.5]"


def check_places(documents: list[Document], errors: list[ContentError]) -> dict[str, Place]:
    """The places of `documents` by id, leaving out those with an invalid id; errors recorded."""
    places: dict[str, Place] = {}
    taken = {document.path.stem for document in documents}
    for document in documents:
        place_id = document.path.stem
        if not check_id(place_id, document.shown, "place", errors, taken):
            continue
        fields = Fields(document.meta, document.shown, errors)
        fields.check_keys(PLACE_KEYS)
        coordinates = _coordinates(fields)
        country = country_code(fields)
        if coordinates is not None and country:
            _check_in_country(fields, coordinates, country)
        note = fields.text("note")
        if coordinates is not None and not note:
            fields.error(
                "coordinates",
                "no `note:` says where the coordinates come from",
                "name the source or gazetteer in `note:` (GeoNames 3169070 …), or remove them",
            )
        places[place_id] = Place(
            id=place_id,
            name=fields.text("name", required=True),
            kind=fields.text("kind", required=True),
            aliases=tuple(item for _, item in fields.text_list("aliases") if item),
            coordinates=coordinates,
            country=country,
            note=note,
            body=document.body,
            path=document.shown,
            body_line=document.body_line,
            updates=check_updates(fields),
        )
    return places


def country_code(fields: Fields) -> str:
    """The ISO 3166-1 alpha-2 code at `country` (upper case), '' when absent or unknown."""
    code = fields.text("country")
    if not code:
        return ""
    if code.upper() in COUNTRIES:
        return code.upper()
    named = {name.casefold(): key for key, name in COUNTRIES.items()}
    by_name = named.get(code.casefold())
    hint = f" (`{by_name}` is {COUNTRIES[by_name]})" if by_name else did_you_mean(code, COUNTRIES)
    fields.error(
        "country",
        f"`{code}` is not an ISO 3166-1 alpha-2 country code{hint}",
        "write the two-letter code, such as PK for Pakistan or IT for Italy",
    )
    return ""


def _coordinates(fields: Fields) -> tuple[float, float] | None:
    """(latitude, longitude) at `coordinates`, each in range, or None."""
    value = fields.mapping.get("coordinates")
    if value is None:
        return None
    numbers = isinstance(value, list) and all(
        isinstance(item, int | float) and not isinstance(item, bool) for item in value
    )
    if not isinstance(value, list) or len(value) != 2 or not numbers:
        shape = value_kind(value) if not isinstance(value, list) else f"a list of {len(value)}"
        if isinstance(value, list) and len(value) == 2:
            shape = "a list that is not two numbers"
        fields.error(
            "coordinates", f"expected [latitude, longitude], got {shape}", _COORDINATES_FIX
        )
        return None
    latitude, longitude = float(value[0]), float(value[1])
    for index, number, limit, word in (
        (0, latitude, 90, "latitude"),
        (1, longitude, 180, "longitude"),
    ):
        if not -limit <= number <= limit:
            swapped = (
                " (are latitude and longitude swapped?)"
                if index == 0 and abs(number) <= 180
                else ""
            )
            fields.error(
                ("coordinates", index),
                f"{word} {value[index]} is out of range (-{limit} to {limit}){swapped}",
                _COORDINATES_FIX,
            )
            return None
    return latitude, longitude


def _check_in_country(fields: Fields, coordinates: tuple[float, float], code: str) -> None:
    """An error when `coordinates` lie farther than the tolerance from the country `code`, with
    the reading that would put them in it: latitude and longitude swapped, or a sign lost."""
    latitude, longitude = coordinates
    if plausible(latitude, longitude, code):
        return
    holder = country_at(latitude, longitude)
    where = f"in {_named(holder)}" if holder else "in the sea (in no country's outline)"
    fields.error(
        "coordinates",
        f"{_written(latitude, longitude)} is {where}, not in {_named(code)} ({code})",
        _reading(latitude, longitude, code),
    )


def _reading(latitude: float, longitude: float, code: str) -> str:
    """The fix: a reading of the same numbers that is in `code`, or where to look."""
    readings = (
        (longitude, latitude, "latitude comes first"),
        (latitude, -longitude, "west is negative, east positive"),
        (-latitude, longitude, "south is negative, north positive"),
    )
    for new_latitude, new_longitude, rule in readings:
        moved = (new_latitude, new_longitude) != (latitude, longitude)
        if moved and abs(new_latitude) <= 90 and near(new_latitude, new_longitude, code):
            return f"{rule}: did you mean {_written(new_latitude, new_longitude)}?"
    return "check them against the source that `note:` names, or correct `country:`"


def _written(latitude: float, longitude: float) -> str:
    """The coordinates as YAML reads back: [28.6083, -80.6041], whole numbers without '.0'."""
    numbers = (int(n) if n.is_integer() else n for n in (latitude, longitude))
    return "[" + ", ".join(repr(n) for n in numbers) + "]"


def _named(code: str) -> str:
    name = COUNTRIES.get(code, code)
    return f"the {name}" if code in _WITH_THE else name


def place_names(places: Mapping[str, Place]) -> dict[str, tuple[str, ...]]:
    """Every way an event may name a place (its id, its name, an alias) -> the ids it names."""
    names: dict[str, list[str]] = defaultdict(list)
    for place in places.values():
        for name in dict.fromkeys((place.id, place.name, *place.aliases)):
            if name and place.id not in names[name]:
                names[name].append(place.id)
    return {name: tuple(ids) for name, ids in sorted(names.items())}
