"""The highlighted exercise's history from Today (`l`, or the palette), at 80x24."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Sparkline

from tui_tracker.store import Store
from tui_tracker.ui.exercise_history import ExerciseHistoryScreen
from tui_tracker.ui.today import TodayScreen

from ..hostile import EXERCISE_NAMES, seed
from .blocks import START, seed_block
from .conftest import SIZE, FixedClock, make_app
from .test_hostile_text import assert_shows, painted
from .test_today import palette_titles
from .test_typing_ahead import burst

TUESDAY = START + timedelta(weeks=2, days=1)  # Lower A in week 3: the squat first


async def read(pilot) -> None:
    """Let the screen's worker read the history, and the screen show it."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


def text(app) -> str:
    return painted(app)


async def test_l_shows_the_highlighted_exercises_sessions_trend_and_records(db):
    seed_block(db, through=TUESDAY - timedelta(days=1))  # squats on the 3rd and the 10th
    app = make_app(db, FixedClock(TUESDAY))
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "enter")  # today's squat: 65 x 7 @2 (suggested)
        await burst(pilot, "l")
        await read(pilot)
        assert isinstance(app.screen, ExerciseHistoryScreen)
        shown = text(app)
        assert "Barbell Back Squat · all 3 sessions" in shown
        # 65 x 7 @2 = 65 x (1 + 9/30) = 84.5; 62.5 x 7 @3 = 83.3; 60 x 7 @3 = 80.
        assert "Best e1RM 84.5 kg from 65 kg x 7 @2, 17 Nov 2026" in shown
        assert "Best session 1,750 kg in 4 working sets, 10 Nov 2026" in shown  # 4 x 62.5 x 7
        assert "e1RM trend: 80 kg → 84.5 kg" in shown
        assert [round(v, 1) for v in app.screen.query_one(Sparkline).data] == [80, 83.3, 84.5]
        table = app.screen.query_one(DataTable)
        assert [[str(c) for c in table.get_row_at(i)[2:]] for i in range(table.row_count)] == [
            ["65 kg x 7 @2", "84.5 kg", "1"],
            ["62.5 kg x 7 @3", "83.3 kg", "4"],
            ["60 kg x 7 @3", "80 kg", "4"],
        ]
        assert [str(c) for c in table.get_row_at(1)[:2]] == ["Tue 10 Nov 2026", "7 days ago"]
        await burst(pilot, "escape")
        assert isinstance(app.screen, TodayScreen) and app.screen.current == "barbell-back-squat"


async def test_the_palette_lists_it_and_keys_typed_after_escape_reach_today(db):
    seed_block(db, through=TUESDAY - timedelta(days=1))
    app = make_app(db, FixedClock(TUESDAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Exercise history (l)" in await palette_titles(pilot, "exercise hist")
        await burst(pilot, "escape", "enter")  # the palette closes on the list: open the squat
        # l, move in its table, back, and Enter saves a squat set: one packet.
        await burst(pilot, "l", "down", "end", "escape", "enter")
        await read(pilot)
        assert isinstance(app.screen, TodayScreen)
        with Store(db) as store:
            assert [len(s.sets) for s in store.sessions_between(TUESDAY, TUESDAY)] == [1]


async def test_an_exercise_done_for_the_first_time_says_so(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "l")  # nothing highlighted on an empty day: nothing opens
        assert isinstance(app.screen, TodayScreen)
        await burst(pilot, "a", "squat", "enter", "l")
        await read(pilot)
        shown = text(app)
        assert "Barbell Back Squat · no sessions yet" in shown
        assert "Records: none yet" in shown and "e1RM trend: no working sets yet" in shown


async def test_hostile_names_show_as_text(db, clock):
    with Store(db) as store:
        seed(store, clock.today(), falling=False)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for name in (EXERCISE_NAMES[0], EXERCISE_NAMES[-1]):  # the first, and the one open
            await burst(pilot, "escape", "home" if name == EXERCISE_NAMES[0] else "end", "l")
            await read(pilot)
            shown = text(app)
            assert_shows(shown, f"{name} · all 4 sessions")
            await burst(pilot, "escape")
        await burst(
            pilot, "escape", "home", "down", "down", "down", "down", "down", "down", "down", "l"
        )  # the long name: cut with an ellipsis on its one line
        await read(pilot)
        title = app.screen.query_one("#lift-title")
        assert title.region.height == 1 and "…" in text(app)


async def test_a_history_that_does_not_read_says_so(db, clock, monkeypatch):
    import tui_tracker.summaries as summaries
    from tui_tracker.store import StoreError

    def unreadable(book, exercise_id):
        raise StoreError("training.sessions-2026-10.json does not parse")

    monkeypatch.setattr(summaries, "history_of", unreadable)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "squat", "enter", "l")
        await read(pilot)
        assert "Barbell Back Squat · history not readable: training.sessions-2026-10.json" in text(
            app
        )
        await burst(pilot, "escape")
        assert isinstance(app.screen, TodayScreen)


async def test_escape_read_while_it_is_built_goes_back(db, monkeypatch):
    """ "l Esc" in one packet: Esc read while the history is still being built waited for
    it (EarlyKeys) and was then handed on made anew on the screen's task, naming the
    screen as its sender; Textual stopped it there, short of the app's bindings, so the
    lifter was left on the history."""
    from .test_typing_ahead import keys_read_while_composing

    seed_block(db, through=TUESDAY - timedelta(days=1))
    keys_read_while_composing(monkeypatch, ExerciseHistoryScreen, "escape")
    app = make_app(db, FixedClock(TUESDAY))
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "l")
        await read(pilot)
        assert isinstance(app.screen, TodayScreen)
