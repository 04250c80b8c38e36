"""The site registry on the seeded database: look-ups, hours, closures, nearest, changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Ambiguous, Conflict, InvalidData, Message, NotFound
from presence_postale.services import site_changes, sites
from presence_postale.services.site_changes import SiteChanges
from presence_postale.store import db as store
from presence_postale.store import models as m
from presence_postale.store import queries
from refusals import refused

TODAY = date(2021, 4, 27)  # what "today" is for these tests


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session whose changes are committed when the test body ends without error."""
    with store.session(engine, write=True) as session:
        yield session


def _reopen(engine: Engine) -> Session:
    return store.session(engine)  # type: ignore[return-value]


# ---- look-ups -------------------------------------------------------------------------------


def test_get_by_id_any_case(db: Session) -> None:
    assert sites.get(db, "17510A").name == "Bureau de poste de Vigny"
    assert sites.get(db, " 17510a ").id == "17510A"
    assert sites.get(db, "mairie-grisy-les-platres").kind == "mairie"


def test_get_by_name_forgives_accents_case_and_abbreviations(db: Session) -> None:
    assert sites.get(db, "Bureau de poste de Vigny").id == "17510A"
    assert sites.get(db, "BUREAU DE POSTE DE ST GERAND LE PUY").id == "00518A"
    assert sites.get(db, "mairie de grisy les platres").id == "mairie-grisy-les-platres"


def test_ambiguous_name_lists_the_candidates(db: Session) -> None:
    with pytest.raises(Ambiguous) as caught:
        sites.get(db, "grisy")
    message = str(caught.value)
    assert message.startswith("site « grisy » ambigu : ")
    assert "17461A Agence postale communale de Grisy-les-Plâtres" in message
    assert "mairie-grisy-les-platres Mairie de Grisy-les-Plâtres" in message


def test_ambiguous_name_with_many_candidates_says_how_many_more(db: Session) -> None:
    with refused(Ambiguous, match=r"and 7 more$"):
        sites.get(db, "bureau de poste")


def test_ambiguous_is_a_not_found(db: Session) -> None:
    with pytest.raises(NotFound):
        sites.get(db, "grisy")


def test_unknown_site_is_not_found(db: Session) -> None:
    with refused(NotFound, match=r"site 'XYZ' not found") as caught:
        sites.get(db, "XYZ")
    assert not isinstance(caught.value, Ambiguous)


def test_empty_reference_is_invalid(db: Session) -> None:
    with refused(InvalidData, match="empty site"):
        sites.get(db, "  ")


def test_search_st_gerand_finds_saint_gerand_le_puy(db: Session) -> None:
    assert [site.id for site in sites.search(db, "st gerand")] == ["00518A"]


def test_search_by_commune_and_department(db: Session) -> None:
    assert {site.id for site in sites.search(db, "grisy")} == {
        "17461A",
        "mairie-grisy-les-platres",
    }
    assert sites.search(db, "grisy", department="03") == []


def test_listing_by_department(db: Session) -> None:
    rows = sites.listing(db, department="95", today=TODAY)
    assert [row["id"] for row in rows] == [
        "17443A",
        "17461A",
        "17510A",
        "mairie-grisy-les-platres",
    ]
    vigny = next(row for row in rows if row["id"] == "17510A")
    assert vigny["labels"] == ["france_services"]


def test_listing_by_label_and_kind(db: Session) -> None:
    assert [r["id"] for r in sites.listing(db, label="france_services", today=TODAY)] == [
        "10900A",
        "17510A",
    ]
    assert [r["id"] for r in sites.listing(db, kind="mairie", today=TODAY)] == [
        "mairie-grisy-les-platres"
    ]


def test_listing_forgives_the_case_of_kind_and_label(db: Session) -> None:
    assert [r["id"] for r in sites.listing(db, kind="Mairie", today=TODAY)] == [
        "mairie-grisy-les-platres"
    ]
    assert [r["id"] for r in sites.listing(db, label="France Services", today=TODAY)] == [
        "10900A",
        "17510A",
    ]


def test_listing_unknown_department_or_kind(db: Session) -> None:
    with refused(NotFound, match="department '99' not found"):
        sites.listing(db, department="99", today=TODAY)
    with refused(InvalidData, match="invalid --kind 'chateau'"):
        sites.listing(db, kind="chateau", today=TODAY)


# ---- hours and closures ---------------------------------------------------------------------


def test_vigny_week_17_loses_may_day(db: Session) -> None:
    result = sites.week_hours(db, sites.get(db, "17510A"), IsoWeek(2021, 17))
    assert result.total_hours == 29.5
    assert result.open_days == 5
    saturday = result.days[5]
    assert saturday.day == date(2021, 5, 1)
    assert not saturday.is_open
    assert saturday.holiday == "Fête du Travail"


def test_vigny_week_without_holiday(db: Session) -> None:
    result = sites.week_hours(db, sites.get(db, "17510A"), IsoWeek(2021, 16))
    assert result.total_hours == 32.5
    assert result.open_days == 6
    assert [day.minutes for day in result.days] == [360, 360, 360, 330, 360, 180, 0]


def test_closures_are_applied(db: Session) -> None:
    vigny = sites.get(db, "17510A")
    closure = site_changes.add_closure(db, vigny, date(2021, 4, 19), date(2021, 4, 20), "travaux")
    assert closure.id is not None

    result = sites.week_hours(db, vigny, IsoWeek(2021, 16))

    assert result.total_hours == 20.5
    assert result.open_days == 4
    assert [day.closure for day in result.days[:3]] == ["travaux", "travaux", None]
    assert not result.days[0].is_open


def test_closure_across_weeks_is_listed_in_both(db: Session) -> None:
    vigny = sites.get(db, "17510A")
    site_changes.add_closure(db, vigny, date(2021, 4, 24), date(2021, 4, 27), "congés")
    week_16 = queries.closures_by_site(db, ["17510A"], date(2021, 4, 19), date(2021, 4, 25))
    assert [closure.reason for closure in week_16["17510A"]] == ["congés"]
    assert sites.week_hours(db, vigny, IsoWeek(2021, 17)).total_hours == 29.5 - 12


def test_closure_end_before_start_is_refused(db: Session) -> None:
    with refused(InvalidData, match="end 2021-05-01 is before start 2021-05-10"):
        site_changes.add_closure(
            db, sites.get(db, "17510A"), date(2021, 5, 10), date(2021, 5, 1), "x"
        )


def test_same_closure_twice_is_a_conflict(db: Session) -> None:
    vigny = sites.get(db, "17510A")
    site_changes.add_closure(db, vigny, date(2021, 6, 1), date(2021, 6, 15), "travaux")
    with refused(Conflict, match="already closed 2021-06-01 to 2021-06-15"):
        site_changes.add_closure(db, vigny, date(2021, 6, 1), date(2021, 6, 15), "travaux")


def test_closure_needs_a_reason(db: Session) -> None:
    with refused(InvalidData, match="--reason"):
        site_changes.add_closure(
            db, sites.get(db, "17510A"), date(2021, 6, 1), date(2021, 6, 1), " "
        )


# ---- nearest --------------------------------------------------------------------------------


def test_nearest_france_services_from_grisy(db: Session) -> None:
    lat, lon, name = sites.commune_position(db, "Grisy-les-Plâtres")
    assert name == "Grisy-les-Plâtres"
    rows = sites.nearest(db, lat, lon, label="france_services", today=TODAY)
    assert [row["id"] for row in rows] == ["17510A", "10900A"]
    assert rows[0]["distance_km"] == pytest.approx(10.7, abs=0.05)
    assert rows[0]["distance_km"] < rows[1]["distance_km"]


def test_nearest_without_filter_is_sorted_and_limited(db: Session) -> None:
    lat, lon, _ = sites.commune_position(db, "grisy les platres")
    rows = sites.nearest(db, lat, lon, limit=3, today=TODAY)
    assert len(rows) == 3
    assert rows[0]["id"] == "17461A"
    assert rows[0]["distance_km"] == 0.0
    distances = [row["distance_km"] for row in rows]
    assert distances == sorted(distances)


def test_nearest_unknown_commune(db: Session) -> None:
    with refused(NotFound, match="commune 'Atlantis' not found"):
        sites.commune_position(db, "Atlantis")


def test_nearest_bad_position_or_limit(db: Session) -> None:
    with refused(InvalidData, match="invalid position"):
        sites.nearest(db, 91.0, 0.0, today=TODAY)
    with refused(InvalidData, match="invalid --limit 0"):
        sites.nearest(db, 49.0, 2.0, limit=0, today=TODAY)


# ---- remove ---------------------------------------------------------------------------------


def test_remove_refused_while_permanences_refer_to_the_site(engine: Engine) -> None:
    with pytest.raises(Conflict) as caught, store.session(engine, write=True) as db:
        site_changes.remove(db, sites.get(db, "17443A"))
    assert str(caught.value) == "le site 17443A sert encore à 1 permanence ; rien n'est supprimé"
    with _reopen(engine) as db:
        assert db.get(m.Site, "17443A") is not None


def test_remove_refused_names_agents_and_spaces(db: Session) -> None:
    with refused(Conflict, match=r"2 agents \(home site\)"):
        site_changes.remove(db, sites.get(db, "17510A"))
    with refused(Conflict, match="1 coworking space;"):
        site_changes.remove(db, sites.get(db, "05712A"))


def test_remove_unreferenced_site_removes_its_links(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        site_changes.remove(db, sites.get(db, "05651A"))
    with _reopen(engine) as db:
        assert db.get(m.Site, "05651A") is None
        label = m.SiteLabelVersion
        assert db.exec(select(label).where(label.site_id == "05651A")).all() == []
        assert db.get(m.Site, "05652A") is not None


# ---- add and update -------------------------------------------------------------------------


def test_add_site_with_a_slug_id_and_links(engine: Engine) -> None:
    changes = SiteChanges(
        values={"name": "Mairie de Vigny", "kind": "mairie", "department_code": "95"},
        add_labels=("france_services",),
        add_operators=("caf",),
    )
    with store.session(engine, write=True) as db:
        site = site_changes.add(db, None, changes)
        assert site.id == "mairie-de-vigny"
    with _reopen(engine) as db:
        data = sites.detail(db, sites.get(db, "mairie de vigny"), today=TODAY)
    assert data["kind"] == "mairie"
    assert data["source"] == "manual"
    assert [lab["label"] for lab in data["labels"]] == ["france_services"]
    assert [op["code"] for op in data["operators"]] == ["caf"]


def test_add_normalises_vocabulary_codes(engine: Engine) -> None:
    changes = SiteChanges(
        values={"name": "Relais", "kind": "Relais Poste Commercant"},
        add_labels=("France Services",),
        add_equipment=("Ilot Numerique",),
    )
    with store.session(engine, write=True) as db:
        site_changes.add(db, "X1", changes)
    with _reopen(engine) as db:
        data = sites.detail(db, sites.get(db, "X1"), today=TODAY)
        assert [
            r["id"] for r in sites.listing(db, kind="relais_poste_commercant", today=TODAY)
        ] == ["X1"]
    assert data["kind"] == "relais_poste_commercant"
    assert [lab["label"] for lab in data["labels"]] == ["france_services"]
    assert data["equipment"] == ["ilot_numerique"]


def test_add_existing_id_is_a_conflict(db: Session) -> None:
    with refused(Conflict, match="site '17510A' already exists"):
        site_changes.add(db, "17510A", SiteChanges(values={"name": "Doublon", "kind": "mairie"}))


@pytest.mark.parametrize(
    ("values", "error", "message"),
    [
        ({"kind": "mairie"}, InvalidData, "invalid --name: it is required"),
        ({"name": "X"}, InvalidData, "invalid --kind: it is required"),
        ({"name": "X", "kind": "chateau"}, InvalidData, "invalid --kind 'chateau'"),
        ({"name": "X", "kind": "mairie", "department_code": "984"}, NotFound, "department '984'"),
        (
            {"name": "X", "kind": "mairie", "department_code": "99"},
            InvalidData,
            "invalid --department '99': not a department code",
        ),
        ({"name": "X", "kind": "mairie", "postcode": "9545"}, InvalidData, "invalid --postcode"),
        ({"name": "X", "kind": "mairie", "latitude": 95.0}, InvalidData, "invalid --lat '95.0'"),
        (
            {"name": "X", "kind": "mairie", "opening_hours": "Mo-Fr 9h-12h"},
            InvalidData,
            "invalid --hours 'Mo-Fr 9h-12h': not OpenStreetMap opening hours",
        ),
    ],
)
def test_add_validation(
    engine: Engine, values: dict[str, object], error: type[Exception], message: str
) -> None:
    with refused(error, match=message), store.session(engine, write=True) as db:
        site_changes.add(db, "NEW1", SiteChanges(values=values))
    with _reopen(engine) as db:
        assert db.get(m.Site, "NEW1") is None


def test_update_hours_and_staff(engine: Engine) -> None:
    hours = "Mo-Fr 09:00-12:00; Sa 09:00-12:00; PH off"
    with _reopen(engine) as db:
        before = sites.week_hours(db, sites.get(db, "00518A"), IsoWeek(2021, 16)).total_hours
    with store.session(engine, write=True) as db:
        site_changes.update(
            db,
            sites.get(db, "00518A"),
            SiteChanges(values={"opening_hours": hours, "staff_count": 2}),
            today=TODAY,
        )
    with _reopen(engine) as db:
        site = sites.get(db, "00518A")
        data = sites.detail(db, site, today=TODAY)
        assert (data["opening_hours"], data["staff_count"]) == (hours, 2)
        # From today (Tuesday 27 April 2021) on; the week before keeps what it had.
        assert sites.week_hours(db, site, IsoWeek(2021, 20)).total_hours == 18
        assert sites.week_hours(db, site, IsoWeek(2021, 16)).total_hours == before


@pytest.mark.parametrize(
    ("values", "error", "message"),
    [
        ({"opening_hours": "Mo-Fr 9h-12h"}, InvalidData, "not OpenStreetMap opening hours"),
        ({"department_code": "32"}, InvalidData, "INSEE code 95658 is a commune of department 95"),
        ({"department_code": "99"}, InvalidData, "not a department code"),
        ({"postcode": "ABCDE"}, InvalidData, "invalid --postcode 'ABCDE': not a postcode"),
        ({"staff_count": -1}, InvalidData, "invalid --staff '-1'"),
        ({"insee_code": "1"}, InvalidData, "invalid --insee '1': not an INSEE commune code"),
        ({"email": "nobody"}, InvalidData, "invalid --email 'nobody': not an e-mail address"),
        ({"name": "Vigny\nbis"}, InvalidData, "a name is one line"),
        ({"name": "Vigny \u202egnp.exe"}, InvalidData, "U\\+202E"),
        ({"opening_hours": "Mo-Fr 12:00-09:00"}, InvalidData, "ends before it starts"),
        ({"name": "   "}, InvalidData, "invalid --name"),
        ({}, InvalidData, "nothing to update"),
    ],
)
def test_update_validation_changes_nothing(
    engine: Engine, values: dict[str, object], error: type[Exception], message: str
) -> None:
    with refused(error, match=message), store.session(engine, write=True) as db:
        site_changes.update(db, sites.get(db, "17510A"), SiteChanges(values=values), today=TODAY)
    with _reopen(engine) as db:
        site = sites.get(db, "17510A")
        assert site.postcode == "95450"
        assert site.department_code == "95"
        assert sites.detail(db, site, today=TODAY)["opening_hours"].startswith("Mo-We,Fr")


def test_update_links(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        site_changes.update(
            db,
            sites.get(db, "17510A"),
            SiteChanges(
                values={},
                add_labels=("msap",),
                remove_operators=("dgfip",),
                add_equipment=("wifi",),
            ),
            today=TODAY,
        )
    with _reopen(engine) as db:
        data = sites.detail(db, sites.get(db, "17510A"), today=TODAY)
    assert [lab["label"] for lab in data["labels"]] == ["france_services", "msap"]
    assert len(data["operators"]) == 8
    assert "dgfip" not in {op["code"] for op in data["operators"]}
    assert data["equipment"] == ["wifi"]


def test_update_removing_an_absent_link_is_not_found(db: Session) -> None:
    with refused(NotFound) as missing:
        site_changes.update(
            db, sites.get(db, "17510A"), SiteChanges({}, remove_labels=("msap",)), today=TODAY
        )
    assert missing.value.message == Message(
        "site.no_label_on", {"site": "17510A", "label": "msap", "date": TODAY}
    )
    with refused(NotFound, match="operator 'edf' not found"):
        site_changes.update(
            db, sites.get(db, "17510A"), SiteChanges({}, add_operators=("edf",)), today=TODAY
        )
