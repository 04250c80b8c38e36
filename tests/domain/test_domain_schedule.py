"""Occurrences of a permanence in a window: holidays, closures, changes, outcomes, bounds."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.domain.hours import Closure
from presence_postale.domain.recurrence import dates_between
from presence_postale.domain.schedule import (
    CANCELLED,
    HELD,
    MOVED,
    SCHEDULED,
    SKIPPED,
    Change,
    Occurrence,
    Slot,
    bounds,
    expand,
    is_occurrence,
    overlaps,
)

NINE, NOON = time(9), time(12)
# Vigny's Tuesday mornings in Grisy: from 2021-04-27 to the programme's planned end.
GRISY = Slot(
    id=1,
    rule="FREQ=WEEKLY;BYDAY=TU",
    start=NINE,
    end=NOON,
    first=date(2021, 4, 27),
    last=date(2021, 7, 26),
    programme_start=date(2021, 4, 27),
    agent_id="vigny-conseillere-1",
    site_id="mairie-grisy-les-platres",
)
HOLIDAYS_2021 = {
    date(2021, 5, 1): "Fête du Travail",
    date(2021, 5, 8): "Fête de la Victoire",
    date(2021, 5, 13): "Ascension",
    date(2021, 5, 24): "Lundi de Pentecôte",
    date(2021, 7, 14): "Fête nationale",
}


def _days(occurrences: list[Occurrence]) -> list[tuple[date, str]]:
    return [(o.date, o.status) for o in occurrences]


def test_plain_weeks() -> None:
    found = expand(GRISY, date(2021, 4, 26), date(2021, 5, 9))
    assert found == [
        Occurrence(1, date(2021, 4, 27), date(2021, 4, 27), NINE, NOON, SCHEDULED),
        Occurrence(1, date(2021, 5, 4), date(2021, 5, 4), NINE, NOON, SCHEDULED),
    ]
    assert all(o.takes_place for o in found)


def test_holidays_are_skipped_with_their_name() -> None:
    wednesdays = Slot(
        2, "FREQ=WEEKLY;BYDAY=WE", NINE, NOON, date(2021, 4, 28), None, date(2021, 4, 27)
    )
    found = expand(wednesdays, date(2021, 7, 12), date(2021, 7, 18), holidays=HOLIDAYS_2021)
    assert found == [
        Occurrence(2, date(2021, 7, 14), date(2021, 7, 14), NINE, NOON, SKIPPED, "Fête nationale")
    ]
    assert not found[0].takes_place


def test_closures_are_skipped_with_their_reason() -> None:
    closures = [Closure(date(2021, 6, 1), date(2021, 6, 10), "travaux")]
    found = expand(GRISY, date(2021, 5, 31), date(2021, 6, 20), closures=closures)
    assert [(o.date, o.status, o.reason) for o in found] == [
        (date(2021, 6, 1), SKIPPED, "travaux"),
        (date(2021, 6, 8), SKIPPED, "travaux"),
        (date(2021, 6, 15), SCHEDULED, None),
    ]


def test_cancelled_and_moved_changes() -> None:
    changes = {
        date(2021, 5, 4): Change(date(2021, 5, 4), CANCELLED, reason="agent en formation"),
        date(2021, 5, 11): Change(
            date(2021, 5, 11), MOVED, date(2021, 5, 12), time(14), time(16), "salle prise"
        ),
    }
    found = expand(GRISY, date(2021, 5, 3), date(2021, 5, 16), changes=changes)
    assert found == [
        Occurrence(
            1, date(2021, 5, 4), date(2021, 5, 4), NINE, NOON, CANCELLED, "agent en formation"
        ),
        Occurrence(
            1, date(2021, 5, 11), date(2021, 5, 12), time(14), time(16), MOVED, "salle prise"
        ),
    ]
    assert not found[0].takes_place and found[1].takes_place


def test_a_move_keeps_the_times_it_does_not_change() -> None:
    changes = {date(2021, 5, 11): Change(date(2021, 5, 11), MOVED, date(2021, 5, 12))}
    (moved,) = expand(GRISY, date(2021, 5, 10), date(2021, 5, 16), changes=changes)
    assert (moved.date, moved.start, moved.end) == (date(2021, 5, 12), NINE, NOON)


def test_moved_in_from_outside_the_window_and_out_of_it() -> None:
    changes = {
        # from the week before into this one
        date(2021, 5, 4): Change(date(2021, 5, 4), MOVED, date(2021, 5, 13), time(10), time(11)),
        # from this week to the next one
        date(2021, 5, 11): Change(date(2021, 5, 11), MOVED, date(2021, 5, 19)),
    }
    found = expand(GRISY, date(2021, 5, 10), date(2021, 5, 16), changes=changes)
    assert found == [
        Occurrence(1, date(2021, 5, 4), date(2021, 5, 13), time(10), time(11), MOVED),
    ]
    later = expand(GRISY, date(2021, 5, 17), date(2021, 5, 23), changes=changes)
    assert _days(later) == [(date(2021, 5, 18), SCHEDULED), (date(2021, 5, 19), MOVED)]
    assert later[1].original_date == date(2021, 5, 11)


def test_changes_to_dates_the_rule_does_not_produce_are_ignored() -> None:
    changes = {
        date(2021, 5, 5): Change(date(2021, 5, 5), CANCELLED),  # a Wednesday
        date(2021, 8, 3): Change(date(2021, 8, 3), MOVED, date(2021, 7, 20)),  # after the end
    }
    found = expand(GRISY, date(2021, 5, 3), date(2021, 7, 26), changes=changes)
    assert all(o.status == SCHEDULED for o in found)
    assert len(found) == 12  # 4 May to 20 July


def test_held_with_visitors_also_when_moved() -> None:
    changes = {date(2021, 5, 11): Change(date(2021, 5, 11), MOVED, date(2021, 5, 12))}
    visitors = {date(2021, 5, 4): 6, date(2021, 5, 11): 3}
    found = expand(GRISY, date(2021, 5, 3), date(2021, 5, 16), changes=changes, visitors=visitors)
    assert [(o.date, o.status, o.visitors) for o in found] == [
        (date(2021, 5, 4), HELD, 6),
        (date(2021, 5, 12), MOVED, 3),
    ]


def test_never_outside_validity_or_programme() -> None:
    late_programme = Slot(
        3, "FREQ=WEEKLY;BYDAY=TU", NINE, NOON, date(2021, 1, 5), date(2021, 3, 2), date(2021, 2, 1)
    )
    found = expand(late_programme, date(2020, 12, 1), date(2021, 12, 31))
    assert [o.date for o in found] == [
        date(2021, 2, 2),
        date(2021, 2, 9),
        date(2021, 2, 16),
        date(2021, 2, 23),
        date(2021, 3, 2),
    ]
    assert expand(GRISY, date(2021, 7, 27), date(2021, 8, 31)) == []
    assert expand(GRISY, date(2021, 1, 1), date(2021, 4, 26)) == []
    assert bounds(GRISY, date(2021, 1, 1), date(2021, 4, 26)) is None
    assert bounds(GRISY, date(2021, 1, 1), date(2022, 1, 1)) == (
        date(2021, 4, 27),
        date(2021, 7, 26),
    )


def test_is_occurrence() -> None:
    assert is_occurrence(GRISY, date(2021, 4, 27))
    assert is_occurrence(GRISY, date(2021, 7, 13))  # a holiday is still the rule's date
    assert not is_occurrence(GRISY, date(2021, 4, 28))  # a Wednesday
    assert not is_occurrence(GRISY, date(2021, 4, 20))  # before the first date
    assert not is_occurrence(GRISY, date(2021, 7, 27))  # after the programme's end


def test_sorted_by_date_then_time() -> None:
    daily = Slot(7, "FREQ=DAILY", time(14), time(15), date(2021, 5, 3), None, date(2021, 1, 1))
    changes = {
        date(2021, 5, 5): Change(date(2021, 5, 5), MOVED, date(2021, 5, 4), time(8), time(9))
    }
    found = expand(daily, date(2021, 5, 3), date(2021, 5, 5), changes=changes)
    assert [(o.date, o.start) for o in found] == [
        (date(2021, 5, 3), time(14)),
        (date(2021, 5, 4), time(8)),
        (date(2021, 5, 4), time(14)),
    ]


# ---- overlaps -------------------------------------------------------------------------------


def _occ(pid: int, day: int, start: int, end: int, status: str = SCHEDULED) -> Occurrence:
    when = date(2021, 5, day)
    return Occurrence(pid, when, when, time(start), time(end), status)


def test_overlaps_pairs_one_agent_in_two_places() -> None:
    agent_of: dict[int, str | None] = {1: "a", 2: "a", 3: "b", 4: "a", 5: None, 6: None}
    occurrences = [
        _occ(1, 4, 9, 12),
        _occ(2, 4, 10, 11),  # inside #1: clash
        _occ(4, 4, 12, 14),  # starts when #1 ends: no clash
        _occ(3, 4, 9, 12),  # another agent
        _occ(5, 4, 9, 12),  # nobody
        _occ(6, 4, 9, 12),  # nobody
        _occ(2, 5, 9, 12),
        _occ(1, 5, 9, 12, CANCELLED),  # cancelled: not there
        _occ(4, 5, 11, 13, SKIPPED),  # skipped: not there
    ]
    found = overlaps(occurrences, agent_of)
    assert [(o.agent_id, o.first.permanence_id, o.second.permanence_id) for o in found] == [
        ("a", 1, 2)
    ]
    assert found[0].first.date == date(2021, 5, 4)


def test_overlaps_of_moved_occurrences() -> None:
    moved = Occurrence(2, date(2021, 5, 5), date(2021, 5, 4), time(11), time(13), MOVED)
    found = overlaps([_occ(1, 4, 9, 12, HELD), moved], {1: "a", 2: "a"})
    assert len(found) == 1
    assert (found[0].first.start, found[0].second.start) == (time(9), time(11))


# ---- the property the issue asks for --------------------------------------------------------

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@st.composite
def slot_rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]))
    interval = draw(st.integers(1, 4))
    rule = f"FREQ={freq};INTERVAL={interval}"
    if freq == "MONTHLY" and draw(st.booleans()):
        nth = draw(st.sampled_from([1, 2, 3, 4, -1]))
        return rule + f";BYDAY={nth}{draw(st.sampled_from(DAY_CODES))}"
    if draw(st.booleans()):
        days = draw(st.lists(st.sampled_from(DAY_CODES), min_size=1, max_size=7, unique=True))
        rule += ";BYDAY=" + ",".join(days)
    return rule


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, object]:
    first = draw(st.dates(date(2015, 1, 1), date(2025, 12, 31)))
    programme_start = first + timedelta(days=draw(st.integers(-200, 200)))
    last = draw(st.none() | st.integers(0, 800).map(lambda n: first + timedelta(days=n)))
    slot = Slot(1, draw(slot_rules()), NINE, NOON, first, last, programme_start)
    window_start = first + timedelta(days=draw(st.integers(-100, 900)))
    window_end = window_start + timedelta(days=draw(st.integers(0, 120)))
    span_days = st.integers(-120, 1000).map(lambda n: first + timedelta(days=n))
    holidays = {day: "férié" for day in draw(st.lists(span_days, max_size=20))}
    closures = [
        Closure(start, start + timedelta(days=length), "travaux")
        for start, length in draw(st.lists(st.tuples(span_days, st.integers(0, 30)), max_size=4))
    ]
    # Changes and outcomes on the rule's own dates (and a few others, which must be ignored).
    rule_days = dates_between(slot.rule, first, first, first + timedelta(days=1000))[:200]
    picks = st.sampled_from(rule_days) if rule_days else span_days
    changes: dict[date, Change] = {}
    for day in draw(st.lists(picks | span_days, max_size=8)):
        if draw(st.booleans()):
            changes[day] = Change(day, CANCELLED, reason="annulée")
        else:
            changes[day] = Change(day, MOVED, draw(span_days), reason="déplacée")
    visitors = {day: draw(st.integers(0, 30)) for day in draw(st.lists(picks, max_size=10))}
    return {
        "slot": slot,
        "window": (window_start, window_end),
        "holidays": holidays,
        "closures": closures,
        "changes": changes,
        "visitors": visitors,
    }


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_expand_never_puts_an_occurrence_where_it_cannot_be(scenario: dict[str, object]) -> None:
    slot = scenario["slot"]
    window_start, window_end = scenario["window"]  # type: ignore[misc]
    holidays = scenario["holidays"]
    closures = scenario["closures"]
    changes = scenario["changes"]
    assert isinstance(slot, Slot)
    assert isinstance(holidays, dict) and isinstance(closures, list) and isinstance(changes, dict)
    found = expand(
        slot,
        window_start,
        window_end,
        holidays=holidays,
        closures=closures,
        changes=changes,
        visitors=scenario["visitors"],  # type: ignore[arg-type]
    )
    lower = max(slot.first, slot.programme_start)
    for occurrence in found:
        assert window_start <= occurrence.date <= window_end
        # Every occurrence is a date of the rule, inside validity and programme.
        assert lower <= occurrence.original_date
        assert slot.last is None or occurrence.original_date <= slot.last
        assert is_occurrence(slot, occurrence.original_date)
        if occurrence.status in (SCHEDULED, HELD):
            # Not moved: it takes place on its own date, which must be a working one.
            assert occurrence.date == occurrence.original_date
            assert occurrence.date not in holidays
            assert not any(c.covers(occurrence.date) for c in closures)
            assert occurrence.original_date not in changes
        if occurrence.status == SKIPPED:
            assert occurrence.date in holidays or any(c.covers(occurrence.date) for c in closures)
        if occurrence.status in (CANCELLED, MOVED):
            assert changes[occurrence.original_date].action == occurrence.status
    # Each original date appears at most once.
    originals = [o.original_date for o in found]
    assert len(originals) == len(set(originals))
    # Every date of the rule in the window and the bounds is accounted for (unless moved away).
    span = bounds(slot, window_start, window_end)
    if span is not None:
        for day in dates_between(slot.rule, slot.first, *span):
            change = changes.get(day)
            moved_away = (
                change is not None
                and change.action == MOVED
                and not (
                    change.new_date is not None and window_start <= change.new_date <= window_end
                )
            )
            assert (day in originals) != moved_away
