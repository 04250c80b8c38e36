import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presence_postale.domain.geo import EARTH_RADIUS_KM, haversine_km

latitudes = st.floats(-90, 90)
longitudes = st.floats(-180, 180)


def test_paris_to_lyon() -> None:
    # Notre-Dame de Paris to Place Bellecour, Lyon: about 392 km as the crow flies.
    assert haversine_km(48.8530, 2.3499, 45.7578, 4.8320) == pytest.approx(392, abs=2)


def test_same_point_and_antipodes() -> None:
    assert haversine_km(46.2, 3.4, 46.2, 3.4) == 0
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * EARTH_RADIUS_KM)


@given(latitudes, longitudes, latitudes, longitudes)
def test_symmetric_and_bounded(lat1: float, lon1: float, lat2: float, lon2: float) -> None:
    there = haversine_km(lat1, lon1, lat2, lon2)
    assert there == pytest.approx(haversine_km(lat2, lon2, lat1, lon1), abs=1e-6)
    assert 0 <= there <= math.pi * EARTH_RADIUS_KM + 1e-6
