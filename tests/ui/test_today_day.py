"""Changing the day on Today at 80x24: swap (c), skip (k), reorder (shift+up/down), the
next planned day on a rest day (n), and moving on after an exercise's last planned set."""

from __future__ import annotations

import os
from datetime import timedelta

from textual.widgets import Static

from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import Store
from tui_tracker.store.settings_file import SettingsFile
from tui_tracker.ui.app import TrackerApp

from .blocks import START
from .conftest import SIZE, FixedClock, make_app, started

WEDNESDAY = START + timedelta(days=2)  # a rest day of the upper/lower block; Upper B is Thursday


def start_block(db, template: str = "upper-lower-4"):
    with Store(db) as store:
        store.save_mesocycle(build_mesocycle(template, 4, START, name="Block"))


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


def listed(app) -> list[str]:
    options = app.screen.query_one("#exercises")
    return [options.row_text(i) for i in range(options.option_count)]


def panel_title(app) -> str:
    return str(app.screen.query_one("#entry").border_title)


def saved_sets(db, day) -> list[tuple[str, float, int]]:
    with Store(db) as store:
        return [
            (s.exercise_id, s.weight_kg, s.reps)
            for session in store.sessions_between(day, day)
            for s in session.sets
        ]


async def test_a_rest_day_says_what_is_next_and_n_does_it_today(db):
    start_block(db)
    app = make_app(db, FixedClock(WEDNESDAY))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        hint = str(app.screen.query_one("#empty-hint", Static).render())
        assert "Rest day in Block" in hint
        assert "Next: Upper B, tomorrow (Thu 05 Nov). Press n to do it today" in hint
        assert "Incline Dumbbell Press" in hint and "4x8-12 @3" in hint
        assert "Overhead Cable Triceps Extension" in hint  # the whole next day
        # n, then a set typed ahead in the same burst: it goes to the day's first exercise
        await pilot.press("n", "3", "0", "tab", "1", "0", "tab", "3", "enter")
        await pilot.pause()
        assert app.screen.query_one("#exercises").border_title == "Today: Upper B (from Thu 05 Nov)"
        assert len(listed(app)) == 8
    assert saved_sets(db, WEDNESDAY) == [("incline-dumbbell-press", 30, 10)]
    again = make_app(db, FixedClock(WEDNESDAY))  # a restart keeps it; Thursday now rests
    async with again.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert len(listed(again)) == 8 and "1/4" in listed(again)[0]
    thursday = make_app(db, FixedClock(WEDNESDAY + timedelta(days=1)))
    async with thursday.run_test(size=SIZE) as pilot:
        await started(pilot)
        hint = str(thursday.screen.query_one("#empty-hint", Static).render())
        assert "Next: Lower B, tomorrow (Fri 06 Nov)" in hint


async def test_n_is_hidden_on_a_training_day(db):
    start_block(db)
    app = make_app(db, FixedClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.screen.check_action("day", ("next",)) is False
        before = listed(app)
        await pilot.press("n")
        await pilot.pause()
        assert listed(app) == before


async def swap_search(pilot):
    """Once the day is drawn, `c` on the list's first exercise: the swap search's results."""
    await started(pilot)
    pilot.app.screen.set_focus(pilot.app.screen.query_one("#exercises"))
    await pilot.press("c")
    await pilot.pause()
    return pilot.app.screen.query_one("#results")


async def test_c_swaps_for_the_day_with_the_same_muscles_listed_first(db):
    start_block(db)
    app = make_app(db, FixedClock(START))  # Upper A: bench first
    async with app.run_test(size=SIZE) as pilot:
        results = await swap_search(pilot)
        chest = [name for _id, name, detail in results.rows[:5]]
        assert all("chest" in detail for _id, _name, detail in results.rows[:5]), chest
        # type a search and pick it, then a set typed ahead in the same burst
        await pilot.press(*"dumbbell bench", "enter", "3", "2", "tab", "8", "enter")
        await pilot.pause()
        first = listed(app)[0]
        assert first.startswith("~Dumbbell Bench Press") and "4x5-8 @3" in first
        assert "Barbell Bench Press" not in " ".join(listed(app))
        assert "target 4x5-8 @3" in panel_title(app)
        assert "1/4" in first
    assert saved_sets(db, START) == [("dumbbell-bench-press", 32, 8)]
    again = make_app(db, FixedClock(START))
    async with again.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert listed(again)[0].startswith("~Dumbbell Bench Press")
    next_week = make_app(db, FixedClock(START + timedelta(weeks=1)))
    async with next_week.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert "Barbell Bench Press" in listed(next_week)[0]  # the plan stays


async def test_k_skips_with_a_reason_shown_literally_and_k_again_takes_it_back(db):
    start_block(db)
    app = make_app(db, FixedClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("k", *"rack [b]taken[/]", "enter")
        await pilot.pause()
        first = listed(app)[0]
        assert first.startswith("-Barbell Bench Press")
        assert "skipped: rack [b]taken[/]" in first
        assert "Barbell Row" in panel_title(app)  # on to the next exercise
        assert app.screen.current == "barbell-row"
        app.screen.set_focus(app.screen.query_one("#exercises"))
        await pilot.press("up", "k")
        await pilot.pause()
        assert listed(app)[0].startswith(" Barbell Bench Press")
        # Esc in the dialog keeps it
        await pilot.press("k", "x", "escape")
        await pilot.pause()
        assert listed(app)[0].startswith(" Barbell Bench Press")


async def test_shift_up_and_down_reorder_the_day_and_it_is_kept(db):
    start_block(db)
    app = make_app(db, FixedClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        app.screen.set_focus(app.screen.query_one("#exercises"))
        await pilot.press("down", "shift+up", "down", "down", "shift+down", "shift+down")
        await pilot.pause()
        names = [row[1:21].strip() for row in listed(app)]
        assert names[:5] == [
            "Barbell Row",
            "Barbell Bench Press",
            "Lat Pulldown",
            "Dumbbell Lateral Ra…",
            "Barbell Overhead Pr…",
        ]
    again = make_app(db, FixedClock(START))
    async with again.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert [row[1:21].strip() for row in listed(again)] == names


async def test_the_last_planned_set_moves_on_and_the_rest_timer_keeps_running(db):
    start_block(db)
    app = make_app(db, FixedClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.screen.current == "barbell-bench-press"
        # four sets of bench in one burst, then the fifth Enter logs the row's first set
        await pilot.press("8", "0", "tab", "8", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert app.screen.current == "barbell-row"
        assert listed(app)[0].startswith("✓")
        assert "All planned sets done: next, Barbell Row." in status(app)
        timer = app.screen.query_one("#rest")
        assert timer.running and "Barbell Bench Press" in str(timer.render())
        await pilot.press("7", "0", "tab", "8", "enter")
        await pilot.pause()
    assert [s[0] for s in saved_sets(db, START)] == ["barbell-bench-press"] * 4 + ["barbell-row"]


async def test_auto_advance_off_stays_on_the_exercise(db):
    path = os.environ["TUI_TRACKER_CONFIG"]
    with open(path, "a") as f:
        f.write("auto_advance = false\n")
    start_block(db)
    app = TrackerApp(
        store=Store(db), clock=FixedClock(START), settings=SettingsFile(path).load_or_defaults()
    )
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("8", "0", "tab", "8", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert app.screen.current == "barbell-bench-press"
        assert "All planned sets done" not in status(app)


async def test_every_planned_exercise_is_reachable_at_80x24_and_none_is_cut_silently(db):
    """8 exercises a day (the largest template): at 80x24 the list leaves the panel and the
    status line their room (tests/ui/test_today_fits.py), so 7 rows are in view and the
    border says the eighth is below; from 30 rows the whole day is in view."""
    start_block(db, "full-body-3")
    app = make_app(db, FixedClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        options = app.screen.query_one("#exercises")
        assert options.option_count == 8
        assert options.content_size.height == 7
        assert options.border_subtitle == "↓ 1 more"
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert options.content_size.height == 8  # the whole day in view
        shown = [line for line in app.screen.query_one("#exercises").lines()]
        assert len(shown) == 8
        assert not options.border_subtitle


async def test_a_longer_day_scrolls_and_says_how_many_rows_are_out_of_view(db):
    from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay

    ids = [
        "barbell-back-squat",
        "barbell-bench-press",
        "lat-pulldown",
        "lying-leg-curl",
        "dumbbell-lateral-raise",
        "ez-bar-curl",
        "triceps-rope-pushdown",
        "standing-calf-raise",
        "barbell-row",
        "leg-press",
        "face-pull",
        "hammer-curl",
    ]
    day = TrainingDay("Long day", START.weekday(), tuple(PlannedExercise(i, 2, 8, 12) for i in ids))
    with Store(db) as store:
        store.save_mesocycle(Mesocycle("Long", START, 4, (day,)))
    app = make_app(db, FixedClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        options = app.screen.query_one("#exercises")
        in_view = options.content_size.height
        assert options.option_count == 12 and in_view < 12
        assert options.border_subtitle == f"↓ {12 - in_view} more"
        app.screen.set_focus(options)
        await pilot.press("end")
        await pilot.pause()
        assert options.highlighted == 11 and options.border_subtitle == f"↑ {12 - in_view} more"
        await pilot.press("up", *["up"] * (in_view - 1))
        await pilot.pause()
        assert options.border_subtitle == f"↑ {11 - in_view} · ↓ 1 more"
        await pilot.resize_terminal(80, 40)  # taller: the whole day, nothing hidden
        await pilot.pause()
        assert options.content_size.height >= 12 and not options.border_subtitle


async def test_the_days_keys_are_in_the_command_palette(db):
    from .test_today import palette_titles

    start_block(db)
    app = make_app(db, FixedClock(WEDNESDAY))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert "Do the next day today (n)" in await palette_titles(pilot, "next day")
        await pilot.press("n")
        await pilot.pause()
        for query, title in (
            ("swap", "Swap exercise (c)"),
            ("skip ex", "Skip exercise (k)"),
            ("move exercise up", "Move exercise up (shift+↑)"),
        ):
            assert title in await palette_titles(pilot, query)


async def test_the_demos_today_is_a_rest_day_with_the_next_day_to_do(tmp_path, capsys):
    from datetime import date

    from tui_tracker.cli import main

    db = tmp_path / "demo.json"
    assert main(["demo", "--db", str(db), "--today", "2026-11-18"]) == 0  # a Wednesday
    capsys.readouterr()
    app = make_app(db, FixedClock(date(2026, 11, 18)))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        hint = str(app.screen.query_one("#empty-hint", Static).render())
        assert "Next: Upper B, tomorrow (Thu 19 Nov)" in hint
        assert "Incline Dumbbell Press" in hint and "4x8-12 @2" in hint
        await pilot.press("n")
        await pilot.pause()
        rows = listed(app)
        assert len(rows) == 8 and "last: " in rows[0]  # the demo's history shows


async def test_n_again_before_a_set_puts_the_day_back(db):
    start_block(db)
    app = make_app(db, FixedClock(WEDNESDAY))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert len(listed(app)) == 8
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.has_class("-empty") and listed(app) == []
        assert "Upper B is back on Thu 05 Nov; today is a rest day again." in status(app)
        hint = str(app.screen.query_one("#empty-hint", Static).render())
        assert "Next: Upper B, tomorrow (Thu 05 Nov)" in hint
        # once a set is logged, the day stays
        await pilot.press("n", "3", "0", "tab", "1", "0", "enter")
        await pilot.pause()
        assert app.screen.check_action("day", ("next",)) is False
    thursday = make_app(db, FixedClock(WEDNESDAY + timedelta(days=1)))
    async with thursday.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert thursday.screen.book.workout.rest_day
