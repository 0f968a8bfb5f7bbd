"""A heavy lifter's history, for benchmarks and size tests.

Five years of a five-day split (about 1,300 sessions and 32,500 sets): barbell
lifts with warm-ups, accessories, slow progression in four-week blocks (RIR 3
down to 0, then a deload week), a few sets in lb, notes, edits and deletes.
Deterministic for a given seed and end date.

The files are written in bulk through `Store.import_sessions` (one write per
year, the store's own codec and TinyDB tables): byte for byte what the store
writes when the same sessions are logged one commit at a time, only faster.

    python benchmarks/generate.py /tmp/bench/training.json --end 2026-11-18
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tui_tracker.domain.models import LoggedSet, Session
from tui_tracker.store import Store

TZ = ZoneInfo("Europe/Berlin")

# (catalogue id, working sets, rep range, start kg, yearly gain kg, rounding kg, warm-ups, rest s)
Row = tuple[str, int, tuple[int, int], float, float, float, int, int]

DAYS: dict[str, list[Row]] = {
    "lower_a": [
        ("barbell-back-squat", 4, (4, 6), 120, 7.5, 2.5, 3, 210),
        ("romanian-deadlift", 3, (6, 10), 110, 5, 2.5, 1, 150),
        ("leg-press", 4, (8, 12), 200, 10, 5, 0, 120),
        ("lying-leg-curl", 3, (10, 15), 50, 2.5, 2.5, 0, 90),
        ("standing-calf-raise", 4, (10, 15), 90, 5, 5, 0, 75),
        ("hanging-leg-raise", 3, (10, 15), 0, 0, 1, 0, 75),
    ],
    "upper_a": [
        ("barbell-bench-press", 4, (5, 8), 100, 5, 2.5, 3, 180),
        ("barbell-row", 4, (6, 10), 90, 5, 2.5, 1, 150),
        ("barbell-overhead-press", 3, (6, 8), 60, 2.5, 2.5, 1, 150),
        ("lat-pulldown", 3, (8, 12), 75, 2.5, 2.5, 0, 120),
        ("dumbbell-lateral-raise", 4, (12, 20), 12, 1, 1, 0, 60),
        ("barbell-curl", 3, (8, 12), 40, 2.5, 2.5, 0, 75),
        ("triceps-pushdown", 3, (10, 15), 35, 2.5, 2.5, 0, 75),
    ],
    "lower_b": [
        ("conventional-deadlift", 3, (3, 5), 180, 7.5, 2.5, 4, 240),
        ("barbell-front-squat", 3, (5, 8), 100, 5, 2.5, 2, 180),
        ("bulgarian-split-squat", 3, (8, 12), 24, 2, 2, 0, 120),
        ("seated-leg-curl", 4, (10, 15), 55, 2.5, 2.5, 0, 90),
        ("barbell-hip-thrust", 3, (8, 12), 140, 10, 5, 1, 120),
        ("seated-calf-raise", 4, (12, 20), 60, 5, 5, 0, 60),
    ],
    "upper_b": [
        ("incline-dumbbell-press", 4, (8, 12), 36, 2, 2, 1, 150),
        ("pull-up", 4, (6, 10), 10, 2.5, 2.5, 0, 150),
        ("seated-dumbbell-shoulder-press", 3, (8, 12), 30, 2, 2, 0, 120),
        ("seated-cable-row", 3, (8, 12), 75, 5, 2.5, 0, 120),
        ("cable-lateral-raise", 3, (12, 20), 10, 1, 1.25, 0, 60),
        ("face-pull", 3, (12, 20), 30, 2.5, 2.5, 0, 60),
        ("hammer-curl", 3, (8, 12), 20, 1, 2, 0, 75),
        ("overhead-cable-triceps-extension", 3, (10, 15), 30, 2.5, 2.5, 0, 75),
    ],
    "arms_delts": [
        ("close-grip-bench-press", 3, (6, 10), 90, 5, 2.5, 2, 150),
        ("chin-up", 3, (6, 10), 5, 2.5, 2.5, 0, 150),
        ("machine-shoulder-press", 3, (8, 12), 70, 5, 5, 0, 120),
        ("reverse-pec-deck", 3, (12, 20), 45, 2.5, 2.5, 0, 60),
        ("machine-lateral-raise", 3, (12, 20), 40, 2.5, 2.5, 0, 60),
        ("ez-bar-curl", 3, (8, 12), 35, 2.5, 2.5, 0, 75),
        ("skull-crusher", 3, (8, 12), 35, 2.5, 2.5, 0, 75),
        ("cable-curl", 2, (12, 15), 30, 2.5, 2.5, 0, 60),
    ],
}
# Monday..Sunday: which day of the split, if any.
WEEK = ["lower_a", "upper_a", None, "lower_b", "upper_b", "arms_delts", None]
NOTES = [
    "belt",
    "knee sleeves",
    "felt heavy",
    "grip gave out",
    "new PR",
    "paused reps",
    "left shoulder a bit off",
    "straps",
    "slow eccentric",
]


def _id(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _round(value: float, step: float) -> float:
    return round(round(value / step) * step, 2)


def build_history(years: int = 5, seed: int = 1, *, end: date) -> list[Session]:
    """The sessions, oldest first (nothing written)."""
    rng = random.Random(seed)
    start = end - timedelta(days=round(365.25 * years)) + timedelta(days=1)
    sessions: list[Session] = []
    day = start
    lb_exercises = {"leg-press", "seated-calf-raise", "machine-shoulder-press"}
    while day <= end:
        split = WEEK[day.weekday()]
        if split is None or rng.random() < 0.005:  # rest day or a missed session
            day += timedelta(days=1)
            continue
        elapsed_years = (day - start).days / 365.25
        week_no = (day - start).days // 7
        block_week = week_no % 5  # 4 hard weeks then a deload
        deload = block_week == 4
        base_rir = 3 - block_week if not deload else 4

        t = datetime(
            day.year,
            day.month,
            day.day,
            rng.choice([6, 7, 17, 18, 19]),
            rng.randrange(0, 60, 5),
            tzinfo=TZ,
        )
        started = t
        sets: list[LoggedSet] = []
        for ex_id, n_sets, (lo, hi), start_kg, gain, step, warmups, rest in DAYS[split]:
            work = start_kg + gain * elapsed_years + (gain / 5) * block_week
            work *= rng.uniform(0.97, 1.03)
            if deload:
                work *= 0.85
                n_sets = max(2, n_sets - 1)
            work = _round(work, step)
            unit = "lb" if ex_id in lb_exercises and rng.random() < 0.3 else "kg"
            if unit == "lb":  # typed in lb at another gym: a whole number of lb
                work = round(work / 0.45359237 / 5) * 5 * 0.45359237
            for w in range(warmups):
                frac = 0.4 + 0.5 * w / max(1, warmups)
                t += timedelta(seconds=rng.randint(60, 120))
                sets.append(
                    LoggedSet(
                        ex_id,
                        _round(work * frac, step),
                        rng.randint(3, 8),
                        None,
                        t,
                        unit,
                        "warmup",
                        "",
                        _id(rng),
                    )
                )
            reps = rng.randint(lo, hi)
            for k in range(n_sets):
                t += timedelta(seconds=rest + rng.randint(20, 60))
                rir: int | None = max(
                    0, min(4, base_rir + rng.choice([-1, 0, 0, 0, 1]) - (k >= n_sets - 1))
                )
                if rng.random() < 0.03:
                    rir = None  # not recorded
                note = rng.choice(NOTES) if rng.random() < 0.03 else ""
                s = LoggedSet(
                    ex_id, work, max(1, reps - k // 2), rir, t, unit, "working", note, _id(rng)
                )
                if rng.random() < 0.02:  # edited after the fact: reps corrected, a note added
                    s = replace(s, reps=s.reps + 1, note=s.note or "corrected")
                if rng.random() < 0.01:  # logged by mistake, then deleted
                    continue
                sets.append(s)
        note = "deload" if deload and rng.random() < 0.5 else ""
        sessions.append(
            Session(day, started, tuple(sets), t + timedelta(minutes=5), note, _id(rng))
        )
        day += timedelta(days=1)
    return sessions


def generate_history(
    store_or_path: Store | Path | str, years: int = 5, seed: int = 1, *, end: date
) -> dict[str, int]:
    """Write `years` of history ending at `end` into the store; returns counts."""
    store = store_or_path if isinstance(store_or_path, Store) else Store(store_or_path)
    sessions = build_history(years, seed, end=end)
    store.import_sessions(sessions)
    if not isinstance(store_or_path, Store):
        store.close()
    return {
        "sessions": len(sessions),
        "sets": sum(len(s.sets) for s in sessions),
        "years": len({s.date.year for s in sessions}),
        "months": len({(s.date.year, s.date.month) for s in sessions}),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--end", type=date.fromisoformat, default=date(2026, 11, 18))
    args = ap.parse_args(argv)
    counts = generate_history(args.db, args.years, args.seed, end=args.end)
    print(counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
