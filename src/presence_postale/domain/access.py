"""Access to a point: how far each commune's town hall is from the nearest point of a kind,
and what share of a population lives within a distance.

The rule of La Poste's territorial-presence mission: no more than 10% of a department's
population may live more than 5 km from a contact point. Distances are great-circle
distances between the commune's point (its town hall, or a point inside it) and the point's
position: straight lines, not roads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from presence_postale.domain import nearest
from presence_postale.domain.geo import Vector, unit_vector

RULE_KM = 5.0
# At most this share (percent) of the population beyond the distance.
RULE_MAX_BEYOND_PERCENT = 10


class Commune(NamedTuple):
    insee_code: str
    name: str
    department: str
    population: int | None
    latitude: float
    longitude: float
    # `mairie` (the town hall's point) or `polygone` (a point inside the commune).
    position: str | None


class Point(NamedTuple):
    """A place people can go to: a site, or a point added for a what-if."""

    id: str
    name: str | None
    latitude: float
    longitude: float
    department: str | None = None
    # `site` (a point of the kind asked), `added` (--with), `host` (a permanence's host site)
    role: str = "site"


class Reach(NamedTuple):
    """The nearest point of a commune, and how far it is."""

    point: Point
    km: float


def vectors(items: Iterable[Commune | Point]) -> list[Vector]:
    return [unit_vector(item.latitude, item.longitude) for item in items]


def reach(
    places: Sequence[Vector], points: Iterable[Point], *, brute_force: bool = False
) -> list[Reach | None]:
    """The nearest of `points` to each place (None when there are no points). Points are
    taken by id, so that of two at the same distance the smaller id is the answer, whichever
    way it is found; `brute_force` compares every place with every point."""
    ordered = sorted(points, key=lambda p: p.id)
    point_vectors = vectors(ordered)
    if brute_force:
        found = [nearest.brute_force(point_vectors, place) for place in places]
    else:
        found = nearest.PointIndex(point_vectors).nearest_all(places)
    return [None if f is None else Reach(ordered[f.position], f.km) for f in found]


@dataclass(frozen=True)
class Figures:
    """Population within a distance of a point, over some communes."""

    communes: int
    population: int
    within: int

    @property
    def beyond(self) -> int:
        return self.population - self.within

    @property
    def share(self) -> float | None:
        """The share within, 0 to 1 (None without population)."""
        return self.within / self.population if self.population else None

    @property
    def holds(self) -> bool | None:
        """Whether at most 10% of the population lives beyond (None without population)."""
        if not self.population:
            return None
        return self.beyond * 100 <= self.population * RULE_MAX_BEYOND_PERCENT


def is_within(found: Reach | None, km: float) -> bool:
    return found is not None and found.km <= km


def figures(communes: Sequence[Commune], reaches: Sequence[Reach | None], km: float) -> Figures:
    population = within = 0
    for commune, found in zip(communes, reaches, strict=True):
        people = commune.population or 0
        population += people
        if is_within(found, km):
            within += people
    return Figures(len(communes), population, within)


def by_department(
    communes: Sequence[Commune], reaches: Sequence[Reach | None], km: float
) -> dict[str, Figures]:
    """Figures per department code, in code order."""
    groups: dict[str, list[int]] = defaultdict(list)
    for position, commune in enumerate(communes):
        groups[commune.department].append(position)
    return {
        code: figures([communes[i] for i in positions], [reaches[i] for i in positions], km)
        for code, positions in sorted(groups.items())
    }


class Change(NamedTuple):
    """A commune whose nearest point a what-if changes."""

    commune: Commune
    before: Reach | None
    after: Reach | None


def changes(
    communes: Sequence[Commune],
    before: Sequence[Reach | None],
    after: Sequence[Reach | None],
) -> list[Change]:
    """The communes whose nearest point, or its distance, differs between two sets of points."""
    return [
        Change(commune, old, new)
        for commune, old, new in zip(communes, before, after, strict=True)
        if old != new
    ]


def newly_beyond(found: Sequence[Change], km: float) -> int:
    """The population within `km` before and beyond it after."""
    return sum(
        c.commune.population or 0
        for c in found
        if is_within(c.before, km) and not is_within(c.after, km)
    )


def newly_within(found: Sequence[Change], km: float) -> int:
    return sum(
        c.commune.population or 0
        for c in found
        if not is_within(c.before, km) and is_within(c.after, km)
    )
