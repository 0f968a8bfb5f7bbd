"""The Today screen: today's exercises, the sets logged, and the set-entry panel.

Dialogs and other screens are imported when first opened, and the sets table
and set-entry panel are mounted when an exercise is first shown (on a day with
none yet, right after the first frame): the first frame should not wait on code
it does not show.

Every set is committed to disk by the store before it is shown as logged.  Letter
keys work from anywhere on the screen except while typing a note.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..domain.advice import failure_advice
from ..domain.deload import deload_decision, next_block_due
from ..domain.mesocycle import active_mesocycle
from ..domain.models import Exercise, LoggedSet, Session, format_weight
from ..domain.sessions import (
    duration_text, last_performance, plural, prefill, session_to_resume, working_set_count)
from ..domain.workout import Workout, planned_prefill, todays_workout
from ..store import StoreError
from .widgets.header import TodayHeader
from .widgets.key_bar import KeyBar
from .widgets.rest_timer import RestTimer
from .widgets.too_small import TooSmall, presize

if TYPE_CHECKING:  # mounted on demand, imported then (see _work_panel)
    from textual.widgets import DataTable

    from .widgets.set_entry import SetEntry

#: (key, action, footer label, shown in footer, palette title, palette help)
ACTIONS = [
    ("a", "add_exercise", "Add", True, "Add exercise", "Search the catalogue and your own exercises"),
    ("e", "edit_set", "Edit", True, "Edit set", "Change the highlighted logged set"),
    ("d", "delete_set", "Delete", True, "Delete set", "Delete the highlighted set (u undoes it)"),
    ("u", "undo", "Undo", False, "Undo delete", "Bring back the set deleted last"),
    ("w", "toggle_warmup", "Warm-up", False, "Toggle warm-up", "Mark the next set as warm-up or working"),
    ("t", "toggle_unit", "kg/lb", False, "Switch kg/lb", "Enter weights in the other unit"),
    ("s", "skip_rest", "Skip rest", False, "Skip rest", "Stop the rest timer"),
    ("plus", "extend_rest", "+30 s", False, "Extend rest", "Add 30 seconds to the rest timer"),
    ("f", "finish", "Finish", True, "Finish session", "End today's session"),
    ("h", "history", "History", True, "History", "Past sessions, read-only"),
    ("m", "dashboard", "Block", True, "Mesocycle dashboard",
     "Week N of M, weekly sets per muscle, strength trends, deload"),
    ("p", "plan", "Plan", False, "Plan a mesocycle", "Start a training block from a template"),
    ("q", "quit", "Quit", True, "Quit", "Leave the app: every set is already saved"),
]


class TodayScreen(Screen):
    """Where lifters spend their time between sets."""

    BINDINGS = [
        Binding(key, action, label, show=show, priority=True) for key, action, label, show, *_ in ACTIONS
    ] + [
        Binding("escape", "focus_exercises", "Back", show=False),
    ]

    def __init__(self, store, clock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.today = clock.today()
        self.session: Session | None = None
        self.order: list[str] = []  # exercise ids, as done or added today
        self.current: str | None = None
        self._last: dict[str, tuple[Session | None, list[LoggedSet]]] = {}
        self._undo: tuple[str, LoggedSet, int] | None = None
        self._resumed_once = False
        self._panel: list | None = None  # the mounts of the sets table and set-entry panel
        self._panel_ready = False
        self.catalogue = store.catalogue()
        self.meso = None
        self.workout: Workout | None = None
        self._load_plan()
        yesterday = self.today - timedelta(days=1)
        candidates = [s for s in (store.open_session(self.today), store.open_session(yesterday)) if s]
        self.session = session_to_resume(candidates, clock.now())
        self._merge_order()
        # Set before mounting: changing a screen's class later restyles every widget.
        self.set_class(not self.order, "-empty", update=False)
        presize(self)

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TodayHeader(id="header")
        with Vertical(id="body"):
            yield Static("No exercises yet. Press [b]a[/b] to add one, e.g. a squat.", id="empty-hint")
            yield OptionList(id="exercises")
            # (the sets table goes here, the set-entry panel last: see _work_panel)
            yield Static("", id="status")
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
        self.query_one("#exercises", OptionList).border_title = "Today"
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

        Hidden on a day with no exercise yet, they cost ~70 ms of the time to the first
        frame (benchmarks/profile_start.py with and without them), so they are not
        composed with the screen.
        Whatever first shows an exercise awaits this; the keys that act on the panel
        are disabled until it is there (check_action).
        """
        if self._panel is None:
            from textual.widgets import DataTable

            from .widgets.set_entry import SetEntry

            table = DataTable(id="sets", cursor_type="row", zebra_stripes=True)
            # Text, not str: a str label is parsed as markup, which loads Rich's emoji table.
            table.add_columns(*map(Text, ("#", "Weight", "Reps", "RIR", "Type", "Note")))
            body = self.query_one("#body", Vertical)
            self._panel = [body.mount(table, before="#status"), body.mount(SetEntry(id="entry"))]
        for mounting in self._panel:
            await mounting
        if not self._panel_ready:
            self._panel_ready = True
            self.refresh_bindings()

    def _with_panel(self, show: Callable[[], None]) -> None:
        """Run `show` now if the panel is mounted, else the moment it is (keys typed ahead)."""
        if self._panel_ready:
            show()
            return

        async def when_mounted() -> None:
            await self._work_panel()
            show()
        self.call_next(when_mounted)

    def _focus_entry(self) -> None:
        self._with_panel(lambda: self.entry.focus_first())

    @property
    def entry(self) -> SetEntry:
        return self.query_one("#entry")

    @property
    def table(self) -> DataTable:
        return self.query_one("#sets")

    def _load_plan(self) -> None:
        """The active block's plan for today (re-read after the block changes)."""
        self.meso = active_mesocycle(self.store.mesocycles(), self.today)
        self.workout = todays_workout(self.meso, self.today, self.catalogue.get)

    def _planned_ids(self) -> list[str]:
        return [slot.exercise_id for slot in self.workout.slots] if self.workout else []

    def _merge_order(self) -> None:
        """Planned exercises first, in plan order, then anything else done or added today."""
        logged = self.session.exercise_ids() if self.session else []
        extra = [e for e in [*self.order, *logged] if e not in self._planned_ids()]
        self.order = self._planned_ids() + list(dict.fromkeys(extra))

    def _resume(self) -> None:
        """Show the open session found in __init__ (a dropped link or a crash loses nothing)."""
        session = self.session
        if session:
            self._status(f"Resumed the session started {session.started_at:%H:%M} "
                         f"({plural(len(session.sets), 'set')} so far).")
        done = self.session.exercise_ids() if self.session else []
        self._show_exercises(select=self._first_to_do(done))
        if self.order:
            self._focus_entry()
        else:
            self.query_one("#exercises", OptionList).focus()

    # --- showing state -----------------------------------------------------------------

    def _first_to_do(self, done: list[str]) -> str | None:
        """Where to put the cursor: the last exercise worked on, else the first planned one."""
        if done:
            return done[-1]
        return self.order[0] if self.order else None

    def prompt_block(self) -> None:
        """Ask for a deload when one is due, or offer the next block after a deload."""
        from .deload import DeloadPrompt, NextBlockPrompt, apply_deload_choice, apply_next_block

        if self.meso is None:
            return
        meso = self.meso
        if next_block_due(meso, self.today):
            def answered(yes: bool | None) -> None:
                if yes:
                    self._show_outcome(apply_next_block(self.store, meso, self.today))
            self.app.push_screen(NextBlockPrompt(meso), answered)
            return
        sessions = self.store.sessions_between(meso.start, self.today)
        decision = deload_decision(meso, sessions, self.catalogue.get, self.today)
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
            self._status(outcome.message, "error")

    def block_changed(self, message: str = "") -> None:
        """The block was planned, deloaded or postponed elsewhere: show today's plan anew."""
        self._load_plan()
        self._merge_order()
        self._show_exercises(select=self.current or self._first_to_do([]))
        self._refresh_header()
        if message:
            self._status(message, "saved")

    def _exercise(self, exercise_id: str) -> Exercise:
        ex = self.catalogue.get(exercise_id)
        if ex is None:  # deleted or from a newer catalogue: still show the sets
            ex = Exercise(exercise_id, exercise_id, ("chest",), custom=True)
        return ex

    def _sets_today(self, exercise_id: str) -> list[LoggedSet]:
        return self.session.sets_for(exercise_id) if self.session else []

    def _last_time(self, exercise_id: str) -> tuple[Session | None, list[LoggedSet]]:
        if exercise_id not in self._last:
            try:
                found = self.store.last_sets(
                    exercise_id, before=self.today,
                    exclude_session=self.session.id if self.session else None)
            except StoreError as err:  # an old month's file is damaged: today still works
                self._status(f"History not readable: {err}", "error")
                found = None
            self._last[exercise_id] = found if found else (None, [])
        return self._last[exercise_id]

    def _show_exercises(self, select: str | None = None) -> None:
        options = self.query_one("#exercises", OptionList)
        options.clear_options()
        for ex_id in self.order:
            ex = self._exercise(ex_id)
            sets = self._sets_today(ex_id)
            session, last = self._last_time(ex_id)
            working = working_set_count(sets)
            slot = self.workout.slot(ex_id) if self.workout else None
            done = f"{working}/{slot.sets}" if slot else plural(working, "set")
            done += f" +{len(sets) - working}w" if len(sets) > working else ""
            target = slot.short_text if slot else ""
            mark = "✓" if slot and working >= slot.sets else " "
            row = Text(f"{mark}{ex.name[:20]:<20} {done:<6} {target:<11} ", no_wrap=True,
                       overflow="ellipsis")
            row.append(last_performance(session, last, self.today, compact=True), style="dim")
            options.add_option(Option(row, id=ex_id))
        empty = not self.order
        if self.has_class("-empty") != empty:  # a class change restyles the whole screen
            self.set_class(empty, "-empty")
        self.query_one("#empty-hint", Static).update(self._empty_hint())
        options.border_title = self._list_title()
        if select is not None and select in self.order:
            options.highlighted = self.order.index(select)
            self._select(select)
        self.refresh_bindings()  # edit, delete, undo, finish: what check_action allows changed

    def _select(self, exercise_id: str) -> None:
        self.current = exercise_id
        self._with_panel(lambda: self._fill_panel(exercise_id))

    def _fill_panel(self, exercise_id: str) -> None:
        """The sets of `exercise_id` today, and the entry pre-filled for its next set."""
        if self.current != exercise_id:  # another was chosen while the panel mounted
            return
        ex = self._exercise(exercise_id)
        self._show_sets()
        entry = self.entry
        slot = self.workout.slot(exercise_id) if self.workout else None
        entry.border_title = f"Log a set: {ex.name}"[:40] + (
            f" · target {slot.target_text}" if slot else "")
        session, last = self._last_time(exercise_id)
        unit = self.store.get_setting("unit", "kg")
        today_sets = self._sets_today(exercise_id)
        values = prefill(today_sets, last, unit)
        entry.load(planned_prefill(values, slot, working_set_count(today_sets)))

    def _show_sets(self) -> None:
        table = self.table
        table.clear()
        if self.current is None:
            return
        sets = self._sets_today(self.current)
        for i, s in enumerate(sets, 1):
            table.add_row(str(i), format_weight(s.weight_kg, s.unit), str(s.reps),
                          "-" if s.rir is None else str(s.rir), "warm-up" if s.is_warmup else "working",
                          s.note[:24], key=s.id)
        table.border_title = f"{self._exercise(self.current).name}: {plural(len(sets), 'set')} today"
        if sets:
            table.move_cursor(row=len(sets) - 1)

    def _status(self, text: str, level: str = "info") -> None:
        status = self.query_one("#status", Static)
        status.update(text)
        status.set_classes(f"-{level}")

    def _list_title(self) -> str:
        if self.workout is None:
            return "Today"
        if self.workout.day_name is None:
            return "Today: rest day in the plan"
        return f"Today: {self.workout.day_name}" + (" (deload)" if self.workout.deload else "")

    def _empty_hint(self) -> str:
        add = "Press [b]a[/b] to add an exercise, e.g. a squat."
        if self.meso is None:
            return f"No exercises yet. {add} [b]p[/b] plans a training block."
        return f"Rest day in {self.meso.name}. {add}"

    def _refresh_header(self) -> None:
        started = self.session.started_at if self.session else None
        week = self.workout.week_label if self.workout else ""
        self.query_one(TodayHeader).show(self.today, started, self.clock.now(), week)

    # --- logging -----------------------------------------------------------------------

    def on_set_entry_submitted(self, event: SetEntry.Submitted) -> None:
        if event.panel.id == "entry":
            self.log_set(event)

    def log_set(self, event: SetEntry.Submitted) -> None:
        if self.current is None:
            self._status("Add an exercise first (press a).", "warning")
            return
        e = event.entry
        logged = LoggedSet(exercise_id=self.current, weight_kg=e.weight_kg, unit=e.unit, reps=e.reps,
                           rir=e.rir, at=self.clock.now(), kind="warmup" if event.warmup else "working",
                           note=event.note)
        try:
            self.session = self.store.log_set(logged, day=self.session.date if self.session else self.today,
                                              session_id=self.session.id if self.session else None)
        except StoreError as err:
            self._status(f"NOT saved: {err}", "error")
            return
        if e.unit != self.store.get_setting("unit", "kg"):
            self.store.set_setting("unit", e.unit)  # the next exercise starts in the same unit
        ex = self._exercise(self.current)
        number = len(self._sets_today(self.current))
        message = f"Saved set {number}: {ex.name} {logged.describe()}" + (" (warm-up)" if logged.is_warmup else "")
        slot = self.workout.slot(self.current) if self.workout else None
        done_before = working_set_count(self._sets_today(self.current)) - (0 if logged.is_warmup else 1)
        advice = failure_advice(logged, ex, is_final_set=slot.is_final_set(done_before) if slot else None)
        if advice and advice.needs_attention:
            self._status(f"{message}\n{'!' if advice.level == 'warning' else '•'} {advice.message} "
                         f"[dim]{advice.evidence}[/]", advice.level)
        else:
            self._status(message, "saved")
        if not logged.is_warmup:
            self.query_one(RestTimer).start(ex.rest_seconds, f"after {ex.name[:22]}")
        self._show_exercises(select=self.current)
        self._refresh_header()
        self._focus_entry()

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if focused is not None and focused.id == "note" and action != "focus_exercises":
            return False  # typing a note: letters are text
        if action in ("edit_set", "delete_set") and not (
                self._panel_ready and self._sets_today(self.current or "")):
            return None
        if action in ("toggle_warmup", "toggle_unit") and not self._panel_ready:
            return False  # for the moment the panel takes to mount
        if action == "undo" and self._undo is None:
            return None
        if action == "finish" and self.session is None:
            return None
        if action in ("skip_rest", "extend_rest") and not self.query_one(RestTimer).running:
            return None
        return True

    def action_add_exercise(self) -> None:
        from .modals import ExercisePicker

        def picked(exercise_id: str | None) -> None:
            if exercise_id is None:
                return
            if exercise_id not in self.order:
                self.order.append(exercise_id)
            self._show_exercises(select=exercise_id)
            self._focus_entry()
            self._status(f"{self._exercise(exercise_id).name}: type weight, reps, RIR and press Enter.")

        self.app.push_screen(ExercisePicker(self.catalogue, self._create_exercise), picked)

    def _create_exercise(self, ex: Exercise) -> str | None:
        """Save a new exercise of the lifter's; the error to show, or None."""
        try:
            self.store.save_exercise(ex)
        except StoreError as err:
            return str(err)
        self.catalogue = self.store.catalogue()
        return None

    @on(OptionList.OptionHighlighted, "#exercises")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id != self.current:
            self._select(event.option.id)

    @on(OptionList.OptionSelected, "#exercises")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._select(event.option.id)
        self._focus_entry()

    def _highlighted_set(self) -> tuple[int, LoggedSet] | None:
        sets = self._sets_today(self.current or "")
        if not sets:
            return None
        row = self.table.cursor_row
        row = min(max(row, 0), len(sets) - 1)
        return row, sets[row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "sets":
            self.action_edit_set()

    def action_edit_set(self) -> None:
        from .modals import EditSet

        found = self._highlighted_set()
        if found is None or self.session is None:
            return
        row, logged = found
        session_id = self.session.id

        def edited(new: LoggedSet | None) -> None:
            if new is None:
                return
            try:
                self.session = self.store.update_set(session_id, new)
            except StoreError as err:
                self._status(f"NOT saved: {err}", "error")
                return
            self._status(f"Set {row + 1} changed to {new.describe()}.", "saved")
            self._show_exercises(select=self.current)

        name = self._exercise(logged.exercise_id).name
        self.app.push_screen(EditSet(logged, f"Edit set {row + 1} of {name}"), edited)

    def action_delete_set(self) -> None:
        found = self._highlighted_set()
        if found is None or self.session is None:
            return
        row, logged = found
        try:
            self.session, deleted, index = self.store.delete_set(self.session.id, logged.id)
        except StoreError as err:
            self._status(f"NOT deleted: {err}", "error")
            return
        self._undo = (self.session.id, deleted, index)
        self._status(f"Deleted set {row + 1} ({deleted.describe()}). Press u to undo.", "warning")
        self._show_exercises(select=self.current)

    def action_undo(self) -> None:
        if self._undo is None:
            return
        session_id, logged, index = self._undo
        try:
            self.session = self.store.restore_set(session_id, logged, index)
        except StoreError as err:
            self._status(f"NOT restored: {err}", "error")
            return
        self._undo = None
        if logged.exercise_id not in self.order:
            self.order.append(logged.exercise_id)
        self._status(f"Restored {logged.describe()}.", "saved")
        self._show_exercises(select=logged.exercise_id)

    def action_toggle_warmup(self) -> None:
        self.entry.toggle_warmup()

    def action_toggle_unit(self) -> None:
        entry = self.entry
        entry.toggle_unit()
        self._status(f"Weights now in {entry.unit}.")

    def action_skip_rest(self) -> None:
        self.query_one(RestTimer).skip()

    def action_extend_rest(self) -> None:
        self.query_one(RestTimer).extend()

    def action_focus_exercises(self) -> None:
        self.query_one("#exercises", OptionList).focus()

    def action_finish(self) -> None:
        from .modals import Confirm

        if self.session is None:
            return
        session = self.session
        now = self.clock.now()
        summary = (f"{plural(len(session.sets), 'set')} of {plural(len(session.exercise_ids()), 'exercise')}"
                   f" in {duration_text(session.started_at, now)}.")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.finish_session(session.id, now)
            except StoreError as err:
                self._status(f"NOT finished: {err}", "error")
                return
            self.session, self.order, self.current, self._undo = None, [], None, None
            self._last.clear()
            self.query_one(RestTimer).skip("")
            self._merge_order()
            self._show_exercises()
            self._with_panel(self._show_sets)
            self._refresh_header()
            self._status(f"Session finished: {summary} Well trained.", "saved")
            self.action_focus_exercises()

        self.app.push_screen(Confirm("Finish today's session?", summary), answered)

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
