"""History: past sessions, newest first, each opened read-only."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..domain.models import KIND_LABELS, Session, format_weight, load_text
from ..domain.sessions import days_ago, duration_text, set_counts
from .trouble import KeepsRunning
from .widgets.key_bar import KeyBar
from .widgets.too_small import TooSmall

PAGE = 200


class HistoryScreen(KeepsRunning, Screen):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("enter", "open", "Open", show=True),
    ]

    def __init__(self, store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.sessions: list[Session] = []

    def compose(self) -> ComposeResult:
        yield Static("History: Enter opens a session, Esc/q goes back", id="title")
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield KeyBar()
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        catalogue = self.store.catalogue()
        table = self.query_one(DataTable)
        table.add_columns("Date", "When", "Time", "Sets", "Exercises")  # sets: working +warm-ups
        self.sessions = self.store.recent_sessions(limit=PAGE)
        for s in self.sessions:
            names = ", ".join((catalogue.get(e).name if catalogue.get(e) else e) for e in s.exercise_ids())
            time = duration_text(s.started_at, s.ended_at) if s.ended_at else (
                "open" if s.date == self.today else "unfinished")
            table.add_row(f"{s.date:%a %d %b %Y}", days_ago(s.date, self.today), time,
                          set_counts(s.sets).short, Text(names[:40]), key=s.id)
        if not self.sessions:
            self.query_one("#title", Static).update("History: no sessions yet. Esc/q goes back.")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        if not self.sessions:
            return
        row = self.query_one(DataTable).cursor_row
        self.app.push_screen(SessionScreen(self.sessions[row], self.store.catalogue()))


class SessionScreen(KeepsRunning, Screen):
    """One past session, read-only."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, session: Session, catalogue) -> None:
        super().__init__()
        self.session = session
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        s = self.session
        time = (f"{s.started_at:%H:%M}-{s.ended_at:%H:%M}, {duration_text(s.started_at, s.ended_at)}"
                if s.ended_at else f"from {s.started_at:%H:%M}, not finished")
        yield Static(f"{s.date:%a %d %b %Y} · {time} · {set_counts(s.sets)} · read-only · "
                     "Esc/q: back", id="title", markup=False)
        yield DataTable(id="session-sets", cursor_type="row", zebra_stripes=True)
        yield KeyBar()
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Exercise", "#", "Load", "Reps", "RIR", "Type", "Note")
        for ex_id in self.session.exercise_ids():
            ex = self.catalogue.get(ex_id)
            name = ex.name if ex else ex_id
            for i, st in enumerate(self.session.sets_for(ex_id), 1):
                table.add_row(Text(name[:26] if i == 1 else ""), str(i),
                              load_text(st, ex) if ex else format_weight(st.weight_kg, st.unit),
                              "-" if st.reps == 0 and st.is_timed else str(st.reps),
                              "-" if st.rir is None else str(st.rir),
                              KIND_LABELS.get(st.kind, st.kind), Text(st.note[:20]))
        if self.session.note:
            table.add_row("Note:", "", Text(self.session.note[:60]), "", "", "", "")
        table.focus()
