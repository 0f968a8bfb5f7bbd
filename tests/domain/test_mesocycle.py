from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.mesocycle import (
    DELOAD_RIR,
    Mesocycle,
    PlannedExercise,
    TrainingDay,
    accumulation_end,
    accumulation_over,
    default_rir_targets,
    end_mesocycle,
    phase,
    planned_day,
    week_label,
    week_number,
)
from tui_tracker.domain.rir_targets import target_rir, target_rir_on, with_rir_targets
from tui_tracker.domain.volume import planned_weekly_sets
from tui_tracker.domain.models import Exercise
from tui_tracker.domain.muscles import MUSCLES

START = date(2026, 11, 2)  # a Monday
CAT = Catalogue()
SQUAT = CAT.get("barbell-back-squat")  # high skill
BENCH = CAT.get("barbell-bench-press")  # compound
CURL = CAT.get("dumbbell-curl")  # isolation

UPPER = TrainingDay(
    "Upper",
    0,
    (PlannedExercise("barbell-bench-press", 4, 5, 8), PlannedExercise("dumbbell-curl", 3, 10, 15)),
)
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


@pytest.mark.parametrize(
    "args",
    [
        ("x", 0, 5, 8),
        ("x", 11, 5, 8),
        ("x", 3, 0, 8),
        ("x", 3, 9, 8),
        ("x", 3, 5, 51),
        ("", 3, 5, 8),
    ],
)
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
    assert week_label(m, day(6)) == "Week 6, deload due"
    assert week_label(m, day(7, 6)) == "Week 7, deload due"
    assert week_label(m, day(8)) == "Over, no deload"
    deloaded = replace(m, deload_start=day(6, 1))
    assert week_label(deloaded, day(6)) == "Week 6, deload due"
    assert week_label(deloaded, day(6, 1)) == week_label(deloaded, day(7)) == "Deload week"
    assert week_label(deloaded, day(7, 1)) == "Deload done"
    assert week_label(end_mesocycle(m, day(7)), day(7)) == "Ended"
    assert week_label(end_mesocycle(m, START), START - timedelta(days=1)) == "Cancelled"


def test_early_deload_moves_the_deload_week():
    m = meso(6, deload_start=day(4, 2))
    assert phase(m, day(4, 1)) == "accumulation"
    assert week_label(m, day(4, 2)) == "Deload week"
    assert week_label(m, day(5, 1)) == "Deload week"
    assert week_label(m, day(5, 2)) == "Deload done"


@pytest.mark.parametrize(
    "weeks,expected",
    [(3, (3, 2, 1)), (4, (3, 3, 2, 1)), (5, (3, 3, 2, 2, 1)), (6, (3, 3, 2, 2, 1, 1))],
)
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


def test_a_last_week_at_1_plans_no_failure():
    m = meso(5)  # 3,3,2,2,1: the default asks for 1 in the last week, and gets it
    for ex in (CURL, BENCH, SQUAT):
        for final in (False, True):
            assert target_rir(m, 5, ex, final, planned_sets=4) == 1


def test_a_last_week_at_0_takes_only_allowed_final_sets_to_failure():
    m = with_rir_targets(meso(5), [3, 3, 2, 1, 0])
    for w in range(1, 5):
        assert target_rir(m, w, CURL, True, 3) == m.rir_targets[w - 1] > 0
        assert target_rir(m, w, BENCH, True, 4) == m.rir_targets[w - 1] > 0
    assert target_rir(m, 5, CURL, True, 3) == 0  # isolation, final of 3
    assert target_rir(m, 5, BENCH, True, 4) == 0  # compound, final of 4
    assert target_rir(m, 5, CURL, False, 3) == 1  # not the final set
    assert target_rir(m, 5, BENCH, False, 4) == 1
    assert target_rir(m, 5, CURL, True, 2) == 1  # final of 2: half the exercise's sets
    assert target_rir(m, 5, CURL, True) == 1  # set count unknown: no failure planned
    assert target_rir(m, 5, SQUAT, True, 4) == 1  # high skill: never


def test_deload_week_target_is_4():
    m = meso(4)
    assert DELOAD_RIR == 4
    for ex in (BENCH, SQUAT, CURL):
        assert target_rir(m, 5, ex, True) == 4


def test_week_zero_is_refused():
    with pytest.raises(ValueError):
        target_rir(meso(), 0, BENCH, False)


@given(
    st.integers(3, 6).flatmap(
        lambda w: st.tuples(
            st.just(w),
            st.lists(st.integers(0, 5), min_size=w, max_size=w),
            st.integers(1, w + 1),
            st.booleans(),
            st.one_of(st.none(), st.integers(1, 10)),
        )
    )
)
def test_failure_only_in_the_last_week_on_allowed_final_sets_whatever_is_stored(case):
    weeks, targets, week, final, sets = case
    m = meso(weeks, rir_targets=tuple(targets))  # what older versions may have stored
    assert target_rir(m, week, SQUAT, final, sets) >= 1
    got = target_rir(m, week, BENCH, final, sets)
    if got == 0:
        assert week == weeks and final and sets >= 3 and targets[-1] == 0


@given(st.integers(3, 6), st.integers(0, 60), st.booleans())
def test_target_on_a_day_matches_its_week(weeks, offset, final):
    m = meso(weeks)
    today = START + timedelta(days=offset)
    got = target_rir_on(m, today, BENCH, final)
    week = week_number(m, today)
    if week <= weeks:
        assert got == target_rir(m, week, BENCH, final)
    elif offset < 7 * weeks + 14:  # the deload is due, not started: the last week carries on
        assert got == target_rir(m, weeks, BENCH, final)
    else:  # never started: the block is over
        assert got is None
    started = replace(m, deload_start=START + timedelta(weeks=weeks))
    if 7 * weeks <= offset < 7 * weeks + 7:
        assert target_rir_on(started, today, BENCH, final) == DELOAD_RIR


def test_target_before_start_is_none():
    assert target_rir_on(meso(), START - timedelta(days=1), BENCH, False) is None


def test_postponed_days_keep_the_last_week_target():
    m = meso(4, postponed_until=day(5, 6))
    assert target_rir_on(m, day(5, 2), BENCH, False) == 1
    assert target_rir_on(m, day(6), BENCH, False) == 1  # due, not started
    assert target_rir_on(replace(m, deload_start=day(6)), day(6), BENCH, False) == 4


def test_rir_targets_can_be_edited_within_0_to_4():
    m = with_rir_targets(meso(3), [4, 2, 0])
    assert m.rir_targets == (4, 2, 0)
    with pytest.raises(ValueError, match="one RIR target per"):
        with_rir_targets(m, [3, 2])
    with pytest.raises(ValueError, match="not a hard set"):
        with_rir_targets(m, [3, 2, 6])
    with pytest.raises(ValueError, match="0 to 4"):
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
    days = (
        TrainingDay("A", 0, (PlannedExercise("dumbbell-curl", 5, 8, 12),)),
        TrainingDay(
            "B",
            3,
            (PlannedExercise("dumbbell-curl", 5, 8, 12), PlannedExercise("mystery", 3, 8, 12)),
        ),
    )
    v = planned_weekly_sets(Mesocycle("B", START, 4, days), CAT.get)["biceps"]
    assert v.sets == 10 and v.sessions == 2 and v.status == "within" and not v.single_session


def test_planned_days_count_for_every_muscle_given_credit_like_logged_sessions():
    """Bench on Monday, incline press on Thursday: front delts are trained on two days."""
    days = (
        TrainingDay("Mon", 0, (PlannedExercise("barbell-bench-press", 4, 5, 8),)),
        TrainingDay("Thu", 3, (PlannedExercise("incline-barbell-bench-press", 4, 5, 8),)),
    )
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
    m = meso(4, deload_start=day(5))
    assert planned_day(m, day(4, 0)) == UPPER  # last accumulation week
    deload = planned_day(m, day(5, 0))
    assert deload.name == "Upper"
    assert [p.sets for p in deload.exercises] == [2, 2]
    assert [p.exercise_id for p in deload.exercises] == ["barbell-bench-press", "dumbbell-curl"]
    assert planned_day(m, day(6, 0)) is None  # the deload week is done


def test_ended_block_plans_nothing():
    m = end_mesocycle(meso(4), day(2))
    assert planned_day(m, day(2)) is None and phase(m, day(2)) == "ended"
    assert planned_day(m, day(1)) == UPPER


def test_exercise_ids_in_plan_order_without_repeats():
    days = (UPPER, replace(LOWER, exercises=LOWER.exercises + UPPER.exercises))
    assert Mesocycle("B", START, 4, days).exercise_ids() == [
        "barbell-bench-press",
        "dumbbell-curl",
        "barbell-back-squat",
    ]


def test_custom_exercise_lookup_is_used():
    mine = Exercise("custom-sled", "Sled Push", ("quads",), ("calves",))
    m = Mesocycle("B", START, 4, (TrainingDay("A", 0, (PlannedExercise("custom-sled", 4, 1, 1),)),))
    v = planned_weekly_sets(m, {"custom-sled": mine}.get)
    assert v["quads"].sets == 4 and v["calves"].sets == 2


# --- which block is active --------------------------------------------------------------------

from tui_tracker.domain.blocks import supersede  # noqa: E402
from tui_tracker.domain.mesocycle import active_mesocycle  # noqa: E402


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
    done = end_mesocycle(
        Mesocycle("Done", START - timedelta(weeks=8), 4, (UPPER,)), START - timedelta(weeks=2)
    )
    new = Mesocycle("New", START + timedelta(weeks=5), 4, (UPPER, LOWER))
    closed = supersede([done, old, new], new)
    assert [m.name for m in closed] == ["Old"]
    assert closed[0].ended == new.start
    assert active_mesocycle([done, *closed, new], new.start) == new
    assert supersede([new], new) == []


def test_week_target_rir_across_the_block():
    from tui_tracker.domain.deload import postpone_deload
    from tui_tracker.domain.rir_targets import week_target_rir

    m = meso(5)  # targets 3, 3, 2, 2, 1
    assert week_target_rir(m, START - timedelta(days=1)) is None
    assert [week_target_rir(m, day(w)) for w in range(1, 6)] == [3, 3, 2, 2, 1]
    assert week_target_rir(m, day(6)) == 1  # the deload is due, not started
    assert week_target_rir(m, day(8)) is None  # never started: the block is over
    deloaded = replace(m, deload_start=day(6))
    assert week_target_rir(deloaded, day(6)) == DELOAD_RIR
    assert week_target_rir(deloaded, day(7)) is None  # after the deload week
    late = postpone_deload(m, day(6, 6), day(6))
    assert week_target_rir(late, day(6)) == 1  # postponed: the last week's target


# --- the deload starts when the lifter starts it ----------------------------------------------
# meso(4) from Mon 2 Nov: weeks 1-4 end Sun 29 Nov; week 6 ends Sun 13 Dec.


def test_after_the_planned_weeks_the_deload_is_due_not_begun():
    m = meso(4)
    assert phase(m, day(4, 6)) == "accumulation" and week_label(m, day(4, 6)) == "Week 4 of 4"
    assert phase(m, day(5, 0)) == "deload_due"
    assert week_label(m, day(5, 0)) == "Week 5, deload due"
    assert phase(m, day(6, 6)) == "deload_due" and week_label(m, day(6, 6)) == "Week 6, deload due"


def test_while_the_deload_is_due_today_repeats_the_last_accumulation_week():
    m = meso(4)  # targets 3, 3, 2, 1
    assert planned_day(m, day(5, 0)) == UPPER  # the full plan, not the deload version
    assert planned_day(m, day(6, 3)) == LOWER
    assert target_rir_on(m, day(5, 0), BENCH, False) == 1
    last_at_0 = with_rir_targets(m, [3, 3, 2, 0])
    assert target_rir_on(last_at_0, day(5, 0), CURL, True) == 0  # the last week's rule holds
    assert target_rir_on(last_at_0, day(5, 0), CURL, False) == 1
    assert target_rir_on(last_at_0, day(5, 3), SQUAT, True) == 1
    from tui_tracker.domain.rir_targets import week_target_rir

    assert week_target_rir(m, day(5, 0)) == 1 and week_target_rir(m, day(6, 6)) == 1


def test_a_started_deload_runs_seven_days_from_the_day_it_was_started():
    m = meso(4, deload_start=day(5, 2))
    assert phase(m, day(5, 1)) == "deload_due"
    assert phase(m, day(5, 2)) == "deload" and phase(m, day(6, 1)) == "deload"
    assert phase(m, day(6, 2)) == "after" and week_label(m, day(6, 2)) == "Deload done"
    assert [p.sets for p in planned_day(m, day(6, 0)).exercises] == [2, 2]
    assert target_rir_on(m, day(5, 3), SQUAT, True) == DELOAD_RIR


def test_a_deload_never_started_ends_the_block_two_weeks_after_it_fell_due():
    m = meso(4)
    assert phase(m, day(6, 6)) == "deload_due"
    assert phase(m, day(7, 0)) == "lapsed"
    assert week_label(m, day(7, 0)) == "Over, no deload"
    assert planned_day(m, day(7, 0)) is None and target_rir_on(m, day(7, 0), BENCH, False) is None


def test_a_postponed_deload_falls_due_after_the_postponement():
    m = meso(4, postponed_until=day(5, 2))
    assert phase(m, day(5, 2)) == "postponed"
    assert week_label(m, day(5, 2)) == "Week 5, deload postponed"
    assert target_rir_on(m, day(5, 2), BENCH, False) == 1
    assert phase(m, day(5, 3)) == "deload_due"
    assert phase(m, day(7, 2)) == "deload_due" and phase(m, day(7, 3)) == "lapsed"


def test_a_postponement_is_honoured_through_week_6_only():
    m = meso(4, postponed_until=date(2027, 3, 1))  # stored by an older version
    assert phase(m, day(6, 6)) == "postponed"
    assert phase(m, day(7, 0)) == "deload_due"
    assert phase(m, day(8, 6)) == "deload_due" and phase(m, day(9, 0)) == "lapsed"


def test_a_postponement_ending_within_the_planned_weeks_changes_nothing():
    m = meso(4, postponed_until=day(3))
    assert phase(m, day(5, 0)) == "deload_due" and phase(m, day(7, 0)) == "lapsed"


def test_six_week_block_is_due_in_week_7_and_over_in_week_9():
    m = meso(6)
    assert phase(m, day(6, 6)) == "accumulation" and phase(m, day(7, 0)) == "deload_due"
    assert phase(m, day(8, 6)) == "deload_due" and phase(m, day(9, 0)) == "lapsed"


# --- dates at the ends of the calendar --------------------------------------------------------


def test_a_postponement_to_the_last_day_of_the_calendar_does_not_crash():
    m = meso(4, postponed_until=date.max)
    assert phase(m, day(7, 0)) == "deload_due"
    assert week_label(m, day(7, 0)) == "Week 7, deload due"


EDGE_DAYS = st.one_of(
    st.dates(),
    st.sampled_from(
        [date.min, date.max, date.max - timedelta(days=3), date.min + timedelta(days=3)]
    ),
)


@given(
    start=EDGE_DAYS,
    today=EDGE_DAYS,
    weeks=st.integers(3, 6),
    deload_start=st.none() | EDGE_DAYS,
    postponed=st.none() | EDGE_DAYS,
    ended=st.none() | EDGE_DAYS,
    final=st.booleans(),
)
def test_no_stored_date_makes_the_block_arithmetic_crash(
    start, today, weeks, deload_start, postponed, ended, final
):
    from tui_tracker.domain.deload import deload_decision, next_block_due
    from tui_tracker.domain.rir_targets import week_target_rir
    from tui_tracker.domain.progress import rir_compliance
    from tui_tracker.domain.workout import todays_workout
    from tests.conftest import make_session, make_set

    m = Mesocycle(
        "B",
        start,
        weeks,
        (UPPER, LOWER),
        deload_start=deload_start,
        postponed_until=postponed,
        ended=ended,
    )
    p = phase(m, today)
    assert isinstance(week_label(m, today), str)
    week_target_rir(m, today)
    target_rir_on(m, today, CURL, final)
    planned_day(m, today)
    todays_workout(m, today, CAT.get)
    sessions = [make_session(today, make_set("barbell-bench-press", 100, 5, 0, today))] * 3
    d = deload_decision(m, sessions, CAT.get, today)
    assert d.due == (p == "deload_due") or d.reason == "fatigue"
    next_block_due(m, today)
    rir_compliance(m, sessions, CAT.get, today)
    active_mesocycle([m], today)


# --- one block at a time ----------------------------------------------------------------------


def start_block(mesos, new):
    """The blocks as the store holds them after `new` is saved with what it closes."""
    by_id = {m.id: m for m in mesos}
    by_id.update((m.id, m) for m in [*supersede(mesos, new), new])
    return list(by_id.values())


def open_on(mesos, today):
    """The blocks that could steer `today` or a later day."""
    return [m for m in mesos if m.ended is None or (m.ended > today and m.ended > m.start)]


def test_a_new_block_before_an_upcoming_one_cancels_it():
    upcoming = Mesocycle("Winter", START + timedelta(weeks=3), 4, (UPPER, LOWER))
    new = Mesocycle("Now", START, 4, (UPPER, LOWER))
    closed = supersede([upcoming], new)
    assert [m.id for m in closed] == [upcoming.id]
    after = start_block([upcoming], new)
    for offset in (0, 21, 40, 90):
        assert active_mesocycle(after, START + timedelta(days=offset)) == new
    assert open_on(after, START) == [new]
    assert phase(closed[0], START + timedelta(weeks=3)) == "ended"
    assert week_label(closed[0], START) == "Cancelled"


def test_a_new_block_after_an_upcoming_one_ends_it_when_it_starts():
    upcoming = Mesocycle("Winter", START + timedelta(weeks=1), 4, (UPPER, LOWER))
    new = Mesocycle("Spring", START + timedelta(weeks=4), 4, (UPPER, LOWER))
    [closed] = supersede([upcoming], new)
    assert closed.ended == new.start
    assert active_mesocycle([closed, new], START + timedelta(weeks=3)) == closed
    assert active_mesocycle([closed, new], START + timedelta(weeks=4)) == new


def test_a_new_block_dated_before_the_running_one_replaces_it():
    running = Mesocycle("Running", START, 4, (UPPER, LOWER))
    earlier = Mesocycle("Earlier", START - timedelta(days=3), 4, (UPPER, LOWER))
    [closed] = supersede([running], earlier)
    assert closed.id == running.id and closed.ended == earlier.start
    after = start_block([running], earlier)
    assert active_mesocycle(after, START + timedelta(days=5)) == earlier
    assert open_on(after, START) == [earlier]


def test_a_same_day_restart_replaces_the_block():
    running = Mesocycle("Wrong template", START, 4, (UPPER,), id="f" * 32)
    again = Mesocycle("Right one", START, 5, (UPPER, LOWER), id="0" * 32)  # sorts first
    after = start_block([running], again)
    assert active_mesocycle(after, START) == again and open_on(after, START) == [again]


def test_a_block_whose_span_is_over_is_refused():
    from tui_tracker.domain.blocks import check_start

    today = date(2026, 11, 20)
    m = Mesocycle("Old", today - timedelta(weeks=5), 4, (UPPER,))  # 4 weeks + deload: over
    with pytest.raises(ValueError, match=r"over by 2026-11-19.*2026-10-17 or later"):
        check_start(m, today)
    check_start(replace(m, start=date(2026, 10, 17)), today)  # its deload week ends today
    check_start(replace(m, start=today + timedelta(days=400)), today)


@pytest.mark.parametrize(
    "targets, reason",
    [
        ([0, 1, 1], "only in the last week"),
        ([1, 2, 3], "fall or hold"),
        ([2, 1, 2], "fall or hold"),
        ([5, 3, 1], "not a hard set"),
    ],
)
def test_rir_targets_that_contradict_the_evidence_are_refused(targets, reason):
    with pytest.raises(ValueError, match=reason):
        with_rir_targets(meso(3), targets)


# --- the block's weeks (the dashboard's columns) ----------------------------------------------


def test_block_weeks_follow_the_start_not_the_calendar():
    from tui_tracker.domain.volume import block_weeks

    wednesday = START + timedelta(days=2)
    m = Mesocycle("Block", wednesday, 4, (UPPER, LOWER))
    assert block_weeks(m.start, m.deload_start, wednesday - timedelta(days=1)) == []
    spans = block_weeks(m.start, m.deload_start, wednesday + timedelta(days=15))  # week 3
    assert [(s.label, s.first, s.last) for s in spans] == [
        ("W1", date(2026, 11, 4), date(2026, 11, 10)),
        ("W2", date(2026, 11, 11), date(2026, 11, 17)),
        ("W3", date(2026, 11, 18), date(2026, 11, 24)),
    ]
    assert date(2026, 11, 10) in spans[0] and date(2026, 11, 11) not in spans[0]


def test_block_weeks_run_on_past_the_plan_then_the_deload_week_and_after():
    from tui_tracker.domain.volume import block_weeks

    m = meso(3, deload_start=day(5, 2))  # deload due from week 4; started on its Wednesday
    spans = block_weeks(m.start, m.deload_start, day(7, 0))
    assert [s.label for s in spans] == ["W1", "W2", "W3", "W4", "W5", "DL", "+1"]
    w5, dl, after = spans[4:]
    assert (w5.first, w5.last) == (day(5, 0), day(5, 1))  # cut short the day before the deload
    assert (dl.first, dl.last) == (day(5, 2), day(6, 1))
    assert (after.first, after.last) == (day(6, 2), day(7, 1))


@given(st.integers(3, 6), st.integers(0, 80), st.one_of(st.none(), st.integers(0, 60)))
def test_block_weeks_cover_every_day_from_the_start_once(weeks, offset, deload_after):
    from tui_tracker.domain.volume import block_weeks

    deload = START + timedelta(days=deload_after) if deload_after is not None else None
    m = meso(weeks, deload_start=deload)
    today = START + timedelta(days=offset)
    spans = block_weeks(m.start, m.deload_start, today)
    days = [START + timedelta(days=i) for i in range(offset + 1)]
    assert all(sum(d in s for s in spans) == 1 for d in days)
    assert all(s.first <= s.last and (s.last - s.first).days <= 6 for s in spans)
    assert today in spans[-1]


def test_block_weeks_stop_at_the_end_of_the_calendar():
    from tui_tracker.domain.volume import block_weeks

    m = Mesocycle("Block", date(9999, 12, 20), 3, (UPPER, LOWER))
    assert block_weeks(m.start, m.deload_start, date.max)[-1].last == date.max
