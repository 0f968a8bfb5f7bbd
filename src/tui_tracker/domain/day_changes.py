"""What the lifter changed about one day of the plan, for that day only.

The rack is taken, the gym is busy, a shoulder complains: on the day, a planned
exercise can be swapped for another that trains the same primary muscles (the
plan's sets, reps and RIR carry over), the day reordered, an exercise skipped
(with an optional reason), and on a rest day the next planned day done today.
The block's plan never changes: a `DayChange` is kept per date in the block
(`Mesocycle.day_changes`) and applied when that date's training day is read
(`mesocycle.planned_day`).

Everything here is keyed by the *planned* exercise id, so a swapped exercise
keeps its place in the order and its skip, and swapping back removes the swap.

Doing the next planned day today ("pulling it forward") moves only that day:
its own date becomes a rest day, the days after it keep their weekdays, and the
weeks still count from the block's start, so the pulled day takes the targets of
the week it is done in (mesocycle.planned_day, next_day.pull_forward).

Plain data and pure functions: no clock, no store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING
from collections.abc import Iterable

from .text import clean_text
from .values import frozen

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .mesocycle import TrainingDay
    from .models import Exercise

#: The longest skip reason kept (a few words, not a diary).
MAX_REASON = 60


@frozen
class DayChange:
    """One day's changes: swaps, the order, skips, and the day pulled forward onto it."""

    swaps: tuple[tuple[str, str], ...] = ()  # (planned id, id done instead)
    order: tuple[str, ...] = ()  # planned ids in the lifter's order
    skipped: tuple[tuple[str, str], ...] = ()  # (planned id, reason, possibly "")
    pulled_from: date | None = None  # this date does the training day planned on that one

    def __post_init__(self) -> None:
        # A reason read back from a hand-edited file never carries a terminal sequence.
        object.__setattr__(self, "skipped", tuple((p, clean_text(r)) for p, r in self.skipped))

    @property
    def empty(self) -> bool:
        return not (self.swaps or self.order or self.skipped or self.pulled_from)

    def swapped_for(self, planned_id: str) -> str | None:
        return dict(self.swaps).get(planned_id)

    def planned_id(self, exercise_id: str) -> str:
        """The planned exercise an id stands in for (itself when not swapped in)."""
        return next((p for p, done in self.swaps if done == exercise_id), exercise_id)

    def skip_reason(self, planned_id: str) -> str | None:
        """The reason the exercise is skipped ("" without one), None when it is not."""
        return dict(self.skipped).get(planned_id)


NO_CHANGE = DayChange()

Changes = tuple[tuple[date, DayChange], ...]


def change_on(changes: Changes, day: date) -> DayChange:
    return next((c for d, c in changes if d == day), NO_CHANGE)


def pulled_away(changes: Changes, day: date) -> bool:
    """Whether `day`'s training day was done on an earlier date (so `day` is a rest day)."""
    return any(c.pulled_from == day for d, c in changes if d != day)


def with_change(changes: Changes, day: date, change: DayChange) -> Changes:
    """The changes with `day`'s replaced (dropped when empty), oldest date first."""
    kept = [(d, c) for d, c in changes if d != day]
    if not change.empty:
        kept.append((day, change))
    return tuple(sorted(kept, key=lambda pair: pair[0]))


def apply_change(day: TrainingDay, change: DayChange) -> TrainingDay:
    """The training day as the lifter changed it: swapped ids, the lifter's order."""
    if change.empty:
        return day
    rank = {ex_id: i for i, ex_id in enumerate(change.order)}
    planned = sorted(day.exercises, key=lambda p: rank.get(p.exercise_id, len(rank)))
    swaps = dict(change.swaps)
    return replace(
        day,
        exercises=tuple(
            replace(p, exercise_id=swaps.get(p.exercise_id, p.exercise_id)) for p in planned
        ),
    )


# --- changing a day -------------------------------------------------------------------


def swap_rank(planned: Exercise, other: Exercise) -> int:
    """How well `other` stands in for the planned exercise, best first: 0 trains all its
    primary muscles, 1 some of them, 2 none (listed last, still allowed)."""
    mine, theirs = set(planned.primary), set(other.primary)
    if mine <= theirs:
        return 0
    return 1 if mine & theirs else 2


def swap_candidates(
    catalogue: Catalogue, planned: Exercise, query: str, shown: str | None = None
) -> list[Exercise]:
    """What a swap's search lists for the text typed, best first (Enter picks the first).

    Once text is typed, the names that match it best come first, as the exercise
    search ranks them (`Catalogue.matches`: the whole name, its start, word starts,
    inside a word); an exercise that does not match is not listed.  Only among equally
    good matches, and over the whole list before anything is typed, does the plan
    decide: the planned exercise itself when another is `shown` in its place (picking
    it puts the plan back), then those training all its primary muscles, some, none
    (`swap_rank`), of the same kind (compound or isolation), sharing more of its
    secondary muscles, then the search's own order.  The exercise shown now (`shown`,
    else the planned one) is left out."""
    shown = shown or planned.id
    secondary = set(planned.secondary)
    ranked = sorted(
        (m for m in catalogue.matches(query) if m[1].id != shown),
        key=lambda m: (
            m[0],
            m[1].id != planned.id,
            swap_rank(planned, m[1]),
            m[1].kind != planned.kind,
            -len(secondary & set(m[1].secondary)),
        ),
    )  # (stable: the search's own order last)
    return [e for _match, e in ranked]


def swap(change: DayChange, planned_ids: Iterable[str], planned_id: str, new_id: str) -> DayChange:
    """`planned_id` done as `new_id` that day (back to the plan when they are equal).

    ValueError when `planned_id` is not planned that day or `new_id` is already on it
    (the day would list one exercise twice)."""
    ids = list(planned_ids)
    if planned_id not in ids:
        raise ValueError(f"{planned_id} is not planned that day")
    shown = [change.swapped_for(p) or p for p in ids if p != planned_id]
    if new_id in shown:
        raise ValueError("that exercise is already on the day: pick another")
    swaps = [(p, d) for p, d in change.swaps if p != planned_id]
    if new_id != planned_id:
        swaps.append((planned_id, new_id))
    return replace(change, swaps=tuple(swaps))


def skip(change: DayChange, planned_id: str, reason: str | None) -> DayChange:
    """Skip the exercise with a reason (control characters dropped, cut to MAX_REASON);
    `None` takes the skip back."""
    kept = tuple((p, r) for p, r in change.skipped if p != planned_id)
    if reason is None:
        return replace(change, skipped=kept)
    reason = " ".join(clean_text(reason).split())[:MAX_REASON]
    return replace(change, skipped=kept + ((planned_id, reason),))


def move(change: DayChange, order: Iterable[str], planned_id: str, step: int) -> DayChange:
    """Move one planned exercise `step` places in the day's order (`order`: the planned ids
    as the day stands), stopping at either end."""
    ids = list(order)
    if planned_id not in ids:
        raise ValueError(f"{planned_id} is not planned that day")
    at = ids.index(planned_id)
    to = max(0, min(len(ids) - 1, at + step))
    ids.insert(to, ids.pop(at))
    return replace(change, order=tuple(ids))
