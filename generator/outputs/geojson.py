"""`places.geojson`: the places with coordinates as a GeoJSON FeatureCollection (RFC 7946).

One Feature per place with coordinates, in order of id: a Point at [longitude, latitude] (RFC
7946's order, the reverse of the content's `coordinates: [latitude, longitude]`), with the
place's `id`, and as properties its `name`, `kind`, `country` (ISO 3166-1 alpha-2, or null),
`page` (the absolute URL of its page) and `events` (the ids of its events, in time order).
Places without coordinates are left out: GeoJSON has no geometry for "somewhere".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.model import urls
from generator.outputs.protocol import Files
from generator.render.inputs import Inputs


def geojson_files(inputs: Inputs, pages: Sequence[str]) -> Files:
    """`places.geojson` of the timeline's places."""
    yield urls.PLACES_GEOJSON, places_geojson(inputs)


def places_geojson(inputs: Inputs) -> bytes:
    """The FeatureCollection of every place with coordinates, as one line of UTF-8 JSON."""
    graph = inputs.graph
    base = graph.timeline.site.base_url
    features: list[dict[str, Any]] = []
    for place in graph.timeline.places.values():
        if place.coordinates is None:
            continue
        latitude, longitude = place.coordinates
        features.append(
            {
                "type": "Feature",
                "id": place.id,
                "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                "properties": {
                    "name": place.name,
                    "kind": place.kind,
                    "country": place.country or None,
                    "page": urls.absolute(base, urls.place(place.id)),
                    "events": [event.id for event in graph.by_place[place.id]],
                },
            }
        )
    document = {"type": "FeatureCollection", "features": features}
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
