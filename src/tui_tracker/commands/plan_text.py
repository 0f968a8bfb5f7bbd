"""A block's plan as the `meso` commands print it: the summary after saving, the plan
check, and `meso show` (text and JSON).

Printing only: which sets, at what RIR, and what the check says are the domain's
(plan_check.py, effort.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..domain.effort import FAILURE_MIN_SETS
from ..domain.mesocycle import DELOAD_RIR, WEEKDAYS, Mesocycle, TrainingDay
from ..domain.volume import planned_weekly_sets
from ..domain.muscles import MUSCLE_LABELS
from ..domain.plan_check import PlanNote, PlannedSet, week_sets


def _name(catalogue, exercise_id: str) -> str:
    ex = catalogue.get(exercise_id)
    return ex.name if ex else exercise_id


def targets_line(meso: Mesocycle) -> str:
    """'Target RIR by week: W1 3, W2 2, W3 1 (...what the last week plans)'."""
    weeks = ", ".join(f"W{i + 1} {r}" for i, r in enumerate(meso.rir_targets))
    if meso.rir_targets[-1] == 0:
        rule = (
            f"week {meso.weeks} at 0: failure only on the final set of exercises planned "
            f"for {FAILURE_MIN_SETS}+ sets, never high-skill lifts; every other set at 1"
        )
    else:
        rule = "no failure planned; most sets at 1-3 RIR every week"
    return f"Target RIR by week: {weeks} ({rule})"


def print_summary(meso: Mesocycle, catalogue, targets: dict[str, tuple[int, int]]) -> None:
    """What `meso new` and `meso next` print after saving: days, targets, weekly volume."""
    print(f"{meso.name}: {meso.weeks} weeks from {meso.start:%a %d %b %Y}, then a deload week.")
    print(targets_line(meso))
    for d in meso.days:
        rows = ", ".join(f"{_name(catalogue, p.exercise_id)} {p.reps_text}" for p in d.exercises)
        print(f"  {WEEKDAYS[d.weekday]} {d.name}: {rows}")
    volume = planned_weekly_sets(meso, catalogue.get, targets)
    print("Planned hard sets a week:")
    for m, v in volume.items():
        if v.sets == 0:
            continue
        flag = "  (1 day: split it over two)" if v.split_advised else ""
        print(
            f"  {MUSCLE_LABELS[m]:<12} {v.sets:>5.1f}  {v.target[0]}-{v.target[1]} {v.status}{flag}"
        )
    print("See every set with its target RIR: tui-tracker meso show")


def print_check(notes: tuple[PlanNote, ...]) -> None:
    """The plan check: advice, each note with its evidence; never a refusal."""
    if not notes:
        print("Plan check: nothing to flag.")
        return
    print("Plan check (advice; the block is saved as planned):")
    for n in notes:
        print(f"  - {n.message}")
        print(f"    {n.reason}")


# --- meso show ---------------------------------------------------------------------------------


def rir_text(rirs: list[int]) -> str:
    """'@3', '@1, last @0', or each set's: '@2/1/0'."""
    if len(set(rirs)) == 1:
        return f"@{rirs[0]}"
    if len(set(rirs[:-1])) == 1:
        return f"@{rirs[0]}, last @{rirs[-1]}"
    return "@" + "/".join(str(r) for r in rirs)


def _groups(sets: list[PlannedSet]) -> list[tuple[TrainingDay, list[list[PlannedSet]]]]:
    """Sets by day, then by exercise (in plan order)."""
    days: list[tuple[TrainingDay, list[list[PlannedSet]]]] = []
    for s in sets:
        if not days or days[-1][0] is not s.day:
            days.append((s.day, []))
        exercises = days[-1][1]
        if s.number == 1:
            exercises.append([])
        exercises[-1].append(s)
    return days


def day_date(meso: Mesocycle, week: int, weekday: int) -> date | None:
    """The date a weekday falls on in accumulation `week`; the deload week's only once it
    is started (it starts when the lifter starts it)."""
    if week > meso.weeks:
        if meso.deload_start is None:
            return None
        first = meso.deload_start
    else:
        first = meso.start + timedelta(weeks=week - 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7)


def week_heading(meso: Mesocycle, week: int) -> str:
    if week > meso.weeks:
        when = (
            f"from {meso.deload_start:%a %d %b}"
            if meso.deload_start
            else f"after week {meso.weeks}, from the day you start it"
        )
        return f"Deload week ({when}): about half the sets, RIR {DELOAD_RIR} or more"
    first = meso.start + timedelta(weeks=week - 1)
    last = first + timedelta(days=6)
    return (
        f"Week {week} ({first:%a %d %b} - {last:%a %d %b}): target RIR {meso.rir_targets[week - 1]}"
    )


def print_week(meso: Mesocycle, week: int, catalogue) -> None:
    print(week_heading(meso, week))
    for day, exercises in _groups(week_sets(meso, week, catalogue.get)):
        print(f"  {WEEKDAYS[day.weekday]} {day.name}")
        for sets in exercises:
            ex, first = sets[0].exercise, sets[0]
            kind = ex.kind + (", high skill" if ex.high_skill else "")
            reps = (
                f"{first.rep_low}"
                if first.rep_low == first.rep_high
                else f"{first.rep_low}-{first.rep_high}"
            )
            print(
                f"    {ex.name} ({ex.id}, {kind}): {len(sets)} x {reps} "
                f"{rir_text([s.rir for s in sets])}"
            )


def week_json(meso: Mesocycle, week: int, catalogue) -> dict[str, Any]:
    deload = week > meso.weeks
    days = []
    for day, exercises in _groups(week_sets(meso, week, catalogue.get)):
        on = day_date(meso, week, day.weekday)
        days.append(
            {
                "name": day.name,
                "weekday": WEEKDAYS[day.weekday],
                "date": on.isoformat() if on else None,
                "exercises": [
                    {
                        "id": sets[0].exercise.id,
                        "name": sets[0].exercise.name,
                        "kind": sets[0].exercise.kind,
                        "high_skill": sets[0].exercise.high_skill,
                        "sets": [
                            {"set": s.number, "reps": [s.rep_low, s.rep_high], "rir": s.rir}
                            for s in sets
                        ],
                    }
                    for sets in exercises
                ],
            }
        )
    return {
        "week": week,
        "deload": deload,
        "target_rir": DELOAD_RIR if deload else meso.rir_targets[week - 1],
        "days": days,
    }
