"""Forgiving name look-ups: accents, case, punctuation and `St`/`Ste` do not matter.

Standard library only: the CLI imports this module to match names given as options.
"""

from __future__ import annotations

import re
import unicodedata

# Abbreviations La Poste's open data and people use in commune and site names.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}

# `Cazals s/ Lot`: the slash would otherwise become a separator and leave a lone `s`.
_SUR_RE = re.compile(r"(?<![^\W_])s/", re.IGNORECASE)

# Letters NFKD leaves whole.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})


# ASCII punctuation to spaces: the open data is ASCII, and this path is 5 times faster.
_ASCII_SPACES = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


class _Kept(dict[int, str]):
    """What each character of a decomposed text becomes: nothing for a combining mark (an
    accent), a space for anything else that is not a letter or digit, itself otherwise;
    worked out the first time a character is met, then found by `str.translate` (a national
    import folds forty thousand names, most of them accented)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        kept = "" if unicodedata.combining(ch) else ch if ch.isalnum() else " "
        self[code] = kept
        return kept


_KEPT = _Kept()


def _fold(text: str) -> str:
    """Lower case without accents; every character that is not a letter or digit is a space."""
    if text.isascii():
        return text.lower().translate(_ASCII_SPACES)
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES)).casefold()
    # casefold can produce characters NFKD decomposes further (e.g. `İ`), hence twice.
    return unicodedata.normalize("NFKD", text).translate(_KEPT)


def search_key(text: str) -> str:
    """The form names are compared in: `St Gérand-le-Puy` -> `saint gerand le puy`."""
    words = _fold(_SUR_RE.sub(" sur ", text) if "/" in text else text).split()
    if _ABBREVIATIONS.keys().isdisjoint(words):  # most names: nothing to spell out
        return " ".join(words)
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


def matches(query: str, candidate_key: str) -> bool:
    """Whether each word of `query` starts a different word of the candidate, in any order.

    `candidate_key` must already be a `search_key`. An empty query matches nothing.
    """
    wanted = search_key(query).split()
    words = candidate_key.split()
    if not wanted or len(wanted) > len(words):
        return False
    # Bipartite matching (query word -> candidate word): a greedy pass could give `s` the
    # only word `saint` could take in `s saint` against `saint sauveur`.
    owner: dict[int, int] = {}

    def assign(q: int, seen: set[int]) -> bool:
        for w, word in enumerate(words):
            if w in seen or not word.startswith(wanted[q]):
                continue
            seen.add(w)
            if w not in owner or assign(owner[w], seen):
                owner[w] = q
                return True
        return False

    return all(assign(q, set()) for q in range(len(wanted)))


def slugify(text: str) -> str:
    """`Mairie de Grisy-les-Plâtres` -> `mairie-de-grisy-les-platres` (ASCII only)."""
    words = _fold(text).encode("ascii", "ignore").decode().split()
    return "-".join(words)
