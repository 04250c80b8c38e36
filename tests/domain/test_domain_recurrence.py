"""Recurrence rules: friendly `--every` words, the windowed expansion, rules in words."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.domain.recurrence import (
    dates_between,
    fields,
    from_every,
    parse_rule,
    summary,
    validate_rule,
)
from presence_postale.errors import InvalidData
from refusals import english, refused

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
    with refused(InvalidData, match=r"invalid --every") as caught:
        from_every(text)
    if "funday" in text:
        assert "'funday' is not understood" in english(caught.value)


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
        ("", "expected one rule such as FREQ=WEEKLY;BYDAY=TU"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX: expected days MO to SU"),
        ("FREQ=HOURLY", "at most once a day: FREQ=HOURLY is not accepted"),
        ("DTSTART:20210101\nRRULE:FREQ=WEEKLY", "expected one rule"),
        ("BYDAY=TU", "FREQ is missing"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0: the interval is a whole number from 1 to 366"),
        ("FREQ=MONTHLY;INTERVAL=-1", "INTERVAL=-1: the interval is a whole number from 1 to 24"),
        ("garbage", "'GARBAGE' is not NAME=VALUE"),
        ("FREQ=DAILY;BYHOUR=9,10", "BYHOUR is not accepted"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "the rule never yields a date"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT=0: expected a whole number from 1 to 1000"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20210701", "COUNT and UNTIL exclude each other"),
        ("FREQ=WEEKLY;UNTIL=2021", "UNTIL=2021: expected a date"),
        ("FREQ=WEEKLY;UNTIL=21000101T250000Z", "UNTIL=21000101T250000Z"),
        # At the ends of the calendar, UTC has no Paris time: refused, not an overflow.
        ("FREQ=WEEKLY;UNTIL=99991231T235959Z", "UNTIL=99991231T235959Z: expected a date"),
        ("FREQ=WEEKLY;UNTIL=00010101T000000Z", "UNTIL=00010101T000000Z: expected a date"),
        ("FREQ=MONTHLY;BYWEEKNO=2", "BYWEEKNO does not go with FREQ=MONTHLY"),
        ("FREQ=WEEKLY;BYDAY=1TU", "BYDAY=1TU"),
        ("FREQ=WEEKLY;FREQ=DAILY", "FREQ is given twice"),
        ("FREQ=WEEKLY;X-NAME=1", "X-NAME is not a part of a rule"),
        ("FREQ=WEEKLY;" + "BYDAY=TU;" * 40, "characters: at most 300"),
        # Digits are ASCII: int() reads an Arabic-Indic or a full-width two, no calendar does.
        ("FREQ=WEEKLY;INTERVAL=\u0662", "INTERVAL=\u0662: the interval is a whole number"),
        ("FREQ=WEEKLY;COUNT=\uff13", "COUNT=\uff13: expected a whole number"),
        ("FREQ=MONTHLY;BYMONTHDAY=\u0663", "BYMONTHDAY=\u0663: each value goes"),
        ("FREQ=MONTHLY;BYDAY=\u0662TU", "BYDAY=\u0662TU"),
    ],
)
def test_parse_rule_refuses_bad_rules_in_words(rule: str, fragment: str) -> None:
    """Every refusal says which part and why, in the tool's words (never dateutil's)."""
    with refused(InvalidData, match="invalid rrule") as caught:
        parse_rule(rule)
    assert fragment in english(caught.value)
    assert "unpack" not in english(caught.value)


@pytest.mark.parametrize(
    ("rule", "last"),
    [
        # Each RFC 5545 form of UNTIL: a date (the whole day), local time, UTC.
        ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701", date(2021, 7, 1)),
        ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T090000", date(2021, 7, 1)),
        ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T085959", date(2021, 6, 24)),
        # 07:00 UTC is 09:00 in Paris in summer: the 09:00 occurrence is the last one.
        ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T070000Z", date(2021, 7, 1)),
        # Midnight UTC is 02:00 in Paris: before a 09:00 occurrence that day.
        ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T000000Z", date(2021, 6, 24)),
        ("FREQ=MONTHLY;BYDAY=1TH;UNTIL=20210701T070000Z", date(2021, 7, 1)),
    ],
)
def test_every_until_form_is_accepted_and_exact(rule: str, last: date) -> None:
    assert validate_rule(rule) == rule
    dates = dates_between(rule, date(2021, 6, 1), date(2021, 6, 1), date(2021, 8, 31), at=time(9))
    assert dates[-1] == last


def test_expansion_is_bounded_whatever_the_rule() -> None:
    """A window longer than the bound is refused in words; a count walks no further than the
    window; a rare rule (29 February on a Monday) costs the window, not the centuries."""
    with refused(InvalidData, match="at most 4018 days"):
        dates_between("FREQ=DAILY", date(1900, 1, 1), date(1900, 1, 1), date(2199, 12, 31))
    rare = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"
    assert dates_between(rare, date(2000, 1, 1), date(2021, 1, 1), date(2030, 12, 31)) == []
    assert dates_between(rare, date(2000, 1, 1), date(2021, 1, 1), date(2031, 12, 31)) == []
    assert dates_between(rare, date(2020, 1, 1), date(2024, 1, 1), date(2024, 12, 31)) == []
    assert dates_between(rare, date(2020, 1, 1), date(2044, 1, 1), date(2044, 12, 31)) == [
        date(2044, 2, 29)
    ]
    counted = "FREQ=DAILY;COUNT=1000"
    assert len(dates_between(counted, date(2000, 1, 1), date(2000, 1, 1), date(2010, 1, 1))) == 1000


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


# ---- summary: what a rule reads as in words ------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "shape"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", (False, ((0, 1),))),
        ("FREQ=WEEKLY;BYDAY=MO,TH", (False, ((0, 0), (0, 3)))),
        ("FREQ=MONTHLY;BYDAY=1TH,3TH", (True, ((1, 3), (3, 3)))),
        ("FREQ=MONTHLY;BYDAY=-1FR", (True, ((-1, 4),))),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", None),
        ("rrule:freq=weekly;byday=we", (False, ((0, 2),))),
    ],
)
def test_summary(rule: str, shape: tuple[bool, tuple[tuple[int, int], ...]] | None) -> None:
    found = summary(rule)
    assert (None if found is None else (found.monthly, found.days)) == shape


def test_summary_refuses_an_invalid_rule() -> None:
    with pytest.raises(InvalidData):
        summary("FREQ=SOMETIMES")


@pytest.mark.parametrize(
    ("rule", "stored"),
    [
        ("FREQ=WEEKLY;BYDAY=TU,TU,TU", "FREQ=WEEKLY;BYDAY=TU"),
        ("FREQ=WEEKLY;BYDAY=TU, TH ,TU", "FREQ=WEEKLY;BYDAY=TU,TH"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,1,15", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
        ("FREQ=MONTHLY;BYDAY=1TH,3TH,1TH", "FREQ=MONTHLY;BYDAY=1TH,3TH"),
    ],
)
def test_a_rule_is_stored_with_each_value_once(rule: str, stored: str) -> None:
    """`--rrule BYDAY=TU,TU` is stored as `--every tuesday,tuesday` is: each day once."""
    assert validate_rule(rule) == stored
    assert validate_rule(stored) == stored
