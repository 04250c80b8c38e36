"""Mediation rules: counters of a session, its duration, and what deserves a warning."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from presence_postale.domain import mediation as rules
from presence_postale.domain import vocab
from presence_postale.errors import InvalidData
from refusals import refused

TUESDAY = date(2019, 3, 19)
PRESENCE = [(time(9), time(15))]

# ---- counters -------------------------------------------------------------------------------


def test_individual_counts_one_person() -> None:
    counters = rules.check_counters("individuel", None, {"70+": 1}, {"retraite": 1})
    assert counters == rules.Counters(1, {"70+": 1}, {"retraite": 1})


def test_individual_without_counters() -> None:
    assert rules.check_counters("individuel", None, {}, {}) == rules.Counters(1, {}, {})
    assert rules.check_counters("individuel", 1, {}, {}).participants == 1


@pytest.mark.parametrize("participants", [0, 2, 5])
def test_individual_with_other_than_one_person_refused(participants: int) -> None:
    with refused(InvalidData, match=f"participants '{participants}': an individual"):
        rules.check_counters("individuel", participants, {}, {})


def test_collective_needs_participants() -> None:
    with refused(InvalidData, match="collective workshop needs its number of participants"):
        rules.check_counters("collectif", None, {"60-69": 3}, {})


def test_collective_counters_adding_up() -> None:
    counters = rules.check_counters(
        "collectif", 5, {"60-69": 3, "70+": 2}, {"retraite": 4, "non_communique": 1}
    )
    assert counters.participants == 5
    assert counters.age_bands == {"60-69": 3, "70+": 2}
    assert counters.social_statuses == {"retraite": 4, "non_communique": 1}


def test_counters_left_out_are_not_recorded() -> None:
    assert rules.check_counters("collectif", 7, {}, {}) == rules.Counters(7, {}, {})


def test_age_bands_not_adding_up_refused() -> None:
    with refused(InvalidData, match="age_bands: the counts add up to 4, not to the 5 participants"):
        rules.check_counters("collectif", 5, {"60-69": 3, "70+": 1}, {})


def test_social_statuses_not_adding_up_refused() -> None:
    with refused(InvalidData, match="social_statuses: the counts add up to 6, not to the 5"):
        rules.check_counters("collectif", 5, {}, {"retraite": 6})


def test_unknown_age_band_refused() -> None:
    with refused(InvalidData, match="invalid age_bands '65-70': expected one of <12"):
        rules.check_counters("collectif", 2, {"65-70": 2}, {})


def test_unknown_social_status_refused() -> None:
    with refused(InvalidData, match="invalid social_statuses 'rentier'"):
        rules.check_counters("collectif", 2, {}, {"rentier": 2})


def test_unknown_type_refused() -> None:
    with refused(InvalidData, match="invalid type 'atelier': expected one of individuel"):
        rules.check_counters("atelier", 3, {}, {})


def test_negative_count_refused() -> None:
    with refused(InvalidData, match="between 0 and 500"):
        rules.check_counters("collectif", 2, {"60-69": 3, "70+": -1}, {})


@pytest.mark.parametrize("participants", [0, -1, rules.MAX_PARTICIPANTS + 1])
def test_collective_participants_out_of_range(participants: int) -> None:
    with refused(InvalidData, match=f"invalid participants '{participants}'"):
        rules.check_counters("collectif", participants, {}, {})


def test_codes_are_normalised() -> None:
    counters = rules.check_counters("Collectif", 2, {"70+": 2}, {"Sans Emploi": 2})
    assert counters.social_statuses == {"sans_emploi": 2}


def test_two_spellings_of_one_code_add_up() -> None:
    """`Retraite=2,retraite=3` is five retirees: it must not pass as three."""
    with refused(InvalidData, match="add up to 5, not to the 3 participants"):
        rules.check_counters("collectif", 3, {}, {"Retraite": 2, "retraite": 3})
    counters = rules.check_counters("collectif", 5, {}, {"Retraite": 2, "retraite": 3})
    assert counters.social_statuses == {"retraite": 5}


counts = st.dictionaries(
    st.sampled_from([*vocab.AGE_BANDS, "70 +", "Non communique", "65-70"]),
    st.integers(min_value=-2, max_value=30),
    max_size=5,
)
statuses = st.dictionaries(
    st.sampled_from([*vocab.SOCIAL_STATUSES, "Retraite", "sans emploi", "rentier"]),
    st.integers(min_value=-2, max_value=30),
    max_size=5,
)


@given(
    session_type=st.sampled_from(["individuel", "collectif"]),
    participants=st.none() | st.integers(min_value=-3, max_value=600),
    age_bands=counts,
    social_statuses=statuses,
)
@example(  # two spellings of one status: 2 + 3 retirees are not 3 participants
    session_type="collectif",
    participants=3,
    age_bands={},
    social_statuses={"Retraite": 2, "retraite": 3},
)
def test_counters_add_up_or_are_refused(
    session_type: str,
    participants: int | None,
    age_bands: dict[str, int],
    social_statuses: dict[str, int],
) -> None:
    try:
        counters = rules.check_counters(session_type, participants, age_bands, social_statuses)
    except InvalidData:
        return
    assert 1 <= counters.participants <= rules.MAX_PARTICIPANTS
    if session_type == "individuel":
        assert counters.participants == 1
    else:
        assert counters.participants == participants
    for given_counts, kept, codes in (
        (age_bands, counters.age_bands, vocab.AGE_BANDS),
        (social_statuses, counters.social_statuses, vocab.SOCIAL_STATUSES),
    ):
        assert set(kept) <= set(codes)
        assert all(v >= 0 for v in kept.values())
        if kept:
            assert sum(kept.values()) == counters.participants
        # nothing the user typed is lost or invented
        assert sum(kept.values()) == sum(given_counts.values())


# ---- duration -------------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [0, -30, 481, 900])
def test_duration_refused(minutes: int) -> None:
    with refused(
        InvalidData,
        match=f"invalid duration_minutes '{minutes}': a duration in minutes from 1 to 480",
    ):
        rules.check_duration(minutes)


@pytest.mark.parametrize("minutes", [1, 90, 480])
def test_duration_accepted(minutes: int) -> None:
    assert rules.check_duration(minutes) == minutes


# ---- warnings -------------------------------------------------------------------------------


def warn(
    *,
    day: date = TUESDAY,
    start: time = time(10),
    minutes: int = 90,
    has_ilot: bool = True,
    holiday: str | None = None,
    open_minutes: int | None = None,
    presence: list[tuple[time, time]] = PRESENCE,
    lang: str = "fr",
) -> list[str]:
    """The warnings of a session, by default 10:00-11:30 on a Tuesday of presence."""
    return rules.warnings(
        day=day,
        start=start,
        minutes=minutes,
        has_ilot=has_ilot,
        holiday=holiday,
        open_minutes=open_minutes,
        presence=presence,
        lang=lang,
    )


def test_no_warning_inside_presence_at_an_ilot() -> None:
    assert warn() == []


def test_exactly_the_presence_is_inside() -> None:
    assert warn(start=time(9), minutes=360) == []


def test_holiday() -> None:
    assert warn(day=date(2019, 4, 22), holiday="Lundi de Pâques", presence=[]) == [
        "jour férié (Lundi de Pâques)",
        "hors de la présence prévue du médiateur",
    ]
    assert warn(holiday="Easter Monday", lang="en") == ["public holiday (Easter Monday)"]


def test_no_ilot() -> None:
    assert warn(has_ilot=False) == ["site sans îlot numérique"]
    assert warn(has_ilot=False, lang="en") == ["site without an îlot numérique"]


def test_longer_than_open() -> None:
    assert warn(open_minutes=60) == ["plus long que l'ouverture du site ce jour-là (60 min)"]
    assert warn(open_minutes=60, lang="en") == ["longer than the site is open that day (60 min)"]
    assert warn(open_minutes=90) == []
    assert warn(open_minutes=0, minutes=1) == [
        "plus long que l'ouverture du site ce jour-là (0 min)"
    ]


@pytest.mark.parametrize(
    ("start", "minutes"),
    [(time(8, 30), 60), (time(14, 30), 60), (time(15), 30), (time(7), 60)],
)
def test_outside_presence(start: time, minutes: int) -> None:
    assert warn(start=start, minutes=minutes) == ["hors de la présence prévue du médiateur"]
    assert warn(start=start, minutes=minutes, lang="en") == [
        "outside the mediator's scheduled presence"
    ]


def test_no_presence_that_day() -> None:
    assert warn(day=date(2019, 3, 20), presence=[]) == ["hors de la présence prévue du médiateur"]


def test_inside_one_of_several_presences() -> None:
    split = [(time(9), time(12)), (time(14), time(17))]
    assert warn(start=time(14, 30), presence=split) == []
    assert warn(start=time(11), presence=split) == ["hors de la présence prévue du médiateur"]


def test_past_midnight() -> None:
    assert warn(start=time(23, 30), minutes=60, lang="en") == ["runs past midnight"]


def test_every_warning_at_once() -> None:
    found = warn(
        day=date(2019, 5, 30),
        holiday="Ascension",
        has_ilot=False,
        open_minutes=0,
        presence=[],
        lang="en",
    )
    assert found == [
        "public holiday (Ascension)",
        "site without an îlot numérique",
        "longer than the site is open that day (0 min)",
        "outside the mediator's scheduled presence",
    ]


def test_end_of() -> None:
    assert rules.end_of(TUESDAY, time(10), 90) == time(11, 30)
