from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presence_postale.domain import hours
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.fields import FieldError
from presence_postale.domain.history import Timeline, Version
from presence_postale.domain.hours import (
    CLOSED,
    END_OF_DAY,
    OPEN,
    UNKNOWN,
    Closure,
    DayHours,
    day_hours,
    is_open_during,
    open_days,
    total_hours,
    validate,
    week_hours,
)
from presence_postale.errors import InvalidData
from refusals import english, refused

VIGNY = "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00; PH off"
MAY_DAY = {date(2021, 5, 1): "Fête du Travail"}


def _week(monday: date) -> list[DayHours]:
    return week_hours(VIGNY, monday, holidays_between(monday, monday + timedelta(6), "95"))


def test_vigny_week_17_loses_may_day_saturday() -> None:
    days = _week(date(2021, 4, 26))
    assert [day.day for day in days] == [date(2021, 4, 26) + timedelta(n) for n in range(7)]
    saturday = days[5]
    assert not saturday.is_open and saturday.holiday == "Fête du Travail"
    assert sum(day.hours for day in days) == 29.5
    assert sum(day.is_open for day in days) == 5


def test_vigny_ordinary_week() -> None:
    days = _week(date(2021, 4, 19))
    assert sum(day.hours for day in days) == 32.5
    assert sum(day.is_open for day in days) == 6
    assert days[0].describe() == "09:00-12:00, 14:30-17:30"
    assert days[3].describe() == "09:00-12:00, 15:00-17:30"
    assert days[3].minutes == 330
    assert days[5].describe() == "09:00-12:00"
    assert days[6].describe() == "" and days[6].holiday is None


def test_vigny_week_18_victory_day() -> None:
    saturday = _week(date(2021, 5, 3))[5]
    assert saturday.day == date(2021, 5, 8)
    assert saturday.holiday == "Fête de la Victoire" and not saturday.is_open


def test_holiday_without_ph_rule_is_closed() -> None:
    day = day_hours("Mo-Sa 09:00-12:00", date(2021, 5, 1), MAY_DAY)
    assert day.intervals == () and day.holiday == "Fête du Travail"


def test_holiday_follows_its_ph_rule() -> None:
    expr = "Mo-Sa 09:00-18:00; PH 10:00-12:00"
    assert day_hours(expr, date(2021, 5, 1), MAY_DAY).describe() == "10:00-12:00"
    assert day_hours(expr, date(2021, 5, 1)).describe() == "09:00-18:00"


@pytest.mark.parametrize(
    ("expr", "on_holiday", "on_monday"),
    [
        ("Su,PH 10:00-12:00", "10:00-12:00", ""),
        ("PH,Su off; Mo-Sa 08:00-12:00", "", "08:00-12:00"),
        ("Mo-Fr 10:00-12:00, PH 10:00-11:00", "10:00-11:00", "10:00-12:00"),
        ("PH 10:00-11:00; PH off", "", ""),
        ('Mo-Fr 08:00-09:00 "fermé; PH 10:00-11:00"', "", "08:00-09:00"),
        ("Mo-Fr 08:00-09:00; PH closed", "", "08:00-09:00"),
    ],
)
def test_ph_rule_variants(expr: str, on_holiday: str, on_monday: str) -> None:
    assert day_hours(expr, date(2021, 5, 1), MAY_DAY).describe() == on_holiday
    assert day_hours(expr, date(2021, 5, 3), MAY_DAY).describe() == on_monday


def test_closure_wins() -> None:
    closures = [Closure(date(2021, 4, 26), date(2021, 4, 28), "travaux")]
    day = day_hours(VIGNY, date(2021, 4, 27), closures=closures)
    assert day.closure == "travaux" and day.minutes == 0 and not day.is_open
    assert day_hours(VIGNY, date(2021, 4, 29), closures=closures).is_open


def test_closure_dates_must_be_in_order() -> None:
    with refused(InvalidData, match="end 2021-04-01 is before start 2021-04-02"):
        Closure(date(2021, 4, 2), date(2021, 4, 1), "x")


def test_unknown_hours() -> None:
    day = day_hours(None, date(2021, 4, 27))
    assert day.intervals == () and day.describe() == ""
    assert (day.state, day.is_open, day.known_minutes) == (UNKNOWN, False, None)


def test_unknown_hours_are_not_closed_and_total_nothing() -> None:
    monday = date(2021, 4, 26)
    days = week_hours(None, monday, MAY_DAY, [Closure(monday, monday, "travaux")])
    # The closure is known; every other day, the May Day Saturday included, is unknown.
    assert [day.state for day in days] == [CLOSED] + [UNKNOWN] * 6
    assert days[5].holiday == "Fête du Travail"
    assert (total_hours(days), open_days(days)) == (None, None)
    closed_all_week = week_hours(None, monday, {}, [Closure(monday, monday + timedelta(6), "x")])
    assert (total_hours(closed_all_week), open_days(closed_all_week)) == (0, 0)
    known = week_hours(VIGNY, monday, MAY_DAY)
    assert [day.state for day in known] == [OPEN] * 5 + [CLOSED] * 2
    assert (total_hours(known), open_days(known)) == (29.5, 5)


def test_always_open() -> None:
    day = day_hours("24/7", date(2021, 4, 27))
    assert day.intervals == ((time(0), END_OF_DAY),)
    assert day.minutes == 1440 and day.hours == 24
    assert day.describe() == "00:00-24:00"


def test_span_past_midnight_is_clipped() -> None:
    day = day_hours("Mo-Su 22:00-02:00", date(2021, 4, 27))
    assert day.describe() == "00:00-02:00, 22:00-24:00"
    assert day.minutes == 240


def test_comment_changes_do_not_split_an_opening() -> None:
    day = day_hours('Mo-Su 10:00-12:00 "a", Mo-Su 12:00-14:00 "b"', date(2021, 4, 27))
    assert day.describe() == "10:00-14:00"


def test_unknown_state_is_not_open() -> None:
    assert not day_hours("Mo-Su 10:00-12:00 unknown", date(2021, 4, 27)).is_open


def test_is_open_during() -> None:
    tuesday = date(2021, 4, 27)
    assert is_open_during(VIGNY, tuesday, time(9), time(12))
    assert is_open_during(VIGNY, tuesday, time(10), time(11, 30))
    assert not is_open_during(VIGNY, tuesday, time(11), time(15))  # across lunch
    assert not is_open_during(VIGNY, tuesday, time(8, 30), time(10))
    assert not is_open_during(VIGNY, tuesday, time(10), time(10))
    assert not is_open_during(VIGNY, date(2021, 5, 1), time(9), time(10), MAY_DAY)
    assert is_open_during("24/7", tuesday, time(23), END_OF_DAY)


def test_validate() -> None:
    assert validate("  Mo-Fr 09:00-12:00 ") == "Mo-Fr 09:00-12:00"
    assert validate(VIGNY) == VIGNY


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        (
            "Mo-Fr 9h-12h",
            "invalid opening_hours 'Mo-Fr 9h-12h': not OpenStreetMap opening hours: "
            "at character 7 ('9h-12h'), expected times like 09:00-12:00",
        ),
        ("", "invalid opening_hours '': expected opening hours like Mo-Fr 09:00-12:00"),
        ("   ", "invalid opening_hours '': expected opening hours"),
        ("Mo-Fr 09:00-12:00 ;", "the expression ends too early"),
        ("lundi 9-12", "at character 1 ('lundi 9-12'), expected rules like"),
    ],
)
def test_validate_refusals(expr: str, message: str) -> None:
    with pytest.raises(InvalidData) as caught:
        validate(expr)
    assert message in english(caught.value)
    assert "\n" not in english(caught.value)


def test_spans_across_midnight_are_cut_there_and_carried_into_the_next_week() -> None:
    """A week's days, whatever day is asked first: Sunday night's opening runs into the next
    Monday, and a day asked alone reads the same as in its week."""
    night = "Su 22:00-26:00, We 23:00-25:30"
    monday = date(2021, 4, 26)
    alone = [day_hours(night, monday + timedelta(n)).intervals for n in (6, 3, 2, 0)]
    days = [day.intervals for day in week_hours(night, monday)]
    assert [days[n] for n in (6, 3, 2, 0)] == alone
    assert days == [
        ((time(0), time(2)),),  # Sunday 25 April's night
        (),
        ((time(23), END_OF_DAY),),
        ((time(0), time(1, 30)),),
        (),
        (),
        ((time(22), END_OF_DAY),),
    ]
    next_monday = week_hours(night, monday + timedelta(7))[0]
    assert (next_monday.describe(), next_monday.minutes) == ("00:00-02:00", 120)


def test_a_comment_does_not_split_an_opening() -> None:
    expr = 'Mo-Fr 09:00-12:00 "accueil", Mo-Fr 12:00-14:00 "sur rendez-vous", Sa 10:00-11:00'
    days = week_hours(expr, date(2021, 4, 19))
    assert [day.describe() for day in days] == ["09:00-14:00"] * 5 + ["10:00-11:00", ""]


def test_day_hours_refuses_invalid_expression() -> None:
    with refused(InvalidData, match="not OpenStreetMap opening hours"):
        day_hours("Mo-Fr 9h-12h", date(2021, 4, 27))


@given(st.text())
def test_validate_raises_only_invalid_data(text: str) -> None:
    try:
        assert validate(text) == text.strip()
    except InvalidData as error:
        assert "\n" not in english(error)


EXPRESSIONS = [
    VIGNY,
    "24/7",
    "Mo-Su 22:00-02:00",
    "Mo-Fr 08:00-12:00,13:00-18:00; PH 10:00-12:00",
    "Mo-Su 00:00-48:00",
    "Su,PH off; Mo-Sa 06:00-23:30",
    "Jan-Jun Mo-Fr 09:00-12:00; Jul-Dec Tu 14:00-16:00",
]


@given(
    st.sampled_from(EXPRESSIONS),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.booleans(),
    st.booleans(),
)
def test_day_minutes_are_bounded(expr: str, day: date, holiday: bool, closed: bool) -> None:
    holidays = {day: "Férié"} if holiday else {}
    closures = [Closure(day, day, "travaux")] if closed else []
    hours = day_hours(expr, day, holidays, closures)
    assert 0 <= hours.minutes <= 1440
    if closed:
        assert hours.minutes == 0 and hours.closure == "travaux"
    for start, end in hours.intervals:
        assert start < end


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Mo-Fr 09:00-12:00,11:00-14:00", "09:00-12:00", "11:00-14:00"),
        ("Mo 14:00-17:00,00:00-24:00", "00:00-24:00", "14:00-17:00"),
        ("Sa 09:00 - 12:00 , 09:00 - 12:00", "09:00 - 12:00", "09:00 - 12:00"),
        ("Mo-Fr 09:00-12:00; Sa 10:00-12:00,11:00-13:00", "10:00-12:00", "11:00-13:00"),
    ],
)
def test_spans_of_one_rule_that_overlap_are_refused(text: str, first: str, second: str) -> None:
    with refused(FieldError, match=f"spans {first} and {second} overlap"):
        hours.check(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mo-Fr 09:00-17:00; We 09:00-12:00",  # a later rule overrides: OSM's exceptions
        "Mo 09:00-12:00,12:00-14:00",  # touching, not overlapping
        "Mo 09:00-12:00, Tu 10:00-11:00",  # two rules, one a day
        'Mo 09:00-12:00 "fermé 10:00-11:00"',  # a comment holds no span
    ],
)
def test_spans_that_do_not_overlap_are_taken(text: str) -> None:
    assert hours.check(text) == text


@pytest.mark.parametrize(
    "hours_of",
    [
        "Mo-Fr 09:00-12:00,14:00-17:00; PH 10:00-11:00",
        "Mo-Su 22:00-02:00",
        None,
        Timeline((Version(date(2021, 5, 12), "Tu-Sa 08:30-12:00; We off"),)),
        Timeline(
            (
                Version(date(2021, 1, 4), VIGNY),
                Version(date(2021, 5, 12), "Tu-Sa 08:30-12:00; We off"),
            )
        ),
        Timeline((Version(date(2021, 1, 4), "Mo-Sa 09:00-12:00"),)),
    ],
)
def test_a_week_is_its_seven_days(hours_of: hours.Hours) -> None:
    """A week read at once (one expression all week: checked and evaluated once) has the days
    read one by one: holidays with their PH rule (Ascension, 13 May 2021), closures, a history
    that changes on the Wednesday or began before the week, unknown hours."""
    monday = date(2021, 5, 10)
    holidays = holidays_between(monday, monday + timedelta(6), "95")
    closures = [Closure(date(2021, 5, 11), date(2021, 5, 11), "congés")]
    for shut in ((), closures):
        one_by_one = [day_hours(hours_of, monday + timedelta(n), holidays, shut) for n in range(7)]
        assert week_hours(hours_of, monday, holidays, shut) == one_by_one
    days = week_hours("Mo-Fr 09:00-12:00,14:00-17:00; PH 10:00-11:00", monday, holidays, closures)
    assert [day.describe() for day in days] == [
        "09:00-12:00, 14:00-17:00",
        "",
        "09:00-12:00, 14:00-17:00",
        "10:00-11:00",
        "09:00-12:00, 14:00-17:00",
        "",
        "",
    ]
    assert (days[1].closure, days[3].holiday) == ("congés", "Ascension")
    tuesday = week_hours("Mo-Su 10:00-11:00", monday + timedelta(1))  # a week from a Tuesday
    assert [day.day for day in tuesday] == [monday + timedelta(n) for n in range(1, 8)]
    assert {day.describe() for day in tuesday} == {"10:00-11:00"}


def test_a_week_closed_throughout_reads_no_expression() -> None:
    """Closed every day: the days are the closure's, whatever the expression, as a day alone
    would have them; a day open is read, and a broken expression refused."""
    monday = date(2021, 5, 10)
    closed = [Closure(monday, monday + timedelta(6), "travaux")]
    days = week_hours("Mo-Fr 9h", monday, {}, closed)
    assert days == [day_hours("Mo-Fr 9h", monday + timedelta(n), {}, closed) for n in range(7)]
    assert {day.closure for day in days} == {"travaux"}
    with pytest.raises(FieldError):
        week_hours("Mo-Fr 9h", monday, {}, closed[:0])
