"""What the coach costs at five years of heavy use (about 1,300 sessions, 32,500 sets).

    .venv/bin/python benchmarks/bench_coach.py [--repeat 20]

Times, on the same data, beside their yardsticks:
* saving a set through the logbook (`Logbook.log`, records included): the first save
  of a logbook reads all history before today once to know the records; later saves
  use what it read.  Yardstick: `Store.log_set` alone, the same commit without rules.
  `Logbook.read_records()` does that read ahead (a front end's worker), so that the
  first save costs what the later ones do;
* the first working set's suggestion (`Logbook.prefill`: last time's sets, read once
  per exercise, then the rules);
* `tui-tracker prs` and `tui-tracker suggest` as commands (fresh interpreter each);
* calibrations over the dashboard's 26 weeks (`sessions_between` + `calibrations`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_history  # noqa: E402

from tui_tracker.domain.calibration import WINDOW, calibrations  # noqa: E402
from tui_tracker.domain.inputs import SetInput  # noqa: E402
from tui_tracker.domain.models import LoggedSet  # noqa: E402
from tui_tracker.logbook import Entry, Logbook  # noqa: E402
from tui_tracker.store import Store  # noqa: E402

END = date(2026, 11, 18)
TZ = timezone(timedelta(hours=1))
SQUAT = "barbell-back-squat"


class Clock:
    def __init__(self, day: date) -> None:
        self.moment = datetime(day.year, day.month, day.day, 18, tzinfo=TZ)

    def today(self) -> date:
        return self.moment.date()

    def now(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms (p50 of {len(values)})"


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "training.json"
        counts = generate_history(db, end=END - timedelta(days=1))
        print(f"history: {counts['sessions']} sessions, {counts['sets']} sets")
        entry = Entry(SetInput(100.0, "kg", 5, 2))

        first, later, plain, prefill_first, prefill_again = [], [], [], [], []
        ahead, after_ahead = [], []
        for n in range(args.repeat):
            day = END + timedelta(days=n)
            with Store(db) as store:
                book = Logbook(store, Clock(day))
                prefill_first.append(timed(lambda: book.prefill(SQUAT, "kg")))
                prefill_again.append(timed(lambda: book.prefill(SQUAT, "kg")))
                first.append(timed(lambda: book.log(SQUAT, entry)))
                later.append(timed(lambda: book.log(SQUAT, entry)))
                clock = Clock(day)
                plain.append(
                    timed(
                        lambda: store.log_set(LoggedSet(SQUAT, 100.0, 5, 2, clock.now()), day=day)
                    )
                )
                book = Logbook(store, Clock(day))
                ahead.append(timed(book.read_records))
                after_ahead.append(timed(lambda: book.log(SQUAT, entry)))

        print(f"Logbook.log, first save of a logbook (reads history): {ms(first)}")
        print(f"Logbook.log, later saves:                             {ms(later)}")
        print(f"Store.log_set alone (yardstick):                      {ms(plain)}")
        print(f"Logbook.read_records() ahead of the first save:       {ms(ahead)}")
        print(f"Logbook.log, first save after reading ahead:          {ms(after_ahead)}")
        print(f"prefill (suggestion), first for the exercise:         {ms(prefill_first)}")
        print(f"prefill (suggestion), again:                          {ms(prefill_again)}")

        with Store(db) as store:
            today = END + timedelta(days=args.repeat)
            cal = [
                timed(lambda: calibrations(store.sessions_between(today - WINDOW, today)))
                for _ in range(5)
            ]
        print(f"calibrations over {WINDOW.days // 7} weeks (read + compute):           {ms(cal)}")

        exe = [sys.executable, "-m", "tui_tracker", "--db", str(db), "--today", str(END)]
        for command in (["prs"], ["suggest", "squat"], ["volume"]):
            runs = [
                timed(lambda: subprocess.run(exe + command, check=True, capture_output=True))
                for _ in range(5)
            ]
            print(f"tui-tracker {' '.join(command):<14} (whole command):        {ms(runs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
