"""Snapshots of the dashboard at 80x24: mid-block with data, and with the deload prompt.

Update after an intended change with:
pytest tests/ui/test_dashboard_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import timedelta

from .blocks import START, seed_block
from .conftest import SIZE, FixedClock, make_app


def test_dashboard_with_data(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    seed_block(db, through=START + timedelta(days=17))
    app = make_app(db, FixedClock(START + timedelta(days=17)))  # Thursday of week 3
    assert snap_compare(app, press=["m"], terminal_size=SIZE)


def test_dashboard_strength_tab(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    seed_block(db, through=START + timedelta(days=17))
    app = make_app(db, FixedClock(START + timedelta(days=17)))
    assert snap_compare(app, press=["m", "s"], terminal_size=SIZE)


def test_deload_prompt(snap_compare, tmp_path):
    db = tmp_path / "t.json"
    seed_block(db, weeks=4)
    app = make_app(db, FixedClock(START + timedelta(weeks=4)))
    assert snap_compare(app, terminal_size=SIZE)
