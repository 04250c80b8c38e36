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
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import vocab
from presence_postale.errors import NotFound
from presence_postale.formats import lamednum as standard
from presence_postale.store import models as m
from presence_postale.store import versions

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
    if department is not None and db.get(m.Department, department) is None:
        raise NotFound(f"department '{department}' not found")
    ilots = set(
        db.exec(
            select(m.SiteEquipment.site_id).where(m.SiteEquipment.equipment == "ilot_numerique")
        )
    )
    with_sessions = set(db.exec(select(m.MediationSession.site_id).distinct()))
    mediation_programmes = set(
        db.exec(
            select(m.Programme.code).where(
                col(m.Programme.model).in_(
                    ("mediation_numerique", "accompagnement_numerique_seniors")
                )
            )
        )
    )
    with_permanences = (
        set(
            db.exec(
                select(m.Permanence.site_id).where(
                    col(m.Permanence.programme_code).in_(sorted(mediation_programmes))
                )
            )
        )
        if mediation_programmes
        else set()
    )
    # France Services sites, and the ANCT's format of each (Fixe, Bus_équivalent, Itinérante).
    labelled = versions.labelled_during(db, ("france_services",), today, today)
    france_services: dict[str, str | None] = {
        site_id: state.detail
        for site_id, labels in versions.labels_during(db, labelled, today, today).items()
        if (state := labels["france_services"].at(today)) is not None and state.held
    }
    ids = sorted(ilots | with_sessions | with_permanences | set(france_services))
    if not ids:
        return []
    sites = list(db.exec(select(m.Site).where(col(m.Site.id).in_(ids)).order_by(col(m.Site.id))))
    if department is not None:
        sites = [s for s in sites if s.department_code == department]
    hours = versions.hours_during(db, [s.id for s in sites], today, today)
    themes: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for site_id, theme_list, kind, place in db.exec(
        select(
            m.MediationSession.site_id,
            m.MediationSession.themes,
            m.MediationSession.session_type,
            m.MediationSession.place_type,
        )
    ):
        themes[site_id].update(theme_list)
        kinds[site_id].update((kind, place))
    out = []
    for site in sites:
        services = {THEME_SERVICES[t] for t in themes[site.id] if t in THEME_SERVICES}
        services.add(standard.EVERYDAY)
        if site.id in ilots:
            services.add(standard.ACCESS)
        if site.id in france_services:
            services.add(standard.PROCEDURES)
        modalities = set()
        if site.id in ilots:
            modalities.add("En autonomie")
        if (
            "individuel" in kinds[site.id]
            or site.id in with_permanences
            or site.id in france_services
        ):
            modalities.add("Accompagnement individuel")
        if "collectif" in kinds[site.id]:
            modalities.add("Dans un atelier collectif")
        if "a_distance" in kinds[site.id]:
            modalities.add("À distance")
        out.append(
            {
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
                "horaires": hours[site.id].at(today) if site.id in hours else None,
                "presentation_resume": _presentation(
                    site.id in ilots,
                    site.id in france_services,
                    site.id in with_sessions or site.id in with_permanences,
                ),
                "presentation_detail": None,
                "source": SOURCES.get(site.source, LA_POSTE),
                "itinerance": standard.itinerance(france_services.get(site.id)),
                "structure_parente": "La Poste"
                if site.source in ("seed", "laposte")
                and site.kind.startswith(("bureau", "agence", "relais"))
                else None,
                "date_maj": standard.update_day(site.updated_at),
                "services": "|".join(sorted(services)),
                "publics_specifiquement_adresses": None,
                "prise_en_charge_specifique": None,
                "frais_a_charge": "Gratuit",
                "dispositif_programmes_nationaux": "France Services"
                if site.id in france_services
                else None,
                "formations_labels": None,
                "autres_formations_labels": None,
                "modalites_acces": "Se présenter",
                "modalites_accompagnement": "|".join(sorted(modalities)) or None,
                "fiche_acces_libre": None,
                "prise_rdv": None,
            }
        )
    return out


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
