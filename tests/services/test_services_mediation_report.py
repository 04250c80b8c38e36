"""The mediation report: the Coop's breakdowns on the seeded database and a few sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from mediation_sessions import ardoiz_workshop, new_session
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain import vocab
from presence_postale.errors import InvalidData
from presence_postale.services import mediation
from presence_postale.services import mediation_report as service
from presence_postale.store import db as store
from refusals import refused

MARCH = {"start": date(2019, 3, 1), "end": date(2019, 3, 31)}


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


@pytest.fixture
def march(db: Session) -> Session:
    """Three sessions in March 2019 (7 people, 4 hours) and one in April."""
    mediation.add(db, new_session(db, social_statuses={"retraite": 1}), strict=True)
    mediation.add(
        db,
        ardoiz_workshop(
            db,
            genders={"feminin": 3, "masculin": 2},
            residence_communes={"03235": 3, "03173": 1, "non_communique": 1},
            workshop_title="Prendre en main sa tablette",
            workshop_level="debutant",
        ),
        strict=True,
    )
    mediation.add(
        db,
        new_session(
            db,
            site="00502A",
            day=date(2019, 3, 21),
            minutes=30,
            themes=("aide_aux_demarches_administratives", "logement"),
            age_bands={"40-59": 1},
            genders={"feminin": 1},
            residence_communes={"99999": 1},
            autonomy="autonome",
            redirection="aide_sociale",
            place_type="a_distance",
        ),
        strict=False,
    )
    mediation.add(db, new_session(db, day=date(2019, 4, 2)), strict=True)
    return db


def counts(rows: list[dict], key: str, measure: str) -> dict[str, int]:
    return {r[key]: r[measure] for r in rows if r[measure]}


def test_totals_sites_and_months(march: Session) -> None:
    data = service.report(march, **MARCH)
    assert (data["sessions"], data["people"], data["hours"]) == (3, 7, 4.0)
    assert (data["seniors"], data["senior_share"]) == (6, round(6 / 7, 4))
    assert [(r["site_id"], r["sessions"], r["people"], r["hours"]) for r in data["by_site"]] == [
        ("00502A", 1, 1, 0.5),
        ("00518A", 2, 6, 3.5),
    ]
    assert data["by_site"][0]["site_name"] == "Bureau de poste de Noyant-d'Allier"
    assert data["by_month"] == [{"month": "2019-03", "sessions": 3, "people": 7, "hours": 4.0}]
    assert data["ardoiz"] == {"sessions": 1, "people": 5, "hours": 2.0}


def test_session_breakdowns_list_every_code(march: Session) -> None:
    data = service.report(march, **MARCH)
    assert [r["place_type"] for r in data["by_place_type"]] == list(vocab.PLACE_TYPES)
    assert counts(data["by_place_type"], "place_type", "sessions") == {
        "lieu_activite": 2,
        "a_distance": 1,
    }
    assert counts(data["by_type"], "type", "sessions") == {"individuel": 2, "collectif": 1}
    assert counts(data["by_theme_family"], "family", "sessions") == {
        "numerique": 2,
        "demarches": 1,
    }
    # Most sessions first, then in the Coop's order; a session counts once in each theme.
    assert [(r["theme"], r["sessions"], r["family"]) for r in data["by_theme"][:4]] == [
        ("prendre_en_main_du_materiel", 1, "numerique"),
        ("navigation_sur_internet", 1, "numerique"),
        ("email", 1, "numerique"),
        ("aide_aux_demarches_administratives", 1, "demarches"),
    ]
    assert data["by_theme"][0]["share"] == round(1 / 3, 4)
    assert len(data["by_theme"]) == 30
    assert counts(data["by_equipment"], "equipment", "sessions") == {
        "ordinateur": 2,
        "tablette": 1,
    }
    assert counts(data["by_autonomy"], "autonomy", "sessions") == {"autonome": 1}
    assert counts(data["by_redirection"], "redirection", "sessions") == {"aide_sociale": 1}
    assert [(r["duration_band"], r["sessions"]) for r in data["by_duration_band"]] == [
        ("30", 0),
        ("60", 1),
        ("120", 1),
        ("more", 1),
    ]


def test_people_breakdowns_count_the_uncounted_as_not_given(march: Session) -> None:
    # Communes are named after a site there; 99999 has none.
    data = service.report(march, **MARCH)
    assert counts(data["by_age_band"], "age_band", "people") == {
        "quarante_cinquante_neuf": 1,
        "soixante_soixante_neuf": 3,
        "soixante_dix_plus": 3,
    }
    # The workshop counted no status: its five people are « non communiqué ».
    assert counts(data["by_social_status"], "social_status", "people") == {
        "retraite": 1,
        "non_communique": 6,
    }
    assert counts(data["by_gender"], "gender", "people") == {
        "feminin": 4,
        "masculin": 2,
        "non_communique": 1,
    }
    assert sum(r["people"] for r in data["by_gender"]) == data["people"]
    assert [(r["insee_code"], r["commune"], r["people"]) for r in data["by_commune"]] == [
        ("03235", "Saint-Gérand-le-Puy", 3),
        ("03173", "Molinet", 1),
        ("99999", None, 1),
        ("non_communique", None, 2),
    ]


def test_one_site(march: Session) -> None:
    only = service.report(march, **MARCH, site="00502A")
    assert (only["sessions"], only["people"]) == (1, 1)


def test_report_without_known_ages(db: Session) -> None:
    mediation.add(db, new_session(db, age_bands={"non_communique": 1}), strict=True)
    data = service.report(db, **MARCH)
    assert (data["people"], data["seniors"], data["senior_share"]) == (1, 0, None)


def test_empty_report(db: Session) -> None:
    data = service.report(db, **MARCH)
    assert (data["sessions"], data["people"], data["hours"]) == (0, 0, 0)
    assert data["senior_share"] is None
    assert data["by_site"] == [] and data["by_commune"] == []
    assert all(r["sessions"] == 0 and r["share"] is None for r in data["by_place_type"])
    assert data["ardoiz"] == {"sessions": 0, "people": 0, "hours": 0.0}


def test_report_reversed_range(db: Session) -> None:
    with refused(InvalidData, match="--to 2019-03-01 is before --from 2019-03-31"):
        service.report(db, start=date(2019, 3, 31), end=date(2019, 3, 1))
