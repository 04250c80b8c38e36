"""The grid index finds exactly the brute-force nearest point: same point, same distance."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.domain import nearest
from presence_postale.domain.geo import chord_km, haversine_km, km_chord, squared_chord, unit_vector

latitudes = st.floats(min_value=41.0, max_value=51.5, allow_nan=False)
longitudes = st.floats(min_value=-5.0, max_value=9.5, allow_nan=False)
positions = st.tuples(latitudes, longitudes)


@settings(max_examples=60, deadline=None)
@given(
    points=st.lists(positions, min_size=1, max_size=60),
    places=st.lists(positions, min_size=1, max_size=30),
    cell_km=st.sampled_from([0.5, 3.0, 10.0, 80.0]),
)
def test_the_index_agrees_exactly_with_brute_force(
    points: list[tuple[float, float]], places: list[tuple[float, float]], cell_km: float
) -> None:
    # Duplicated points make exact ties: the first of them must win both ways.
    vectors = [unit_vector(*p) for p in points + points[:3]]
    index = nearest.PointIndex(vectors, cell_km)
    queries = [unit_vector(*p) for p in places + points[:2]]
    assert index.nearest_all(queries) == [nearest.brute_force(vectors, q) for q in queries]


def test_a_place_far_from_every_point_is_found_by_the_wider_search() -> None:
    vectors = [unit_vector(48.85, 2.35), unit_vector(43.3, 5.37), unit_vector(-21.1, 55.5)]
    index = nearest.PointIndex(vectors, 1.0)
    found = index.nearest(unit_vector(4.9, -52.3))  # Cayenne: thousands of km from all
    assert found == nearest.brute_force(vectors, unit_vector(4.9, -52.3))
    assert found is not None and found.position == 1


def test_no_points_no_answer() -> None:
    assert nearest.PointIndex([]).nearest_all([unit_vector(45, 3)]) == [None]
    assert nearest.brute_force([], unit_vector(45, 3)) is None


def test_chord_distances_are_great_circle_distances() -> None:
    auch, condom = (43.6465, 0.5855), (43.9583, 0.3722)
    squared = squared_chord(unit_vector(*auch), unit_vector(*condom))
    assert math.isclose(chord_km(squared), haversine_km(*auch, *condom), rel_tol=1e-9)
    assert math.isclose(chord_km(km_chord(12.5) ** 2), 12.5, rel_tol=1e-12)
