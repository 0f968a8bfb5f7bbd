"""A day's changes: swap, reorder, skip, and the next planned day done on a rest day."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.day_changes import (
    DayChange,
    change_on,
    move,
    skip,
    swap,
    swap_candidates,
    with_change,
)
from tui_tracker.domain.deload import start_deload
from tui_tracker.domain.mesocycle import (
    Mesocycle,
    PlannedExercise,
    TrainingDay,
    planned_day,
    week_label,
)
from tui_tracker.domain.next_day import can_pull_forward, next_training_day, pull_forward
from tui_tracker.domain.workout import todays_workout

START = date(2026, 11, 2)  # Monday
CAT = Catalogue()
UPPER = TrainingDay(
    "Upper",
    0,
    (
        PlannedExercise("barbell-bench-press", 4, 5, 8),
        PlannedExercise("barbell-row", 3, 6, 10),
        PlannedExercise("dumbbell-curl", 3, 10, 15),
    ),
)
LOWER = TrainingDay(
    "Lower",
    3,
    (PlannedExercise("barbell-back-squat", 3, 5, 8), PlannedExercise("lying-leg-curl", 3, 10, 15)),
)
MESO = Mesocycle("Block", START, 3, (UPPER, LOWER), rir_targets=(3, 2, 0))
THURSDAY = START + timedelta(days=3)


def swap_ids(planned: str, query: str, shown: str | None = None) -> list[str]:
    return [e.id for e in swap_candidates(CAT, CAT.get(planned), query, shown)]


def changed(day: date, change: DayChange, meso: Mesocycle = MESO) -> Mesocycle:
    return replace(meso, day_changes=with_change(meso.day_changes, day, change))


def test_a_swap_keeps_the_plans_sets_reps_and_the_weeks_rir():
    change = swap(
        DayChange(),
        ["barbell-bench-press", "barbell-row", "dumbbell-curl"],
        "barbell-bench-press",
        "dumbbell-bench-press",
    )
    w = todays_workout(changed(START, change), START, CAT.get)
    first = w.slots[0]
    assert (first.exercise_id, first.planned_id, first.swapped) == (
        "dumbbell-bench-press",
        "barbell-bench-press",
        True,
    )
    assert first.target_text == "4x5-8 @3"


def test_a_swap_holds_for_that_day_only_and_the_plan_stays():
    change = swap(
        DayChange(), ["barbell-bench-press"], "barbell-bench-press", "dumbbell-bench-press"
    )
    meso = changed(START, change)
    assert meso.days == MESO.days
    next_monday = START + timedelta(weeks=1)
    assert todays_workout(meso, next_monday, CAT.get).slots[0].exercise_id == "barbell-bench-press"


def test_a_swap_in_a_last_week_at_0_follows_the_failure_rule_of_the_new_lift():
    last_thursday = THURSDAY + timedelta(weeks=2)
    plain = todays_workout(MESO, last_thursday, CAT.get)
    assert plain.slots[0].target_text == "3x5-8 @1"  # the squat: high skill, never 0
    change = swap(DayChange(), ["barbell-back-squat"], "barbell-back-squat", "leg-press")
    w = todays_workout(changed(last_thursday, change), last_thursday, CAT.get)
    assert w.slots[0].target_text == "3x5-8 @1, last @0"  # the leg press may go to 0


def test_swapping_back_to_the_planned_exercise_removes_the_swap():
    ids = ["barbell-bench-press"]
    change = swap(DayChange(), ids, "barbell-bench-press", "dumbbell-bench-press")
    assert swap(change, ids, "barbell-bench-press", "barbell-bench-press").swaps == ()


def test_a_swap_to_an_exercise_already_on_the_day_is_refused():
    with pytest.raises(ValueError, match="already on the day"):
        swap(
            DayChange(),
            ["barbell-bench-press", "barbell-row"],
            "barbell-bench-press",
            "barbell-row",
        )
    with pytest.raises(ValueError, match="not planned"):
        swap(DayChange(), ["barbell-row"], "barbell-bench-press", "dumbbell-bench-press")


def test_the_swap_search_lists_the_same_primary_muscles_first():
    found = swap_ids("barbell-back-squat", "")
    at = {i: found.index(i) for i in ("leg-press", "hack-squat", "dumbbell-curl")}
    # leg press: quads and glutes (all the squat's); hack squat: quads (some); curl: none
    assert at["leg-press"] < at["hack-squat"] < at["dumbbell-curl"]
    assert "barbell-back-squat" not in found


def test_reorder_moves_one_exercise_and_stops_at_the_ends():
    ids = ["barbell-bench-press", "barbell-row", "dumbbell-curl"]
    change = move(DayChange(), ids, "dumbbell-curl", -1)
    assert change.order == ("barbell-bench-press", "dumbbell-curl", "barbell-row")
    assert move(change, change.order, "barbell-bench-press", -1).order == change.order
    w = todays_workout(changed(START, change), START, CAT.get)
    assert [s.exercise_id for s in w.slots] == list(change.order)


def test_a_swapped_exercise_keeps_its_place_in_the_order():
    ids = ["barbell-bench-press", "barbell-row", "dumbbell-curl"]
    change = move(DayChange(), ids, "barbell-bench-press", 2)
    change = swap(change, ids, "barbell-bench-press", "dumbbell-bench-press")
    w = todays_workout(changed(START, change), START, CAT.get)
    assert [s.exercise_id for s in w.slots] == [
        "barbell-row",
        "dumbbell-curl",
        "dumbbell-bench-press",
    ]


def test_skip_keeps_the_reason_cut_and_a_second_skip_takes_it_back():
    change = skip(DayChange(), "barbell-row", "  rack   taken " + "x" * 80)
    assert change.skip_reason("barbell-row") == ("rack taken " + "x" * 80)[:60]
    w = todays_workout(changed(START, change), START, CAT.get)
    assert [s.skipped is not None for s in w.slots] == [False, True, False]
    assert skip(change, "barbell-row", None).skipped == ()
    assert skip(DayChange(), "barbell-row", "").skip_reason("barbell-row") == ""


def test_the_next_planned_day_after_a_rest_day():
    tuesday = START + timedelta(days=1)
    found = next_training_day(MESO, tuesday)
    assert (found.on, found.day.name) == (THURSDAY, "Lower")
    assert found.describe(tuesday) == "Lower, Thu 05 Nov"
    assert found.describe(tuesday + timedelta(days=1)) == "Lower, tomorrow (Thu 05 Nov)"
    assert next_training_day(None, tuesday) is None


def test_pulling_forward_moves_that_day_only_and_keeps_the_weeks():
    wednesday = START + timedelta(days=2)
    assert can_pull_forward(MESO, wednesday) and not can_pull_forward(MESO, START)
    meso, found = pull_forward(MESO, wednesday)
    assert found.on == THURSDAY
    assert planned_day(meso, wednesday).name == "Lower"
    assert planned_day(meso, THURSDAY) is None  # its own date is now a rest day
    assert planned_day(meso, START + timedelta(weeks=1)).name == "Upper"  # next week as planned
    assert planned_day(meso, THURSDAY + timedelta(weeks=1)).name == "Lower"
    assert week_label(meso, wednesday) == "Week 1 of 3"
    w = todays_workout(meso, wednesday, CAT.get)
    assert (w.day_name, w.moved_from) == ("Lower", THURSDAY)
    # Thursday, now a rest day, points at the next one: Monday of week 2
    assert next_training_day(meso, THURSDAY).on == START + timedelta(weeks=1)
    with pytest.raises(ValueError, match="already has a training day"):
        pull_forward(meso, wednesday)


def test_a_day_pulled_over_a_week_boundary_takes_the_targets_of_the_week_done_in():
    sunday = START + timedelta(days=6)  # week 1 (target 3); the next day is week 2's Monday
    meso, found = pull_forward(MESO, sunday)
    assert found.on == START + timedelta(weeks=1)
    w = todays_workout(meso, sunday, CAT.get)
    assert (w.day_name, w.week_label) == ("Upper", "Week 1 of 3")
    assert w.slots[0].target_text == "4x5-8 @3"  # week 1's target, not week 2's @2
    assert planned_day(meso, found.on) is None


def test_a_swap_made_ahead_comes_along_when_the_day_is_pulled():
    wednesday = START + timedelta(days=2)
    ahead = changed(
        THURSDAY,
        swap(
            DayChange(), ["barbell-back-squat", "lying-leg-curl"], "barbell-back-squat", "leg-press"
        ),
    )
    meso, _ = pull_forward(ahead, wednesday)
    assert planned_day(meso, wednesday).exercises[0].exercise_id == "leg-press"
    assert change_on(meso.day_changes, THURSDAY) == DayChange()


def test_in_the_deload_week_the_pulled_day_is_the_deload_version():
    deload = start_deload(MESO, START + timedelta(weeks=3))
    wednesday = START + timedelta(weeks=3, days=2)
    meso, _ = pull_forward(deload, wednesday)
    assert [p.sets for p in planned_day(meso, wednesday).exercises] == [2, 2]


def test_no_next_day_once_the_block_is_over():
    after = START + timedelta(weeks=12)
    assert next_training_day(MESO, after) is None and not can_pull_forward(MESO, after)
    with pytest.raises(ValueError, match="no training day"):
        pull_forward(MESO, after)


def test_next_exercise_follows_the_order_and_wraps_round():
    from tui_tracker.domain.next_day import next_exercise

    slots = todays_workout(
        changed(START, skip(DayChange(), "barbell-row", "")), START, CAT.get
    ).slots
    done = {"barbell-bench-press": 4, "dumbbell-curl": 1}
    count = lambda ex_id: done.get(ex_id, 0)  # noqa: E731
    assert next_exercise(slots, count, "barbell-bench-press") == "dumbbell-curl"  # row skipped
    done["dumbbell-curl"] = 3
    assert next_exercise(slots, count, "dumbbell-curl") is None  # all done or skipped
    assert next_exercise(slots, count, "hammer-curl") is None


def test_a_skip_reason_loses_control_characters_and_keeps_markup_as_text():
    change = skip(DayChange(), "barbell-row", "\x1b]0;pwned\x07rack [b]taken[/]\x1b[2J")
    reason = change.skip_reason("barbell-row")
    assert "\x1b" not in reason and "\x07" not in reason
    assert "rack [b]taken[/]" in reason


def test_a_day_brought_forward_can_be_put_back_with_its_swap():
    from tui_tracker.domain.next_day import put_back

    wednesday = START + timedelta(days=2)
    meso, _ = pull_forward(MESO, wednesday)
    ids = [p.exercise_id for p in planned_day(meso, wednesday).exercises]
    meso = changed(
        wednesday,
        swap(change_on(meso.day_changes, wednesday), ids, "barbell-back-squat", "leg-press"),
        meso,
    )
    back, home = put_back(meso, wednesday)
    assert home == THURSDAY
    assert planned_day(back, wednesday) is None
    assert [p.exercise_id for p in planned_day(back, THURSDAY).exercises] == [
        "leg-press",
        "lying-leg-curl",
    ]
    with pytest.raises(ValueError, match="not brought forward"):
        put_back(back, wednesday)


def test_within_the_same_muscles_the_same_kind_and_secondaries_come_first():
    # barbell bench press: chest; triceps, front delts; compound
    ranked = swap_ids("barbell-bench-press", "")
    at = {i: ranked.index(i) for i in ("cable-crossover", "dumbbell-bench-press")}
    at["incline-dumbbell-press"] = ranked.index("incline-dumbbell-press")
    assert at["cable-crossover"] > max(at["dumbbell-bench-press"], at["incline-dumbbell-press"])


# --- the swap search: what is typed first, then the same muscles ----------------------


def test_the_swap_search_puts_the_best_name_match_first_once_text_is_typed():
    # "t-bar" on Incline Dumbbell Press: the T-Bar Row starts with it; the chest presses
    # that only contain the letters (Barbell Bench Press, Feet-Up Bench Press) come later
    found = swap_ids("incline-dumbbell-press", "t-bar")
    assert found[0] == "t-bar-row"
    assert found.index("barbell-bench-press") > 0
    # every exercise listed matches the text, in the main search's order of match
    assert set(found) == {e.id for e in CAT.search("t-bar", limit=None)}


def test_the_swap_search_lists_the_same_muscles_first_before_any_text():
    found = swap_ids("incline-dumbbell-press", "")
    assert "incline-dumbbell-press" not in found
    assert len(found) == len(CAT) - 1
    chest = [i for i in found if "chest" in CAT.get(i).primary]
    assert found[: len(chest)] == chest  # all that train the chest, ahead of the rest
    compound = [i for i in chest if CAT.get(i).kind == "compound"]
    assert chest[: len(compound)] == compound  # a press before a fly


def test_the_same_muscles_break_ties_between_equally_good_name_matches():
    # "incline": five names start with it; the chest ones come before the curl
    found = swap_ids("incline-dumbbell-press", "incline")
    assert found[:3] == ["incline-barbell-bench-press", "incline-push-up", "incline-dumbbell-fly"]
    assert found[3] == "incline-dumbbell-curl"  # starts with it too: ahead of a word inside
    # "bench": the barbell bench press is the name typed; the bench dip starts with it
    assert swap_ids("dumbbell-bench-press", "bench")[:2] == ["barbell-bench-press", "bench-dip"]


def test_the_planned_exercise_back_comes_first_among_its_equals():
    # Barbell Bench Press swapped for the dumbbell one: with nothing typed it is first
    assert swap_ids("barbell-bench-press", "", shown="dumbbell-bench-press")[0] == (
        "barbell-bench-press"
    )
    # typed text still decides first: "incline" does not match it at all
    assert "barbell-bench-press" not in swap_ids(
        "barbell-bench-press", "incline", shown="dumbbell-bench-press"
    )
    # and the one shown now is never listed
    assert "dumbbell-bench-press" not in swap_ids(
        "barbell-bench-press", "bench", shown="dumbbell-bench-press"
    )
