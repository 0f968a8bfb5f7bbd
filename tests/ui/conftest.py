"""UI fixtures: a real store in tmp_path and a clock pinned to a fixed day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui_tracker.clock import Clock
from tui_tracker.store import Store
from tui_tracker.ui.app import TrackerApp

DAY = date(2026, 11, 18)
TZ = timezone(timedelta(hours=1))
SIZE = (80, 24)


class FixedClock(Clock):
    """A clock stopped at 18:00 on DAY, moved on by tests when they need time to pass."""

    def __init__(self, day: date = DAY, hour: int = 18) -> None:
        super().__init__(day)
        self.moment = datetime(day.year, day.month, day.day, hour, tzinfo=TZ)

    def now(self) -> datetime:
        return self.moment

    def advance(self, **kw) -> None:
        self.moment += timedelta(**kw)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "training.json"


@pytest.fixture
def clock():
    return FixedClock()


def make_app(db, clock) -> TrackerApp:
    return TrackerApp(store=Store(db), clock=clock)


async def until(pilot, condition, seconds: float = 30) -> None:
    """Let the app work until `condition()` holds.  It waits on the app, not on the
    clock: `seconds` only ends a test that would otherwise hang."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app never got there"
        await pilot.pause(0.02)


async def started(pilot) -> None:
    """Until the Today screen's work after its first frame has run: the block's prompt
    is checked (and shown when due), then the exercise search is mounted, in that order
    (ui/today.py, on_mount).  A key pressed sooner may meet Today, not the prompt: on a
    loaded machine one `pause()` was not always enough."""
    today = pilot.app.screen_stack[0]
    await until(pilot, lambda: bool(today.query("#search-overlay")))
    await pilot.pause()
