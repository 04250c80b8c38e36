"""Records files in JSON: the notes, then each section, one record per line, so that a
change between two exports is a changed line; the values as the json module writes them,
dates as ISO text."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from presence_postale.formats.exports import records_json


def test_each_record_is_one_line_and_the_file_reads_back_as_its_values() -> None:
    sections = {
        "sites": [
            {"id": "17510A", "name": "Vigny « bureau »", "latitude": 49.0791, "staff_count": 0},
            {"id": "x", "labels": [{"label": "france_services", "since": date(2020, 1, 1)}]},
        ],
        "closures": [],
    }
    written = records_json(sections, ("reservations.email",))
    assert written == (
        "{\n"
        '  "version": 1,\n'
        '  "exported": true,\n'
        '  "left_out": ["reservations.email"],\n'
        '  "sites": [\n'
        '    {"id": "17510A", "name": "Vigny « bureau »", "latitude": 49.0791, "staff_count": 0},\n'
        '    {"id": "x", "labels": [{"label": "france_services", "since": "2020-01-01"}]}\n'
        "  ],\n"
        '  "closures": []\n'
        "}\n"
    )
    assert json.loads(written)["sites"][1]["labels"][0]["since"] == "2020-01-01"


def test_times_and_stamps_are_iso_text_and_anything_else_is_refused() -> None:
    stamp = datetime(2026, 11, 28, 9, 30)
    written = json.loads(records_json({"outcomes": [{"at": stamp, "start": time(9, 5)}]}))
    assert written["outcomes"] == [{"at": "2026-11-28T09:30:00", "start": "09:05"}]
    with pytest.raises(TypeError, match="not a records value: set"):
        records_json({"sites": [{"id": {1}}]})
