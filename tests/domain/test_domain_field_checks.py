"""A check that remembers its answers (`field_checks.remembered`) answers as the check itself:
the same value of the same type, and every refusal raised afresh, naming its own field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.domain import field_checks as fc
from presence_postale.domain import validators
from presence_postale.domain.fields import FieldError

REMEMBERED = ["kind", "postcode", "department_code", "phone", "source"]


def _answer(check: fc.Check, value: Any, field: str) -> Any:
    try:
        answer = check(value, field)
    except FieldError as error:
        return ("refused", error.key, error.params)
    return (type(answer), answer)


def _unremembered(field: str) -> fc.Check:
    check: fc.Check = getattr(validators.SITE[field], "__wrapped__")  # noqa: B009
    return check


VALUES = st.one_of(
    st.sampled_from(["32", "2a", "971", "00100", "32380", "3631", "05 62 66 40 00", "bureau"]),
    st.sampled_from(["seed", "laposte", " Mairie ", "x" * 300, "1", "true", "a\x07"]),
    st.text(max_size=6),
    st.integers(-2, 2),
    st.booleans(),
    st.floats(allow_nan=False, width=16),
    st.none(),
    st.lists(st.just("32"), max_size=1),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(REMEMBERED), st.lists(VALUES, max_size=12), st.data())
def test_a_remembered_check_answers_as_the_check(
    field: str, values: list[Any], data: st.DataObject
) -> None:
    remembered, check = fc.remembered(_unremembered(field), size=4), _unremembered(field)
    for value in values + values:  # each value again: the second answer is the one kept
        name = data.draw(st.sampled_from([field, "other"]))
        assert _answer(remembered, value, name) == _answer(check, value, name)


def test_equal_values_of_other_types_are_answered_each_as_its_own() -> None:
    whole = fc.remembered(fc.whole(0, 5))
    assert whole(1, "n") == 1
    with pytest.raises(FieldError):
        whole(True, "n")  # True == 1, but is no number
    assert whole(1, "n") == 1


def test_a_refusal_is_raised_each_time_naming_the_field_given() -> None:
    postcode = validators.SITE["postcode"]
    for field in ("postcode", "code_postal"):
        with pytest.raises(FieldError) as refused:
            postcode("00100", field)
        assert refused.value.field == field
