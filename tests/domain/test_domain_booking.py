"""Booking rules as pure functions: capacity sweep, length, notice, weekly quota, cut-off."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.domain import booking
from presence_postale.domain.booking import (
    MAX_BOOKING,
    Held,
    Rules,
    check_cancellation,
    check_range,
    check_rules,
    check_weekly_quota,
    conflicts,
)
from presence_postale.errors import Conflict, InvalidData
from refusals import refused

DAY = datetime(2019, 5, 14)


def at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def held(id_: int, start: datetime, end: datetime) -> Held:
    return Held(id_, start, end, f"reservation #{id_}")


# ---- range ----------------------------------------------------------------------------------


def test_range_end_must_follow_start() -> None:
    with refused(InvalidData, match="end 09:00 is not after start 10:00"):
        check_range(at(10), at(9))
    with refused(InvalidData, match="end 10:00 is not after start 10:00"):
        check_range(at(10), at(10))


def test_range_same_day_and_not_too_long() -> None:
    with refused(InvalidData, match="same day"):
        check_range(at(20), at(8) + timedelta(days=1))
    with refused(InvalidData, match="lasts at most 12 h"):
        check_range(at(0), at(0) + MAX_BOOKING + timedelta(minutes=1))
    check_range(at(0), at(0) + MAX_BOOKING)


# ---- conflicts ------------------------------------------------------------------------------


def test_back_to_back_bookings_do_not_conflict_with_capacity_one() -> None:
    first = held(1, at(9), at(10))
    assert conflicts([], at(9), at(10), 1) == []
    assert conflicts([first], at(10), at(11), 1) == []
    second = held(2, at(10), at(11))
    assert conflicts([first, second], at(8), at(9), 1) == []
    assert conflicts([first, second], at(11), at(12), 1) == []


def test_overlap_with_capacity_one_names_the_holder() -> None:
    first = held(1, at(9), at(10))
    second = held(2, at(10), at(11))
    assert conflicts([first, second], at(9, 30), at(9, 45), 1) == [first]
    assert conflicts([first, second], at(10, 30), at(10, 45), 1) == [second]
    # Straddling both: the first moment already full is 09:30, held by #1.
    assert conflicts([first, second], at(9, 30), at(10, 30), 1) == [first]


def test_capacity_two_sweeps_moments_not_counts() -> None:
    first = held(1, at(9), at(10))
    second = held(2, at(10), at(11))
    # Two overlapping bookings, but never at the same moment: one place is always free.
    assert conflicts([first, second], at(9, 30), at(10, 30), 2) == []
    third = held(3, at(10), at(10, 15))
    clash = conflicts([first, second, third], at(9, 30), at(10, 30), 2)
    assert clash == [second, third]
    # A third that touches only a moment the new booking does not cover is fine.
    late = held(4, at(10, 30), at(11))
    assert conflicts([first, second, late], at(9, 30), at(10, 30), 2) == []


def test_capacity_two_full_from_the_start() -> None:
    a = held(1, at(9), at(12))
    b = held(2, at(8), at(10))
    assert conflicts([a, b], at(9, 30), at(11), 2) == [b, a]
    assert conflicts([a, b], at(10), at(11), 2) == []


def test_held_outside_the_new_booking_is_ignored() -> None:
    many = [held(i, at(8), at(9)) for i in range(1, 6)]
    assert conflicts(many, at(9), at(10), 1) == []


# ---- length and notice ----------------------------------------------------------------------


NOW = datetime(2019, 5, 1, 12, 0)


def test_min_and_max_length() -> None:
    rules = Rules(min_minutes=60, max_minutes=240)
    with refused(Conflict, match=r"30 min is shorter than this space's minimum \(60 min\)"):
        check_rules(rules, at(9), at(9, 30), NOW, record=False)
    with refused(Conflict, match=r"300 min is longer than this space's maximum \(240 min\)"):
        check_rules(rules, at(9), at(14), NOW, record=False)
    check_rules(rules, at(9), at(10), NOW, record=False)
    check_rules(rules, at(9), at(13), NOW, record=False)


def test_length_rules_apply_to_recorded_bookings_too() -> None:
    with refused(Conflict, match="minimum"):
        check_rules(Rules(min_minutes=60), at(9), at(9, 30), datetime(2030, 1, 1), record=True)


def test_past_booking_needs_record() -> None:
    later = datetime(2019, 5, 20, 8, 0)
    with refused(
        InvalidData, match=r"'2019-05-14 09:00': the booking starts in the past; use --record"
    ):
        check_rules(Rules(), at(9), at(10), later, record=False)
    check_rules(Rules(), at(9), at(10), later, record=True)
    # Starting this very minute is not the past.
    check_rules(Rules(), at(9), at(10), at(9), record=False)
    with refused(InvalidData, match="past"):
        check_rules(Rules(), at(9), at(10), at(9, 1), record=False)


def test_max_days_ahead() -> None:
    rules = Rules(max_days_ahead=13)
    check_rules(rules, at(9), at(10), NOW, record=False)  # 13 days ahead
    with refused(Conflict, match="14 days ahead; this space takes bookings at most 13"):
        check_rules(Rules(max_days_ahead=13), at(9), at(10), NOW - timedelta(days=1), record=False)
    # A recorded booking from the mailbox skips the notice rules.
    check_rules(rules, at(9), at(10), NOW - timedelta(days=100), record=True)


# ---- weekly quota ---------------------------------------------------------------------------


def test_weekly_quota() -> None:
    rules = Rules(max_hours_per_person_week=6)
    check_weekly_quota(Rules(), 100, at(9), at(12))
    check_weekly_quota(rules, 3, at(9), at(12))  # exactly 6 h
    with refused(Conflict, match=r"bring the person to 6\.5 h that week; .* allows 6 h"):
        check_weekly_quota(rules, 3.5, at(9), at(12))


# ---- cancellation ---------------------------------------------------------------------------


def test_cancellation_cut_off() -> None:
    rules = Rules(cancel_cutoff_hours=24)
    start = at(9)
    check_cancellation(rules, start, start - timedelta(hours=24), force=False)
    with refused(Conflict, match="within 24 h of the start; use --force"):
        check_cancellation(rules, start, start - timedelta(hours=23, minutes=59), force=False)
    check_cancellation(rules, start, start - timedelta(hours=1), force=True)
    check_cancellation(Rules(), start, start - timedelta(minutes=1), force=False)


# ---- property: accepted bookings never exceed capacity ---------------------------------------

slots = st.tuples(st.integers(0, 47), st.integers(1, 16)).map(
    lambda pair: (at(8) + timedelta(minutes=15 * pair[0]), 15 * pair[1])
)


@settings(max_examples=200, deadline=None)
@given(capacity=st.integers(1, 3), requests=st.lists(slots, max_size=30))
def test_accepting_only_what_conflicts_allows_never_overbooks(
    capacity: int, requests: list[tuple[datetime, int]]
) -> None:
    accepted: list[Held] = []
    for number, (start, minutes) in enumerate(requests, start=1):
        end = start + timedelta(minutes=minutes)
        clash = conflicts(accepted, start, end, capacity)
        if not clash:
            accepted.append(Held(number, start, end, f"#{number}"))
        else:
            # What is named really overlaps the request and fills the place at some moment.
            assert len(clash) >= capacity
            assert all(h.start < end and start < h.end for h in clash)
            # ...and refusing was right: at some minute of the request every place is taken.
            assert any(
                sum(1 for h in accepted if h.start <= start + timedelta(minutes=k) < h.end)
                >= capacity
                for k in range(minutes)
            )
    minute = at(8)
    while minute < at(22):
        present = sum(1 for h in accepted if h.start <= minute < h.end)
        assert present <= capacity
        minute += timedelta(minutes=1)


@given(
    start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    minutes=st.integers(1, 24 * 60),
    into=st.floats(0, 1, exclude_max=True),
)
def test_a_running_booking_never_starts_before_the_query_bound(
    start: datetime, minutes: int, into: float
) -> None:
    """Reports read bookings from `earliest_start(moment)` on: every booking the rules accept
    and that is still running at `moment` started after that bound."""
    end = start + timedelta(minutes=minutes)
    try:
        booking.check_range(start, end)
    except InvalidData:
        return
    moment = start + (end - start) * into
    assert start >= booking.earliest_start(moment)
