"""Changing today's plan: swap, reorder, skip, do the next day on a rest day.

For the logbook's front ends (the Today screen).  The rules are the domain's
(domain/day_changes.py, domain/next_day.py); here they are applied to the block
as stored and committed before returning, so a restart shows the day as changed.
The block is re-read first (another process may have changed it), and the
logbook's plan re-read after.  Nothing here draws or prints; a change that makes
no sense is a ValueError with the reason, a failed write a StoreError.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from collections.abc import Callable

from .domain.day_changes import DayChange, change_on, move, skip, swap, swap_candidates, with_change
from .domain.models import Exercise
from .domain.next_day import NextDay, next_exercise, next_training_day, pull_forward, put_back
from .domain.workout import Workout, todays_workout

if TYPE_CHECKING:
    from .logbook import Logbook


class DayEdits:
    """Today's plan as the lifter changes it, through one logbook."""

    def __init__(self, book: Logbook) -> None:
        self.book = book

    # --- reading -----------------------------------------------------------------------

    @property
    def planned(self) -> bool:
        """Whether today has planned exercises to change."""
        return bool(self.book.workout and self.book.workout.slots)

    def next_day(self) -> NextDay | None:
        """On a rest day of a running block, the next planned day."""
        book = self.book
        if book.workout is None or not book.workout.rest_day:
            return None
        return next_training_day(book.meso, book.day)

    def preview(self) -> tuple[NextDay, Workout] | None:
        """On a rest day, the next planned day and the workout it would be if done today
        (today's week targets), or None."""
        meso = self.book.meso
        if meso is None or self.next_day() is None:
            return None
        pulled, found = pull_forward(meso, self.book.day)
        workout = todays_workout(pulled, self.book.day, self.book.catalogue.get)
        return (found, workout) if workout is not None else None

    def next_exercise(self, after: str) -> str | None:
        """The planned exercise to move to once `after`'s sets are done (domain/next_day)."""
        workout = self.book.workout
        return next_exercise(workout.slots, self.book.working_done, after) if workout else None

    def swap_ranking(self, exercise_id: str) -> Callable[[str], list[Exercise]]:
        """What a swap's search lists for the text typed, for the exercise shown as
        `exercise_id` (domain/day_changes.swap_candidates): the best name matches first,
        the planned exercise back and then its muscles among equal ones.

        The day is read here, once, as the search opens (ValueError when the exercise is
        not planned): ranking never reads it again, so an update of the search still
        queued once the swap is made cannot fail."""
        planned = self.book.exercise(self._slot(exercise_id).planned_id)
        catalogue = self.book.catalogue
        return lambda query: swap_candidates(catalogue, planned, query, exercise_id)

    # --- changing ----------------------------------------------------------------------

    def swap(self, exercise_id: str, new_id: str) -> str:
        """Do `new_id` instead of the planned exercise now shown as `exercise_id`; returns
        the planned exercise's id."""
        slot = self._slot(exercise_id)
        ids = [s.planned_id for s in self.book.workout.slots]  # type: ignore[union-attr]
        self._change(lambda c: swap(c, ids, slot.planned_id, new_id))
        return slot.planned_id

    def skip(self, exercise_id: str, reason: str | None) -> None:
        """Skip the exercise with a reason ("" for none); None takes the skip back."""
        planned = self._slot(exercise_id).planned_id
        self._change(lambda c: skip(c, planned, reason))

    def move(self, exercise_id: str, step: int) -> bool:
        """Move the exercise `step` places in today's order; False at either end."""
        planned = self._slot(exercise_id).planned_id
        order = [s.planned_id for s in self.book.workout.slots]  # type: ignore[union-attr]
        at = order.index(planned)
        if not 0 <= at + step < len(order):
            return False
        self._change(lambda c: move(c, order, planned, step))
        return True

    def pull_forward(self) -> NextDay:
        """Do the next planned day today (a rest day): that day's date becomes a rest day."""
        meso = self._stored()
        changed, found = pull_forward(meso, self.book.day)
        self.book.store.save_mesocycle(changed)
        self.book.load_plan()
        return found

    def can_put_back(self) -> bool:
        """Whether today's day was brought forward and nothing is logged today yet."""
        workout = self.book.workout
        return bool(workout and workout.moved_from) and not self.book.done_today()

    def put_back(self):
        """Undo `pull_forward` while nothing is logged today: the day goes back to its own
        date (returned) and today is a rest day again."""
        if self.book.done_today():
            raise ValueError("sets are logged today: the day stays (skip what you will not do)")
        changed, home = put_back(self._stored(), self.book.day)
        self.book.store.save_mesocycle(changed)
        self.book.load_plan()
        return home

    # --- inside ------------------------------------------------------------------------

    def _slot(self, exercise_id: str):
        slot = self.book.slot(exercise_id)
        if slot is None:
            raise ValueError("only the plan's exercises can be changed for the day")
        return slot

    def _stored(self):
        meso = self.book.meso
        if meso is None:
            raise ValueError("no training block is running")
        return self.book.store.mesocycle(meso.id) or meso

    def _change(self, edit: Callable[[DayChange], DayChange]) -> None:
        meso = self._stored()
        day = self.book.day
        changes = with_change(meso.day_changes, day, edit(change_on(meso.day_changes, day)))
        self.book.store.save_mesocycle(replace(meso, day_changes=changes))
        self.book.load_plan()
