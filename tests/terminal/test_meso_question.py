"""`meso new` over a running block, run for real: in a terminal it asks, in a script it refuses."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui_tracker.store import Store

from .pty_app import ENTER, PtyApp


def start_first_block(db) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui_tracker.cli",
            "--db",
            str(db),
            "--today",
            "2026-11-02",
            "meso",
            "new",
            "--weeks",
            "4",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def ended(db) -> list:
    with Store(db) as store:
        return [m.ended for m in store.mesocycles()]


@pytest.mark.parametrize("answer, code, blocks", [("y", 0, 2), ("n", 1, 1)])
def test_in_a_terminal_the_lifter_is_asked_before_a_running_block_closes(
    tmp_path, answer, code, blocks
):
    db = tmp_path / "training.json"
    start_first_block(db)
    app = PtyApp("--db", str(db), "--today", "2026-11-10", "meso", "new", "--weeks", "5")
    try:
        app.wait_for("[y/N]")
        assert (
            "Close Upper/Lower 4-day, Nov 2026 and start Upper/Lower 4-day, Nov 2026?" in app.text()
        )
        assert len(ended(db)) == 1  # nothing written while the question is open
        app.send(answer + ENTER)
        assert app.wait(timeout=30) == code
    finally:
        app.close()
    assert len(ended(db)) == blocks


def test_in_a_script_it_refuses_without_replace(tmp_path):
    db = tmp_path / "training.json"
    start_first_block(db)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui_tracker.cli",
            "--db",
            str(db),
            "--today",
            "2026-11-10",
            "meso",
            "new",
            "--weeks",
            "5",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "--replace" in done.stderr
    assert ended(db) == [None]
