from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from tests.conftest import make_session, make_set
from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.progress import (
    best_set,
    e1rm_trend,
    main_lifts,
    rir_compliance,
    trend_direction,
)
from tui_tracker.domain.strength import e1rm
from tui_tracker.domain.templates import build_mesocycle

START = date(2026, 11, 2)  # a Monday
CAT = Catalogue()
BENCH = "barbell-bench-press"

DAYS = (
    TrainingDay(
        "Upper", 0, (PlannedExercise(BENCH, 3, 5, 8), PlannedExercise("dumbbell-curl", 3, 10, 15))
    ),
    TrainingDay("Lower", 3, (PlannedExercise("barbell-back-squat", 3, 5, 8),)),
)
MESO = Mesocycle("Block", START, 4, DAYS)  # targets 3,3,2,1


def points(*values, step=7):
    return [(START + timedelta(days=step * i), float(v)) for i, v in enumerate(values)]


# --- e1RM trend -------------------------------------------------------------------------------


def test_trend_is_the_best_working_set_per_session_oldest_first():
    d1, d2 = START, START + timedelta(days=3)
    sessions = [
        make_session(d2, make_set(BENCH, 105, 5, 1, d2)),
        make_session(
            d1,
            make_set(BENCH, 150, 5, 2, d1, kind="warmup"),
            make_set(BENCH, 100, 8, 2, d1),
            make_set(BENCH, 110, 0, 0, d1),
            make_set(BENCH, 95, 8, 1, d1),
            make_set("dumbbell-curl", 20, 10, 0, d1),
        ),
        make_session(d2 + timedelta(days=1), make_set("dumbbell-curl", 20, 10, 0, d2)),
    ]
    trend = e1rm_trend(sessions, BENCH)
    assert trend == [
        (d1, pytest.approx(e1rm(100, 8, 2).kg)),
        (d2, pytest.approx(e1rm(105, 5, 1).kg)),
    ]


def test_trend_of_a_lift_never_done_is_empty():
    assert e1rm_trend([make_session(START, make_set("dumbbell-curl"))], BENCH) == []


@pytest.mark.parametrize(
    "values,expected",
    [
        ((100, 102, 104, 106), "rising"),
        ((106, 104, 102, 100), "falling"),
        ((100, 100.4, 99.8, 100.2), "flat"),
        ((100, 102), "rising"),
        ((100, 101), "flat"),  # +1.0% of the mean (100.5): inside the band
        ((100, 100.5), "flat"),  # +0.5% over the span
        ((100,), "flat"),
        ((), "flat"),
    ],
)
def test_trend_direction(values, expected):
    assert trend_direction(points(*values)) == expected


def test_trend_direction_flat_band_is_1_percent_of_the_mean():
    assert trend_direction([(START, 100.0), (START + timedelta(days=7), 101.0)]) == "flat"
    assert trend_direction([(START, 100.0), (START + timedelta(days=7), 101.1)]) == "rising"
    assert trend_direction([(START, 101.1), (START + timedelta(days=7), 100.0)]) == "falling"


def test_points_on_one_day_are_flat():
    assert trend_direction([(START, 100.0), (START, 120.0)]) == "flat"


@given(st.lists(st.floats(50, 300, allow_nan=False), min_size=2, max_size=12))
def test_reversing_time_flips_the_direction(values):
    forward = points(*values)
    backward = points(*reversed(values))
    flip = {"rising": "falling", "falling": "rising", "flat": "flat"}
    assert trend_direction(backward) == flip[trend_direction(forward)]


@given(st.lists(st.floats(50, 300, allow_nan=False), min_size=2, max_size=12), st.floats(0.5, 3))
def test_direction_does_not_depend_on_units(values, scale):
    assert trend_direction(points(*values)) == trend_direction(points(*(v * scale for v in values)))


# --- best set ---------------------------------------------------------------------------------


def test_best_set_by_e1rm_skipping_warmups():
    heavy_single = make_set(BENCH, 120, 1, 0, START)
    volume = make_set(BENCH, 100, 10, 2, START)  # e1RM 140
    warm = make_set(BENCH, 200, 5, 2, START, kind="warmup")
    sessions = [make_session(START, warm, heavy_single, volume)]
    assert best_set(sessions, BENCH) is volume
    assert best_set(sessions, "dumbbell-curl") is None


def test_best_set_tie_goes_to_the_earliest():
    first = make_set(BENCH, 100, 5, 0, START)
    again = make_set(BENCH, 100, 5, 0, START + timedelta(days=7))
    sessions = [make_session(START + timedelta(days=7), again), make_session(START, first)]
    assert best_set(sessions, BENCH) is first


# --- RIR compliance ---------------------------------------------------------------------------


def test_compliance_against_each_weeks_target():
    w1, w4 = START, START + timedelta(weeks=3)  # targets 3 and, in the last week, 1
    sessions = [
        make_session(
            w1,
            make_set(BENCH, rir=3, day=w1),
            make_set(BENCH, rir=1, day=w1),
            make_set(BENCH, rir=None, day=w1),
            make_set(BENCH, rir=5, day=w1),
        ),
        make_session(w4, make_set(BENCH, rir=1, day=w4), make_set(BENCH, rir=0, day=w4)),
    ]
    c = rir_compliance(MESO, sessions, CAT.get, w4)[BENCH]
    # week 1: 3 on (0), 1 below (-2), none, 5 above (+2) as final set (target 3)
    # week 4 (at 1, no failure planned): 1 on (0), final set 0 on (-1, within 1)
    assert (c.on_target, c.below, c.above, c.without_rir) == (3, 1, 1, 1)
    assert c.mean_deviation == pytest.approx(-0.2)
    assert c.total == 6 and c.with_rir == 5


def test_compliance_lists_every_planned_exercise_in_plan_order():
    result = rir_compliance(MESO, [], CAT.get, START)
    assert list(result) == [BENCH, "dumbbell-curl", "barbell-back-squat"]
    assert result[BENCH].total == 0 and result[BENCH].mean_deviation is None


def test_compliance_skips_sets_outside_the_block_and_after_today():
    before, later = START - timedelta(days=1), START + timedelta(days=2)
    sessions = [
        make_session(before, make_set(BENCH, rir=0, day=before)),
        make_session(later, make_set(BENCH, rir=0, day=later)),
    ]
    assert rir_compliance(MESO, sessions, CAT.get, START + timedelta(days=1))[BENCH].total == 0
    assert rir_compliance(MESO, sessions, CAT.get, later)[BENCH].below == 1


def test_deload_week_sets_are_judged_against_4():
    from dataclasses import replace

    d = START + timedelta(weeks=4)
    sessions = [make_session(d, make_set(BENCH, rir=4, day=d), make_set(BENCH, rir=1, day=d))]
    c = rir_compliance(replace(MESO, deload_start=d), sessions, CAT.get, d)[BENCH]
    assert (c.on_target, c.below) == (1, 1) and c.mean_deviation == pytest.approx(-1.5)


def test_high_skill_final_set_target_stays_at_1():
    d = START + timedelta(weeks=3, days=3)  # last week
    sessions = [make_session(d, make_set("barbell-back-squat", rir=0, day=d))]
    c = rir_compliance(MESO, sessions, CAT.get, d)["barbell-back-squat"]
    assert c.on_target == 1 and c.mean_deviation == -1


# --- main lifts -------------------------------------------------------------------------------


def test_main_lifts_are_the_first_exercise_of_each_day():
    assert main_lifts(MESO) == [BENCH, "barbell-back-squat"]
    m = build_mesocycle("upper-lower-4", 4, START)
    assert main_lifts(m) == [
        "barbell-bench-press",
        "barbell-back-squat",
        "incline-dumbbell-press",
        "conventional-deadlift",
    ]


def test_main_lifts_skip_a_day_opening_with_isolation_when_kinds_are_known():
    days = (
        TrainingDay(
            "Arms",
            0,
            (PlannedExercise("dumbbell-curl", 3, 8, 12), PlannedExercise("chin-up", 3, 6, 10)),
        ),
        TrainingDay("Push", 2, (PlannedExercise(BENCH, 3, 5, 8),)),
        TrainingDay("Push 2", 4, (PlannedExercise(BENCH, 3, 5, 8),)),
    )
    m = Mesocycle("B", START, 4, days)
    assert main_lifts(m) == ["dumbbell-curl", BENCH]
    assert main_lifts(m, CAT.get) == ["chin-up", BENCH]


def test_while_the_deload_is_due_sets_are_judged_against_the_last_weeks_target():
    due = START + timedelta(weeks=4)  # the deload is due, not started: last week's plan, RIR 1
    sessions = [make_session(due, make_set(BENCH, rir=1, day=due), make_set(BENCH, rir=4, day=due))]
    c = rir_compliance(MESO, sessions, CAT.get, due)[BENCH]
    assert (c.on_target, c.above) == (1, 1)
    over = START + timedelta(weeks=6)  # never deloaded: the block is over, sets are not judged
    later = [make_session(over, make_set(BENCH, rir=1, day=over))]
    assert rir_compliance(MESO, later, CAT.get, over)[BENCH].total == 0
