"""Where the app's start-up time goes, stage by stage, next to the bare Textual app.

    .venv/bin/python benchmarks/profile_start.py DB [--today 2026-11-18] [--runs 5]

Runs the app in a pty like bench_terminal.py, but through a small launcher that
stamps the wall clock at each stage (imports, store open, Today screen mount) in
a file; the parent adds the moment the first frame arrived.  Medians of --runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_terminal import TODAY_MARKER, Pty  # noqa: E402

LAUNCH_APP = r"""
import inspect, json, os, sys, time
stamps = {"interpreter up": time.time()}
out = os.environ["STAMPS"]
import tui_tracker.cli as cli
stamps["import cli + domain"] = time.time()
from tui_tracker.startup import pause_gc
pause_gc()  # as the command line does before it imports Textual (commands/tui.py)
import textual.app
stamps["import textual.app"] = time.time()
import tui_tracker.ui.app
stamps["import our screens and widgets"] = time.time()
from tui_tracker.store import Store
real_init = Store.__init__
def init(self, *a, **k):
    real_init(self, *a, **k)
    stamps["Store() opened"] = time.time()
Store.__init__ = init
from tui_tracker.ui import today
real_init_screen, real_mount = today.TodayScreen.__init__, today.TodayScreen.on_mount
def screen_init(self, *a, **k):
    stamps["App running, TodayScreen() start"] = time.time()
    real_init_screen(self, *a, **k)
    stamps["TodayScreen() built (catalogue, plan)"] = time.time()
async def on_mount(self):
    stamps["Today composed and styled"] = time.time()
    done = real_mount(self)
    if inspect.isawaitable(done):  # on a day with exercises, it awaits the panel's mount
        await done
    stamps["Today on_mount done (resume, list)"] = time.time()
    with open(out, "w") as f:
        json.dump(stamps, f)
today.TodayScreen.__init__, today.TodayScreen.on_mount = screen_init, on_mount
sys.argv = ["tui-tracker", *sys.argv[1:]]
sys.exit(cli.main())
"""

LAUNCH_BARE = r"""
import json, os, sys, time
stamps = {"interpreter up": time.time()}
out = os.environ["STAMPS"]
import textual.app
stamps["import textual.app"] = time.time()
sys.path.insert(0, sys.argv[1])
import bare_app
stamps["import Header, Footer"] = time.time()
class App(bare_app.BareApp):
    def on_mount(self):
        stamps["composed and styled"] = time.time()
        with open(out, "w") as f:
            json.dump(stamps, f)
App().run()
"""


def run_once(code: str, args: list[str], marker: str, quit_keys: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        os.environ["STAMPS"] = f.name
        try:
            started = time.time()
            pty = Pty([sys.executable, "-c", code, *args])
            pty.wait_for(marker)
            frame = time.time()
            pty.settle(0.3)
            pty.finish(quit_keys)
        finally:
            del os.environ["STAMPS"]
        stamps = json.loads(Path(f.name).read_text())
    stamps["first frame in the pty"] = frame
    return {k: (v - started) * 1000 for k, v in stamps.items()}


def table(runs: list[dict[str, float]]) -> list[tuple[str, float, float]]:
    """(stage, median ms since spawn, median ms of the stage)."""
    rows, prev = [], 0.0
    for key in runs[0]:
        at = statistics.median(r[key] for r in runs)
        rows.append((key, at, at - prev))
        prev = at
    return rows


def profile(db: Path, today: date, runs: int) -> dict[str, list[tuple[str, float, float]]]:
    app_args = ["--db", str(db), "--today", today.isoformat()]
    here = str(Path(__file__).resolve().parent)
    run_once(LAUNCH_APP, app_args, TODAY_MARKER, "q")  # warm-up
    app, bare = [], []
    for _ in range(runs):
        app.append(run_once(LAUNCH_APP, app_args, TODAY_MARKER, "q"))
        bare.append(run_once(LAUNCH_BARE, [here], "Bare Textual app", "\x11"))
    return {"tui-tracker": table(app), "bare app": table(bare)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 18))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    for name, rows in profile(args.db, args.today, args.runs).items():
        print(f"\n{name}\n| stage | ms since spawn | ms |\n|---|---:|---:|")
        for stage, at, took in rows:
            print(f"| {stage} | {at:.0f} | {took:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
