"""Snapshots of the Today screen at 80x24: empty, mid-session, with a failure warning.

Deterministic: a fixed clock, a fresh database per test, no cursor blink.
Update after an intended change with: pytest tests/ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input

from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store

from .conftest import DAY, SIZE, FixedClock, make_app


def _app(db):
    app = make_app(db, FixedClock())
    return app


def _seed(db):
    """Last week's squat and bench, and today's open session with three sets."""
    clock = FixedClock(DAY - timedelta(days=4))
    store = Store(db)
    for ex, weight, reps in (("barbell-back-squat", 100, 8), ("barbell-bench-press", 80, 8)):
        for rir in (3, 2):
            s = LoggedSet(ex, weight, reps, rir, at=clock.now())
            session = store.log_set(s, day=clock.today())
    store.finish_session(session.id, clock.now() + timedelta(hours=1))
    today = FixedClock()
    for reps, rir in ((8, 2), (8, 2)):
        store.log_set(LoggedSet("barbell-back-squat", 102.5, reps, rir, at=today.now()), day=DAY)
    store.log_set(LoggedSet("barbell-bench-press", 80, 9, 2, at=today.now()), day=DAY)
    store.close()


async def _no_blink(pilot):
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_today_empty(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path / "t.json"), terminal_size=SIZE, run_before=_no_blink)


def test_today_mid_session(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    _seed(db)

    async def run_before(pilot):
        await _no_blink(pilot)
        pilot.app.screen.query_one("#rest").skip()
        await pilot.pause()

    assert snap_compare(_app(db), terminal_size=SIZE, run_before=run_before)


def test_today_failure_warning(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    _seed(db)

    async def run_before(pilot):
        await _no_blink(pilot)
        screen = pilot.app.screen
        # Back to the list, up to the squat, Enter; then RIR 0 over the pre-fill, Enter.
        await pilot.press("escape", "up", "enter", "tab", "tab", "0", "enter")
        await pilot.pause()
        screen.query_one("#rest").skip()
        await _no_blink(pilot)

    assert snap_compare(_app(db), terminal_size=SIZE, run_before=run_before)
