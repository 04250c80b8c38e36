"""Opening hours: OpenStreetMap `opening_hours` expressions evaluated day by day.

Public holidays come from `calendar.py` (the caller passes them in), never from
opening-hours-py's own calendar, so the whole tool agrees on which days are holidays.
Expressions are therefore parsed without a country, where `PH` never matches; on a holiday
the site follows its `PH` rule when it has one with times, and is closed otherwise
(La Poste offices close on public holidays).

A day's intervals are `(start, end)` times; the end of the day (24:00) is `END_OF_DAY`,
which is `time.max`, and counts as 1440 minutes.

A site whose hours are unknown is not closed: its days are `UNKNOWN` (except those a closure
covers, which are known to be closed), and a total over them is None, not 0.

A site's hours change over time: wherever an expression is taken, a history of expressions
(`domain.history.Timeline`) may be given instead, and each day is read with the expression in
force that day.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

import opening_hours

from presence_postale.domain.fields import FieldError, in_order, shorten
from presence_postale.domain.history import Timeline
from presence_postale.errors import Message

END_OF_DAY = time.max

# The package's type stub omits the exception its parser raises.
_ParserError: type[Exception] = opening_hours.ParserError  # type: ignore[attr-defined]

Interval = tuple[time, time]

# An expression, the history of a site's expressions, or None (unknown).
Hours = str | Timeline[str] | None

OPEN, CLOSED, UNKNOWN = "open", "closed", "unknown"

_NO_HOLIDAYS: Mapping[date, str] = MappingProxyType({})

# Rule separators outside comments: `;`, the fallback `||`, and the additional-rule `,` when
# a `PH` selector follows it (`Su,PH 10:00-12:00` splits too, harmlessly: the PH part keeps
# the times that follow it).
_SEPARATOR_RE = re.compile(r'"[^"]*"|;|\|\||,(?=\s*PH\b)')
# A rule whose weekday selector starts with PH, optionally followed by other weekdays.
_PH_RULE_RE = re.compile(r"PH(?:\s*,\s*(?:SH|[A-Z][a-z](?:-[A-Z][a-z])?))*(?![\w\[])(.*)", re.S)
_OFF_RE = re.compile(r"(?:off|closed)\b")


@dataclass(frozen=True)
class Closure:
    """A site closed from `start` to `end`, both included."""

    start: date
    end: date
    reason: str

    def __post_init__(self) -> None:
        in_order(self.start, self.end, "end")

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class DayHours:
    """A site's opening on one day; no intervals means closed, or, with `unknown`, that
    nothing is known of that day."""

    day: date
    intervals: tuple[Interval, ...]
    holiday: str | None = None
    closure: str | None = None
    unknown: bool = False

    @property
    def is_open(self) -> bool:
        return bool(self.intervals)

    @property
    def state(self) -> str:
        """`open`, `closed` or `unknown`."""
        return UNKNOWN if self.unknown else OPEN if self.intervals else CLOSED

    @property
    def known_minutes(self) -> int | None:
        """Minutes open, None when the day is unknown."""
        return None if self.unknown else self.minutes

    # Counted once, when the day is made: a national weekly report asks each of thirty
    # thousand days several times.
    minutes: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        total = sum(_seconds(end) - _seconds(start) for start, end in self.intervals)
        object.__setattr__(self, "minutes", total // 60)

    @property
    def hours(self) -> float:
        return self.minutes / 60

    def describe(self) -> str:
        """`09:00-12:00, 14:30-17:30`, or "" when closed."""
        return ", ".join(f"{_clock(start)}-{_clock(end)}" for start, end in self.intervals)


def _seconds(moment: time) -> int:
    if moment == END_OF_DAY:
        return 86400
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _clock(moment: time) -> str:
    return "24:00" if moment == END_OF_DAY else f"{moment.hour:02d}:{moment.minute:02d}"


# The longest expression taken: OpenStreetMap's own limit for a tag's value.
MAX_LENGTH = 255
# A time span `HH:MM-HH:MM` outside a comment (not part of a longer time like 10:00-12:00+).
_SPAN_RE = re.compile(r'"[^"]*"|(?<![0-9:])([0-9]{1,2}):([0-9]{2})\s*-\s*([0-9]{1,2}):([0-9]{2})')


def _refuse(key: str, text: str, **params: object) -> FieldError:
    return FieldError("opening_hours", Message(key, params), text)


def _parse_problem(text: str, message: str) -> Message:
    """The parser's multi-line caret diagram (`--> 1:7 … = expected …`) as one sentence."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    expected = lines[-1].lstrip("= ").strip() if lines else ""
    if "timespan" in expected:
        advice = Message("hours.expect_times")
    elif "unexpected EOI" in expected:
        advice = Message("hours.ends_early")
    else:
        advice = Message("hours.expect_rules")
    position = re.search(r"-->\s*(\d+):(\d+)", message)
    if position and position[1] == "1" and int(position[2]) <= len(text):
        column = int(position[2])
        rest = text[column - 1 :]
        if rest:
            return Message(
                "hours.syntax_at", {"column": column, "rest": shorten(rest[:20]), "advice": advice}
            )
    return Message("hours.syntax", {"advice": advice})


@functools.lru_cache(maxsize=4096)
def _parse(expr: str) -> opening_hours.OpeningHours:
    return opening_hours.OpeningHours(expr)


def validate(expr: str) -> str:
    """The expression, stripped, when opening-hours-py can parse it (what is stored is read
    back through here; what is typed or loaded goes through `check` first)."""
    text = expr.strip()
    if not text:
        raise _refuse("hours.empty", text)
    if len(text) > MAX_LENGTH:
        raise _refuse("hours.too_long", text, length=len(text), limit=MAX_LENGTH)
    try:
        _parse(text)
    except _ParserError as error:
        raise _refuse("hours.invalid", text, problem=_parse_problem(text, str(error))) from None
    return text


def check(expr: str, *, overnight: bool = False) -> str:
    """Opening hours as typed or loaded: valid, and every time span meant. A span that ends
    before it starts (`12:00-09:00`) is refused unless `overnight` says it runs past
    midnight, and is then stored in OpenStreetMap's explicit form (`22:00-02:00` becomes
    `22:00-26:00`); an empty span (`09:00-09:00`) is refused."""
    text = validate(expr)

    def span(found: re.Match[str]) -> str:
        if found[1] is None:
            return found[0]  # a comment
        start = int(found[1]) * 60 + int(found[2])
        end = int(found[3]) * 60 + int(found[4])
        if end == start:
            raise _refuse("hours.empty_span", text, span=found[0])
        if end > start:
            return found[0]
        if not overnight:
            raise _refuse("hours.reversed", text, span=found[0])
        return f"{found[1]}:{found[2]}-{int(found[3]) + 24:02d}:{found[4]}"

    checked = validate(_SPAN_RE.sub(span, text))
    _refuse_overlaps(checked)
    return checked


def _refuse_overlaps(text: str) -> None:
    """Two spans of one rule that overlap (`09:00-12:00,11:00-14:00`) cannot both be meant.
    A later rule overriding an earlier one (`Mo-Fr 09:00-17:00; We 09:00-12:00`) is OSM's
    way of writing exceptions, not an overlap."""
    for rule in _rules(text):
        for spans in _span_lists(rule):
            spans.sort()
            for before, after in itertools.pairwise(spans):
                if after[0] < before[1]:
                    raise _refuse("hours.overlap", text, first=before[2], second=after[2])


def _span_lists(rule: str) -> list[list[tuple[int, int, str]]]:
    """The rule's lists of time spans (`09:00-12:00,14:00-17:00`), each span as (start, end,
    text) in minutes; `Mo 09:00-12:00, Tu 10:00-11:00` holds two lists, one a day."""
    lists: list[list[tuple[int, int, str]]] = []
    last_end = None
    for found in _SPAN_RE.finditer(rule):
        if found[1] is None:  # a comment ends the list
            last_end = None
            continue
        span = (int(found[1]) * 60 + int(found[2]), int(found[3]) * 60 + int(found[4]), found[0])
        between = rule[last_end : found.start()] if last_end is not None else None
        if between is not None and between.strip() == ",":
            lists[-1].append(span)
        else:
            lists.append([span])
        last_end = found.end()
    return lists


def _rules(expr: str) -> list[str]:
    rules, start = [], 0
    for match in _SEPARATOR_RE.finditer(expr):
        if not match[0].startswith('"'):
            rules.append(expr[start : match.start()].strip())
            start = match.end()
    rules.append(expr[start:].strip())
    return rules


@functools.lru_cache(maxsize=4096)
def _holiday_expression(expr: str) -> str | None:
    """An expression for the site on a public holiday, or None when it is closed then."""
    found: str | None = None
    for rule in _rules(expr):
        match = _PH_RULE_RE.fullmatch(rule)
        if match:
            # Later rules override earlier ones, as in OSM.
            rest = match[1].strip()
            found = None if _OFF_RE.match(rest) else f"Mo-Su {rest}".strip()
    if found is None:
        return None
    try:
        _parse(found)
    except _ParserError:
        return None  # A PH rule we cannot isolate: fall back to La Poste's default, closed.
    return found


def _open_intervals(expr: str, day: date) -> tuple[Interval, ...]:
    return _week_intervals(expr, day - timedelta(days=day.weekday()))[day.weekday()]


@functools.lru_cache(maxsize=4096)
def _week_intervals(expr: str, monday: date) -> tuple[tuple[Interval, ...], ...]:
    """Each day's open intervals, Monday to Sunday: the expression is evaluated once a week,
    not once a day (a national report evaluates thousands of expressions, nearly all
    distinct, over the same week). A span across midnight is cut there; spans that meet
    within a day (only the comment changed) are one."""
    start = datetime.combine(monday, time())
    ends = [start + timedelta(days=n) for n in range(1, 8)]
    days: list[list[list[datetime]]] = [[] for _ in range(7)]
    for begin, finish, state, _comment in _parse(expr).intervals(start, ends[-1]):
        if state != opening_hours.State.OPEN:
            continue
        begin, finish = max(begin, start), min(finish, ends[-1])
        while begin < finish:
            n = (begin - start).days
            cut = min(finish, ends[n])
            spans = days[n]
            if spans and spans[-1][1] == begin:
                spans[-1][1] = cut
            else:
                spans.append([begin, cut])
            begin = cut
    return tuple(
        tuple((b.time(), END_OF_DAY if f == ends[n] else f.time()) for b, f in spans)
        for n, spans in enumerate(days)
    )


def expression_on(hours: Hours, day: date) -> str | None:
    """The expression in force on `day` (None: unknown)."""
    return hours.at(day) if isinstance(hours, Timeline) else hours


def day_hours(
    hours: Hours,
    day: date,
    holidays: Mapping[date, str] = _NO_HOLIDAYS,
    closures: Sequence[Closure] = (),
) -> DayHours:
    """The site's opening on `day`; no expression that day means hours unknown, hence no
    intervals."""
    return _day(expression_on(hours, day), day, None, holidays, closures)


def _day(
    expr: str | None,
    day: date,
    week: tuple[tuple[Interval, ...], ...] | None,
    holidays: Mapping[date, str],
    closures: Sequence[Closure],
) -> DayHours:
    """`day` under the expression `expr` (None: unknown); `week`: its days of that week when
    already evaluated (`expr` then checked)."""
    for closure in closures:
        if closure.covers(day):
            return DayHours(day, (), holidays.get(day), closure.reason)
    if expr is None:
        return DayHours(day, (), holidays.get(day), None, unknown=True)
    text = expr if week is not None else validate(expr)
    holiday = holidays.get(day)
    if holiday is not None:
        on_holiday = _holiday_expression(text)
        intervals = _open_intervals(on_holiday, day) if on_holiday else ()
        return DayHours(day, intervals, holiday, None)
    if week is None:
        return DayHours(day, _open_intervals(text, day), None, None)
    return DayHours(day, week[day.weekday()], None, None)


def week_hours(
    expr: Hours,
    monday: date,
    holidays: Mapping[date, str] = _NO_HOLIDAYS,
    closures: Sequence[Closure] = (),
) -> list[DayHours]:
    """Seven days from `monday`. One expression in force all week (the common case, by the
    thousand in a national report) is checked and evaluated once, not once a day."""
    days = [monday + timedelta(days=n) for n in range(7)]
    steady, expression = _all_week(expr, monday)
    if not steady or monday.weekday() != 0:
        return [day_hours(expr, day, holidays, closures) for day in days]
    week = None
    # Checked as a day would check it: only when a day is not closed.
    if expression is not None and not all(_closed(day, closures) for day in days):
        expression = validate(expression)
        week = _week_intervals(expression, monday)
    return [_day(expression, day, week, holidays, closures) for day in days]


def _closed(day: date, closures: Sequence[Closure]) -> bool:
    return any(closure.covers(day) for closure in closures)


def _all_week(hours: Hours, monday: date) -> tuple[bool, str | None]:
    """Whether one expression (None: unknown) is in force on each of the seven days from
    `monday`, and which."""
    if not isinstance(hours, Timeline):
        return True, hours
    in_force = hours.during(monday, monday + timedelta(days=6))
    if not in_force:
        return True, None
    if len(in_force) == 1 and in_force[0].valid_from <= monday:
        return True, in_force[0].value
    return False, None


def total_hours(days: Sequence[DayHours]) -> float | None:
    """Hours open over `days`; None when any of them is unknown (unknown is not 0)."""
    if any(day.unknown for day in days):
        return None
    return sum(day.minutes for day in days) / 60


def open_days(days: Sequence[DayHours]) -> int | None:
    """Days open among `days`; None when any of them is unknown."""
    if any(day.unknown for day in days):
        return None
    return sum(1 for day in days if day.is_open)


def is_open_during(
    expr: Hours,
    day: date,
    start: time,
    end: time,
    holidays: Mapping[date, str] = _NO_HOLIDAYS,
    closures: Sequence[Closure] = (),
) -> bool:
    """Whether [start, end) lies wholly inside one open interval of `day`."""
    if _seconds(end) <= _seconds(start):
        return False
    return any(
        _seconds(begin) <= _seconds(start) and _seconds(end) <= _seconds(finish)
        for begin, finish in day_hours(expr, day, holidays, closures).intervals
    )
