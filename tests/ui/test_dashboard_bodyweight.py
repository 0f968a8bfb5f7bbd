"""The dashboard's Strength tab shows the lifter's bodyweight over the block (issue 14)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from tui_tracker.store import Store

from .blocks import START, seed_block
from .conftest import SIZE, FixedClock, make_app


async def _strength_rows(db, today):
    app = make_app(db, FixedClock(today))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one("#strength-table", DataTable)
        return {str(key.value): [str(c) for c in table.get_row(key)] for key in table.rows}


async def test_bodyweight_over_the_block_is_a_row_of_its_own(db):
    today = START + timedelta(days=10)
    seed_block(db, through=today)
    with Store(db) as store:
        store.log_bodyweight(START - timedelta(days=3), 84.0)  # where the block started from
        store.log_bodyweight(START + timedelta(days=4), 83.2)
        store.log_bodyweight(START + timedelta(days=9), 82.5)
        store.log_bodyweight(today + timedelta(days=2), 99.0)  # after today: not shown
    rows = await _strength_rows(db, today)
    label, chart, change, latest, trend = rows["bodyweight"]
    assert label == "Bodyweight" and len(chart) == 3
    assert change == "84→82.5 kg" and trend == "↓ losing"
    day = START + timedelta(days=9)
    assert latest == f"latest {day.day} {day:%b}"


async def test_no_bodyweight_logged_no_row(db):
    today = START + timedelta(days=10)
    seed_block(db, through=today)
    rows = await _strength_rows(db, today)
    assert "bodyweight" not in rows and rows  # the lifts are there
