"""How one field of a record is checked: the building blocks of `validators` (a code of a
vocabulary, a list of codes, a number in a range, opening hours, a recurrence rule) and the
loop that runs a record's fields through their checks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from presence_postale.domain import fields as f
from presence_postale.domain import hours as oh
from presence_postale.domain import vocab
from presence_postale.domain.recurrence import validate_rule
from presence_postale.errors import Message

Check = Callable[[Any, str], Any]
"""A field's check: given the value and the field's name, the value cleaned, or a
`FieldError`."""


def vocabulary(name: str) -> Check:
    def check(value: Any, field: str) -> Any:
        return None if value is None else vocab.check(name, value, field)

    return check


def codes_of(name: str) -> Check:
    """A list of a vocabulary's codes, each once."""

    def check(value: Any, field: str) -> list[str] | None:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise f.FieldError(field, Message("vocab.unknown", {"expected": []}), value)
        found = [vocab.check(name, item, field) for item in value]
        if len(set(found)) != len(found):
            raise f.FieldError(field, Message("list.twice"), ",".join(found))
        return found

    return check


def whole(low: int, high: int) -> Check:
    return lambda value, field: f.whole(value, field, low, high)


def decimal(low: float, high: float) -> Check:
    return lambda value, field: f.decimal(value, field, low, high)


def opening_hours(overnight: bool) -> Check:
    def check(value: Any, field: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise f.FieldError(field, Message("text.not_text"), value)
        with f.naming({"opening_hours": field}):
            return oh.check(value, overnight=overnight)

    return check


def rule(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise f.FieldError(field, Message("text.not_text"), value)
    with f.naming({"rrule": field}):
        return validate_rule(value)


def remembered(check: Check, size: int = 4096) -> Check:
    """`check`, its answer for a text it accepted before given again without checking it
    anew: the sites of a national file share a few kinds, sources, departments, phone
    numbers and postcodes. Only texts are remembered (equal numbers may differ: `-0.0` and
    `0.0`), and only answers, never a refusal (each is raised afresh, naming its field): for
    checks whose answer is a text, which nobody can change in place."""
    known: dict[str, Any] = {}

    @wraps(check)  # its `__wrapped__`: the check itself
    def check_once(value: Any, field: str) -> Any:
        if value.__class__ is not str:
            return check(value, field)
        answer = known.get(value)
        if answer is None:
            answer = check(value, field)
            if len(known) >= size:
                known.clear()
            known[value] = answer
        return answer

    return check_once


def checked(
    values: Mapping[str, Any],
    checks: Mapping[str, Check],
    required: tuple[str, ...],
    partial: bool,
) -> dict[str, Any]:
    """Each field through its check: in a full record every field (absent is None, refused
    when required); in a partial one only those given. A field not given is None: no check
    makes anything else of nothing (a test holds every check to it), so none is asked."""
    if partial:
        return {
            name: check(value, name)
            for name, check in checks.items()
            if (value := values.get(name)) is not None
        }
    out: dict[str, Any] = dict.fromkeys(checks)
    for name, check in checks.items():
        value = values.get(name)
        if value is not None:
            out[name] = check(value, name)
        elif name in required:
            raise f.FieldError(name, Message("text.missing"))
    return out
