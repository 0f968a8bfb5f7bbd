"""A block's day changes survive a restart; files written before them still load."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tui_tracker.domain.day_changes import DayChange, with_change
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import codec, mesocycle_codec

START = date(2026, 11, 30)


def test_day_changes_round_trip_through_the_store(store):
    meso = build_mesocycle("upper-lower-4", 4, START)
    change = DayChange(
        swaps=(("barbell-bench-press", "dumbbell-bench-press"),),
        order=("barbell-row", "barbell-bench-press"),
        skipped=(("ez-bar-curl", "elbow [b]sore[/]"), ("barbell-row", "")),
        pulled_from=date(2026, 12, 3),
    )
    meso = replace(meso, day_changes=with_change((), date(2026, 12, 2), change))
    store.save_mesocycle(meso)
    assert store.mesocycle(meso.id) == meso


def test_a_block_without_day_changes_writes_none_and_reads_none():
    meso = build_mesocycle("upper-lower-4", 4, START)
    doc = mesocycle_codec.mesocycle_to_dict(meso)
    assert "day_changes" not in doc  # older readers see the document they know
    assert mesocycle_codec.mesocycle_from_dict(doc).day_changes == ()


@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"2026-12-02": []},
        {"not a date": {}},
        {"2026-12-02": {"swaps": [["a"]]}},
        {"2026-12-02": {"order": "abc"}},
        {"2026-12-02": {"pulled_from": 3}},
    ],
)
def test_a_damaged_day_change_is_a_codec_error_not_a_crash(bad):
    doc = mesocycle_codec.mesocycle_to_dict(build_mesocycle("upper-lower-4", 4, START))
    doc["day_changes"] = bad
    with pytest.raises(codec.CodecError):
        mesocycle_codec.mesocycle_from_dict(doc)


def test_a_hand_edited_skip_reason_is_read_without_control_characters():
    doc = mesocycle_codec.mesocycle_to_dict(build_mesocycle("upper-lower-4", 4, START))
    doc["day_changes"] = {"2026-12-02": {"skipped": [["barbell-row", "\x1b]52;c;eA==\x07x"]]}}
    change = mesocycle_codec.mesocycle_from_dict(doc).day_changes[0][1]
    assert change.skip_reason("barbell-row") == "]52;c;eA==x"
