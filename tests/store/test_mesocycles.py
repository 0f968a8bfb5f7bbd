"""Mesocycles on disk: round trip, updates in place, and refusal of a bad document."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tui_tracker.domain.deload import postpone_deload, start_deload
from tui_tracker.domain.mesocycle import end_mesocycle
from tui_tracker.domain.rir_targets import with_rir_targets
from tui_tracker.domain.templates import TEMPLATES, build_mesocycle
from tui_tracker.store import Store
from tui_tracker.store.errors import DatabaseUnreadable

START = date(2026, 11, 2)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_a_mesocycle_round_trips_through_the_file(store, db_path, template):
    meso = with_rir_targets(build_mesocycle(template, 5, START), [4, 3, 2, 1, 0])
    store.save_mesocycle(meso)
    with Store(db_path) as other:  # a second process's view: read from disk
        assert other.mesocycles() == [meso]
        assert other.mesocycle(meso.id) == meso
    assert store.mesocycle("nope") is None


def test_saving_again_replaces_by_id_and_keeps_the_others(store, db_path):
    a = build_mesocycle("upper-lower-4", 4, START)
    b = build_mesocycle("full-body-3", 3, date(2026, 12, 7))
    store.save_mesocycles([a, b])
    a2 = start_deload(a, date(2026, 11, 20))
    store.save_mesocycle(a2)
    store.save_mesocycle(end_mesocycle(b, date(2026, 12, 8)))
    with Store(db_path) as other:
        got = other.mesocycles()
    assert [m.id for m in got] == [a.id, b.id]
    assert got[0].deload_start == date(2026, 11, 20)
    assert got[1].ended == date(2026, 12, 8)


def test_a_hand_broken_mesocycle_is_refused_naming_the_file(store, db_path):
    store.save_mesocycle(build_mesocycle("upper-lower-4", 4, START))
    store.close()
    data = json.loads(db_path.read_text())
    (doc,) = data["mesocycles"].values()
    doc["weeks"] = 9  # outside 3-6
    db_path.write_text(json.dumps(data))
    with Store(db_path) as s, pytest.raises(DatabaseUnreadable) as e:
        s.mesocycles()
    assert str(db_path) in str(e.value)
    assert "3 to 6" in str(e.value)


def test_postponement_round_trips(store, db_path):
    meso = postpone_deload(
        build_mesocycle("upper-lower-4", 4, START), date(2026, 12, 6), date(2026, 11, 30)
    )
    store.save_mesocycle(meso)
    with Store(db_path) as other:
        assert other.mesocycles()[0].postponed_until == date(2026, 12, 6)
