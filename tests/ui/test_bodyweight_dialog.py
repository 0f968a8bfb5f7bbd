"""b on Today at 80x24: a small dialog logs today's bodyweight."""

from __future__ import annotations

from datetime import timedelta

from tui_tracker.store import Store
from tui_tracker.ui.bodyweight import BodyweightDialog

from .conftest import DAY, SIZE, FixedClock, make_app
from .test_at_the_bar import on_screen
from .test_today_suggestion import app_with_settings


def weights(db) -> list[tuple[object, float]]:
    store = Store(db)
    try:
        return [(b.day, b.kg) for b in store.bodyweights()]
    finally:
        store.close()


async def test_b_logs_todays_bodyweight_in_one_burst(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "8", "2", ",", "5", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, BodyweightDialog)
        assert "Bodyweight 82.5 kg saved for today." in on_screen(app)
    assert weights(db) == [(DAY, 82.5)]


async def test_pre_filled_with_the_latest_and_a_second_one_replaces_it(db, clock):
    store = Store(db)
    store.log_bodyweight(DAY - timedelta(days=3), 83.0)
    store.close()
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert "Last: 83 kg on Sun 15 Nov." in on_screen(app)
        await pilot.press("enter")  # the latest again, for today
        await pilot.pause()
        await pilot.press("b", "8", "2", "enter")  # typing replaces the pre-fill
        await pilot.pause()
    assert weights(db) == [(DAY - timedelta(days=3), 83.0), (DAY, 82.0)]


async def test_a_bad_weight_says_why_and_q_cancels(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "8", "2", "5", "enter")  # a typo: 825 kg
        await pilot.pause()
        assert isinstance(app.screen, BodyweightDialog)
        assert "Not saved: a bodyweight is 20 to 400 kg" in on_screen(app)
        await pilot.press("backspace", "enter")  # the value is selected: now empty
        await pilot.pause()
        assert "Not saved: weight is empty" in on_screen(app)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, BodyweightDialog)
    assert weights(db) == []


async def test_in_lb(db, tmp_path):
    app = app_with_settings(db, FixedClock(), 'unit = "lb"\n', tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "1", "8", "2", "enter")
        await pilot.pause()
        assert "Bodyweight 182 lb saved for today." in on_screen(app)
    assert [round(kg, 3) for _, kg in weights(db)] == [82.554]


def test_bodyweight_dialog_snapshot(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    store = Store(db)
    store.log_bodyweight(DAY - timedelta(days=3), 83.0)
    store.close()

    async def run_before(pilot):
        await pilot.press("b", "8", "2", ",", "5")
        await pilot.pause()
        pilot.app.screen.query_one("#bw-field").cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(db, FixedClock()), terminal_size=SIZE, run_before=run_before)
