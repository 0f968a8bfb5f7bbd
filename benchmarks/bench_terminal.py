"""The app in a real terminal (a pty at 80x24), as a lifter over SSH sees it.

    .venv/bin/python benchmarks/bench_terminal.py DB [--today 2026-11-18] [--runs 7]

* cold start: from spawning the process to the first frame of the Today screen
  (the first time the pty output holds a text the Today screen draws), against
  a bare Textual app with a header and a footer spawned the same way;
* memory: the app's resident-set high-water mark (VmHWM in /proc/PID/status)
  once the first frame is out, and again after logging sets, just before it
  quits.  (Not ru_maxrss from wait4: on Linux it also counts the parent's memory
  the child had before exec, with vfork the whole benchmark runner's.)
* bytes: what the app writes to the terminal while a set is logged, from the
  first key to the "Saved set" confirmation (what gym wifi must carry).

The pty driver reads the output in this thread with select(), so a timestamp is
taken the moment the bytes arrive (tests/terminal/pty_app.py polls instead).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[()][A-Za-z0-9]|\x1b[=>78MNOP]"
)
ENTER, TAB = "\r", "\t"

#: What the Today screen draws on a day without a session (also what
#: tests/terminal/test_dropped_connection.py waits for).
TODAY_MARKER = "No exercises yet"
SAVED_MARKER = "Saved set"
#: What it draws when it picks up an open session of the day (the status line).
RESUMED_MARKER = "Resumed the session"
#: Seconds between typed keys (a quick typist); Textual's cursor blinks meanwhile.
PACE = 0.08


#: A returning lifter's settings: the first start's health notice and training status
#: question answered (tests/conftest.py FIRST_START_DONE), so the app opens on Today.
RETURNING_LIFTER = 'health_notice_read = true\ntraining_status = "some_years"\n'


def returning_lifter_settings() -> str:
    """A settings file of a returning lifter, in a folder removed when Python exits."""
    folder = tempfile.TemporaryDirectory(prefix="bench-settings-")
    _kept.append(folder)
    path = Path(folder.name) / "settings.toml"
    path.write_text(RETURNING_LIFTER)
    return str(path)


_kept: list[tempfile.TemporaryDirectory] = []


def app_command() -> list[str]:
    """The console script a user runs, else the module."""
    script = Path(sys.executable).with_name("tui-tracker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui_tracker"]


def bare_command() -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py")]


def visible(raw: bytes) -> str:
    return ANSI.sub(b"", raw).decode("utf-8", "replace")


class Pty:
    """One process on a fresh 80x24 pseudo-terminal."""

    def __init__(self, argv: list[str], cols: int = 80, rows: int = 24) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # A lifter's shell, not this one: no Textual or colour overrides, and Python
        # may cache bytecode (with PYTHONDONTWRITEBYTECODE, as on our CI machines, an
        # editable install would recompile every module of ours at each start while
        # Textual's, compiled by pip, would not: the comparison would be unfair).
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("TEXTUAL")
            and k not in ("NO_COLOR", "COLORTERM", "PYTHONDONTWRITEBYTECODE")
        }
        env.update(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        env.setdefault("TUI_TRACKER_CONFIG", returning_lifter_settings())
        self.master = master
        self.out = bytearray()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)

    def pump(self, timeout: float) -> bool:
        """Read whatever arrives within `timeout` s; False if nothing did."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:  # the child closed the pty
            return False
        self.out.extend(chunk)
        return bool(chunk)

    def wait_for(self, marker: str, since: int = 0, timeout: float = 30) -> float:
        """Read until `marker` is visible in the output after offset `since`; returns when."""
        deadline = time.perf_counter() + timeout
        while marker not in visible(bytes(self.out[since:])):
            gone = self.proc.poll() is not None and not self.pump(0)
            if time.perf_counter() > deadline or gone:
                raise RuntimeError(
                    f"{marker!r} never appeared; the screen showed: "
                    f"{visible(bytes(self.out[since:]))[-1500:]!r}"
                )
            self.pump(deadline - time.perf_counter())
        return time.perf_counter()

    def settle(self, quiet: float = 0.15, timeout: float = 5) -> None:
        """Read until nothing arrives for `quiet` s (the frame in flight is complete)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self.pump(quiet):
            pass

    def send(self, keys: str, pace: float = PACE) -> None:
        """Type like a person: one key every `pace` s, reading the output meanwhile."""
        for key in [keys] if keys.startswith("\x1b") else keys:
            os.write(self.master, key.encode())
            end = time.perf_counter() + pace
            while time.perf_counter() < end:
                self.pump(end - time.perf_counter())

    def memory_kb(self) -> dict[str, int]:
        """VmHWM and VmRSS of the process, in kB (Linux)."""
        found = {}
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(("VmHWM:", "VmRSS:")):
                key, value = line.split(":")
                found[key] = int(value.split()[0])
        return found

    def finish(self, quit_keys: str, timeout: float = 10) -> int:
        """Quit with `quit_keys`, reading its last output; killed if it does not leave."""
        os.write(self.master, quit_keys.encode())
        deadline = time.perf_counter() + timeout
        while self.proc.poll() is None:
            if time.perf_counter() > deadline:
                os.killpg(self.proc.pid, signal.SIGKILL)
                deadline = time.perf_counter() + 5
            self.pump(0.02)
        os.close(self.master)
        return self.proc.returncode


@dataclass
class StartRun:
    seconds: float
    first_frame_bytes: int
    hwm_kb: int


def start_once(argv: list[str], marker: str, quit_keys: str) -> StartRun:
    pty = Pty(argv)
    try:
        seen = pty.wait_for(marker)
        seconds = seen - pty.started
        pty.settle(0.3)  # let mount-time work (a prompt, a timer) finish before reading memory
        first = len(pty.out)
        hwm = pty.memory_kb()["VmHWM"]
    finally:
        pty.finish(quit_keys)
    return StartRun(seconds, first, hwm)


def app_argv(db: Path, today: date) -> list[str]:
    return [*app_command(), "--db", str(db), "--today", today.isoformat()]


@dataclass
class StartResult:
    app: list[StartRun] = field(default_factory=list)
    bare: list[StartRun] = field(default_factory=list)

    @staticmethod
    def median_s(runs: list[StartRun]) -> float:
        return statistics.median(r.seconds for r in runs)


def bench_start(db: Path, today: date, runs: int) -> StartResult:
    """`runs` cold starts of each, interleaved, after one unrecorded warm-up of each."""
    result = StartResult()
    app, bare = app_argv(db, today), bare_command()
    start_once(app, TODAY_MARKER, "q")  # warm-up: .pyc files, the OS file cache
    start_once(bare, "Bare Textual app", "\x11")
    for _ in range(runs):
        result.app.append(start_once(app, TODAY_MARKER, "q"))
        result.bare.append(start_once(bare, "Bare Textual app", "\x11"))
    return result


@dataclass
class LogRun:
    first_set: int  # a, search "squat", Enter, Enter (pre-filled from last time)
    steps: dict[str, int]  # bytes per step of the first set
    repeat_set: int  # Enter: the same set again
    changed_reps: int  # Tab, a number, Enter
    rest_bytes_per_s: float  # while the rest timer counts down, nothing typed
    peak_kb: int  # VmHWM after logging the sets


def log_once(db: Path, today: date, pace: float = PACE) -> LogRun:
    """Log three sets of squats the way the README says, counting the bytes of each."""
    pty = Pty(app_argv(db, today))
    steps: dict[str, int] = {}
    try:
        pty.wait_for(TODAY_MARKER)
        pty.settle(0.3)

        def step(name: str, keys: str, marker: str | None) -> None:
            mark = len(pty.out)
            pty.send(keys, pace)
            if marker:
                pty.wait_for(marker, since=mark)
            pty.settle(0.1)
            steps[name] = len(pty.out) - mark

        step("a: open the exercise picker", "a", "Add an exercise")
        step("type 'squat' (the list filters per key)", "squat", None)
        step("Enter: pick it (panel pre-filled from last time)", ENTER, "type weight")
        step("Enter: save", ENTER, SAVED_MARKER + " 1")
        first = sum(steps.values())

        mark = len(pty.out)
        pty.send(ENTER, pace)
        pty.wait_for(SAVED_MARKER + " 2", since=mark)
        pty.settle(0.1)
        repeat = len(pty.out) - mark

        mark = len(pty.out)
        pty.send(TAB, pace)
        pty.send("3", pace)
        pty.send(ENTER, pace)
        pty.wait_for(SAVED_MARKER + " 3", since=mark)
        pty.settle(0.1)
        changed = len(pty.out) - mark

        mark, t0 = len(pty.out), time.perf_counter()
        while time.perf_counter() - t0 < 3.0:
            pty.pump(3.0 - (time.perf_counter() - t0))
        rest_rate = (len(pty.out) - mark) / (time.perf_counter() - t0)
        peak = pty.memory_kb()["VmHWM"]
    finally:
        pty.finish("q")
    return LogRun(first, steps, repeat, changed, rest_rate, peak)


def bench_logging(db: Path, today: date, runs: int) -> list[LogRun]:
    """Each run logs 3 sets into a fresh copy of the database (so each starts without a session)."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="tui-tracker-log-") as tmp:
            copy = Path(tmp) / "data"
            shutil.copytree(db.parent, copy, ignore=shutil.ignore_patterns("*.lock"))
            out.append(log_once(copy / db.name, today))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 18))
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    start = bench_start(args.db, args.today, args.runs)
    app, bare = StartResult.median_s(start.app), StartResult.median_s(start.bare)
    print(f"start: app {app * 1000:.0f} ms, bare {bare * 1000:.0f} ms, ratio {app / bare:.2f}")
    print(f"memory after first frame: {max(r.hwm_kb for r in start.app) / 1024:.1f} MB")
    for run in bench_logging(args.db, args.today, 1):
        print(run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
