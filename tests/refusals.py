"""Refusals read through the catalogue, in English or in French (the default): a test asserts
what a message says in either language (`words.say(..., lang)`), whatever the default."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from presence_postale.errors import PresencePostaleError
from presence_postale.formats.words import say

# A library's own wording, never shown to a user: pydantic's (Typer coerces numbers through
# it), Python's limit on long whole numbers, dateutil's and the interpreter's.
LIBRARY_WORDS = (
    "Input should be",
    "unable to parse",
    "set_int_max_str_digits",
    "Exceeds the limit",
    "not enough values to unpack",
    "Traceback",
)


def shown_on_one_line(text: str) -> bool:
    """Whether a line for people holds no line break, control or invisible character: each is
    printable, or a space (French writes `17 195` and `prix : 3` with narrow ones)."""
    return all(ch.isprintable() or unicodedata.category(ch) == "Zs" for ch in text)


def english(error: BaseException) -> str:
    """The error's message as `--lang en` shows it."""
    return said(error, "en")


def said(error: BaseException, lang: str) -> str:
    """The error's message as `--lang LANG` shows it."""
    if isinstance(error, PresencePostaleError):
        return say(error.message, lang)
    return str(error)


@contextmanager
def refused(kind: Any, match: str | None = None) -> Iterator[Any]:
    """`pytest.raises(kind)`, its `match` searched in the English message, or the French."""
    with pytest.raises(kind) as caught:
        yield caught
    if match is not None:
        texts = [said(caught.value, lang) for lang in ("en", "fr")]
        assert any(re.search(match, text) for text in texts), (match, texts)
