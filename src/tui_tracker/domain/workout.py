"""Today's planned workout, as the Today screen shows it: what to do and how hard.

Each slot carries the week's target RIR for its working sets and for its final
set (which may be lower: in the last week isolation work and final sets may go
to failure).  Knowing the planned set count is also what tells the failure
advice whether a set is the exercise's last.
"""

from __future__ import annotations

from dataclasses import replace as _replace
from datetime import date

from .day_changes import change_on
from .mesocycle import Lookup, Mesocycle, Phase, phase, planned_day, week_label
from .rir_targets import target_rir_on
from .sessions import Prefill
from .values import frozen


@frozen
class Slot:
    """One planned exercise today: `sets` x `rep_low`-`rep_high` at `rir` (final set `final_rir`)."""

    exercise_id: str
    sets: int
    rep_low: int
    rep_high: int
    rir: int
    final_rir: int
    deload: bool = False
    #: the plan's exercise this one stands in for (itself unless swapped that day)
    planned_id: str = ""
    #: why the lifter skipped it that day ("" without a reason), None when not skipped
    skipped: str | None = None

    @property
    def swapped(self) -> bool:
        return bool(self.planned_id) and self.planned_id != self.exercise_id

    @property
    def reps_text(self) -> str:
        return (
            f"{self.rep_low}"
            if self.rep_low == self.rep_high
            else f"{self.rep_low}-{self.rep_high}"
        )

    @property
    def target_text(self) -> str:
        """'4x5-8 @2' (or '3x10 @1, last @0')."""
        text = f"{self.sets}x{self.reps_text} @{self.rir}"
        return text if self.final_rir == self.rir else f"{text}, last @{self.final_rir}"

    @property
    def short_text(self) -> str:
        """'4x5-8 @2' (or '3x10 @1/0' when the final set may go lower), for a list row."""
        text = f"{self.sets}x{self.reps_text} @{self.rir}"
        return text if self.final_rir == self.rir else f"{text}/{self.final_rir}"

    def is_final_set(self, working_sets_done: int) -> bool:
        """Whether the working set about to be logged, after `working_sets_done`, is the last planned."""
        return working_sets_done + 1 >= self.sets


#: Phases in which the plan has training days (the others plan nothing at all).
_TRAINING = ("accumulation", "postponed", "deload_due", "deload")


@frozen
class Workout:
    """Today in the block: the day's name (None when nothing is planned), the week label,
    the slots, and where today falls in the block (`phase`: 'deload_due' means the deload
    is due and not started, and the slots are the last accumulation week's)."""

    day_name: str | None
    week_label: str
    deload: bool
    slots: tuple[Slot, ...]
    phase: Phase = "accumulation"
    #: the date whose training day is done today (pulled forward on a rest day), or None
    moved_from: date | None = None

    @property
    def rest_day(self) -> bool:
        """A rest day of the plan (not a block that is over or not yet begun)."""
        return self.day_name is None and self.phase in _TRAINING

    def slot(self, exercise_id: str) -> Slot | None:
        return next((s for s in self.slots if s.exercise_id == exercise_id), None)


def todays_workout(meso: Mesocycle | None, today: date, exercises: Lookup) -> Workout | None:
    """The plan for `today` from the active block, or None without one.

    Unknown exercises (a custom one deleted since) are left out rather than guessed.
    """
    if meso is None:
        return None
    label, where = week_label(meso, today), phase(meso, today)
    day = planned_day(meso, today)
    if day is None:
        return Workout(None, label, False, (), where)
    deload = where == "deload"
    change = change_on(meso.day_changes, today)
    slots = []
    for p in day.exercises:
        ex = exercises(p.exercise_id)
        if ex is None:
            continue
        rir = target_rir_on(meso, today, ex, is_final_set=False)
        final = target_rir_on(meso, today, ex, is_final_set=True)
        if rir is None or final is None:
            continue
        planned = change.planned_id(p.exercise_id)
        slots.append(
            Slot(
                p.exercise_id,
                p.sets,
                p.rep_low,
                p.rep_high,
                rir,
                final,
                deload,
                planned,
                change.skip_reason(planned),
            )
        )
    return Workout(day.name, label, deload, tuple(slots), where, change.pulled_from)


def planned_prefill(values: Prefill, slot: Slot | None, working_sets_done: int) -> Prefill:
    """The set-entry pre-fill with the plan's targets filled in.

    The RIR is this week's target (the final set's when the next set is the last
    planned), not last week's: effort climbs through the block.  With no
    previous set, reps start at the bottom of the planned range.  In a deload
    week the first set's load (carried over from last time) is about 10% lighter,
    on the plate steps of the pre-fill's unit (2.5 kg or 5 lb).
    Warm-ups and unplanned exercises keep the pre-fill as it is.
    """
    if slot is None or values.warmup:
        return values
    rir = slot.final_rir if slot.is_final_set(working_sets_done) else slot.rir
    reps = values.reps if values.reps is not None else slot.rep_low
    weight = values.weight_kg
    if slot.deload and working_sets_done == 0 and weight:
        from .deload import deload_load  # (imported when a deload week needs it)

        weight = deload_load(weight, values.unit)
    return _replace(values, rir=rir, reps=reps, weight_kg=weight)
