"""A paste holding escape sequences is stored as pasted, in order, in the real terminal.

Textual 8.2.8's parser reads an escape sequence inside a bracketed paste as keys sent at
once, while the rest of the paste waits for its end: a note pasted as
"note [b]x[/] <ESC>[31mred<ESC>[0m end" (text copied from a coloured terminal) was saved
as "^[31mred^[0m endnote [b]x[/]".  The app's terminal driver drops the ESC bytes of a
paste before the parser sees them (ui/terminal_driver.py), as the app's own paste
cleaning does for every other control character.
"""

from __future__ import annotations

from datetime import date

from tui_tracker.store import Store

from .pty_app import PtyApp

DAY = date(2026, 11, 18)
PASTE = "\x1b[200~note [b]x[/] \x1b[31mred\x1b[0m end\x1b]0;title\x07!\x1b[201~"


def test_a_pasted_note_with_escape_sequences_is_saved_in_order(tmp_path):
    db = tmp_path / "training.json"
    app = PtyApp("--db", str(db), "--today", DAY.isoformat(), "--no-mouse")
    try:
        app.wait_for("No exercises yet")
        app.send("a")
        app.wait_for("e.g. squat, lat pull, curl")
        app.send("curl", "\r")
        app.wait_for("Log a set: Dumbbell Curl")
        app.send("32\t10\t2\t")
        app.send(PASTE, "\r")
        app.wait_for("Saved set 1")
        app.send("q")
        app.wait()
    finally:
        app.close()
    with Store(db) as store:
        (session,) = store.recent_sessions()
    (logged,) = session.sets
    assert (logged.weight_kg, logged.reps, logged.rir) == (32.0, 10, 2)
    assert logged.note == "note [b]x[/] [31mred[0m end]0;title!"
