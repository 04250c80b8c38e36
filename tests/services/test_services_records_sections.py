"""Every table and column a person writes to has its place in records files: the sections are
held to the schema's metadata, so a new table or column without a section (or a reason to
stay out) fails here."""

from __future__ import annotations

from presence_postale.formats.seed import SCHEMA
from presence_postale.services import records_versions
from presence_postale.services.records import _LOADERS
from presence_postale.services.records_sections import (
    NOT_EXPORTED,
    NOT_EXPORTED_COLUMNS,
    SECTIONS,
)
from presence_postale.store import models as m

# Row numbers written as the uid of the record they point to.
READ_THROUGH_A_FUNCTION = {"permanence_id", "offered_reservation_id"}


def test_every_table_has_a_section_or_a_reason_to_stay_out() -> None:
    tables = set(m.metadata().tables)
    carried = {section.table for section in SECTIONS.values()}
    assert carried.isdisjoint(NOT_EXPORTED)
    assert carried | set(NOT_EXPORTED) == tables


def test_every_column_has_a_field_or_a_reason_to_stay_out() -> None:
    for name, section in SECTIONS.items():
        table = m.metadata().tables[section.table]
        named = {source for source in section.fields.values() if isinstance(source, str)}
        assert named <= set(table.c.keys()), name
        for column in [column.name for column in table.c]:
            if column in named or column in NOT_EXPORTED_COLUMNS:
                continue
            if f"{section.table} {column}" in NOT_EXPORTED_COLUMNS:
                continue
            assert column in READ_THROUGH_A_FUNCTION, f"{section.table}.{column} is in no section"


def test_the_export_writes_the_fields_the_loader_reads_in_its_order() -> None:
    assert list(SECTIONS) == list(SCHEMA)
    for name, section in SECTIONS.items():
        assert list(section.fields) == list(SCHEMA[name]), name
    assert set(_LOADERS) | set(records_versions.SECTIONS) == set(SCHEMA)
