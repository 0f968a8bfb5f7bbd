"""At the bar, for the Today screen: the plate line and the warm-up ramp in the panel.

Under the set-entry panel's fields, for an exercise loaded with plates, one line says
what to put on each side for the weight typed (domain/plate_line.py), following each
keystroke.  For the day's first heavy compound, before any set of it, a second line
offers the warm-up ramp up to the working weight typed (domain/warmup.py); `r` saves
it, each set a warm-up through the logbook (so each is editable like any set), and
leaves the working set in the panel as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.inputs import SetInput
from ..domain.models import Exercise, Unit, from_kg, to_kg
from ..domain.plate_line import plate_line
from ..domain.sessions import Prefill, plural
from ..domain.warmup import RampSet, ramp_for, ramp_offered, ramp_text

if TYPE_CHECKING:
    from .today_work import ExerciseWork
    from .widgets.set_entry import ExtraLines, Submission

Segments = list[tuple[str, str]]


class AtTheBar:
    """The panel's plate and ramp lines for the exercise in it, and the ramp's key."""

    def __init__(self, work: ExerciseWork) -> None:
        self.work = work

    @property
    def settings(self):
        return self.work.screen.settings

    def offered(self, exercise_id: str) -> bool:
        """The ramp is offered for the exercise (the day's first heavy compound, not begun)."""
        book = self.work.book
        today = [s for session in book.sessions for s in session.sets]
        return ramp_offered(book.exercise(exercise_id), today, book.catalogue.get)

    def extra_lines(self, exercise_id: str) -> ExtraLines:
        """The panel's lines under its fields for this exercise (none for a dumbbell curl)."""
        exercise = self.work.book.exercise(exercise_id)
        offered = self.offered(exercise_id)

        def lines(weight: float | None, unit: Unit, warmup: bool) -> list[Segments]:
            out: list[Segments] = []
            plates = plate_line(weight, exercise, unit, self.settings)
            if plates is not None:
                out.append([(plates, "")])
            if offered and not warmup:
                out.append(self._ramp_line(exercise, weight, unit))
            return out

        return lines

    def _ramp_line(self, exercise: Exercise, weight: float | None, unit: Unit) -> Segments:
        ramp = self._ramp(exercise, weight, unit)
        head: Segments = [
            ("Warm-up ramp (", "$text-muted"),
            ("r", "bold $accent"),
            ("): ", "$text-muted"),
        ]
        if ramp:
            return head + [(ramp_text(ramp, unit), "")]
        return head + [("type the working weight, above the bar", "$text-muted")]

    def _ramp(self, exercise: Exercise, weight: float | None, unit: Unit) -> tuple[RampSet, ...]:
        return () if weight is None else ramp_for(exercise, weight, unit, self.settings)

    # --- `r` ---------------------------------------------------------------------------

    def can_accept(self) -> bool | None:
        """For check_action: True when a ramp is in the panel, None (greyed) otherwise."""
        work = self.work
        if not work.ready or work.current is None or work.entry.warmup:
            return None
        return True if self.offered(work.current) else None

    def accept(self) -> None:
        """Save the ramp shown as warm-ups, then put the working set back in the panel."""
        work, status = self.work, self.work.screen.status
        exercise_id = work.current
        if exercise_id is None or not self.can_accept():
            status.show(
                "No warm-up ramp here: it is for the day's first barbell compound, "
                "before its first set.",
                "warning",
            )
            return
        entry = work.entry
        working = entry.read()  # the working set typed: kept for after the ramp
        if working is None:
            return
        exercise = work.book.exercise(exercise_id)
        unit = working.unit
        ramp = self._ramp(exercise, from_kg(working.weight_kg, unit), unit)
        if not ramp:
            status.show(
                "No ramp up to this weight: type the working weight, above the bar.", "warning"
            )
            return
        note, reason = entry.field("note").text, entry.reason
        saved = 0
        for step in ramp:
            if work.submit(self._warmup(step, unit)) is None:
                break  # not saved: the error is on the status line
            saved += 1
        entry.load(Prefill(working.weight_kg, unit, working.reps, working.rir, False, reason), note)
        entry.set_extra_lines(self.extra_lines(exercise_id))
        if saved == len(ramp):
            status.show(f"Saved {plural(saved, 'warm-up')}: {ramp_text(ramp, unit)}", "saved")
        work.screen.refresh_bindings()

    @staticmethod
    def _warmup(step: RampSet, unit: Unit) -> Submission:
        from .widgets.set_entry import Submission

        return Submission(SetInput(to_kg(step.weight, unit), unit, step.reps, None), True, "")
