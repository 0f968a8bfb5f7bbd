"""The settings file steers the TUI: unit, rests, keymap; a bad file is a warning, not a crash."""

from __future__ import annotations

from tui_tracker.store import Store
from tui_tracker.store.settings_file import Legacy, SettingsFile
from tui_tracker.ui.app import TrackerApp
from tui_tracker.ui.widgets.rest_timer import RestTimer

from ..conftest import FIRST_START_DONE
from .conftest import SIZE
from .test_typing_ahead import burst, saved


def app_with(db, clock, toml: str, tmp_path) -> TrackerApp:
    path = tmp_path / "settings.toml"
    path.write_text(FIRST_START_DONE + toml)
    store = Store(db)
    loaded = SettingsFile(path).load_or_defaults(legacy=Legacy.of_store(store))
    return TrackerApp(store=store, clock=clock, settings=loaded)


async def test_the_unit_setting_is_where_a_new_exercise_starts(db, clock, tmp_path):
    app = app_with(db, clock, 'unit = "lb"\n', tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "curl", "enter", "45", "tab", "10", "tab", "2", "enter")
    weight, reps, rir, _ = saved(db)[0]
    assert round(weight / 0.45359237, 2) == 45 and (reps, rir) == (10, 2)


async def test_rest_settings_replace_the_catalogues_rest(db, clock, tmp_path):
    app = app_with(db, clock, "rest_compound = 240\n", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "squat", "enter", "100", "tab", "5", "tab", "2", "enter")
        assert 230 <= app.screen.query_one(RestTimer).remaining() <= 240


async def test_a_keymap_in_the_settings_moves_a_key(db, clock, tmp_path):
    app = app_with(db, clock, '[keymap]\n"today.add_exercise" = "n"\n', tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "n")
        assert not app.screen.query_one("#search-overlay").has_class("-away")  # the exercise search


async def test_a_damaged_settings_file_is_a_warning_and_the_defaults(db, clock, tmp_path):
    app = app_with(db, clock, "unit = [oops\n", tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        notes: list[str] = []
        for _ in range(50):  # the warning's toast is mounted on a later refresh
            await pilot.pause(0.02)
            notes = [str(toast.render()) for toast in app.screen.query("Toast")]
            if notes:
                break
        assert any("not valid TOML" in n and "default" in n for n in notes), notes
        await burst(pilot, "a", "curl", "enter", "20", "tab", "10", "enter")
    assert saved(db)[0][:2] == (20, 10)
