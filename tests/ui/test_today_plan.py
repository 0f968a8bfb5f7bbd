"""The Today screen with a block running: planned exercises, targets, final-set advice."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from textual.widgets import Static

from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import Store

from .blocks import START
from .conftest import SIZE, FixedClock, make_app


def start_block(db, weeks: int = 4, rir: tuple[int, ...] = ()):
    meso = build_mesocycle("upper-lower-4", weeks, START, name="Block")
    with Store(db) as store:
        store.save_mesocycle(replace(meso, rir_targets=rir) if rir else meso)


async def log(pilot, weight: str, reps: str, rir: str) -> None:
    from .test_today import type_set

    await type_set(pilot, weight, reps, rir)


def entry_value(app, field: str) -> str:
    return app.screen.query_one("#entry").values[field]


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def test_the_days_plan_is_listed_with_targets_and_progress(db):
    start_block(db)
    app = make_app(db, FixedClock(START))  # Monday of week 1: Upper A
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#exercises")
        assert options.border_title == "Today: Upper A"
        assert options.option_count == 7
        first = str(options.row_text(0))
        assert "Barbell Bench Press" in first and "0/4" in first and "4x5-8 @3" in first
        assert "Week 1 of 4" in str(app.screen.query_one("TodayHeader").render())
        assert entry_value(app, "reps") == "5"  # bottom of the range
        assert entry_value(app, "rir") == "3"  # the week's target
        await log(pilot, "80", "8", "3")
        assert "1/4" in str(options.row_text(0))


async def test_failure_before_the_final_planned_set_is_advised_against_then_fine(db):
    start_block(db, rir=(3, 3, 2, 0))
    app = make_app(db, FixedClock(START + timedelta(weeks=3)))  # last week at 0: final sets
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await log(pilot, "80", "8", "0")
        assert "to failure before the final set" in status(app)
        for _ in range(2):
            await log(pilot, "80", "7", "1")
        assert entry_value(app, "rir") == "0"  # the final set's target
        await log(pilot, "80", "6", "0")
        assert status(app) == (
            "Saved set 4: Barbell Bench Press 80 kg x 6 @0"  # nothing to warn of
            "\nAll planned sets done: next, Barbell Row."
        )  # (auto_advance)
    with Store(db) as store:
        assert len(store.open_session(START + timedelta(weeks=3)).sets) == 4


async def test_rest_day_says_so_and_still_lets_you_log(db):
    start_block(db)
    app = make_app(db, FixedClock(START + timedelta(days=2)))  # Wednesday: no day planned
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Rest day in Block" in str(app.screen.query_one("#empty-hint", Static).render())
        assert "Week 1 of 4" in str(app.screen.query_one("TodayHeader").render())


@pytest.mark.parametrize(
    "offset,says",
    [
        (timedelta(days=-3), "Block starts in 3 days"),  # planned, not begun
        (timedelta(weeks=7), "Block is over"),  # deload never started: the block lapsed
    ],
)
async def test_a_block_not_begun_or_over_is_not_called_a_rest_day(db, offset, says):
    start_block(db)
    app = make_app(db, FixedClock(START + offset))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.screen_stack[0]  # (over: the next-block offer opens on top)
        hint = str(today.query_one("#empty-hint", Static).render())
        assert says in hint and "Rest day" not in hint, hint
