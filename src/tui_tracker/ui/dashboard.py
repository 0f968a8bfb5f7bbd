"""The mesocycle dashboard: where the block stands, volume per muscle, strength, effort.

Everything here is computed by the domain (weekly_sets, e1rm_trend, rir_compliance,
deload_decision); the screen lays it out and passes the lifter's deload choice
to the store.  It dismisses with a message for the Today screen (or None).
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static, TabbedContent, TabPane

from ..domain.deload import DeloadDecision, deload_decision, next_block_due
from ..domain.effort import week_target_text
from ..domain.mesocycle import (
    DELOAD_DAYS,
    DELOAD_RIR,
    Mesocycle,
    active_mesocycle,
    deload_due_from,
    phase,
    plan_week,
    week_label,
)
from ..domain.rir_targets import week_target_rir
from ..domain.muscles import MUSCLE_LABELS
from .deload import (
    DeloadPrompt,
    NextBlockPrompt,
    apply_deload_choice,
    apply_end_block,
    apply_next_block,
    short_day,
)
from .dashboard_tabs import show_effort, show_strength, show_volume
from .keys import EarlyKeys
from .trouble import KeepsRunning, refused
from .widgets.key_bar import KeyBar
from .widgets.too_small import TooSmall
from .widgets.tables import Table

#: Without a block, the volume table looks this many weeks back.
WEEKS_WITHOUT_BLOCK = 4


class DashboardScreen(EarlyKeys, KeepsRunning, Screen[str | None]):
    """Week N of M, this block's hard sets per muscle, e1RM trends and RIR compliance."""

    CSS_PATH = "dashboard.tcss"

    BINDINGS = [
        Binding("v", "tab('volume')", "Volume"),
        Binding("s", "tab('strength')", "Strength"),
        Binding("r", "tab('effort')", "Effort"),
        Binding("d", "deload", "Deload"),
        Binding("n", "next_block", "Next"),  # shown once the block is done
        Binding("e", "end_block", "End"),
        Binding("p", "plan", "Plan"),
        Binding("t,enter", "band", "Band", show=False),  # on the Volume tab (its legend says so)
        Binding("i", "app.about", "About", show=False),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(self, store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.message: str | None = None
        self.meso: Mesocycle | None = None
        self.decision: DeloadDecision | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="dash-title")
        yield ProgressBar(id="dash-progress", show_eta=False)
        yield Static("", id="dash-deload")
        with TabbedContent(id="dash-tabs"):
            with TabPane("Volume (v)", id="volume"):
                yield Table(id="volume-table", cursor_type="row", zebra_stripes=True)
                yield Static("", classes="legend")
            with TabPane("Strength (s)", id="strength"):
                yield Table(id="strength-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Effort (r)", id="effort"):
                yield Table(id="effort-table", cursor_type="row", zebra_stripes=True)
                yield Static(
                    "on target = RIR within 1 of the week's target · harder = nearer failure",
                    classes="legend",
                )  # filled in by show_effort
        yield KeyBar()
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        self.refresh_data()
        # now, not deferred: keys read early go to it (EarlyKeys)
        self.set_focus(self.query_one("#volume-table", DataTable))
        if self.decision is not None and self.decision.prompt:
            self.call_after_refresh(self.action_deload)
        elif next_block_due(self.meso, self.today):
            self.call_after_refresh(self.action_next_block)

    # --- data --------------------------------------------------------------------------

    def refresh_data(self) -> None:
        catalogue = self.store.catalogue()
        self.meso = meso = active_mesocycle(self.store.mesocycles(), self.today)
        start = meso.start if meso else self.today - timedelta(weeks=WEEKS_WITHOUT_BLOCK - 1)
        start = min(start, self.today)
        sessions = self.store.sessions_between(start, self.today)
        self.decision = deload_decision(meso, sessions, catalogue.get, self.today) if meso else None
        self._show_title(meso)
        self._show_deload(meso)
        show_volume(self, self.store, meso, sessions, start, catalogue, self.today)
        show_strength(self, self.store, meso, sessions, catalogue, self.today)
        show_effort(self, self.store, meso, sessions, catalogue, self.today)
        self.refresh_bindings()

    def _show_title(self, meso: Mesocycle | None) -> None:
        title = self.query_one("#dash-title", Static)
        bar = self.query_one("#dash-progress", ProgressBar)
        if meso is None:
            title.update(
                "No mesocycle yet: [b]p[/b] plans one from a template. Volume is by calendar week."
            )
            bar.display = False
            return
        bar.display = True
        rir = week_target_rir(meso, self.today)
        last = plan_week(meso, self.today) == meso.weeks
        target = (
            ""
            if rir is None
            else " · target RIR "
            + (
                f"{rir}+"
                if rir == DELOAD_RIR and phase(meso, self.today) == "deload"
                else week_target_text(rir, last)
            )
        )
        title.update(
            Content.assemble((meso.name, "bold"), f" · {week_label(meso, self.today)}{target}")
        )
        bar.update(total=(meso.weeks + 1) * 7, progress=self._days_done(meso))

    def _days_done(self, meso: Mesocycle) -> int:
        """Days of the block behind the lifter: the planned weeks fill up to their end and
        wait there until the deload starts; the deload week fills the rest."""
        planned = meso.weeks * 7
        if meso.deload_start is not None and self.today >= meso.deload_start:
            into = (self.today - meso.deload_start).days + 1
            return planned + min(into, DELOAD_DAYS)
        if phase(meso, self.today) == "lapsed":
            return planned + DELOAD_DAYS
        return max(0, min((self.today - meso.start).days + 1, planned))

    def _show_deload(self, meso: Mesocycle | None) -> None:
        box = self.query_one("#dash-deload", Static)
        d = self.decision
        if meso is None or d is None:
            box.update("")
            box.set_classes("")
            return
        if next_block_due(meso, self.today):
            done = (
                "Deload done"
                if meso.deload_start is not None
                else f"Block over: its deload was due from {short_day(deload_due_from(meso))} "
                "and never started"
            )
            box.update(
                Content.assemble(
                    f"{done}. Press ",
                    ("n", "bold"),
                    " to start the next block from this one, ",
                    ("e", "bold"),
                    " to end it.",
                )
            )
            box.set_classes("-due")
        elif d.prompt:
            box.update(
                Content.assemble(
                    ("DELOAD DUE", "bold"),
                    f" ({d.reason}): {d.message}  Press ",
                    ("d", "bold"),
                    " to decide.",
                )
            )
            box.set_classes("-due")
        else:
            lines = [d.message] + [f"warning: {w}" for w in d.warnings[:2]]
            box.update(Content("\n".join(lines)))
            box.set_classes("-warning" if d.warnings else "")

    # --- actions -----------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self.query_one("#dash-tabs", TabbedContent).active = tab
        self.query_one(f"#{tab}-table", DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "volume-table":
            self.action_band()

    def action_band(self) -> None:
        """Edit the highlighted muscle's band, save it, and redraw against it."""
        from ..store import StoreError
        from .targets import BandEditor

        table = self.query_one("#volume-table", DataTable)
        if not table.row_count:
            return
        muscle = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        current = self.store.volume_targets()[muscle]

        def answered(band) -> None:
            if band is None or tuple(band) == current:
                return
            try:
                self.store.set_volume_target(muscle, *band)
            except StoreError as error:
                said = refused(self, error, "NOT saved", f"the {MUSCLE_LABELS[muscle]} target")
                self.notify(Content(said).markup, severity="error")
                return
            label = MUSCLE_LABELS[muscle]
            self.notify(Content(f"{label}: {band[0]}-{band[1]} hard sets a week.").markup)
            self.refresh_data()
            table.move_cursor(row=table.get_row_index(muscle))

        self.app.push_screen(BandEditor(muscle, current, answered))

    def action_deload(self) -> None:
        meso, decision = self.meso, self.decision
        if meso is None or decision is None:
            self.notify("No mesocycle running: press p to plan one.", severity="warning")
            return
        if not decision.prompt:
            self.notify(decision.message, title="No deload due", markup=False)
            return

        def chosen(choice: str | None) -> None:
            self._show_outcome(apply_deload_choice(self.store, meso, choice, self.today))

        self.app.push_screen(DeloadPrompt(meso, decision), chosen)

    def action_next_block(self) -> None:
        meso = self.meso
        if not next_block_due(meso, self.today):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._show_outcome(apply_next_block(self.store, meso, self.today))

        self.app.push_screen(NextBlockPrompt(meso), answered)

    def action_end_block(self) -> None:
        from .modals import Confirm

        meso = self.meso
        if meso is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._show_outcome(apply_end_block(self.store, meso, self.today))

        self.app.push_screen(
            Confirm(
                f"End {meso.name} today?",
                "It stays in history; Today shows no plan until you plan the next block (p).",
            ),
            answered,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "band":
            return self.query_one("#dash-tabs", TabbedContent).active == "volume"
        if action == "next_block":
            return next_block_due(self.meso, self.today)
        if action == "end_block":
            return True if self.meso is not None else None
        return True

    def _show_outcome(self, outcome) -> None:
        if outcome is None:
            return
        if not outcome.saved:
            self.notify(outcome.message, severity="error", markup=False)
            return
        self.message = outcome.message
        self.notify(outcome.message, markup=False)  # it names the block: not markup
        self.refresh_data()

    def action_plan(self) -> None:
        from .plan import PlanScreen

        def planned(meso) -> None:
            if meso is not None:
                self.message = f"Saved {meso.name}."
                self.refresh_data()

        self.app.push_screen(PlanScreen(self.store, self.app.clock), planned)

    def action_back(self) -> None:
        self.dismiss(self.message)
