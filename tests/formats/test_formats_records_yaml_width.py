"""Long texts in a records file: the direct writer folds them where PyYAML's emitter does
(at a single space once the line is past 100 characters; in quotes, never at the first or
last character), so that the bytes stay PyYAML's whatever the length."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.formats import records_yaml as writer
from presence_postale.formats.exports import records_yaml


def pyyaml_bytes(sections: dict[str, Any]) -> str:
    return writer.HEADER + writer.dump({**writer.notes(()), **sections})


HOURS = "Mo,We,Fr 09:00-12:00,14:00-17:00; Tu 09:30-12:00,14:00-17:00; Sa 09:00-12:00; PH off"
NOTE = (
    "Serres : lieu de la réunion du vendredi 26 janvier 2018 entre les personnels des 5 MSAP "
    "de la CCSB et ceux de La Poste (lancement du programme tablette Ardoiz). Le document ne "
    "nomme pas le département ; Serres (Hautes-Alpes) est une hypothèse."
)


def record(text: str) -> dict[str, Any]:
    return {
        "id": "x",
        "note": text,
        "opening_hours": text,
        "labels": [{"label": "france_services", "detail": text}, text],
        "equipment": [text, "wifi"],
    }


def test_the_pilots_long_hours_and_notes_are_folded_as_pyyaml_folds_them() -> None:
    texts = [HOURS, HOURS + " x", NOTE, "l'" + NOTE, " " + NOTE, NOTE + " ", "x" * 150]
    sections = {"sites": [record(text) for text in texts]}
    written = records_yaml(sections)
    assert written == pyyaml_bytes(sections)
    assert "\n      la CCSB et ceux de La Poste" in written  # folded, as PyYAML folds it


WORD = st.text(
    st.sampled_from("abcdéèÎ'-:#,;()0123456789"), min_size=1, max_size=14
) | st.sampled_from(["'", "a'", "'a", ":", "#", "-", "x" * 40, "1e3", "no"])


@settings(max_examples=400, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=40), st.booleans(), st.booleans())
def test_any_long_text_is_written_as_pyyaml_writes_it(
    words: list[str], leading: bool, trailing: bool
) -> None:
    text = (" " if leading else "") + " ".join(words) + (" " if trailing else "")
    sections = {"sites": [record(text)], "notes": [{"a": text}, {"a": "b", "c": text}]}
    assert records_yaml(sections) == pyyaml_bytes(sections)
