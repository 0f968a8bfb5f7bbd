"""Today's sets table and History show each kind's load as a lifter reads it (issue 14):
'BW+20 kg', 'BW-30 kg', '60 s', '2 x 32 kg, 40 m', never '0 kg'."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import DataTable

from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store

from .conftest import DAY, SIZE, TZ, make_app
from .test_today import add_exercise


def _seed(db) -> None:
    at = datetime(DAY.year, DAY.month, DAY.day, 17, tzinfo=TZ)
    with Store(db) as store:
        for s in (
            LoggedSet("pull-up", 20, 8, 2, at),
            LoggedSet("pull-up", -30, 8, None, at),
            LoggedSet("pull-up", 0, 12, 1, at, kind="failure"),
            LoggedSet("plank", 0, 0, None, at, duration_s=60),
            LoggedSet("farmers-walk", 32, 0, None, at, distance_m=40.0),
            LoggedSet("barbell-back-squat", 80, 6, 0, at, kind="drop"),
        ):
            store.log_set(s, day=DAY)


def _table_text(app) -> list[str]:
    table = app.screen.query_one("#sets")
    return [text for line in table.lines() for text, _ in line]


async def test_todays_table_shows_bodyweight_loads_and_kinds(db, clock):
    _seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "pull-up")
        rows = [line.split() for line in _table_text(app) if line.strip()]
        assert rows[0] == ["#", "Load", "Reps", "RIR", "Type", "SS", "Note"]
        assert rows[1:4] == [
            ["1", "BW+20", "kg", "8", "2", "working"],
            ["2", "BW-30", "kg", "8", "-", "working"],
            ["3", "BW", "12", "1", "to", "failure"],
        ]
        await add_exercise(pilot, "plank")
        assert ["1", "60", "s", "-", "-", "working"] in [line.split() for line in _table_text(app)]
        await add_exercise(pilot, "farmer")
        assert any(
            line.split()[:6] == ["1", "2", "x", "32", "kg,", "40"] for line in _table_text(app)
        )
        assert not any(" 0 kg" in line for line in _table_text(app))


async def test_history_shows_the_same(db, clock):
    _seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[2:6] for row in cells] == [
            ["BW+20 kg", "8", "2", "working"],
            ["BW-30 kg", "8", "-", "working"],
            ["BW", "12", "1", "to failure"],
            ["60 s", "-", "-", "working"],
            ["2 x 32 kg, 40 m", "-", "-", "working"],
            ["80 kg", "6", "0", "drop set"],
        ]
