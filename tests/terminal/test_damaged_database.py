"""The real app meets a month file damaged while it runs: the dialog, and exit code 3.

A tester in tmux truncated the month file with a session open and logged a set: the
app said "NOT saved" in a status line only, and q left with exit code 0, so a script
around the app took the run for a good one.  The real app runs in a pseudo-terminal at
80x24 (see pty_app.py).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .pty_app import ENTER, ESC, TAB, PtyApp

DAY = "2026-11-18"


def log(db, *args: str) -> None:
    cli = [sys.executable, "-m", "tui_tracker.cli"]
    subprocess.run([*cli, "log", "--db", str(db), "--today", DAY, *args], check=True)


@pytest.mark.parametrize("look_first", [False, True], ids=["q-in-dialog", "esc-then-q"])
def test_a_set_logged_into_a_truncated_month_file_ends_with_exit_3(tmp_path, look_first):
    db = tmp_path / "training.json"
    log(db, "squat", "140x6@2")  # the session to resume, squats open
    month = tmp_path / "training.sessions-2026-11.json"
    app = PtyApp("--db", str(db), "--today", DAY, "--no-mouse")
    try:
        app.wait_for("Resumed the session")
        month.write_bytes(b"")  # truncated while the app runs
        app.send(TAB, "5", ENTER)
        app.wait_for("NOT saved")
        if look_first:
            drawn = app.mark()
            app.send(ESC)  # keep the app open to look around: Today drawn again
            app.wait_for("q Quit", since=drawn)
        app.send("q")
        assert app.wait() == 3
        app.wait_for("tui-tracker: error: Cannot read the training database")
        assert "The training database has a problem" in app.text()
        assert "Barbell Back Squat 140 kg x 5 @2" in app.text()
    finally:
        app.close()
    assert month.read_bytes() == b""  # never written
