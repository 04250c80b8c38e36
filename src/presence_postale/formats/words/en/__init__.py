"""The English catalogue (`--lang en`, `PRESENCE_POSTALE_LANG=en`): the same keys as `fr`."""

from presence_postale.formats.words.en import (
    access,
    activity,
    coop,
    data,
    edge,
    history,
    places,
    reports,
    storage,
    validation,
    values,
    weekly,
)
from presence_postale.formats.words.en.headings import HEADINGS
from presence_postale.formats.words.en.labels import LABELS

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

MESSAGES: dict[str, str] = {
    **edge.MESSAGES,
    **values.MESSAGES,
    **places.MESSAGES,
    **activity.MESSAGES,
    **data.MESSAGES,
    **reports.MESSAGES,
    **access.MESSAGES,
    **coop.MESSAGES,
    **weekly.MESSAGES,
    **storage.MESSAGES,
    **validation.MESSAGES,
    **history.MESSAGES,
}

__all__ = ["HEADINGS", "LABELS", "MESSAGES"]
