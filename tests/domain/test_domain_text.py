import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presence_postale.domain.text import _fold, matches, search_key, slugify


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Noyant-d'Allier", "NOYANT D ALLIER"),
        ("Noyant-d’Allier", "noyant d allier"),
        ("St Gérand-le-Puy", "SAINT GERAND LE PUY"),
        ("ST GERAND LE PUY", "Saint-Gérand-le-Puy"),
        ("Ste-Marie", "SAINTE MARIE"),
        ("Les Stes-Maries", "les saintes maries"),
        ("Cazals s/ Lot", "Cazals-sur-Lot"),
        ("Cœuvres", "COEUVRES"),
    ],
)
def test_same_key(left: str, right: str) -> None:
    assert search_key(left) == search_key(right)


def test_key_value() -> None:
    assert search_key("St Gérand-le-Puy") == "saint gerand le puy"
    assert search_key("  Grisy-les-Plâtres  (95) ") == "grisy les platres 95"
    assert search_key("Bras/Orne") == "bras orne"
    assert search_key("BP 12") == "bp 12"


def test_matches() -> None:
    key = search_key("Saint-Gérand-le-Puy")
    assert matches("st gerand", key)
    assert matches("gerand st", key)
    assert matches("Saint-Gér", key)
    assert matches("PUY", key)
    assert not matches("gerand gerand", key)
    assert not matches("vigny", key)
    assert not matches("", key)
    assert not matches("  -  ", key)


def test_matches_needs_distinct_words() -> None:
    # `s` must leave `saint` to the second word: a greedy pass would fail.
    assert matches("s saint", "saint sauveur")
    assert not matches("saint saint", "saint sauveur")


def test_slugify() -> None:
    assert slugify("Mairie de Grisy-les-Plâtres") == "mairie-de-grisy-les-platres"
    assert slugify("Bureau de poste d'Agen — Tourny") == "bureau-de-poste-d-agen-tourny"
    assert slugify("Œuvre") == "oeuvre"


@given(st.text())
def test_search_key_is_idempotent(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert key == key.strip() and "  " not in key


@given(st.text())
def test_text_matches_its_own_key(text: str) -> None:
    key = search_key(text)
    assert matches(text, key) == bool(key)


@given(st.text())
def test_slug_is_plain_ascii(text: str) -> None:
    slug = slugify(text)
    assert slug.isascii()
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    assert slugify(slug) == slug


def _fold_one_by_one(text: str) -> str:
    """What `_fold` is held to: each character of the decomposed text looked at in turn."""
    if text.isascii():
        return "".join(ch if ch.isalnum() else " " for ch in text.lower())
    ligatures = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})
    text = unicodedata.normalize("NFKD", text.translate(ligatures)).casefold()
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch))


@given(st.text() | st.sampled_from(["Cœur-d'Évêché", "Ǆ İ ẞ ﬁ ½ ٣", "Ñandú\u0301"]))
def test_folding_remembers_each_character_as_it_was_worked_out(text: str) -> None:
    assert _fold(text) == _fold_one_by_one(text)
    assert _fold(text) == _fold_one_by_one(text)  # the second time from what was remembered


def test_folded_names_lose_accents_and_punctuation() -> None:
    assert _fold("Cœur-d'Évêché") == "coeur d eveche"
    assert _fold("İzmir ½") == "izmir 1 2"
