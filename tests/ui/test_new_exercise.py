"""Adding a lifter's own exercise from the picker: name, kind, muscles, then log it."""

from __future__ import annotations

from textual.widgets import Label

from tui_tracker.store import Store
from tui_tracker.ui.modals import NewExercise
from tui_tracker.ui.widgets.exercise_search import CREATE
from tui_tracker.ui.today import TodayScreen

from .conftest import SIZE, make_app


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_create_an_exercise_from_the_picker_and_log_it(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await type_text(pilot, "cable y raise")
        await pilot.pause()
        await pilot.press("enter")  # the only option: + New exercise
        await pilot.pause()
        assert isinstance(app.screen, NewExercise)
        await pilot.press("tab", "right", "space")  # Isolation
        await pilot.press("tab", "down", "down", "down", "down", "space")  # Side delts
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.current == "custom-cable-y-raise"
        await type_text(pilot, "10")
        await pilot.press("tab")
        await type_text(pilot, "15")
        await pilot.press("enter")
        await pilot.pause()
    with Store(db) as store:
        (ex,) = store.custom_exercises()
        assert (ex.name, ex.kind, ex.primary, ex.rest_seconds) == (
            "Cable Y Raise",
            "isolation",
            ("side_delts",),
            90,
        )
        session = store.open_session(clock.today())
        assert [(s.exercise_id, s.reps) for s in session.sets] == [("custom-cable-y-raise", 15)]


async def test_no_muscle_or_a_taken_name_is_refused_in_place(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await type_text(pilot, "my press")
        await pilot.pause()
        results = app.screen.query_one("#results")
        assert results.rows[-1][0] == CREATE  # + New exercise, last
        await pilot.press(*["down"] * len(results.rows), "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewExercise)
        assert "at least one primary muscle" in str(
            app.screen.query_one("#new-error", Label).render()
        )
        name = app.screen.query_one("#new-name")
        name.value = "Squat"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "already in the catalogue" in str(app.screen.query_one("#new-error", Label).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one("#search-overlay").has_class("-away")  # back to the search
    with Store(db) as store:
        assert store.custom_exercises() == []


async def test_enter_in_the_name_field_moves_on_to_the_kind(db, clock):
    """Enter after typing the name goes to the next field (it once crashed the app:
    focus_next returns the widget it focused, which was awaited)."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await type_text(pilot, "cable y raise")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewExercise)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewExercise)
        assert app.screen.focused is not None and app.screen.focused.id != "new-name"
