"""Recurrence expansion: windowed (`dates_between`) against walking from the series' start.

Thousands of long-running weekly and monthly series, one week's window years after they
started: the windowed expansion must cost what the window holds, not what the history holds.

    python benchmarks/bench_recurrence.py [--series 5000] [--repeat 5]

Prints the median time of each way over the same series and their ratio, measured in one run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, datetime, timedelta

from dateutil.rrule import rrulestr

from presence_postale.domain.recurrence import dates_between

RULES = (
    "FREQ=WEEKLY;BYDAY=TU",
    "FREQ=WEEKLY;BYDAY=MO,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    "FREQ=MONTHLY;BYDAY=1TH,3TH",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
)


def series(count: int, seed: int = 7) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    return [
        (rng.choice(RULES), date(2015, 1, 1) + timedelta(days=rng.randrange(0, 5 * 365)))
        for _ in range(count)
    ]


def windowed(all_series: list[tuple[str, date]], start: date, end: date) -> int:
    return sum(len(dates_between(rule, first, start, end)) for rule, first in all_series)


def from_start(all_series: list[tuple[str, date]], start: date, end: date) -> int:
    begin, finish = (
        datetime.combine(start, datetime.min.time()),
        datetime.combine(end, datetime.min.time()),
    )
    total = 0
    for rule, first in all_series:
        expanded = rrulestr(rule, dtstart=datetime.combine(first, datetime.min.time()))
        total += len(expanded.between(begin, finish, inc=True))
    return total


def timed(fn, *args) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    all_series = series(args.series)
    start = date(2026, 11, 23)
    end = start + timedelta(days=6)
    fast, slow = [], []
    for _ in range(args.repeat):
        t_fast, n_fast = timed(windowed, all_series, start, end)
        t_slow, n_slow = timed(from_start, all_series, start, end)
        if n_fast != n_slow:
            raise SystemExit(f"mismatch: windowed {n_fast} occurrences, from start {n_slow}")
        fast.append(t_fast)
        slow.append(t_slow)
    f, s = statistics.median(fast), statistics.median(slow)
    print(
        f"series: {args.series} (started 2015-2019), window: one week of {start:%Y}, "
        f"occurrences: {n_fast}"
    )
    print(f"windowed expansion    {f * 1000:8.1f} ms  ({f / args.series * 1000:.3f} ms a series)")
    print(f"walk from the start   {s * 1000:8.1f} ms  ({s / args.series * 1000:.3f} ms a series)")
    print(f"ratio (walk / windowed): {s / f:.1f}x")


if __name__ == "__main__":
    main()
