from datetime import date

import pytest

from presence_postale.domain.calendar import (
    TZ,
    holiday_name,
    holiday_subdivision,
    holidays_between,
    public_holidays,
)


@pytest.mark.parametrize(
    ("department", "subdivision"),
    [
        ("57", "57"),
        ("67", "6AE"),
        ("68", "6AE"),
        ("971", "971"),
        ("974", "974"),
        ("976", "976"),
        ("75", None),
        ("03", None),
        ("2A", None),
        (None, None),
    ],
)
def test_holiday_subdivision(department: str | None, subdivision: str | None) -> None:
    assert holiday_subdivision(department) == subdivision


def test_national_holidays_2021_in_french() -> None:
    found = public_holidays("95", 2021)
    assert found[date(2021, 5, 1)] == "Fête du Travail"
    assert found[date(2021, 5, 8)] == "Fête de la Victoire"
    assert found[date(2021, 7, 14)] == "Fête nationale"
    assert found[date(2021, 12, 25)] == "Noël"
    assert len(found) == 11


def test_every_holiday_of_every_department_has_an_english_name() -> None:
    """The calendar names holidays in French; the English catalogue names each of them."""
    from presence_postale.domain.calendar import _SUBDIVISIONS
    from presence_postale.formats.words import en

    names = {
        part
        for department in (None, *_SUBDIVISIONS)
        for year in range(2020, 2031)
        for name in public_holidays(department, year).values()
        for part in name.split("; ")
    }
    assert names <= set(en.LABELS["holiday"]), names - set(en.LABELS["holiday"])


def test_alsace_has_saint_etienne_paris_does_not() -> None:
    assert holiday_name(date(2021, 12, 26), "67") == "Saint-Étienne"
    assert holiday_name(date(2021, 12, 26), "68") == "Saint-Étienne"
    assert holiday_name(date(2021, 12, 26), "75") is None


def test_moselle_has_good_friday() -> None:
    assert holiday_name(date(2021, 4, 2), "57") == "Vendredi saint"
    assert holiday_name(date(2021, 4, 2), "03") is None


def test_reunion_abolition_of_slavery() -> None:
    assert holiday_name(date(2021, 12, 20), "974") == "Abolition de l'esclavage"


def test_ordinary_day_has_no_name() -> None:
    assert holiday_name(date(2021, 4, 27), "95") is None


def test_result_is_a_fresh_dict() -> None:
    first = public_holidays("95", 2021)
    first.clear()
    assert public_holidays("95", 2021)


def test_holidays_between_is_inclusive_and_spans_years() -> None:
    found = holidays_between(date(2020, 12, 25), date(2021, 1, 1), "67")
    assert found == {
        date(2020, 12, 25): "Noël",
        date(2020, 12, 26): "Saint-Étienne",
        date(2021, 1, 1): "Jour de l'an",
    }
    assert holidays_between(date(2021, 4, 26), date(2021, 5, 2), "95") == {
        date(2021, 5, 1): "Fête du Travail"
    }


def test_the_time_zone_is_paris() -> None:
    assert str(TZ) == "Europe/Paris"
