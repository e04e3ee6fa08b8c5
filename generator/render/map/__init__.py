"""The places map: an inline SVG of country outlines and places, drawn at build time.

Natural Earth's 1:110m countries (npm `world-atlas`, public domain) ship in `model/data/`, made by
`scripts/world_outlines.py`; the build needs no network and no npm. Each module imports only from
those listed before it:

- `projection`: the Equal Earth projection, longitudes turned about a central meridian;
- `world`: the shipped outlines (`model/outlines.py`), cut at the map's antimeridian and projected;
- `frame`: the central meridian and the box a map shows, fitted to its places with a margin;
- `draw`: the markup (`draw.map_svg`), with the list of the same places beside it.
"""
