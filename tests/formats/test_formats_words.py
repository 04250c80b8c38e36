"""The catalogues: the same keys and fields in every language, and values shown as people
read them."""

from __future__ import annotations

import ast
import os
import string
from datetime import date, datetime, time
from pathlib import Path

import pytest

from presence_postale.errors import InvalidData, Label, Message, UsageError
from presence_postale.formats import words
from presence_postale.formats.words import en, fr


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_is_in_both_catalogues_with_the_same_fields() -> None:
    assert set(fr.MESSAGES) == set(en.MESSAGES)
    for key, template in fr.MESSAGES.items():
        assert words.KEY.match(key), key
        assert _fields(template) == _fields(en.MESSAGES[key]), key


def test_labels_have_the_same_codes_in_both_catalogues() -> None:
    assert set(fr.LABELS) == set(en.LABELS)
    for vocabulary, labels in fr.LABELS.items():
        assert list(labels) == list(en.LABELS[vocabulary]), vocabulary


def test_a_message_reads_in_the_chosen_language() -> None:
    message = Message("error.cannot_use", {"path": "/tmp/x.db", "reason": "Permission denied"})
    assert words.say(message) == "impossible d'utiliser « /tmp/x.db » : Permission denied"
    assert words.say(message, "en") == "cannot use '/tmp/x.db': Permission denied"


def test_values_are_shown_the_languages_way() -> None:
    assert words.value(date(2021, 7, 26)) == "26 juillet 2021"
    assert words.value(date(2021, 7, 1)) == "1er juillet 2021"
    assert words.value(date(2021, 7, 26), "en") == "26 July 2021"
    assert words.value(datetime(2021, 7, 26, 9, 30)) == "26 juillet 2021 à 09:30"
    assert words.value(time(9, 0)) == "09:00"
    assert words.value(32.5) == "32,5" and words.value(32.5, "en") == "32.5"
    assert words.value(True) == "oui" and words.value(False, "en") == "no"
    assert words.value(["a", "b"]) == "a, b"
    assert words.value(Label("agent_role", "chargee_de_clientele")) == "Chargée de clientèle"
    assert words.day(date(2021, 4, 27)) == "mardi 27/04/2021"
    assert words.day(date(2021, 4, 27), "en") == "Tuesday 27/04/2021"
    assert words.month(2019, 3) == "mars 2019"
    assert words.number(1234567.5, "en") == "1,234,567.5"
    assert words.number(1234567.5).replace("\u202f", " ") == "1 234 567,5"


SHORT_NUMBERS = [0, 7, -999, 1000, 0.0, -0.0, 7.0, 12.30, 0.5, -4.5, 49.077425, 1.9275081,
                 0.1234565, 999.9999995, 1e-06, 1e-07, 0.1 + 0.2, 123.456789]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_short_numbers_are_written_as_babel_writes_them(lang: str) -> None:
    from babel.numbers import format_decimal

    locale = {"fr": "fr_FR", "en": "en_GB"}[lang]
    for value in SHORT_NUMBERS:
        expected = format_decimal(value, format="#,##0.######", locale=locale)
        assert words.number(value, lang) == expected, value


def test_plurals_follow_each_language() -> None:
    assert [words.plural(n, "site", "sites") for n in (0, 1, 2)] == ["site", "site", "sites"]
    assert [words.plural(n, "site", "sites", "en") for n in (0, 1, 2)] == [
        "sites",
        "site",
        "sites",
    ]


def test_a_key_missing_from_the_catalogue_is_a_bug_not_a_sentence() -> None:
    with pytest.raises(KeyError):
        words.say(Message("no.such_key"))


def test_errors_carry_keys_and_read_in_french_by_default() -> None:
    error = UsageError("usage.bad_lang", value="de", expected=["fr", "en"])
    assert error.exit_code == 2
    assert str(error) == "langue « de » inconnue : choisir parmi fr, en"
    assert words.say(error.message, "en") == "unknown language 'de': expected one of fr, en"
    assert (
        str(InvalidData("site.empty_ref")) == "site vide : donner l'identifiant ou le nom d'un site"
    )


# ---- every key and heading the code uses, and only those --------------------------------------

SRC = Path(words.__file__).resolve().parents[2]
CATALOGUES = (Path(fr.__file__).parent, Path(en.__file__).parent)


def _code() -> list[tuple[str, ast.AST]]:
    """Every module of the tool but the catalogues and the migrations, parsed."""
    return [
        (str(path.relative_to(SRC)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(SRC.rglob("*.py"))
        if not set(path.parents) & set(CATALOGUES) and "migrations" not in path.parts
    ]


def _keys_used() -> dict[str, str]:
    """The string literals of the code that name a message of the catalogue's areas (`site.x`),
    with where the first is; a table's `foreign_key="site.id"` is no message."""
    areas = {key.split(".")[0] for key in fr.MESSAGES}
    used: dict[str, str] = {}
    for module, tree in _code():
        foreign = {
            id(k.value) for node in ast.walk(tree) if isinstance(node, ast.Call)
            for k in node.keywords if k.arg == "foreign_key"
        }  # fmt: skip
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and words.KEY.match(node.value)
                and node.value.split(".")[0] in areas
                and id(node) not in foreign
            ):
                used.setdefault(node.value, f"{module}:{node.lineno}")
    return used


def test_every_key_the_code_names_is_in_both_catalogues_and_every_key_is_used() -> None:
    used = _keys_used()
    missing = {key: where for key, where in used.items() if key not in fr.MESSAGES}
    assert missing == {}
    assert sorted(set(fr.MESSAGES) - set(used)) == []


def _spoken(node: ast.AST) -> bool:
    """A heading that is a message or a label (`Column(key, Message(...))`): the catalogue's
    keys test covers it."""
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Message", "Label")


def _headings_used() -> dict[str, str]:
    """The heading code of every `Column(key, heading)` of the code (written out: a computed
    one could not be checked here)."""
    used: dict[str, str] = {}
    for module, tree in _code():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) != "Column":
                continue
            given = [*node.args, *(k.value for k in node.keywords if k.arg in ("key", "heading"))]
            if module.endswith("store/models/base.py") or any(_spoken(arg) for arg in given):
                continue  # SQLAlchemy's Column; a heading in words of a message or label
            assert all(isinstance(arg, ast.Constant) for arg in given), (module, node.lineno)
            codes = [arg.value for arg in given if isinstance(arg, ast.Constant)]
            code = codes[1] if len(codes) > 1 and codes[1] else codes[0]
            used.setdefault(code, f"{module}:{node.lineno}")
    return used


def test_every_column_heading_is_in_both_catalogues_and_every_heading_is_used() -> None:
    used = _headings_used()
    assert set(fr.HEADINGS) == set(en.HEADINGS)
    assert {code: where for code, where in used.items() if code not in fr.HEADINGS} == {}
    assert sorted(set(fr.HEADINGS) - set(used)) == []


def test_the_systems_refusals_read_in_the_chosen_language(tmp_path: Path) -> None:
    """The system's own sentence is English whatever the language: the errors people meet
    with files, disks and networks are said in the catalogue's words."""
    import errno

    from presence_postale.errors import os_reason

    for name, code in errno.__dict__.items():
        if not name.startswith("E") or not isinstance(code, int):
            continue
        reason = os_reason(OSError(code, os.strerror(code)))
        if isinstance(reason, Message):  # the catalogue has its words, in both languages
            assert words.say(reason) != words.say(reason, "en"), name
        else:
            assert reason == os.strerror(code), name
    try:
        (tmp_path / "absent" / "x").read_text()
    except OSError as error:
        message = Message("error.cannot_use", {"path": "x", "reason": os_reason(error)})
    assert words.say(message) == "impossible d'utiliser « x » : aucun fichier ou dossier de ce nom"
    assert words.say(message, "en") == "cannot use 'x': no such file or directory"
    assert os_reason(OSError("sans numéro")) == "sans numéro"
    import ssl

    tls = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate")
    assert os_reason(tls) == "[SSL: CERTIFICATE_VERIFY_FAILED] certificate"  # not EPERM
