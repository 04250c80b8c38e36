"""Digital-mediation sessions: what makes one valid, and what deserves a warning.

Vocabulary, counters and rules follow *La Coop de la médiation numérique*, the national tool
of mediators (its activity API and its spreadsheet export), so that a department's figures add
up with the country's. Every way a session comes in (the command, a records file) is checked
here; an error names the field as the caller calls it (`--themes` or `themes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from presence_postale.domain import vocab
from presence_postale.domain.geo import is_insee_code
from presence_postale.domain.text import search_key
from presence_postale.errors import InvalidData, Message

MAX_MINUTES = 480  # a working day
MAX_PARTICIPANTS = 500
UNKNOWN = "non_communique"
SENIOR_BANDS = ("soixante_soixante_neuf", "soixante_dix_plus")
# The theme under which the Coop allows the administrative ones and the procedure's details.
PROCEDURES = "aide_aux_demarches_administratives"
INDIVIDUAL, COLLECTIVE = vocab.SESSION_TYPES
SITE_PLACE = "lieu_activite"
# Places that are not the site: the Coop records their commune (for `a_distance` it takes the
# mediator's own, here the site's, when none is given).
PLACES_NEEDING_A_COMMUNE = ("domicile", "autre")

# Anonymous counters of a session, and the vocabulary of their keys (communes: INSEE codes).
COUNTERS: dict[str, str | None] = {
    "age_bands": "age_band",
    "social_statuses": "social_status",
    "genders": "gender",
    "residence_communes": None,
}

# How the command line names each field (a records file names them as its schema does).
OPTION_NAMES = {
    "type": "--type",
    "duration": "--duration",
    "participants": "--participants",
    "age_bands": "--age-bands",
    "social_statuses": "--social-statuses",
    "genders": "--genders",
    "residence_communes": "--communes",
    "themes": "--themes",
    "procedure_details": "--details",
    "equipment": "--equipment",
    "autonomy": "--autonomy",
    "place_type": "--place",
    "place_insee_code": "--place-insee",
    "redirection": "--redirection",
    "workshop_title": "--workshop-title",
    "workshop_level": "--level",
}


@dataclass(frozen=True)
class Counters:
    participants: int
    age_bands: dict[str, int]
    social_statuses: dict[str, int]
    genders: dict[str, int] = field(default_factory=dict)
    residence_communes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Given:
    """A session's fields as given, before any check."""

    session_type: str
    minutes: int
    participants: int | None = None
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    themes: Sequence[str] = ()
    procedure_details: str | None = None
    equipment: Sequence[str] = ()
    autonomy: str | None = None
    place_type: str | None = None
    place_insee_code: str | None = None
    redirection: str | None = None
    workshop_title: str | None = None
    workshop_level: str | None = None


@dataclass(frozen=True)
class Checked:
    """A valid session, every value a code of its vocabulary."""

    session_type: str
    minutes: int
    counters: Counters
    themes: list[str]
    procedure_details: str | None
    equipment: list[str]
    autonomy: str | None
    place_type: str
    place_insee_code: str | None
    redirection: str | None
    workshop_title: str | None
    workshop_level: str | None


def _check(vocabulary: str, value: str, field: str) -> str:
    """The vocabulary's code, or its refusal carrying the field it names."""
    try:
        return vocab.check(vocabulary, value, field)
    except InvalidData as error:
        raise InvalidData(error.key, **{**error.params, "field": field}) from None


def _code(vocabulary: str, value: str | None, name: str, names: Mapping[str, str]) -> str | None:
    return None if value is None else _check(vocabulary, value, names[name])


def check_session(given: Given, names: Mapping[str, str] = OPTION_NAMES) -> Checked:
    """The session as the Coop records it, or InvalidData naming the field (`field` param)."""
    check_duration(given.minutes, names["duration"])
    counters = check_counters(given.session_type, given.participants, given.counts, names)
    session_type = _check("session_type", given.session_type, names["type"])
    themes = check_themes(given.themes, given.procedure_details, names)
    place_type = _code("place_type", given.place_type, "place_type", names) or SITE_PLACE
    insee = check_place(place_type, given.place_insee_code, names)
    level = _code("workshop_level", given.workshop_level, "workshop_level", names)
    for name, value in (("workshop_title", given.workshop_title), ("workshop_level", level)):
        if value is not None and session_type != COLLECTIVE:
            raise InvalidData("mediation.workshop_only", field=names[name])
    return Checked(
        session_type=session_type,
        minutes=given.minutes,
        counters=counters,
        themes=themes,
        procedure_details=given.procedure_details,
        equipment=check_equipment(given.equipment, names["equipment"]),
        autonomy=_code("autonomy", given.autonomy, "autonomy", names),
        place_type=place_type,
        place_insee_code=insee,
        redirection=_code("redirection", given.redirection, "redirection", names),
        workshop_title=given.workshop_title,
        workshop_level=level,
    )


def check_equipment(equipment: Sequence[str], name: str) -> list[str]:
    """The equipment used, each once: `ordinateur,ordinateur` was stored twice (themes, given
    twice, are refused likewise)."""
    codes = [_check("equipment_used", e, name) for e in equipment]
    if len(set(codes)) != len(codes):
        raise InvalidData("mediation.equipment_twice", field=name)
    return codes


def check_duration(minutes: int, name: str = "--duration") -> int:
    if not 0 < minutes <= MAX_MINUTES:
        raise InvalidData("mediation.bad_duration", field=name, value=minutes, most=MAX_MINUTES)
    return minutes


def check_themes(
    themes: Sequence[str], details: str | None, names: Mapping[str, str] = OPTION_NAMES
) -> list[str]:
    """At least one theme, none twice; the administrative themes and the procedure's details
    only with the theme of help with procedures, as the Coop allows them."""
    name = names["themes"]
    codes = [_check("theme", t, name) for t in themes]
    if not codes:
        raise InvalidData("mediation.no_theme", field=name)
    if len(set(codes)) != len(codes):
        raise InvalidData("mediation.theme_twice", field=name)
    if PROCEDURES not in codes:
        administrative = [c for c in codes if c in vocab.ADMINISTRATIVE_THEMES]
        if administrative:
            raise InvalidData("mediation.administrative_alone", field=name, theme=administrative[0])
        if details:
            raise InvalidData("mediation.details_alone", field=names["procedure_details"])
    return codes


def check_place(
    place_type: str, insee_code: str | None, names: Mapping[str, str] = OPTION_NAMES
) -> str | None:
    """The commune of a session held away from the site: an INSEE code of the right shape,
    required at a person's home or elsewhere, and none at the site itself."""
    name = names["place_insee_code"]
    if insee_code is None:
        if place_type in PLACES_NEEDING_A_COMMUNE:
            raise InvalidData("mediation.place_needs_commune", field=name, place=place_type)
        return None
    code = insee_code.strip().upper()
    if not is_insee_code(code):
        raise InvalidData("mediation.bad_insee", field=name, value=insee_code)
    if place_type == SITE_PLACE:
        raise InvalidData("mediation.place_is_the_site", field=name)
    return code


def check_counters(
    session_type: str,
    participants: int | None,
    counts: Mapping[str, Mapping[str, int]],
    names: Mapping[str, str] = OPTION_NAMES,
) -> Counters:
    """An individual session counts one person; a collective workshop's anonymous counters
    (`COUNTERS`: age bands, social statuses, genders, communes of residence) must each add up
    to its participants (a counter left out is simply not recorded)."""
    kind = _check("session_type", session_type, names["type"])
    name = names["participants"]
    total = 1 if kind == INDIVIDUAL and participants is None else participants
    if total is None:
        raise InvalidData("mediation.needs_participants", field=name)
    if kind == INDIVIDUAL and total != 1:
        raise InvalidData("mediation.individual_is_one", field=name, value=total)
    if not 1 <= total <= MAX_PARTICIPANTS:
        raise InvalidData(
            "mediation.bad_participants", field=name, value=total, most=MAX_PARTICIPANTS
        )
    checked: dict[str, dict[str, int]] = {}
    for counter, vocabulary in COUNTERS.items():
        found = _by_code(vocabulary, names[counter], counts.get(counter) or {})
        if found and sum(found.values()) != total:
            raise InvalidData(
                "mediation.counters_sum",
                field=names[counter],
                total=sum(found.values()),
                participants=total,
            )
        checked[counter] = found
    return Counters(total, **checked)


def _by_code(vocabulary: str | None, name: str, counts: Mapping[str, int]) -> dict[str, int]:
    """Counts keyed by code; two spellings of one code (`Retraite`, `retraite`) add up
    instead of one silently replacing the other."""
    out: dict[str, int] = {}
    for key, value in counts.items():
        code = _check(vocabulary, key, name) if vocabulary else _commune(key, name)
        if value < 0:
            raise InvalidData("mediation.negative_count", field=name, key=key, value=value)
        out[code] = out.get(code, 0) + value
    return out


def _commune(key: str, name: str) -> str:
    code = key.strip().upper()
    if code.lower() == UNKNOWN:
        return UNKNOWN
    if not is_insee_code(code):
        raise InvalidData("mediation.bad_insee", field=name, value=key)
    return code


# ---- redirections written in words ---------------------------------------------------------

# Words of free-text redirections (older records) and the entry of the Coop's list they name;
# the first entry whose words appear wins.
_REDIRECTION_WORDS = (
    ("aide_aux_demarches_administratives", ("france services", "msap", "maison de services")),
    (
        "insertion_professionnelle",
        ("pole emploi", "france travail", "mission locale", "cap emploi", "chambre de", "cci"),
    ),
    (
        "aide_sociale",
        ("ccas", "cias", "centre social", "action sociale", "solidarites", "assistante sociale"),
    ),
    (
        "mediation_numerique",
        ("mediation numerique", "mediateur", "conseiller numerique", "epn", "fablab"),
    ),
    (
        "operateur_ou_organisme_en_charge",
        ("caf", "cpam", "ameli", "cnav", "carsat", "msa", "impots", "urssaf", "ants", "dgfip"),
    ),
    ("administration", ("mairie", "prefecture", "tribunal", "administration")),
)


def read_redirection(text: str | None) -> tuple[str | None, str | None]:
    """(code, words): a redirection given as a code of the list is that code; one written in
    words (`CCAS`, older records) is the entry those words name, else `autre`, and the words
    are kept beside it so that nothing is lost."""
    if text is None or not text.strip():
        return None, None
    try:
        return vocab.check("redirection", text, "redirection"), None
    except InvalidData:
        pass
    key = f" {search_key(text)} "
    for code, words in _REDIRECTION_WORDS:
        if any(f" {word} " in key for word in words):
            return code, text.strip()
    return "autre", text.strip()


# ---- figures --------------------------------------------------------------------------------


def duration_band(minutes: int) -> str:
    """The Coop's statistics range of a session's length (`30`: under 30 min … `more`)."""
    for band, upper in zip(vocab.DURATION_BANDS, (30, 60, 120), strict=False):
        if minutes < upper:
            return band
    return vocab.DURATION_BANDS[-1]


def theme_family(theme: str) -> str:
    """`demarches` for the administrative themes and help with procedures, else `numerique`."""
    if theme == PROCEDURES or theme in vocab.ADMINISTRATIVE_THEMES:
        return "demarches"
    return "numerique"


# ---- warnings -------------------------------------------------------------------------------


def end_of(day: date, start: time, minutes: int) -> time:
    return (datetime.combine(day, start) + timedelta(minutes=minutes)).time()


def warnings(
    *,
    day: date,
    start: time,
    minutes: int,
    has_ilot: bool,
    holiday: str | None,
    open_minutes: int | None,
    presence: Sequence[tuple[time, time]],
) -> list[Message]:
    """What is odd about a session: on a holiday, at a site without an îlot numérique, longer
    than the site is open that day, or outside the mediator's scheduled presence."""
    found = []
    end = end_of(day, start, minutes)
    if holiday:
        found.append(Message("mediation.on_holiday", {"holiday": holiday}))
    if not has_ilot:
        found.append(Message("mediation.no_ilot"))
    if open_minutes is not None and minutes > open_minutes:
        found.append(Message("mediation.longer_than_open", {"minutes": open_minutes}))
    if end <= start:
        found.append(Message("mediation.past_midnight"))
    elif not any(s <= start and end <= e for s, e in presence):
        found.append(Message("mediation.outside_presence"))
    return found
