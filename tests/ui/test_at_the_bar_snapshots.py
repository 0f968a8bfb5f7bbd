"""Snapshots at 80x24 of the panel at the bar: the warm-up ramp with the plate line, and a
weight that cannot be loaded (the nearest two that can).

Update after an intended change with:
pytest tests/ui/test_at_the_bar_snapshots.py --snapshot-update
"""

from __future__ import annotations

from .conftest import SIZE, FixedClock, make_app


async def _squat(pilot, *keys: str) -> None:
    await pilot.press("a", *"squat", "enter", *keys)
    await pilot.pause()


def test_warm_up_ramp_and_plate_line(snap_compare, tmp_path):
    async def run_before(pilot):
        await _squat(pilot, "1", "0", "2", ".", "5", "tab", "5", "tab", "2")

    assert snap_compare(
        make_app(tmp_path / "t.json", FixedClock()), terminal_size=SIZE, run_before=run_before
    )


def test_plate_line_weight_that_cannot_be_loaded(snap_compare, tmp_path):
    async def run_before(pilot):
        await _squat(pilot, "1", "0", "1", "tab", "5", "tab", "2")

    assert snap_compare(
        make_app(tmp_path / "t.json", FixedClock()), terminal_size=SIZE, run_before=run_before
    )
