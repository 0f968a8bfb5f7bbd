"""A snapshot at 80x24 of a superset on Today: bench and row in rounds, the panel on the
row after a set of bench, the sets with their superset label (SS).

Update after an intended change with:
pytest tests/ui/test_supersets_snapshot.py --snapshot-update
"""

from __future__ import annotations

from .conftest import SIZE, FixedClock, make_app


def test_superset_mid_round(snap_compare, tmp_path):
    async def run_before(pilot):
        await pilot.press(
            "a",
            *"bench",
            "enter",
            "a",
            *"barbell row",
            "enter",
            "escape",
            "up",
            "enter",
            "g",
            "8",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "6",
            "0",
            "tab",
            "1",
            "0",
            "tab",
            "2",
            "enter",
            "enter",
        )
        await pilot.pause()
        pilot.app.screen.query_one("#rest").skip("")
        await pilot.pause()

    assert snap_compare(
        make_app(tmp_path / "t.json", FixedClock()), terminal_size=SIZE, run_before=run_before
    )
