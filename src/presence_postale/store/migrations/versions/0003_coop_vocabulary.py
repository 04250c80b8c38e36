"""mediation sessions in the Coop's whole vocabulary

Sessions gain what *La Coop de la médiation numérique* records: where they took place (its
TypeLieu and the commune's INSEE code), gender and commune-of-residence counters, details of an
administrative procedure, a workshop's title and level, and the redirection as an entry of the
Coop's fixed list (the former free text is kept beside it). Codes of the older cut become the
Coop's: `gerer_ses_contenus_numeriques` -> `gere_ses_contenus_numeriques`, `70+` ->
`soixante_dix_plus` and the other age bands. No row is lost: every session is rewritten in
place, in this migration's transaction.

Revision ID: 0003_coop_vocabulary
Revises: 0002_communes
Create Date: 2026-11-28
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003_coop_vocabulary"
down_revision: str | None = "0002_communes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: the codes this revision renames, whatever the vocabulary becomes later.
THEMES = {"gerer_ses_contenus_numeriques": "gere_ses_contenus_numeriques"}
AGE_BANDS = {
    "<12": "moins_de_douze",
    "12-17": "douze_dix_huit",
    "18-24": "dix_huit_vingt_quatre",
    "25-39": "vingt_cinq_trente_neuf",
    "40-59": "quarante_cinquante_neuf",
    "60-69": "soixante_soixante_neuf",
    "70+": "soixante_dix_plus",
}

SESSIONS = sa.table(
    "mediation_session",
    sa.column("id", sa.Integer()),
    sa.column("themes", sa.JSON()),
    sa.column("age_bands", sa.JSON()),
    sa.column("redirection", sa.String()),
    sa.column("redirection_detail", sa.String()),
    sa.column("genders", sa.JSON()),
    sa.column("residence_communes", sa.JSON()),
    sa.column("place_type", sa.String()),
)


def upgrade() -> None:
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("genders", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("residence_communes", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("procedure_details", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("place_type", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("place_insee_code", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("redirection_detail", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("workshop_title", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("workshop_level", sa.String(), nullable=True))

    connection = op.get_bind()
    rows = connection.execute(
        sa.select(SESSIONS.c.id, SESSIONS.c.themes, SESSIONS.c.age_bands, SESSIONS.c.redirection)
    ).all()
    for session_id, themes, age_bands, redirection in rows:
        connection.execute(
            SESSIONS.update()
            .where(SESSIONS.c.id == session_id)
            .values(**_converted(themes, age_bands, redirection))
        )

    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.alter_column("genders", existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column("residence_communes", existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column("place_type", existing_type=sa.String(), nullable=False)


def _converted(themes: Any, age_bands: Any, redirection: str | None) -> dict[str, Any]:
    from presence_postale.domain.mediation import read_redirection

    counts: dict[str, int] = {}
    for band, count in (age_bands or {}).items():
        code = AGE_BANDS.get(band, band)
        counts[code] = counts.get(code, 0) + count
    code, words = read_redirection(redirection)
    return {
        "themes": [THEMES.get(theme, theme) for theme in themes or []],
        "age_bands": counts,
        "redirection": code,
        "redirection_detail": words,
        "genders": {},
        "residence_communes": {},
        "place_type": "lieu_activite",
    }


def downgrade() -> None:
    """Back to the older cut: former codes, the administrative themes folded into the one
    umbrella theme, the redirection's own words where there were some; the new fields go."""
    themes_back = {new: old for old, new in THEMES.items()}
    bands_back = {new: old for old, new in AGE_BANDS.items()}
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            SESSIONS.c.id,
            SESSIONS.c.themes,
            SESSIONS.c.age_bands,
            SESSIONS.c.redirection,
            SESSIONS.c.redirection_detail,
        )
    ).all()
    for session_id, themes, age_bands, redirection, words in rows:
        older: list[str] = []
        for theme in themes or []:
            code = themes_back.get(theme, theme)
            if code in OLDER_THEMES and code not in older:
                older.append(code)
            elif code not in OLDER_THEMES and UMBRELLA not in older:
                older.append(UMBRELLA)
        connection.execute(
            SESSIONS.update()
            .where(SESSIONS.c.id == session_id)
            .values(
                themes=older,
                age_bands={bands_back.get(k, k): v for k, v in (age_bands or {}).items()},
                redirection=words or redirection,
            )
        )
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        for column in (
            "workshop_level",
            "workshop_title",
            "redirection_detail",
            "place_insee_code",
            "place_type",
            "procedure_details",
            "residence_communes",
            "genders",
        ):
            batch_op.drop_column(column)


UMBRELLA = "aide_aux_demarches_administratives"
# The 19 themes of the older cut, under their former codes.
OLDER_THEMES = (
    "diagnostic_numerique",
    "prendre_en_main_du_materiel",
    "maintenance_de_materiel",
    "gerer_ses_contenus_numeriques",
    "navigation_sur_internet",
    "email",
    "bureautique",
    "reseaux_sociaux",
    "sante",
    "banque_et_achats_en_ligne",
    "entrepreneuriat",
    "insertion_professionnelle",
    "securite_numerique",
    "parentalite",
    "scolarite_et_numerique",
    "creer_avec_le_numerique",
    "culture_numerique",
    "intelligence_artificielle",
    UMBRELLA,
)
