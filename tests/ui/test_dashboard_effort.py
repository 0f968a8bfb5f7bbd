"""The dashboard's Effort tab with RIR calibration: what the lifter's RIR calls have meant.

Update the snapshot after an intended change with:
pytest tests/ui/test_dashboard_effort.py --snapshot-update
"""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store

from .blocks import START, at, seed_block
from .conftest import SIZE, FixedClock, make_app

BENCH = "barbell-bench-press"
TODAY = START + timedelta(days=17)  # Thursday of week 3


def seed_with_failure_sets(db):
    """The test block, after six October bench sessions of 62.5 kg x 7 called @3, then
    62.5 kg x 11 to failure: each @3 call had 4 left."""
    seed_block(db, through=TODAY)
    with Store(db) as store:
        for n in range(6):
            day = START - timedelta(days=28 - 4 * n)
            first = store.log_set(LoggedSet(BENCH, 62.5, 7, 3, at=at(day, 18)), day=day)
            store.log_set(
                LoggedSet(BENCH, 62.5, 11, 0, at=at(day, 18, 5)), day=day, session_id=first.id
            )


def legend(app) -> str:
    return str(app.screen.query_one("#effort .legend", Static).render())


async def test_effort_tab_shows_what_the_rir_calls_meant(db):
    seed_with_failure_sets(db)
    app = make_app(db, FixedClock(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("r")
        table = app.screen.query_one("#effort-table", DataTable)
        bench = table.get_row(BENCH)
        assert str(bench[6]) == "@3≈4 (6)" and bench[1] == "12/12"  # the block's own sets
        # 62.5 x 7 @3: e1RM 62.5 x (1 + 10/30) = 83.3; read as @4: 62.5 x (1 + 11/30) = 85.4
        assert (
            "Your RIR 3 has meant about 4 on Barbell Bench Press, 6 sets: 1 more in "
            "reserve than called: 62.5 kg x 7 @3 reads e1RM 85.4, not 83.3 kg; for the "
            "deload rule a set called @3 is 1 rep further from failure."
        ) in legend(app)


async def test_without_failure_sets_the_tab_says_where_calls_come_from(db):
    seed_block(db, through=TODAY)
    app = make_app(db, FixedClock(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("r")
        assert "No RIR calls to check yet" in legend(app)
        assert str(app.screen.query_one("#effort-table", DataTable).get_row(BENCH)[6]) == ""


async def test_calls_without_a_block_still_show(db):
    with Store(db) as store:
        day = TODAY - timedelta(days=2)
        session = None
        for k, (reps, rir) in enumerate(((12, 2), (12, 2), (13, 0))):
            session = store.log_set(
                LoggedSet("leg-extension", 50, reps, rir, at=at(day, 18, k)),
                day=day,
                session_id=session.id if session else None,
            )
    app = make_app(db, FixedClock(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("r")
        row = app.screen.query_one("#effort-table", DataTable).get_row("leg-extension")
        assert row[1] == "" and str(row[6]) == "@2≈1 (1)"
        assert (
            "Your RIR 2 has meant about 1 on Leg Extension, 1 set: too few to go by: needs "
            "5 more checked sets and 2 sessions."
        ) in legend(app)


def test_effort_tab_with_calibration(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    seed_with_failure_sets(db)
    app = make_app(db, FixedClock(TODAY))
    assert snap_compare(app, press=["m", "r"], terminal_size=SIZE)
