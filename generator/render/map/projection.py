"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), about a central meridian.

Coordinates are projected to Equal Earth's own units: x from about -2.71 to 2.71, y from about
-1.32 (south) to 1.32 (north); the drawing flips y.
"""

from __future__ import annotations

import math

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_RAD = math.pi / 180


def wrap(longitude: float) -> float:
    """A longitude in degrees, brought into [-180, 180)."""
    return (longitude + 180.0) % 360.0 - 180.0


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Degrees (longitude already turned about the central meridian, in [-180, 180]) ->
    Equal Earth (x, y), y to the north."""
    theta = math.asin(_M * math.sin(latitude * _RAD))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        longitude
        * _RAD
        * math.cos(theta)
        / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    )
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


# The whole world's extent in projected units: the equator's ends and the poles.
WORLD_X = project(0.0, 180.0)[0]
WORLD_Y = project(90.0, 0.0)[1]
