from datetime import date, timedelta

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.deload import start_deload
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.workout import Slot, todays_workout

START = date(2026, 11, 2)  # Monday
CAT = Catalogue()
UPPER = TrainingDay(
    "Upper",
    0,
    (PlannedExercise("barbell-bench-press", 4, 5, 8), PlannedExercise("dumbbell-curl", 3, 10, 15)),
)
LOWER = TrainingDay(
    "Lower",
    3,
    (PlannedExercise("barbell-back-squat", 3, 5, 5), PlannedExercise("gone-exercise", 3, 5, 5)),
)
MESO = Mesocycle("Block", START, 3, (UPPER, LOWER))
#: The same block with its last week at 0: failure on allowed final sets.
TO_FAILURE = Mesocycle("Block", START, 3, (UPPER, LOWER), rir_targets=(3, 2, 0))


def test_no_block_no_workout():
    assert todays_workout(None, START, CAT.get) is None


def test_week_one_targets_rir_3_for_every_set():
    w = todays_workout(MESO, START, CAT.get)
    assert (w.day_name, w.week_label, w.deload) == ("Upper", "Week 1 of 3", False)
    assert [s.target_text for s in w.slots] == ["4x5-8 @3", "3x10-15 @3"]


def test_a_last_week_at_1_plans_every_set_at_1():
    monday = START + timedelta(weeks=2)
    w = todays_workout(MESO, monday, CAT.get)
    assert [s.target_text for s in w.slots] == ["4x5-8 @1", "3x10-15 @1"]


def test_a_last_week_at_0_lets_final_sets_reach_failure_but_not_squats():
    monday = START + timedelta(weeks=2)
    w = todays_workout(TO_FAILURE, monday, CAT.get)
    assert [s.target_text for s in w.slots] == ["4x5-8 @1, last @0", "3x10-15 @1, last @0"]
    assert [s.short_text for s in w.slots] == ["4x5-8 @1/0", "3x10-15 @1/0"]
    squat = todays_workout(TO_FAILURE, monday + timedelta(days=3), CAT.get)
    assert [s.target_text for s in squat.slots] == ["3x5 @1"]  # unknown exercise left out


def test_rest_day_has_a_label_but_no_slots():
    w = todays_workout(MESO, START + timedelta(days=1), CAT.get)
    assert w.day_name is None and w.slots == () and w.week_label == "Week 1 of 3"


def test_deload_week_halves_sets_at_rir_4():
    meso = start_deload(MESO, START + timedelta(weeks=3))
    w = todays_workout(meso, START + timedelta(weeks=3), CAT.get)
    assert w.deload and w.week_label == "Deload week"
    assert [s.target_text for s in w.slots] == ["2x5-8 @4", "2x10-15 @4"]


def test_final_set_is_the_last_planned_working_set():
    slot = Slot("x", 3, 8, 12, 2, 2)
    assert [slot.is_final_set(done) for done in range(5)] == [False, False, True, True, True]
    assert todays_workout(MESO, START, CAT.get).slot("dumbbell-curl").sets == 3
    assert todays_workout(MESO, START, CAT.get).slot("nope") is None


def test_prefill_takes_the_weeks_target_rir_and_the_bottom_of_the_rep_range():
    from tui_tracker.domain.sessions import Prefill
    from tui_tracker.domain.workout import planned_prefill

    slot = Slot("x", 3, 8, 12, 2, 0)
    empty = Prefill(None, "kg", None, None)
    assert planned_prefill(empty, slot, 0) == Prefill(None, "kg", 8, 2)
    assert planned_prefill(empty, slot, 2) == Prefill(None, "kg", 8, 0)  # the final set
    last_week = Prefill(60.0, "kg", 10, 3)
    assert planned_prefill(last_week, slot, 1) == Prefill(60.0, "kg", 10, 2)
    warmup = Prefill(40.0, "kg", 8, 5, warmup=True)
    assert planned_prefill(warmup, slot, 0) == warmup
    assert planned_prefill(last_week, None, 0) == last_week


def test_deload_week_prefills_about_ten_percent_lighter_on_the_first_set_only():
    from tui_tracker.domain.sessions import Prefill
    from tui_tracker.domain.workout import planned_prefill

    meso = start_deload(MESO, START + timedelta(weeks=3))
    slot = todays_workout(meso, START + timedelta(weeks=3), CAT.get).slot("barbell-bench-press")
    assert slot.deload
    first = planned_prefill(Prefill(100.0, "kg", 8, 1), slot, 0)
    assert (first.weight_kg, first.rir) == (90.0, 4)
    later = planned_prefill(Prefill(90.0, "kg", 8, 4), slot, 1)  # from today's first set
    assert later.weight_kg == 90.0


def test_deload_prefill_in_pounds_is_a_load_on_5_lb_steps():
    from tui_tracker.domain.models import format_weight, to_kg
    from tui_tracker.domain.sessions import Prefill
    from tui_tracker.domain.workout import planned_prefill

    meso = start_deload(MESO, START + timedelta(weeks=3))
    slot = todays_workout(meso, START + timedelta(weeks=3), CAT.get).slot("barbell-bench-press")
    first = planned_prefill(Prefill(to_kg(225, "lb"), "lb", 5, 1), slot, 0)
    assert format_weight(first.weight_kg, first.unit) == "200 lb"
    kg = planned_prefill(Prefill(102.5, "kg", 5, 1), slot, 0)
    assert format_weight(kg.weight_kg, kg.unit) == "92.5 kg"


def test_while_the_deload_is_due_today_shows_the_last_week_and_its_targets():
    due = START + timedelta(weeks=3)  # the Monday after the 3 planned weeks
    w = todays_workout(TO_FAILURE, due, CAT.get)
    assert (w.day_name, w.week_label, w.deload) == ("Upper", "Week 4, deload due", False)
    assert [s.target_text for s in w.slots] == ["4x5-8 @1, last @0", "3x10-15 @1, last @0"]
    assert w.phase == "deload_due"


def test_a_finished_block_is_not_a_rest_day():
    over = START + timedelta(weeks=6)  # never deloaded: over two weeks after it fell due
    w = todays_workout(MESO, over, CAT.get)
    assert w.slots == () and w.phase == "lapsed" and not w.rest_day
    assert todays_workout(MESO, START + timedelta(days=1), CAT.get).rest_day
