"""A session of 1,000 sets (an import gone wrong, a long day of many small sets).

    .venv/bin/python benchmarks/bench_session.py DB [--today 2026-11-18] [--commits 30]

* committing a set (`Store.log_set`, fsynced) into an open session that already
  holds 10, 100 and 1,000 sets, on top of five years of history: the cost should
  not grow with the session;
* the Today screen's first frame with that 1,000-set session to resume, against
  its first frame with a normal one (3 sets), started the same way in a pty
  (benchmarks/run.py does the start-ups: see `session_db`).

Each size gets its own copy of the database: the session is added in one write
(`Store.import_sessions`, what `generate.py` uses), then `--commits` sets are
logged into each, one by one, round-robin over the sizes, and timed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tui_tracker.domain.models import LoggedSet, Session  # noqa: E402
from tui_tracker.store import Store  # noqa: E402

TZ = ZoneInfo("Europe/Berlin")
SIZES = (10, 100, 1000)
#: The long session's exercises, 200 sets each in the 1,000 (a list the Today screen shows).
EXERCISES = (
    "barbell-back-squat",
    "barbell-bench-press",
    "barbell-row",
    "dumbbell-curl",
    "dumbbell-lateral-raise",
)


def long_session(day: date, sets: int) -> Session:
    """An open session of `sets` sets on `day`, the exercises in blocks of equal size."""
    start = datetime(day.year, day.month, day.day, 6, 0, tzinfo=TZ)
    per = max(1, -(-sets // len(EXERCISES)))
    done = tuple(
        LoggedSet(
            EXERCISES[i // per],
            60 + (i % 5) * 2.5,
            8 + i % 3,
            1 + i % 3,
            start + timedelta(seconds=30 * i),
            note="drop set" if i % 50 == 49 else "",
        )
        for i in range(sets)
    )
    return Session(date=day, started_at=start, sets=done)


def session_db(pristine: Path, dest_folder: Path, day: date, sets: int) -> Path:
    """A copy of the database at `pristine` with an open session of `sets` sets on `day`."""
    shutil.copytree(pristine.parent, dest_folder, ignore=shutil.ignore_patterns("*.lock"))
    db = dest_folder / pristine.name
    store = Store(db)
    store.import_sessions([long_session(day, sets)])
    store.close()
    return db


def bench_session_commits(
    db: Path, day: date, n: int, sizes: tuple[int, ...] = SIZES
) -> dict[int, list[float]]:
    """Per session size, the seconds of `n` commits into a session that size.

    Each size has its own copy of the database, all open at once, and the commits go
    round-robin over them, so each size meets the same load on the machine (a commit
    is mostly fsyncs, whose time moves with everything else writing to the disk)."""
    out: dict[int, list[float]] = {size: [] for size in sizes}
    with tempfile.TemporaryDirectory(prefix="tui-tracker-session-") as tmp:
        stores, sessions, clocks = {}, {}, {}
        for size in sizes:
            store = stores[size] = Store(session_db(db, Path(tmp) / str(size), day, size))
            session = store.open_session(day)
            assert session is not None and len(session.sets) == size
            sessions[size] = session.id
            clocks[size] = session.sets[-1].at
        os.sync()
        try:
            for i in range(n):
                for size in sizes:
                    clocks[size] += timedelta(seconds=40)
                    s = LoggedSet(
                        "barbell-bench-press", 100 + (i % 5) * 2.5, 8, i % 4, clocks[size]
                    )
                    t0 = time.perf_counter()
                    stores[size].log_set(s, day=day, session_id=sessions[size])
                    out[size].append(time.perf_counter() - t0)
        finally:
            for store in stores.values():
                store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    import bench_store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 18))
    ap.add_argument("--commits", type=int, default=60)
    args = ap.parse_args(argv)
    for size, times in bench_session_commits(args.db, args.today, args.commits).items():
        ms = [t * 1000 for t in times]
        print(
            f"session of {size:>4} sets: commit p50 {bench_store.pct(ms, 50):.2f} ms, "
            f"p95 {bench_store.pct(ms, 95):.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
