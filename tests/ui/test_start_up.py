"""What the fast start-up changed: the key bar, and the set-entry panel mounted on demand."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tui_tracker.ui.widgets.key_bar import KeyBar

from .conftest import SIZE, make_app
from .test_today import add_exercise, logged, screen_text


def bar(app) -> KeyBar:
    return app.screen.query_one(KeyBar)


def shown(app) -> dict[str, bool]:
    """Label -> enabled, for each key the bar draws."""
    keys = {k.label: k.enabled for k in bar(app).keys}
    if bar(app).palette:
        keys[bar(app).palette.label] = bar(app).palette.enabled
    return keys


async def test_key_bar_lists_the_screen_keys_dims_what_cannot_run_and_follows_changes(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = shown(app)
        assert list(keys)[:4] == ["Add", "Edit", "Delete", "Finish"]
        assert keys["Add"] and keys["palette"]
        assert not keys["Edit"] and not keys["Delete"]  # nothing logged to edit yet
        line = str(bar(app).render())
        assert line.startswith(" a Add  e Edit  d Delete")
        assert line.rstrip().endswith("^p palette")
        await add_exercise(pilot, "squat")
        await pilot.press("enter")  # the panel's pre-fill is empty: nothing is saved
        app.screen.query_one("#weight", Input).value = "100"
        app.screen.query_one("#reps", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert "Saved set 1" in screen_text(app, "#status")
        assert shown(app)["Edit"] and shown(app)["Delete"]  # now there is a set to edit


@pytest.mark.parametrize("index,label,enabled,screen_after", [
    (0, "Add", True, "ExercisePicker"),  # a click presses the key
    (1, "Edit", False, "TodayScreen"),  # a disabled key does nothing (the bell rings)
])
async def test_a_click_on_a_key(db, clock, index, label, enabled, screen_after):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start, _end, key = bar(app)._spans[index]
        assert (key.label, key.enabled) == (label, enabled)
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == screen_after


async def test_empty_day_gets_its_panel_just_after_the_first_frame(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-empty")
        assert screen._panel_ready  # mounted, ready for the first exercise...
        assert screen.query_one("#entry").display is False  # ...and hidden until then
        assert screen.query_one("#sets").display is False


async def test_an_exercise_picked_before_the_panel_is_mounted_is_shown_once_it_is(db, clock):
    """Keys typed ahead at start-up (a slow SSH link delivers them in one burst) can pick an
    exercise before the panel exists: it is filled the moment it is mounted, not lost."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        for widget in (screen.query_one("#sets"), screen.query_one("#entry")):
            await widget.remove()
        screen._panel, screen._panel_ready = None, False  # as before the after-frame mount
        assert screen.check_action("toggle_warmup", ()) is False
        await add_exercise(pilot, "squat")
        assert screen._panel_ready
        assert screen.query_one("#entry").border_title.startswith("Log a set: Barbell Back Squat")
        assert app.focused.id == "weight"
        app.screen.query_one("#weight", Input).value = "100"
        app.screen.query_one("#reps", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert [(s.weight_kg, s.reps) for s in logged(db)] == [(100, 5)]


async def burst(app, keys: list[tuple[str, str | None]]) -> None:
    """Keys arriving in one packet (a laggy SSH link): all queued before any is handled."""
    from textual import events

    for key, character in keys:
        app.post_message(events.Key(key, character))


async def test_a_set_typed_ahead_in_one_burst_lands_in_the_right_fields(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        assert app.focused.id == "weight"
        await burst(app, [("8", "8"), ("0", "0"), ("tab", "\t"), ("8", "8"), ("tab", "\t"),
                          ("2", "2"), ("enter", "\r")])
        await pilot.pause()
        await pilot.pause()
        assert "Saved set 1" in screen_text(app, "#status"), screen_text(app, "#status")
        assert [(s.weight_kg, s.reps, s.rir) for s in logged(db)] == [(80, 8, 2)]


@pytest.mark.parametrize("driver,expected", [
    (None, "TerminalDriver"),  # in a terminal: Textual's, made safe from hang-ups
    ("textual.drivers.web_driver:WebDriver", "WebDriver"),  # a browser tab (tui-tracker serve)
])
def test_the_app_picks_its_driver_for_where_it_runs(db, clock, monkeypatch, driver, expected):
    monkeypatch.setattr("textual.constants.DRIVER", driver)
    assert make_app(db, clock).driver_class.__name__ == expected
