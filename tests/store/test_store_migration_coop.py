"""Migration 0002 (the Coop's vocabulary) on the backend of the run: SQLite here, PostgreSQL
when PRESENCE_POSTALE_TEST_POSTGRES names a server. Sessions written at revision 0001 come out
in the Coop's codes, nothing else of them changed, and the new fields filled."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from backends import Database, url_of
from presence_postale.store import db as store
from presence_postale.store import schema

ROWS_0001 = [
    "INSERT INTO site (id, name, name_key, kind, source, illustrative, created_at, updated_at) "
    "VALUES ('00518A', 'Saint-Gérand', 'saint gerand', 'bureau_de_poste', 'seed', false, "
    "'2019-03-01 10:00:00', '2019-03-01 10:00:00')",
    "INSERT INTO agent (id, name_key, role, active, illustrative, source) "
    "VALUES ('m', '', 'mediateur_numerique', true, false, 'seed')",
]
SESSION_0001 = (
    "INSERT INTO mediation_session (site_id, mediator_id, session_date, start_time, "
    "duration_minutes, session_type, participants, age_bands, social_statuses, themes, "
    "equipment, redirection, note, created_at) VALUES ('00518A', 'm', :day, '13:30', 120, "
    "'collectif', 4, :ages, '{\"retraite\": 4}', :themes, '[\"tablette\"]', :redirection, "
    "'note', '2019-03-26 15:40:00')"
)


def test_sessions_come_out_in_the_coops_codes(isolated_env: Database) -> None:
    if isinstance(isolated_env, Path):
        store.create_file(isolated_env)
    engine = store.make_engine(url_of(isolated_env))
    try:
        assert schema.upgrade(engine, "0001") == ["0001"]
        with engine.begin() as connection:
            for statement in ROWS_0001:
                connection.execute(text(statement))
            for day, ages, themes, redirection in (
                ("2019-03-26", {"60-69": 3, "70+": 1}, ["gerer_ses_contenus_numeriques"], "CCAS"),
                ("2019-03-27", {"<12": 4}, ["email"], None),
                ("2019-03-28", {}, [], "aide_sociale"),
            ):
                connection.execute(
                    text(SESSION_0001),
                    {
                        "day": day,
                        "ages": json.dumps(ages),
                        "themes": json.dumps(themes),
                        "redirection": redirection,
                    },
                )
        assert schema.upgrade(engine) == schema.revisions()[1:]
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT age_bands, themes, redirection, redirection_detail, genders, "
                    "residence_communes, place_type, social_statuses, note "
                    "FROM mediation_session ORDER BY session_date"
                )
            ).all()
    finally:
        engine.dispose()

    json_columns = {0, 1, 4, 5, 7}  # SQLite gives JSON as text, PostgreSQL as values

    def loaded(index: int, value: object) -> object:
        return json.loads(value) if index in json_columns and isinstance(value, str) else value

    assert [tuple(loaded(i, v) for i, v in enumerate(row)) for row in rows] == [
        (
            {"soixante_soixante_neuf": 3, "soixante_dix_plus": 1},
            ["gere_ses_contenus_numeriques"],
            "aide_sociale",
            "CCAS",
            {},
            {},
            "lieu_activite",
            {"retraite": 4},
            "note",
        ),
        (
            {"moins_de_douze": 4},
            ["email"],
            None,
            None,
            {},
            {},
            "lieu_activite",
            {"retraite": 4},
            "note",
        ),
        ({}, [], "aide_sociale", None, {}, {}, "lieu_activite", {"retraite": 4}, "note"),
    ]
