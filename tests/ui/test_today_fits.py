"""At 80x24 nothing on Today is cut off: the set-entry panel (with its plate line and
warm-up ramp) and the status line (a record takes three lines) stay whole under a long
planned day; the list scrolls instead (its border counts the rows out of view)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tui_tracker.clock import Clock
from tui_tracker.domain.demo import demo_lifter
from tui_tracker.store import Store
from tui_tracker.ui.app import TrackerApp

TODAY = date(2026, 11, 26)  # the demo's Upper B: eight planned exercises
TZ = timezone(timedelta(hours=1))


class PinnedClock(Clock):
    def __init__(self, day: date) -> None:
        super().__init__(day)

    def now(self) -> datetime:
        return datetime(TODAY.year, TODAY.month, TODAY.day, 18, 40, tzinfo=TZ)


def _app(tmp_path) -> TrackerApp:
    db = tmp_path / "demo.json"
    lifter = demo_lifter(TODAY, tz=TZ)
    with Store(db) as store:
        store.save_mesocycles(lifter.mesocycles)
        store.import_sessions(lifter.sessions)
    return TrackerApp(store=Store(db), clock=PinnedClock(TODAY))


def _whole(app, selector: str) -> None:
    widget = app.screen.query_one(selector)
    bottom = widget.region.y + widget.outer_size.height
    assert bottom <= app.size.height - 1, (selector, widget.region, app.size)  # the key bar


async def test_the_panel_with_plates_and_ramp_is_whole_under_a_long_day(tmp_path):
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"squat", "enter")
        await pilot.pause()
        await pilot.press("1", "2", "6")
        await pilot.pause()
        _whole(app, "#entry")
        assert "Warm-up ramp" in str(app.screen.query_one("#entry").render())


async def test_a_record_in_the_status_line_leaves_the_panel_whole(tmp_path):
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#entry").focus_first()
        await pilot.press(*"40", "tab", *"10", "tab", "1", "enter")
        await pilot.pause()
        assert "Best e1RM" in str(app.screen.query_one("#status").render())
        _whole(app, "#entry")
        _whole(app, "#status")
