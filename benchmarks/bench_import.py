"""Importing big Strong CSV exports: time and peak memory as the file grows.

    .venv/bin/python benchmarks/bench_import.py                          # 10k, 100k, 1M rows
    .venv/bin/python benchmarks/bench_import.py --rows 10000 100000 --new-exercises 1000 10000
    .venv/bin/python benchmarks/bench_import.py --keep /tmp/bench-import  # keep files and databases

Two kinds of file, each imported with `tui-tracker import strong FILE --unit kg` into a
new database, in a fresh process:

* rows: N set rows of a heavy lifter (25 sets a session, three sessions a day, five
  lifts the catalogue knows, warm-ups, RPE on every other set), oldest first as Strong
  writes them;
* new exercises: N rows, each naming an exercise the catalogue does not know, so the
  import creates N exercises of the lifter's own.

Reported per file: its size, the wall time of the whole command (start-up included),
its CPU time (user + system: steadier than wall time on a shared machine; the fsyncs are
in the wall time only), rows per second, and the process's peak resident memory (VmHWM
from /proc/self/status, read by the child itself just before it exits: Linux-only).  The
import should grow linearly in time and stay flat in memory.

To measure another version of the app the same way, put its `src` first on PYTHONPATH:
`PYTHONPATH=/path/to/other/src .venv/bin/python benchmarks/bench_import.py`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)
LIFTS = (
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Lat Pulldown (Cable)",
    "Overhead Press (Barbell)",
)
SETS_PER_SESSION = 25
SESSION_TIMES = (7, 12, 18)  # three sessions a day keep 1M rows inside 1990-2026

#: Runs the CLI in this process, then reports its own peak memory and CPU time on stderr.
CHILD = """
import resource, sys
from tui_tracker.cli import main
code = main(sys.argv[1:])
hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
use = resource.getrusage(resource.RUSAGE_SELF)
print(f"VmHWM_KB={hwm} CPU_S={use.ru_utime + use.ru_stime:.3f}", file=sys.stderr)
sys.exit(code)
"""


def write_rows_file(path: Path, rows: int) -> None:
    """`rows` set rows, 25 a session, oldest first."""
    start = datetime(1990, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        chunk = []
        for i in range(rows):
            session, position = divmod(i, SETS_PER_SESSION)
            day, slot = divmod(session, len(SESSION_TIMES))
            when = start + timedelta(days=day, hours=SESSION_TIMES[slot])
            lift = LIFTS[position // 5]
            order = "W" if position % 5 == 0 else str(position % 5)
            rpe = "8" if i % 2 else ""
            chunk.append(
                f"{when:%Y-%m-%d %H:%M:%S},Workout {slot + 1},1h 10m,{lift},{order},"
                f"{60 + i % 40 * 2.5},{5 + i % 5},0,0,,,{rpe}\n"
            )
            if len(chunk) >= 10_000:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))


def write_new_exercises_file(path: Path, names: int) -> None:
    """`names` rows, each naming its own exercise the catalogue does not know."""
    start = datetime(2000, 1, 1, 18)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for i in range(names):
            when = start + timedelta(days=i // SETS_PER_SESSION)
            f.write(
                f"{when:%Y-%m-%d %H:%M:%S},Workout,1h,Machine Variation {i:07d},1,"
                f"{20 + i % 50},10,0,0,,,8\n"
            )


def run_import(csv_path: Path, db: Path) -> dict:
    """One import in a fresh process: wall time, peak memory, exit code, last output line."""
    cmd = [
        sys.executable,
        "-c",
        CHILD,
        "--db",
        str(db),
        "import",
        "strong",
        str(csv_path),
        "--unit",
        "kg",
    ]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    stats = [line for line in r.stderr.splitlines() if line.startswith("VmHWM_KB=")]
    if r.returncode != 0 or not stats:
        raise SystemExit(f"import of {csv_path} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    values = dict(field.split("=") for field in stats[-1].split())
    imported = [line for line in r.stdout.splitlines() if line.startswith("Imported")]
    return {
        "seconds": seconds,
        "cpu": float(values["CPU_S"]),
        "peak_mb": int(values["VmHWM_KB"]) / 1024,
        "said": imported[0] if imported else r.stdout.splitlines()[0],
    }


def measure(work: Path, kind: str, n: int) -> dict:
    csv_path = work / f"{kind}-{n}.csv"
    t0 = time.perf_counter()
    if kind == "rows":
        write_rows_file(csv_path, n)
    else:
        write_new_exercises_file(csv_path, n)
    made = time.perf_counter() - t0
    db = work / f"{kind}-{n}" / "training.json"
    result = run_import(csv_path, db)
    result.update(kind=kind, n=n, mb=csv_path.stat().st_size / 2**20, generated_s=made)
    return result


def table(results: list[dict]) -> str:
    lines = [
        "| file | rows | CSV size | wall time | CPU time | rows/s (wall) | peak memory |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        what = "sets of 5 lifts" if r["kind"] == "rows" else "each a new exercise"
        lines.append(
            f"| {what} | {r['n']:,} | {r['mb']:.1f} MB | {r['seconds']:.1f} s | "
            f"{r['cpu']:.1f} s | {r['n'] / r['seconds']:,.0f} | {r['peak_mb']:.0f} MB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rows",
        type=int,
        nargs="*",
        default=[10_000, 100_000, 1_000_000],
        help="set-row counts to import (default: 10k 100k 1M)",
    )
    parser.add_argument(
        "--new-exercises",
        type=int,
        nargs="*",
        default=[1_000, 10_000, 100_000],
        help="counts of rows naming a new exercise each (default: 1k 10k 100k)",
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for kind, counts in (("rows", args.rows), ("new", args.new_exercises)):
            for n in counts:
                r = measure(work, kind, n)
                results.append(r)
                print(
                    f"{kind} {n:,}: {r['seconds']:.1f} s ({r['cpu']:.1f} s CPU), "
                    f"peak {r['peak_mb']:.0f} MB "
                    f"({r['said']})",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"Import of Strong CSV files ({os.cpu_count()} cores, Python {sys.version.split()[0]}):\n"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
