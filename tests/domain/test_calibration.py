"""How good are my RIR calls: sets checked by a later set to failure at the same load."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui_tracker.domain.calibration import (
    MIN_SESSIONS,
    MIN_SETS,
    Calibration,
    calibrated_e1rm,
    calibrated_shortfall,
    calibrations,
    rir_calls,
    true_rir,
    what_it_changes,
)
from tui_tracker.domain.models import to_kg

from ..conftest import make_session, make_set

MON = date(2026, 11, 2)


def squat_day(day: date, failure_reps: int = 11, unit: str = "kg"):
    """Two sets of 8 called @2, then a set to failure at the same load."""
    kg = 100 if unit == "kg" else to_kg(225, "lb")
    return make_session(
        day,
        make_set("sq", 60, 5, None, day, kind="warmup"),
        make_set("sq", kg, 8, 2, day, unit=unit),
        make_set("sq", kg, 8, 2, day, unit=unit),
        make_set("sq", kg, failure_reps, 0, day, unit=unit),
    )


def test_the_set_just_before_the_failure_set_is_checked():
    calls = rir_calls([squat_day(MON)])
    assert [(c.called, c.reps, c.failure_reps, c.actual) for c in calls] == [(2, 8, 11, 3)]


def test_fatigue_between_sets_is_not_read_as_a_miscalled_rir():
    """Honest calls, a rep lost to fatigue each set: only the nearest set is checked."""
    s = make_session(
        MON,
        make_set("sq", 100, 8, 2, MON),
        make_set("sq", 100, 7, 2, MON),
        make_set("sq", 100, 8, 0, MON),
    )
    assert [(c.reps, c.called, c.actual) for c in rir_calls([s])] == [(7, 2, 1)]


def test_what_is_not_checked():
    day = MON
    s = make_session(
        day,
        make_set("sq", 100, 8, None, day),  # no RIR: no call to check
        make_set("sq", 90, 8, 2, day),  # another load
        make_set("sq", 100, 10, 0, day),  # the failure set
        make_set("sq", 100, 5, 3, day),
    )  # after the failure: nothing later
    assert rir_calls([s]) == []
    assert rir_calls([make_session(day, make_set("sq", 100, 8, 2, day))]) == []  # no failure


def test_each_failure_set_checks_its_own_nearest_set_once():
    day = MON
    s = make_session(
        day,
        make_set("sq", 100, 8, 2, day),
        make_set("sq", 100, 9, 0, day),
        make_set("sq", 100, 5, 0, day),  # nothing left unchecked before it
        make_set("sq", 100, 5, 1, day),
        make_set("sq", 90, 8, 2, day),  # other load
        make_set("sq", 100, 6, 0, day),
    )
    assert [(c.reps, c.called, c.failure_reps) for c in rir_calls([s])] == [(8, 2, 9), (5, 1, 6)]
    gap = make_session(
        day,
        make_set("sq", 100, 8, 2, day),
        make_set("sq", 100, 8, None, day),
        make_set("sq", 100, 9, 0, day),
    )
    assert rir_calls([gap]) == []  # the set before it has no RIR: nothing to check


def test_fewer_reps_at_failure_than_the_set_means_it_was_at_failure():
    day = MON
    s = make_session(day, make_set("sq", 100, 8, 2, day), make_set("sq", 100, 7, 0, day))
    assert rir_calls([s])[0].actual == 0


def test_your_rir_2_has_meant_about_3_on_squat_6_sets():
    sessions = [
        squat_day(MON + timedelta(days=3 * i), reps)
        for i, reps in enumerate((11, 10, 12, 11, 11, 11))
    ]
    (cal,) = calibrations(sessions)["sq"]
    assert (cal.called, cal.sets, cal.sessions) == (2, 6, 6)
    assert cal.mean_actual == pytest.approx((3 + 2 + 4 + 3 + 3 + 3) / 6)  # 3.0
    assert cal.sentence("squat") == "your RIR 2 has meant about 3 on squat, 6 sets"
    assert cal.short == "@2≈3 (6)" and cal.enough and cal.bias == pytest.approx(1)


def test_calls_are_grouped_per_rir_most_checked_first():
    def day(n, called, reps, failure):
        d = MON + timedelta(days=n)
        return make_session(
            d, make_set("sq", 100, reps, called, d), make_set("sq", 100, failure, 0, d)
        )

    cals = calibrations([day(0, 3, 6, 8), day(2, 1, 7, 8), day(4, 1, 7, 8)])["sq"]
    assert [(c.called, c.sets) for c in cals] == [(1, 2), (3, 1)]
    assert cals[1].sentence("Squat") == "your RIR 3 has meant about 2 on Squat, 1 set"


def make_cal(called: int, actuals: list[int], sessions: int = 2) -> Calibration:
    from tui_tracker.domain.calibration import RirCall

    return Calibration(
        "sq",
        called,
        tuple(
            RirCall("sq", MON, f"s{i % sessions}", 100, "kg", 8, called, 8 + a)
            for i, a in enumerate(actuals)
        ),
    )


def test_enough_data_is_six_sets_from_two_sessions():
    assert not make_cal(2, [3] * (MIN_SETS - 1)).enough
    assert not make_cal(2, [3] * MIN_SETS, sessions=1).enough
    assert make_cal(2, [3] * MIN_SETS, sessions=MIN_SESSIONS).enough
    assert what_it_changes(make_cal(2, [3] * 4, sessions=1)) == (
        "too few to go by: needs 2 more checked sets and 2 sessions"
    )


def test_true_rir_only_moves_with_enough_data_and_a_real_bias():
    three = [make_cal(2, [3] * 6)]
    assert true_rir(2, three) == 3
    assert true_rir(1, three) == 1  # no data for @1: the call stands
    assert true_rir(2, [make_cal(2, [3] * 5)]) == 2  # too few
    assert true_rir(2, [make_cal(2, [2, 2, 2, 3, 2, 2])]) == 2  # +0.17: within a rep


def test_calibrated_e1rm_and_shortfall_worked():
    cals = [make_cal(2, [3] * 6)]
    # 100 x 8 @2 read as @3: 100 x (1 + 11/30) = 136.7 instead of 133.3
    assert calibrated_e1rm(100, 8, 2, cals).kg == pytest.approx(136.667, abs=1e-3)
    assert calibrated_e1rm(100, 8, None, cals).kg == pytest.approx(126.667, abs=1e-3)
    # called @2 against a target of 3: really 3 - 3 = 0 short, not 1
    assert calibrated_shortfall(2, 3, cals) == 0
    assert calibrated_shortfall(2, 4, [make_cal(2, [0] * 6)]) == 4  # @2 has meant 0


def test_what_it_changes_in_words():
    assert what_it_changes(make_cal(2, [3] * 6)) == (
        "1 more in reserve than called: 100 kg x 8 @2 reads e1RM 136.7, not 133.3 kg; "
        "for the deload rule a set called @2 is 1 rep further from failure"
    )
    assert what_it_changes(make_cal(2, [2] * 6)) == "on the mark: nothing to correct"


def test_calibration_in_pounds_speaks_pounds():
    sessions = [squat_day(MON + timedelta(days=3 * i), 11, unit="lb") for i in range(6)]
    (cal,) = calibrations(sessions)["sq"]
    # 225 x 8 @2 = 300 lb; read as @3: 225 x (1 + 11/30) = 307.5
    assert what_it_changes(cal).startswith(
        "1 more in reserve than called: 225 lb x 8 @2 reads e1RM 307.5, not 300 lb"
    )
