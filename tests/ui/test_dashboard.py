"""The dashboard and the deload prompt, driven with the Pilot at 80x24 on a real database."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from tui_tracker.store import Store
from tui_tracker.ui.dashboard import DashboardScreen
from tui_tracker.ui.deload import DeloadPrompt, NextBlockPrompt
from tui_tracker.ui.today import TodayScreen

from .blocks import START, seed_block
from .conftest import SIZE, FixedClock, make_app, started


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def mesos(db):
    with Store(db) as store:
        return store.mesocycles()


async def test_dashboard_shows_week_volume_strength_and_effort(db):
    seed_block(db, through=START + timedelta(days=10))
    app = make_app(db, FixedClock(START + timedelta(days=10)))  # Thursday of week 2
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert "Week 2 of 4" in text(app, "TodayHeader")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Test block · Week 2 of 4 · target RIR 3" in text(app, "#dash-title")
        volume = app.screen.query_one("#volume-table", DataTable)
        assert volume.row_count == 14
        chest = volume.get_row("chest")
        assert chest[0] == "Chest" and float(chest[2].plain[:-1]) > 0
        assert chest[2].plain[-1] in "↓✓↑"  # the status without colour too
        assert str(chest[5].plain).strip()  # last week's sets in a past-week column
        await pilot.press("s")
        strength = app.screen.query_one("#strength-table", DataTable)
        bench = strength.get_row("barbell-bench-press")
        assert "rising" in bench[4].plain and "→" in bench[2]
        await pilot.press("r")
        effort = app.screen.query_one("#effort-table", DataTable)
        assert effort.get_row("barbell-bench-press")[1] == "8/8"  # all on target
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_no_prompt_on_the_last_day_of_the_block_then_a_prompt_the_day_after(db):
    meso = seed_block(db, weeks=4)
    last_day = START + timedelta(weeks=4, days=-1)
    app = make_app(db, FixedClock(last_day))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert not isinstance(app.screen, DeloadPrompt)
    app = make_app(db, FixedClock(last_day + timedelta(days=1)))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert isinstance(app.screen, DeloadPrompt)
        assert "4 planned accumulation weeks ended" in text(app, "#deload-message")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        (saved,) = mesos(db)
        assert saved.id == meso.id and saved.deload_start == last_day + timedelta(days=1)
        title = app.screen.query_one("#exercises").border_title
        assert "(deload)" in title
        assert "2x5-8 @4" in str(app.screen.query_one("#exercises").row_text(0))


async def test_postponing_silences_the_prompt_for_six_days(db):
    seed_block(db, weeks=4)
    first = START + timedelta(weeks=4)
    app = make_app(db, FixedClock(first))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert mesos(db)[0].postponed_until == first + timedelta(days=6)
        assert "postponed" in text(app, "#status")
    for offset, prompted in ((6, False), (7, True)):
        app = make_app(db, FixedClock(first + timedelta(days=offset)))
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            assert isinstance(app.screen, DeloadPrompt) is prompted


async def test_later_keeps_the_prompt_on_the_dashboard(db):
    seed_block(db, weeks=4)
    app = make_app(db, FixedClock(START + timedelta(weeks=4)))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert mesos(db)[0].deload_start is None
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DeloadPrompt)  # asked again on the dashboard
        await pilot.press("escape")
        await pilot.pause()
        assert "DELOAD DUE (planned)" in text(app, "#dash-deload")
        await pilot.press("d")
        await pilot.press("d")
        await pilot.pause()
        assert mesos(db)[0].deload_start == START + timedelta(weeks=4)
        assert "Deload week" in text(app, "#dash-title")


async def test_falling_performance_prompts_an_early_deload_from_week_4_only(db):
    seed_block(db, weeks=6, falling=True, through=START + timedelta(weeks=3, days=1))
    app = make_app(db, FixedClock(START + timedelta(weeks=3, days=1)))  # week 4
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert isinstance(app.screen, DeloadPrompt)
        message = text(app, "#deload-message")
        assert "Deload early (week 4 of 6)" in message and "e1RM fell" in message
        assert "Barbell Bench Press" in message and "Barbell Row" in message


async def test_falling_performance_before_week_4_is_a_warning_not_a_prompt(db):
    seed_block(db, weeks=6, falling=True, through=START + timedelta(weeks=2, days=1))
    app = make_app(db, FixedClock(START + timedelta(weeks=2, days=6)))  # end of week 3
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert not isinstance(app.screen, DeloadPrompt)
        await pilot.press("m")
        await pilot.pause()
        assert "warning: Barbell" in text(app, "#dash-deload")


async def test_after_the_deload_week_the_next_block_is_offered(db):
    from dataclasses import replace

    meso = seed_block(db, weeks=3)
    with Store(db) as store:
        store.save_mesocycle(replace(meso, deload_start=START + timedelta(weeks=3)))
    day = START + timedelta(weeks=4)
    app = make_app(db, FixedClock(day))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert isinstance(app.screen, NextBlockPrompt)
        await pilot.press("n")
        await pilot.pause()
        old, new = mesos(db)
        assert old.ended == day and new.start == day and new.weeks == 3
        assert "Week 1 of 3" in text(app, "TodayHeader")


def test_a_failed_save_of_the_deload_answer_is_reported_not_raised():
    from tui_tracker.domain.templates import build_mesocycle
    from tui_tracker.store import StoreError
    from tui_tracker.ui.deload import apply_deload_choice, apply_next_block

    class FullDisk:
        def save_mesocycle(self, meso):
            raise StoreError("disk full")

        def save_mesocycles(self, mesos):
            raise StoreError("disk full")

        def mesocycles(self):
            return []

    meso = build_mesocycle("upper-lower-4", 4, START)
    day = START + timedelta(weeks=4)
    assert apply_deload_choice(FullDisk(), meso, None, day) is None
    for outcome in (
        apply_deload_choice(FullDisk(), meso, "start", day),
        apply_deload_choice(FullDisk(), meso, "postpone", day),
        apply_next_block(FullDisk(), meso, day),
    ):
        assert not outcome.saved and outcome.message == "NOT saved: disk full"


def keys_line(app) -> str:
    return str(app.screen.query_one("#deload-keys", Static).render())


async def test_until_the_deload_is_started_today_shows_the_last_weeks_plan(db):
    seed_block(db, weeks=4)
    app = make_app(db, FixedClock(START + timedelta(weeks=4)))  # Monday after the 4 weeks
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert isinstance(app.screen, DeloadPrompt)
        await pilot.press("l")
        await pilot.pause()
        assert "Week 5, deload due" in text(app, "TodayHeader")
        listing = app.screen.query_one("#exercises")
        assert "(deload)" not in listing.border_title
        assert "4x5-8 @1 " in str(listing.row_text(0))  # week 4's targets
        assert mesos(db)[0].deload_start is None


async def test_postponing_is_offered_to_the_end_of_week_6_and_not_after(db):
    seed_block(db, weeks=4)
    wednesday = START + timedelta(weeks=5, days=2)  # week 6: four days of it left
    app = make_app(db, FixedClock(wednesday))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert "p postpone until Sun 13 Dec" in keys_line(app)
        await pilot.press("p")
        await pilot.pause()
        assert mesos(db)[0].postponed_until == START + timedelta(weeks=6, days=-1)
        assert "postponed through Sun 13 Dec" in text(app, "#status")
    sunday = START + timedelta(weeks=6, days=-1)
    seed = mesos(db)[0]
    from dataclasses import replace

    with Store(db) as store:
        store.save_mesocycle(replace(seed, postponed_until=None))
    app = make_app(db, FixedClock(sunday))  # the last day of week 6: nothing left to postpone
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert isinstance(app.screen, DeloadPrompt)
        assert "postpone" not in keys_line(app) and "d start the deload today" in keys_line(app)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, DeloadPrompt)  # p does nothing here
        assert mesos(db)[0].postponed_until is None


async def test_a_block_never_deloaded_ends_and_offers_the_next_one(db):
    seed_block(db, weeks=4)
    over = START + timedelta(weeks=6)  # two weeks after the deload fell due
    app = make_app(db, FixedClock(over))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert isinstance(app.screen, NextBlockPrompt)
        title = text(app, "#next-title")
        assert "Block over: its deload was due from Mon 30 Nov and never started" in title
        await pilot.press("l")
        await pilot.pause()
        assert "Over, no deload" in text(app, "TodayHeader")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NextBlockPrompt)  # offered again on the dashboard
        await pilot.press("escape")
        await pilot.pause()
        box = text(app, "#dash-deload")
        assert "Block over" in box and "n to start the next block" in box and "e to end it" in box
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        old, new = sorted(mesos(db), key=lambda m: m.start)
        assert old.ended == over and new.start == over
        assert "Week 1 of 4" in text(app, "#dash-title")


async def test_e_on_the_dashboard_ends_the_block_after_a_confirm(db):
    from tui_tracker.ui.modals import Confirm

    seed_block(db, weeks=4, through=START + timedelta(days=10))
    day = START + timedelta(days=10)
    app = make_app(db, FixedClock(day))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert mesos(db)[0].ended is None
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert mesos(db)[0].ended == day
        assert "No mesocycle yet" in text(app, "#dash-title")
