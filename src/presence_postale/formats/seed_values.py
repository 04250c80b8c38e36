"""The value checkers of the seed's schema: each takes a value as a YAML or JSON reader gives
it and returns it typed, or raises `BadValue` saying what was expected and what came."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from presence_postale.errors import BadValue, Message


def got(value: Any) -> Message:
    """A value as a refusal names it: `'text'`, a list, a mapping, the number 5."""
    if value is None:
        return Message("value.got_nothing")
    if isinstance(value, str):
        return Message(
            "value.got_text", {"text": value if len(value) <= 40 else value[:37] + "..."}
        )
    if isinstance(value, list):
        return Message("value.got_list")
    if isinstance(value, dict):
        return Message("value.got_mapping")
    if isinstance(value, bool):
        return Message("value.got_boolean", {"value": "true" if value else "false"})
    if isinstance(value, int | float):
        return Message("value.got_number", {"number": str(value)})
    if isinstance(value, datetime):
        return Message("value.got_moment", {"stamp": value.isoformat()})
    if isinstance(value, date):
        return Message("value.got_date", {"date": value.isoformat()})
    return Message("value.got_other", {"value": repr(value)})


# Control characters but tab, newline and a carriage return ending a line (a note's CRLF,
# which the record's validator reads as its line break, as the commands do).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]|\r(?!\n)")


def text(value: Any) -> str:
    if (
        value.__class__ is str
        and 0 < len(value) <= 2000
        and value.isprintable()  # no control character, no space but U+0020
        and value[0] != " " != value[-1]
    ):
        return value  # most texts: what `_checked_text` would give, in one pass
    return _checked_text(value)


def _checked_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadValue("value.expected_text", got=got(value))
    stripped = str(value).strip()
    if not stripped:
        raise BadValue("value.must_not_be_empty")
    if len(stripped) > 2000:
        raise BadValue("value.text_too_long", length=len(stripped), maximum=2000)
    if _CONTROL.search(stripped):
        raise BadValue("value.has_control_characters")
    return stripped


def code(value: Any) -> str:
    # Codes written as numbers in YAML (department 32, postcode 05700 read as 5700) are not
    # safe: require quotes so a leading zero is never lost.
    if value.__class__ is str:  # most codes
        return text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise BadValue("value.expected_quoted_code", number=str(value))
    return text(value)


def whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue("value.expected_whole_number", got=got(value))
    if not -(10**12) < value < 10**12:
        raise BadValue("value.number_out_of_range", number=str(value))
    return value


def number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValue("value.expected_number", got=got(value))
    return float(value)


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadValue("value.expected_boolean", got=got(value))
    return value


def day(value: Any) -> date:
    if isinstance(value, datetime):
        raise BadValue("value.expected_date_not_time", stamp=value.isoformat())
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadValue("value.expected_iso_date", got=got(value))


def clock(value: Any) -> time:
    if isinstance(value, str):
        try:
            parsed = time.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if parsed.tzinfo is None:
                return parsed
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 09:00 as a base-60 number (540).
        raise BadValue("value.expected_quoted_time", number=value)
    raise BadValue("value.expected_hhmm", got=got(value))


def instant(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadValue("value.expected_datetime", got=got(value))


def list_of(check: Callable[[Any], Any]) -> Callable[[Any], list[Any]]:
    def checker(value: Any) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise BadValue("value.expected_list", got=got(value))
        return [check(v) for v in value]

    return checker


def counts(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadValue("value.expected_counts", got=got(value))
    out = {}
    for key, count in value.items():
        checked = whole(count)
        if checked < 0:
            raise BadValue("value.count_negative", code=key)
        out[text(key)] = checked
    return out


def label(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {"label": text(value), "since": None, "detail": None}
    if not isinstance(value, dict):
        raise BadValue("value.expected_label", got=got(value))
    unknown = set(value) - {"label", "since", "detail"}
    if unknown:
        raise BadValue("value.label_unknown_key", field=sorted(unknown)[0])
    if "label" not in value:
        raise BadValue("value.label_missing")
    return {
        "label": text(value["label"]),
        "since": day(value["since"]) if value.get("since") is not None else None,
        "detail": text(value["detail"]) if value.get("detail") is not None else None,
    }
