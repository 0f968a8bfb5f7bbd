"""The real app's first start in a pseudo-terminal: the health notice, the training status
question, both answers in the settings file, and neither asked again."""

from __future__ import annotations

import time
import tomllib

from .pty_app import ENTER, PtyApp


def wait_for_file(path, needle: str, timeout: float = 10) -> None:
    """Until the app has written `needle` into `path` (it writes when the answer is given)."""
    deadline = time.monotonic() + timeout
    while not (path.exists() and needle in path.read_text()):
        assert time.monotonic() < deadline, f"{needle!r} never reached {path}"
        time.sleep(0.02)


def test_the_first_start_asks_once_and_remembers_in_the_settings_file(tmp_path):
    db, settings = tmp_path / "training.json", tmp_path / "config" / "settings.toml"
    env = {"TUI_TRACKER_CONFIG": str(settings)}
    app = PtyApp("--db", str(db), "--today", "2026-11-18", "--no-mouse", env=env)
    try:
        app.wait_for("Consult a physician or qualified healthcare")
        app.send(ENTER)
        app.wait_for("How long have you trained hard?")
        app.send("1")
        wait_for_file(settings, "training_status")
        app.send("q")
        assert app.wait() == 0
    finally:
        app.close()
    assert tomllib.loads(settings.read_text()) == {
        "health_notice_read": True,
        "training_status": "new",
    }
    again = PtyApp("--db", str(db), "--today", "2026-11-18", "--no-mouse", env=env)
    try:
        again.wait_for("No exercises yet")
        again.send("a")  # the first key goes to Today: no dialog in front of it
        again.wait_for("Add an exercise: type to search")
        assert "Consult a physician" not in again.text()
        drawn = again.mark()
        again.send("\x1b")
        # Today drawn again: the Escape was read alone.  A q read with it would be Alt+q
        # (a loaded machine reads both at once), typed into the search: the app stays.
        again.wait_for("No exercises yet", since=drawn)
        again.send("q")
        assert again.wait() == 0
    finally:
        again.close()
