"""Snapshot of the mesocycle planning screen at 80x24: the 4-day template, 5 weeks.

Deterministic: a fixed clock, a fresh database, no cursor blink.  Update after an
intended change with: pytest tests/ui/test_plan_snapshot.py --snapshot-update
"""

from __future__ import annotations

from textual.widgets import Input

from tui_tracker.ui.plan import PlanScreen

from .conftest import SIZE, FixedClock, make_app


async def _plan_step(pilot):
    app = pilot.app
    await app.push_screen(PlanScreen(app.store, app.clock))
    for field in app.screen.query(Input):
        field.cursor_blink = False
    for key in ("enter", "5", "enter"):
        await pilot.press(key)
    await pilot.pause()


def test_plan_upper_lower_5_weeks(snap_compare, tmp_path):
    app = make_app(tmp_path / "t.json", FixedClock())
    assert snap_compare(app, terminal_size=SIZE, run_before=_plan_step)
