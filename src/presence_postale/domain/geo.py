"""Places on the map: distances on the Earth's surface, and the shape of commune codes."""

from __future__ import annotations

import math
import re

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    # min(): rounding can push `a` a hair above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


# An INSEE commune code: two digits (or Corsica's 2A / 2B), then three (`03254`, `2A004`,
# `97105`; `99138` for a place abroad).
_INSEE_RE = re.compile(r"(?:[0-9]{2}|2[AB])[0-9]{3}")


def is_insee_code(text: str) -> bool:
    return _INSEE_RE.fullmatch(text) is not None
