"""Snapshots of History's session editing at 80x24: a set just changed, and the times
dialog refusing a start after the first set.  A fixed clock, a fresh database each.
Update after an intended change: pytest tests/ui/test_history_snapshot.py --snapshot-update
"""

from __future__ import annotations

from textual.widgets import Input

from .conftest import SIZE, FixedClock, make_app
from .test_history_edit import seed


async def _no_blink(pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_history_session_after_an_edit(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    seed(db)

    async def run_before(pilot):
        await pilot.press("h", "enter", "down", "e")
        await pilot.pause()
        await _no_blink(pilot)
        await pilot.press("1", "0", "5", "tab", "6", "enter")
        await pilot.pause()

    assert snap_compare(make_app(db, FixedClock()), terminal_size=SIZE, run_before=run_before)


def test_history_times_dialog_refusing_a_start(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    seed(db)

    async def run_before(pilot):
        await pilot.press("h", "enter", "t")
        await pilot.pause()
        await _no_blink(pilot)
        await pilot.press("1", "8", "3", "0", "enter", "enter")
        await pilot.pause()

    assert snap_compare(make_app(db, FixedClock()), terminal_size=SIZE, run_before=run_before)
