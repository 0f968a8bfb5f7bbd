"""A paste holding escape sequences is stored as pasted in a browser tab too.

`tui-tracker serve` runs the app under textual-serve's web driver, whose input is
the browser's keys and pastes framed in packets (b"D", a 4-byte big-endian size, the
bytes).  That driver parses them with Textual's own parser, which read an escape
sequence inside a bracketed paste as keys sent at once: a note pasted as
"note [b]x[/] <ESC>[31mred<ESC>[0m end" was saved out of order, as in a terminal
before ui/terminal_driver.py (tests/terminal/test_paste.py).  The app's browser
driver feeds that parser pastes without their ESC bytes, as the terminal's does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date

from tui_tracker.store import Store

from .pty_app import ANSI
from .test_paste import PASTE

DAY = date(2026, 11, 18)


class BrowserTab:
    """The app as textual-serve runs it: the web driver on pipes, input in packets."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tui_tracker.cli", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.output = bytearray()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := self.proc.stdout.read1(65536):
            self.output.extend(chunk)

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def wait_for(self, needle: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            assert time.monotonic() < deadline, f"{needle!r} never came: {self.text()[-1500:]!r}"
            time.sleep(0.01)

    def send(self, *keys: str) -> None:
        assert self.proc.stdin is not None
        for key in keys:
            data = key.encode()
            self.proc.stdin.write(b"D" + len(data).to_bytes(4, "big") + data)
            self.proc.stdin.flush()
            time.sleep(0.15)

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


def test_a_pasted_note_with_escape_sequences_is_saved_in_order_in_a_browser_tab(tmp_path):
    db = tmp_path / "training.json"
    tab = BrowserTab("--db", str(db), "--today", DAY.isoformat())
    try:
        tab.wait_for("No exercises yet")
        tab.send("a")
        tab.wait_for("e.g. squat, lat pull, curl")
        tab.send("curl", "\r")
        tab.wait_for("Log a set: Dumbbell Curl")
        tab.send("32\t10\t2\t")
        tab.send(PASTE, "\r")
        tab.wait_for("Saved set 1")
        tab.send("q")
    finally:
        tab.close()
    with Store(db) as store:
        (session,) = store.recent_sessions()
    (logged,) = session.sets
    assert (logged.weight_kg, logged.reps, logged.rir) == (32.0, 10, 2)
    assert logged.note == "note [b]x[/] [31mred[0m end]0;title!"
