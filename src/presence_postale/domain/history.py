"""Values that change over time: a site's opening hours, polyvalent staff count and labels.

A value is a history of versions. Each version holds from its first day (`valid_from`) until
the day before the next version's, the last one without end. What was in force on a day is
the version with the latest first day on or before it; before the first version nothing is
known. A value known before its history was kept (or an import's first value, whose source
gives no date) is valid since `BEGINNING`.

Dating a version (`--from`, default today):

- after every other version: it holds from that day on;
- between two versions (a date in the past): it is *inserted*, and holds until the next
  version, which stays. Nothing dated later is removed or shortened: a later version is what
  someone said of that later time, and a correction of the past must not erase it;
- on the very first day of an existing version: it replaces that version (a correction of the
  same period), and says which value it replaced;
- with the value already in force that day, entered by the same source: nothing changes (the
  same value from another source is written: a delegate who confirms an imported value makes
  it theirs, and no later import replaces it).

Imports follow one rule (`from_source`): they add a version only over their own (the value in
force from the latest version came from the same source) and only when the source's value
differs; what a delegate, a records file or another source entered stays in force.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Generic, NamedTuple, TypeVar

from presence_postale.errors import InvalidData

T = TypeVar("T")

# The first day of a version valid "since the beginning" (shown as such, never as a date).
BEGINNING = date(1, 1, 1)

# Who entered a version: the `version_source` vocabulary. `migrated` marks values known before
# histories were kept: like a delegate's, no import replaces them.
MANUAL, RECORDS, MIGRATED = "manual", "records", "migrated"


class LabelState(NamedTuple):
    """A label's version: held or withdrawn, with the date its source says it was granted and
    its format (both as the source gives them)."""

    held: bool
    since: date | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Version(Generic[T]):
    """A value from `valid_from` on, and who entered it."""

    valid_from: date
    value: T
    source: str = MANUAL


@dataclass(frozen=True)
class Timeline(Generic[T]):
    """A value's versions, in order of their first day (one version a day at most)."""

    versions: tuple[Version[T], ...] = ()
    _starts: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.versions, key=lambda v: v.valid_from))
        starts = tuple(v.valid_from for v in ordered)
        if len(set(starts)) != len(starts):
            raise ValueError("two versions start on the same day")
        object.__setattr__(self, "versions", ordered)
        object.__setattr__(self, "_starts", starts)

    @classmethod
    def always(cls, value: T | None) -> Timeline[T]:
        """A value that never changed (None: nothing known)."""
        return cls(() if value is None else (Version(BEGINNING, value),))

    def __bool__(self) -> bool:
        return bool(self.versions)

    def version_at(self, day: date) -> Version[T] | None:
        index = bisect_right(self._starts, day)
        return self.versions[index - 1] if index else None

    def at(self, day: date) -> T | None:
        """The value in force on `day`, None when nothing is known then."""
        version = self.version_at(day)
        return None if version is None else version.value

    def last_day(self, version: Version[T]) -> date | None:
        """The last day `version` is in force (None: no later version)."""
        index = self._starts.index(version.valid_from)
        if index + 1 == len(self.versions):
            return None
        return self.versions[index + 1].valid_from - timedelta(days=1)

    def during(self, start: date, end: date) -> tuple[Version[T], ...]:
        """The versions in force on at least one day of [start, end], oldest first."""
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = bisect_right(self._starts, end)
        return self.versions[first:last]

    def values_during(self, start: date, end: date) -> list[T | None]:
        """What was in force over [start, end]: None first when nothing was known on `start`."""
        found: list[T | None] = [v.value for v in self.during(start, end)]
        if self.version_at(start) is None:
            found.insert(0, None)
        return found

    @property
    def latest(self) -> Version[T] | None:
        return self.versions[-1] if self.versions else None

    def with_version(self, version: Version[T]) -> Timeline[T]:
        """This history with `version` added, or replacing the one of its first day."""
        kept = tuple(v for v in self.versions if v.valid_from != version.valid_from)
        return Timeline((*kept, version))


@dataclass(frozen=True)
class Change(Generic[T]):
    """What dating `value` from `valid_from` does to a history."""

    version: Version[T]
    # The version of that very day it replaces, if any.
    replaced: Version[T] | None
    # The last day the new value holds: the day before a later version (None: no end).
    until: date | None
    # The value was already in force that day: nothing to write.
    unchanged: bool


def plan(timeline: Timeline[T], version: Version[T]) -> Change[T]:
    """What setting `version` does (see the module's docstring): inserted between two versions,
    replacing the one of its very day, or nothing when its value is already in force."""
    check_first_day(version.valid_from)
    current = timeline.version_at(version.valid_from)
    after = timeline.with_version(version)
    until = after.last_day(version)
    if current is not None and (current.value, current.source) == (version.value, version.source):
        return Change(version, None, until, unchanged=True)
    replaced = current if current and current.valid_from == version.valid_from else None
    return Change(version, replaced, until, unchanged=False)


EARLIEST = date(1900, 1, 1)


def check_first_day(day: date) -> date:
    """A version's first day: `BEGINNING`, or a real date (not before 1900)."""
    if day != BEGINNING and day < EARLIEST:
        raise InvalidData("history.too_early", date=day, earliest=EARLIEST)
    return day


def from_source(timeline: Timeline[T], value: T, source: str, today: date) -> Version[T] | None:
    """The version an import of `source` adds for `value`, or None when it adds nothing.

    Nothing known yet: the value since the beginning (the source gives no date; it stands for
    the time before, as values known before histories were kept do). The latest version is the
    source's own and its value differs: a new version from `today` (today's own version of the
    source is replaced: the same import run twice in a day). Otherwise — the same value, or a
    latest version a delegate, a records file or another source entered — nothing.
    """
    latest = timeline.latest
    if latest is None:
        return Version(BEGINNING, value, source)
    if latest.source != source or latest.value == value or latest.valid_from > today:
        return None
    return Version(today, value, source)


# A history with no version (nothing known), shared: a national listing asks for thousands.
UNKNOWN: Timeline[Any] = Timeline()


def labels_held(labels: dict[str, Timeline[LabelState]], start: date, end: date) -> list[str]:
    """The labels held on at least one day of [start, end], by code."""
    return sorted(
        code
        for code, timeline in labels.items()
        if any(version.value.held for version in timeline.during(start, end))
    )
