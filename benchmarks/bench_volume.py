"""Weekly hard sets per muscle for the last 12 weeks, at five years of history.

    .venv/bin/python benchmarks/bench_volume.py DB [--end 2026-11-18] [--runs 20]

The path a volume view takes: `store.sessions_between(first Monday, today)`, the
catalogue and targets, then the domain's `weekly_sets` for each of the 12 ISO
weeks.  Timed two ways:
* cold: a new Store each time, so the monthly files are parsed from disk (OS cache
  warm): what `tui-tracker volume` or a first visit pays;
* warm: one open Store, its parse cache valid: what a revisit pays.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from tui_tracker.domain.volume import IsoWeek, weekly_sets
from tui_tracker.store import Store


def twelve_weeks(end: date) -> list[IsoWeek]:
    this = IsoWeek.of(end)
    return [this.previous(n) for n in range(11, -1, -1)]


def volume_12_weeks(store: Store, end: date) -> tuple[int, dict]:
    """(sessions read, {week: {muscle: MuscleVolume}})."""
    weeks = twelve_weeks(end)
    sessions = store.sessions_between(weeks[0].monday, end)
    lookup = store.catalogue().get
    targets = store.volume_targets()
    return len(sessions), {w: weekly_sets(sessions, w, lookup, targets) for w in weeks}


def bench_cold(path: Path, end: date, runs: int) -> tuple[list[float], int]:
    times, n = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        store = Store(path)
        n, _ = volume_12_weeks(store, end)
        times.append(time.perf_counter() - t0)
        store.close()
    return times, n


def bench_warm(path: Path, end: date, runs: int) -> list[float]:
    store = Store(path)
    volume_12_weeks(store, end)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        volume_12_weeks(store, end)
        times.append(time.perf_counter() - t0)
    store.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--end", type=date.fromisoformat, default=date(2026, 11, 18))
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args(argv)
    cold, n = bench_cold(args.db, args.end, args.runs)
    warm = bench_warm(args.db, args.end, args.runs)
    cold.sort(), warm.sort()
    print(
        f"{n} sessions in 12 weeks; cold median {cold[len(cold) // 2] * 1000:.1f} ms, "
        f"warm median {warm[len(warm) // 2] * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
