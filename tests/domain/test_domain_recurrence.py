"""Recurrence rules: friendly `--every` words, the windowed expansion, rules in words."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.domain.recurrence import (
    dates_between,
    describe,
    fields,
    from_every,
    parse_rule,
    validate_rule,
)
from presence_postale.errors import InvalidData

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


# ---- from_every -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("tuesday", "FREQ=WEEKLY;BYDAY=TU"),
        ("Tuesday", "FREQ=WEEKLY;BYDAY=TU"),
        ("mardi", "FREQ=WEEKLY;BYDAY=TU"),
        ("every tuesday", "FREQ=WEEKLY;BYDAY=TU"),
        ("mon,thu", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("thu,mon", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("lundi, jeudi", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("1st,3rd thursday", "FREQ=MONTHLY;BYDAY=1TH,3TH"),
        ("3rd, 1st thursday", "FREQ=MONTHLY;BYDAY=1TH,3TH"),
        ("last friday", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("1er jeudi", "FREQ=MONTHLY;BYDAY=1TH"),
        ("dernier vendredi", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("1st,last monday", "FREQ=MONTHLY;BYDAY=1MO,-1MO"),
    ],
)
def test_from_every(text: str, rule: str) -> None:
    assert from_every(text) == rule
    assert validate_rule(rule) == rule


@pytest.mark.parametrize("text", ["funday", "", "every", "1st", "tuesday funday"])
def test_from_every_refuses_what_it_does_not_understand(text: str) -> None:
    with pytest.raises(InvalidData, match=r"invalid --every") as caught:
        from_every(text)
    if "funday" in text:
        assert "'funday' is not understood" in str(caught.value)


def test_from_every_rules_expand_as_expected() -> None:
    first = date(2021, 4, 1)
    assert dates_between(from_every("1st,3rd thursday"), first, first, date(2021, 5, 31)) == [
        date(2021, 4, 1),
        date(2021, 4, 15),
        date(2021, 5, 6),
        date(2021, 5, 20),
    ]
    assert dates_between(from_every("last friday"), first, first, date(2021, 6, 30)) == [
        date(2021, 4, 30),
        date(2021, 5, 28),
        date(2021, 6, 25),
    ]


# ---- parsing --------------------------------------------------------------------------------


def test_validate_rule_normalises() -> None:
    assert validate_rule("rrule:freq=weekly;byday=tu") == "FREQ=WEEKLY;BYDAY=TU"
    assert fields("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU") == {
        "FREQ": "WEEKLY",
        "INTERVAL": "2",
        "BYDAY": "TU",
    }


@pytest.mark.parametrize(
    ("rule", "fragment"),
    [
        ("", "expected one RRULE"),
        ("FREQ=WEEKLY;BYDAY=XX", "invalid rrule"),
        ("FREQ=HOURLY", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("DTSTART:20210101\nRRULE:FREQ=WEEKLY", "expected one RRULE"),
        ("BYDAY=TU", "invalid rrule"),
    ],
)
def test_parse_rule_refuses_bad_rules(rule: str, fragment: str) -> None:
    with pytest.raises(InvalidData, match="invalid rrule") as caught:
        parse_rule(rule)
    assert fragment in str(caught.value)


# ---- dates_between --------------------------------------------------------------------------


def test_dates_between_is_inclusive_and_starts_at_first() -> None:
    rule = "FREQ=WEEKLY;BYDAY=TU"
    first = date(2021, 4, 27)
    assert dates_between(rule, first, date(2021, 4, 1), date(2021, 5, 4)) == [
        date(2021, 4, 27),
        date(2021, 5, 4),
    ]
    assert dates_between(rule, first, date(2021, 5, 4), date(2021, 5, 4)) == [date(2021, 5, 4)]
    assert dates_between(rule, first, date(2021, 5, 5), date(2021, 5, 10)) == []
    assert dates_between(rule, first, date(2021, 5, 10), date(2021, 5, 1)) == []  # empty window
    assert dates_between(rule, first, date(2020, 1, 1), date(2021, 4, 26)) == []  # before first


def test_dates_between_old_series_far_window() -> None:
    """A weekly series started in 2000 gives exactly one date in a week of 2030."""
    first = date(2000, 1, 4)  # a Tuesday
    assert dates_between("FREQ=WEEKLY;BYDAY=TU", first, date(2030, 4, 22), date(2030, 4, 28)) == [
        date(2030, 4, 23)
    ]
    # Every other week, counted from the first date: 2030-04-23 is 1581 weeks after.
    assert (date(2030, 4, 23) - first).days // 7 == 1581
    assert (
        dates_between(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", first, date(2030, 4, 22), date(2030, 4, 28)
        )
        == []
    )
    assert dates_between(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", first, date(2030, 4, 29), date(2030, 5, 5)
    ) == [date(2030, 4, 30)]


def test_dates_between_keeps_count_and_month_end_rules_exact() -> None:
    # COUNT runs from the first date: only three occurrences ever.
    assert dates_between(
        "FREQ=WEEKLY;BYDAY=TU;COUNT=3", date(2021, 4, 27), date(2021, 5, 1), date(2021, 6, 30)
    ) == [date(2021, 5, 4), date(2021, 5, 11)]
    # The 31st of each month, from a 31st: months without one are skipped, never clamped.
    assert dates_between(
        "FREQ=MONTHLY", date(2020, 1, 31), date(2021, 1, 1), date(2021, 5, 31)
    ) == [
        date(2021, 1, 31),
        date(2021, 3, 31),
        date(2021, 5, 31),
    ]
    # 29 February, yearly.
    assert dates_between(
        "FREQ=YEARLY", date(2016, 2, 29), date(2017, 1, 1), date(2024, 12, 31)
    ) == [
        date(2020, 2, 29),
        date(2024, 2, 29),
    ]


def _naive(rule: str, first: date, window_start: date, window_end: date) -> list[date]:
    """The full expansion from the series' first date, as dateutil does it."""
    expanded = rrulestr(rule, dtstart=datetime.combine(first, time()))
    return [
        moment.date()
        for moment in expanded.between(
            datetime.combine(window_start, time()), datetime.combine(window_end, time()), inc=True
        )
    ]


@st.composite
def rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]))
    parts = [f"FREQ={freq}"]
    interval = draw(st.integers(1, 4))
    if interval != 1 or draw(st.booleans()):
        parts.append(f"INTERVAL={interval}")
    kinds = ["none", "days"] + (["nth", "monthday"] if freq == "MONTHLY" else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "days":
        days = draw(st.lists(st.sampled_from(DAY_CODES), min_size=1, max_size=7, unique=True))
        parts.append("BYDAY=" + ",".join(days))
    elif kind == "nth":
        nths = draw(
            st.lists(
                st.tuples(st.sampled_from([1, 2, 3, 4, 5, -1, -2]), st.sampled_from(DAY_CODES)),
                min_size=1,
                max_size=4,
                unique=True,
            )
        )
        parts.append("BYDAY=" + ",".join(f"{n}{day}" for n, day in nths))
    elif kind == "monthday":
        days_of_month = draw(
            st.lists(st.sampled_from([*range(1, 32), -1]), min_size=1, max_size=3, unique=True)
        )
        parts.append("BYMONTHDAY=" + ",".join(map(str, days_of_month)))
    if draw(st.booleans()):
        parts.append("WKST=" + draw(st.sampled_from(DAY_CODES)))
    return ";".join(parts)


@settings(max_examples=400, deadline=None)
@given(
    rule=rules(),
    first=st.dates(date(2015, 1, 1), date(2025, 12, 31)),
    offset=st.integers(-60, 5000),
    length=st.integers(0, 120),
)
def test_dates_between_equals_full_expansion(
    rule: str, first: date, offset: int, length: int
) -> None:
    """Moving the start up to the window loses nothing and adds nothing."""
    window_start = first + timedelta(days=offset)
    window_end = window_start + timedelta(days=length)
    assert dates_between(rule, first, window_start, window_end) == _naive(
        rule, first, window_start, window_end
    )


# ---- describe -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "fr", "en"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "chaque mardi", "every Tuesday"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", "chaque lundi, jeudi", "every Monday, Thursday"),
        (
            "FREQ=MONTHLY;BYDAY=1TH,3TH",
            "1er jeudi, 3e jeudi du mois",
            "1st Thursday, 3rd Thursday of the month",
        ),
        ("FREQ=MONTHLY;BYDAY=-1FR", "dernier vendredi du mois", "last Friday of the month"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", None),
        ("rrule:freq=weekly;byday=we", "chaque mercredi", "every Wednesday"),
    ],
)
def test_describe(rule: str, fr: str, en: str | None) -> None:
    assert describe(rule) == fr
    assert describe(rule, "en") == (en if en is not None else fr)


def test_describe_refuses_an_invalid_rule() -> None:
    with pytest.raises(InvalidData):
        describe("FREQ=SOMETIMES")
