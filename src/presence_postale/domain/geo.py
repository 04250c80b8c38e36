"""Places on the map: distances on the Earth's surface, and the shape of commune codes."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    # min(): rounding can push `a` a hair above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


Vector = tuple[float, float, float]


def unit_vector(lat: float, lon: float) -> Vector:
    """The point of the unit sphere at `lat`, `lon` (decimal degrees), as x, y, z.

    Between two such vectors the straight-line (chord) distance grows with the great-circle
    distance, so the nearest point by chord is the nearest on the Earth, and chords need only
    subtractions and products: the same in every implementation, to the last bit."""
    phi, lam = math.radians(lat), math.radians(lon)
    cos_phi = math.cos(phi)
    return (cos_phi * math.cos(lam), cos_phi * math.sin(lam), math.sin(phi))


def squared_chord(a: Vector, b: Vector) -> float:
    """The squared straight-line distance between two unit vectors, always computed in this
    order, so that any two ways of finding a nearest point agree exactly."""
    dx = a[0] - b[0]
    dy = a[1] - b[1]
    dz = a[2] - b[2]
    return dx * dx + dy * dy + dz * dz


def chord_km(squared: float) -> float:
    """The great-circle distance in kilometres of a squared chord of the unit sphere."""
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(squared) / 2))


def km_chord(km: float) -> float:
    """The chord of the unit sphere of a great-circle distance in kilometres."""
    return 2 * math.sin(min(km / EARTH_RADIUS_KM, math.pi) / 2)


def is_insee_code(text: str) -> bool:
    """An INSEE commune code (`03254`, `2A004`, `97105`; `99138` for a place abroad): the
    one rule of `domain.codes`."""
    from presence_postale.domain.codes import INSEE_RE

    return INSEE_RE.fullmatch(text) is not None
