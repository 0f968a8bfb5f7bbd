"""The Today screen's ways out: the keys that open another screen or a dialog over it
(h history, m the block, p plan, l an exercise's log, E edit the exercise, b bodyweight,
f finish), and what the day does when they close.

A mixin, so the bindings keep their names (`today.history`: what a keymap and the
palette name) while the screen keeps only the day.  Each screen or dialog is
imported when first opened: the first frame does not wait on code it does not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from textual.app import App
    from textual.widget import Widget

    from ..clock import Clock
    from ..logbook import Logbook
    from ..store import Store
    from .widgets.exercise_list import ExerciseList


class OpensScreens:
    """Mixin for the Today screen: its `action_*` for the keys that leave it."""

    if TYPE_CHECKING:  # the Today screen's, used here
        app: App
        book: Logbook
        store: Store
        clock: Clock
        today: date
        current: str | None
        exercises: ExerciseList
        focused: Widget | None

        def block_changed(self, message: str = "") -> None: ...

    def action_edit_exercise(self) -> None:
        from .exercise_edit import edit_from_today

        edit_from_today(self)  # type: ignore[arg-type]

    def action_finish(self) -> None:
        from .finish import ask_to_finish  # the summary, and the question (ui/finish.py)

        ask_to_finish(self)  # type: ignore[arg-type]

    def action_exercise_history(self) -> None:
        from .exercise_history import ExerciseHistoryScreen

        listed = self.exercises.highlighted_id if self.focused is self.exercises else None
        if (listed or self.current) is not None:  # (the list's row: keys typed ahead moved it)
            self.app.push_screen(ExerciseHistoryScreen(self.book, listed or self.current))

    def action_bodyweight(self) -> None:
        from .bodyweight import ask_bodyweight

        ask_bodyweight(self)  # type: ignore[arg-type]

    def action_history(self) -> None:
        from .history import HistoryScreen

        def closed(changed: bool | None) -> None:
            if changed:  # a past session was fixed, finished or resumed: read the day again
                self.book.reload()
                self.block_changed()

        self.app.push_screen(HistoryScreen(self.store, self.today), closed)

    def action_dashboard(self) -> None:
        from .dashboard import DashboardScreen

        self.app.push_screen(
            DashboardScreen(self.store, self.today),
            lambda message: self.block_changed(message or ""),
        )

    def action_plan(self) -> None:
        from .plan import PlanScreen

        def planned(meso) -> None:
            if meso is not None:
                self.block_changed(
                    f"Saved {meso.name}: {meso.weeks} weeks from "
                    f"{meso.start:%a %d %b}, then a deload week."
                )

        self.app.push_screen(PlanScreen(self.store, self.clock), planned)
