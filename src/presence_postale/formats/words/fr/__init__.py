"""Le catalogue français : chaque phrase et chaque libellé que lit une personne.

Messages are grouped by area, one module each (`edge` for what every command may say,
`values` for values typed or read, `places`, `activity`, `data`, `reports`); a test keeps this
catalogue and the English one to the same keys and the same fields in each template.
"""

from typing import Any

from presence_postale.formats.words import load_table

DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
DAY_ABBREVIATIONS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
MONTH_ABBREVIATIONS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
# n -> the ordinal of a day of the month in a rule (0: any other n, as a template).
ORDINALS = {0: "{n}e", 1: "1er", -1: "dernier"}
YES, NO, NOTHING = "oui", "non", "rien"
AT = "{day} à {time}"
UNTIL = " jusqu'au {}"
PERCENT = "{}\u202f%"


def __getattr__(name: str) -> Any:
    """MESSAGES, HEADINGS and LABELS, built from their modules when first read."""
    value = globals()[name] = load_table(__name__, name)
    return value


__all__ = ["HEADINGS", "LABELS", "MESSAGES"]
