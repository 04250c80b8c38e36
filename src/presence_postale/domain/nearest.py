"""The nearest point of a set, for tens of thousands of places at once.

Points and places are unit vectors (`geo.unit_vector`): the nearest point is the one at the
smallest chord, which is the one at the smallest great-circle distance. Points are kept in a
grid of cubes of side `h` over 3-D space (a dictionary of the cubes that hold points: the
sphere's surface crosses few of them). A place is compared with the points of its own cube and
of the 26 around it; every point outside that block is farther than `h` in straight line, so
when the best point found is nearer than `h` it is the nearest of all. A place with nothing
that near looks in ever wider shells of cubes, with the same argument at each step.

The answer is exactly the brute-force one: the smallest squared chord computed by
`geo.squared_chord`, ties going to the point that comes first in the list given (give the
points in a stable order, e.g. by id). `brute_force` is that definition, kept for the tests
and the benchmark.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from presence_postale.domain.geo import Vector, chord_km, km_chord, squared_chord

# The grid's cube, as a distance on the ground: measured on all of France (35,000 town halls
# against 17,000 contact points), 8 to 12 km are equally fast; smaller cubes send more places
# to the wider search, larger ones compare each place with more points.
CELL_KM = 10.0
# A point outside the searched block is farther than the bound in exact arithmetic; the
# margin keeps that true whatever the rounding of the cube a coordinate falls in.
_SAFETY = 1 - 1e-9

Cell = tuple[int, int, int]
Candidate = tuple[float, float, float, int]


class Nearest(NamedTuple):
    """The nearest point: its position in the list given, and its distance."""

    position: int
    squared: float

    @property
    def km(self) -> float:
        return chord_km(self.squared)


def brute_force(points: Sequence[Vector], place: Vector) -> Nearest | None:
    """The definition: every point compared, the first of the nearest kept."""
    best: Nearest | None = None
    for index, point in enumerate(points):
        squared = squared_chord(point, place)
        if best is None or squared < best.squared:
            best = Nearest(index, squared)
    return best


class PointIndex:
    """Points in a grid of cubes over the unit sphere's 3-D space."""

    def __init__(self, points: Sequence[Vector], cell_km: float = CELL_KM) -> None:
        self.size = km_chord(cell_km)
        self.count = len(points)
        self._points = points
        cells: dict[Cell, list[Candidate]] = defaultdict(list)
        size = self.size
        for index, (x, y, z) in enumerate(points):
            cells[(math.floor(x / size), math.floor(y / size), math.floor(z / size))].append(
                (x, y, z, index)
            )
        self._cells = dict(cells)

    def cell(self, place: Vector) -> Cell:
        size = self.size
        return (
            math.floor(place[0] / size),
            math.floor(place[1] / size),
            math.floor(place[2] / size),
        )

    def _shell(self, centre: Cell, radius: int) -> list[Candidate]:
        """The points of the cubes at exactly `radius` cubes from `centre` (in each axis at
        most `radius`, in one at least)."""
        ci, cj, ck = centre
        cells = self._cells
        found: list[Candidate] = []
        span = range(-radius, radius + 1)
        for di in span:
            edge_i = di in (-radius, radius)
            for dj in span:
                if edge_i or dj in (-radius, radius):
                    offsets: Iterable[int] = span
                else:
                    offsets = (-radius, radius) if radius else (0,)
                for dk in offsets:
                    points = cells.get((ci + di, cj + dj, ck + dk))
                    if points:
                        found.extend(points)
        return found

    def nearest(self, place: Vector) -> Nearest | None:
        """The nearest point to `place`, or None when there are no points."""
        return self.nearest_all([place])[0]

    def nearest_all(self, places: Sequence[Vector]) -> list[Nearest | None]:
        """The nearest point to each place, in the order given. Places are taken cube by
        cube: the points around a cube are gathered once for all its places."""
        answers: list[Nearest | None] = [None] * len(places)
        if not self.count:
            return answers
        by_cell: dict[Cell, list[int]] = defaultdict(list)
        for position, place in enumerate(places):
            by_cell[self.cell(place)].append(position)
        limit = self.size * self.size * _SAFETY
        for centre, positions in by_cell.items():
            block = self._shell(centre, 0) + self._shell(centre, 1)
            for position in positions:
                best = _best(block, places[position])
                if best is None or best.squared >= limit:
                    best = self._search(centre, places[position], best)
                answers[position] = best
        return answers

    def _search(self, centre: Cell, place: Vector, best: Nearest | None) -> Nearest:
        """Shells of cubes ever farther out, until nothing outside can be nearer."""
        radius = 1
        # Beyond this radius the shells cover the whole sphere (chord at most 2).
        last = math.ceil(2 / self.size) + 1
        while best is None or best.squared >= (radius * self.size) ** 2 * _SAFETY:
            radius += 1
            if radius > last or radius * radius * 24 > self.count:
                # As many cubes to visit as there are points: compare them all.
                found = brute_force(self._points, place)
                assert found is not None  # the index holds points
                return found
            candidate = _best(self._shell(centre, radius), place)
            if candidate is not None and (
                best is None
                or candidate.squared < best.squared
                or (candidate.squared == best.squared and candidate.position < best.position)
            ):
                best = candidate
        return best


def _best(candidates: list[Candidate], place: Vector) -> Nearest | None:
    """The nearest of `candidates` (ties: the first in the original list)."""
    qx, qy, qz = place
    best_squared = math.inf
    best_index = -1
    for x, y, z, index in candidates:
        dx = x - qx
        dy = y - qy
        dz = z - qz
        squared = dx * dx + dy * dy + dz * dz
        if squared < best_squared or (squared == best_squared and index < best_index):
            best_squared = squared
            best_index = index
    if best_index < 0:
        return None
    return Nearest(best_index, best_squared)
