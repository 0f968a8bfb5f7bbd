"""The Today screen: the day's exercises, the sets logged, and the set-entry panel.

The rules live in the logbook (what a set joins, what to pre-fill, which set is
the plan's last, what the advice is) and the domain; this screen lays them out.
Every set is committed to disk by the logbook before it is shown as saved.

Keys typed ahead are applied in order (ui/keys.py): the list and the panel hand
each key to the screen's bindings themselves, and dialogs answer through
callbacks run at once.  Letter keys work everywhere except while typing a note.

Dialogs and other screens are imported when first opened, and the sets table and
panel are mounted when an exercise is first shown (on a day with none yet, right
after the first frame): the first frame should not wait on code it does not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from ..domain.deload import deload_decision, next_block_due
from ..domain.models import Unit
from ..domain.settings import Settings
from ..domain.sessions import duration_text, last_performance, plural, set_counts
from ..logbook import Entry, Logbook, with_entry
from ..store import StoreError
from .widgets.exercise_list import ExerciseList, exercise_row
from .widgets.header import TodayHeader
from .actions import Action, bindings, by_binding_id
from .trouble import KeepsRunning
from .widgets.key_bar import KeyBar
from .widgets.rest_timer import RestTimer
from .widgets.status_line import StatusLine
from .widgets.too_small import TooSmall, presize

if TYPE_CHECKING:  # mounted on demand, imported then (see _work_panel)
    from .widgets.set_entry import SetEntry, Submission
    from .widgets.sets_table import SetsTable
    from ..domain.sessions import Prefill

ACTIONS: tuple[Action, ...] = (
    Action("a", "add_exercise", "Add", "Add exercise", "Search the catalogue and your own exercises"),
    Action("e", "edit_set", "Edit", "Edit set", "Change the highlighted logged set"),
    Action("d", "delete_set", "Delete", "Delete set", "Delete the highlighted set (u undoes it)"),
    Action("u", "undo", "Undo", "Undo delete", "Bring back the set deleted last", show=False),
    Action("w", "toggle_warmup", "Warm-up", "Toggle warm-up",
           "Mark the next set as warm-up or working", show=False),
    Action("t", "toggle_unit", "kg/lb", "Switch kg/lb",
           "Enter weights in the other unit (the weight shown is converted)", show=False),
    Action("s", "skip_rest", "Skip rest", "Skip rest", "Stop the rest timer", show=False),
    Action("plus", "extend_rest", "+30 s", "Extend rest", "Add 30 seconds to the rest timer",
           show=False),
    Action("f", "finish", "Finish", "Finish session", "End today's session"),
    Action("o", "reopen", "Reopen", "Reopen session",
           "Carry on with the session finished today instead of starting a new one", show=False),
    Action("h", "history", "History", "History", "Past sessions, read-only"),
    Action("m", "dashboard", "Block", "Mesocycle dashboard",
           "Week N of M, weekly sets per muscle, strength trends, deload"),
    Action("p", "plan", "Plan", "Plan a mesocycle", "Start a training block from a template",
           show=False),
    Action("q", "quit", "Quit", "Quit", "Leave the app: every set is already saved",
           in_palette=False),
    Action("escape", "focus_exercises", "Back", "Back to the exercise list", show=False),
    Action("up", "pick_set(-1)", "Previous set", "Previous set", show=False, in_palette=False),
    Action("down", "pick_set(1)", "Next set", "Next set", show=False, in_palette=False),
)


class TodayScreen(KeepsRunning, Screen):
    """Where lifters spend their time between sets."""

    BINDINGS = bindings("today", ACTIONS)
    NAMED_ACTIONS = by_binding_id("today", ACTIONS)

    def __init__(self, store, clock, settings: Settings | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.settings = settings or Settings()
        self.book = Logbook(store, clock)
        self.today = self.book.day
        #: the unit a new exercise starts in: the setting, then the one used last here
        self.unit: Unit = self.settings.unit
        self.order: list[str] = []  # exercise ids: planned first, then as done or added
        self.current: str | None = None
        self._resumed_once = False
        self._panel: list | None = None  # the mounts of the sets table and set-entry panel
        self._panel_ready = False
        self._merge_order()
        # Set before mounting: changing a screen's class later restyles every widget.
        self.set_class(not self.order, "-empty", update=False)
        presize(self)

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TodayHeader(id="header")
        with Vertical(id="body"):
            yield Static(Content.from_markup(self._empty_hint()), id="empty-hint")
            yield ExerciseList(self._choose, id="exercises")
            # (the sets table goes here, the set-entry panel last: see _work_panel)
            yield StatusLine("", id="status")
            yield RestTimer(id="rest")
        yield KeyBar()
        yield TooSmall(id="too-small")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler, which restyles every widget on a resume.  The
        # first resume follows the mount, where each widget was just styled: skip it there
        # (that restyle took 18 ms, timed by wrapping App.update_styles).  Later ones run.
        if not self._resumed_once:
            self._resumed_once = True
            event.refresh_styles = False

    async def on_mount(self) -> None:
        self.exercises.border_title = "Today"
        if self.order:
            await self._work_panel()
        else:  # hidden on a day with no exercise yet: mounted just after the first frame
            self.call_after_refresh(self._work_panel)
        self._resume()
        self._refresh_header()
        self.set_interval(30, self._refresh_header)
        self.call_after_refresh(self.prompt_block)

    async def _work_panel(self) -> None:
        """Mount the sets table and the set-entry panel (once), and wait until they are.

        Hidden on a day with no exercise yet, they cost tens of ms of the time to the
        first frame (benchmarks/profile_start.py with and without them), so they are not
        composed with the screen.  Whatever first shows an exercise awaits this.
        """
        if self._panel is None:
            from .widgets.set_entry import SetEntry
            from .widgets.sets_table import SetsTable

            body = self.query_one("#body", Vertical)
            self._panel = [body.mount(SetsTable(id="sets"), before="#status"),
                           body.mount(SetEntry(self._submit, self._kind_changed, id="entry"))]
        for mounting in self._panel:
            await mounting
        if not self._panel_ready:
            self._panel_ready = True
            self.refresh_bindings()

    @property
    def exercises(self) -> ExerciseList:
        return self.query_one("#exercises", ExerciseList)

    @property
    def entry(self) -> SetEntry:
        return self.query_one("#entry")  # type: ignore[return-value]

    @property
    def table(self) -> SetsTable:
        return self.query_one("#sets")  # type: ignore[return-value]

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @property
    def timer(self) -> RestTimer:
        return self.query_one(RestTimer)

    def _merge_order(self) -> None:
        """Planned exercises first, in plan order, then anything else done or added today."""
        planned = self.book.planned_ids()
        extra = [e for e in [*self.order, *self.book.done_today()] if e not in planned]
        self.order = planned + list(dict.fromkeys(extra))

    def _resume(self) -> None:
        """Show the open session found at start (a dropped link or a crash loses nothing)."""
        session = self.book.current
        if session:
            self.status.show(f"Resumed the session started {session.started_at:%H:%M} "
                             f"({plural(len(session.sets), 'set')} so far).")
        done = self.book.done_today()
        self._show_exercises()
        select = done[-1] if done else (self.order[0] if self.order else None)
        if select is not None:
            self.call_next(self._open, select)
        else:
            self.set_focus(self.exercises)

    # --- showing state -----------------------------------------------------------------

    def prompt_block(self) -> None:
        """Ask for a deload when one is due, or offer the next block after a deload."""
        from .deload import DeloadPrompt, NextBlockPrompt, apply_deload_choice, apply_next_block

        meso = self.book.meso
        if meso is None:
            return
        if next_block_due(meso, self.today):
            def answered(yes: bool | None) -> None:
                if yes:
                    self._show_outcome(apply_next_block(self.store, meso, self.today))
            self.app.push_screen(NextBlockPrompt(meso), answered)
            return
        sessions = self.store.sessions_between(meso.start, self.today)
        decision = deload_decision(meso, sessions, self.book.catalogue.get, self.today)
        if not decision.prompt:
            return

        def chosen(choice: str | None) -> None:
            self._show_outcome(apply_deload_choice(self.store, meso, choice, self.today))
        self.app.push_screen(DeloadPrompt(meso, decision), chosen)

    def _show_outcome(self, outcome) -> None:
        if outcome is None:
            return
        if outcome.saved:
            self.block_changed(outcome.message)
        else:
            self.status.show(outcome.message, "error")

    def block_changed(self, message: str = "") -> None:
        """The block was planned, deloaded or postponed elsewhere: show today's plan anew."""
        self.book.load_plan()
        self._merge_order()
        self._show_exercises()
        if self.current is not None:
            self._with_panel(lambda: self._fill_panel(self.current))
        self._refresh_header()
        if message:
            self.status.show(message, "saved")

    def _row(self, exercise_id: str):
        ex = self.book.exercise(exercise_id)
        sets = [s for _, s in self.book.sets_today(exercise_id)]
        counts = set_counts(sets)
        slot = self.book.slot(exercise_id)
        done = f"{counts.working}/{slot.sets}" if slot else plural(counts.working, "set")
        done += f" +{counts.warmups}w" if counts.warmups else ""
        session, last = self.book.last_time(exercise_id)
        return exercise_row(ex.name, done, slot.short_text if slot else "",
                            last_performance(session, last, self.today, compact=True),
                            bool(slot and counts.working >= slot.sets))

    def _show_exercises(self) -> None:
        try:
            rows = [(ex_id, self._row(ex_id)) for ex_id in self.order]
        except StoreError as err:  # an old month's file is damaged: today still works
            self.status.show(f"History not readable: {err}", "error")
            return
        self.exercises.show_rows(rows, self.current)
        empty = not self.order
        if self.has_class("-empty") != empty:  # a class change restyles the whole screen
            self.set_class(empty, "-empty")
        self.query_one("#empty-hint", Static).update(Content.from_markup(self._empty_hint()))
        self.exercises.border_title = Content(self._list_title())
        self.refresh_bindings()  # edit, delete, undo, finish: what check_action allows changed

    def _with_panel(self, show: Callable[[], None]) -> None:
        """Run `show` now if the panel is mounted, else the moment it is."""
        if self._panel_ready:
            show()
            return

        async def when_mounted() -> None:
            await self._work_panel()
            show()
        self.call_next(when_mounted)

    async def _open(self, exercise_id: str, focus: bool = True) -> None:
        """Show an exercise in the panel (mounting it first if need be), ready to type."""
        await self._work_panel()
        self.current = exercise_id
        self._fill_panel(exercise_id)
        if exercise_id in self.order:
            self.exercises.highlighted = self.order.index(exercise_id)
        if focus:
            self.set_focus(self.entry)  # at once: keys typed ahead follow it
        self.refresh_bindings()

    async def _choose(self, exercise_id: str) -> None:
        await self._open(exercise_id)

    def _fill_panel(self, exercise_id: str) -> None:
        """The exercise's sets today, and the entry pre-filled for its next set."""
        self._show_sets()
        entry = self.entry
        ex = self.book.exercise(exercise_id)
        slot = self.book.slot(exercise_id)
        name = ex.name if len(ex.name) <= 36 else ex.name[:35] + "…"
        entry.border_title = Content(f"Log a set: {name}" + (
            f" · target {slot.target_text}" if slot else ""))
        entry.load(self.book.prefill(exercise_id, self.unit))

    def _show_sets(self) -> None:
        if self.current is None:
            self.table.show("", [])
            return
        sets = self.book.sets_today(self.current)
        self.table.show(f"{self.book.exercise(self.current).name}: "
                        f"{plural(len(sets), 'set')} today", sets)

    def _list_title(self) -> str:
        workout = self.book.workout
        if workout is None:
            return "Today"
        if workout.day_name is None:
            return "Today: rest day in the plan"
        return f"Today: {workout.day_name}" + (" (deload)" if workout.deload else "")

    def _empty_hint(self) -> str:
        add = "Press [b]a[/b] to add an exercise, e.g. a squat."
        if self.book.meso is None:
            return f"No exercises yet. {add} [b]p[/b] plans a training block."
        return f"Rest day in {Content(self.book.meso.name).markup}. {add}"

    def _refresh_header(self) -> None:
        current = self.book.current
        workout = self.book.workout
        self.query_one(TodayHeader).show(self.today, current.started_at if current else None,
                                         self.clock.now(), workout.week_label if workout else "")

    # --- logging -----------------------------------------------------------------------

    def _submit(self, submission: Submission) -> Prefill | None:
        """Enter in the panel: save the set, say so, and pre-fill the next one."""
        if self.current is None:
            self.status.show("Add an exercise first (press a).", "warning")
            return None
        exercise_id = self.current
        try:
            saved = self.book.log(exercise_id, Entry(submission.values, submission.warmup,
                                                     submission.note))
        except StoreError as err:
            self.status.show(f"NOT saved: {err}", "error")
            return None
        self.unit = saved.set.unit  # the next exercise starts in the unit used last, here only
        ex = saved.exercise
        message = (f"Saved set {saved.number}: {ex.name} {saved.set.describe()}"
                   + (" (warm-up)" if saved.set.is_warmup else ""))
        if saved.new_session and len(self.book.sessions) > 1:
            message += " · a new session"
        advice = saved.advice
        if advice and advice.needs_attention:
            mark = "!" if advice.level == "warning" else "•"
            self.status.show(f"{message}\n{mark} {advice.message}", advice.level, advice.evidence)
        else:
            self.status.show(message, "saved")
        if not saved.set.is_warmup:
            self.timer.start(self.settings.rest_seconds(ex), f"after {ex.name[:22]}")
        self._show_exercises()
        self._show_sets()
        self._refresh_header()
        return self.book.prefill(exercise_id, self.unit, warmup=submission.warmup)

    def _kind_changed(self, warmup: bool) -> Prefill | None:
        """`w` on untouched fields: that kind's own pre-fill (a working set after
        warm-ups starts from last time's working set and the plan, not the warm-up)."""
        if self.current is None:
            return None
        return self.book.prefill(self.current, self.entry.unit, warmup=warmup)

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        panel_shown = self._panel_ready and self.current is not None
        if action in ("edit_set", "delete_set"):
            return True if panel_shown and self.book.sets_today(self.current or "") else None
        if action in ("toggle_warmup", "toggle_unit", "pick_set"):
            return panel_shown
        if action == "undo":
            return True if self.book.can_undo else None
        if action == "finish":
            return True if self.book.current is not None else None
        if action == "reopen":
            return self.book.finished_today
        if action in ("skip_rest", "extend_rest"):
            return True if self.timer.running else None
        return True

    def action_add_exercise(self) -> None:
        from .modals import ExercisePicker

        async def picked(exercise_id: str | None) -> None:
            if exercise_id is None:
                return
            if exercise_id not in self.order:
                self.order.append(exercise_id)
            self.current = exercise_id
            self._show_exercises()
            await self._open(exercise_id)
            self.status.show(f"{self.book.exercise(exercise_id).name}: type weight, reps, RIR "
                             "and press Enter.")

        self.app.push_screen(ExercisePicker(self.book.catalogue, self._create_exercise, picked))

    def _create_exercise(self, ex) -> str | None:
        """Save a new exercise of the lifter's; the error to show, or None."""
        try:
            self.store.save_exercise(ex)
            self.book.set_catalogue(self.store.catalogue())
        except StoreError as err:
            return str(err)
        return None

    @on(OptionList.OptionHighlighted, "#exercises")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id != self.current and event.option.id is not None:
            self.call_next(self._open, event.option.id, False)

    @on(OptionList.OptionSelected, "#exercises")
    async def _clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            await self._open(event.option.id)

    def on_data_table_row_selected(self) -> None:
        self.action_edit_set()

    def action_pick_set(self, delta: int) -> None:
        self.table.step(delta)

    def action_edit_set(self) -> None:
        from .modals import EditSet

        found = self.table.highlighted() if self._panel_ready else None
        if found is None:
            return
        row, session, logged = found

        def edited(entry: Entry | None) -> None:
            if entry is None:
                return
            try:
                changed = self.book.edit(session.id, with_entry(logged, entry))
            except StoreError as err:
                self.status.show(f"NOT saved: {err}", "error")
                return
            self.status.show(f"Set {row + 1} changed to {changed.set.describe()}.", "saved")
            self._after_change()

        name = self.book.exercise(logged.exercise_id).name
        self.app.push_screen(EditSet(logged, f"Edit set {row + 1} of {name}", edited))

    def action_delete_set(self) -> None:
        found = self.table.highlighted() if self._panel_ready else None
        if found is None:
            return
        row, session, logged = found
        try:
            deleted = self.book.delete(session.id, logged.id)
        except StoreError as err:
            self.status.show(f"NOT deleted: {err}", "error")
            return
        self.status.show(f"Deleted set {row + 1} ({deleted.set.describe()}). Press u to undo.",
                         "warning")
        self._after_change()

    def action_undo(self) -> None:
        try:
            restored = self.book.undo()
        except StoreError as err:
            self.status.show(f"NOT restored: {err}", "error")
            return
        if restored is None:
            return
        if restored.set.exercise_id not in self.order:
            self.order.append(restored.set.exercise_id)
        self.status.show(f"Restored {restored.set.describe()}.", "saved")
        self.current = restored.set.exercise_id
        self._after_change()

    def _after_change(self) -> None:
        """A set was edited, deleted or restored: list, table and pre-fill follow."""
        self._show_exercises()
        if self.current is not None:
            self._fill_panel(self.current)

    def action_toggle_warmup(self) -> None:
        self.entry.toggle_warmup()

    def action_toggle_unit(self) -> None:
        self.entry.toggle_unit()
        self.status.show(f"Weights now in {self.entry.unit} (the weight shown was converted).")

    def action_skip_rest(self) -> None:
        self.timer.skip()

    def action_extend_rest(self) -> None:
        self.timer.extend()

    def action_focus_exercises(self) -> None:
        self.set_focus(self.exercises)

    def action_finish(self) -> None:
        from .modals import Confirm

        session = self.book.current
        if session is None:
            return
        counts = set_counts(session.sets)
        took = duration_text(session.started_at, self.clock.now())

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                done = self.book.finish()
            except StoreError as err:
                self.status.show(f"NOT finished: {err}", "error")
                return
            self.timer.skip("")
            self._show_exercises()
            self._refresh_header()
            self.status.show(f"Session finished: {done.counts} in "
                             f"{duration_text(done.started_at, done.ended_at)}. Well trained. "
                             "(A set logged now starts a new session; o reopens this one.)",
                             "saved")
            self.set_focus(self.exercises)

        self.app.push_screen(Confirm("Finish today's session?", f"{counts} in {took}.", answered))

    def action_reopen(self) -> None:
        try:
            session = self.book.reopen()
        except StoreError as err:
            self.status.show(f"NOT reopened: {err}", "error")
            return
        if session is not None:
            self.status.show(f"Reopened the session started {session.started_at:%H:%M}: new sets "
                             "join it.", "saved")
            self._refresh_header()
            self.refresh_bindings()

    def action_history(self) -> None:
        from .history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.store, self.today))

    def action_dashboard(self) -> None:
        from .dashboard import DashboardScreen

        self.app.push_screen(DashboardScreen(self.store, self.today),
                             lambda message: self.block_changed(message or ""))

    def action_plan(self) -> None:
        from .plan import PlanScreen

        def planned(meso) -> None:
            if meso is not None:
                self.block_changed(f"Saved {meso.name}: {meso.weeks} weeks from "
                                   f"{meso.start:%a %d %b}, then a deload week.")
        self.app.push_screen(PlanScreen(self.store, self.clock), planned)

    async def action_quit(self) -> None:
        self.app.exit()

