"""The Today screen: the day's exercises, the sets logged, and the set-entry panel.

The rules live in the logbook (what a set joins, what to pre-fill, which set is
the plan's last, what the advice is) and the domain; this screen lays them out.
Every set is committed to disk by the logbook before it is shown as saved.
The screen keeps the day; its helpers: the exercise (ui/today_work.py), changes to
the day (ui/today_day.py), the exercise search (ui/today_search.py), the block's
questions (ui/today_block.py), the keys that open other screens (ui/today_screens.py).

Keys typed ahead are applied in order (ui/keys.py): the list and the panel hand
each key to the screen's bindings themselves, keys read before the screen is ready
wait for it, and dialogs answer through callbacks run at once.  Letter keys work
everywhere except while typing a note.

Dialogs and other screens are imported when first opened, and on a day with no
exercise yet the sets table and panel are mounted right after the first frame: the
first frame should not wait on code it does not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..domain.models import KIND_LABELS
from ..domain.settings import Settings
from ..domain.sessions import plural
from ..logbook import Logbook
from ..store import StoreError
from .today_day import DayControls, rest_day_hint
from .today_screens import OpensScreens
from .today_search import ExerciseAdder
from .today_work import ExerciseWork
from .widgets.exercise_list import ExerciseList, day_row, day_title
from .widgets.header import TodayHeader
from .actions import bindings, by_binding_id
from .keys import EarlyKeys
from .quiet import QuietFocus
from .trouble import KeepsRunning, refused
from .widgets.key_bar import KeyBar
from .widgets.rest_timer import RestTimer
from .widgets.status_line import StatusLine
from .widgets.too_small import TooSmall, presize

if TYPE_CHECKING:
    from ..entries import Saved

from .today_actions import ACTIONS  # noqa: E402  (what Today offers, with its keys)


def _loadable(settings: Settings):
    """The suggestions' loads rounded to what the lifter can load (domain/plates), the
    plate maths imported with the first suggestion rather than for the first frame."""

    def round_load(weight_kg, exercise, unit):
        from ..domain.plates import round_load_for

        return round_load_for(settings)(weight_kg, exercise, unit)

    return round_load


class TodayScreen(OpensScreens, QuietFocus, EarlyKeys, KeepsRunning, Screen):
    """Where lifters spend their time between sets: the day; the exercise is `work`'s,
    the keys that open other screens `OpensScreens`'s (ui/today_screens.py)."""

    DEFAULT_CSS = """
    TodayScreen {
        layers: base overlay;
    }
    TodayScreen #body { height: 1fr; }
    TodayScreen #empty-hint {
        display: none;
        height: auto;
        padding: 1 2;
        color: $text-muted;
    }
    TodayScreen.-empty #empty-hint { display: block; }
    TodayScreen.-empty #exercises, TodayScreen.-empty #sets, TodayScreen.-empty #entry {
        display: none;
    }
    TodayScreen #search-overlay.-away {
        offset: 2 100;
    }
    TodayScreen #search-overlay {
        layer: overlay;
        position: absolute;  /* over the screen, moving nothing (a dock would reflow it) */
        offset: 2 1;
        width: 76;
        padding: 0 1;
        border: round $accent;
        background: $surface;
    }
    """

    #: Today places its focus once it is ready, on the panel when an exercise is open (its
    #: pre-fill loaded), else on the list (`_resume`, `ExerciseWork.open`); keys read
    #: before wait for it (`EarlyKeys`).  Textual's auto-focus would focus the list first,
    #: then the panel a moment later, restyling the list twice before the first frame.
    AUTO_FOCUS = ""

    BINDINGS = bindings("today", ACTIONS)
    NAMED_ACTIONS = by_binding_id("today", ACTIONS)

    def __init__(self, store, clock, settings: Settings | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.settings = settings or Settings()
        self.book = Logbook(
            store,
            clock,
            training_status=self.settings.training_status,
            round_load=_loadable(self.settings),
        )
        self.today = self.book.day
        self.work = ExerciseWork(self)
        self.changes = DayControls(self)  # c, k, n, shift+up/down (ui/today_day.py)
        self.order: list[str] = []  # exercise ids: planned first, then as done or added
        self._resumed_once = False
        self._title_shown = ""
        self.adding = ExerciseAdder(self)  # a, the search overlay (ui/today_search.py)
        self._merge_order()
        # Set before mounting: changing a screen's class later restyles every widget.
        self.set_class(not self.order, "-empty", update=False)
        presize(self)

    def settings_changed(self, settings: Settings) -> None:
        """A setting answered while the app runs (the first start's training status)."""
        self.settings = settings
        self.book.training_status = settings.training_status
        self.book.round_load = _loadable(settings)

    @property
    def current(self) -> str | None:
        """The exercise in the panel."""
        return self.work.current

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TodayHeader(id="header")
        with Vertical(id="body"):
            self._hint_shown = self._empty_hint()
            yield Static(Content.from_markup(self._hint_shown), id="empty-hint")
            yield ExerciseList(self.work.open, self._highlighted, id="exercises")
            # The sets table goes here, the set-entry panel last: on a day with exercises
            # they are composed with the screen, on an empty one mounted just after its
            # first frame (ExerciseWork.mount).
            table, entry = self.work.composed() if self.order else (None, None)
            if table is not None:
                yield table
            yield StatusLine("", id="status")
            yield RestTimer(id="rest")
            if entry is not None:
                yield entry
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
        self._title_shown = "Today"
        self.exercises.border_title = "Today"
        if self.order:
            await self.work.mount()
        else:  # hidden on a day with no exercise yet: mounted just after the first frame
            self.call_after_refresh(self.work.mount)
        self._resume()
        self._refresh_header()
        self.set_interval(30, self._refresh_header)
        self.call_after_refresh(self._prompt_block)
        self.call_after_refresh(self.adding.overlay)
        # The records a set may beat, read ahead (years of history: not on the first Enter).
        self.call_after_refresh(
            self.run_worker,
            self.book.read_records,
            thread=True,
            exit_on_error=False,
            group="read-ahead",
        )

    @property
    def exercises(self) -> ExerciseList:
        return self.query_one("#exercises", ExerciseList)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @property
    def timer(self) -> RestTimer:
        return self.query_one(RestTimer)

    # --- the day -----------------------------------------------------------------------

    def _merge_order(self) -> None:
        """Planned exercises first, in plan order, then anything else done or added today."""
        planned = self.book.planned_ids()
        extra = [e for e in [*self.order, *self.book.done_today()] if e not in planned]
        self.order = planned + list(dict.fromkeys(extra))

    def _resume(self) -> None:
        """Show the open session found at start (a dropped link or a crash loses nothing)."""
        session = self.book.current
        if session:
            self.status.show(
                f"Resumed the session started {session.started_at:%H:%M} "
                f"({plural(len(session.sets), 'set')} so far)."
            )
        done = self.book.done_today()
        self.day_changed()
        select = done[-1] if done else (self.order[0] if self.order else None)
        if select is not None:
            self.call_next(self.work.open, select)
        else:
            self.set_focus(self.exercises)

    def day_changed(self) -> None:
        """Sets were logged, changed or added to the day: redraw the list and header."""
        if self.current is not None and self.current not in self.order:
            self.order.append(self.current)
        try:
            rows = [(ex_id, day_row(self.book, ex_id, self.today)) for ex_id in self.order]
        except StoreError as err:  # an old month's file is damaged: today still works
            self.status.show(f"History not readable: {err}", "error")
            return
        self.exercises.show_rows(rows, self.current)
        empty = not self.order
        if self.has_class("-empty") != empty:  # a class change restyles the whole screen
            self.set_class(empty, "-empty")
        hint = self._empty_hint()
        if hint != self._hint_shown:  # (an update asks for a layout pass even when hidden)
            self._hint_shown = hint
            self.query_one("#empty-hint", Static).update(Content.from_markup(hint))
        title = day_title(self.book.workout)
        if title != self._title_shown:  # (assigning a border title repaints the widget)
            self._title_shown = title
            self.exercises.border_title = Content(title)
        self._refresh_header()
        self.refresh_bindings()  # edit, delete, undo, finish: what check_action allows changed

    def logged(self, saved: Saved, rest: bool = True) -> None:
        """A set is on disk (the panel calls this): say so, start the rest (unless a
        superset's round goes on: `rest` False), redraw the day."""
        ex = saved.exercise
        kind = saved.set.kind
        message = f"Saved set {saved.number}: {ex.name} {saved.set.describe(ex)}" + (
            "" if kind == "working" else f" ({KIND_LABELS.get(kind, kind)})"
        )
        if saved.new_session and len(self.book.sessions) > 1:
            message += " · a new session"
        message += "".join(f"\n★ {record.message}" for record in saved.records)
        advice = saved.advice
        if advice and advice.needs_attention:
            mark = "!" if advice.level == "warning" else "•"
            self.status.show(f"{message}\n{mark} {advice.message}", advice.level, advice.evidence)
        else:
            self.status.show(message, "saved")
        if not saved.set.is_warmup and rest:
            after = f"superset {saved.set.superset}" if saved.set.superset else ex.name[:22]
            self.timer.start(self.settings.rest_seconds(ex), f"after {after}")
        self.day_changed()

    def _empty_hint(self) -> str:
        add = "Press [b]a[/b] to add an exercise, e.g. a squat."
        meso, workout = self.book.meso, self.book.workout
        if meso is None or workout is None:
            return f"No exercises yet. {add} [b]p[/b] plans a training block."
        name = Content(meso.name).markup
        if workout.rest_day:
            return f"Rest day in {name}. " + (rest_day_hint(self) or add)
        if workout.phase == "before":
            return f"{name} starts in {plural((meso.start - self.today).days, 'day')}. {add}"
        return (
            f"{name} is over ({Content(workout.week_label).markup}): [b]m[/b] starts the "
            f"next block from it. {add}"
        )

    def _refresh_header(self) -> None:
        current = self.book.current
        workout = self.book.workout
        self.query_one(TodayHeader).show(
            self.today,
            current.started_at if current else None,
            self.clock.now(),
            workout.week_label if workout else "",
        )

    # --- the block (its questions: ui/today_block.py) ---------------------------------

    def _prompt_block(self) -> None:
        """A deload due, or the next block: asked after the first frame (so imported then)."""
        from .today_block import prompt_block

        prompt_block(self)

    def block_changed(self, message: str = "") -> None:
        """The block was planned, deloaded or postponed elsewhere: show today's plan anew."""
        self.book.load_plan()
        self._merge_order()
        self.day_changed()
        self.work.when_ready(self.work.fill)
        if message:
            self.status.show(message, "saved")

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "work":
            return self.work.can(str(parameters[0]))
        if action == "finish":
            return True if self.book.current is not None else None
        if action == "exercise_history":
            return True if self.current is not None else None
        if action == "reopen":
            return self.book.finished_today
        if action == "rest":
            return True if self.timer.running else None
        if action == "day":
            return self.changes.can(str(parameters[0]))
        return True

    def action_work(self, what: str) -> None:
        """The panel's keys: edit, delete, undo, warm-up, unit, the table's cursor."""
        self.work.run(what)

    def action_day(self, what: str) -> None:
        """Swap, skip, reorder, the next day on a rest day (ui/today_day.py)."""
        self.changes.run(what)

    def action_rest(self, what: str) -> None:
        self.timer.skip() if what == "skip" else self.timer.extend()

    async def action_add_exercise(self) -> None:
        """The exercise search over the screen (ui/today_search.py)."""
        await self.adding.show()

    def _highlighted(self, exercise_id: str) -> None:
        """↑/↓ in the list: the panel shows that exercise (the keyboard stays in the list)."""
        if exercise_id != self.current:
            self.call_next(self.work.open, exercise_id, False)

    def on_sets_table_row_chosen(self) -> None:
        self.work.edit()

    def action_focus_exercises(self) -> None:
        self.set_focus(self.exercises)

    def action_reopen(self) -> None:
        try:
            session = self.book.reopen()
        except StoreError as err:
            self.status.show(refused(self, err, "NOT reopened"), "error")
            return
        if session is not None:
            self.status.show(
                f"Reopened the session started {session.started_at:%H:%M}: new sets join it.",
                "saved",
            )
            self.day_changed()

    async def action_quit(self) -> None:
        self.app.exit()
