"""Snapshots at 80x24: a rest day saying what is next, and a day with a swap and a skip.

Update after an intended change with:
pytest tests/ui/test_today_day_snapshots.py --snapshot-update
"""

from __future__ import annotations

from textual.widgets import Input

from .conftest import SIZE, FixedClock, make_app
from .test_today_day import START, WEDNESDAY, start_block


async def _no_blink(pilot):
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_rest_day_says_what_is_next(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    start_block(db)
    assert snap_compare(
        make_app(db, FixedClock(WEDNESDAY)), terminal_size=SIZE, run_before=_no_blink
    )


def test_a_swapped_and_a_skipped_exercise(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    start_block(db)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("c", *"dumbbell bench", "enter")
        await pilot.pause()
        pilot.app.screen.set_focus(pilot.app.screen.query_one("#exercises"))
        await pilot.press("down", "k", *"rack taken", "enter")
        await pilot.pause()
        await _no_blink(pilot)

    assert snap_compare(make_app(db, FixedClock(START)), terminal_size=SIZE, run_before=run_before)


def test_the_swap_dialog(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    start_block(db)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await _no_blink(pilot)

    assert snap_compare(make_app(db, FixedClock(START)), terminal_size=SIZE, run_before=run_before)


def test_the_skip_dialog(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    start_block(db)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("k", *"rack taken")
        await pilot.pause()
        await _no_blink(pilot)

    assert snap_compare(make_app(db, FixedClock(START)), terminal_size=SIZE, run_before=run_before)
