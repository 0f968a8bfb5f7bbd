"""How fast the store is at five years of heavy use (about 1,300 sessions, 32,500 sets).

    .venv/bin/python benchmarks/bench_store.py [--commits 200] [--baseline 30]

(benchmarks/run.py runs these with everything else and writes RESULTS.md.)

Times, on the same data:
* committing one set through `Store.log_set` (the path the UI uses: lock,
  stat check, append to the session document, orjson, temp file, fsync,
  rename, folder fsync), sessions of 25 sets, a new one started after each;
* the baseline: plain TinyDB with its default JSONStorage holding the same
  sets as one table of set documents (one document per set, with its
  session id and date: the obvious TinyDB layout), inserting one set;
* (the files are flushed with os.sync() before each timed part, so a commit's
  fsync does not pay for writing back the freshly generated history)
* opening the store cold and reading the last 12 weeks (`sessions_between`),
  in this process (a new Store each time, OS cache warm) and in a fresh
  interpreter (imports included).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_history  # noqa: E402
from tinydb import TinyDB  # noqa: E402

from tui_tracker.domain.models import LoggedSet  # noqa: E402
from tui_tracker.store import Store  # noqa: E402
from tui_tracker.store import codec  # noqa: E402

TZ = ZoneInfo("Europe/Berlin")


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(q / 100 * len(s)) - 1)]


def row(name: str, values_s: list[float]) -> tuple[str, int, float, float, float]:
    ms = [v * 1000 for v in values_s]
    return name, len(ms), pct(ms, 50), pct(ms, 95), max(ms)


def open_session_with_sets(path: Path, day: date, sets: int = 3) -> None:
    """Leave a session open on `day` with a few sets: the app resumes it at start."""
    store = Store(path)
    t = datetime(day.year, day.month, day.day, 17, 0, tzinfo=TZ)
    session = store.start_session(day, t)
    for _ in range(sets):
        t += timedelta(minutes=3)
        store.log_set(LoggedSet("barbell-back-squat", 140, 5, 2, t), day=day, session_id=session.id)
    store.close()


def bench_commits(path: Path, end: date, n: int) -> list[float]:
    store = Store(path)
    times: list[float] = []
    t = datetime(end.year, end.month, end.day, 17, 0, tzinfo=TZ)
    session = store.start_session(end, t)
    for i in range(n):
        if i and i % 25 == 0:
            store.finish_session(session.id, t)
            session = store.start_session(end, t)
        t += timedelta(minutes=2)
        s = LoggedSet("barbell-bench-press", 100 + (i % 5) * 2.5, 8, i % 4, t)
        t0 = time.perf_counter()
        store.log_set(s, day=end, session_id=session.id)
        times.append(time.perf_counter() - t0)
    store.close()
    return times


def commit_phases(path: Path, end: date, n: int) -> dict[str, float]:
    """Mean ms per commit spent in each part of `Store.log_set` (instrumented run).

    Wraps the calls the storage makes, so the times are a little higher than in
    an untimed commit; "lock, find, TinyDB, decode" is what is left.  A set into a
    session already on disk is a line appended to the month's set log and fsynced;
    the session's first set, a finish, and every FOLD_AT-th set write the whole month
    file (serialise, temp file, fsync, rename, folder fsync): their share is the mean.
    """
    from tui_tracker.store import files, storage

    spent = dict.fromkeys(
        [
            "serialise (orjson)",
            "write (log line or temp file)",
            "fsync file",
            "rename",
            "fsync folder",
        ],
        0.0,
    )
    real = {
        "dumps": storage.orjson.dumps,
        "write": os.write,
        "fsync": os.fsync,
        "replace": os.replace,
        "fsync_dir": files.fsync_dir,
    }
    in_dir = False

    def timed(name: str, fn):
        def wrapper(*a, **k):
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                if not (name == "fsync file" and in_dir):
                    spent[name] += time.perf_counter() - t0

        return wrapper

    def fsync_dir(folder):
        nonlocal in_dir
        in_dir = True
        try:
            return timed("fsync folder", real["fsync_dir"])(folder)
        finally:
            in_dir = False

    class Orjson:  # the storage module's view of orjson, with dumps timed
        def __getattr__(self, name):
            return getattr(orjson, name)

        dumps = staticmethod(timed("serialise (orjson)", real["dumps"]))

    import orjson

    storage.orjson, files.fsync_dir = Orjson(), fsync_dir
    os.write, os.fsync, os.replace = (
        timed("write (log line or temp file)", real["write"]),
        timed("fsync file", real["fsync"]),
        timed("rename", real["replace"]),
    )
    try:
        total = sum(bench_commits(path, end, n))
    finally:
        storage.orjson, files.fsync_dir = orjson, real["fsync_dir"]
        os.write, os.fsync, os.replace = real["write"], real["fsync"], real["replace"]
    spent["lock, find, TinyDB, decode"] = total - sum(spent.values())
    return {k: v / n * 1000 for k, v in spent.items()}


def bench_cold_open(path: Path, end: date, n: int) -> tuple[list[float], int]:
    times: list[float] = []
    count = 0
    for _ in range(n):
        t0 = time.perf_counter()
        store = Store(path)
        sessions = store.sessions_between(end - timedelta(weeks=12) + timedelta(days=1), end)
        times.append(time.perf_counter() - t0)
        count = len(sessions)
        store.close()
    return times, count


FRESH = """
import time, sys
t0 = time.perf_counter()
from datetime import date, timedelta
from tui_tracker.store import Store
end = date.fromisoformat(sys.argv[2])
store = Store(sys.argv[1])
n = len(store.sessions_between(end - timedelta(weeks=12) + timedelta(days=1), end))
print(time.perf_counter() - t0)
"""


def bench_fresh_process(path: Path, end: date, n: int) -> list[float]:
    out = []
    for _ in range(n):
        r = subprocess.run(
            [sys.executable, "-c", FRESH, str(path), end.isoformat()],
            capture_output=True,
            text=True,
            check=True,
        )
        out.append(float(r.stdout.strip()))
    return out


def build_baseline(store_path: Path, base_path: Path) -> int:
    """The same sets in plain TinyDB (default JSONStorage): one `sets` table, one doc per set."""
    store = Store(store_path)
    docs: dict[str, dict] = {}
    for year in store.years():
        for session in store.sessions_between(date(year, 1, 1), date(year, 12, 31)):
            for s in session.sets:
                d = codec.set_to_dict(s)
                d["session_id"] = session.id
                d["date"] = session.date.isoformat()
                docs[str(len(docs) + 1)] = d
    store.close()
    # Written the way JSONStorage writes (json.dumps, default arguments).
    base_path.write_text(json.dumps({"sets": docs}))
    return len(docs)


def bench_baseline(base_path: Path, end: date, n: int) -> list[float]:
    db = TinyDB(base_path)  # default JSONStorage
    table = db.table("sets")
    times = []
    t = datetime(end.year, end.month, end.day, 17, 0, tzinfo=TZ)
    for _ in range(n):
        t += timedelta(minutes=2)
        d = codec.set_to_dict(LoggedSet("barbell-bench-press", 100, 8, 2, t))
        d["session_id"] = "bench"
        d["date"] = end.isoformat()
        t0 = time.perf_counter()
        table.insert(d)
        times.append(time.perf_counter() - t0)
    db.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, help="work folder, kept (default: a temp folder, removed)")
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--end", type=date.fromisoformat, default=date(2026, 11, 18))
    ap.add_argument("--commits", type=int, default=200)
    ap.add_argument("--baseline", type=int, default=30)
    ap.add_argument("--opens", type=int, default=10)
    args = ap.parse_args(argv)

    work = args.dir or Path(tempfile.mkdtemp(prefix="tui-tracker-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "store" / "training.json"
    base = work / "baseline.json"

    t0 = time.perf_counter()
    counts = generate_history(path, args.years, end=args.end)
    gen_s = time.perf_counter() - t0
    n_base = build_baseline(path, base)
    files = sorted(path.parent.glob("training*.json"))
    total_mb = sum(f.stat().st_size for f in files) / 1e6
    current = max(f.stat().st_size for f in files if ".sessions-" in f.name) / 1e6

    # Flush the 15 MB just generated first, so fsyncs below do not pay for its writeback.
    os.sync()
    cold, n_recent = bench_cold_open(path, args.end, args.opens)
    fresh = bench_fresh_process(path, args.end, max(3, args.opens // 2))
    os.sync()
    commits = bench_commits(path, args.end, args.commits)
    os.sync()
    baseline = bench_baseline(base, args.end, args.baseline)

    print("# tui-tracker store benchmark\n")
    print(f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs\n")
    print(
        f"History: {counts['sessions']} sessions, {counts['sets']} sets in {counts['months']} "
        f"monthly files, {total_mb:.1f} MB in all (largest monthly file {current:.2f} MB); "
        f"generated in {gen_s:.2f} s. Baseline file: {n_base} set documents, "
        f"{base.stat().st_size / 1e6:.1f} MB.\n"
    )
    rows = [
        row("Store.log_set: commit one set (fsynced)", commits),
        row("baseline: plain TinyDB JSONStorage, insert one set doc", baseline),
        row(f"Store() + sessions_between(last 12 weeks: {n_recent} sessions)", cold),
        row("fresh interpreter: import + Store() + 12 weeks", fresh),
    ]
    print("| operation | n | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for name, n, p50, p95, mx in rows:
        print(f"| {name} | {n} | {p50:.2f} | {p95:.2f} | {mx:.2f} |")
    store_p50, store_p95 = rows[0][2], rows[0][3]
    base_p50, base_p95 = rows[1][2], rows[1][3]
    print(
        f"\nBaseline / store: {base_p50 / store_p50:.0f}x at p50, "
        f"{base_p95 / store_p95:.0f}x at p95. "
        f"Store commit p95 {store_p95:.2f} ms (target <= 10 ms): "
        f"{'OK' if store_p95 <= 10 else 'OVER TARGET'}."
    )
    print(f"Commit mean {statistics.mean(commits) * 1000:.2f} ms.")
    if args.dir is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
