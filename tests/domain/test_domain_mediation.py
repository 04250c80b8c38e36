"""Mediation rules: counters of a session, its duration, and what deserves a warning."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from presence_postale.domain import mediation as rules
from presence_postale.domain import vocab
from presence_postale.errors import InvalidData
from presence_postale.formats import words
from refusals import refused

TUESDAY = date(2019, 3, 19)
PRESENCE = [(time(9), time(15))]

# ---- counters -------------------------------------------------------------------------------


def english(error: pytest.ExceptionInfo[InvalidData]) -> str:
    """An error as the English catalogue says it."""
    return words.say(error.value.message, "en")


def counters(
    session_type: str,
    participants: int | None,
    age_bands: dict[str, int] | None = None,
    social_statuses: dict[str, int] | None = None,
    **others: dict[str, int],
) -> rules.Counters:
    counts = {"age_bands": age_bands or {}, "social_statuses": social_statuses or {}, **others}
    return rules.check_counters(session_type, participants, counts)


def test_individual_counts_one_person() -> None:
    found = counters("individuel", None, {"soixante_dix_plus": 1}, {"retraite": 1})
    assert found == rules.Counters(1, {"soixante_dix_plus": 1}, {"retraite": 1}, {}, {})


def test_individual_without_counters() -> None:
    assert counters("individuel", None) == rules.Counters(1, {}, {}, {}, {})
    assert counters("individuel", 1).participants == 1


@pytest.mark.parametrize("participants", [0, 2, 5])
def test_individual_with_other_than_one_person_refused(participants: int) -> None:
    with pytest.raises(InvalidData) as error:
        counters("individuel", participants)
    assert english(error) == f"invalid --participants {participants}: an individual session has 1"
    assert error.value.params["field"] == "--participants"


def test_collective_needs_participants() -> None:
    with pytest.raises(InvalidData) as error:
        counters("collectif", None, {"soixante_soixante_neuf": 3})
    assert english(error) == "a collective session needs --participants"


def test_collective_counters_adding_up() -> None:
    found = counters(
        "collectif",
        5,
        {"soixante_soixante_neuf": 3, "soixante_dix_plus": 2},
        {"retraite": 4, "non_communique": 1},
        genders={"feminin": 3, "masculin": 2},
        residence_communes={"03254": 4, "non_communique": 1},
    )
    assert found.participants == 5
    assert found.age_bands == {"soixante_soixante_neuf": 3, "soixante_dix_plus": 2}
    assert found.social_statuses == {"retraite": 4, "non_communique": 1}
    assert found.genders == {"feminin": 3, "masculin": 2}
    assert found.residence_communes == {"03254": 4, "non_communique": 1}


def test_former_age_band_codes_are_read_as_the_coops() -> None:
    found = counters("collectif", 3, {"60-69": 2, "70+": 1})
    assert found.age_bands == {"soixante_soixante_neuf": 2, "soixante_dix_plus": 1}


def test_counters_left_out_are_not_recorded() -> None:
    assert counters("collectif", 7) == rules.Counters(7, {}, {}, {}, {})


@pytest.mark.parametrize(
    ("counter", "counts", "field"),
    [
        ("age_bands", {"soixante_soixante_neuf": 3, "soixante_dix_plus": 1}, "--age-bands"),
        ("social_statuses", {"retraite": 6}, "--social-statuses"),
        ("genders", {"feminin": 2, "masculin": 2}, "--genders"),
        ("residence_communes", {"03254": 3}, "--communes"),
    ],
)
def test_counters_not_adding_up_refused(counter: str, counts: dict[str, int], field: str) -> None:
    with pytest.raises(InvalidData) as error:
        rules.check_counters("collectif", 5, {counter: counts})
    total = sum(counts.values())
    assert english(error) == (
        f"invalid {field}: the counts add up to {total}, not to the 5 participants"
    )


@pytest.mark.parametrize(
    ("counter", "key", "expected"),
    [
        ("age_bands", "65-70", "invalid --age-bands '65-70': expected one of moins_de_douze"),
        ("social_statuses", "rentier", "invalid --social-statuses 'rentier': expected one of"),
        ("genders", "autre", "invalid --genders 'autre': expected one of masculin, feminin"),
    ],
)
def test_unknown_code_lists_the_valid_ones(counter: str, key: str, expected: str) -> None:
    with pytest.raises(InvalidData) as error:
        rules.check_counters("collectif", 2, {counter: {key: 2}})
    assert english(error).startswith(expected)


@pytest.mark.parametrize("code", ["3254", "032540", "2C004", "abcde", "O3254"])
def test_commune_of_the_wrong_shape_refused(code: str) -> None:
    with pytest.raises(InvalidData) as error:
        rules.check_counters("collectif", 2, {"residence_communes": {code: 2}})
    assert english(error) == (
        f"invalid --communes '{code}': an INSEE commune code has 5 characters (03254, 2A004)"
    )


def test_unknown_type_refused() -> None:
    with refused(InvalidData, match="invalid --type 'atelier': expected one of individuel"):
        counters("atelier", 3)


def test_negative_count_refused() -> None:
    with pytest.raises(InvalidData) as error:
        counters("collectif", 2, {"soixante_soixante_neuf": 3, "soixante_dix_plus": -1})
    assert "a count is negative" in english(error)


@pytest.mark.parametrize("participants", [0, -1, rules.MAX_PARTICIPANTS + 1])
def test_collective_participants_out_of_range(participants: int) -> None:
    with pytest.raises(InvalidData) as error:
        counters("collectif", participants)
    assert english(error).startswith(f"invalid --participants {participants}")


def test_codes_are_normalised() -> None:
    found = counters("Collectif", 2, {"70+": 2}, {"Sans Emploi": 2}, genders={"Feminin": 2})
    assert found.social_statuses == {"sans_emploi": 2}
    assert found.genders == {"feminin": 2}


def test_two_spellings_of_one_code_add_up() -> None:
    """`Retraite=2,retraite=3` is five retirees: it must not pass as three."""
    with pytest.raises(InvalidData) as error:
        counters("collectif", 3, {}, {"Retraite": 2, "retraite": 3})
    assert "add up to 5, not to the 3 participants" in english(error)
    assert counters("collectif", 5, {}, {"Retraite": 2, "retraite": 3}).social_statuses == {
        "retraite": 5
    }


counts = st.dictionaries(
    st.sampled_from([*vocab.AGE_BANDS, "70+", "Non communique", "65-70"]),
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
        found = counters(session_type, participants, age_bands, social_statuses)
    except InvalidData:
        return
    assert 1 <= found.participants <= rules.MAX_PARTICIPANTS
    if session_type == "individuel":
        assert found.participants == 1
    else:
        assert found.participants == participants
    for given_counts, kept, codes in (
        (age_bands, found.age_bands, vocab.AGE_BANDS),
        (social_statuses, found.social_statuses, vocab.SOCIAL_STATUSES),
    ):
        assert set(kept) <= set(codes)
        assert all(v >= 0 for v in kept.values())
        if kept:
            assert sum(kept.values()) == found.participants
        # nothing the user typed is lost or invented
        assert sum(kept.values()) == sum(given_counts.values())


# ---- the whole session: themes, place, workshop ---------------------------------------------


def session(**changes: object) -> rules.Checked:
    values: dict[str, object] = {
        "session_type": "individuel",
        "minutes": 90,
        "themes": ("email",),
        **changes,
    }
    return rules.check_session(rules.Given(**values))  # type: ignore[arg-type]


def refusal(**changes: object) -> InvalidData:
    with pytest.raises(InvalidData) as error:
        session(**changes)
    return error.value


def test_a_session_in_the_coops_vocabulary() -> None:
    checked = session(
        session_type="collectif",
        participants=4,
        counts={"genders": {"feminin": 4}},
        themes=("aide_aux_demarches_administratives", "logement", "gerer_ses_contenus_numeriques"),
        procedure_details="demande d'aide au logement",
        place_type="autre",
        place_insee_code="03254",
        redirection="Aide Sociale",
        workshop_title="Mes démarches en ligne",
        workshop_level="debutant",
    )
    assert checked.themes == [
        "aide_aux_demarches_administratives",
        "logement",
        "gere_ses_contenus_numeriques",
    ]
    assert (checked.place_type, checked.place_insee_code) == ("autre", "03254")
    assert checked.redirection == "aide_sociale"
    assert checked.workshop_level == "debutant"
    assert checked.counters.genders == {"feminin": 4}


def test_the_place_is_the_site_by_default() -> None:
    checked = session()
    assert (checked.place_type, checked.place_insee_code) == ("lieu_activite", None)
    assert session(place_type="a_distance").place_insee_code is None


def test_administrative_themes_go_with_help_with_procedures() -> None:
    error = refusal(themes=("email", "logement"))
    assert words.say(error.message, "en") == (
        "invalid --themes: the administrative theme logement goes with "
        "aide_aux_demarches_administratives"
    )
    error = refusal(procedure_details="CAF")
    assert words.say(error.message, "en") == (
        "--details goes with the theme aide_aux_demarches_administratives"
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"themes": ("jardinage",)}, "invalid --themes 'jardinage': expected one of"),
        ({"place_type": "mairie"}, "invalid --place 'mairie': expected one of lieu_activite"),
        ({"workshop_level": "expert"}, "invalid --level 'expert': expected one of debutant"),
        ({"redirection": "ccas"}, "invalid --redirection 'ccas': expected one of administration"),
        (
            {"place_type": "domicile"},
            "--place-insee is missing: the place domicile needs the commune's INSEE code",
        ),
        (
            {"place_type": "domicile", "place_insee_code": "3254"},
            "invalid --place-insee '3254': an INSEE commune code has 5 characters",
        ),
        (
            {"place_insee_code": "03254"},
            "--place-insee is for a session away from the site",
        ),
        ({"workshop_title": "Café IA"}, "--workshop-title is for a collective workshop"),
        ({"workshop_level": "avance"}, "--level is for a collective workshop"),
        ({"themes": ()}, "invalid --themes: at least one theme"),
        ({"themes": ("email", "Email")}, "invalid --themes: a theme is listed twice"),
    ],
)
def test_bad_sessions_refused_naming_the_field(changes: dict[str, object], expected: str) -> None:
    assert words.say(refusal(**changes).message, "en").startswith(expected)


def test_fields_are_named_as_the_caller_names_them() -> None:
    names = {**rules.OPTION_NAMES, "themes": "themes"}
    with pytest.raises(InvalidData) as error:
        rules.check_session(rules.Given("individuel", 30, themes=("jardinage",)), names)
    assert error.value.params["field"] == "themes"


def test_duration_bands_are_the_coops_ranges() -> None:
    bands = [rules.duration_band(m) for m in (1, 29, 30, 59, 60, 119, 120, 480)]
    assert bands == ["30", "30", "60", "60", "120", "120", "more", "more"]


def test_theme_families() -> None:
    assert rules.theme_family("email") == "numerique"
    assert rules.theme_family("aide_aux_demarches_administratives") == "demarches"
    assert rules.theme_family("logement") == "demarches"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, (None, None)),
        ("aide_sociale", ("aide_sociale", None)),
        ("CCAS", ("aide_sociale", "CCAS")),
        ("Mairie de Molinet", ("administration", "Mairie de Molinet")),
        (
            "France Services de Varennes",
            ("aide_aux_demarches_administratives", "France Services de Varennes"),
        ),
        ("la CAF", ("operateur_ou_organisme_en_charge", "la CAF")),
        ("Pôle emploi", ("insertion_professionnelle", "Pôle emploi")),
        ("son neveu", ("autre", "son neveu")),
    ],
)
def test_redirections_in_words_are_read_into_the_list(
    text: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert rules.read_redirection(text) == expected


# ---- duration -------------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [0, -30, 481, 900])
def test_duration_refused(minutes: int) -> None:
    with pytest.raises(InvalidData) as error:
        rules.check_duration(minutes)
    assert english(error).startswith(f"invalid --duration {minutes}: minutes between 1")


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
    """The warnings of a session, by default 10:00-11:30 on a Tuesday of presence, in
    words."""
    found = rules.warnings(
        day=day,
        start=start,
        minutes=minutes,
        has_ilot=has_ilot,
        holiday=holiday,
        open_minutes=open_minutes,
        presence=presence,
    )
    return [words.say(warning, lang) for warning in found]


def test_no_warning_inside_presence_at_an_ilot() -> None:
    assert warn() == []


def test_exactly_the_presence_is_inside() -> None:
    assert warn(start=time(9), minutes=360) == []


def test_holiday() -> None:
    assert warn(day=date(2019, 4, 22), holiday="Lundi de Pâques", presence=[]) == [
        "jour férié (Lundi de Pâques)",
        "hors de la présence prévue du médiateur",
    ]
    assert warn(holiday="Lundi de Pâques", lang="en") == ["public holiday (Easter Monday)"]


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
    # The calendar's French name, read in English as a real session on that day says it.
    assert found == [
        "public holiday (Ascension Day)",
        "site without an îlot numérique",
        "longer than the site is open that day (0 min)",
        "outside the mediator's scheduled presence",
    ]


def test_end_of() -> None:
    assert rules.end_of(TUESDAY, time(10), 90) == time(11, 30)


def test_equipment_given_twice_is_refused_as_a_theme_given_twice_is() -> None:
    """`--equipment ordinateur,ordinateur` was stored as a list holding it twice."""
    with refused(InvalidData) as caught:
        rules.check_equipment(["ordinateur", "tablette", "ordinateur"], "--equipment")
    assert words.say(caught.value.message, "fr") == (
        "--equipment invalide : un équipement figure deux fois"
    )
    assert rules.check_equipment(["ordinateur", "tablette"], "--equipment") == [
        "ordinateur",
        "tablette",
    ]
