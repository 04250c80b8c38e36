"""One validator per record kind: what each derives, what each refuses, the same rule
whichever way a record comes in (the services, records files, `db copy` call these)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from presence_postale.domain import booking, validators
from presence_postale.domain.fields import FieldError
from presence_postale.domain.hours import Closure
from presence_postale.errors import Conflict
from refusals import english, refused

SITE = {"id": "mairie-x", "name": "Mairie de X", "kind": "mairie"}


def test_a_site_gets_its_department_from_its_insee_code() -> None:
    site = validators.site({**SITE, "insee_code": "68066"})
    assert site["department_code"] == "68"  # so Alsace's holidays apply
    assert validators.site({**SITE, "insee_code": "2a004"})["department_code"] == "2A"
    assert validators.site({**SITE, "insee_code": "97105"})["department_code"] == "971"
    assert site["name_key"] == "mairie de x"
    # An update of the INSEE code moves the site; a department alone is checked against it.
    assert validators.site({"insee_code": "95658"}, partial=True)["department_code"] == "95"
    with refused(FieldError, match="INSEE code 95658 is a commune of department 95"):
        validators.site({"department_code": "32"}, partial=True, current={"insee_code": "95658"})


def test_a_france_services_structure_keeps_the_department_it_serves() -> None:
    """The ANCT's file names the department a structure serves: the Eure's bus is housed in
    Rouen (76540). The import stores it so, and its records load back so."""
    bus = {**SITE, "kind": "autre", "insee_code": "76540", "department_code": "27"}
    assert validators.site({**bus, "source": "france_services"})["department_code"] == "27"
    with refused(FieldError, match="INSEE code 76540 is a commune of department 76"):
        validators.site({**bus, "source": "manual"})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"insee_code": "1"}, "insee_code"),
        ({"postcode": "9545"}, "postcode"),
        ({"email": "nobody"}, "email"),
        ({"phone": "appelez"}, "phone"),
        ({"staff_count": 1001}, "staff_count"),
        ({"staff_count": -1}, "staff_count"),
        ({"latitude": 45.0}, "longitude"),  # one coordinate without the other
        ({"name": "Mairie\nde X"}, "name"),
        ({"name": "Mairie \u202ede X"}, "name"),
        ({"name": " "}, "name"),
        ({"id": ""}, "id"),
        ({"kind": "chateau"}, "kind"),
        ({"opening_hours": "Mo-Fr 12:00-09:00"}, "opening_hours"),
        ({"opening_hours": "Mo 09:00-09:00"}, "opening_hours"),
        ({"parent_id": "mairie-x"}, "parent_id"),
    ],
)
def test_a_site_refuses(changes: dict[str, Any], field: str) -> None:
    with refused(FieldError) as caught:
        validators.site({**SITE, **changes})
    assert caught.value.field == field, english(caught.value)


def test_hours_past_midnight_are_asked_for_and_stored_explicitly() -> None:
    night = {**SITE, "opening_hours": "Fr 22:00-02:00"}
    assert validators.site(night, overnight=True)["opening_hours"] == "Fr 22:00-26:00"
    explicit = {**SITE, "opening_hours": "Fr 22:00-26:00; Sa 18:00-24:00; Su 20:00+"}
    assert validators.site(explicit)["opening_hours"] == explicit["opening_hours"]


def test_a_programme_model_is_a_vocabulary_and_a_title_is_required() -> None:
    base = {"code": "x-2021", "title": "X", "start_date": date(2021, 1, 4), "status": "planned"}
    assert validators.programme({**base, "model": "Coworking"})["model"] == "coworking"
    with refused(FieldError, match="expected one of france_services_mobilite"):
        validators.programme({**base, "model": "bogus"})
    with refused(FieldError, match="must not be empty"):
        validators.programme({**base, "model": "autre", "title": "  "})


def test_a_permanence_normalises_its_rule_and_orders_its_times() -> None:
    values = {
        "programme_code": "vigny-2021",
        "site_id": "17510A",
        "rrule": "rrule:freq=weekly;byday=tu",
        "start_time": time(9),
        "end_time": time(12),
        "valid_from": date(2021, 4, 27),
    }
    assert validators.permanence(values)["rrule"] == "FREQ=WEEKLY;BYDAY=TU"
    with refused(FieldError, match="end 09:00 is not after start 09:00"):
        validators.permanence({**values, "end_time": time(9)})
    with refused(FieldError, match="INTERVAL=0"):
        validators.permanence({**values, "rrule": "FREQ=DAILY;INTERVAL=0"})


@pytest.mark.parametrize(
    ("rule", "until"),
    [
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20200101", None),  # ends before the permanence starts
        ("FREQ=MONTHLY;BYDAY=5FR", date(2021, 4, 29)),  # 30 April is the 5th Friday
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", date(2023, 12, 31)),  # no leap day in time
    ],
)
def test_a_permanence_whose_rule_never_falls_while_valid_is_refused(
    rule: str, until: date | None
) -> None:
    """Whatever the path (an option, a records file, the seed), a permanence that would never
    take place is refused on its rule."""
    values = {
        "programme_code": "vigny-2021",
        "site_id": "17510A",
        "rrule": rule,
        "start_time": time(9),
        "end_time": time(12),
        "valid_from": date(2021, 4, 27),
        "valid_until": until,
    }
    never = "la règle ne donne aucune date entre le 27 avril 2021"
    with refused(FieldError, match=never) as caught:
        validators.permanence(values)
    assert caught.value.field == "rrule"


def _reservation(**changes: Any) -> dict[str, Any]:
    return {
        "space_id": "saint-clar",
        "start_at": datetime(2019, 5, 14, 9),
        "end_at": datetime(2019, 5, 14, 12),
        "category": "soho_solo",
        "email": "camille@example.org",
        **changes,
    }


def test_a_reservation_is_checked_for_shape_then_against_its_place() -> None:
    checked = validators.reservation(_reservation())
    assert (checked["status"], checked["channel"]) == ("confirmed", "email")
    with refused(FieldError, match="not an e-mail address"):
        validators.reservation(_reservation(email="nobody"))
    with refused(FieldError, match="same day"):
        validators.reservation(_reservation(end_at=datetime(2019, 5, 15, 9)))
    place = booking.Place(
        space_id="saint-clar",
        site_name="Saint-Clar",
        hours="Mo-Fr 09:00-12:00,14:00-17:00",
        categories=("soho_solo", "association"),
        holidays={date(2019, 5, 8): "Fête de la Victoire"},
        closures=(Closure(date(2019, 5, 22), date(2019, 5, 22), "travaux"),),
    )
    start, end = checked["start_at"], checked["end_at"]
    booking.check_place(place, "soho_solo", start, end, [])
    held = [booking.Held(1, start, end, "#1")]
    for category, day, begin, finish, key in [
        ("other", 14, 9, 12, "space.category_refused"),
        ("soho_solo", 8, 9, 12, "booking.holiday"),
        ("soho_solo", 22, 9, 12, "booking.site_closed"),
        ("soho_solo", 15, 11, 14, "booking.outside_hours"),
    ]:
        with pytest.raises(Conflict) as caught:
            booking.check_place(
                place,
                category,
                datetime(2019, 5, day, begin),
                datetime(2019, 5, day, finish),
                [],
            )
        assert caught.value.key == key
    with pytest.raises(Conflict) as caught:
        booking.check_place(place, "soho_solo", start, end, held)
    assert caught.value.key == "booking.full"


def test_a_mediation_session_needs_a_theme_and_counts_that_add_up() -> None:
    values = {
        "site_id": "00518A",
        "mediator_id": "allier-mediateur",
        "session_date": date(2019, 3, 19),
        "start_time": time(10),
        "duration_minutes": 90,
        "session_type": "collectif",
        "participants": 3,
        "themes": ["email"],
        "age_bands": {"70+": 3},
        "device_model": "Ardoiz",
    }
    checked = validators.mediation_session(values)
    assert checked["device_model"] == "ardoiz"  # the Coop's former code read as today's
    assert checked["checked"].counters.age_bands == {"soixante_dix_plus": 3}
    with refused(FieldError, match="at least one theme"):
        validators.mediation_session({**values, "themes": []})
    with refused(FieldError, match="age_bands"):
        validators.mediation_session({**values, "participants": 4})
    with refused(FieldError, match="listed twice"):
        validators.mediation_session({**values, "themes": ["email", "email"]})
    with refused(FieldError, match="U\\+202E"):
        validators.mediation_session({**values, "note": "a\u202eb"})


def test_no_check_makes_anything_of_nothing() -> None:
    """`field_checks.checked` does not ask a check about a field not given: every check of
    every record kind must give None for None (else a record without the field would differ
    from one that gives it empty)."""
    from presence_postale.domain import field_checks as fc
    from presence_postale.domain import validators

    checks = [
        (f"{name}.{field}", check)
        for name, table in vars(validators).items()
        if isinstance(table, dict) and table and all(callable(c) for c in table.values())
        for field, check in table.items()
    ]
    checks += [("opening_hours", fc.opening_hours(overnight)) for overnight in (False, True)]
    assert len(checks) > 60
    assert [name for name, check in checks if check(None, name.split(".")[-1]) is not None] == []


@pytest.mark.parametrize(
    ("start", "last"),
    [
        (date(2026, 1, 1), date(2030, 12, 31)),
        (date(2024, 2, 29), date(2029, 2, 27)),  # five years on: 28 February, the day before
        (date(2021, 6, 15), date(2026, 6, 14)),
    ],
)
def test_a_closure_lasts_five_years_at_most(start: date, last: date) -> None:
    closure = {"site_id": "17510A", "start_date": start, "reason": "travaux"}
    assert validators.closure({**closure, "end_date": last})["end_date"] == last
    for end in (last + timedelta(days=1), date(2199, 12, 31)):
        with refused(FieldError, match="une fermeture de plus de 5 ans est une fermeture"):
            validators.closure({**closure, "end_date": end})
    with refused(FieldError, match="précède le début"):
        validators.closure({**closure, "end_date": date(start.year - 1, 1, 1)})
