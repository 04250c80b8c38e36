"""Pure pieces of notices and feeds: e-mail addresses a message can go to, lead times, topics
and digests."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presence_postale.domain import notices
from presence_postale.domain.contact import is_email
from presence_postale.domain.durations import parse_lead
from presence_postale.errors import UsageError


@pytest.mark.parametrize(
    "address", ["camille@example.org", "a.b+c@mairie-grisy.fr", "x@sub.domain.example"]
)
def test_addresses_that_go(address: str) -> None:
    assert is_email(address)


@pytest.mark.parametrize(
    "address",
    [
        None,
        "",
        "camille",
        "camille@example",  # no dot: a local name, not an address
        "camille@@example.org",
        "Camille <camille@example.org>",  # a display name: the record holds an address only
        "camille@example.org\nBcc: x@y.org",  # a header smuggled in
        "camille@example.org\n",
        "é@example.org",  # not ASCII
        "a b@example.org",
        "camille@-example.org",
        "x" * 250 + "@example.org",
    ],
)
def test_addresses_that_do_not(address: str | None) -> None:
    assert not is_email(address)


@given(st.text(max_size=40))
def test_no_address_holds_a_line_break_or_a_space(text: str) -> None:
    if is_email(text):
        assert not any(ch.isspace() for ch in text) and text.count("@") == 1


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("15m", timedelta(minutes=15)),
        ("15min", timedelta(minutes=15)),
        ("1h", timedelta(hours=1)),
        ("1h30", timedelta(hours=1, minutes=30)),
        ("2d", timedelta(days=2)),
        (" 1D12H ", timedelta(days=1, hours=12)),
    ],
)
def test_lead_times(text: str, lead: timedelta) -> None:
    assert parse_lead(text, "--alarm") == lead


@pytest.mark.parametrize("text", ["", "15", "h", "0m", "29d", "1x", "1h30x", "m15", "-1h"])
def test_bad_lead_times_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_lead(text, "--alarm")
    assert refused.value.key == "duration.invalid"
    assert refused.value.params == {"option": "--alarm", "value": text}


def test_topics_and_digests() -> None:
    day = date(2021, 4, 27)
    assert notices.topic(notices.AGENT_DAY, "agent:a", day) == "agent-day:agent:a:2021-04-27"
    assert notices.topic(notices.BOOKING_CONFIRMED, "reservation:12") == (
        "booking-confirmed:reservation:12"
    )
    facts = [[1, day, time(9), "scheduled"]]
    assert notices.digest(facts) == notices.digest([[1, day, time(9), "scheduled"]])
    assert notices.digest(facts) != notices.digest([[1, day, time(9), "cancelled"]])
    assert len(notices.digest(facts)) == 16
