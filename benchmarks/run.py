"""Every benchmark, at five years of history, in one run; writes benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py            # about 2-3 minutes
    .venv/bin/python benchmarks/run.py --quick    # fewer repetitions, a smoke test

It generates the history (generate.py) in a temp folder, then measures, each
beside its yardstick in the same run so the machine's speed cancels out:

* committing one set through Store.log_set vs plain TinyDB (bench_store.py);
* weekly volume per muscle for the last 12 weeks (bench_volume.py);
* cold start to the first Today frame in an 80x24 pty vs a bare Textual app,
  on an empty day and with a session to resume, the app's peak memory, and the
  bytes written to the terminal to log a set (bench_terminal.py); and where
  start-up time goes (profile_start.py);
* key-to-echo latency in the set-entry panel vs a bare Textual Input app
  (bench_latency.py);
* a session of 1,000 sets: commits into sessions of 10, 100 and 1,000 sets, and
  the Today screen's first frame with it (bench_session.py).

The results, the targets from issues 6 and 12, the machine and the exact command
go to RESULTS.md (or --out).  The numbers move with the load on the machine: the load
average before and after is recorded too.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, UTC
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_latency  # noqa: E402
import bench_session  # noqa: E402
import bench_store  # noqa: E402
import bench_terminal  # noqa: E402
import bench_volume  # noqa: E402
import machine  # noqa: E402
import profile_start  # noqa: E402
from generate import generate_history  # noqa: E402

END = date(2026, 11, 18)  # the generated history ends here; the app runs with --today END

TARGETS = {
    "commit_p95_ms": 10.0,
    "speedup": 20.0,
    "volume_ms": 50.0,
    "start_ratio": 1.15,  # empty day, issue 12 (issue 6 asked 1.3)
    "resumed_ratio": 1.25,  # a session to resume, issue 12
    "memory_mb": 150.0,
    "first_set_kb": 20.0,
    "repeat_set_kb": 3.0,
    "rest_bytes_per_s": 150.0,
    "latency_p95_ratio": 1.2,
    "long_session_ratio": 1.5,  # Today's first frame with 1,000 sets / with 3
    "session_growth": 1.25,  # commit p50 at 1,000 sets / at 10 (issue 12: "does not grow")
}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def verdict(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def fastest(runs) -> float:
    return min(x.seconds for x in runs)


def pctl(values: list[float], q: float) -> float:
    return bench_store.pct(values, q)


def measure(work: Path, quick: bool) -> dict:
    """Run everything; returns the raw numbers for the report."""
    reps = {
        "commits": 200,
        "baseline": 30,
        "phases": 100,
        "volume": 20,
        "start": 21,
        "log": 3,
        "profile": 5,
        "latency": 80,
        "session_commits": 60,
    }
    if quick:
        reps = {
            "commits": 200,
            "baseline": 5,
            "phases": 20,
            "volume": 5,
            "start": 2,
            "log": 1,
            "profile": 1,
            "latency": 10,
            "session_commits": 10,
        }
    r: dict = {"reps": reps}
    db = work / "store" / "training.json"
    t0 = time.perf_counter()
    r["counts"] = generate_history(db, 5, end=END)
    r["generate_s"] = time.perf_counter() - t0
    files = sorted(db.parent.glob("training*.json"))
    r["total_mb"] = sum(f.stat().st_size for f in files) / 1e6
    r["year_mb"] = max(f.stat().st_size for f in files if ".sessions-" in f.name) / 1e6
    r["files"] = len(files)
    base = work / "baseline.json"
    r["baseline_docs"] = bench_store.build_baseline(db, base)
    r["baseline_mb"] = base.stat().st_size / 1e6
    pristine = work / "pristine"  # an untouched copy for the terminal runs
    shutil.copytree(db.parent, pristine)
    empty = work / "empty" / "training.json"

    print("volume...", flush=True)
    os.sync()  # write back the freshly generated files before anything is timed
    r["volume_cold"], r["volume_sessions"] = bench_volume.bench_cold(db, END, reps["volume"])
    r["volume_warm"] = bench_volume.bench_warm(db, END, reps["volume"])

    print("terminal: start-up and memory...", flush=True)
    pristine_db = pristine / db.name
    r["start"] = bench_terminal.bench_start(pristine_db, END, reps["start"])
    # The empty database is created by the first start, which is not counted.
    r["start_empty"] = [
        bench_terminal.start_once(
            bench_terminal.app_argv(empty, END), bench_terminal.TODAY_MARKER, "q"
        )
        for _ in range(reps["start"] + 1)
    ][1:]
    resumed = work / "resumed" / db.name
    shutil.copytree(pristine, resumed.parent)
    bench_store.open_session_with_sets(resumed, END)
    long = bench_session.session_db(pristine_db, work / "long", END, 1000)
    # With a session to resume, a normal one (3 sets) and one of 1,000 sets, interleaved
    # with the bare app again (the same yardstick, the same minutes of load).
    r["start_resumed"], r["start_long"], r["start_bare2"] = [], [], []
    bench_terminal.start_once(
        bench_terminal.app_argv(resumed, END), bench_terminal.RESUMED_MARKER, "q"
    )
    bench_terminal.start_once(
        bench_terminal.app_argv(long, END), bench_terminal.RESUMED_MARKER, "q"
    )
    for _ in range(reps["start"]):
        r["start_resumed"].append(
            bench_terminal.start_once(
                bench_terminal.app_argv(resumed, END), bench_terminal.RESUMED_MARKER, "q"
            )
        )
        r["start_bare2"].append(
            bench_terminal.start_once(bench_terminal.bare_command(), "Bare Textual app", "\x11")
        )
        r["start_long"].append(
            bench_terminal.start_once(
                bench_terminal.app_argv(long, END), bench_terminal.RESUMED_MARKER, "q"
            )
        )
    print("terminal: key-to-echo latency...", flush=True)
    r["latency"] = bench_latency.bench_latency(resumed, END, reps["latency"])
    print("terminal: logging a set...", flush=True)
    r["log"] = bench_terminal.bench_logging(pristine_db, END, reps["log"])
    print("terminal: start-up stages...", flush=True)
    r["profile"] = profile_start.profile(pristine_db, END, reps["profile"])

    print("commits...", flush=True)
    os.sync()
    r["commits"] = bench_store.bench_commits(db, END, reps["commits"])
    os.sync()
    r["baseline"] = bench_store.bench_baseline(base, END, reps["baseline"])
    os.sync()
    r["phases"] = bench_store.commit_phases(db, END, reps["phases"])
    print("a session of 1,000 sets...", flush=True)
    r["session_commits"] = bench_session.bench_session_commits(
        pristine_db, END, reps["session_commits"]
    )
    return r


def report(r: dict, command: str, took_s: float, about: list[tuple[str, str]]) -> str:
    reps = r["reps"]
    c = [x * 1000 for x in r["commits"]]
    b = [x * 1000 for x in r["baseline"]]
    c50, c95, b50, b95 = pctl(c, 50), pctl(c, 95), pctl(b, 50), pctl(b, 95)
    speed50, speed95 = b50 / c50, b95 / c95
    vc = [x * 1000 for x in r["volume_cold"]]
    vw = [x * 1000 for x in r["volume_warm"]]
    start = r["start"]
    app_s = statistics.median(x.seconds for x in start.app)
    bare_s = statistics.median(x.seconds for x in start.bare)
    empty_s = statistics.median(x.seconds for x in r["start_empty"])
    resumed_s = statistics.median(x.seconds for x in r["start_resumed"])
    bare2_s = statistics.median(x.seconds for x in r["start_bare2"])
    long_s = statistics.median(x.seconds for x in r["start_long"])
    resumed_ratio, long_ratio = resumed_s / bare2_s, long_s / resumed_s
    ratio = app_s / bare_s
    lat_app = [x * 1000 for x in r["latency"].app]
    lat_bare = [x * 1000 for x in r["latency"].bare]
    lat_ratio = pctl(lat_app, 95) / pctl(lat_bare, 95)
    sc = {size: [x * 1000 for x in times] for size, times in r["session_commits"].items()}
    small, big = min(sc), max(sc)
    growth = pctl(sc[big], 50) / pctl(sc[small], 50)
    hwm_mb = max(x.hwm_kb for x in start.app) / 1024
    bare_mb = max(x.hwm_kb for x in start.bare) / 1024
    peak_mb = max(x.peak_kb for x in r["log"]) / 1024
    log = r["log"]
    med = lambda attr: statistics.median(getattr(x, attr) for x in log)  # noqa: E731
    first_frame = statistics.median(x.first_frame_bytes for x in start.app)
    bare_frame = statistics.median(x.first_frame_bytes for x in start.bare)
    n = r["counts"]

    lines = [
        "# tui-tracker benchmarks",
        "",
        "Written by `benchmarks/run.py`; see benchmarks/README.md for what each number means.",
        "",
        f"Command (from the repository root): `{command}`  ",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, took {took_s:.0f} s.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in about],
        "",
        "## Data",
        "",
        f"Five years of a heavy lifter ending {END} (`generate.py`, seed 1): "
        f"**{n['sessions']} sessions, {n['sets']} sets**, {r['files']} files, "
        f"{r['total_mb']:.1f} MB in all, the largest month's file {r['year_mb']:.2f} MB; "
        f"generated in {r['generate_s']:.1f} s. The baseline: the same {r['baseline_docs']} sets "
        f"in one plain TinyDB file ({r['baseline_mb']:.1f} MB, default JSONStorage, one document "
        f"per set).",
        "",
        "## Results against the targets of issues 6 and 12",
        "",
        "| measurement | result | target | met |",
        "|---|---|---|---|",
        f"| commit one set, `Store.log_set` (fsynced), p50 / p95 of {len(c)} | "
        f"{c50:.2f} / {c95:.2f} ms | p95 <= {TARGETS['commit_p95_ms']:.0f} ms | "
        f"{verdict(c95 <= TARGETS['commit_p95_ms'])} |",
        f"| baseline: plain TinyDB insert of one set, p50 / p95 of {len(b)} | "
        f"{b50:.1f} / {b95:.1f} ms | | |",
        f"| speed-up over the baseline at p50 / p95 | {speed50:.0f}x / {speed95:.0f}x | "
        f">= {TARGETS['speedup']:.0f}x | {verdict(min(speed50, speed95) >= TARGETS['speedup'])} |",
        f"| weekly volume per muscle, last 12 weeks ({r['volume_sessions']} sessions), new Store "
        f"each time, p50 / p95 of {len(vc)} | {pctl(vc, 50):.1f} / {pctl(vc, 95):.1f} ms | "
        f"<= {TARGETS['volume_ms']:.0f} ms | {verdict(pctl(vc, 95) <= TARGETS['volume_ms'])} |",
        f"| the same on an open Store (parse cache warm), p50 / p95 | "
        f"{pctl(vw, 50):.1f} / {pctl(vw, 95):.1f} ms | | |",
        f"| cold start to the first Today frame, empty day, pty 80x24, median of "
        f"{len(start.app)} | {ms(app_s)} | | |",
        f"| bare Textual app (Header + Footer), same way, median of {len(start.bare)} | "
        f"{ms(bare_s)} | | |",
        f"| start-up ratio app / bare, empty day | {ratio:.2f}x | <= {TARGETS['start_ratio']}x | "
        f"{verdict(ratio <= TARGETS['start_ratio'])} |",
        f"| first frame with a session to resume (sets table and panel in it), median of "
        f"{len(r['start_resumed'])} / the bare app interleaved with it ({ms(bare2_s)}) | "
        f"{ms(resumed_s)}, {resumed_ratio:.2f}x | <= {TARGETS['resumed_ratio']}x | "
        f"{verdict(resumed_ratio <= TARGETS['resumed_ratio'])} |",
        f"| key to echo in the set-entry panel's weight field, p50 / p95 of {len(lat_app)} | "
        f"{pctl(lat_app, 50):.1f} / {pctl(lat_app, 95):.1f} ms | | |",
        f"| the same in a bare Textual Input app, alternating with it, p50 / p95 | "
        f"{pctl(lat_bare, 50):.1f} / {pctl(lat_bare, 95):.1f} ms | | |",
        f"| key-to-echo p95, app / bare | {lat_ratio:.2f}x | <= {TARGETS['latency_p95_ratio']}x | "
        f"{verdict(lat_ratio <= TARGETS['latency_p95_ratio'])} |",
        f"| commit one set into an open session of {big:,} sets, p50 / p95 of {len(sc[big])} | "
        f"{pctl(sc[big], 50):.2f} / {pctl(sc[big], 95):.2f} ms | p95 <= "
        f"{TARGETS['commit_p95_ms']:.0f} ms | {verdict(pctl(sc[big], 95) <= TARGETS['commit_p95_ms'])} |",
        f"| commit p50 at {big:,} sets / at {small} sets (same run, round-robin) | {growth:.2f}x | "
        f"<= {TARGETS['session_growth']}x | {verdict(growth <= TARGETS['session_growth'])} |",
        f"| first Today frame with that {big:,}-set session to resume / with 3 sets, medians of "
        f"{len(r['start_long'])} | {ms(long_s)}, {long_ratio:.2f}x | "
        f"<= {TARGETS['long_session_ratio']}x | {verdict(long_ratio <= TARGETS['long_session_ratio'])} |",
        f"| peak memory (VmHWM) after the first frame, worst of {len(start.app)} | "
        f"{hwm_mb:.1f} MB | <= {TARGETS['memory_mb']:.0f} MB | "
        f"{verdict(hwm_mb <= TARGETS['memory_mb'])} |",
        f"| peak memory (VmHWM) after logging 3 sets, worst of {len(log)} | "
        f"{peak_mb:.1f} MB | <= {TARGETS['memory_mb']:.0f} MB | "
        f"{verdict(peak_mb <= TARGETS['memory_mb'])} |",
        f"| bytes to the terminal to log one set and see it saved: a, `squat`, Enter, Enter, "
        f"median of {len(log)} | {kb(med('first_set'))} | <= {TARGETS['first_set_kb']:.0f} KB | "
        f"{verdict(med('first_set') <= TARGETS['first_set_kb'] * 1024)} |",
        f"| the next set, the same again: Enter | {med('repeat_set'):,.0f} B | "
        f"<= {TARGETS['repeat_set_kb']:.0f} KB | "
        f"{verdict(med('repeat_set') <= TARGETS['repeat_set_kb'] * 1024)} |",
        f"| the rest timer counting down, per second | {med('rest_bytes_per_s'):,.0f} B | "
        f"<= {TARGETS['rest_bytes_per_s']:.0f} B | "
        f"{verdict(med('rest_bytes_per_s') <= TARGETS['rest_bytes_per_s'])} |",
        "",
        "## Details",
        "",
        "Context for the start-up numbers:",
        "",
        f"* the same app on an empty database starts in {ms(empty_s)} (median of "
        f"{len(r['start_empty'])}): history size is not what costs;",
        f"* on a day with a session to resume, whose first frame also holds the sets table "
        f"and the set-entry panel (on a day without one, they are hidden and mount just "
        f"after the first frame): {ms(resumed_s)}, {resumed_ratio:.2f}x the bare app started "
        f"between its runs ({ms(bare2_s)}; {resumed_s / bare_s:.2f}x the first bare median);",
        f"* the fastest of each start-up, which load on the machine can only slow: empty day "
        f"{ms(fastest(start.app))} / bare {ms(fastest(start.bare))} = "
        f"{fastest(start.app) / fastest(start.bare):.2f}x; session to resume "
        f"{ms(fastest(r['start_resumed']))} / bare {ms(fastest(r['start_bare2']))} = "
        f"{fastest(r['start_resumed']) / fastest(r['start_bare2']):.2f}x; with 1,000 sets "
        f"{ms(fastest(r['start_long']))}, {fastest(r['start_long']) / fastest(r['start_resumed']):.2f}x "
        f"the one with 3;",
        f"* bare app memory (VmHWM) {bare_mb:.1f} MB; the output until the first screen "
        f"settles is {kb(first_frame)} for the app and {kb(bare_frame)} for the bare app "
        f"(TERM=xterm-256color, no COLORTERM, as over SSH).",
        "",
        "Where a commit's time goes (mean ms per commit, instrumented run of "
        f"{reps['phases']} commits):",
        "",
        "| part | ms |",
        "|---|---:|",
        *[f"| {k} | {v:.2f} |" for k, v in r["phases"].items()],
        "",
        "Commits into an open session by its size (ms; each size its own copy of the "
        f"database, commits round-robin over them, {reps['session_commits']} each):",
        "",
        "| sets in the session | p50 | p95 | max |",
        "|---:|---:|---:|---:|",
        *[
            f"| {size:,} | {pctl(v, 50):.2f} | {pctl(v, 95):.2f} | {max(v):.2f} |"
            for size, v in sc.items()
        ],
        "",
        "Where start-up time goes (median ms since the process was spawned, "
        f"{reps['profile']} runs each; the launcher stamps each stage):",
        "",
    ]
    for name, rows in r["profile"].items():
        lines += [
            f"**{name}**",
            "",
            "| stage | at ms | stage ms |",
            "|---|---:|---:|",
            *[f"| {s} | {at:.0f} | {took:.0f} |" for s, at, took in rows],
            "",
        ]
    steps = {k: statistics.median(x.steps[k] for x in log) for k in log[0].steps}
    lines += [
        "Bytes written to the terminal while logging (medians of "
        f"{len(log)} runs, so the steps need not add up to the total; keys typed "
        f"{bench_terminal.PACE * 1000:.0f} ms apart, the cursor blinking meanwhile):",
        "",
        "| step | bytes |",
        "|---|---:|",
        *[f"| {k} | {v:,.0f} |" for k, v in steps.items()],
        f"| **first set of an exercise, in all** | **{med('first_set'):,.0f}** |",
        f"| next set, the same again: Enter | {med('repeat_set'):,.0f} |",
        f"| next set, other reps: Tab, `3`, Enter | {med('changed_reps'):,.0f} |",
        f"| rest timer counting down, nothing typed (per second) | "
        f"{med('rest_bytes_per_s'):,.0f} |",
        "",
        "Where the bytes go: every byte is a repaint of lines that changed, each line a few "
        "hundred bytes of colour escapes at 256 colours. `a` paints the search box over the "
        "screen (the box only: it is mounted, off the screen, right after the first frame); "
        "each letter repaints the result lines that changed; picking the first exercise of "
        "a day is the one step that changes nearly every line (the hint goes, the list "
        "gains its row, the sets table and the panel appear), so it is about one screenful; "
        "Enter on a set repaints the status line, the panel's fields, the table's new row, "
        "the list's count and the rest timer. While the rest timer counts down it rewrites "
        "only its own cells (`Rest  2:58`) once a second, about 55 bytes. Until issue 12 "
        "picking that first exercise sent the whole screen twice, for two reasons: Textual "
        "asked for a second layout pass when a widget's size changed, and painted the list, "
        "table and panel again (`ui/widgets/lines.py` now skips that pass for our line "
        "widgets); and each await of a mount (Textual's `AwaitMount`), the first and every "
        "later one, asks the parent for a layout and a repaint: the Today screen awaited "
        "its search overlay's mount again on each `a` and each pick, so each sent the whole "
        "screen once more after the layout's own update (`ui/mount_once.py` awaits it once; "
        "`tests/ui/test_one_paint.py` and `tests/ui/test_search_paint.py` count the lines "
        "sent).",
        "",
        "Load average (1, 5, 15 min) after the run: "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
        + ".",
        "",
        "## The README's table",
        "",
        'The table in README.md, "How fast, measured", is this one (copied from here):',
        "",
        "| measurement | result | target |",
        "| --- | --- | --- |",
        f"| save one set (fsynced), p50 / p95 of {len(c)} | {c50:.1f} / {c95:.1f} ms | "
        f"p95 <= {TARGETS['commit_p95_ms']:.0f} ms |",
        f"| the same into a session of {big:,} sets, p50 / p95 | {pctl(sc[big], 50):.1f} / "
        f"{pctl(sc[big], 95):.1f} ms | p95 <= {TARGETS['commit_p95_ms']:.0f} ms |",
        f"| save p50 with {big:,} sets in the session / with {small} | {growth:.2f}x | "
        f"<= {TARGETS['session_growth']}x |",
        f"| speed-up over plain TinyDB holding the same data, p50 / p95 | {speed50:.0f}x / "
        f"{speed95:.0f}x | >= {TARGETS['speedup']:.0f}x |",
        f"| weekly sets per muscle for the last 12 weeks, p50 / p95 | {pctl(vc, 50):.1f} / "
        f"{pctl(vc, 95):.1f} ms | <= {TARGETS['volume_ms']:.0f} ms |",
        f"| first Today frame in an 80x24 pty, empty day / a bare Textual app | {ms(app_s)} / "
        f"{ms(bare_s)} = {ratio:.2f}x | <= {TARGETS['start_ratio']}x |",
        f"| first Today frame with a session to resume / the bare app | {ms(resumed_s)} / "
        f"{ms(bare2_s)} = {resumed_ratio:.2f}x | <= {TARGETS['resumed_ratio']}x |",
        f"| the same with a session of {big:,} sets / of 3 | {long_ratio:.2f}x | "
        f"<= {TARGETS['long_session_ratio']}x |",
        f"| key to echo, p50 / p95, app / bare Textual Input | {pctl(lat_app, 50):.1f} / "
        f"{pctl(lat_app, 95):.1f} ms / {pctl(lat_bare, 50):.1f} / {pctl(lat_bare, 95):.1f} ms "
        f"= {lat_ratio:.2f}x at p95 | <= {TARGETS['latency_p95_ratio']}x |",
        f"| peak memory | {max(hwm_mb, peak_mb):.0f} MB | <= {TARGETS['memory_mb']:.0f} MB |",
        f"| bytes to the terminal: first set of an exercise (`a`, `squat`, Enter, Enter) / a "
        f"repeat set (Enter) / a rest-timer second | {kb(med('first_set'))} / "
        f"{med('repeat_set'):,.0f} B / {med('rest_bytes_per_s'):,.0f} B | <= "
        f"{TARGETS['first_set_kb']:.0f} KB / {TARGETS['repeat_set_kb']:.0f} KB / "
        f"{TARGETS['rest_bytes_per_s']:.0f} B |",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke test)")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args(argv)

    def short(path: str) -> str:  # relative to where it was run from, when inside it
        rel = os.path.relpath(path)
        return path if rel.startswith("..") else rel

    shown = sys.argv[1:] if argv is None else argv
    command = shlex.join([short(sys.executable), short(__file__), *shown])

    work = args.keep or Path(tempfile.mkdtemp(prefix="tui-tracker-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    about = machine.describe(work)
    t0 = time.perf_counter()
    try:
        results = measure(work, args.quick)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results, command, time.perf_counter() - t0, about)
    args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
