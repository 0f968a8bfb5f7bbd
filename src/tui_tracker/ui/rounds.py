"""Supersets on the Today screen: `g` pairs exercises, the panel goes round them.

`g` on an exercise pairs it with the next one in the day's list (the one below it;
`g` again takes it out).  Then each working set Enter saves carries the superset's
label, the panel moves to the partner, and the rest timer starts only after the
round (after the last exercise of it).  The rules are domain/supersets.py's; the
supersets of the open session are read back from its sets when the panel first needs
them (ExerciseWork.rounds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.supersets import Superset, leave, pair, rounds_of, superset_of

if TYPE_CHECKING:
    from .today_work import ExerciseWork


class Rounds:
    """The day's supersets, for the exercise work on Today."""

    def __init__(self, work: ExerciseWork) -> None:
        self.work = work
        current = work.book.current
        self.supersets: list[Superset] = rounds_of(current.sets) if current else []

    def of(self, exercise_id: str) -> Superset | None:
        return superset_of(self.supersets, exercise_id)

    def label(self, exercise_id: str, warmup: bool) -> str | None:
        """The label a set of the exercise carries (warm-ups are done apart: none)."""
        group = self.of(exercise_id)
        return None if group is None or warmup else group.label

    def after(self, exercise_id: str) -> tuple[str, bool] | None:
        """(the exercise next in the round, whether this set ended the round), or None
        when the exercise is not in a superset."""
        group = self.of(exercise_id)
        return None if group is None else group.after(exercise_id)

    def title(self, exercise_id: str) -> str:
        """' · superset A, then Barbell Row' for the panel's title; '' outside one."""
        group = self.of(exercise_id)
        if group is None:
            return ""
        partner, _ = group.after(exercise_id)
        name = self.work.book.exercise(partner).name
        return f" · superset {group.label}, then {name[:20]}"

    def toggle(self) -> None:
        """`g`: pair the exercise in the panel with the next in the list, or take it out."""
        work, status = self.work, self.work.screen.status
        exercise_id = work.current
        if exercise_id is None:
            status.show("Add an exercise first (press a).", "warning")
            return
        book = work.book
        name = book.exercise(exercise_id).name
        if self.of(exercise_id) is not None:
            self.supersets = leave(self.supersets, exercise_id)
            status.show(f"{name} is done on its own again.", "saved")
        else:
            order = work.screen.order
            at = order.index(exercise_id) if exercise_id in order else len(order)
            if at + 1 >= len(order):
                status.show(
                    f"Nothing below {name} to pair it with: add the other exercise "
                    "(a), then g on this one.",
                    "warning",
                )
                return
            partner = order[at + 1]
            session = book.current
            used = [s.superset for s in session.sets if s.superset] if session else []
            self.supersets = pair(self.supersets, exercise_id, partner, used)
            group = self.of(exercise_id)
            assert group is not None
            names = " + ".join(book.exercise(e).name for e in group.exercise_ids)
            status.show(
                f"Superset {group.label}: {names}. After each set the panel moves on; "
                "the rest comes after the round.",
                "saved",
            )
        work.fill()
