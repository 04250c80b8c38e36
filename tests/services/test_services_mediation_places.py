"""The lieux de médiation numérique (LaMednum standard) from the seeded database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from mediation_sessions import ardoiz_workshop
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.formats import lamednum
from presence_postale.services import mediation
from presence_postale.services import mediation_places as service
from presence_postale.store import db as store
from presence_postale.store import models as m

TODAY = date(2024, 8, 2)  # what "today" is for these tests


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


def test_places(db: Session) -> None:
    rows = {r["id"]: r for r in service.places(db, today=TODAY)}
    assert {"00486A", "00502A", "00518A", "17510A"} <= set(rows)
    for site_id in ("00486A", "00502A", "00518A"):
        place = rows[site_id]
        # The schema's fields, in its order (`itinerance` between `source` and the parent).
        assert tuple(place) == lamednum.FIELDS
        assert place["services"] == (
            "Accès internet et matériel informatique|Maîtrise des outils numériques du quotidien"
        )
        assert place["modalites_accompagnement"] == "Accompagnement individuel|En autonomie"
        assert place["horaires"] is None
        assert place["dispositif_programmes_nationaux"] is None
        assert place["frais_a_charge"] == "Gratuit"
        assert (place["source"], place["itinerance"]) == ("La Poste", "Fixe")
        # La Poste's national short number is not a line of the site: left out.
        assert place["telephone"] is None
    vigny = rows["17510A"]
    assert vigny["dispositif_programmes_nationaux"] == "France Services"
    assert vigny["horaires"] == (
        "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00"
    )
    assert vigny["code_postal"] == "95450"


def test_an_anct_structure_its_itinerance_phone_and_update_day(db: Session) -> None:
    stamp = datetime(2024, 8, 1, 22, 30, tzinfo=UTC)  # 2 August in France
    db.add(
        m.Site(
            id="fs-3",
            name="Bus France services Thiérache Sambre et Oise",
            name_key="bus",
            kind="autre",
            address="6 Rue André Godin",
            postcode="02120",
            commune="Guise",
            insee_code="02361",
            department_code="02" if db.get(m.Department, "02") else None,
            phone="07 85 78 24 48",
            source="france_services",
            created_at=stamp,
            updated_at=stamp,
        )
    )
    db.flush()
    db.add(
        m.SiteLabelVersion(
            site_id="fs-3",
            label="france_services",
            valid_from=date(2024, 1, 1),
            detail="Bus_équivalent",
            source="france_services",
            recorded_at=stamp,
        )
    )
    db.flush()
    place = {r["id"]: r for r in service.places(db, today=TODAY)}["fs-3"]
    assert place["source"] == "ANCT"
    assert place["itinerance"] == "Itinérant"
    assert place["telephone"] == "+33785782448"
    assert place["date_maj"] == date(2024, 8, 2)
    assert place["structure_parente"] is None


@pytest.mark.parametrize(
    ("phone", "department", "expected"),
    [
        ("04 70 90 12 34", "03", "+33470901234"),
        ("+33 4 70 90 12 34", "03", "+33470901234"),
        ("0590 12 34 56", "971", "+590590123456"),
        ("0262 12 34 56", "974", "+262262123456"),
        ("3631", "03", None),
        ("n/c", "03", None),
        (None, "03", None),
    ],
)
def test_phones_in_e164(phone: str | None, department: str, expected: str | None) -> None:
    assert lamednum.e164(phone, department) == expected


@pytest.mark.parametrize(
    ("fs_format", "expected"),
    [
        ("Fixe", "Fixe"),
        ("Bus_équivalent", "Itinérant"),
        ("Itinérante", "Itinérant"),
        (None, "Fixe"),
    ],
)
def test_itinerance_from_the_anct_format(fs_format: str | None, expected: str) -> None:
    assert lamednum.itinerance(fs_format) == expected


def test_places_take_the_sessions_themes(db: Session) -> None:
    mediation.add(
        db,
        ardoiz_workshop(
            db, themes=("securite_numerique", "aide_aux_demarches_administratives", "logement")
        ),
        strict=True,
    )
    place = {r["id"]: r for r in service.places(db, today=TODAY)}["00518A"]
    assert place["services"].split("|") == [
        "Accès internet et matériel informatique",
        "Aide aux démarches administratives",
        "Maîtrise des outils numériques du quotidien",
        "Utilisation sécurisée du numérique",
    ]
    assert place["modalites_accompagnement"] == (
        "Accompagnement individuel|Dans un atelier collectif|En autonomie"
    )


def test_places_of_one_department(db: Session) -> None:
    assert [r["id"] for r in service.places(db, department="03", today=TODAY)] == [
        "00486A",
        "00502A",
        "00518A",
    ]
    assert service.places(db, department="2A", today=TODAY) == []
