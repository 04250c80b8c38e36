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


def test_the_table_holds_what_the_holidays_package_gives() -> None:
    """Every year of the table, for France and each subdivision, is the package's own answer,
    names and days; when a release of the package changes one, this fails until
    `python -m presence_postale.domain.calendar` writes the table again."""
    import json
    from importlib import resources

    from presence_postale.domain.calendar import table_from_package

    text = (resources.files("presence_postale") / "data" / "holidays-fr.json").read_text("utf-8")
    assert json.loads(text) == table_from_package()


def test_every_year_and_department_reads_the_same_from_the_table_and_the_package() -> None:
    from presence_postale.domain.calendar import TABLE_YEARS, _holidays, from_package

    for subdivision in (None, *sorted(set(_SUBDIVISIONS_VALUES))):
        for year in (TABLE_YEARS[0], 2000, 2024, 2025, 2026, 2038, TABLE_YEARS[-1]):
            assert _holidays(subdivision, year) == from_package(subdivision, year)


_SUBDIVISIONS_VALUES = ("57", "6AE", "971", "972", "973", "974", "976", "PM", "BL", "MF")


@pytest.mark.parametrize("year", [1850, 1989, 2101])
def test_a_year_outside_the_table_comes_from_the_package(year: int) -> None:
    from presence_postale.domain.calendar import TABLE_YEARS, from_package

    assert year not in TABLE_YEARS
    assert public_holidays("67", year) == dict(from_package("6AE", year))
    if year == 1989:
        assert holiday_name(date(year, 12, 26), "67") == "Saint-Étienne"
