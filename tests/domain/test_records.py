"""Records: best e1RM, most reps at a weight, best session volume; and which a new set beats."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui_tracker.domain.models import from_kg, to_kg
from tui_tracker.domain.records import ExerciseRecords, new_records, records_of, session_volume

from ..conftest import make_session, make_set

MON = date(2026, 11, 9)
THU = MON + timedelta(days=3)
TODAY = date(2026, 11, 16)


def history():
    """Two squat sessions: 100 x 8 @2 / 100 x 6 @1 (1,400 kg), then 105 x 5 @1, 105 x 5 @0
    (1,050 kg); e1RM 133.3 from 100 x 8 @2."""
    return [
        make_session(MON, make_set("sq", 100, 8, 2, MON), make_set("sq", 100, 6, 1, MON)),
        make_session(THU, make_set("sq", 105, 5, 1, THU), make_set("sq", 105, 5, 0, THU)),
    ]


def test_records_of_history():
    rec = records_of(history())["sq"]
    assert rec.e1rm.value == pytest.approx(133.333, abs=1e-3) and rec.e1rm.day == MON
    assert rec.e1rm.set.reps == 8
    assert {w: m.value for w, m in rec.reps.items()} == {100: 8, 105: 5}
    assert rec.reps[105].day == THU  # the first 5 at 105: the earlier of equals
    assert rec.volume.value == 1400 and rec.volume.day == MON and rec.volume.sets == 2
    assert [w for w, _ in rec.rep_marks()] == [105, 100]


def test_warmups_sets_without_rir_and_high_rep_sets_make_no_e1rm_record():
    s = make_session(
        MON,
        make_set("sq", 140, 3, None, MON, kind="warmup"),  # warm-up
        make_set("sq", 120, 5, None, MON),  # no RIR: nothing sure about effort
        make_set("sq", 60, 12, 2, MON),  # 14 > 12: an estimate that drifts
        make_set("sq", 100, 5, 2, MON),
    )
    rec = records_of([s])["sq"]
    assert rec.e1rm.value == pytest.approx(123.333, abs=1e-3)
    assert 140 not in rec.reps and rec.reps[120].value == 5
    assert rec.volume.value == 600 + 720 + 500 and rec.working_sets == 3


def test_only_warmups_is_no_record_at_all():
    assert records_of([make_session(MON, make_set("sq", 60, 5, None, MON, kind="warmup"))]) == {}


def today_with(*sets):
    session = make_session(TODAY, *sets, ended=False)
    return session, [session]


def beaten(past, *sets, name="Squat"):
    session, day = today_with(*sets)
    return new_records(past, day, session.id, sets[-1], name)


def test_a_better_e1rm_is_announced_with_the_old_one():
    past = records_of(history())["sq"]
    # 102.5 x 8 @2: 102.5 x (1 + 10/30) = 136.7 beats 133.3
    (rec,) = [r for r in beaten(past, make_set("sq", 102.5, 8, 2)) if r.kind == "e1rm"]
    assert rec.value == pytest.approx(136.667, abs=1e-3)
    assert rec.message == "Best e1RM on Squat: 136.7 kg from 102.5 kg x 8 @2 (was 133.3 kg)"


def test_an_equal_e1rm_is_not_a_record():
    assert beaten(records_of(history())["sq"], make_set("sq", 100, 8, 2)) == ()


def test_more_reps_at_a_weight_is_a_record_the_first_time_at_a_weight_is_not():
    past = records_of(history())["sq"]
    rep = [r for r in beaten(past, make_set("sq", 105, 6, 2)) if r.kind == "reps"]
    assert rep[0].message == "Most reps at 105 kg on Squat: 6 (was 5)"
    assert not [r for r in beaten(past, make_set("sq", 107.5, 5, 2)) if r.kind == "reps"]


def test_rep_records_in_pounds_and_at_bodyweight():
    past = records_of([make_session(MON, make_set("sq", to_kg(225, "lb"), 5, 3, MON, unit="lb"))])
    rec = beaten(past["sq"], make_set("sq", to_kg(225, "lb"), 6, 3, unit="lb"))
    assert [r.message for r in rec if r.kind == "reps"] == [
        "Most reps at 225 lb on Squat: 6 (was 5)"
    ]
    e1 = [r for r in rec if r.kind == "e1rm"][0]  # 225 x (1 + 8/30) = 285 -> 225 x 1.3 = 292.5
    assert e1.message == "Best e1RM on Squat: 292.5 lb from 225 lb x 6 @3 (was 285 lb)"
    dips = records_of([make_session(MON, make_set("dip", 0, 10, 2, MON))])["dip"]
    assert [r.message for r in beaten(dips, make_set("dip", 0, 12, 2), name="Dip")] == [
        "Most reps at bodyweight on Dip: 12 (was 10)"
    ]


def test_the_first_set_of_an_exercise_ever_is_no_record():
    assert beaten(None, make_set("sq", 100, 8, 2)) == ()


def test_earlier_sets_today_count_as_history():
    first = make_set("sq", 100, 8, 2)
    assert beaten(None, first, make_set("sq", 100, 9, 2)) != ()  # 9 beats today's 8
    assert [r.kind for r in beaten(None, first, make_set("sq", 100, 9, 2))] == ["e1rm", "reps"]


def test_session_volume_is_announced_once_by_the_set_that_passes_the_best():
    past = records_of(history())["sq"]  # best 1,400 kg
    sets = [make_set("sq", 100, 5, 2) for _ in range(4)]  # 500, 1,000, 1,500, 2,000 kg
    said = []
    for n in range(1, 5):
        session, day = today_with(*sets[:n])
        said.append(
            [
                r
                for r in new_records(past, day, session.id, sets[n - 1], "Squat")
                if r.kind == "volume"
            ]
        )
    assert [len(x) for x in said] == [0, 0, 1, 0]
    assert said[2][0].message == "Best session volume on Squat: 1,500 kg (was 1,400 kg)"
    assert session_volume(session, "sq") == 2000


def test_volume_compares_with_the_days_other_sessions_too():
    morning = make_session(TODAY, make_set("sq", 100, 10, 2), make_set("sq", 100, 10, 2))
    evening_set = make_set("sq", 100, 15, 4)
    evening = make_session(TODAY, evening_set, ended=False)
    past = ExerciseRecords("sq")
    past.add(history()[0])
    got = new_records(past, [morning, evening], evening.id, evening_set, "Squat")
    assert not [r for r in got if r.kind == "volume"]  # 1,500 < the morning's 2,000


def test_warmups_announce_nothing():
    past = records_of(history())["sq"]
    assert beaten(past, make_set("sq", 200, 9, 2, kind="warmup")) == ()


def test_volume_in_pounds():
    past = records_of([make_session(MON, make_set("sq", to_kg(200, "lb"), 5, 2, MON, unit="lb"))])
    two = [make_set("sq", to_kg(200, "lb"), 5, 2, unit="lb") for _ in range(2)]
    session, day = today_with(*two)
    (vol,) = [
        r for r in new_records(past["sq"], day, session.id, two[1], "Squat") if r.kind == "volume"
    ]
    assert from_kg(vol.value, "lb") == pytest.approx(2000)
    assert vol.message == "Best session volume on Squat: 2,000 lb (was 1,000 lb)"
