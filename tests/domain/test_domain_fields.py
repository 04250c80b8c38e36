"""The rules of single values (text, codes, contacts) that every way a record comes in shares."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.domain import codes, fields
from presence_postale.domain.fields import FieldError
from refusals import english, refused, shown_on_one_line

# ---- text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Vigny\nbis", "a name is one line"),
        ("Vig\rny", "a name is one line"),
        ("Vigny\u2028bis", "a name is one line"),
        ("Vigny\u202egnp.exe", "U+202E"),  # right-to-left override
        ("Vigny\u2066x\u2069", "U+2066"),  # left-to-right isolate
        ("Vig\u200bny", "U+200B"),  # zero-width space
        ("\ufeffVigny", "U+FEFF"),  # byte-order mark
        ("Vig\u00adny", "U+00AD"),  # soft hyphen: invisible too
        ("\u3164", "U+3164"),  # Hangul filler: a name that looks empty
        ("Vig\u115fny", "U+115F"),  # Hangul choseong filler
        ("Vig\u034fny", "U+034F"),  # combining grapheme joiner
        ("\u2800", "U+2800"),  # blank Braille cell
        ("Vig\ue000ny", "private-use or unassigned character (U+E000)"),
        ("Vig\U000f0000ny", "private-use or unassigned character (U+F0000)"),
        ("Vig\u0378ny", "private-use or unassigned character (U+0378)"),  # unassigned
        ("Vigny\x1b[31m", "control character (U+001B)"),
        ("Vigny\tbis", "control character (U+0009)"),
        ("Vigny\udcff", "not text"),
        ("   ", "must not be empty"),
        ("x" * 201, "201 characters, at most 200"),
    ],
)
def test_a_name_refuses_what_would_change_the_page_it_lands_in(text: str, fragment: str) -> None:
    with refused(FieldError) as caught:
        fields.line(text, "name")
    message = english(caught.value)
    assert fragment in message and shown_on_one_line(message)


def test_a_note_keeps_its_lines_but_no_invisible_characters() -> None:
    assert fields.note("ligne 1\r\nligne 2\tfin", "note") == "ligne 1\nligne 2\tfin"
    with refused(FieldError, match="U\\+202E"):
        fields.note("ligne\u202e", "note")
    assert fields.note("x" * 2000, "note") == "x" * 2000
    with refused(FieldError, match="2001 characters, at most 2000"):
        fields.note("x" * 2001, "note")


EMOJI = [
    "Atelier 👩\u200d💻 numérique",  # woman technologist
    "Famille 👨\u200d👩\u200d👧",
    "Fierté 🏳\ufe0f\u200d🌈",
    "Conseillère 👩🏽\u200d💼",  # with a skin tone
    "Écosse 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
]


@pytest.mark.parametrize("text", EMOJI)
def test_emoji_joined_as_people_type_them_are_kept(text: str) -> None:
    assert fields.line(text, "name") == text
    assert fields.note(f"{text}\nsuite", "note") == f"{text}\nsuite"


@pytest.mark.parametrize(
    "text",
    [
        "ad\u200dmin",  # between two letters: a name that looks like another
        "\u200d👩",
        "👩\u200d",
        "👩 \u200d💻",
        "a\U000e0067b",  # a tag without its flag
        "\U000e0067",
        "1\u200d2",
    ],
)
def test_an_invisible_joiner_outside_an_emoji_is_refused(text: str) -> None:
    with refused(FieldError, match="U\\+(200D|E0067)"):
        fields.line(text, "name")


def test_names_are_normalised_not_rewritten() -> None:
    assert fields.line("  Saint-Ge\u0301rand   le  Puy ", "name") == "Saint-Gérand le Puy"
    assert fields.line("Camille\u00a0Martin", "name") == "Camille\u00a0Martin"  # kept
    assert fields.line(None, "name") is None
    with refused(FieldError, match="it is required"):
        fields.line(None, "name", required=True)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_kept_clean_or_refused_in_one_line(text: str) -> None:
    try:
        kept = fields.line(text, "name")
    except FieldError as error:  # one line, nothing invisible but the spaces of a text
        assert shown_on_one_line(english(error)), english(error)
        return
    assert kept is not None
    categories = {unicodedata.category(ch) for ch in kept}
    assert not categories & {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
    assert fields.line(kept, "name") == kept
    # What a bulk import takes in one step, `line` takes unchanged.
    assert kept == text or not fields.plain_lines(text)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("17510A", True),
        ("vigny-2021", True),
        ("fs-123", True),
        ("a.b_c", True),
        ("", False),
        ("-x", False),
        ("a b", False),
        ("x" * 65, False),
        ("'; DROP", False),
    ],
)
def test_identifiers(value: str, ok: bool) -> None:
    if ok:
        assert fields.identifier(value, "id") == value
    else:
        with pytest.raises(FieldError):
            fields.identifier(value, "id")


def test_numbers_and_dates_have_bounds() -> None:
    assert fields.whole(3, "staff", 0, 1000) == 3
    for bad in (-1, 1001, True, 2.5):
        with pytest.raises(FieldError):
            fields.whole(bad, "staff", 0, 1000)
    for bad in (float("nan"), float("inf"), 91.0):
        with pytest.raises(FieldError):
            fields.decimal(bad, "lat", -90, 90)
    assert fields.day(date(2021, 4, 27), "day") == date(2021, 4, 27)
    with refused(FieldError, match="the year must be 1900 to 2199"):
        fields.day(date(9999, 12, 31), "day")


def test_search_is_bounded() -> None:
    assert fields.search("st gerand", "search") == "st gerand"
    with refused(FieldError, match="a search of 100000 characters: at most 200"):
        fields.search("x" * 100_000, "search")


# ---- contacts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email", ["nobody", "a@", "@b.fr", "a b@c.fr", "a@b", "a@b..fr", "a@@b.fr", "x" * 250 + "@b.fr"]
)
def test_an_email_is_checked_for_shape(email: str) -> None:
    with pytest.raises(FieldError):
        fields.email(email, "email")


def test_a_good_email_is_kept_as_given() -> None:
    assert fields.email(" Camille.Martin@Example.org ", "email") == "Camille.Martin@Example.org"


@pytest.mark.parametrize(
    ("phone", "e164"),
    [
        ("05 62 66 40 00", "+33562664000"),
        ("05.62.66.40.00", "+33562664000"),
        ("+33 5 62 66 40 00", "+33562664000"),
        ("0590 12 34 56", "+590590123456"),  # Guadeloupe: its own country code
        ("3631", None),  # La Poste's short number: kept, no E.164
    ],
)
def test_a_phone_is_kept_as_given_and_e164_derived(phone: str, e164: str | None) -> None:
    assert fields.phone(phone, "phone") == phone
    assert fields.e164(phone) == e164


@pytest.mark.parametrize("phone", ["appelez-moi", "1", "+33 5 62 66 40 00 00 00 00", "05#62"])
def test_a_phone_is_refused_when_it_is_not_one(phone: str) -> None:
    with refused(FieldError, match="not a phone number"):
        fields.phone(phone, "phone")


# ---- French codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("insee", "department"),
    [
        ("95658", "95"),
        ("68066", "68"),  # Alsace: its holidays
        ("2A004", "2A"),
        ("2b033", "2B"),
        ("97105", "971"),
        ("97611", "976"),
        ("98735", "987"),
        ("99138", "98"),  # Monaco, La Poste's "98"
        ("99130", None),  # Andorra
    ],
)
def test_the_department_is_derived_from_the_insee_code(insee: str, department: str) -> None:
    code = codes.insee(insee, "insee_code")
    assert code == insee.upper()
    assert codes.department_for(code, None) == department


@pytest.mark.parametrize("insee", ["1", "9565", "956580", "00000", "20004", "96001", "ABCDE"])
def test_an_insee_code_is_checked_for_shape(insee: str) -> None:
    with refused(FieldError, match="not an INSEE commune code"):
        codes.insee(insee, "insee_code")


def test_a_given_department_must_agree_with_the_insee_code() -> None:
    assert codes.department_for("68066", "68") == "68"
    with refused(FieldError, match="INSEE code 68066 is a commune of department 68"):
        codes.department_for("68066", "95")


@pytest.mark.parametrize(("postcode", "ok"), [("95450", True), ("9545", False), ("00100", False)])
def test_postcodes(postcode: str, ok: bool) -> None:
    if ok:
        assert codes.postcode(postcode, "postcode") == postcode
    else:
        with pytest.raises(FieldError):
            codes.postcode(postcode, "postcode")


@pytest.mark.parametrize(
    ("siret", "ok"),
    [
        ("73282932000074", True),  # Luhn
        ("732 829 320 00074", True),  # written with spaces
        ("73282932000075", False),
        ("35600000000001", True),  # La Poste: the sum of its digits is a multiple of 5
        ("35600000000002", False),
        ("7328293200007", False),
    ],
)
def test_siret(siret: str, ok: bool) -> None:
    if ok:
        assert codes.siret(siret, "siret") == siret.replace(" ", "")
    else:
        with refused(FieldError, match="not a SIRET number"):
            codes.siret(siret, "siret")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=4))
def test_the_bulk_check_of_plain_lines_agrees_with_line(texts: list[str]) -> None:
    """`plain_lines` says yes only to texts `line` keeps as they are (a bulk import's fast
    path: it must never let through what `line` would refuse or change)."""
    if fields.plain_lines(*texts):
        assert all(fields.line(text or None, "x") == (text or None) for text in texts)


TEXTS = st.one_of(
    st.text(max_size=30),
    st.text(st.sampled_from(" \u00a0\t\r\nAaÉée\u0301\u200b\u3164'-x"), max_size=12),
    st.sampled_from(["x" * 200, "x" * 201, " a", "a ", "a  b", "é", "e\u0301", "\u3164", ""]),
)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.booleans(), st.sampled_from([1, 5, 200]))
def test_the_quick_way_through_a_text_gives_what_every_check_gives(
    text: str, breaks: bool, limit: int
) -> None:
    """Most texts are taken as they are in one pass; any text taken so is exactly what the
    whole series of checks gives (and a text they refuse is never taken)."""
    options = {"limit": limit, "breaks": breaks, "required": False}
    try:
        expected: object = fields._checked_text(text, "name", **options)
    except FieldError as error:
        expected = ("refused", str(error.reason.key))
    try:
        got: object = fields._text(text, "name", **options)
    except FieldError as error:
        got = ("refused", str(error.reason.key))
    assert got == expected


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", "\v", "\f", "\x1e"])
def test_a_note_s_odd_line_break_is_named_as_such_not_as_a_name_s(odd: str) -> None:
    """A note has lines: it is told which break it holds, never that names have none."""
    with refused(FieldError) as caught:
        fields.note(f"ligne 1{odd}ligne 2", "note")
    message = english(caught.value)
    assert f"line break of another kind (U+{ord(odd):04X})" in message
    assert "name" not in message


@pytest.mark.parametrize("text", EMOJI)
def test_a_message_shows_an_emoji_as_it_is(text: str) -> None:
    assert fields.visible(text) == text
    assert fields.shorten(text) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("x\x1b[31m.db", "x\\x1b[31m.db"),
        ("abc\u202edef", "abc\\u202edef"),
        ("ad\u200dmin", "ad\\u200dmin"),
        ("\u3164", "\\u3164"),
    ],
)
def test_a_message_shows_other_invisible_characters_escaped(text: str, shown: str) -> None:
    assert fields.visible(text) == shown


@pytest.mark.parametrize("text", ["17\u202f195 créés", "prix\u00a0: 3", "a\u2009b"])
def test_a_message_keeps_the_spaces_french_puts_in_numbers_and_before_colons(text: str) -> None:
    assert fields.visible(text) == text
