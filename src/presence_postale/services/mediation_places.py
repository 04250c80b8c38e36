"""The sites offering digital mediation, in the national *lieux de médiation numérique*
standard (LaMednum schema v1.0.2; its fields and shapes: `formats.lamednum`).

A site is a place of mediation when it has an îlot numérique, mediation sessions, a mediation
programme's permanences, or the France Services label. Each record carries its own source (La
Poste, or the ANCT for the France Services structures that are not La Poste's), its itinerance
from the ANCT's format, its phone number in E.164 where it converts, and the day it was last
changed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import vocab
from presence_postale.formats import lamednum as standard
from presence_postale.store import models as m
from presence_postale.store import queries, versions

# The standard's offer, from the Coop themes recorded in sessions.
THEME_SERVICES = {
    "aide_aux_demarches_administratives": standard.PROCEDURES,
    "sante": standard.PROCEDURES,
    **dict.fromkeys(vocab.ADMINISTRATIVE_THEMES, standard.PROCEDURES),
    "insertion_professionnelle": "Insertion professionnelle via le numérique",
    "entrepreneuriat": "Insertion professionnelle via le numérique",
    "securite_numerique": "Utilisation sécurisée du numérique",
    "parentalite": "Parentalité et éducation avec le numérique",
    "scolarite_et_numerique": "Parentalité et éducation avec le numérique",
    "creer_avec_le_numerique": "Loisirs et créations numériques",
    "culture_numerique": "Compréhension du monde numérique",
    "intelligence_artificielle": "Compréhension du monde numérique",
}
# Who collected each record (the standard's `source`): the ANCT's list for the structures it
# alone gives, La Poste for everything else.
SOURCES = {"france_services": "ANCT"}
LA_POSTE = "La Poste"


def places(db: Session, *, today: date, department: str | None = None) -> list[dict[str, Any]]:
    """Sites offering digital mediation (an îlot numérique, mediation sessions or a mediation
    programme's permanences, or France Services) in the national standard's fields, with their
    hours and labels as they stand `today`; lists are joined by `|`."""
    queries.require_department(db, department)
    offer = _Offer.read(db, today)
    ids = sorted(offer.ilots | offer.with_sessions | offer.with_permanences | set(offer.labels))
    if not ids:
        return []
    sites = list(db.exec(select(m.Site).where(col(m.Site.id).in_(ids)).order_by(col(m.Site.id))))
    if department is not None:
        sites = [s for s in sites if s.department_code == department]
    hours = versions.hours_during(db, [s.id for s in sites], today, today)
    return [
        _place(site, offer, hours[site.id].at(today) if site.id in hours else None)
        for site in sites
    ]


@dataclass
class _Offer:
    """What the database says of digital mediation, site by site."""

    ilots: set[str]
    with_sessions: set[str]
    with_permanences: set[str]
    # France Services sites, and the ANCT's format of each (Fixe, Bus_équivalent, Itinérante).
    labels: dict[str, str | None]
    themes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def read(cls, db: Session, today: date) -> _Offer:
        ilots = select(m.SiteEquipment.site_id).where(m.SiteEquipment.equipment == "ilot_numerique")
        programmes = select(m.Programme.code).where(
            col(m.Programme.model).in_(("mediation_numerique", "accompagnement_numerique_seniors"))
        )
        permanences = select(m.Permanence.site_id).where(
            col(m.Permanence.programme_code).in_(programmes.scalar_subquery())
        )
        labelled = versions.labelled_during(db, ("france_services",), today, today)
        labels: dict[str, str | None] = {
            site_id: state.detail
            for site_id, held in versions.labels_during(db, labelled, today, today).items()
            if (state := held["france_services"].at(today)) is not None and state.held
        }
        offer = cls(
            ilots=set(db.exec(ilots)),
            with_sessions=set(db.exec(select(m.MediationSession.site_id).distinct())),
            with_permanences=set(db.exec(permanences)),
            labels=labels,
        )
        sessions = select(
            m.MediationSession.site_id,
            m.MediationSession.themes,
            m.MediationSession.session_type,
            m.MediationSession.place_type,
        )
        for site_id, theme_list, kind, place in db.exec(sessions):
            offer.themes[site_id].update(theme_list)
            offer.kinds[site_id].update((kind, place))
        return offer

    def services(self, site_id: str) -> set[str]:
        services = {THEME_SERVICES[t] for t in self.themes[site_id] if t in THEME_SERVICES}
        services.add(standard.EVERYDAY)
        if site_id in self.ilots:
            services.add(standard.ACCESS)
        if site_id in self.labels:
            services.add(standard.PROCEDURES)
        return services

    def modalities(self, site_id: str) -> set[str]:
        kinds = self.kinds[site_id]
        modalities = set()
        if site_id in self.ilots:
            modalities.add("En autonomie")
        if "individuel" in kinds or site_id in self.with_permanences or site_id in self.labels:
            modalities.add("Accompagnement individuel")
        if "collectif" in kinds:
            modalities.add("Dans un atelier collectif")
        if "a_distance" in kinds:
            modalities.add("À distance")
        return modalities


def _place(site: m.Site, offer: _Offer, hours: str | None) -> dict[str, Any]:
    """One site in the standard's fields (those the tool does not know left empty)."""
    france_services = site.id in offer.labels
    mediator = site.id in offer.with_sessions or site.id in offer.with_permanences
    run_by_la_poste = site.source in ("seed", "laposte") and site.kind.startswith(
        ("bureau", "agence", "relais")
    )
    return {
        "id": site.id,
        "pivot": standard.PIVOT_UNKNOWN,
        "nom": site.name,
        "commune": site.commune,
        "code_postal": site.postcode,
        "code_insee": site.insee_code,
        "adresse": site.address,
        "complement_adresse": site.address_extra,
        "latitude": site.latitude,
        "longitude": site.longitude,
        "typologie": None,
        "telephone": standard.e164(site.phone, site.department_code),
        "courriels": site.email,
        "site_web": None,
        "horaires": hours,
        "presentation_resume": _presentation(site.id in offer.ilots, france_services, mediator),
        "presentation_detail": None,
        "source": SOURCES.get(site.source, LA_POSTE),
        "itinerance": standard.itinerance(offer.labels.get(site.id)),
        "structure_parente": "La Poste" if run_by_la_poste else None,
        "date_maj": standard.update_day(site.updated_at),
        "services": "|".join(sorted(offer.services(site.id))),
        "publics_specifiquement_adresses": None,
        "prise_en_charge_specifique": None,
        "frais_a_charge": "Gratuit",
        "dispositif_programmes_nationaux": "France Services" if france_services else None,
        "formations_labels": None,
        "autres_formations_labels": None,
        "modalites_acces": "Se présenter",
        "modalites_accompagnement": "|".join(sorted(offer.modalities(site.id))) or None,
        "fiche_acces_libre": None,
        "prise_rdv": None,
    }


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
