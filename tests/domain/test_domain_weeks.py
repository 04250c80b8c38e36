import re
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presence_postale.domain.weeks import (
    IsoWeek,
    parse_date,
    parse_duration_ago,
    parse_month,
    parse_time,
    parse_week,
    weeks_in_year,
)
from presence_postale.errors import InvalidData
from refusals import refused

TODAY = date(2021, 4, 27)
# Keep clear of the calendar's ends, where next/previous weeks do not exist.
dates = st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31))


def test_iso_week_properties() -> None:
    week = IsoWeek(2021, 17)
    assert week.monday == date(2021, 4, 26)
    assert week.sunday == date(2021, 5, 2)
    assert week.days[0] == week.monday and week.days[-1] == week.sunday
    assert len(week.days) == 7
    assert week.label == str(week) == "2021-W17"
    assert week.next() == IsoWeek(2021, 18)
    assert week.previous() == IsoWeek(2021, 16)


def test_week_across_new_year() -> None:
    assert IsoWeek.containing(date(2021, 1, 1)) == IsoWeek(2020, 53)
    assert IsoWeek(2020, 53).next() == IsoWeek(2021, 1)
    assert IsoWeek(2021, 1).previous() == IsoWeek(2020, 53)
    assert weeks_in_year(2020) == 53 and weeks_in_year(2021) == 52


def test_impossible_week_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        IsoWeek(2021, 53)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("2021-W17", IsoWeek(2021, 17)),
        ("2021W17", IsoWeek(2021, 17)),
        ("2021-w17", IsoWeek(2021, 17)),
        (" 2021-W7 ", IsoWeek(2021, 7)),
        ("2020-W53", IsoWeek(2020, 53)),
        ("this", IsoWeek(2021, 17)),
        ("next", IsoWeek(2021, 18)),
        ("last", IsoWeek(2021, 16)),
        ("Next", IsoWeek(2021, 18)),
        ("2021-04-27", IsoWeek(2021, 17)),
        ("2021-05-02", IsoWeek(2021, 17)),
    ],
)
def test_parse_week(spec: str, expected: IsoWeek) -> None:
    assert parse_week(spec, TODAY) == expected


@pytest.mark.parametrize("spec", ["2021-W54", "2021-W60", "2021-W00", "2021-W53"])
def test_parse_week_out_of_range(spec: str) -> None:
    with pytest.raises(InvalidData, match=f"semaine « {spec} » invalide : 2021 compte 52 semaines"):
        parse_week(spec, TODAY)


@pytest.mark.parametrize("spec", ["", "W17", "2021-17", "soon", "2021-W", "17/2021"])
def test_parse_week_garbage_names_accepted_forms(spec: str) -> None:
    with pytest.raises(InvalidData, match="une semaine ISO comme 2021-W17, this, next"):
        parse_week(spec, TODAY)


def test_parse_week_bad_date() -> None:
    with pytest.raises(InvalidData, match="semaine « 2021-02-30 » invalide : cette date n'existe"):
        parse_week("2021-02-30", TODAY)


@given(dates)
def test_week_label_round_trip(day: date) -> None:
    week = IsoWeek.containing(day)
    assert parse_week(week.label, TODAY) == week


@given(dates)
def test_containing_week_includes_the_day(day: date) -> None:
    week = IsoWeek.containing(day)
    assert day in week.days
    assert week.monday.weekday() == 0 and week.sunday - week.monday == timedelta(days=6)
    assert week.next().previous() == week


@given(dates)
def test_relative_weeks(day: date) -> None:
    this = parse_week("this", day)
    assert parse_week("next", day) == this.next()
    assert parse_week("last", day) == this.previous()


def test_parse_date() -> None:
    assert parse_date("2021-04-27") == date(2021, 4, 27)
    assert parse_date(" 2021-04-27 ") == date(2021, 4, 27)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2021-02-30", "date « 2021-02-30 » invalide : cette date n'existe pas"),
        ("2021-13-01", "date « 2021-13-01 » invalide : cette date n'existe pas"),
        ("27/04/2021", "date « 27/04/2021 » invalide : une date comme 2021-04-27 est attendue"),
        ("2021-4-27", "une date comme"),
        ("2021-04-27T10:00", "une date comme"),
    ],
)
def test_parse_date_refusals(text: str, reason: str) -> None:
    with refused(InvalidData, match=reason):
        parse_date(text)


def test_parse_date_names_what_the_date_stands_for() -> None:
    with pytest.raises(InvalidData, match="semaine « x » invalide"):
        parse_date("x", "value.bad_week")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9)),
        ("9:00", time(9)),
        ("09h00", time(9)),
        ("9h", time(9)),
        ("09h30", time(9, 30)),
        ("9H30", time(9, 30)),
        ("00:00", time(0)),
        ("23:59", time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("25:00", "heure « 25:00 » invalide : l'heure doit être entre 0 et 23"),
        ("24:00", "heure « 24:00 » invalide : l'heure doit être entre 0 et 23"),
        ("12:60", "heure « 12:60 » invalide : les minutes doivent être entre 00 et 59"),
        ("9h5", "heure « 9h5 » invalide : une heure comme 09:00 ou 9h30 est attendue"),
        ("noon", "une heure comme"),
        ("", "une heure comme"),
    ],
)
def test_parse_time_refusals(text: str, reason: str) -> None:
    with pytest.raises(InvalidData, match=reason):
        parse_time(text)


@given(st.integers(0, 23), st.integers(0, 59))
def test_parse_time_round_trip(hour: int, minute: int) -> None:
    moment = time(hour, minute)
    assert parse_time(f"{hour:02d}:{minute:02d}") == moment
    assert parse_time(f"{hour}h{minute:02d}") == moment
    assert parse_time(moment.strftime("%H:%M")) == moment


def test_parse_month() -> None:
    assert parse_month("2019-05") == (2019, 5)
    with pytest.raises(InvalidData, match="mois « 2019-13 » invalide : le mois doit être entre"):
        parse_month("2019-13")
    with pytest.raises(InvalidData, match="un mois comme 2019-05 est attendu"):
        parse_month("May 2019")


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("30d", date(2021, 4, 27), date(2021, 3, 28)),
        ("2w", date(2021, 4, 27), date(2021, 4, 13)),
        ("6m", date(2021, 4, 27), date(2020, 10, 27)),
        ("12m", date(2021, 4, 27), date(2020, 4, 27)),
        ("1m", date(2021, 3, 31), date(2021, 2, 28)),
        ("1m", date(2020, 3, 31), date(2020, 2, 29)),
        ("2y", date(2020, 2, 29), date(2018, 2, 28)),
        ("3M", date(2021, 1, 15), date(2020, 10, 15)),
        ("0d", date(2021, 1, 15), date(2021, 1, 15)),
    ],
)
def test_parse_duration_ago(text: str, today: date, expected: date) -> None:
    assert parse_duration_ago(text, today) == expected


@pytest.mark.parametrize("text", ["12", "m", "12 months", "-3m", "1.5y"])
def test_parse_duration_ago_refusals(text: str) -> None:
    with pytest.raises(InvalidData, match=f"durée « {re.escape(text)} » invalide : un nombre et"):
        parse_duration_ago(text, TODAY)


def test_parse_duration_before_year_one() -> None:
    with pytest.raises(InvalidData, match="remonte avant l'an 1"):
        parse_duration_ago("3000y", TODAY)


@given(st.dates(min_value=date(101, 1, 1)), st.integers(0, 1200))
def test_months_back_lands_in_the_right_month(today: date, months: int) -> None:
    past = parse_duration_ago(f"{months}m", today)
    assert (today.year * 12 + today.month) - (past.year * 12 + past.month) == months
    assert past.day <= today.day
