"""The work on one exercise, for the Today screen: its sets today and the next set.

It drives the sets table and the set-entry panel: fills them for the exercise
chosen, saves what Enter hands over through the logbook, and edits, deletes and
undoes the set under the table's cursor.  The Today screen keeps the day (the list,
the session, the header) and routes the panel's keys here.

On a day with an exercise to show, the two widgets are composed with the screen
(`composed`); on a day with none yet they are mounted right after the first frame
(`mount`): hidden, they would cost tens of ms of it (benchmarks/profile_start.py).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING
from collections.abc import Callable

from textual.containers import Vertical
from textual.content import Content

from ..domain.inputs import InputError
from ..domain.measures import last_extent, load_problem, load_unit, measure_of
from ..domain.models import Exercise, LoggedSet, Unit
from ..domain.sessions import Prefill
from ..store import StoreError
from ..store.store import StoreBusy
from .trouble import refused

if TYPE_CHECKING:
    from ..entries import Entry, Saved
    from .at_the_bar import AtTheBar
    from .rounds import Rounds
    from .today import TodayScreen
    from .waiting import WaitingSaves
    from .widgets.set_entry import PanelMode, SetEntry, Submission
    from .widgets.sets_table import SetsTable

#: What the panel's keys can ask for (`work('...')` bindings on the Today screen).
SET_ACTIONS = ("edit", "delete", "undo", "warmup", "unit", "up", "down", "ramp", "superset", "kind")


class ExerciseWork:
    """The exercise being worked on: `current`, its table and its set-entry panel."""

    def __init__(self, screen: TodayScreen) -> None:
        self.screen = screen
        self.book = screen.book
        self.current: str | None = None
        #: the unit a new exercise starts in: the setting, then the one used last here
        self.unit: Unit = screen.settings.unit
        self._mounts: list | None = None
        self.ready = False

    # The panel's helpers, made when the panel first needs them: on a day with nothing
    # to resume that is after the first frame, which then does not wait for their code.

    @cached_property
    def bar(self) -> AtTheBar:
        """The plate line and the warm-up ramp in the panel."""
        from .at_the_bar import AtTheBar

        return AtTheBar(self)

    @cached_property
    def waiting(self) -> WaitingSaves:
        """Sets typed while another process holds the database, saved in the background."""
        from .waiting import WaitingSaves

        return WaitingSaves(self)

    def saving_later(self) -> bool:
        """Sets wait for a busy database (never before the first set met one: the check
        does not make the queue, which the first frame does not need)."""
        return "waiting" in self.__dict__ and self.waiting.busy

    @cached_property
    def rounds(self) -> Rounds:
        """Supersets: the panel goes round their exercises."""
        from .rounds import Rounds

        return Rounds(self)

    # --- the widgets -------------------------------------------------------------------

    def composed(self) -> tuple[SetsTable, SetEntry]:
        """The sets table and the panel, for the screen's compose on a day that has
        exercises: built with the screen, they are styled and laid out in its one pass
        (mounted after it, each was a mount of its own before the first frame)."""
        self._mounts = []  # mounted with the screen: nothing to wait for
        return self._widgets()

    def _widgets(self) -> tuple[SetsTable, SetEntry]:
        from .widgets.set_entry import SetEntry
        from .widgets.sets_table import SetsTable

        return SetsTable(id="sets"), SetEntry(self.submit, self.kind_changed, id="entry")

    async def mount(self) -> bool:
        """Mount the sets table and the set-entry panel (once), and wait until they are.

        False when the app is leaving (a hang-up or `q` came first, which under load can
        be right after the first frame): Textual mounts nothing after App.exit (`mount`
        raises, a widget composed then has no children), so there is nothing to show."""
        if self._mounts is None:
            if not self.screen.is_attached:  # False from App.exit on
                return False
            table, entry = self._widgets()
            body = self.screen.query_one("#body", Vertical)
            self._mounts = [body.mount(table, before="#status"), body.mount(entry)]
        for mounting in self._mounts:
            await mounting
        if not self.screen.is_attached:
            return False
        if not self.ready:
            self.ready = True
            self.screen.refresh_bindings()
        return True

    def when_ready(self, show: Callable[[], None]) -> None:
        """Run `show` now if the widgets are mounted, else the moment they are."""
        if self.ready:
            show()
            return

        async def when_mounted() -> None:
            if await self.mount():
                show()

        self.screen.call_next(when_mounted)

    @property
    def entry(self) -> SetEntry:
        return self.screen.query_one("#entry")  # type: ignore[return-value]

    @property
    def table(self) -> SetsTable:
        return self.screen.query_one("#sets")  # type: ignore[return-value]

    # --- showing -----------------------------------------------------------------------

    async def open(self, exercise_id: str, focus: bool = True) -> None:
        """Show an exercise (mounting the widgets first if need be), ready to type.

        Once mounted, nothing here waits: the screen must not paint half a change (each
        paint in between is a screenful of bytes over SSH)."""
        if not self.ready and not await self.mount():
            return
        self.current = exercise_id
        try:
            self.fill()
        finally:  # (a damaged month under the pre-fill: its dialog shows, keys still land)
            self.screen.exercises.highlight(exercise_id)
            if focus:
                self.screen.set_focus(self.entry)  # at once: keys typed ahead follow it
            self.screen.refresh_bindings()

    def fill(self) -> None:
        """The exercise's sets today, and the entry pre-filled for its next set."""
        if self.current is None:
            return
        self.show_sets()
        ex = self.book.exercise(self.current)
        slot = self.book.slot(self.current)
        name = ex.name if len(ex.name) <= 36 else ex.name[:35] + "…"
        self.entry.border_title = Content(
            f"Log a set: {name}"
            + (f" · target {slot.target_text}" if slot else "")
            + self.rounds.title(self.current)
        )
        self.entry.set_extra_lines(self.bar.extra_lines(self.current))
        self.entry.configure(self.panel_mode(ex))
        self.entry.load(self.book.prefill(self.current, self.unit))

    def panel_mode(self, ex: Exercise) -> PanelMode:
        """How the panel takes the exercise's sets: added load, per dumbbell, seconds..."""
        from .widgets.set_entry import PanelMode

        measure = measure_of(ex)

        def extent() -> str:
            today = [s for _, s in self.book.sets_today(ex.id)]
            return last_extent(today, self.book.last_time(ex.id)[1], measure)

        return PanelMode(
            ex.bodyweight,
            load_unit(ex, "kg").partition(" ")[2],
            measure,
            extent if measure != "reps" else None,
        )

    def _described(self, s: LoggedSet) -> str:
        """'BW+20 kg x 8 @2': a set as its exercise's table shows it (models.load_text)."""
        return s.describe(self.book.exercise(s.exercise_id))

    def typed(self, exercise_id: str, entry: Entry) -> str:
        """'80 kg x 6 @2': a set as typed (saved or not), as its exercise's table shows it."""
        from datetime import UTC, datetime

        typed = LoggedSet(exercise_id, at=datetime.now(UTC), **entry.set_fields())
        return self._described(typed)

    def show_sets(self) -> None:
        if self.current is None:
            self.table.show("", [])
            return
        # The title stays put while sets are logged (the list row counts them): a title
        # that changed with every set would redraw the whole table over SSH.
        exercise = self.book.exercise(self.current)
        self.table.show(f"{exercise.name}: today", self.book.sets_today(self.current), exercise)

    # --- the panel ---------------------------------------------------------------------

    def submit(self, submission: Submission) -> Prefill | None:
        """Enter in the panel: save the set and pre-fill the next one (None: keep the values).

        When another process holds the database, the set waits its turn in the
        background (after any set already waiting, so they land in the order typed)
        and the panel moves on to the next set: keys typed meanwhile edit that one.
        """
        status = self.screen.status
        if self.current is None:
            status.show("Add an exercise first (press a).", "warning")
            return None
        exercise_id = self.current
        label = self.rounds.label(exercise_id, submission.warmup)
        kind = "warmup" if submission.warmup else submission.kind
        from ..entries import Entry  # (with the first set, not for the first frame)

        entry = Entry(
            submission.values,
            submission.warmup,
            submission.note,
            kind=kind,  # type: ignore[arg-type]
            duration_s=submission.duration_s,
            distance_m=submission.distance_m,
            superset=label,
        )
        problem = load_problem(self.book.exercise(exercise_id), entry.values.weight_kg)
        if problem:  # (before a busy database's queue: its worker must not meet it)
            self.entry.show_error("weight", problem)
            return None
        if self.saving_later():
            waiting = self.waiting.add(exercise_id, entry)
            return None if self._next_in_round(label, exercise_id) else waiting
        try:
            saved = self.book.log(exercise_id, entry)
        except StoreBusy as err:
            waiting = self.waiting.add(exercise_id, entry, err)
            return None if self._next_in_round(label, exercise_id) else waiting
        except (StoreError, InputError) as err:  # (the values stay in the panel, to save again)
            lost = f"{self.book.exercise(exercise_id).name} {self.typed(exercise_id, entry)}"
            status.show(refused(self.screen, err, "NOT saved", lost), "error")
            return None
        self.saved(saved)
        if self._next_in_round(label, exercise_id):
            return None  # the panel shows the partner's next set
        after = self.screen.changes.advance(saved)
        if after is not None:  # its planned sets are done: on to the next (the rest runs on)
            self.current = after
            self.fill()
            self.screen.day_changed()
            status = self.screen.status
            if getattr(status, "level", "") == "saved":  # (advice on the set stays as it is)
                status.show(
                    f"{status.text}\nAll planned sets done: next, "
                    f"{self.book.exercise(after).name}.",
                    "saved",
                )
            return self.book.prefill(after, self.unit)
        return self.book.prefill(exercise_id, self.unit, warmup=submission.warmup)

    def _next_in_round(self, label: str | None, exercise_id: str) -> bool:
        """After a set in a superset, show the next exercise of the round (True)."""
        found = self.rounds.after(exercise_id) if label else None
        if found is None or found[0] == exercise_id:
            return False
        self.current = found[0]
        self.fill()
        self.screen.exercises.highlight(found[0])
        self.screen.refresh_bindings()
        return True

    def saved(self, saved: Saved) -> None:
        """A set is on disk (now, or after waiting): say so and redraw."""
        self.unit = saved.set.unit  # the next exercise starts in the unit used last, here only
        group = self.rounds.of(saved.set.exercise_id) if saved.set.superset else None
        self.screen.logged(saved, rest=group is None or group.ends_round(saved.set.exercise_id))
        if saved.set.exercise_id == self.current:
            self.show_sets()
        if self.current is not None:  # a first set today ends the ramp's offer
            self.entry.set_extra_lines(self.bar.extra_lines(self.current))

    def kind_changed(self, warmup: bool) -> Prefill | None:
        """`w` on untouched fields: that kind's own pre-fill (a working set after
        warm-ups starts from last time's working set and the plan, not the warm-up)."""
        if self.current is None:
            return None
        return self.book.prefill(self.current, self.entry.unit, warmup=warmup)

    # --- what the panel's keys do ------------------------------------------------------

    def can(self, what: str) -> bool | None:
        """For check_action: True runs, None greys the key out, False hides it."""
        if what == "stop":
            return self.saving_later()
        shown = self.ready and self.current is not None
        if what in ("edit", "delete"):
            return True if shown and self.book.sets_today(self.current or "") else None
        if what == "undo":
            return True if self.book.can_undo else None
        return shown

    def run(self, what: str) -> None:
        {
            "edit": self.edit,
            "delete": self.delete,
            "undo": self.undo,
            "stop": self.waiting.stop,
            "warmup": self.entry.toggle_warmup,
            "unit": self.toggle_unit,
            "up": lambda: self.table.step(-1),
            "down": lambda: self.table.step(1),
            "ramp": self.bar.accept,
            "superset": self.rounds.toggle,
            "kind": self.entry.cycle_kind,
        }[what]()

    def toggle_unit(self) -> None:
        self.entry.toggle_unit()
        self.screen.status.show(
            f"Weights now in {self.entry.unit} (the weight shown was converted)."
        )

    def edit(self) -> None:
        from .modals import EditSet

        found = self.table.highlighted() if self.ready else None
        if found is None:
            return
        row, session, logged = found

        def edited(entry: Entry | None) -> None:
            if entry is None:
                return
            try:
                from ..entries import with_entry

                changed = self.book.edit(session.id, with_entry(logged, entry))
            except (StoreError, InputError) as err:
                lost = f"set {row + 1} of {name} as {self.typed(logged.exercise_id, entry)}"
                self.screen.status.show(refused(self.screen, err, "NOT saved", lost), "error")
                return
            self.screen.status.show(
                f"Set {row + 1} changed to {self._described(changed.set)}.", "saved"
            )
            self.changed()

        name = self.book.exercise(logged.exercise_id).name
        mode = self.panel_mode(self.book.exercise(logged.exercise_id))
        self.screen.app.push_screen(EditSet(logged, f"Edit set {row + 1} of {name}", edited, mode))

    def delete(self) -> None:
        found = self.table.highlighted() if self.ready else None
        if found is None:
            return
        row, session, logged = found
        try:
            deleted = self.book.delete(session.id, logged.id)
        except StoreError as err:
            lost = f"set {row + 1} ({self._described(logged)})"
            self.screen.status.show(refused(self.screen, err, "NOT deleted", lost), "error")
            return
        self.screen.status.show(
            f"Deleted set {row + 1} ({self._described(deleted.set)}). Press u to undo.", "warning"
        )
        self.changed()

    def undo(self) -> None:
        try:
            restored = self.book.undo()
        except StoreError as err:
            self.screen.status.show(refused(self.screen, err, "NOT restored"), "error")
            return
        if restored is None:
            return
        self.screen.status.show(f"Restored {self._described(restored.set)}.", "saved")
        self.current = restored.set.exercise_id
        self.changed()

    def changed(self) -> None:
        """A set was edited, deleted or restored: the day's list, table and pre-fill follow."""
        self.screen.day_changed()
        self.fill()
