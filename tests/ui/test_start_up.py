"""What the fast start-up changed: the key bar, and the set-entry panel mounted on demand."""

from __future__ import annotations

import pytest

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
        assert logged(db) == []
        await pilot.press("1", "0", "0", "tab", "5", "enter")
        await pilot.pause()
        assert "Saved set 1" in screen_text(app, "#status")
        assert shown(app)["Edit"] and shown(app)["Delete"]  # now there is a set to edit


@pytest.mark.parametrize(
    "index,label,enabled,searching",
    [
        (0, "Add", True, True),  # a click presses the key: the exercise search opens
        (1, "Edit", False, False),  # a disabled key does nothing (the bell rings)
    ],
)
async def test_a_click_on_a_key(db, clock, index, label, enabled, searching):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start, _end, key = bar(app)._spans[index]
        assert (key.label, key.enabled) == (label, enabled)
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        overlay = app.screen.query("#search-overlay")
        assert bool(overlay and not overlay.first().has_class("-away")) is searching


async def test_empty_day_gets_its_panel_just_after_the_first_frame(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-empty")
        assert screen.work.ready  # mounted, ready for the first exercise...
        assert screen.query_one("#entry").display is False  # ...and hidden until then
        assert screen.query_one("#sets").display is False


async def test_an_exercise_picked_before_the_panel_is_mounted_is_shown_once_it_is(db, clock):
    """Keys typed ahead at start-up (a slow SSH link delivers them in one burst) can pick an
    exercise before the panel exists: it is filled the moment it is mounted, and the set
    typed after Enter lands in it."""
    from .test_typing_ahead import burst

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        for widget in (screen.query_one("#sets"), screen.query_one("#entry")):
            await widget.remove()
        screen.work._mounts, screen.work.ready = None, False  # as before the after-frame mount
        assert screen.check_action("work", ("warmup",)) is False
        await burst(pilot, "a", "squat", "enter", "100", "tab", "5", "enter")
        assert screen.work.ready
        assert screen.query_one("#entry").border_title.startswith("Log a set: Barbell Back Squat")
        assert [(s.weight_kg, s.reps) for s in logged(db)] == [(100, 5)]


@pytest.mark.parametrize(
    "driver,expected",
    [
        (None, "TerminalDriver"),  # in a terminal: Textual's, made safe from hang-ups
        # a browser tab (tui-tracker serve): Textual's web driver, with the paste-safe parser
        ("textual.drivers.web_driver:WebDriver", "BrowserDriver"),
    ],
)
def test_the_app_picks_its_driver_for_where_it_runs(db, clock, monkeypatch, driver, expected):
    from textual.drivers.linux_driver import LinuxDriver
    from textual.drivers.web_driver import WebDriver

    monkeypatch.setattr("textual.constants.DRIVER", driver)
    chosen = make_app(db, clock).driver_class
    assert chosen.__name__ == expected
    assert issubclass(chosen, WebDriver if driver else LinuxDriver)


async def test_a_resumed_start_restyles_only_the_panel_it_focuses(db, clock, monkeypatch):
    """Each restyle before the first frame is start-up time (a widget's rules matched
    again).  Resuming a session used to restyle four times: Textual's auto-focus
    focused the list, the status line changed class for "Resumed the session", then
    the list lost focus to the panel.  Only the panel's focus is needed."""
    from textual.app import App

    from .test_typing_ahead import squats_open_today

    squats_open_today(db, clock)
    restyled: list[str] = []
    frames: list[int] = []
    real_update, real_display = App.update_styles, App._display

    def update_styles(self, node=None, animate=True):
        if not frames:  # before the first frame
            restyled.append(getattr(node, "id", None) or type(node).__name__)
        return real_update(self, node, animate)

    def display(self, screen, renderable):
        frames.append(1)
        return real_display(self, screen, renderable)

    monkeypatch.setattr(App, "update_styles", update_styles)
    monkeypatch.setattr(App, "_display", display)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert frames, "no frame was drawn"
        assert "Resumed the session" in screen_text(app, "#status")
        assert app.focused is not None and app.focused.id == "entry"
        assert restyled == ["entry"]


async def test_the_search_overlay_mounted_after_the_first_frame_is_styled_once(
    db, clock, monkeypatch
):
    """The overlay is mounted just after the first frame, when keys may already be
    arriving: its class is set before the mount, which styles it anyway (a class added
    first matched every rule against it once more, for nothing)."""
    from textual.app import App

    from .conftest import started

    restyled: list[str] = []
    real = App.update_styles

    def update_styles(self, node=None, animate=True):
        restyled.append(getattr(node, "id", None) or type(node).__name__)
        return real(self, node, animate)

    monkeypatch.setattr(App, "update_styles", update_styles)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.screen.query_one("#search-overlay").has_class("-away")
        assert "search-overlay" not in restyled
        assert restyled.count("exercises") == 1  # focused once, by Today itself
