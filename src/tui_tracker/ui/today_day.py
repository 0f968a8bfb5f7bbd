"""Changing the day on the Today screen: swap (c), skip (k), reorder (shift+up/down),
the next planned day on a rest day (n; n again before a set puts it back), and moving
on once an exercise is done.

The rules and the writes are the logbook's (day_edits.py, domain/day_changes.py);
this lays out the dialogs and redraws the day.  Each change is on disk before it
shows.  The Today screen keeps only its key declarations and hands the keys here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Callable

from textual.content import Content

from ..day_edits import DayEdits
from ..store import StoreError
from .trouble import refused

if TYPE_CHECKING:
    from ..entries import Saved
    from .today import TodayScreen

#: What the day's keys can ask for (`day('...')` bindings on the Today screen).
DAY_ACTIONS = ("swap", "skip", "up", "down", "next")


class DayControls:
    """The day's own keys for the Today screen, and moving on after the last set."""

    def __init__(self, screen: TodayScreen) -> None:
        self.screen = screen
        self.edits = DayEdits(screen.book)

    @property
    def book(self):
        return self.screen.book

    def _highlighted(self) -> str | None:
        return self.screen.exercises.highlighted_id

    def can(self, what: str) -> bool | None:
        """For check_action: True runs, None greys the key out, False hides it."""
        if what == "next":
            return self.edits.next_day() is not None or self.edits.can_put_back()
        ex_id = self._highlighted()
        return True if ex_id is not None and self.book.slot(ex_id) is not None else None

    def run(self, what: str) -> None:
        {
            "swap": self.swap,
            "skip": self.skip,
            "up": lambda: self.move(-1),
            "down": lambda: self.move(1),
            "next": self.next_day,
        }[what]()

    # --- the keys ----------------------------------------------------------------------

    def swap(self) -> None:
        ex_id = self._highlighted()
        if ex_id is None or self.book.slot(ex_id) is None:
            return
        planned = self.book.exercise(self.book.slot(ex_id).planned_id)

        def picked(new_id: str | None) -> None:
            if new_id is None or new_id == ex_id:
                return
            if not self._apply(lambda: self.edits.swap(ex_id, new_id)):
                return
            self.screen.order = [i for i in self.screen.order if i != ex_id]
            self._redraw(new_id)
            name = self.book.exercise(new_id).name
            self.screen.status.show(
                f"Today {name} instead of {planned.name} "
                f"({self.book.slot(new_id).target_text}); the plan stays.",
                "saved",
            )

        from .day_dialogs import SwapPicker

        rank = self.edits.swap_ranking(ex_id)
        self.screen.app.push_screen(SwapPicker(self.book.catalogue, planned, rank, picked))

    def skip(self) -> None:
        ex_id = self._highlighted()
        slot = self.book.slot(ex_id) if ex_id else None
        if ex_id is None or slot is None:
            return
        name = self.book.exercise(ex_id).name
        if slot.skipped is not None:  # k again: back in the day
            if self._apply(lambda: self.edits.skip(ex_id, None)):
                self._redraw(ex_id)
                self.screen.status.show(f"{name} is back in today's plan.", "saved")
            return

        def answered(reason: str | None) -> None:
            if reason is None or not self._apply(lambda: self.edits.skip(ex_id, reason)):
                return
            stored = self.book.slot(ex_id).skipped  # (as saved: cleaned, cut to 60)
            after = self.edits.next_exercise(ex_id)
            self._redraw(after or ex_id)
            self.screen.status.show(
                f"Skipped {name} today" + (f": {stored}" if stored else "") + ". k takes it back.",
                "saved",
            )

        from .day_dialogs import SkipReason

        self.screen.app.push_screen(SkipReason(name, answered))

    def move(self, step: int) -> None:
        ex_id = self._highlighted()
        if ex_id is None or self.book.slot(ex_id) is None:
            return
        moved = self._apply(lambda: self.edits.move(ex_id, step))
        if moved:
            self._redraw(ex_id, focus=False)

    def next_day(self) -> None:
        if self.edits.can_put_back():  # n again before a set is logged: a slip, undone
            self._put_back()
            return
        if self.edits.next_day() is None:
            return
        try:
            found = self.edits.pull_forward()
        except (StoreError, ValueError) as err:
            self.screen.status.show(refused(self.screen, err, "NOT changed"), "error")
            return
        self.screen.block_changed(
            f"Today: {found.day.name}, brought forward from "
            f"{found.on:%a %d %b} (that day is now a rest day)."
        )
        if self.screen.order:
            self._show(self.screen.order[0])

    def _put_back(self) -> None:
        screen = self.screen
        name = screen.book.workout.day_name if screen.book.workout else ""
        try:
            home = self.edits.put_back()
        except (StoreError, ValueError) as err:
            screen.status.show(refused(screen, err, "NOT changed"), "error")
            return
        screen.order, screen.work.current = [], None  # the day's exercises go with it
        screen.block_changed(f"{name} is back on {home:%a %d %b}; today is a rest day again.")
        screen.set_focus(screen.exercises)

    # --- after a set -------------------------------------------------------------------

    def advance(self, saved: Saved) -> str | None:
        """The exercise to move to after `saved` (its planned sets now done), or None: the
        setting `auto_advance` off, a warm-up, sets left, or nothing left to do."""
        ex_id = saved.set.exercise_id
        slot = self.book.slot(ex_id)
        if (
            not self.screen.settings.auto_advance
            or saved.set.is_warmup
            or slot is None
            or self.book.working_done(ex_id) != slot.sets
        ):
            return None
        return self.edits.next_exercise(ex_id)

    # --- inside ------------------------------------------------------------------------

    def _apply(self, change: Callable[[], object]) -> object:
        try:
            result = change()
        except (StoreError, ValueError) as err:
            self.screen.status.show(refused(self.screen, err, "NOT changed"), "error")
            return False
        return True if result is None else result

    def _redraw(self, select: str, focus: bool = True) -> None:
        """The day's list anew, `select` shown in the panel before the next key is read."""
        screen = self.screen
        screen._merge_order()
        if select in screen.order:
            screen.work.current = select
        screen.day_changed()
        self._show(select, focus)

    def _show(self, select: str, focus: bool = True) -> None:
        """`work.open` done at once when the panel is mounted (keys typed ahead of a
        dialog's answer or after `n` must find it filled), else as soon as it is."""
        screen, work = self.screen, self.screen.work
        if not work.ready:
            screen.call_next(work.open, select, focus)
            return
        work.current = select
        work.fill()
        screen.exercises.highlight(select)
        if focus:
            screen.set_focus(work.entry)
        screen.refresh_bindings()


def rest_day_hint(screen: TodayScreen) -> str | None:
    """On a rest day with a next planned day: what it is and how to do it today (markup)."""
    preview = DayEdits(screen.book).preview()
    if preview is None:
        return None
    found, workout = preview
    lines = [
        f"Next: [b]{Content(found.describe(screen.today)).markup}[/b]. Press [b]n[/b] to "
        "do it today (that day then rests), or [b]a[/b] to add an exercise."
    ]
    for slot in workout.slots:
        name = screen.book.exercise(slot.exercise_id).name
        name = name if len(name) <= 34 else name[:33] + "…"
        lines.append(f"  {Content(name).markup}{' ' * (35 - len(name))}{slot.short_text}")
    return "\n".join(lines)
