"""A block's plan, set by set, and what a coach would point out before it starts.

`week_sets` lists every planned working set of a week with its rep range and
target RIR, by the same rules the Today screen and the logbook use (effort.py):
that is what `tui-tracker meso show` prints and what the checks below count.

`check_plan` is advice, never a refusal: each note says what it found and the
evidence it rests on, and a lifter may start the block anyway.  It looks for

* muscles outside their weekly band (targets.py), planned as logged sets are
  counted (1 per primary muscle, 0.5 per secondary);
* muscles on one day only, among those whose band asks for sets (a low end above
  0): the evidence finds 10-16 sets "split across two sessions" productive, and
  a muscle only brushed by compounds needs no second day;
* failure planned on a high-skill lift (the rules never plan it; a note says so
  when the last week asks for 0 and high-skill lifts keep 1);
* weeks in which most planned working sets are not at 1-3 RIR.

Notes on the band and on failure say which training status the evidence's claim
applies to (advice.status_note).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .advice import Status, status_note
from .effort import (
    EVIDENCE_HIGH_SKILL,
    EVIDENCE_MOST_SETS,
    FAILURE_MIN_SETS,
    WeekEffort,
    count_effort,
)
from .mesocycle import DELOAD_RIR, Lookup, Mesocycle, TrainingDay, deload_day
from .rir_targets import target_rir
from .volume import planned_weekly_sets
from .models import Exercise
from .muscles import MUSCLE_LABELS
from .targets import DEFAULT_TARGETS, THROUGH_COMPOUNDS, default_reason

Topic = Literal["volume", "split", "failure", "effort"]

EVIDENCE_SPLIT = (
    "Evidence: 10-16 sets per muscle group a week, split across two sessions, for trained lifters."
)


@dataclass(frozen=True)
class PlannedSet:
    """One planned working set: which day, which exercise, its number of `of`, reps, RIR."""

    day: TrainingDay
    exercise: Exercise
    number: int
    of: int
    rep_low: int
    rep_high: int
    rir: int

    @property
    def is_final(self) -> bool:
        return self.number == self.of


def week_sets(meso: Mesocycle, week: int, exercises: Lookup) -> list[PlannedSet]:
    """Every planned working set of `week` (1..weeks; weeks + 1 is the deload week), day by
    day in weekday order.  Exercises the lookup does not know are left out."""
    if not 1 <= week <= meso.weeks + 1:
        raise ValueError(
            f"{meso.name} has weeks 1 to {meso.weeks}, and {meso.weeks + 1} is "
            f"its deload week; not {week}"
        )
    deload = week == meso.weeks + 1
    out = []
    for day in sorted(meso.days, key=lambda d: d.weekday):
        shown = deload_day(day) if deload else day
        for p in shown.exercises:
            ex = exercises(p.exercise_id)
            if ex is None:
                continue
            for n in range(1, p.sets + 1):
                rir = DELOAD_RIR if deload else target_rir(meso, week, ex, n == p.sets, p.sets)
                out.append(PlannedSet(day, ex, n, p.sets, p.rep_low, p.rep_high, rir))
    return out


def week_effort(meso: Mesocycle, week: int, exercises: Lookup) -> WeekEffort:
    """How many of the week's planned working sets are at 1-3 RIR, at 0, and easier."""
    return count_effort(week, [s.rir for s in week_sets(meso, week, exercises)])


@dataclass(frozen=True)
class PlanNote:
    """One thing worth a look before the block starts, with the evidence behind it."""

    topic: Topic
    subject: str  # the muscle, exercise or week it is about
    message: str
    reason: str


def _names(names: list[str], one: str, many: str) -> str:
    """'Barbell Back Squat stays' / 'Barbell Back Squat, Deadlift stay'."""
    return f"{', '.join(names)} {one if len(names) == 1 else many}"


def _sets(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _band_reason(muscle: str, band: tuple[int, int], status: Status) -> str:
    if tuple(band) != DEFAULT_TARGETS[muscle]:
        low, high = DEFAULT_TARGETS[muscle]
        return f"Your own band for {MUSCLE_LABELS[muscle].lower()} (the default is {low}-{high})."
    if muscle in THROUGH_COMPOUNDS:
        return f"Default {default_reason(muscle)}."
    return (
        f"Evidence: 10-16 sets per muscle group a week for trained lifters. "
        f"{status_note(status, 'band')}"
    )


def _volume_notes(
    meso: Mesocycle, exercises: Lookup, targets: dict[str, tuple[int, int]], status: Status
) -> list[PlanNote]:
    notes = []
    volume = planned_weekly_sets(meso, exercises, targets)
    for muscle, v in volume.items():
        label, (low, high) = MUSCLE_LABELS[muscle], v.target
        if v.status != "within":
            side = "below" if v.status == "below" else "above"
            notes.append(
                PlanNote(
                    "volume",
                    muscle,
                    f"{label}: {_sets(v.sets)} hard sets a week, {side} its {low}-{high} band.",
                    _band_reason(muscle, v.target, status),
                )
            )
        if v.split_advised:
            day = next((d for d in meso.days if _trains(d, muscle, exercises)), None)
            where = f"all on {day.name}" if day else "all on one day"
            notes.append(
                PlanNote(
                    "split",
                    muscle,
                    f"{label}: {_sets(v.sets)} sets a week, {where}: split them over two days.",
                    EVIDENCE_SPLIT,
                )
            )
    return notes


def _trains(day: TrainingDay, muscle: str, exercises: Lookup) -> bool:
    for p in day.exercises:
        ex = exercises(p.exercise_id)
        if ex is not None and (muscle in ex.primary or muscle in ex.secondary):
            return True
    return False


def failure_notes(meso: Mesocycle, last: list[PlannedSet], status: Status) -> list[PlanNote]:
    """Notes on failure in the last week's planned sets (`last`)."""
    notes = []
    planned = sorted({s.exercise.name for s in last if s.rir == 0 and s.exercise.high_skill})
    if planned:  # the set rule never does this; a note if it ever did
        notes.append(
            PlanNote(
                "failure",
                ", ".join(planned),
                f"Failure is planned on {', '.join(planned)} in week {meso.weeks}.",
                EVIDENCE_HIGH_SKILL,
            )
        )
    if meso.rir_targets[-1] != 0:
        return notes
    kept = sorted({s.exercise.name for s in last if s.exercise.high_skill})
    if kept:
        notes.append(
            PlanNote(
                "failure",
                ", ".join(kept),
                f"Week {meso.weeks} asks for failure (RIR 0); "
                f"{_names(kept, 'stays', 'stay')} at 1.",
                f"{EVIDENCE_HIGH_SKILL} {status_note(status, 'failure')}",
            )
        )
    short = sorted(
        {s.exercise.name for s in last if not s.exercise.high_skill and s.of < FAILURE_MIN_SETS}
    )
    if short:
        notes.append(
            PlanNote(
                "failure",
                ", ".join(short),
                f"Week {meso.weeks}: {_names(short, 'keeps', 'keep')} 1 on every "
                f"set (failure only on the last of {FAILURE_MIN_SETS} or more sets).",
                EVIDENCE_MOST_SETS,
            )
        )
    return notes


def _effort_notes(meso: Mesocycle, exercises: Lookup) -> list[PlanNote]:
    notes = []
    for week in range(1, meso.weeks + 1):
        e = week_effort(meso, week, exercises)
        if e.sets and not e.mostly_near_failure:
            parts = [
                f"{n} at {what}" for n, what in ((e.failure, "0"), (e.easier, "4 or more")) if n
            ]
            notes.append(
                PlanNote(
                    "effort",
                    f"week {week}",
                    f"Week {week}: {e.near_failure} of {e.sets} planned sets at "
                    f"1-3 RIR ({', '.join(parts)}).",
                    EVIDENCE_MOST_SETS,
                )
            )
    return notes


def check_plan(
    meso: Mesocycle,
    exercises: Lookup,
    targets: dict[str, tuple[int, int]] | None = None,
    status: Status = None,
) -> tuple[PlanNote, ...]:
    """What to look at before starting `meso`: volume, split, failure, effort (see above)."""
    targets = targets or dict(DEFAULT_TARGETS)
    return tuple(
        _volume_notes(meso, exercises, targets, status)
        + failure_notes(meso, week_sets(meso, meso.weeks, exercises), status)
        + _effort_notes(meso, exercises)
    )
