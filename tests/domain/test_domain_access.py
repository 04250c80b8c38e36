"""Access figures and what-ifs on hand-built cases."""

from __future__ import annotations

from presence_postale.domain import access
from presence_postale.domain.access import Commune, Point

# Three communes on a meridian, two points: A's point P near the first, Q near the third.
# A degree of latitude is 111.2 km: 0.01 degree is 1.1 km.
A = Commune("32001", "A", "32", 1000, 43.00, 0.5, "mairie")
B = Commune("32002", "B", "32", 300, 43.03, 0.5, "mairie")
C = Commune("32003", "C", "32", 50, 43.10, 0.5, "mairie")
P = Point("05001A", "P", 43.00, 0.5)
Q = Point("05002A", "Q", 43.12, 0.5)


def _reach(points: list[Point]) -> list[access.Reach | None]:
    return access.reach(access.vectors([A, B, C]), points)


def test_each_commune_gets_its_nearest_point_and_the_share_within() -> None:
    reaches = _reach([P, Q])
    assert [r.point.id for r in reaches if r] == ["05001A", "05001A", "05002A"]
    assert [round(r.km, 2) for r in reaches if r] == [0.0, 3.34, 2.22]
    figures = access.figures([A, B, C], reaches, 5.0)
    assert (figures.population, figures.within, figures.share, figures.holds) == (
        1350,
        1350,
        1.0,
        True,
    )


def test_closing_a_point_sends_its_communes_to_the_next_one() -> None:
    before, after = _reach([P, Q]), _reach([Q])
    changes = access.changes([A, B, C], before, after)
    assert [(c.commune.name, c.after.point.id if c.after else None) for c in changes] == [
        ("A", "05002A"),
        ("B", "05002A"),
    ]
    # A is 13.3 km from Q, B 10 km: both fall beyond 5 km; C does not change.
    assert access.newly_beyond(changes, 5.0) == 1300
    assert access.newly_within(changes, 5.0) == 0
    figures = access.figures([A, B, C], after, 5.0)
    assert (figures.within, figures.beyond, figures.holds) == (50, 1300, False)


def test_opening_a_point_brings_communes_within() -> None:
    new = Point("new-1", None, 43.02, 0.5, role="added")
    before, after = _reach([Q]), _reach([Q, new])
    changes = access.changes([A, B, C], before, after)
    assert [c.commune.name for c in changes] == ["A", "B"]
    assert access.newly_within(changes, 5.0) == 1300


def test_the_rule_allows_ten_percent_beyond_and_not_more() -> None:
    assert access.Figures(3, 1000, 900).holds is True
    assert access.Figures(3, 1000, 899).holds is False
    assert access.Figures(0, 0, 0).holds is None and access.Figures(0, 0, 0).share is None
