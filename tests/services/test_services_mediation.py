"""Mediation service on the seeded database: sessions and their warnings, a mediator's hours
against the contract, the evaluation report and the lieux de médiation numérique."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from typing import Any

import pytest
from mediation_sessions import ardoiz_workshop, count_sessions, new_session
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, InvalidData, Message, NotFound
from presence_postale.formats import words
from presence_postale.services import agents, site_changes, sites
from presence_postale.services import mediation as service
from presence_postale.store import db as store
from refusals import refused


def said(found: list[Message], lang: str = "fr") -> list[str]:
    """Warnings as people read them."""
    return [words.say(warning, lang) for warning in found]


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


# ---- add ------------------------------------------------------------------------------------


def test_add_inside_presence_has_no_warning(db: Session) -> None:
    record, warnings = service.add(db, new_session(db), strict=True)
    assert warnings == []
    assert record.id == 1
    assert service.row(service.get(db, 1)) == {
        "id": 1,
        "date": date(2019, 3, 19),
        "start": time(10),
        "duration_minutes": 90,
        "site_id": "00518A",
        "mediator": "allier-mediateur",
        "programme": "allier-mediation-2019",
        "type": "individuel",
        "participants": 1,
        "age_bands": {"soixante_dix_plus": 1},
        "social_statuses": {},
        "genders": {},
        "residence_communes": {},
        "themes": ["email", "navigation_sur_internet"],
        "procedure_details": None,
        "equipment": ["ordinateur"],
        "device_model": None,
        "autonomy": None,
        "place_type": "lieu_activite",
        "place_insee_code": None,
        "redirection": None,
        "redirection_detail": None,
        "workshop_title": None,
        "workshop_level": None,
        "note": None,
    }


def test_add_records_the_whole_coop_vocabulary(db: Session) -> None:
    new = ardoiz_workshop(
        db,
        participants=3,
        age_bands={"70+": 3},
        genders={"feminin": 2, "masculin": 1},
        residence_communes={"03254": 2, "03190": 1},
        themes=("aide_aux_demarches_administratives", "social_sante"),
        procedure_details="Mon espace santé",
        place_type="autre",
        place_insee_code="03254",
        redirection="operateur_ou_organisme_en_charge",
        redirection_detail="CPAM de l'Allier",
        workshop_title="Mes démarches de santé en ligne",
        workshop_level="intermediaire",
    )
    record, _ = service.add(db, new, strict=False)
    row = service.row(record)
    assert row["age_bands"] == {"soixante_dix_plus": 3}
    assert row["genders"] == {"feminin": 2, "masculin": 1}
    assert row["residence_communes"] == {"03254": 2, "03190": 1}
    assert row["themes"] == ["aide_aux_demarches_administratives", "social_sante"]
    assert (row["place_type"], row["place_insee_code"]) == ("autre", "03254")
    assert (row["redirection"], row["redirection_detail"]) == (
        "operateur_ou_organisme_en_charge",
        "CPAM de l'Allier",
    )
    assert (row["workshop_title"], row["workshop_level"]) == (
        "Mes démarches de santé en ligne",
        "intermediaire",
    )


def test_add_normalises_codes(db: Session) -> None:
    record, _ = service.add(
        db,
        ardoiz_workshop(db, session_type="Collectif", themes=("Prendre en main du materiel",)),
        strict=False,
    )
    assert record.device_model == "ardoiz"
    assert record.session_type == "collectif"
    assert record.themes == ["prendre_en_main_du_materiel"]


def test_add_wednesday_warns_outside_presence(db: Session) -> None:
    new = new_session(db, day=date(2019, 3, 20))
    record, warnings = service.add(db, new, strict=False)
    assert said(warnings, "en") == ["outside the mediator's scheduled presence"]
    assert record.id is not None


def test_add_strict_refuses_a_session_with_warnings(db: Session) -> None:
    with refused(Conflict, match=r"session refusée \(--strict\) : hors de la présence prévue"):
        service.add(db, new_session(db, day=date(2019, 3, 20)), strict=True)
    assert count_sessions(db) == 0


def test_warnings_after_the_presence_ends(db: Session) -> None:
    new = new_session(db, start=time(14, 30), minutes=60)
    assert said(service.session_warnings(db, new)) == ["hors de la présence prévue du médiateur"]


def test_warnings_at_a_site_without_ilot(db: Session) -> None:
    new = new_session(db, site="17510A")
    assert said(service.session_warnings(db, new), "en") == [
        "site without an îlot numérique",
        "outside the mediator's scheduled presence",
    ]


def test_warnings_longer_than_the_site_is_open(db: Session) -> None:
    # Vigny on Saturday: Sa 09:00-12:00, 180 minutes
    new = new_session(db, site="17510A", day=date(2021, 5, 15), start=time(9), minutes=240)
    assert "longer than the site is open that day (180 min)" in said(
        service.session_warnings(db, new), "en"
    )
    shorter = replace(new, given=replace(new.given, minutes=180))
    assert not any("longer" in w for w in said(service.session_warnings(db, shorter), "en"))
    # on 8 May the office is shut: PH off
    victory = replace(new, day=date(2021, 5, 8), given=replace(new.given, minutes=30))
    assert said(service.session_warnings(db, victory), "en")[:3] == [
        "public holiday (Victory Day)",
        "site without an îlot numérique",
        "longer than the site is open that day (0 min)",
    ]


def test_warnings_on_easter_monday(db: Session) -> None:
    new = new_session(db, day=date(2019, 4, 22))
    assert said(service.session_warnings(db, new), "fr") == [
        "jour férié (Lundi de Pâques)",
        "hors de la présence prévue du médiateur",
    ]
    assert said(service.session_warnings(db, new), "en")[0] == "public holiday (Easter Monday)"


def test_warnings_on_ascension_thursday_where_the_presence_is_skipped(db: Session) -> None:
    new = new_session(db, site="00502A", day=date(2019, 5, 30))
    assert said(service.session_warnings(db, new), "en") == [
        "public holiday (Ascension Day)",
        "outside the mediator's scheduled presence",
    ]


def test_warnings_on_a_closure_day(db: Session) -> None:
    site_changes.add_closure(
        db, sites.get(db, "00518A"), date(2019, 3, 19), date(2019, 3, 19), "works"
    )
    assert said(service.session_warnings(db, new_session(db)), "en") == [
        "outside the mediator's scheduled presence"
    ]


def test_presence(db: Session) -> None:
    assert service.presence(db, "allier-mediateur", "00518A", date(2019, 3, 19)) == [
        (time(9), time(15))
    ]
    assert service.presence(db, "allier-mediateur", "00518A", date(2019, 3, 21)) == []
    assert service.presence(db, "allier-mediateur", "00502A", date(2019, 3, 21)) == [
        (time(9), time(15))
    ]
    # before the programme starts on 2019-03-01
    assert service.presence(db, "allier-mediateur", "00518A", date(2019, 2, 26)) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"minutes": 0}, "invalid --duration 0"),
        ({"minutes": 900}, "invalid --duration 900"),
        ({"themes": ("email", "jardinage")}, "invalid --themes 'jardinage'"),
        ({"themes": ("email", "Email")}, "a theme is listed twice"),
        ({"themes": ()}, "invalid --themes: at least one theme"),
        ({"equipment": ("minitel",)}, "invalid --equipment 'minitel'"),
        ({"autonomy": "expert"}, "invalid --autonomy 'expert'"),
        ({"session_type": "atelier"}, "invalid --type 'atelier'"),
        ({"participants": 2}, "an individual session has 1"),
        ({"age_bands": {"70+": 2}}, "counts add up to 2, not to the 1"),
        (
            {"session_type": "collectif", "participants": 5, "age_bands": {"60-69": 3, "70+": 1}},
            "counts add up to 4, not to the 5 participants",
        ),
        ({"session_type": "collectif", "participants": None}, "needs --participants"),
        ({"place_type": "domicile", "place_insee_code": "3254"}, "INSEE commune code"),
        ({"genders": {"femme": 1}}, "invalid --genders 'femme'"),
    ],
)
def test_add_refuses_invalid_data(db: Session, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidData) as error:
        service.add(db, new_session(db, **changes), strict=False)
    assert message in words.say(error.value.message, "en")
    assert count_sessions(db) == 0


def test_get_unknown(db: Session) -> None:
    with refused(NotFound, match="mediation session #42 not found"):
        service.get(db, 42)


def test_listing_filters(db: Session) -> None:
    service.add(db, new_session(db), strict=False)
    service.add(db, ardoiz_workshop(db), strict=False)
    service.add(db, new_session(db, site="00502A", day=date(2019, 4, 4)), strict=False)
    service.add(db, new_session(db, programme=None, day=date(2019, 3, 26)), strict=False)
    assert [r["id"] for r in service.listing(db)] == [1, 2, 4, 3]
    assert [r["id"] for r in service.listing(db, site="00502A")] == [3]
    assert [r["id"] for r in service.listing(db, end=date(2019, 3, 19))] == [1, 2]
    assert [r["id"] for r in service.listing(db, start=date(2019, 3, 20))] == [4, 3]
    assert [r["id"] for r in service.listing(db, programme="allier-mediation-2019")] == [1, 2, 3]
    assert service.listing(db, mediator="vigny-conseillere-1") == []


# ---- hours ----------------------------------------------------------------------------------


def test_hours_an_ordinary_week(db: Session) -> None:
    (figures,) = service.hours(db, IsoWeek(2019, 12))
    assert figures == {
        "mediator": "allier-mediateur",
        "name": None,
        "week": "2019-W12",
        "scheduled_hours": 18.0,
        "contracted_hours": 18,
        "difference": 0.0,
        "lost_hours": 0.0,
        "absent_hours": 0.0,
        "status": "ok",
        "by_site": {"00486A": 6.0, "00502A": 6.0, "00518A": 6.0},
        "illustrative": True,
        "illustrative_reason": figures["illustrative_reason"],
    }
    # Both the contract's reading of « 18 heures » and the example schedule are illustrative.
    assert figures["illustrative_reason"].startswith("Heures au contrat : ")
    assert " ; Horaire : le document 004 ne donne que le total" in figures["illustrative_reason"]


def test_hours_ascension_week(db: Session) -> None:
    (figures,) = service.hours(db, IsoWeek(2019, 22))
    assert figures["scheduled_hours"] == 12.0
    assert figures["lost_hours"] == 6.0
    assert figures["difference"] == -6.0
    assert figures["status"] == "deficit"
    assert figures["by_site"] == {"00486A": 6.0, "00518A": 6.0}


def test_hours_easter_week_loses_nothing(db: Session) -> None:
    """Easter Monday is not a mediation day."""
    (figures,) = service.hours(db, IsoWeek(2019, 17))
    assert (figures["scheduled_hours"], figures["status"]) == (18.0, "ok")


def test_hours_before_the_programme(db: Session) -> None:
    (figures,) = service.hours(db, IsoWeek(2019, 8))
    assert (figures["scheduled_hours"], figures["status"]) == (0.0, "deficit")


def test_hours_a_closure_is_lost(db: Session) -> None:
    site_changes.add_closure(
        db, sites.get(db, "00486A"), date(2019, 3, 22), date(2019, 3, 22), "works"
    )
    (figures,) = service.hours(db, IsoWeek(2019, 12), agents.get(db, "allier-mediateur"))
    assert figures["scheduled_hours"] == 12.0
    assert figures["lost_hours"] == 6.0
    assert figures["by_site"] == {"00502A": 6.0, "00518A": 6.0}


def test_hours_of_an_agent_without_contract(db: Session) -> None:
    agent = agents.get(db, "allier-mediateur")
    agent.weekly_hours = None
    (figures,) = service.hours(db, IsoWeek(2019, 12), agent)
    assert figures["status"] == "unknown"
    assert figures["difference"] is None


def test_deficits(db: Session) -> None:
    ids = {"allier-mediateur", "vigny-conseillere-1", "nobody"}
    assert service.deficits(db, IsoWeek(2019, 12), ids) == []
    assert said(service.deficits(db, IsoWeek(2019, 22), ids)) == [
        "médiateur allier-mediateur : 12 h prévues pour 18 h au contrat"
    ]
    assert said(service.deficits(db, IsoWeek(2019, 22), ids), "en") == [
        "mediator allier-mediateur: 12 h scheduled, 18 h contracted"
    ]
