"""The first start: the health notice once, the training status asked; About the advice."""

from __future__ import annotations

import tomllib

from textual.widgets import Static

from tui_tracker.store import Store
from tui_tracker.store.settings_file import SettingsFile
from tui_tracker.ui.about import AboutScreen, HealthNotice, TrainingStatusQuestion
from tui_tracker.ui.app import TrackerApp
from tui_tracker.ui.today import TodayScreen

from .conftest import SIZE, make_app


def first_start_app(db, clock, path, text: str | None = None) -> TrackerApp:
    """The app as `tui-tracker` starts it, on a settings file (none yet, or `text`)."""
    if text is not None:
        path.write_text(text)
    return TrackerApp(store=Store(db), clock=clock, settings=SettingsFile(path).load_or_defaults())


async def settle(pilot, times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def test_the_first_start_shows_the_health_notice_then_asks_the_training_status(
    db, clock, tmp_path
):
    path = tmp_path / "settings.toml"
    app = first_start_app(db, clock, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HealthNotice)
        shown = " ".join(str(label.render()) for label in app.screen.query("Label"))
        assert (
            "Consult a physician or qualified healthcare professional before beginning any "
            "new training regimen"
        ) in shown
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TrainingStatusQuestion)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.settings.training_status == "some_years"
        await pilot.press("a")  # keys reach Today at once
        await settle(pilot)
        assert not app.screen.query_one("#search-overlay").has_class("-away")  # the search
    assert tomllib.loads(path.read_text()) == {
        "health_notice_read": True,
        "training_status": "some_years",
    }
    again = first_start_app(db, clock, path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, TodayScreen)  # once answered, never again


async def test_escape_leaves_both_for_next_time_and_writes_nothing(db, clock, tmp_path):
    path = tmp_path / "settings.toml"
    app = first_start_app(db, clock, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TrainingStatusQuestion)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert not path.exists()


async def test_with_the_notice_read_only_the_status_is_asked_and_enter_picks_it(
    db, clock, tmp_path
):
    path = tmp_path / "settings.toml"
    app = first_start_app(db, clock, path, "health_notice_read = true\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TrainingStatusQuestion)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert tomllib.loads(path.read_text())["training_status"] == "well_trained"


async def test_a_damaged_settings_file_is_not_asked_into(db, clock, tmp_path):
    path = tmp_path / "settings.toml"
    app = first_start_app(db, clock, path, "unit = [oops\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert path.read_text() == "unit = [oops\n"


async def test_an_app_without_a_settings_file_shows_no_notice(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_i_on_today_opens_about_the_advice_with_each_rule_its_source_and_limits(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, AboutScreen)
        body = str(app.screen.query_one("#about-body", Static).render())
        assert "1. Most working sets at 1-3 reps in reserve" in body
        assert "Grgic et al. (2022)" in body and "Refalo et al. (2023)" in body
        assert "Lopez et al. (2021)" in body and "Henselmans and Schoenfeld (2014)" in body
        assert "Few long-term studies in trained lifters" in body
        assert "People differ in how they recover" in body
        assert "Consult a physician or qualified healthcare professional" in body
        await pilot.press("end")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_the_palette_opens_about_the_advice(db, clock):
    from textual.command import CommandList

    from .test_today import palette_titles

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "About the advice (i)" in await palette_titles(pilot, "about")
        await pilot.press("ctrl+p", *"about the advice")
        for _ in range(100):  # the palette searches in a worker: wait for its result
            await pilot.pause(0.02)
            found = app.screen.query(CommandList)
            if found and found.first().option_count:
                break
        await pilot.press("enter")
        for _ in range(100):  # the palette closes, then runs the command
            await pilot.pause(0.02)
            if isinstance(app.screen, AboutScreen):
                break
        assert isinstance(app.screen, AboutScreen)


def screen_text(app) -> str:
    """What the terminal shows, borders dropped and lines joined (wrapped text reads whole)."""
    import re

    text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
    return " ".join(re.sub("[\u2500-\u259f]", " ", text).split())


async def test_the_notices_are_readable_whole_at_80x24(db, clock, tmp_path):
    app = first_start_app(db, clock, tmp_path / "settings.toml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (
            "Consult a physician or qualified healthcare professional before beginning any "
            "new training regimen, particularly if you have pre-existing injuries or "
            "medical conditions."
        ) in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "for those new to lifting the margin between failure and near-failure" in shown
        assert "tui-tracker config set training_status" in shown


async def test_the_answer_reaches_the_advice_on_sets_logged_right_after_it(db, clock, tmp_path):
    """Answered at the first start, the training status is in the next set's advice
    (not only after a restart): new to lifting, failure on a compound is less of a worry."""
    from .test_today import add_exercise, type_set

    app = first_start_app(db, clock, tmp_path / "settings.toml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the health notice read
        await settle(pilot)
        await pilot.press("1")  # new to lifting
        await settle(pilot)
        await add_exercise(pilot, "bench press")
        await type_set(pilot, "60", "8", "0")
        await settle(pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert "Saved set 1" in status and "New to lifting" in status
