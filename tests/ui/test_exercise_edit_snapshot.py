"""A snapshot of the Edit exercise dialog at 80x24 (E on Today), on one of the lifter's own
exercises with a hostile name.  Update after an intended change with:
pytest tests/ui/test_exercise_edit_snapshot.py --snapshot-update
"""

from __future__ import annotations

from textual.widgets import Input

from .conftest import SIZE, FixedClock, make_app
from .test_exercise_edit import HOSTILE, seed


def test_edit_exercise_dialog(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    seed(db, HOSTILE, sets={"custom-b-bold-press": 2})

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(db, FixedClock()), terminal_size=SIZE, run_before=run_before)
