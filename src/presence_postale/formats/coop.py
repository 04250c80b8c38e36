"""Sessions in the shapes of *La Coop de la médiation numérique*.

- `api_json`: the Coop's activity API (`/api/v1/activites`): a JSON:API list whose resources
  are `{"type": "activite", "id", "attributes"}`, the attributes named and valued as the Coop's
  (`type_lieu`, `thematiques`, `beneficiaires.tranches_age.soixante_dix_plus` …). Ids are UUIDs
  derived from each session's natural key (site, mediator, day, start), so the same session
  keeps its id from one export to the next.
- `worksheet`: the Coop's spreadsheet export of accompaniments (one row per person
  accompanied, its column titles and labels as the Coop writes them, in French). A workshop's
  anonymous counters are spread over its participants in the vocabulary's order, as the Coop
  spreads a workshop's anonymous participants; what was not counted is « Non communiqué ».
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from presence_postale.domain import vocab
from presence_postale.formats import words
from presence_postale.formats.render import Listing, StandardColumn, to_json

if TYPE_CHECKING:
    from presence_postale.services.coop import Activity

UNKNOWN = "non_communique"
# The namespace of the sessions' UUIDs.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "presence-postale:mediation_session")
SHEET = "Activités"


def activity_id(activity: Activity) -> str:
    s = activity.session
    key = f"{s.site_id}|{s.mediator_id}|{s.session_date.isoformat()}|{s.start_time:%H:%M}"
    return str(uuid.uuid5(NAMESPACE, key))


def _instant(moment: datetime) -> str:
    """`2019-03-19T10:35:00.000Z`, as the Coop writes its timestamps (stored UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return (
        aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{aware.microsecond // 1000:03d}Z"
    )


def _counts(vocabulary: str, counts: Mapping[str, int], total: int) -> dict[str, int]:
    """Every code of the vocabulary with its count; people not counted are non_communique."""
    out = {code: counts.get(code, 0) for code in vocab.VOCABULARIES[vocabulary]}
    out[UNKNOWN] += max(total - sum(counts.values()), 0)
    return out


def resource(activity: Activity) -> dict[str, Any]:
    s = activity.session
    at_site = s.place_type == "lieu_activite"
    place = activity.place
    created = _instant(s.created_at)
    return {
        "type": "activite",
        "id": activity_id(activity),
        "attributes": {
            "type": s.session_type,
            "mediateur_id": s.mediator_id,
            "user_id": None,
            "accompagnements": s.participants,
            "date": s.session_date.isoformat(),
            "duree": s.duration_minutes,
            "type_lieu": s.place_type,
            "structure_id": s.site_id if at_site else None,
            "lieu_code_postal": place.postcode if place else None,
            "lieu_commune": place.name if place else None,
            "lieu_code_insee": place.insee_code if place else None,
            "creation": created,
            "modification": created,
            "suppression": None,
            "autonomie": s.autonomy,
            "oriente_vers_structure": (s.redirection is not None)
            if s.session_type == "individuel"
            else None,
            "structure_de_redirection": s.redirection,
            "materiel": list(s.equipment),
            "thematiques": list(s.themes),
            "tags": [s.programme_code] if s.programme_code else [],
            "precisions_demarche": s.procedure_details,
            "titre_atelier": s.workshop_title,
            "niveau_atelier": s.workshop_level,
            "beneficiaires": {
                "total": s.participants,
                "genres": _counts("gender", s.genders, s.participants),
                "tranches_age": _counts("age_band", s.age_bands, s.participants),
                "statuts": _counts("social_status", s.social_statuses, s.participants),
            },
        },
    }


def api_json(activities: Sequence[Activity]) -> str:
    """The Coop's list response: the resources, and how many there are."""
    return to_json(
        {"data": [resource(a) for a in activities], "meta": {"total_count": len(activities)}}
    )


# ---- the Coop's spreadsheet -----------------------------------------------------------------

# The Coop's columns (its export of a team's accompaniments), in its order.
WORKSHEET_COLUMNS = (
    "Date",
    "Enregistré le",
    "Dernière modification le",
    "Prénom du médiateur",
    "Nom du médiateur",
    "Rôle",
    "ID - Conum",
    "Type",
    "Participants",
    "Canaux d’accompagnement",
    "Nom du lieu",
    "Adresse",
    "Commune",
    "Code postal",
    "Code Insee",
    "Durée (min)",
    "Nom de l’atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d’accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d’autonomie (ou de l’atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Commune du bénéficiaire",
    "Code postal du bénéficiaire",
    "Code Insee du bénéficiaire",
    "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire",
    "Statut du bénéficiaire",
    "ID CRA",
)
_STARS = {
    **{code: n for n, code in enumerate(vocab.AUTONOMY, 1)},
    **{code: n for n, code in enumerate(vocab.WORKSHOP_LEVELS, 1)},
}
_ROLE = "Médiateur"
_YES, _NO = "Oui", "Non"


def _label(vocabulary: str, code: str) -> str:
    return words.label(vocabulary, code, "fr")


def _spread(counts: Mapping[str, int], order: Sequence[str], total: int) -> list[str | None]:
    """One value per participant: each code as many times as counted, in `order`, then None."""
    values: list[str | None] = [code for code in order for _ in range(counts.get(code, 0))]
    return (values + [None] * total)[:total]


def worksheet(activities: Sequence[Activity]) -> Listing:
    """The Coop's accompaniments sheet: one row per person accompanied."""
    rows = []
    for activity in activities:
        rows += _rows(activity)
    columns = tuple(StandardColumn(title) for title in WORKSHEET_COLUMNS)
    return Listing(columns, rows, title=SHEET)


def _rows(activity: Activity) -> list[dict[str, Any]]:
    s, site, place = activity.session, activity.site, activity.place
    total = s.participants
    at_site = s.place_type == "lieu_activite"
    created = s.created_at if s.created_at.tzinfo else s.created_at.replace(tzinfo=UTC)
    level = s.autonomy or s.workshop_level
    common = {
        "Date": s.session_date,
        "Enregistré le": created,
        "Dernière modification le": None,
        "Prénom du médiateur": None,
        "Nom du médiateur": activity.mediator.name or activity.mediator.id,
        "Rôle": _ROLE,
        "ID - Conum": False,
        "Type": _label("session_type", s.session_type),
        "Canaux d’accompagnement": _label("place_type", s.place_type),
        "Nom du lieu": site.name if at_site else None,
        "Adresse": site.address if at_site else None,
        "Commune": site.commune if at_site else place.name if place else None,
        "Code postal": site.postcode if at_site else place.postcode if place else None,
        "Code Insee": site.insee_code if at_site else place.insee_code if place else None,
        "Durée (min)": s.duration_minutes,
        "Nom de l’atelier": s.workshop_title,
        "Matériel numérique utilisé": "\n".join(_label("equipment_used", e) for e in s.equipment),
        "Thématique(s) d’accompagnement": "\n".join(_label("theme", t) for t in s.themes),
        "Tags": s.programme_code,
        "Nom de la démarche administrative": s.procedure_details,
        "Niveau d’autonomie (ou de l’atelier)": f"{_STARS[level]}/3" if level else None,
        "Bénéficiaire réorienté": None
        if s.session_type != "individuel"
        else (_YES if s.redirection else _NO),
        "Structure de redirection": _label("redirection", s.redirection) if s.redirection else None,
        "ID CRA": activity_id(activity),
    }
    genders = _spread(s.genders, vocab.GENDERS, total)
    ages = _spread(s.age_bands, vocab.AGE_BANDS, total)
    statuses = _spread(s.social_statuses, vocab.SOCIAL_STATUSES, total)
    communes = _spread(s.residence_communes, sorted(s.residence_communes), total)
    rows = []
    for index in range(total):
        commune = activity.communes.get(communes[index] or "")
        rows.append(
            {
                **common,
                "Participants": 1 if total == 1 else f"{index + 1}/{total}",
                "Commune du bénéficiaire": commune.name if commune else None,
                "Code postal du bénéficiaire": commune.postcode if commune else None,
                "Code Insee du bénéficiaire": commune.insee_code if commune else None,
                "Genre du bénéficiaire": _label("gender", genders[index] or UNKNOWN),
                "Tranche d’âge du bénéficiaire": _label("age_band", ages[index] or UNKNOWN),
                "Statut du bénéficiaire": _label("social_status", statuses[index] or UNKNOWN),
            }
        )
    return rows
