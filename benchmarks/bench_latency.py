"""Key-to-echo latency in a real terminal: tui-tracker's weight field vs a bare Input app.

    .venv/bin/python benchmarks/bench_latency.py DB [--today 2026-11-18] [--samples 80]

Both run at once, each on its own 80x24 pty (bench_terminal.Pty): the app on a day
with a session to resume, so the set-entry panel's weight field has the focus (what
a lifter types into between sets), and bare_input_app.py, a Textual app with one
focused Input.  Sampling starts once each has used no CPU for half a second (the
app's start-up work, such as reading every past record in a thread, is done).  A sample writes one digit to the pty master and reads until the
digit is visible in the output (escape sequences stripped): the time between is the
latency.  A Backspace then empties the field again (not timed) and the output is
let settle before the next sample.  Samples alternate between the two apps, so both
see the same load on the machine.

The digit is one the screens show nowhere else; the cursor blinks meanwhile, as it
does for the lifter (a blink redraws an empty field: no digit, so no false echo).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_terminal import RESUMED_MARKER, Pty, app_argv, visible  # noqa: E402

DIGIT = "9"
BACKSPACE = "\x7f"
BARE_TITLE = "Bare Input app"


@dataclass
class Latency:
    app: list[float]  # seconds, one per sample
    bare: list[float]


def bare_input_command() -> list[str]:
    return [sys.executable, str(HERE / "bare_input_app.py")]


def echo_once(pty: Pty, key: str = DIGIT, timeout: float = 10) -> float:
    """Write `key` and read until it shows; returns the seconds it took."""
    mark = len(pty.out)
    t0 = time.perf_counter()
    os.write(pty.master, key.encode())
    deadline = t0 + timeout
    while key not in visible(bytes(pty.out[mark:])):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{key!r} was never echoed: {visible(bytes(pty.out[mark:]))!r}")
        pty.pump(deadline - time.perf_counter())
    took = time.perf_counter() - t0
    os.write(pty.master, BACKSPACE.encode())
    pty.settle(0.05)
    return took


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pty: Pty, quiet: float = 0.5, timeout: float = 30) -> None:
    """Read until the process has used no CPU for `quiet` s: start-up work is done (the
    app reads every past record in a thread after its first frame: seconds of CPU at
    five years of history, which a key typed meanwhile would share)."""
    deadline = time.perf_counter() + timeout
    used = cpu_seconds(pty.proc.pid)
    while time.perf_counter() < deadline:
        pty.settle(quiet, timeout=quiet * 2)
        now = cpu_seconds(pty.proc.pid)
        if now == used:
            return
        used = now


def bench_latency(resumed_db: Path, today: date, samples: int, seed: int = 1) -> Latency:
    """`samples` echoes in each app, alternating, after 5 unrecorded ones each."""
    rng = random.Random(seed)
    app = Pty(app_argv(resumed_db, today))
    bare = Pty(bare_input_command())
    result = Latency([], [])
    try:
        app.wait_for(RESUMED_MARKER)
        bare.wait_for(BARE_TITLE)
        wait_idle(app)
        wait_idle(bare)
        for i in range(samples + 5):
            for pty, into in ((app, result.app), (bare, result.bare)):
                # off the beat of the cursor's blink and any timer
                time.sleep(rng.uniform(0, 0.03))
                took = echo_once(pty)
                if i >= 5:
                    into.append(took)
    finally:
        app.finish("q")
        bare.finish("\x11")
    return result


def main(argv: list[str] | None = None) -> int:
    import bench_store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path, help="a database with a session open on --today")
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 18))
    ap.add_argument("--samples", type=int, default=80)
    args = ap.parse_args(argv)
    r = bench_latency(args.db, args.today, args.samples)
    for name, values in (("tui-tracker", r.app), ("bare Input", r.bare)):
        ms = [v * 1000 for v in values]
        print(
            f"{name}: p50 {bench_store.pct(ms, 50):.1f} ms, p95 {bench_store.pct(ms, 95):.1f} ms"
            f" of {len(ms)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
