"""Digital mediation: sessions, a mediator's hours against the contract, reports, and the
national *lieux de médiation numérique* export."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import fields, validators, vocab
from presence_postale.domain import hours as oh
from presence_postale.domain import mediation as rules
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, InvalidData, NotFound
from presence_postale.services import schedule as schedule_service
from presence_postale.store import models as m
from presence_postale.store.db import lock

MEDIATOR_ROLE = "mediateur_numerique"


@dataclass(frozen=True)
class NewSession:
    site: m.Site
    mediator: m.Agent
    programme: m.Programme | None
    day: date
    start: time
    minutes: int
    session_type: str
    participants: int | None
    age_bands: dict[str, int]
    social_statuses: dict[str, int]
    themes: tuple[str, ...]
    equipment: tuple[str, ...]
    device_model: str | None
    autonomy: str | None
    redirection: str | None
    note: str | None


def get(db: Session, session_id: int) -> m.MediationSession:
    found = db.get(m.MediationSession, session_id)
    if found is None:
        raise NotFound(f"mediation session #{session_id} not found")
    return found


def presence(db: Session, mediator_id: str, site_id: str, day: date) -> list[tuple[time, time]]:
    """When the mediator is scheduled at that site that day (their permanences)."""
    schedule = schedule_service.build(db, day, day, agent=mediator_id, site_ids=[site_id])
    return [
        (e.occurrence.start, e.occurrence.end) for e in schedule.entries if e.occurrence.takes_place
    ]


def session_warnings(db: Session, new: NewSession, lang: str = "fr") -> list[str]:
    site = new.site
    holidays = holidays_between(new.day, new.day, site.department_code, lang)
    closures = schedule_service.closures_by_site(db, [site.id], new.day, new.day).get(site.id, [])
    has_ilot = db.get(m.SiteEquipment, (site.id, "ilot_numerique")) is not None
    open_minutes = None
    if site.opening_hours:
        open_minutes = oh.day_hours(site.opening_hours, new.day, holidays, closures).minutes
    return rules.warnings(
        day=new.day,
        start=new.start,
        minutes=new.minutes,
        has_ilot=has_ilot,
        holiday=holidays.get(new.day),
        open_minutes=open_minutes,
        presence=presence(db, new.mediator.id, site.id, new.day),
        lang=lang,
    )


OPTIONS = {
    "session_date": "--date",
    "start_time": "--start",
    "duration_minutes": "--duration",
    "session_type": "--type",
    "participants": "--participants",
    "age_bands": "--age-bands",
    "social_statuses": "--social-statuses",
    "themes": "--themes",
    "equipment": "--equipment",
    "device_model": "--device-model",
    "autonomy": "--autonomy",
    "redirection": "--redirection",
    "note": "--note",
}


def add(
    db: Session, new: NewSession, *, strict: bool, lang: str = "fr"
) -> tuple[m.MediationSession, list[str]]:
    """Record a session; its warnings are returned, or refuse it with `strict`."""
    values = {
        "site_id": new.site.id,
        "mediator_id": new.mediator.id,
        "programme_code": new.programme.code if new.programme else None,
        "session_date": new.day,
        "start_time": new.start,
        "duration_minutes": new.minutes,
        "session_type": new.session_type,
        "participants": new.participants,
        "age_bands": new.age_bands,
        "social_statuses": new.social_statuses,
        "themes": list(new.themes),
        "equipment": list(new.equipment),
        "device_model": new.device_model,
        "autonomy": new.autonomy,
        "redirection": new.redirection,
        "note": new.note,
    }
    with fields.naming(OPTIONS):
        checked = validators.mediation_session(values)
    # The warnings compare with the mediator's other sessions: one writer per mediator.
    lock(db, m.Agent, new.mediator.id)
    found = session_warnings(db, new, lang)
    if found and strict:
        raise Conflict(f"session refused (--strict): {'; '.join(found)}")
    record = m.MediationSession(**checked, created_at=datetime.now(UTC))
    db.add(record)
    db.flush()
    return record, found


def row(s: m.MediationSession) -> dict[str, Any]:
    return {
        "id": s.id,
        "date": s.session_date,
        "start": s.start_time,
        "duration_minutes": s.duration_minutes,
        "site_id": s.site_id,
        "mediator": s.mediator_id,
        "programme": s.programme_code,
        "type": s.session_type,
        "participants": s.participants,
        "age_bands": dict(s.age_bands),
        "social_statuses": dict(s.social_statuses),
        "themes": list(s.themes),
        "equipment": list(s.equipment),
        "device_model": s.device_model,
        "autonomy": s.autonomy,
        "redirection": s.redirection,
        "note": s.note,
    }


def _filtered(
    db: Session,
    start: date | None,
    end: date | None,
    site: str | None,
    programme: str | None,
    mediator: str | None = None,
) -> list[m.MediationSession]:
    statement = select(m.MediationSession)
    if start is not None:
        statement = statement.where(m.MediationSession.session_date >= start)
    if end is not None:
        statement = statement.where(m.MediationSession.session_date <= end)
    if site is not None:
        statement = statement.where(m.MediationSession.site_id == site)
    if programme is not None:
        statement = statement.where(m.MediationSession.programme_code == programme)
    if mediator is not None:
        statement = statement.where(m.MediationSession.mediator_id == mediator)
    return list(
        db.exec(
            statement.order_by(
                col(m.MediationSession.session_date),
                col(m.MediationSession.start_time),
                col(m.MediationSession.id),
            )
        )
    )


def listing(
    db: Session,
    *,
    start: date | None = None,
    end: date | None = None,
    site: str | None = None,
    programme: str | None = None,
    mediator: str | None = None,
) -> list[dict[str, Any]]:
    return [row(s) for s in _filtered(db, start, end, site, programme, mediator)]


# ---- hours ----------------------------------------------------------------------------------


def hours(db: Session, week: IsoWeek, mediator: m.Agent | None = None) -> list[dict[str, Any]]:
    """Each mediator's scheduled presence that week (permanences, holidays and closures taken
    off) against their contracted weekly hours."""
    if mediator is not None:
        agents = [mediator]
    else:
        agents = list(
            db.exec(
                select(m.Agent)
                .where(m.Agent.role == MEDIATOR_ROLE, col(m.Agent.active).is_(True))
                .order_by(col(m.Agent.id))
            )
        )
    out = []
    for agent in agents:
        schedule = schedule_service.build(db, week.monday, week.sunday, agent=agent.id)
        minutes = 0
        by_site: Counter[str] = Counter()
        lost = 0
        for entry in schedule.entries:
            o = entry.occurrence
            length = (
                datetime.combine(o.date, o.end) - datetime.combine(o.date, o.start)
            ).seconds // 60
            if o.takes_place:
                minutes += length
                by_site[entry.site.id] += length
            else:
                lost += length
        scheduled = minutes / 60
        contracted = agent.weekly_hours
        status = (
            "unknown" if contracted is None else ("deficit" if scheduled < contracted else "ok")
        )
        out.append(
            {
                "mediator": agent.id,
                "name": agent.name,
                "week": week.label,
                "scheduled_hours": round(scheduled, 2),
                "contracted_hours": contracted,
                "difference": round(scheduled - contracted, 2) if contracted is not None else None,
                "lost_hours": round(lost / 60, 2),
                "status": status,
                "by_site": {k: round(v / 60, 2) for k, v in sorted(by_site.items())},
            }
        )
    return out


def deficit_warnings(
    db: Session, week: IsoWeek, agent_ids: set[str], lang: str = "fr"
) -> list[str]:
    """Warnings for the weekly report: mediators scheduled below their contract."""
    found = []
    # Only mediators with contracted hours are checked: one query finds them among the
    # scheduled agents (thousands, in a national report), then each is measured.
    mediators = select(m.Agent).where(
        m.Agent.role == MEDIATOR_ROLE, col(m.Agent.weekly_hours).is_not(None)
    )
    for agent in db.exec(mediators.order_by(col(m.Agent.id))):
        if agent.id not in agent_ids:
            continue
        (figures,) = hours(db, week, agent)
        if figures["status"] == "deficit":
            scheduled = f"{figures['scheduled_hours']:g}"
            contracted = f"{figures['contracted_hours']:g}"
            found.append(
                f"médiateur {agent.id} : {scheduled} h prévues pour {contracted} h au contrat"
                if lang != "en"
                else f"mediator {agent.id}: {scheduled} h scheduled, {contracted} h contracted"
            )
    return found


# ---- report ---------------------------------------------------------------------------------


def report(
    db: Session,
    *,
    start: date,
    end: date,
    site: str | None = None,
    programme: str | None = None,
) -> dict[str, Any]:
    """Sessions, people accompanied and hours, by site, theme, type, age band and month; the
    share of seniors (60+); the Ardoiz tablet's figures."""
    if end < start:
        raise InvalidData(f"invalid range: --to {end} is before --from {start}")
    sessions = _filtered(db, start, end, site, programme)
    by_site: dict[str, dict[str, Any]] = {}
    by_month: dict[str, dict[str, Any]] = {}
    themes: Counter[str] = Counter()
    types: Counter[str] = Counter()
    ages: Counter[str] = Counter()
    autonomy: Counter[str] = Counter()
    ardoiz = {"sessions": 0, "people": 0, "hours": 0.0}
    names = (
        {
            s.id: s.name
            for s in db.exec(
                select(m.Site).where(col(m.Site.id).in_(sorted({x.site_id for x in sessions})))
            )
        }
        if sessions
        else {}
    )
    for s in sessions:
        for bucket, key in ((by_site, s.site_id), (by_month, f"{s.session_date:%Y-%m}")):
            entry = bucket.setdefault(key, {"sessions": 0, "people": 0, "hours": 0.0})
            entry["sessions"] += 1
            entry["people"] += s.participants
            entry["hours"] += s.duration_minutes / 60
        themes.update(s.themes)
        types[s.session_type] += 1
        ages.update(s.age_bands)
        if s.autonomy:
            autonomy[s.autonomy] += 1
        if s.device_model == "ardoiz":
            ardoiz["sessions"] += 1
            ardoiz["people"] += s.participants
            ardoiz["hours"] += s.duration_minutes / 60
    people = sum(s.participants for s in sessions)
    known_age = sum(v for k, v in ages.items() if k != "non_communique")
    seniors = sum(ages.get(band, 0) for band in rules.SENIOR_BANDS)
    return {
        "from": start,
        "to": end,
        "site": site,
        "programme": programme,
        "sessions": len(sessions),
        "people": people,
        "hours": round(sum(s.duration_minutes for s in sessions) / 60, 2),
        "seniors": seniors,
        "senior_share": round(seniors / known_age, 4) if known_age else None,
        "by_site": [
            {"site_id": k, "site_name": names.get(k), **_rounded(v)}
            for k, v in sorted(by_site.items())
        ],
        "by_month": [{"month": k, **_rounded(v)} for k, v in sorted(by_month.items())],
        "by_theme": [
            {"theme": k, "sessions": v}
            for k, v in sorted(themes.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "by_type": [{"type": k, "sessions": v} for k, v in sorted(types.items())],
        "by_age_band": [
            {"age_band": band, "people": ages.get(band, 0)} for band in vocab.AGE_BANDS
        ],
        "by_autonomy": [{"autonomy": k, "sessions": v} for k, v in sorted(autonomy.items())],
        "ardoiz": _rounded(ardoiz),
    }


def _rounded(values: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in values.items()}


# ---- lieux de médiation numérique -----------------------------------------------------------

PLACE_FIELDS = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "structure_parente", "date_maj",
    "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
    "frais_a_charge", "itinerance", "dispositif_programmes_nationaux", "formations_labels",
    "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
    "fiche_acces_libre", "prise_rdv",
)  # fmt: skip
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


def places(db: Session, *, department: str | None = None) -> list[dict[str, Any]]:
    """Sites offering digital mediation (an îlot numérique, mediation sessions or a mediation
    programme's permanences, or France Services) in the national standard's fields; lists are
    joined by `|`."""
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
    france_services = set(
        db.exec(select(m.SiteLabel.site_id).where(m.SiteLabel.label == "france_services"))
    )
    ids = sorted(ilots | with_sessions | with_permanences | france_services)
    if not ids:
        return []
    sites = list(db.exec(select(m.Site).where(col(m.Site.id).in_(ids)).order_by(col(m.Site.id))))
    if department is not None:
        sites = [s for s in sites if s.department_code == department]
    themes: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for site_id, theme_list, kind in db.exec(
        select(
            m.MediationSession.site_id, m.MediationSession.themes, m.MediationSession.session_type
        )
    ):
        themes[site_id].update(theme_list)
        kinds[site_id].add(kind)
    out = []
    for site in sites:
        services = {THEME_SERVICES[t] for t in themes[site.id] if t in THEME_SERVICES}
        services.add(EVERYDAY)
        if site.id in ilots:
            services.add(ACCESS)
        if site.id in france_services:
            services.add("Aide aux démarches administratives")
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
        out.append(
            {
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
                "typologie": None,
                "telephone": None,
                "courriels": site.email,
                "site_web": None,
                "horaires": site.opening_hours,
                "presentation_resume": _presentation(
                    site.id in ilots,
                    site.id in france_services,
                    site.id in with_sessions or site.id in with_permanences,
                ),
                "presentation_detail": None,
                "source": "La Poste",
                "structure_parente": "La Poste"
                if site.source in ("seed", "laposte")
                and site.kind.startswith(("bureau", "agence", "relais"))
                else None,
                "date_maj": site.updated_at.date(),
                "services": "|".join(sorted(services)),
                "publics_specifiquement_adresses": None,
                "prise_en_charge_specifique": None,
                "frais_a_charge": "Gratuit",
                "itinerance": "Fixe",
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
