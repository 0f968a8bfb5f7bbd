"""A hang-up at any moment ends the app within 2 s and leaves no process behind.

tmux kill-pane and a dropped SSH link close the terminal's master end: the kernel sends
SIGHUP and SIGCONT, reads see end-of-file and writes fail with EIO.  Right at the first
frame this once left the app alive for good (reparented to init) in 6 to 11 of 12 tmux panes:
Textual's SIGCONT handler restarted application mode on the dead terminal, its new output
thread died on EIO, and the app then blocked forever queueing output nobody would write.

The real app runs in a pseudo-terminal at 80x24 (see pty_app.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from tui_tracker.ui.hang_up import EXIT_HUNG_UP

from .pty_app import ENTER, ESC, TAB, PtyApp, db_sets, processes_running

#: The promise: however the terminal goes away, the process is gone this soon after.
GONE_WITHIN = 2.0


def assert_gone(app: PtyApp, marker: str) -> int:
    """The app's exit code, once it has gone; fails if it outlives GONE_WITHIN."""
    try:
        code = app.wait(timeout=GONE_WITHIN)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"still running {GONE_WITHIN} s after it was told to go") from None
    assert processes_running(marker) == []
    return code


def wait_for_sets(db, n: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while len(db_sets(db)) < n:
        assert time.monotonic() < deadline, f"fewer than {n} sets saved in {timeout} s"
        time.sleep(0.02)


def hang_up_at_the_first_frame(tmp_path, name: str, **options) -> None:
    db = tmp_path / f"{name}.json"
    app = PtyApp("--db", str(db), "--today", "2026-11-18", **options)
    try:
        app.wait_for("No exercises yet")
        app.hang_up()
        code = assert_gone(app, str(db))
    finally:
        app.close()
    assert code == EXIT_HUNG_UP  # whichever layer ended it: the app's exit or the safety net


def hang_up_mid_burst(tmp_path, name: str, **options) -> None:
    """Sets repeated with Enter as fast as the link delivers them; the link drops while
    they still arrive and sets are being saved.  Every set shown as saved is on disk,
    whole, and no half-written file is left."""
    db = tmp_path / f"{name}.json"
    app = PtyApp("--db", str(db), "--today", "2026-11-18", **options)
    try:
        app.wait_for("No exercises yet")
        app.send("a")
        app.wait_for("Add an exercise")
        app.send("s", "q", "u", "a", "t", ENTER)
        app.wait_for("type weight, reps")
        app.send("1", "0", "0", TAB, "5", TAB, "2", ENTER)
        app.wait_for("Saved set 1")
        app.keep_typing(ENTER * 4)  # repeat the set, again and again
        wait_for_sets(db, 3)  # the burst is being handled...
        app.hang_up()  # ...and still arriving when the link drops
        assert assert_gone(app, str(db)) == EXIT_HUNG_UP
        shown = [int(n) for n in re.findall(r"Saved set (\d+)", app.text())]
    finally:
        app.close()
    assert not list(tmp_path.glob(f"{name}.*.tmp-*"))  # before a Store opens: it removes them
    sets = db_sets(db)
    assert len(sets) >= max(shown)
    assert {(s.weight_kg, s.reps, s.rir) for s in sets} == {(100, 5, 2)}


def test_a_hang_up_at_the_first_frame_ends_the_app(tmp_path):
    """tmux kill-pane or sshd: the pty is the app's controlling terminal.  The exit code
    is 129: the set-entry panel and the exercise search, mounted just after the first
    frame, once failed their mount when the app left then (exit 1; see
    tests/ui/test_hang_up_races.py)."""
    for i in range(2):
        hang_up_at_the_first_frame(tmp_path, f"t{i}")


def test_a_terminal_that_vanishes_without_a_signal_ends_the_app(tmp_path):
    """No controlling terminal, so no SIGHUP: end-of-file and EIO on the tty say it all."""
    hang_up_at_the_first_frame(tmp_path, "t", controlling_tty=False)


def test_a_hang_up_mid_burst_under_no_color_ends_the_app_and_keeps_every_set(tmp_path):
    hang_up_mid_burst(tmp_path, "t", env={"NO_COLOR": "1"})


@pytest.mark.slow
@pytest.mark.parametrize(
    "options",
    [{}, {"controlling_tty": False}, {"env": {"NO_COLOR": "1"}}],
    ids=["tmux-or-ssh", "no-signal", "no-color"],
)
def test_many_hang_ups_at_the_first_frame_leave_no_process(tmp_path, options):
    for i in range(15):
        hang_up_at_the_first_frame(tmp_path, f"t{i}", **options)


@pytest.mark.slow
@pytest.mark.parametrize(
    "options",
    [{}, {"env": {"NO_COLOR": "1"}}, {"controlling_tty": False}],
    ids=["tmux-or-ssh", "no-color", "no-signal"],
)
def test_many_hang_ups_mid_burst_leave_no_process_and_lose_no_set(tmp_path, options):
    for i in range(8):
        hang_up_mid_burst(tmp_path, f"t{i}", **options)


# --- the safety net, in processes of its own (it ends them with os._exit) ----------------


def run_script(code: str) -> subprocess.CompletedProcess:
    script = "import os, sys, threading, time\n" + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=10,
        cwd=Path(__file__).parents[2],
    )


def test_the_safety_net_ends_a_process_whose_way_out_hangs():
    done = run_script("""
        from tui_tracker.ui.hang_up import HangUpGuard
        tty, _ = os.pipe()  # a pipe stands in for the terminal
        guard = HangUpGuard(leave=lambda: None, commit_lock=lambda: None, safety_net=0.2)
        guard.guard(tty)
        guard.notice()
        threading.Event().wait()  # the way out hangs for good
    """)
    assert done.returncode == EXIT_HUNG_UP, done.stderr


def test_the_safety_net_lets_a_commit_under_way_finish_first():
    done = run_script("""
        from tui_tracker.ui.hang_up import HangUpGuard
        tty, _ = os.pipe()
        commit_lock = threading.Lock()
        guard = HangUpGuard(leave=lambda: None, commit_lock=lambda: commit_lock,
                            safety_net=0.1, commit_wait=20)
        guard.guard(tty)
        with commit_lock:  # a commit under way when the terminal goes...
            guard.notice()
            time.sleep(0.6)  # ...and still going well after the safety net's deadline
            print("committed", flush=True)
        threading.Event().wait()
    """)
    assert (done.returncode, done.stdout) == (EXIT_HUNG_UP, "committed\n"), done.stderr


def test_a_terminal_that_vanishes_sets_off_the_safety_net_without_any_signal():
    done = run_script("""
        from tui_tracker.ui.hang_up import HangUpGuard
        tty, far_end = os.pipe()
        guard = HangUpGuard(leave=lambda: None, commit_lock=lambda: None, safety_net=0.1)
        guard.guard(tty)
        os.close(far_end)  # the terminal hangs up (POLLHUP); nobody calls notice()
        threading.Event().wait()
    """)
    assert done.returncode == EXIT_HUNG_UP, done.stderr


def test_the_safety_net_never_fires_in_app_run_test(tmp_path):
    """Pilot tests run the app headless: a SIGHUP then leaves through the app, and the
    test process lives on well past the safety net's deadline."""
    done = run_script(f"""
        import asyncio, signal
        from tests.ui.conftest import FixedClock
        from tui_tracker.store import Store
        from tui_tracker.ui.app import TrackerApp
        from tui_tracker.ui.hang_up import COMMIT_WAIT, SAFETY_NET

        async def main():
            app = TrackerApp(store=Store({str(tmp_path / "t.json")!r}), clock=FixedClock())
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                os.kill(os.getpid(), signal.SIGHUP)
                for _ in range(500):
                    if not app.is_running:
                        break
                    await asyncio.sleep(0.01)
                left = not app.is_running
            return left, app.return_code

        left, code = asyncio.run(main())
        time.sleep(SAFETY_NET + COMMIT_WAIT + 0.5)
        given_back = signal.getsignal(signal.SIGHUP) == signal.SIG_DFL
        print("still here", left, code, given_back)
    """)
    assert (done.returncode, done.stdout) == (0, f"still here True {EXIT_HUNG_UP} True\n"), (
        done.stderr
    )


# --- the terminal driver's two defences -------------------------------------------------


def test_output_to_a_terminal_that_hung_up_never_blocks_the_app():
    """Textual's output thread over a hung-up pty: the first write fails with EIO.  Before,
    the thread died and the app's 31st write blocked for good (LinuxDriver.close)."""
    from textual.drivers._writer_thread import WriterThread

    from tui_tracker.ui.hang_up import HangUpGuard
    from tui_tracker.ui.terminal_driver import TerminalOutput

    master, slave = os.openpty()
    os.close(master)  # the terminal hangs up
    guard = HangUpGuard(leave=lambda: None, commit_lock=lambda: None)
    terminal = open(slave, "w")
    writer = WriterThread(TerminalOutput(terminal, guard))
    writer.start()

    def the_app_writing() -> None:
        for _ in range(200):
            writer.write("\x1b[?25l a frame")
        writer.stop()

    app = threading.Thread(target=the_app_writing, daemon=True)
    app.start()
    app.join(timeout=10)
    assert not app.is_alive(), "the app blocked writing to a terminal that hung up"
    assert guard.heard.is_set()  # and the failed write counts as the hang-up
    with contextlib.suppress(OSError):  # its last flush fails too; the fd closes all the same
        terminal.close()


def test_a_stray_sigcont_does_not_start_the_terminal_over(tmp_path):
    """Textual restarts application mode on any SIGCONT (the kernel sends one with every
    hang-up): a second output and input thread, the terminal set up again, and sometimes
    a quit that never ends.  Only a resume after our own stop may restart it."""
    app = PtyApp("--db", str(tmp_path / "t.json"), "--today", "2026-11-18")
    try:
        app.wait_for("No exercises yet")
        app.signal(signal.SIGCONT)  # handled before the key below is
        app.send("a")
        app.wait_for("Add an exercise")
        assert app.output.count(b"\x1b[?1049h") == 1  # the alternate screen, entered once
        drawn = app.mark()
        app.send(ESC)
        app.wait_for("No exercises yet", since=drawn)  # drawn again: the Escape read alone
        app.send("q")
        assert assert_gone(app, str(tmp_path / "t.json")) == 0
    finally:
        app.close()
