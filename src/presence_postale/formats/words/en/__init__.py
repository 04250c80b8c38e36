"""The English catalogue (`--lang en`, `PRESENCE_POSTALE_LANG=en`): the same keys as `fr`."""

from importlib import import_module
from typing import Any

# The modules of MESSAGES, in this order; each is imported when MESSAGES is first read (a help
# page reads the `help` module only).
TOPICS = (
    "edge",
    "values",
    "places",
    "activity",
    "data",
    "reports",
    "access",
    "coop",
    "weekly",
    "storage",
    "validation",
    "history",
)

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
    value: Any
    if name == "MESSAGES":
        value = {}
        for topic in TOPICS:
            value.update(import_module(f"{__name__}.{topic}").MESSAGES)
    elif name in ("HEADINGS", "LABELS"):
        value = getattr(import_module(f"{__name__}.{name.lower()}"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = ["HEADINGS", "LABELS", "MESSAGES"]
