"""The mediation report: the figures *La Coop de la médiation numérique* gives a mediator.

Sessions, people accompanied and hours, by site and month; sessions by type, place type, theme
and theme family (digital skills or administrative procedures), equipment, autonomy reached,
redirection and length; people by age band, social status, gender and commune of residence;
the share of seniors and the Ardoiz tablet's figures. As in the Coop, a person whose age,
status or gender was not counted is `non_communique`; every breakdown of a vocabulary lists all
its codes, zeros included, so two reports line up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import mediation as rules
from presence_postale.domain import vocab
from presence_postale.errors import InvalidData
from presence_postale.services.mediation import sessions_between
from presence_postale.store import models as m

ARDOIZ = "ardoiz"


def report(
    db: Session,
    *,
    start: date,
    end: date,
    site: str | None = None,
    programme: str | None = None,
) -> dict[str, Any]:
    if end < start:
        raise InvalidData("value.range_reversed", start=start, end=end)
    sessions = sessions_between(db, start, end, site, programme)
    people = sum(s.participants for s in sessions)
    by_people = _people_counters(sessions)
    known_age = people - by_people["age_band"].get(rules.UNKNOWN, 0)
    seniors = sum(by_people["age_band"].get(band, 0) for band in rules.SENIOR_BANDS)
    return {
        "from": start,
        "to": end,
        "site": site,
        "programme": programme,
        "sessions": len(sessions),
        "people": people,
        "hours": _hours(s.duration_minutes for s in sessions),
        "seniors": seniors,
        "senior_share": round(seniors / known_age, 4) if known_age else None,
        "by_site": _by_site(db, sessions),
        "by_month": _totals(sessions, "month", lambda s: f"{s.session_date:%Y-%m}"),
        "by_month_theme_family": _month_families(sessions),
        **_session_breakdowns(sessions),
        "by_age_band": _shares("age_band", by_people["age_band"], "people"),
        "by_social_status": _shares("social_status", by_people["social_status"], "people"),
        "by_gender": _shares("gender", by_people["gender"], "people"),
        "by_commune": _by_commune(db, by_people["commune"]),
        "ardoiz": _totals([s for s in sessions if s.device_model == ARDOIZ], None, None)[0],
    }


def _hours(minutes: Iterable[int]) -> float:
    return round(sum(minutes) / 60, 2)


def _totals(
    sessions: Sequence[m.MediationSession], name: str | None, key: Any
) -> list[dict[str, Any]]:
    """Sessions, people and hours, in all (`name` None) or by `key(session)`, in key order."""
    groups: dict[str, list[m.MediationSession]] = {}
    for s in sessions:
        groups.setdefault(key(s) if key else "", []).append(s)
    if name is None and not groups:
        groups[""] = []
    return [
        {
            **({name: k} if name else {}),
            "sessions": len(group),
            "people": sum(s.participants for s in group),
            "hours": _hours(s.duration_minutes for s in group),
        }
        for k, group in sorted(groups.items())
    ]


def _by_site(db: Session, sessions: Sequence[m.MediationSession]) -> list[dict[str, Any]]:
    ids = sorted({s.site_id for s in sessions})
    names = (
        dict(db.exec(select(m.Site.id, m.Site.name).where(col(m.Site.id).in_(ids))).all())
        if ids
        else {}
    )
    return [
        {"site_id": row["site_id"], "site_name": names.get(row["site_id"]), **row}
        for row in _totals(sessions, "site_id", lambda s: s.site_id)
    ]


def _month_families(sessions: Sequence[m.MediationSession]) -> list[dict[str, Any]]:
    """Sessions by month and theme family (a session of both families counts in each)."""
    counts: Counter[tuple[str, str]] = Counter()
    for s in sessions:
        for family in {rules.theme_family(t) for t in s.themes}:
            counts[(f"{s.session_date:%Y-%m}", family)] += 1
    months = sorted({month for month, _ in counts})
    return [
        {"month": month, "family": family, "sessions": counts[(month, family)]}
        for month in months
        for family in vocab.VOCABULARIES["theme_family"]
    ]


def _session_breakdowns(sessions: Sequence[m.MediationSession]) -> dict[str, Any]:
    """Sessions by each of the Coop's session vocabularies."""
    counts: dict[str, Counter[str]] = {
        name: Counter()
        for name in (
            "session_type",
            "place_type",
            "theme",
            "theme_family",
            "equipment_used",
            "autonomy",
            "redirection",
            "duration_band",
        )
    }
    for s in sessions:
        counts["session_type"][s.session_type] += 1
        counts["place_type"][s.place_type] += 1
        counts["theme"].update(s.themes)
        counts["theme_family"].update({rules.theme_family(t) for t in s.themes})
        counts["equipment_used"].update(s.equipment)
        counts["duration_band"][rules.duration_band(s.duration_minutes)] += 1
        if s.autonomy:
            counts["autonomy"][s.autonomy] += 1
        if s.redirection:
            counts["redirection"][s.redirection] += 1
    themes = _shares("theme", counts["theme"], "sessions", total=len(sessions))
    families = {t: rules.theme_family(t) for t in vocab.THEMES}
    return {
        "by_type": _shares("session_type", counts["session_type"], "sessions", key="type"),
        "by_place_type": _shares("place_type", counts["place_type"], "sessions"),
        "by_theme_family": _shares(
            "theme_family", counts["theme_family"], "sessions", total=len(sessions), key="family"
        ),
        "by_theme": sorted(
            ({**row, "family": families[row["theme"]]} for row in themes),
            key=lambda row: -row["sessions"],
        ),
        "by_equipment": _shares(
            "equipment_used",
            counts["equipment_used"],
            "sessions",
            total=len(sessions),
            key="equipment",
        ),
        "by_autonomy": _shares("autonomy", counts["autonomy"], "sessions"),
        "by_redirection": _shares("redirection", counts["redirection"], "sessions"),
        "by_duration_band": _shares("duration_band", counts["duration_band"], "sessions"),
    }


def _shares(
    vocabulary: str,
    counts: Counter[str] | dict[str, int],
    measure: str,
    *,
    total: int | None = None,
    key: str | None = None,
) -> list[dict[str, Any]]:
    """Every code of the vocabulary with its count and its share of `total` (of the counts'
    sum when not given: a session has several themes, so their shares are of sessions)."""
    whole = sum(counts.values()) if total is None else total
    return [
        {
            key or vocabulary: code,
            measure: counts.get(code, 0),
            "share": round(counts.get(code, 0) / whole, 4) if whole else None,
        }
        for code in vocab.VOCABULARIES[vocabulary]
    ]


def _people_counters(sessions: Sequence[m.MediationSession]) -> dict[str, Counter[str]]:
    """People by age band, social status, gender and commune of residence; those a session
    did not count are `non_communique`, as the Coop counts a person without the attribute."""
    out: dict[str, Counter[str]] = {
        "age_band": Counter(),
        "social_status": Counter(),
        "gender": Counter(),
        "commune": Counter(),
    }
    for s in sessions:
        for name, counts in (
            ("age_band", s.age_bands),
            ("social_status", s.social_statuses),
            ("gender", s.genders),
            ("commune", s.residence_communes),
        ):
            out[name].update(counts)
            uncounted = s.participants - sum(counts.values())
            if uncounted > 0:
                out[name][rules.UNKNOWN] += uncounted
    return out


def _by_commune(db: Session, counts: Counter[str]) -> list[dict[str, Any]]:
    """People by commune of residence, most first; each commune named after a site there."""
    codes = sorted(code for code in counts if code != rules.UNKNOWN)
    names: dict[str, str] = {}
    if codes:
        statement = select(m.Site.insee_code, m.Site.commune).where(
            col(m.Site.insee_code).in_(codes), col(m.Site.commune).is_not(None)
        )
        for code, commune in db.exec(statement.order_by(col(m.Site.id))):
            if code and commune:
                names.setdefault(code, commune)
    total = sum(counts.values())
    rows = [
        {
            "insee_code": code,
            "commune": names.get(code),
            "people": count,
            "share": round(count / total, 4),
        }
        for code, count in counts.items()
    ]
    # Known communes first, most people first; those not given last.
    return sorted(
        rows,
        key=lambda row: (row["insee_code"] == rules.UNKNOWN, -row["people"], row["insee_code"]),
    )
