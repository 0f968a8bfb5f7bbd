"""The mesocycle planning screen, driven with the Pilot at 80x24 against a real database.

The screen is pushed onto the app the way the Today screen and the dashboard open
it; what it dismisses with is collected in a list.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import Store
from tui_tracker.ui.modals import Confirm, ExercisePicker
from tui_tracker.ui.plan import PlanScreen
from tui_tracker.ui.plan_check import PlanCheck
from tui_tracker.ui.today import TodayScreen
from tui_tracker.ui.widgets.plan_volume import PlanVolume

from .conftest import DAY, SIZE, make_app


@pytest.fixture
def app(db, clock):
    return make_app(db, clock)


async def open_plan(pilot) -> list:
    """Push the planning screen; the returned list receives what it dismisses with."""
    results: list = []
    pilot.app.push_screen(PlanScreen(pilot.app.store, pilot.app.clock), results.append)
    await pilot.pause()
    return results


async def keys(pilot, *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def to_plan(pilot, weeks: str = "5") -> None:
    """Enter on the highlighted (4-day) template, type the weeks, Enter: the plan step."""
    await keys(pilot, "enter", *weeks, "enter")
    assert pilot.app.screen.editing


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def saved(db) -> list:
    store = Store(db)
    mesos = store.mesocycles()
    store.close()
    return mesos


def volume(app) -> dict:
    return app.screen.query_one(PlanVolume).volumes


def chest(app) -> tuple:
    v = volume(app)["chest"]
    return v.sets, v.sessions, v.status, v.single_session


async def test_a_newcomer_creates_a_block_from_the_4_day_template_in_a_few_keys(app, db):
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await to_plan(pilot)
        assert "Upper/Lower 4-day, Nov 2026 · 5 weeks from Wed 18 Nov 2026" in text(app, "#title")
        await keys(pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
    [meso] = saved(db)
    assert results == [meso]
    assert (meso.name, meso.start, meso.weeks) == ("Upper/Lower 4-day, Nov 2026", DAY, 5)
    assert [d.name for d in meso.days] == ["Upper A", "Lower A", "Upper B", "Lower B"]
    assert meso.rir_targets == (3, 3, 2, 2, 1)


async def test_screen_css_path_is_loaded(app):
    """plan.tcss comes in through the screen's CSS_PATH (Textual loads it on push)."""
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await to_plan(pilot)
        assert app.screen.query_one(PlanVolume).region.width == 38


async def test_seven_weeks_shows_the_evidence_and_saves_nothing(app, db):
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await keys(pilot, "enter", "7")
        error = text(app, "#setup-error")
        assert "3 to 6 accumulation weeks, not 7" in error and "evidence" in error
        await keys(pilot, "enter", "ctrl+s")
        assert not app.screen.editing
        assert app.screen.query_one("#weeks", Input).has_class("-bad")
        assert "not 7" in text(app, "#setup-error")
        assert results == []
    assert saved(db) == []


async def test_a_bad_start_date_is_refused_in_place(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await keys(pilot, "enter", "4", "tab")
        app.screen.query_one("#start", Input).value = "2026-02-30"
        await keys(pilot, "enter")
        assert "not a real date" in text(app, "#setup-error")
        assert app.focused.id == "start"
    assert saved(db) == []


async def test_removing_bench_press_drops_chest_and_flags_one_day(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await to_plan(pilot)
        assert chest(app) == (11, 2, "within", False)
        assert "Barbell Bench Press" in str(
            app.screen.query_one("#plan-days").highlighted_option.prompt
        )
        await keys(pilot, "d")
        assert chest(app) == (7, 1, "below", True)
        row = next(
            line for line in text(app, "#plan-volume").splitlines() if line.startswith("Chest")
        )
        assert row.split() == ["Chest", "7", "10-16", "below", "1", "!"]
        assert "Removed Barbell Bench Press from Upper A" in text(app, "#status")
        await keys(pilot, "ctrl+s")  # the plan check: advice, then Enter saves it as planned
        assert isinstance(app.screen, PlanCheck)
        notes = str(app.screen.query_one("#plan-check-notes Static", Static).render())
        assert "Chest: 7 hard sets a week, below its 10-16 band." in notes
        assert "Chest: 7 sets a week, all on Upper B: split them over two days." in notes
        assert saved(db) == []
        await keys(pilot, "enter")
    [meso] = saved(db)
    assert "barbell-bench-press" not in [p.exercise_id for p in meso.days[0].exercises]


async def test_sets_rir_and_an_added_exercise_reach_the_saved_block(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await to_plan(pilot)
        await keys(pilot, "plus")  # bench press 4 -> 5 sets
        assert volume(app)["chest"].sets == 12
        await keys(pilot, "a")
        assert isinstance(app.screen, ExercisePicker)
        await keys(pilot, *"pec deck", "enter")
        assert volume(app)["chest"].sets == 15
        assert "Added Pec Deck to Upper A: 3 x 8-12" in text(app, "#status")
        await keys(pilot, "tab", "right", "right", "right", "right", "minus")  # week 5: 1 -> 0
        assert "Note: week 5 at RIR 0: only the final set" in text(app, "#status")
        await keys(pilot, "minus")
        assert "RIR targets are whole numbers from 0 to 4, not -1" in text(app, "#status")
        await keys(pilot, "ctrl+s", "enter")  # the plan check names the lifts that keep 1
    [meso] = saved(db)
    upper_a = meso.days[0].exercises
    assert (upper_a[0].exercise_id, upper_a[0].sets) == ("barbell-bench-press", 5)
    assert (upper_a[-1].exercise_id, upper_a[-1].sets) == ("pec-deck", 3)
    assert meso.rir_targets == (3, 3, 2, 2, 0)


async def test_sets_stay_within_the_domain_limits(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await to_plan(pilot)
        await keys(pilot, *["plus"] * 7)  # 4 -> 10, then refused
        assert "plan 1 to 10 sets of an exercise, not 11" in text(app, "#status")
        assert app.screen.days[0].exercises[0].sets == 10


async def test_two_days_on_one_weekday_are_refused_until_moved_on(app, db):
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await to_plan(pilot)
        await keys(pilot, "right_square_bracket")  # Upper A: Mon -> Tue, Lower A's day
        assert "two training days fall on the same weekday" in text(app, "#status")
        await keys(pilot, "ctrl+s")
        assert results == [] and saved(db) == []
        await keys(pilot, "right_square_bracket")  # -> Wed: free
        assert "Upper A is now on Wed" in text(app, "#status")
        await keys(pilot, "ctrl+s")
    [meso] = saved(db)
    assert [d.weekday for d in meso.days] == [2, 1, 3, 4]


async def test_cancel_with_changes_asks_and_saves_nothing(app, db):
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await to_plan(pilot)
        await keys(pilot, "d", "escape")
        assert isinstance(app.screen, Confirm)
        await keys(pilot, "n")  # keep editing
        assert isinstance(app.screen, PlanScreen)
        await keys(pilot, "q")
        assert isinstance(app.screen, Confirm)
        await keys(pilot, "y")
        assert isinstance(app.screen, TodayScreen)
    assert results == [None]
    assert saved(db) == []


async def test_cancel_without_changes_leaves_at_once(app, db):
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await keys(pilot, "q")
        assert isinstance(app.screen, TodayScreen)
    assert results == [None]


async def test_q_in_the_name_is_a_letter(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await keys(pilot, "enter", "4", "tab", "tab", *"quads first", "ctrl+s")
    [meso] = saved(db)
    assert meso.name == "quads first"


async def test_saving_closes_the_running_block_after_a_confirm(app, db):
    store = Store(db)
    running = build_mesocycle("full-body-3", 4, date(2026, 11, 2))
    store.save_mesocycle(running)
    store.close()
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await keys(pilot, "enter", "5", "ctrl+s")
        assert isinstance(app.screen, Confirm)
        await keys(pilot, "y")
    old, new = saved(db)
    assert (old.id, old.ended) == (running.id, DAY)
    assert results == [new] and new.ended is None


async def test_saving_before_an_upcoming_block_cancels_it_after_a_confirm(app, db):
    store = Store(db)
    upcoming = build_mesocycle("full-body-3", 4, date(2026, 12, 7), name="Winter")
    store.save_mesocycle(upcoming)
    store.close()
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await keys(pilot, "enter", "5", "ctrl+s")
        assert isinstance(app.screen, Confirm)
        assert "cancel Winter (planned from 2026-12-07)" in str(
            app.screen.query_one(".confirm").query("Label")[1].render()
        )
        await keys(pilot, "y")
    [old] = [m for m in saved(db) if m.id == upcoming.id]
    [new] = [m for m in saved(db) if m.id != upcoming.id]
    assert old.ended is not None and old.ended <= old.start  # cancelled: it never steers a day
    assert results == [new] and new.start == DAY and new.ended is None


async def test_a_block_already_over_is_not_saved(app, db):
    async with app.run_test(size=SIZE) as pilot:
        results = await open_plan(pilot)
        await keys(pilot, "enter", "4", "tab")
        app.screen.query_one("#start", Input).value = "2026-01-05"
        await keys(pilot, "ctrl+s")
        assert "Not saved: a 4-week block from 2026-01-05 would be over by 2026-02-08" in text(
            app, "#status"
        )
        assert results == []
    assert saved(db) == []


async def test_keys_typed_ahead_through_the_planner_apply_in_order(app, db):
    """'p', Enter on a template, '4', Enter, '+' on the first exercise, Down, '+', Ctrl+S, in
    one burst: the weeks are 4 (no '+' landed in the weeks field), bench (where the plan opens)
    has 5 sets and the row below 4."""
    from .test_typing_ahead import burst

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "p", "enter", "4", "enter", "plus", "down", "plus", "ctrl+s")
        with Store(db) as store:
            (meso,) = store.mesocycles()
        assert meso.weeks == 4
        bench, row = meso.days[0].exercises[:2]
        assert (bench.sets, row.sets) == (5, 4)  # 4 + 1 and 3 + 1


# --- effort that follows the evidence ---------------------------------------------------------


def rir_row(app) -> str:
    return str(app.screen.query_one("RirTargets").render())


async def test_raising_a_later_week_raises_the_earlier_ones_with_it(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await to_plan(pilot)  # 3 3 2 2 1
        await keys(pilot, "tab", *["right"] * 4, "plus", "plus")  # week 5: 1 -> 3
        assert "W1 3  W2 3  W3 3  W4 3  W5 3" in rir_row(app)
        assert "Week 5: target RIR 3. Weeks 3, 4 moved with it: targets fall or hold." in text(
            app, "#status"
        )
        await keys(pilot, "left", "left", "left", "left", "plus")  # week 1 to 4: a warning
        assert "Note: week 1 at RIR 4: further from failure than the 1-3" in text(app, "#status")
        await keys(pilot, "minus", "minus", "minus", "minus")  # week 1: 4 -> 1, all follow
        assert "W1 1  W2 1  W3 1  W4 1  W5 1" in rir_row(app)
        await keys(pilot, "minus")  # 0 only in the last week
        assert "Not changed: week 1 at RIR 0: 0 (failure) only in the last week" in text(
            app, "#status"
        )
        await keys(pilot, "ctrl+s")
    [meso] = saved(db)
    assert meso.rir_targets == (1, 1, 1, 1, 1)


async def test_the_plan_check_can_send_the_lifter_back_to_the_plan(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await to_plan(pilot)
        await keys(pilot, "tab", "plus", "tab", "ctrl+s")  # week 1 at 4 (and week 2 at 3)
        assert isinstance(app.screen, PlanCheck)
        notes = str(app.screen.query_one("#plan-check-notes Static", Static).render())
        assert "Week 1: 0 of 87 planned sets at 1-3 RIR (87 at 4 or more)." in notes
        assert "1-3 reps in reserve on most working sets" in notes
        await keys(pilot, "escape")
        assert isinstance(app.screen, PlanScreen) and app.screen.editing
        assert "Not saved yet: change the plan" in text(app, "#status")
        assert saved(db) == []


async def test_the_plan_check_says_which_training_status_its_advice_is_for(app, db):
    from dataclasses import replace

    async with app.run_test(size=SIZE) as pilot:
        app.settings = replace(app.settings, training_status="new")
        await open_plan(pilot)
        await to_plan(pilot)
        await keys(pilot, "d", "ctrl+s")  # no bench press: chest below its band
        notes = str(app.screen.query_one("#plan-check-notes Static", Static).render())
        assert "the evidence names none for those new to lifting: take it as a guide" in notes
        await keys(pilot, "enter")
    assert len(saved(db)) == 1
