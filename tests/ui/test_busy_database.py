"""Another process holds the database (an import, a stuck session): the TUI stays responsive.

Today every key froze for 15 s.  Now Enter on a busy database says who holds it and
saves the set the moment it is free, keys typed meanwhile keep working, and `x` stops
waiting: the set is then clearly NOT saved.
"""

from __future__ import annotations

import time

from tui_tracker.store import Store

from ..store.test_busy import held
from .conftest import DAY, SIZE, make_app, until
from .test_typing_ahead import burst, saved, start_squats


def status(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_enter_on_a_busy_database_says_who_and_saves_when_free(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)  # 80 x 8 @2 saved
        with held(db) as holder:
            started = time.monotonic()
            await burst(pilot, "enter")
            assert time.monotonic() - started < 5  # not frozen for the lock's 15 s
            await until(pilot, lambda: "busy" in status(app), seconds=15)
            assert f"process {holder.pid}" in status(app) and "x stops waiting" in status(app)
            await burst(pilot, "tab", "6")  # keys keep working while the set waits
            assert app.screen.query_one("#entry").values["reps"] == "6"
        await until(pilot, lambda: len(saved(db)) == 2, seconds=15)  # saved once it was free
        await until(pilot, lambda: "Saved set 2" in status(app), seconds=15)
        await burst(pilot, "enter")  # and the next set, typed meanwhile, as typed
        assert saved(db)[-1] == (80, 6, 2, "working")


async def test_x_stops_waiting_and_the_set_is_not_saved(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        with held(db):
            await burst(pilot, "tab", "5", "enter")
            await until(pilot, lambda: "busy" in status(app), seconds=15)
            await burst(pilot, "x")
            await until(pilot, lambda: "NOT saved" in status(app), seconds=15)
            assert "80 kg x 5 @2" in status(app)
    with Store(db) as store:
        assert [s.reps for s in store.sessions_between(DAY, DAY)[0].sets] == [8]


async def test_opening_history_on_a_busy_database_says_so_and_the_app_goes_on(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_squats(pilot)
        with held(db):
            started = time.monotonic()
            await burst(pilot, "h")
            assert time.monotonic() - started < 5
        await burst(pilot, "escape")
        await burst(pilot, "enter")  # the app still takes sets
        assert len(saved(db)) == 2
