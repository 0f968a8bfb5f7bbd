"""Schema 3: every kind of set and the bodyweight log, on disk (issue 14)."""

from __future__ import annotations

from datetime import date

import orjson
import pytest

from tui_tracker.domain.bodyweight import Bodyweight
from tui_tracker.store import DatabaseTooNew, DatabaseUnreadable, Store, migrations
from tui_tracker.store.paths import month_files, month_of, month_path

from .helpers import DAY, mkset

V2_SET = {
    "id": "s1",
    "exercise_id": "barbell-bench-press",
    "weight_kg": 100.0,
    "reps": 8,
    "rir": 2,
    "unit": "kg",
    "kind": "working",
    "note": "",
    "at": "2026-11-18T18:00:00+01:00",
}


def _write_v2(db_path) -> tuple[bytes, bytes]:
    """A database as version 2 of the format wrote it, byte for byte what that app made."""
    db_path.parent.mkdir(parents=True)
    main = {
        "meta": {"1": {"schema_version": 2, "kind": "main"}},
        "exercises": {},
        "settings": {"1": {"key": "unit", "value": "lb"}},
        "volume_targets": {},
        "mesocycles": {},
    }
    month = {
        "meta": {"1": {"schema_version": 2, "kind": "sessions", "year": 2026, "month": 11}},
        "sessions": {
            "1": {
                "id": "sess",
                "date": "2026-11-18",
                "started_at": "2026-11-18T18:00:00+01:00",
                "ended_at": None,
                "note": "",
                "sets": [V2_SET],
            }
        },
    }
    db_path.write_bytes(orjson.dumps(main))
    month_path(db_path, 202611).write_bytes(orjson.dumps(month))
    return db_path.read_bytes(), month_path(db_path, 202611).read_bytes()


def test_schema_is_4():
    assert migrations.CURRENT_SCHEMA == 4


def test_a_version_2_database_migrates_and_loses_nothing(db_path):
    main_v2, month_v2 = _write_v2(db_path)
    with Store(db_path) as store:
        (session,) = store.sessions_between(DAY, DAY)
        (s,) = session.sets
        assert (s.id, s.weight_kg, s.reps, s.rir, s.kind) == ("s1", 100.0, 8, 2, "working")
        assert (s.duration_s, s.distance_m, s.superset) == (None, None, None)
        assert store.get_setting("unit") == "lb" and store.bodyweights() == []
    main = orjson.loads(db_path.read_bytes())
    assert main["meta"]["1"]["schema_version"] == 4 and main["bodyweights"] == {}
    month = orjson.loads(month_path(db_path, 202611).read_bytes())
    assert month["meta"]["1"]["schema_version"] == 4
    assert month["sessions"]["1"]["sets"] == [
        {**V2_SET, "duration_s": None, "distance_m": None, "superset": None}
    ]
    assert db_path.with_name("training.json.v2.bak").read_bytes() == main_v2
    assert (
        month_path(db_path, 202611).with_name("training.sessions-2026-11.json.v2.bak").read_bytes()
        == month_v2
    )


def test_migrating_negates_the_assistance_of_assisted_exercises(db_path):
    """Version 2 logged an assisted pull-up's assistance as a positive weight; in version 3
    a load on a bodyweight exercise is what is added: assistance is negative."""
    _write_v2(db_path)
    path = month_path(db_path, 202611)
    raw = orjson.loads(path.read_bytes())
    sets = raw["sessions"]["1"]["sets"]
    sets.append({**V2_SET, "id": "s2", "exercise_id": "assisted-pull-up", "weight_kg": 30.0})
    sets.append({**V2_SET, "id": "s3", "exercise_id": "pull-up", "weight_kg": 20.0})
    sets.append({**V2_SET, "id": "s4", "exercise_id": "assisted-dip", "weight_kg": 0})
    path.write_bytes(orjson.dumps(raw))
    with Store(db_path) as store:
        (session,) = store.sessions_between(DAY, DAY)
    assert [(s.exercise_id, s.weight_kg) for s in session.sets] == [
        ("barbell-bench-press", 100.0),
        ("assisted-pull-up", -30.0),
        ("pull-up", 20.0),
        ("assisted-dip", 0.0),
    ]


def test_an_app_that_knows_version_2_refuses_a_version_3_file_untouched(db_path, monkeypatch):
    with Store(db_path) as store:
        store.log_set(mkset(kind="drop"), day=DAY)
    main, month = db_path.read_bytes(), month_path(db_path, month_of(DAY)).read_bytes()
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", 2)  # the app before this change
    with pytest.raises(DatabaseTooNew) as err:
        Store(db_path)
    assert err.value.found == 4 and err.value.supported == 2
    assert db_path.read_bytes() == main
    assert month_path(db_path, month_of(DAY)).read_bytes() == month


def test_every_kind_of_set_round_trips_through_the_files(db_path):
    sets = [
        mkset(kind="warmup", weight=60),
        mkset(kind="working", minute=1),
        mkset(kind="drop", weight=80, minute=2),
        mkset(kind="rest_pause", reps=14, minute=3),
        mkset(kind="failure", rir=0, minute=4),
        mkset("pull-up", weight=-30, minute=5, superset="A"),
        mkset("barbell-curl", weight=30, minute=6, superset="A"),
        mkset("plank", weight=0, reps=0, rir=None, duration_s=60, minute=7),
        mkset("farmers-walk", weight=32, reps=0, rir=None, distance_m=40.0, minute=8),
    ]
    with Store(db_path) as store:
        for s in sets:
            store.log_set(s, day=DAY)
    with Store(db_path) as store:
        (session,) = store.sessions_between(DAY, DAY)
    assert session.sets == tuple(sets)


@pytest.mark.parametrize(
    "change", [{"kind": "dropset"}, {"duration_s": -5}, {"distance_m": "far"}, {"superset": 7}]
)
def test_a_damaged_set_is_refused_naming_the_file(db_path, change):
    with Store(db_path) as store:
        store.log_set(mkset(), day=DAY)
    path = month_path(db_path, month_of(DAY))
    raw = orjson.loads(path.read_bytes())
    raw["sessions"]["1"]["sets"][0].update(change)
    path.write_bytes(orjson.dumps(raw))
    with Store(db_path) as store, pytest.raises(DatabaseUnreadable, match=path.name):
        store.sessions_between(DAY, DAY)


# --- the bodyweight log -------------------------------------------------------------------


def test_bodyweights_are_logged_one_a_day_and_read_oldest_first(db_path):
    with Store(db_path) as store:
        assert store.bodyweight_on(DAY) is None and store.bodyweights() == []
        store.log_bodyweight(date(2026, 11, 20), 83.0)
        store.log_bodyweight(date(2026, 11, 1), 84.0)
        store.log_bodyweight(date(2026, 11, 20), 82.5)  # weighed again: replaces
    with Store(db_path) as store:
        assert store.bodyweights() == [
            Bodyweight(date(2026, 11, 1), 84.0),
            Bodyweight(date(2026, 11, 20), 82.5),
        ]
        assert store.bodyweight_on(date(2026, 10, 31)) is None
        assert store.bodyweight_on(date(2026, 11, 19)) == 84.0
        assert store.bodyweight_on(date(2026, 11, 20)) == 82.5
        assert store.bodyweight_on(date(2027, 1, 1)) == 82.5
    assert month_files(db_path) == {}  # the main file only


def test_an_impossible_bodyweight_is_refused_and_nothing_is_written(tmp_path):
    db = tmp_path / "new" / "training.json"
    store = Store(db, create=False)
    with pytest.raises(ValueError, match="20 to 400 kg"):
        store.log_bodyweight(DAY, 825)
    assert store.bodyweights() == []
    store.close()
    assert not db.parent.exists()  # reading and refusing leave no trace


@pytest.mark.parametrize(
    "doc",
    [
        {"day": "2026-11-31", "kg": 80},
        {"day": "2026-11-30", "kg": "80"},
        {"day": "2026-11-30", "kg": 5},
        {"kg": 80},
        ["x"],
    ],
)
def test_a_damaged_bodyweight_is_refused_naming_the_file(db_path, doc):
    with Store(db_path) as store:
        store.log_bodyweight(DAY, 80)
    raw = orjson.loads(db_path.read_bytes())
    raw["bodyweights"]["2"] = doc
    db_path.write_bytes(orjson.dumps(raw))
    with pytest.raises(DatabaseUnreadable, match="training.json"):
        with Store(db_path) as store:
            store.bodyweights()
