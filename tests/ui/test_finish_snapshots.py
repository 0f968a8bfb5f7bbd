"""Snapshots at 80x24: the finish summary (f) and an exercise's history (l).

Deterministic: a fixed clock, today's sets put in the store before the app starts (so no
rest timer runs), no cursor blink.  Update after an intended change with:
pytest tests/ui/test_finish_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input

from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store

from .blocks import START, at, seed_block
from .conftest import SIZE, FixedClock, make_app

TUESDAY = START + timedelta(weeks=2, days=1)  # Lower A in week 3


def _seed(db):
    """Two weeks of the block; today a squat warm-up, three squat sets, a Romanian deadlift."""
    seed_block(db, through=TUESDAY - timedelta(days=1))
    store = Store(db)
    session = None
    for i, (ex, kg, reps, rir, kind) in enumerate(
        (
            ("barbell-back-squat", 40, 5, None, "warmup"),
            ("barbell-back-squat", 65, 7, 2, "working"),
            ("barbell-back-squat", 65, 7, 2, "working"),
            ("barbell-back-squat", 65, 6, 1, "working"),
            ("romanian-deadlift", 72.5, 7, 2, "working"),
        )
    ):
        s = LoggedSet(ex, kg, reps, rir, at=at(TUESDAY, 17, 30 + 4 * i), kind=kind)
        session = store.log_set(s, day=TUESDAY, session_id=session.id if session else None)
    store.close()


def _app(db):
    _seed(db)
    return make_app(db, FixedClock(TUESDAY))  # 18:00: the session began at 17:30


async def _settle(pilot):
    await pilot.app.workers.wait_for_complete()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def _history_shown(pilot):
    """Until the history is read and drawn: it is read in a thread once the screen is up
    (a wait for the workers right after `l` can come before the worker exists), and the
    table sizes its columns on its next idle, so a snapshot taken sooner under load
    showed the columns as wide as their headings."""
    from tui_tracker.ui.exercise_history import ExerciseHistoryScreen

    for _ in range(1000):
        screen = pilot.app.screen
        if isinstance(screen, ExerciseHistoryScreen) and screen.history is not None:
            break
        await pilot.pause(0.01)
    else:
        raise AssertionError("the exercise history was never shown")
    await _settle(pilot)
    await pilot.pause()


def test_finish_summary(snap_compare, tmp_path):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("f")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path / "t.json"), terminal_size=SIZE, run_before=run_before)


def test_exercise_history(snap_compare, tmp_path):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("escape", "home", "l")  # the squat, first in the list
        await _history_shown(pilot)

    assert snap_compare(_app(tmp_path / "t.json"), terminal_size=SIZE, run_before=run_before)
