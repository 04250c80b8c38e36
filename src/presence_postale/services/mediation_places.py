"""The national *lieux de médiation numérique* export: the sites that offer digital mediation,
in the LaMednum standard's fields (its French vocabulary is the standard's, not the tool's)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.store import models as m
from presence_postale.store import queries

PLACE_FIELDS = (
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "latitude",
    "longitude",
    "typologie",
    "telephone",
    "courriels",
    "site_web",
    "horaires",
    "presentation_resume",
    "presentation_detail",
    "source",
    "structure_parente",
    "date_maj",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "itinerance",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "modalites_acces",
    "modalites_accompagnement",
    "fiche_acces_libre",
    "prise_rdv",
)
# The standard's vocabulary for the offer, from the Coop themes recorded in sessions.
THEME_SERVICES = {
    "aide_aux_demarches_administratives": "Aide aux démarches administratives",
    "sante": "Aide aux démarches administratives",
    "insertion_professionnelle": "Insertion professionnelle via le numérique",
    "entrepreneuriat": "Insertion professionnelle via le numérique",
    "securite_numerique": "Utilisation sécurisée du numérique",
    "parentalite": "Parentalité et éducation avec le numérique",
    "scolarite_et_numerique": "Parentalité et éducation avec le numérique",
    "creer_avec_le_numerique": "Loisirs et créations numériques",
    "culture_numerique": "Compréhension du monde numérique",
    "intelligence_artificielle": "Compréhension du monde numérique",
}
EVERYDAY = "Maîtrise des outils numériques du quotidien"
ACCESS = "Accès internet et matériel informatique"
# The sites' SIRET is not in any source: the standard's placeholder for an unknown pivot.
PIVOT_UNKNOWN = "00000000000000"


@dataclass
class _Offer:
    """Which sites offer digital mediation, and how."""

    ilots: set[str]
    with_sessions: set[str]
    with_permanences: set[str]
    france_services: set[str]
    themes: dict[str, set[str]]
    kinds: dict[str, set[str]]

    @property
    def ids(self) -> list[str]:
        return sorted(
            self.ilots | self.with_sessions | self.with_permanences | self.france_services
        )


def _offer(db: Session) -> _Offer:
    ilots = set(
        db.exec(
            select(m.SiteEquipment.site_id).where(m.SiteEquipment.equipment == "ilot_numerique")
        )
    )
    mediation_programmes = select(m.Programme.code).where(
        col(m.Programme.model).in_(("mediation_numerique", "accompagnement_numerique_seniors"))
    )
    with_permanences = set(
        db.exec(
            select(m.Permanence.site_id).where(
                col(m.Permanence.programme_code).in_(mediation_programmes)
            )
        )
    )
    france_services = set(
        db.exec(select(m.SiteLabel.site_id).where(m.SiteLabel.label == "france_services"))
    )
    themes: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    session = m.MediationSession
    for site_id, theme_list, kind in db.exec(
        select(session.site_id, session.themes, session.session_type)
    ):
        themes[site_id].update(theme_list)
        kinds[site_id].add(kind)
    return _Offer(ilots, set(themes), with_permanences, france_services, themes, kinds)


def places(db: Session, *, department: str | None = None) -> list[dict[str, Any]]:
    """Sites offering digital mediation (an îlot numérique, mediation sessions or a mediation
    programme's permanences, or France Services) in the national standard's fields; lists are
    joined by `|`."""
    queries.require_department(db, department)
    offer = _offer(db)
    if not offer.ids:
        return []
    statement = select(m.Site).where(col(m.Site.id).in_(offer.ids)).order_by(col(m.Site.id))
    if department is not None:
        statement = statement.where(m.Site.department_code == department)
    return [_place(site, offer) for site in db.exec(statement)]


def _place(site: m.Site, offer: _Offer) -> dict[str, Any]:
    ilot = site.id in offer.ilots
    france_services = site.id in offer.france_services
    services = {THEME_SERVICES[t] for t in offer.themes[site.id] if t in THEME_SERVICES}
    services.add(EVERYDAY)
    if ilot:
        services.add(ACCESS)
    if france_services:
        services.add("Aide aux démarches administratives")
    modalities = set()
    if ilot:
        modalities.add("En autonomie")
    kinds = offer.kinds[site.id]
    if "individuel" in kinds or site.id in offer.with_permanences or france_services:
        modalities.add("Accompagnement individuel")
    if "collectif" in kinds:
        modalities.add("Dans un atelier collectif")
    mediator = site.id in offer.with_sessions or site.id in offer.with_permanences
    la_poste = site.source in ("seed", "laposte") and site.kind.startswith(
        ("bureau", "agence", "relais")
    )
    values: dict[str, Any] = {
        "id": site.id,
        "pivot": PIVOT_UNKNOWN,
        "nom": site.name,
        "commune": site.commune,
        "code_postal": site.postcode,
        "code_insee": site.insee_code,
        "adresse": site.address,
        "complement_adresse": site.address_extra,
        "latitude": site.latitude,
        "longitude": site.longitude,
        "courriels": site.email,
        "horaires": site.opening_hours,
        "presentation_resume": _presentation(ilot, france_services, mediator),
        "source": "La Poste",
        "structure_parente": "La Poste" if la_poste else None,
        "date_maj": site.updated_at.date(),
        "services": "|".join(sorted(services)),
        "frais_a_charge": "Gratuit",
        "itinerance": "Fixe",
        "dispositif_programmes_nationaux": "France Services" if france_services else None,
        "modalites_acces": "Se présenter",
        "modalites_accompagnement": "|".join(sorted(modalities)) or None,
    }
    return {name: values.get(name) for name in PLACE_FIELDS}


def _presentation(ilot: bool, france_services: bool, mediator: bool) -> str:
    parts = []
    if france_services:
        parts.append("Espace France Services : accompagnement dans les démarches administratives")
    if ilot:
        parts.append("îlot numérique en libre accès")
    if mediator:
        parts.append("présence d'un médiateur numérique")
    text = " ; ".join(parts) or "Médiation numérique"
    return text[0].upper() + text[1:] + "."
