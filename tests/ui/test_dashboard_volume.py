"""The dashboard's Volume tab: the block's own weeks, and each muscle's band, editable."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable

from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store
from tui_tracker.ui.dashboard import DashboardScreen

from .blocks import at
from .conftest import SIZE, FixedClock, make_app

WEDNESDAY = date(2026, 11, 4)  # a block starting mid-week: its weeks are not ISO weeks
DAYS = (
    TrainingDay("Push", 2, (PlannedExercise("barbell-bench-press", 5, 6, 10),)),
    TrainingDay("Pull", 1, (PlannedExercise("barbell-row", 5, 6, 10),)),
)


def seed(db, through: date) -> None:
    """Bench on Wednesdays, rows on Tuesdays: 5 sets each, from WEDNESDAY to `through`."""
    with Store(db) as store:
        store.save_mesocycle(Mesocycle("Mid-week block", WEDNESDAY, 4, DAYS))
        day = WEDNESDAY
        while day <= through:
            plan = next((d for d in DAYS if d.weekday == day.weekday()), None)
            if plan:
                p = plan.exercises[0]
                session = None
                for k in range(p.sets):
                    s = LoggedSet(p.exercise_id, 80.0, 8, 2, at=at(day, 18, k))
                    session = store.log_set(s, day=day, session_id=session.id if session else None)
            day += timedelta(days=1)


async def open_dashboard(pilot) -> DataTable:
    pilot.app.push_screen(DashboardScreen(pilot.app.store, pilot.app.clock.today()))
    await pilot.pause()
    return pilot.app.screen.query_one("#volume-table", DataTable)


def headers(table: DataTable) -> list[str]:
    return [str(c.label) for c in table.columns.values()]


async def test_week_columns_are_the_blocks_weeks(db):
    today = WEDNESDAY + timedelta(days=15)  # Thursday 19 Nov: day 2 of week 3
    seed(db, through=today)
    app = make_app(db, FixedClock(today))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_dashboard(pilot)
        assert headers(table)[1] == "W3 now" and headers(table)[5:] == ["W1", "W2"]
        # week 1 = Wed 4 to Tue 10 Nov: a bench day and a row day, 5 sets each; by ISO weeks
        # its bench (W45) and its rows (W46) would fall in two columns
        back = table.get_row("back")
        assert [c.plain.strip() for c in back[5:]] == ["5.0↓", "5.0↓"]
        chest = table.get_row("chest")
        assert [c.plain.strip() for c in chest[5:]] == ["5.0↓", "5.0↓"]
        assert chest[2].plain.strip() == "5.0↓"  # this block week: Wednesday's bench
        legend = str(app.screen.query_one("#volume .legend").render())
        assert "W1 from Wed 4 Nov" in legend


async def test_without_a_block_the_columns_are_calendar_weeks_and_say_so(db):
    app = make_app(db, FixedClock(date(2026, 11, 18)))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_dashboard(pilot)
        assert headers(table)[1] == "This week" and headers(table)[5:] == ["w44", "w45", "w46"]
        assert "calendar week" in str(app.screen.query_one("#dash-title").render())


async def test_t_edits_the_highlighted_muscles_band_and_the_table_follows(db):
    today = WEDNESDAY + timedelta(days=15)
    seed(db, through=today)
    app = make_app(db, FixedClock(today))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_dashboard(pilot)
        assert table.get_row("chest")[3] == "10-16"
        await pilot.press("t")  # the cursor starts on Chest
        await pilot.pause()
        assert type(app.screen).__name__ == "BandEditor"
        await pilot.press(*"4-8", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        table = app.screen.query_one("#volume-table", DataTable)
        chest = table.get_row("chest")
        assert chest[3] == "4-8" and chest[2].plain.strip() == "5.0✓"  # 5 sets: now within
    with Store(db) as store:
        assert store.volume_targets()["chest"] == (4, 8)


async def test_a_bad_band_is_refused_in_place_and_enter_on_a_row_opens_it_too(db):
    app = make_app(db, FixedClock(date(2026, 11, 18)))
    async with app.run_test(size=SIZE) as pilot:
        await open_dashboard(pilot)
        await pilot.press("down", "enter")  # Back
        await pilot.pause()
        assert "Back: hard sets a week" in str(app.screen.query_one(".question").render())
        await pilot.press(*"12-", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#band-error").render())
        assert error == "Not saved: a band is LOW-HIGH sets a week, like 10-16, not '12-'."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    with Store(db) as store:
        assert store.volume_targets()["back"] == (10, 16)


async def test_an_empty_band_puts_the_default_back_and_the_default_says_why(db):
    with Store(db) as store:
        store.set_volume_target("traps", 4, 8)
    app = make_app(db, FixedClock(date(2026, 11, 18)))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_dashboard(pilot)
        assert table.get_row("traps")[3] == "4-8"
        await pilot.press("down", "down", "t")
        await pilot.pause()
        from .test_first_start import screen_text

        shown = screen_text(app)  # wrapped over lines, the table showing at the sides
        assert "Default 0-16. Why: 0-16: trained in deadlifts, rows and carries" in shown
        assert "direct sets are optional, so no minimum is" in shown
        assert "the evidence names no muscle)." in shown
        await pilot.press("backspace", "enter")  # the typed value is selected: cleared
        await pilot.pause()
        assert app.screen.query_one("#volume-table", DataTable).get_row("traps")[3] == "0-16"


async def test_a_last_week_at_0_reads_as_what_it_plans_in_the_title(db):
    from dataclasses import replace

    with Store(db) as store:
        store.save_mesocycle(replace(Mesocycle("Block", WEDNESDAY, 3, DAYS), rir_targets=(3, 2, 0)))
    app = make_app(db, FixedClock(WEDNESDAY + timedelta(weeks=2)))
    async with app.run_test(size=SIZE) as pilot:
        await open_dashboard(pilot)
        title = str(app.screen.query_one("#dash-title").render())
        assert "Week 3 of 3 · target RIR 1, allowed final sets 0" in title


async def test_a_band_typed_ahead_in_one_packet_is_saved(db):
    """ "Down t 4-8 Enter" in one packet: the keys after `t` were read while the table had
    the focus and were lost there, so the band dialog stayed at 10-16 (a tester in tmux)."""
    from .test_typing_ahead import burst

    app = make_app(db, FixedClock(date(2026, 11, 18)))
    async with app.run_test(size=SIZE) as pilot:
        await open_dashboard(pilot)
        await burst(pilot, "down", "t", "4-8", "enter")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    with Store(db) as store:
        assert store.volume_targets()["back"] == (4, 8)
