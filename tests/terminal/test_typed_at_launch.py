"""A set typed while the app starts, before it has taken the terminal, is saved as typed.

Mid-workout after a dropped link, a lifter runs the app again and types the next set at
once.  Until Textual puts the terminal in raw mode the terminal is still the shell's
(canonical, ICRNL): it turns every Enter into a line feed, which Textual then reads as
ctrl+j, so the set's values waited in the panel and nothing was saved.  The real app
runs in a pseudo-terminal at 80x24 (see pty_app.py).
"""

from __future__ import annotations

import subprocess
import sys
import termios
import time

from textual import events

from tui_tracker.ui.terminal_driver import TerminalParser

from .pty_app import ENTER, TAB, PtyApp, db_sets

DAY = "2026-11-18"


def log(db, *args: str) -> None:
    cli = [sys.executable, "-m", "tui_tracker.cli"]
    subprocess.run([*cli, "log", "--db", str(db), "--today", DAY, *args], check=True)


def still_the_shells_terminal(app: PtyApp) -> bool:
    """The app has not yet taken the terminal: a pty's master reads its slave's modes."""
    assert app.master is not None
    iflag, _, _, lflag = termios.tcgetattr(app.master)[:4]
    return bool(lflag & termios.ICANON and iflag & termios.ICRNL)


def wait_for_sets(db, n: int, timeout: float = 20) -> list:
    deadline = time.monotonic() + timeout
    while len(sets := db_sets(db)) < n:
        assert time.monotonic() < deadline, f"{len(sets)} sets saved, not {n}"
        time.sleep(0.05)
    return sets


def test_a_set_typed_before_the_app_takes_the_terminal_is_saved(tmp_path):
    db = tmp_path / "training.json"
    log(db, "squat", "140x6@2")  # the session to resume, squats open
    app = PtyApp("--db", str(db), "--today", DAY)
    try:
        app.send("142.5", TAB, "6", TAB, "1", ENTER, pause=0)
        assert still_the_shells_terminal(app)  # so the test types where it means to
        app.wait_for("Saved set 2")
        sets = wait_for_sets(db, 2)
    finally:
        app.close()
    assert [(s.weight_kg, s.reps, s.rir) for s in sets] == [(140, 6, 2), (142.5, 6, 1)]


def test_a_line_feed_typed_once_the_app_runs_is_still_not_enter(tmp_path):
    """Only what the terminal turned into line feeds before the app took it is Enter: a
    ctrl+j typed later (a line feed in raw mode) saves nothing, as before."""
    db = tmp_path / "training.json"
    log(db, "squat", "140x6@2")
    app = PtyApp("--db", str(db), "--today", DAY)
    try:
        app.wait_for("Resumed the session")
        app.send("150", TAB, "3", TAB, "1", "\n", pause=0)
        time.sleep(1.0)
        assert "Saved set 2" not in app.text()
        app.send(ENTER)
        app.wait_for("Saved set 2")
        sets = wait_for_sets(db, 2)
    finally:
        app.close()
    assert [(s.weight_kg, s.reps, s.rir) for s in sets] == [(140, 6, 2), (150, 3, 1)]


def keys(parser, *chunks: str) -> list[str]:
    return [e.key for chunk in chunks for e in parser.feed(chunk) if isinstance(e, events.Key)]


def test_only_the_bytes_typed_before_raw_mode_read_line_feeds_as_enter():
    # "é" is two bytes: the first line feed is the 3rd byte, the second the 4th
    parser = TerminalParser(typed_as_lines=3)
    assert keys(parser, "é", "\n\n", "\n") == ["é", "enter", "ctrl+j", "ctrl+j"]
    assert keys(TerminalParser(typed_as_lines=0), "1\n") == ["1", "ctrl+j"]
    assert keys(TerminalParser(typed_as_lines=9), "1\n2\n") == ["1", "enter", "2", "enter"]


def test_a_terminal_that_sends_cr_lf_for_enter_saves_one_set_not_two():
    """Some terminals send CR LF for Enter (newline mode); before raw mode ICRNL made
    both line feeds, and each was read as Enter: the set was saved twice (found in
    review).  Two line feeds in a row typed then are one Enter: a double Enter typed
    in that moment saves one set, which the screen says, rather than a set never done."""
    assert keys(TerminalParser(typed_as_lines=9), "1\n\n") == ["1", "enter"]
    assert keys(TerminalParser(typed_as_lines=9), "1\n", "\n2") == ["1", "enter", "2"]
    assert keys(TerminalParser(typed_as_lines=2), "1\n", "\n") == ["1", "enter", "ctrl+j"]
