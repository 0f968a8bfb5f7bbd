"""Domain objects to stored dicts and back, for any value a lifter can enter."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, UTC

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_tracker.domain.models import Exercise, LoggedSet, Session
from tui_tracker.store import codec

offsets = st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-14 * 60, 14 * 60))
datetimes = st.builds(
    lambda d, tz: d.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
    offsets,
)
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
durations = st.none() | st.integers(1, 24 * 3600)
distances = st.none() | st.floats(0.01, 100_000, allow_nan=False, allow_infinity=False)
sets = st.builds(
    LoggedSet,
    exercise_id=st.text(min_size=1, max_size=30),
    # negative: assisted, on a bodyweight exercise
    weight_kg=st.floats(-1000, 1000, allow_nan=False, allow_infinity=False),
    reps=st.integers(1, 100),
    rir=st.none() | st.integers(0, 10),
    at=datetimes,
    unit=st.sampled_from(["kg", "lb"]),
    kind=st.sampled_from(["working", "warmup", "drop", "rest_pause", "failure"]),
    note=text,
    duration_s=durations,
    distance_m=distances,
    superset=st.none()
    | st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
) | st.builds(  # timed and distance sets may have no reps
    LoggedSet,
    exercise_id=st.text(min_size=1, max_size=30),
    weight_kg=st.floats(0, 1000, allow_nan=False, allow_infinity=False),
    reps=st.just(0),
    rir=st.none(),
    at=datetimes,
    duration_s=st.integers(1, 24 * 3600),
    distance_m=distances,
)
sessions = st.builds(
    Session,
    date=st.dates(date(1990, 1, 1), date(2100, 1, 1)),
    started_at=datetimes,
    sets=st.lists(sets, max_size=6).map(tuple),
    ended_at=st.none() | datetimes,
    note=text,
)


@settings(max_examples=150, deadline=None)
@given(sessions)
def test_session_round_trip_through_json(s):
    doc = orjson.loads(orjson.dumps(codec.session_to_dict(s)))
    back = codec.session_from_dict(doc)
    assert back == s
    assert [x.at.utcoffset() for x in back.sets] == [x.at.utcoffset() for x in s.sets]
    # The same state always gives the same bytes.
    assert orjson.dumps(codec.session_to_dict(back)) == orjson.dumps(codec.session_to_dict(s))


def test_stored_format_is_plain_and_readable():
    s = LoggedSet(
        "barbell-bench-press",
        100.0,
        8,
        None,
        datetime(2026, 11, 18, 18, 5, tzinfo=timezone(timedelta(hours=1))),
        unit="lb",
        kind="warmup",
        note="x",
        id="abc",
    )
    assert codec.set_to_dict(s) == {
        "id": "abc",
        "exercise_id": "barbell-bench-press",
        "weight_kg": 100.0,
        "reps": 8,
        "rir": None,
        "unit": "lb",
        "kind": "warmup",
        "note": "x",
        "at": "2026-11-18T18:05:00+01:00",
        "duration_s": None,
        "distance_m": None,
        "superset": None,
    }
    session = Session(date(2026, 11, 18), s.at, (s,), None, "", "sid")
    assert codec.session_to_dict(session)["date"] == "2026-11-18"
    assert codec.session_to_dict(session)["ended_at"] is None


def test_exercise_round_trip():
    e = Exercise(
        id="x",
        name="Landmine Row",
        primary=("back",),
        secondary=("biceps", "rear_delts"),
        kind="compound",
        high_skill=True,
        rest_seconds=150,
        aliases=("meadows row",),
        custom=True,
    )
    assert codec.exercise_from_dict(orjson.loads(orjson.dumps(codec.exercise_to_dict(e)))) == e


@pytest.mark.parametrize(
    "change",
    [
        {"reps": "8"},
        {"reps": True},
        {"weight_kg": "100"},
        {"rir": 1.5},
        {"unit": "stone"},
        {"kind": "dropset"},
        {"at": "yesterday"},
        {"at": 5},
        {"note": None},
        {"weight_kg": float("nan")},
        {"reps": -1},
        {"duration_s": 0},
        {"duration_s": 1.5},
        {"duration_s": "60"},
        {"duration_s": True},
        {"duration_s": 24 * 3600 + 1},
        {"distance_m": 0},
        {"distance_m": -40},
        {"distance_m": "40"},
        {"distance_m": False},
        {"distance_m": float("inf")},
        {"superset": 1},
        {"superset": ["a"]},
    ],
)
def test_bad_set_documents_raise_codec_error(change):
    good = codec.set_to_dict(LoggedSet("a", 1.0, 1, 1, datetime(2026, 1, 1, tzinfo=UTC)))
    with pytest.raises(codec.CodecError):
        codec.set_from_dict({**good, **change})
    missing = dict(good)
    del missing["reps"]
    with pytest.raises(codec.CodecError, match="reps"):
        codec.set_from_dict(missing)


def test_bad_session_and_exercise_documents():
    with pytest.raises(codec.CodecError):
        codec.session_from_dict(
            {
                "id": "x",
                "date": "2026-13-01",
                "started_at": "2026-01-01T00:00:00",
                "ended_at": None,
                "note": "",
                "sets": [],
            }
        )
    with pytest.raises(codec.CodecError):
        codec.session_from_dict([])
    with pytest.raises(codec.CodecError, match="unknown muscle"):
        codec.exercise_from_dict(
            {
                "id": "x",
                "name": "X",
                "primary": ["neck"],
                "secondary": [],
                "kind": "compound",
                "high_skill": False,
                "rest_seconds": 90,
                "aliases": [],
                "custom": True,
            }
        )


def test_an_exercise_stored_with_a_muscle_twice_still_loads_counted_once():
    """Older versions let `--primary side_delts,side_delts` through: such a database must
    stay readable.  The first listing is kept; a secondary that is also primary goes."""
    doc = {
        "id": "custom-y",
        "name": "Y Raise",
        "primary": ["side_delts", "side_delts"],
        "secondary": ["rear_delts", "side_delts", "rear_delts"],
        "kind": "isolation",
        "high_skill": False,
        "rest_seconds": 90,
        "aliases": [],
        "custom": True,
    }
    e = codec.exercise_from_dict(doc)
    assert e.primary == ("side_delts",) and e.secondary == ("rear_delts",)


def test_a_stored_set_of_zero_reps_still_loads():
    """Typing 0 reps is refused now; sets saved so by older versions stay readable."""
    from tui_tracker.domain.volume import is_hard_set

    doc = codec.set_to_dict(LoggedSet("a", 100.0, 1, 2, datetime(2026, 1, 1, tzinfo=UTC)))
    s = codec.set_from_dict({**doc, "reps": 0})
    assert s.reps == 0 and not is_hard_set(s)


def test_the_bodyweight_flag_round_trips_and_older_files_without_it_load():
    e = Exercise(
        id="custom-ring-dip", name="Ring Dip", primary=("chest",), custom=True, bodyweight=True
    )
    doc = codec.exercise_to_dict(e)
    assert doc["bodyweight"] is True
    assert codec.exercise_from_dict(orjson.loads(orjson.dumps(doc))) == e
    old = {k: v for k, v in doc.items() if k != "bodyweight"}
    assert codec.exercise_from_dict(old).bodyweight is False
    with pytest.raises(codec.CodecError, match="bodyweight is not true or false"):
        codec.exercise_from_dict({**doc, "bodyweight": "yes"})
