"""How hard each planned set is: RIR targets that follow the evidence.

The evidence (shared/evidence.txt, "Practical Application"): "leave one to three
repetitions in reserve (RIR) on most working sets, reserving failure training for
isolation movements or the final set of an exercise"; on technically demanding
compounds such as the back squat and deadlift, failure "may increase the risk of
form breakdown and injury without a clear hypertrophic benefit"; and failure, if
used, fits mesocycles of 3 to 6 weeks followed by a deload.  Grgic et al. (2022)
found no significant advantage for failure over non-failure training.

So a block has one target per week, and the rules here turn it into a target per set:

* Targets fall or hold through the block (3, 3, 2, 1): effort builds toward the
  deload, which is what clears its fatigue.  A rising target is refused.
* A week at 1-3 plans every working set at that RIR.
* 0 (failure) is allowed only as the last week's target, and even then only where
  the evidence allows it: the final set of an exercise planned for 3 or more sets
  (`FAILURE_MIN_SETS`), never a high-skill lift.  Every other set that week is
  planned at 1, the nearest to failure that is still 1-3 RIR.  With at most one
  set in three at failure, most working sets stay at 1-3 RIR in every week,
  however the plan is built.
* 4 is allowed with a warning: outside 1-3, though still a hard set.
* 5 or more is refused: volume does not count such a set as hard (volume.EASY_RIR),
  so a week at 5 would add no counted volume; easy weeks are the deload's job.

Refused is what contradicts the evidence or the app's own counting; warned is what
the evidence does not recommend but does not rule out.  Blocks saved before these
rules still load: the set rule never plans 0 outside the last week or where it
is not allowed, whatever the stored targets say.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Exercise
from .volume import EASY_RIR

#: The RIR band the evidence suggests for most working sets.
NEAR_FAILURE = (1, 3)
#: Highest week target the planner accepts (4 warns); from EASY_RIR a set is not hard.
MAX_WEEK_TARGET = EASY_RIR - 1
#: Failure only on the final set of an exercise planned for at least this many sets, so
#: at least two of every three sets of it stay at 1-3 RIR.
FAILURE_MIN_SETS = 3

EVIDENCE_MOST_SETS = (
    "Evidence: leave 1-3 reps in reserve on most working sets; keep failure for "
    "isolation work or an exercise's final set (Grgic 2022: no clear gain "
    "from failure)."
)
EVIDENCE_HIGH_SKILL = (
    "Evidence: on technically demanding lifts such as the back squat and "
    "deadlift, failure risks form breakdown and injury without a clear "
    "gain."
)


def failure_allowed(exercise: Exercise, planned_sets: int | None) -> bool:
    """Whether a plan may take the exercise's final set to failure: not a high-skill lift,
    and planned for `FAILURE_MIN_SETS` sets or more (unknown set counts never are)."""
    return not exercise.high_skill and planned_sets is not None and planned_sets >= FAILURE_MIN_SETS


def set_target(
    week_target: int,
    last_week: bool,
    exercise: Exercise,
    planned_sets: int | None,
    is_final_set: bool,
) -> int:
    """The target RIR of one working set in an accumulation week whose target is
    `week_target` (see the module docstring): 0 only in the last week, on an allowed
    final set; else never below 1."""
    if week_target >= 1:
        return week_target
    if last_week and is_final_set and failure_allowed(exercise, planned_sets):
        return 0
    return 1


def week_target_text(week_target: int, last_week: bool) -> str:
    """'2', or for a last week at 0 what it plans: '1, allowed final sets 0'."""
    if week_target == 0:
        return "1, allowed final sets 0" if last_week else "1"
    return str(week_target)


# --- the lifter's targets -----------------------------------------------------------------------


def _check_week_target(week: int, target: int, weeks: int) -> None:
    if isinstance(target, bool) or not isinstance(target, int) or target < 0:
        raise ValueError(
            f"RIR targets are whole numbers from 0 to {MAX_WEEK_TARGET}, not {target!r}"
        )
    if target > MAX_WEEK_TARGET:
        raise ValueError(
            f"week {week} at RIR {target}: a set {EASY_RIR} or more reps short of failure is not "
            f"a hard set and adds no counted volume; plan 0 to {MAX_WEEK_TARGET} (easy weeks "
            "are the deload's job)"
        )
    if target == 0 and week < weeks:
        raise ValueError(
            f"week {week} at RIR 0: 0 (failure) only in the last week, before the deload "
            "clears its fatigue; earlier, it would cost recovery for the weeks after it "
            "(evidence)"
        )


def check_rir_targets(targets: tuple[int, ...] | list[int], weeks: int) -> tuple[str, ...]:
    """Refuse targets that contradict the evidence (ValueError with the reason); return
    a warning for each week outside 1-3 that is allowed, saying why."""
    targets = tuple(targets)
    if len(targets) != weeks:
        raise ValueError(f"give one RIR target per accumulation week: {weeks}, not {len(targets)}")
    for i, t in enumerate(targets, start=1):
        _check_week_target(i, t, weeks)
    for i in range(1, weeks):
        if targets[i] > targets[i - 1]:
            raise ValueError(
                f"week {i + 1}'s target ({targets[i]}) is above week {i}'s ({targets[i - 1]}): "
                "targets fall or hold through the block, so effort builds toward the deload "
                "that clears its fatigue"
            )
    warnings = []
    for i, t in enumerate(targets, start=1):
        if t == MAX_WEEK_TARGET:
            warnings.append(
                f"week {i} at RIR {t}: further from failure than the 1-3 the evidence suggests "
                f"for most working sets (still a hard set; {EASY_RIR} or more would not be)"
            )
        elif t == 0:
            warnings.append(
                f"week {i} at RIR 0: only the final set of each exercise planned for "
                f"{FAILURE_MIN_SETS}+ sets goes to failure, never a high-skill lift such as the "
                "squat or deadlift; every other set is planned at 1, so most sets keep 1-3 RIR "
                "(evidence: failure for isolation work or an exercise's final set)"
            )
    return tuple(warnings)


def step_rir_target(targets: tuple[int, ...] | list[int], week: int, delta: int) -> tuple[int, ...]:
    """Week `week`'s target (0-based) moved by `delta`, the others moved with it where
    they must be so targets still fall or hold: raising a week raises earlier ones
    below it, lowering one lowers later ones above it.  ValueError (the reason) when
    the new target itself is not allowed."""
    targets = list(targets)
    new = targets[week] + delta
    _check_week_target(week + 1, new, len(targets))
    targets[week] = new
    for i in range(week):
        targets[i] = max(targets[i], new)
    for i in range(week + 1, len(targets)):
        targets[i] = min(targets[i], new)
    result = tuple(targets)
    check_rir_targets(result, len(result))
    return result


@dataclass(frozen=True)
class WeekEffort:
    """A week's planned working sets by target: how many in 1-3, below (0) and above."""

    week: int
    sets: int
    near_failure: int  # at 1-3 RIR
    failure: int  # at 0
    easier: int  # at 4 or more

    @property
    def mostly_near_failure(self) -> bool:
        """More than half of the week's planned working sets at 1-3 RIR."""
        return self.near_failure * 2 > self.sets


def count_effort(week: int, targets: list[int]) -> WeekEffort:
    low, high = NEAR_FAILURE
    return WeekEffort(
        week,
        len(targets),
        sum(low <= t <= high for t in targets),
        sum(t < low for t in targets),
        sum(t > high for t in targets),
    )
