from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.mesocycle import (
    DELOAD_RIR, Mesocycle, PlannedExercise, TrainingDay, accumulation_end, accumulation_over,
    default_rir_targets, deload_week_start, end_mesocycle, phase, planned_day, planned_weekly_sets,
    target_rir, target_rir_on, week_label, week_number, with_rir_targets,
)
from tui_tracker.domain.models import Exercise
from tui_tracker.domain.muscles import MUSCLES

START = date(2026, 11, 2)  # a Monday
CAT = Catalogue()
SQUAT = CAT.get("barbell-back-squat")  # high skill
BENCH = CAT.get("barbell-bench-press")  # compound
CURL = CAT.get("dumbbell-curl")  # isolation

UPPER = TrainingDay("Upper", 0, (PlannedExercise("barbell-bench-press", 4, 5, 8),
                                 PlannedExercise("dumbbell-curl", 3, 10, 15)))
LOWER = TrainingDay("Lower", 3, (PlannedExercise("barbell-back-squat", 3, 5, 8),))


def meso(weeks=5, **kw):
    return Mesocycle("Block", START, weeks, (UPPER, LOWER), **kw)


def day(week: int, weekday: int = 0) -> date:
    """The given weekday (0 = Monday) of the block's week."""
    return START + timedelta(weeks=week - 1, days=weekday)


# --- length -----------------------------------------------------------------------------------

@pytest.mark.parametrize("weeks", [2, 7, 0, 1, 12])
def test_block_length_outside_3_to_6_weeks_is_refused_with_the_evidence(weeks):
    with pytest.raises(ValueError) as err:
        meso(weeks)
    message = str(err.value)
    assert "3 to 6 weeks" in message and "deload" in message and "fatigue" in message
    assert str(weeks) in message


@pytest.mark.parametrize("weeks", [3, 4, 5, 6])
def test_block_lengths_3_to_6_are_accepted(weeks):
    m = meso(weeks)
    assert m.weeks == weeks and len(m.rir_targets) == weeks


def test_days_need_distinct_names_and_weekdays():
    with pytest.raises(ValueError, match="distinct names"):
        Mesocycle("B", START, 4, (UPPER, replace(LOWER, name="upper")))
    with pytest.raises(ValueError, match="same weekday"):
        Mesocycle("B", START, 4, (UPPER, replace(LOWER, weekday=0)))
    with pytest.raises(ValueError, match="at least one"):
        Mesocycle("B", START, 4, ())
    with pytest.raises(ValueError, match="name"):
        Mesocycle(" ", START, 4, (UPPER,))


@pytest.mark.parametrize("args", [("x", 0, 5, 8), ("x", 11, 5, 8), ("x", 3, 0, 8), ("x", 3, 9, 8),
                                  ("x", 3, 5, 51), ("", 3, 5, 8)])
def test_planned_exercise_is_validated(args):
    with pytest.raises(ValueError):
        PlannedExercise(*args)


def test_planned_exercise_bounds_are_inclusive():
    assert PlannedExercise("x", 1, 1, 1).reps_text == "1 x 1"
    assert PlannedExercise("x", 10, 1, 50).reps_text == "10 x 1-50"


@pytest.mark.parametrize("weekday", [-1, 7])
def test_training_day_weekday_is_monday_to_sunday(weekday):
    with pytest.raises(ValueError):
        TrainingDay("Day", weekday, ())


# --- weeks ------------------------------------------------------------------------------------

def test_week_number_counts_7_day_weeks_from_start():
    m = meso()
    assert week_number(m, START - timedelta(days=1)) is None
    assert week_number(m, START) == 1
    assert week_number(m, START + timedelta(days=6)) == 1
    assert week_number(m, START + timedelta(days=7)) == 2
    assert week_number(m, day(6)) == 6


def test_week_one_starts_on_any_weekday():
    m = Mesocycle("B", date(2026, 11, 4), 3, (UPPER,))  # a Wednesday
    assert week_number(m, date(2026, 11, 10)) == 1
    assert week_number(m, date(2026, 11, 11)) == 2


@pytest.mark.parametrize("weeks", [3, 4, 5, 6])
def test_accumulation_over_only_after_the_last_accumulation_week(weeks):
    m = meso(weeks)
    last = START + timedelta(days=7 * weeks - 1)
    assert accumulation_end(m) == last
    assert not accumulation_over(m, last)
    assert accumulation_over(m, last + timedelta(days=1))


def test_week_labels_through_the_block():
    m = meso(5)
    assert week_label(m, START - timedelta(days=1)) == "Starts tomorrow"
    assert week_label(m, START - timedelta(days=3)) == "Starts in 3 days"
    assert week_label(m, START) == "Week 1 of 5"
    assert week_label(m, day(5, 6)) == "Week 5 of 5"
    assert week_label(m, day(6)) == "Deload week"
    assert week_label(m, day(6, 6)) == "Deload week"
    assert week_label(m, day(7)) == "Past planned end"
    assert week_label(end_mesocycle(m, day(7)), day(7)) == "Ended"


def test_early_deload_moves_the_deload_week():
    m = meso(6, deload_start=day(4, 2))
    assert phase(m, day(4, 1)) == "accumulation"
    assert week_label(m, day(4, 2)) == "Deload week"
    assert week_label(m, day(5, 1)) == "Deload week"
    assert week_label(m, day(5, 2)) == "Deload done"


def test_postponed_deload_keeps_accumulating_then_deloads():
    m = meso(4, postponed_until=day(5, 2))
    assert deload_week_start(m) == day(5, 3)
    assert phase(m, day(5, 2)) == "accumulation"
    assert week_label(m, day(5, 2)) == "Week 5, deload postponed"
    assert phase(m, day(5, 3)) == "deload"
    assert phase(m, day(6, 2)) == "deload" and phase(m, day(6, 3)) == "after"


def test_postponement_ending_before_the_planned_deload_changes_nothing():
    m = meso(4, postponed_until=day(3))
    assert deload_week_start(m) == day(5)


# --- RIR targets ------------------------------------------------------------------------------

@pytest.mark.parametrize("weeks,expected", [
    (3, (3, 2, 1)), (4, (3, 3, 2, 1)), (5, (3, 3, 2, 2, 1)), (6, (3, 3, 2, 2, 1, 1))])
def test_default_rir_targets_step_from_3_to_1(weeks, expected):
    assert default_rir_targets(weeks) == expected
    assert meso(weeks).rir_targets == expected


@pytest.mark.parametrize("weeks", [3, 4, 5, 6])
def test_default_rir_targets_never_rise_and_use_each_of_3_2_1(weeks):
    t = default_rir_targets(weeks)
    assert all(a >= b for a, b in zip(t, t[1:]))
    assert set(t) == {1, 2, 3} and t[0] == 3 and t[-1] == 1


@pytest.mark.parametrize("weeks", [2, 7])
def test_default_rir_targets_refuse_bad_lengths(weeks):
    with pytest.raises(ValueError, match="3 to 6 weeks"):
        default_rir_targets(weeks)


def test_working_sets_follow_the_week_target():
    m = meso(5)  # 3,3,2,2,1
    assert [target_rir(m, w, BENCH, False) for w in range(1, 6)] == [3, 3, 2, 2, 1]
    assert [target_rir(m, w, SQUAT, True) for w in range(1, 6)] == [3, 3, 2, 2, 1]


def test_isolation_and_final_sets_reach_failure_only_in_the_last_week():
    m = meso(5)
    for w in range(1, 5):
        assert target_rir(m, w, CURL, False) == m.rir_targets[w - 1] > 0
        assert target_rir(m, w, BENCH, True) == m.rir_targets[w - 1] > 0
    assert target_rir(m, 5, CURL, False) == 0
    assert target_rir(m, 5, BENCH, True) == 0
    assert target_rir(m, 5, BENCH, False) == 1


def test_deload_week_target_is_4():
    m = meso(4)
    assert DELOAD_RIR == 4
    for ex in (BENCH, SQUAT, CURL):
        assert target_rir(m, 5, ex, True) == 4


def test_week_zero_is_refused():
    with pytest.raises(ValueError):
        target_rir(meso(), 0, BENCH, False)


@given(st.integers(3, 6).flatmap(lambda w: st.tuples(
    st.just(w), st.lists(st.integers(0, 5), min_size=w, max_size=w), st.integers(1, w + 1),
    st.booleans())))
def test_high_skill_lifts_never_go_below_1(case):
    weeks, targets, week, final = case
    m = with_rir_targets(meso(weeks), targets)
    assert target_rir(m, week, SQUAT, final) >= 1
    assert target_rir(m, week, BENCH, final) >= 0


@given(st.integers(3, 6), st.integers(0, 60), st.booleans())
def test_target_on_a_day_matches_its_week(weeks, offset, final):
    m = meso(weeks)
    today = START + timedelta(days=offset)
    got = target_rir_on(m, today, BENCH, final)
    week = week_number(m, today)
    if week <= weeks:
        assert got == target_rir(m, week, BENCH, final)
    elif week == weeks + 1:
        assert got == 4
    else:
        assert got is None


def test_target_before_start_is_none():
    assert target_rir_on(meso(), START - timedelta(days=1), BENCH, False) is None


def test_postponed_days_keep_the_last_week_target():
    m = meso(4, postponed_until=day(5, 6))
    assert target_rir_on(m, day(5, 2), BENCH, False) == 1
    assert target_rir_on(m, day(6), BENCH, False) == 4


def test_rir_targets_can_be_edited_within_0_to_5():
    m = with_rir_targets(meso(3), [4, 2, 0])
    assert m.rir_targets == (4, 2, 0)
    with pytest.raises(ValueError, match="one RIR target per"):
        with_rir_targets(m, [3, 2])
    with pytest.raises(ValueError, match="0 to 5"):
        with_rir_targets(m, [3, 2, 6])
    with pytest.raises(ValueError, match="0 to 5"):
        with_rir_targets(m, [3, -1, 1])


# --- plan -------------------------------------------------------------------------------------

def test_planned_weekly_sets_count_like_logged_sets():
    v = planned_weekly_sets(meso(), CAT.get)
    assert list(v) == list(MUSCLES)
    assert v["chest"].sets == 4 and v["chest"].sessions == 1
    assert v["triceps"].sets == 2.0 and v["triceps"].sessions == 1  # secondary work counts too
    assert v["biceps"].sets == 3
    assert v["quads"].sets == 3 and v["glutes"].sets == 3
    assert v["chest"].status == "below" and v["chest"].single_session
    assert v["calves"].sets == 0 and not v["calves"].single_session


def test_planned_weekly_sets_count_days_and_band():
    days = (TrainingDay("A", 0, (PlannedExercise("dumbbell-curl", 5, 8, 12),)),
            TrainingDay("B", 3, (PlannedExercise("dumbbell-curl", 5, 8, 12),
                                 PlannedExercise("mystery", 3, 8, 12))))
    v = planned_weekly_sets(Mesocycle("B", START, 4, days), CAT.get)["biceps"]
    assert v.sets == 10 and v.sessions == 2 and v.status == "within" and not v.single_session


def test_planned_days_count_for_every_muscle_given_credit_like_logged_sessions():
    """Bench on Monday, incline press on Thursday: front delts are trained on two days."""
    days = (TrainingDay("Mon", 0, (PlannedExercise("barbell-bench-press", 4, 5, 8),)),
            TrainingDay("Thu", 3, (PlannedExercise("incline-barbell-bench-press", 4, 5, 8),)))
    v = planned_weekly_sets(Mesocycle("B", START, 4, days), CAT.get)["front_delts"]
    assert v.sets == 4.0 and v.sessions == 2 and not v.single_session


def test_planned_sets_never_count_twice_for_one_muscle():
    class Listed:  # an exercise as old data might hold it, past the constructor's checks
        primary, secondary = ("side_delts", "side_delts"), ("side_delts",)

    m = Mesocycle("B", START, 4, (TrainingDay("A", 0, (PlannedExercise("odd", 3, 8, 12),)),))
    assert planned_weekly_sets(m, {"odd": Listed()}.get)["side_delts"].sets == 3.0


def test_planned_weekly_sets_accept_own_targets():
    v = planned_weekly_sets(meso(), CAT.get, {"chest": (2, 4)})
    assert v["chest"].status == "within" and v["back"].target == (10, 16)


def test_planned_day_is_todays_weekday():
    m = meso(4)
    assert planned_day(m, day(2, 0)) == UPPER
    assert planned_day(m, day(2, 3)) == LOWER
    assert planned_day(m, day(2, 1)) is None  # rest day
    assert planned_day(m, START - timedelta(days=7)) is None


def test_planned_day_in_deload_week_is_the_deload_version():
    m = meso(4)
    assert planned_day(m, day(4, 0)) == UPPER  # last accumulation week
    deload = planned_day(m, day(5, 0))
    assert deload.name == "Upper"
    assert [p.sets for p in deload.exercises] == [2, 2]
    assert [p.exercise_id for p in deload.exercises] == ["barbell-bench-press", "dumbbell-curl"]
    assert planned_day(m, day(6, 0)) is None  # past planned end


def test_ended_block_plans_nothing():
    m = end_mesocycle(meso(4), day(2))
    assert planned_day(m, day(2)) is None and phase(m, day(2)) == "ended"
    assert planned_day(m, day(1)) == UPPER


def test_exercise_ids_in_plan_order_without_repeats():
    days = (UPPER, replace(LOWER, exercises=LOWER.exercises + UPPER.exercises))
    assert Mesocycle("B", START, 4, days).exercise_ids() == [
        "barbell-bench-press", "dumbbell-curl", "barbell-back-squat"]


def test_custom_exercise_lookup_is_used():
    mine = Exercise("custom-sled", "Sled Push", ("quads",), ("calves",))
    m = Mesocycle("B", START, 4, (TrainingDay("A", 0, (PlannedExercise("custom-sled", 4, 1, 1),)),))
    v = planned_weekly_sets(m, {"custom-sled": mine}.get)
    assert v["quads"].sets == 4 and v["calves"].sets == 2


# --- which block is active --------------------------------------------------------------------

from tui_tracker.domain.mesocycle import active_mesocycle, supersede  # noqa: E402


def test_active_is_the_latest_started_open_block_else_the_next_planned():
    old = Mesocycle("Old", START, 4, (UPPER, LOWER))
    new = Mesocycle("New", START + timedelta(weeks=5), 4, (UPPER, LOWER))
    assert active_mesocycle([], START) is None
    assert active_mesocycle([old, new], START - timedelta(days=1)) == old  # upcoming
    assert active_mesocycle([old, new], START + timedelta(weeks=5, days=-1)) == old
    assert active_mesocycle([old, new], START + timedelta(weeks=5)) == new
    ended = end_mesocycle(old, START + timedelta(days=10))
    assert active_mesocycle([ended], START + timedelta(days=9)) == ended
    assert active_mesocycle([ended], START + timedelta(days=10)) is None


def test_a_new_block_closes_the_open_ones_on_its_start_day():
    old = Mesocycle("Old", START, 4, (UPPER, LOWER))
    done = end_mesocycle(Mesocycle("Done", START - timedelta(weeks=8), 4, (UPPER,)),
                         START - timedelta(weeks=2))
    new = Mesocycle("New", START + timedelta(weeks=5), 4, (UPPER, LOWER))
    closed = supersede([done, old, new], new)
    assert [m.name for m in closed] == ["Old"]
    assert closed[0].ended == new.start
    assert active_mesocycle([done, *closed, new], new.start) == new
    assert supersede([new], new) == []


def test_week_target_rir_across_the_block():
    from tui_tracker.domain.deload import postpone_deload
    from tui_tracker.domain.mesocycle import week_target_rir

    m = meso(5)  # targets 3, 3, 2, 2, 1
    assert week_target_rir(m, START - timedelta(days=1)) is None
    assert [week_target_rir(m, day(w)) for w in range(1, 6)] == [3, 3, 2, 2, 1]
    assert week_target_rir(m, day(6)) == DELOAD_RIR
    assert week_target_rir(m, day(7)) is None  # after the deload week
    late = postpone_deload(m, day(6, 6))
    assert week_target_rir(late, day(6)) == 1  # postponed: the last week's target
