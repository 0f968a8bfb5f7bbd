"""What comes next: the next exercise once one is done, and after a rest day the next
planned day (which can be done today).

Pulling the next planned day forward moves that one day only (domain/day_changes.py
says why): its date becomes a rest day, the days after it keep their weekdays,
and the weeks still count from the block's start, so the day takes the targets
(and the deload) of the week it is done in.  The block's plan is not changed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from collections.abc import Callable

from .day_changes import NO_CHANGE, change_on, with_change
from .mesocycle import Mesocycle, TrainingDay, phase, planned_day, shift
from .workout import Slot
from .values import frozen

#: How far ahead the next planned day is looked for (a weekly plan repeats within 7 days;
#: a day pulled forward can leave a gap of one more week at most).
LOOK_AHEAD_DAYS = 14
#: Phases whose rest days can take a day pulled forward (the plan has days ahead).
_PULLABLE = ("accumulation", "postponed", "deload_due", "deload")


@frozen
class NextDay:
    """The next planned training day after a rest day: its date and the day as planned."""

    on: date
    day: TrainingDay

    def describe(self, today: date) -> str:
        """'Lower B, tomorrow (Thu 03 Dec)' / 'Upper A, Mon 07 Dec'."""
        when = f"{self.on:%a %d %b}"
        if self.on == shift(today, 1):
            when = f"tomorrow ({when})"
        return f"{self.day.name}, {when}"


def next_training_day(meso: Mesocycle | None, today: date) -> NextDay | None:
    """The first date after `today` with a planned training day, or None (no block, the
    block is over or not running its plan, or nothing within LOOK_AHEAD_DAYS)."""
    if meso is None or phase(meso, today) not in _PULLABLE:
        return None
    for ahead in range(1, LOOK_AHEAD_DAYS + 1):
        day = shift(today, ahead)
        planned = planned_day(meso, day)
        if planned is not None:
            return NextDay(day, planned)
    return None


def can_pull_forward(meso: Mesocycle | None, today: date) -> bool:
    """Whether today is a rest day of a running block with a next day to do today."""
    return (
        meso is not None
        and planned_day(meso, today) is None
        and next_training_day(meso, today) is not None
    )


def pull_forward(meso: Mesocycle, today: date) -> tuple[Mesocycle, NextDay]:
    """The block with its next planned day done today (its own date a rest day).

    Changes the lifter already made to that day (a swap, the order) come with it.
    ValueError when today is not a rest day or nothing is planned ahead."""
    if planned_day(meso, today) is not None:
        raise ValueError("today already has a training day: there is nothing to bring forward")
    found = next_training_day(meso, today)
    if found is None:
        raise ValueError("no training day is planned ahead in this block")
    there = change_on(meso.day_changes, found.on)
    # (a date ahead that already holds a day pulled onto it hands that day on)
    moved = replace(there, pulled_from=there.pulled_from or found.on)
    changes = with_change(meso.day_changes, found.on, NO_CHANGE)
    changes = with_change(changes, today, moved)
    return replace(meso, day_changes=changes), found


def put_back(meso: Mesocycle, today: date) -> tuple[Mesocycle, date]:
    """The block with the day brought forward onto `today` back on its own date (with any
    swap or order made for it); today is a rest day again.  ValueError when nothing was
    brought forward onto today."""
    change = change_on(meso.day_changes, today)
    if change.pulled_from is None:
        raise ValueError("today's training day was not brought forward from another day")
    home = change.pulled_from
    changes = with_change(meso.day_changes, today, NO_CHANGE)
    changes = with_change(changes, home, replace(change, pulled_from=None))
    return replace(meso, day_changes=changes), home


def next_exercise(
    slots: tuple[Slot, ...] | list[Slot], done: Callable[[str], int], after: str
) -> str | None:
    """Where Today moves once `after`'s planned sets are done: the next planned exercise in
    the day's order with sets left and not skipped, wrapping round to one passed over;
    None when every other one is done or skipped (or `after` is not planned).

    `done(exercise_id)` counts its working sets done today."""
    ids = [s.exercise_id for s in slots]
    if after not in ids:
        return None
    at = ids.index(after)
    order: list[Slot] = [*slots[at + 1 :], *slots[:at]]
    for slot in order:
        if slot.skipped is None and done(slot.exercise_id) < slot.sets:
            return slot.exercise_id
    return None
