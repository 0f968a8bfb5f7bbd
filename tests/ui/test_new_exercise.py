"""Adding a lifter's own exercise from the picker: name, kind, muscles, then log it."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from tui_tracker.store import Store
from tui_tracker.ui.modals import NewExercise
from tui_tracker.ui.widgets.exercise_search import CREATE
from tui_tracker.ui.today import TodayScreen

from .conftest import SIZE, make_app


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def new_exercise_named(pilot, name: str) -> None:
    """`a`, the name, then + New exercise (the last result)."""
    await pilot.press("a")
    await type_text(pilot, name)
    await pilot.pause()
    results = pilot.app.screen.query_one("#results")
    assert results.rows[-1][0] == CREATE  # + New exercise, last
    await pilot.press(*["down"] * len(results.rows), "enter")
    await pilot.pause()


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
        await new_exercise_named(pilot, "my press")
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


def rows(app, widget) -> list[str]:
    """The lines the terminal shows for `widget` (its border included)."""
    box = widget.region
    strips = app.screen._compositor.render_strips()[box.y : box.bottom]
    return [strip.crop(box.x, box.right).text for strip in strips]


def mark(rows: list[str], label: str) -> str:
    """What is drawn before `label` on its row: the box, ticked or not (borders dropped)."""
    (row,) = [r for r in rows if f" {label} " in r]
    return row.split(label)[0].replace("│", "").strip()


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark", "textual-light"])
async def test_a_ticked_muscle_differs_from_an_unticked_one_in_its_glyph_not_only_colour(
    db, clock, theme
):
    """Under --theme ansi-dark an unticked box was `▐X▌` in the text colour and a ticked
    one the same in green: every muscle looked ticked (NO_COLOR: a dark grey X).  The
    mark itself says it, in every theme and without colour."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.press("a")
        await type_text(pilot, "cable y raise")
        await pilot.pause()
        await pilot.press("enter")  # + New exercise
        await pilot.pause()
        assert isinstance(app.screen, NewExercise)
        await pilot.press("tab", "tab", "down", "down", "down", "down", "space")  # Side delts
        await pilot.pause()
        kinds = rows(app, app.screen.query_one("#new-kind"))
        muscles = rows(app, app.screen.query_one("#new-muscles"))
        ticked, unticked = mark(muscles, "Side delts"), mark(muscles, "Chest")
        assert ticked != unticked
        assert "x" in ticked.lower() and "x" not in unticked.lower()
        assert mark(muscles, "Back") == unticked  # every unticked box alike
        chosen, other = mark(kinds, "Compound"), mark(kinds, "Isolation")
        assert chosen != other  # the kind too: the radio's mark, not its colour


async def test_the_refusal_and_the_whole_dialog_are_on_screen_at_80x24(db, clock):
    """The muscle list took 16 rows: at 80x24 the dialog ran off the screen, its bottom
    and the line under the list with it, so Ctrl+S with no muscle ticked seemed to do
    nothing (a tester in tmux)."""
    from .test_hostile_text import painted

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await new_exercise_named(pilot, "my press")
        assert "Space ticks a muscle" in painted(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "at least one primary muscle" in painted(app)
