"""The day's exercises: planned ones first, with sets done, the target and last time.

Keys are handled in order (ui/keys.py): Enter picks the highlighted exercise through
`on_choose`, awaited before the next key, so a set typed ahead right after Enter
lands in the set-entry panel rather than here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Awaitable, Callable

from rich.text import Text
from textual.widgets.option_list import Option

from ...domain.sessions import last_performance, plural, set_counts
from .fields import ChoiceList

if TYPE_CHECKING:
    from ...domain.workout import Workout
    from ...logbook import Logbook

NAME_WIDTH = 20


def exercise_row(name: str, done: str, target: str, last: str, complete: bool) -> Text:
    """' Barbell Bench Press  2/4    4x5-8 @3    last: 80 kg x 8 @3, 4 days ago'.

    Plain Text: exercise names are the lifter's own words, never markup.
    """
    cut = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
    row = Text(f"{'✓' if complete else ' '}{cut:<{NAME_WIDTH}} {done:<6} {target:<11} ",
               no_wrap=True, overflow="ellipsis")
    row.append(last, style="dim")
    return row


def day_row(book: Logbook, exercise_id: str, today: date) -> Text:
    """One exercise of the day: sets done (against planned), its target, last time."""
    counts = set_counts([s for _, s in book.sets_today(exercise_id)])
    slot = book.slot(exercise_id)
    done = f"{counts.working}/{slot.sets}" if slot else plural(counts.working, "set")
    done += f" +{counts.warmups}w" if counts.warmups else ""
    session, last = book.last_time(exercise_id)
    return exercise_row(book.exercise(exercise_id).name, done, slot.short_text if slot else "",
                        last_performance(session, last, today, compact=True),
                        bool(slot and counts.working >= slot.sets))


def day_title(workout: Workout | None) -> str:
    if workout is None:
        return "Today"
    if workout.rest_day:
        return "Today: rest day in the plan"
    if workout.day_name is None:  # the block has not begun, or is over
        return f"Today: {workout.week_label.lower()}"
    return f"Today: {workout.day_name}" + (" (deload)" if workout.deload else "")


class ExerciseList(ChoiceList):
    DEFAULT_CSS = """
    ExerciseList {
        height: auto;
        max-height: 7;
        border: round $primary 50%;
        padding: 0;
    }
    ExerciseList:focus {
        border: round $primary;
    }
    """

    def __init__(self, on_choose: Callable[[str], Awaitable[None]], *, id: str | None = None) -> None:
        super().__init__(on_choose=on_choose, id=id)

    def show_rows(self, rows: list[tuple[str, Text]], select: str | None) -> None:
        """Replace the rows; keep or move the highlight to `select`."""
        self.set_options([Option(prompt, id=ex_id) for ex_id, prompt in rows])
        self.highlight(select)

    def highlight(self, exercise_id: str | None) -> None:
        """Move the cursor to the exercise (scrolled into view), if it is listed."""
        for i in range(self.option_count):
            if self.get_option_at_index(i).id == exercise_id:
                self.highlighted = i
                return
