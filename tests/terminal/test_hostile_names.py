"""Names and notes stored with raw escape sequences never reach the lifter's terminal.

The real app in a pseudo-terminal at 80x24, on a log written before names were cleaned:
exercise names and notes carrying OSC 0 (window title), OSC 52 (clipboard), CSI 2J
(clear screen) and the one-byte CSI.  What the terminal receives holds none of them,
and the names show as their text.
"""

from __future__ import annotations

from datetime import date, timedelta

from tui_tracker.domain.catalogue import custom_id
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.models import Exercise, LoggedSet
from tui_tracker.store import Store

from ..hostile import EXERCISE_NAMES, at, shown, write_raw
from .pty_app import PtyApp

DAY = date(2026, 11, 18)
#: The names that carry control sequences (markup in names is the screens' business).
CONTROL_NAMES = EXERCISE_NAMES[3:7]
NOTE = "\x1b]0;pwned\x07 slow \x9b2J eccentric"


def test_stored_escape_sequences_never_reach_the_terminal(tmp_path):
    db = tmp_path / "training.json"
    ids = [custom_id(n) for n in CONTROL_NAMES]
    with Store(db) as store:
        for i, name in zip(ids, CONTROL_NAMES):
            store.save_exercise(Exercise(i, name, ("chest",), custom=True))
        store.save_mesocycle(
            Mesocycle(
                "Block",
                DAY - timedelta(weeks=1),
                4,
                (
                    TrainingDay(
                        "Day", DAY.weekday(), tuple(PlannedExercise(i, 3, 6, 10) for i in ids)
                    ),
                ),
            )
        )
        session = None
        for k, i in enumerate(ids):
            session = store.log_set(
                LoggedSet(i, 80.0, 8, 2, at=at(DAY, 17, k), note=NOTE),
                day=DAY,
                session_id=session.id if session else None,
            )
    write_raw(db, CONTROL_NAMES + (NOTE,))
    app = PtyApp("--db", str(db), "--today", DAY.isoformat(), "--no-mouse")
    try:
        app.wait_for(shown(CONTROL_NAMES[-1])[:19])  # the list (names cut with an ellipsis at 20)
        app.wait_for("]0;pwned slow 2J eccen")  # the set's note in the table (cut to 24)
        drawn = app.mark()
        app.send("h")  # History too (letter keys work in the panel)
        # Its title, drawn after h: "History" alone is on the key bar from the start.
        app.wait_for("History: ", since=drawn)
        app.send("q")
    finally:
        app.close()
    sent = bytes(app.output)
    for seq in (b"\x1b]0;pwned", b"\x1b]52;", "\x9b".encode(), b"\x9b", b"\x07 slow"):
        assert seq not in sent, f"{seq!r} reached the terminal"
    for name in CONTROL_NAMES:
        assert shown(name)[:19] in app.text()
