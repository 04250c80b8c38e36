"""`report access` for machines: JSON (everything, English keys and codes), CSV (one row per
commune) and GeoJSON (the communes as points with their distance, for QGIS and uMap)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presence_postale.domain.access import Figures, Reach
    from presence_postale.services.access import AccessReport, CommuneAccess, DepartmentAccess


def rounded_km(value: float) -> float:
    """A distance as reports give it: to 100 m."""
    return round(value, 1)


def change_code(before: Reach | None, after: Reach | None, km: float) -> str:
    was = before is not None and before.km <= km
    now = after is not None and after.km <= km
    if was != now:
        return "newly_within" if now else "newly_beyond"
    if before is None or after is None or after.km == before.km:
        return "other_point"
    return "farther" if after.km > before.km else "nearer"


def _figures_json(figures: Figures | None) -> dict[str, Any] | None:
    if figures is None:
        return None
    return {
        "communes": figures.communes,
        "population": figures.population,
        "population_within": figures.within,
        "population_beyond": figures.beyond,
        "share_within": None if figures.share is None else round(figures.share, 6),
        "rule_holds": figures.holds,
    }


def _department_json(row: DepartmentAccess) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": row.code,
        "name": row.name,
        **(_figures_json(row.figures) or {}),
    }
    if row.after is not None:
        data["after"] = _figures_json(row.after)
    if row.week is not None:
        data["with_week_permanences"] = _figures_json(row.week)
    return data


def _reach_json(reach: Reach | None) -> dict[str, Any] | None:
    if reach is None:
        return None
    return {
        "distance_km": rounded_km(reach.km),
        "point_id": reach.point.id,
        "point_name": reach.point.name,
    }


def _point_json(point: Any) -> dict[str, Any]:
    return {
        "id": point.id,
        "name": point.name,
        "latitude": point.latitude,
        "longitude": point.longitude,
    }


def access_json(report: AccessReport) -> dict[str, Any]:
    data: dict[str, Any] = {
        "method": {
            "distance": "great_circle_from_town_hall",
            "travel_time": None,
            "within_km": report.within_km,
            "points": report.points,
            "point_count": len(report.point_list),
            "communes_at_a_point_inside": report.polygon_positions,
            "sources": [{"file": f, "population_year": y} for f, y in report.sources],
            "communes_without_position": report.without_position,
            "communes_without_population": report.without_population,
        },
        "week": report.week.label if report.week else None,
        "departments": [_department_json(row) for row in report.rows],
        "total": _department_json(report.total) | {"code": None, "name": None},
        "beyond": [
            {
                "insee_code": c.commune.insee_code,
                "name": c.commune.name,
                "department": c.commune.department,
                "population": c.commune.population,
                "nearest": _reach_json(c.reach),
            }
            for c in report.beyond()
        ],
    }
    if report.week is not None:
        data["week_hosts"] = [_point_json(p) for p in report.hosts]
    if report.what_if:
        data["what_if"] = {
            "without": [_point_json(p) for p in report.closed],
            "with": [_point_json(p) for p in report.added],
            "population_newly_beyond": report.newly_beyond(),
            "population_newly_within": report.newly_within(),
            "communes": [
                {
                    "insee_code": c.commune.insee_code,
                    "name": c.commune.name,
                    "population": c.commune.population,
                    "before": _reach_json(c.before),
                    "after": _reach_json(c.after),
                    "change": change_code(c.before, c.after, report.within_km),
                }
                for c in report.changes
            ],
        }
    return data


def csv_keys(report: AccessReport) -> list[str]:
    keys = [
        "insee_code", "name", "department", "population", "latitude", "longitude", "position",
        "distance_km", "nearest_id", "nearest_name", "within",
    ]  # fmt: skip
    if report.what_if:
        keys += ["distance_km_after", "nearest_id_after", "nearest_name_after", "within_after"]
    if report.week is not None:
        keys += ["distance_km_week", "nearest_id_week", "nearest_name_week", "within_week"]
    return keys


def commune_row(item: CommuneAccess, report: AccessReport) -> dict[str, Any]:
    commune = item.commune
    row: dict[str, Any] = {
        "insee_code": commune.insee_code,
        "name": commune.name,
        "department": commune.department,
        "population": commune.population,
        "latitude": commune.latitude,
        "longitude": commune.longitude,
        "position": commune.position,
    }
    for suffix, reach, wanted in (
        ("", item.reach, True),
        ("_after", item.after, report.what_if),
        ("_week", item.week, report.week is not None),
    ):
        if wanted:
            row[f"distance_km{suffix}"] = rounded_km(reach.km) if reach else None
            row[f"nearest_id{suffix}"] = reach.point.id if reach else None
            row[f"nearest_name{suffix}"] = reach.point.name if reach else None
            row[f"within{suffix}"] = reach is not None and reach.km <= report.within_km
    return row


def access_geojson(report: AccessReport) -> dict[str, Any]:
    """The communes as points, with their distance and nearest point (RFC 7946: longitude
    first, WGS 84)."""
    features = []
    for item in report.communes:
        properties = commune_row(item, report)
        longitude, latitude = properties.pop("longitude"), properties.pop("latitude")
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}
