"""The English catalogue (`--lang en`, `PRESENCE_POSTALE_LANG=en`): the same keys as `fr`."""

from typing import Any

from presence_postale.formats.words import load_table

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINALS = {0: "{n}th", 1: "1st", 2: "2nd", 3: "3rd", -1: "last"}
YES, NO, NOTHING = "yes", "no", "nothing"
AT = "{day} at {time}"
UNTIL = " to {}"
PERCENT = "{}%"


def __getattr__(name: str) -> Any:
    """MESSAGES, HEADINGS and LABELS, built from their modules when first read."""
    value = globals()[name] = load_table(__name__, name)
    return value


__all__ = ["HEADINGS", "LABELS", "MESSAGES"]
