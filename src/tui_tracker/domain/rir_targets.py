"""The reps in reserve a block plans: this week's target, and each set's.

Apart from mesocycle.py (the block, its weeks and its days) because these are the
effort rules applied to a day of the block: a week's target from the block's list,
the deload week's 4, and through effort.set_target the last week's failure only on
allowed final sets.  effort.py itself is imported where used (not for Today's first
frame).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .mesocycle import DELOAD_RIR, Mesocycle, check_targets, phase, plan_week, planned_day
from .models import Exercise


def target_rir(
    meso: Mesocycle,
    week: int,
    exercise: Exercise,
    is_final_set: bool,
    planned_sets: int | None = None,
) -> int:
    """Reps to leave in reserve on a working set in `week` (past the last week: deload).

    The week's target, except that 0 (failure) is planned only in the last week and
    only on the final set of an exercise planned for 3+ sets (`planned_sets`; unknown
    means no failure) that is not a high-skill lift; other sets that week are at 1
    (effort.set_target).
    """
    if week < 1:
        raise ValueError(f"weeks count from 1, not {week}")
    if week > meso.weeks:
        return DELOAD_RIR
    from .effort import set_target

    return set_target(
        meso.rir_targets[week - 1], week == meso.weeks, exercise, planned_sets, is_final_set
    )


def planned_sets_on(meso: Mesocycle, day: date, exercise_id: str) -> int | None:
    """How many working sets the plan gives the exercise on `day`'s training day, or None
    (not planned that day, or no plan)."""
    planned = planned_day(meso, day)
    if planned is None:
        return None
    return next((p.sets for p in planned.exercises if p.exercise_id == exercise_id), None)


def target_rir_on(
    meso: Mesocycle,
    day: date,
    exercise: Exercise,
    is_final_set: bool,
    planned_sets: int | None = None,
) -> int | None:
    """The target for a set done on `day`, or None outside the block's plan.

    Past the planned weeks, until the deload starts, the last accumulation
    week's target holds (its failure rule too); in the deload week, 4.  Without
    `planned_sets`, the set count is the plan's for that day.
    """
    if phase(meso, day) == "deload":
        return DELOAD_RIR
    week = plan_week(meso, day)
    if week is None:
        return None
    if planned_sets is None:
        planned_sets = planned_sets_on(meso, day, exercise.id)
    return target_rir(meso, week, exercise, is_final_set, planned_sets)


def week_target_rir(meso: Mesocycle, today: date) -> int | None:
    """This week's target RIR for working sets (the deload week's 4), None outside the plan.

    Past the planned weeks, until the deload starts, the last week's target holds.
    Per exercise and set, `target_rir_on` refines it: a last week at 0 plans
    failure only on allowed final sets.  A 0 stored for an earlier week (older
    versions allowed it) reads as 1, as its sets are planned.
    """
    if phase(meso, today) == "deload":
        return DELOAD_RIR
    week = plan_week(meso, today)
    if week is None:
        return None
    target = meso.rir_targets[week - 1]
    return target if week == meso.weeks else max(target, 1)


def with_rir_targets(meso: Mesocycle, targets: tuple[int, ...] | list[int]) -> Mesocycle:
    """The block with the lifter's own RIR targets, one per week; ValueError with the
    reason for targets the evidence rules out (effort.check_rir_targets, which also
    says what to warn about)."""
    from .effort import check_rir_targets

    check_rir_targets(tuple(targets), meso.weeks)
    return replace(meso, rir_targets=check_targets(tuple(targets), meso.weeks))
