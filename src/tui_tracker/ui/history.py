"""History: past sessions, newest first; Enter opens one to fix it (ui/history_edit.py).

The screen answers (dismisses with) True when a session was changed, finished or
resumed, so Today reloads the day.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..domain.models import Session
from ..domain.sessions import days_ago, duration_text, set_counts
from ..past import Past
from .history_edit import SessionScreen
from .keys import EarlyKeys
from .trouble import KeepsRunning
from .widgets.key_bar import KeyBar
from .widgets.too_small import TooSmall
from .widgets.tables import Table

PAGE = 200


class HistoryScreen(EarlyKeys, KeepsRunning, Screen[bool]):
    DEFAULT_CSS = """
    HistoryScreen #history { height: 1fr; }  /* it scrolls; the title stays on screen */
    """
    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("enter", "open", "Open", show=True),
    ]

    def __init__(self, store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.sessions: list[Session] = []
        self.changed = False  # a session was changed from here: Today reloads

    def compose(self) -> ComposeResult:
        yield Static(
            "History: Enter opens a session to view or fix it, Esc/q goes back", id="title"
        )
        yield Table(id="history", cursor_type="row", zebra_stripes=True)
        yield KeyBar()
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "When", "Time", "Sets", "Exercises")  # sets: working +warm-ups
        self.fill()
        self.set_focus(table)  # now, not deferred: keys read early go to it (EarlyKeys)

    def fill(self) -> None:
        catalogue = self.store.catalogue()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.sessions = self.store.recent_sessions(limit=PAGE)
        for s in self.sessions:
            names = ", ".join(
                (catalogue.get(e).name if catalogue.get(e) else e) for e in s.exercise_ids()
            )
            time = (
                duration_text(s.started_at, s.ended_at)
                if s.ended_at
                else ("open" if s.date == self.today else "unfinished")
            )
            table.add_row(
                f"{s.date:%a %d %b %Y}",
                days_ago(s.date, self.today),
                time,
                set_counts(s.sets).short,
                Text(names[:40]),
                key=s.id,
            )
        if not self.sessions:
            self.query_one("#title", Static).update("History: no sessions yet. Esc/q goes back.")
        else:
            table.move_cursor(row=min(row, len(self.sessions) - 1))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open(event.cursor_row)  # a click: the row clicked

    def action_open(self, row: int | None = None) -> None:
        """Enter: the row the cursor is on as Enter is typed (the table hands it over in
        order, widgets/tables.py)."""
        if not self.sessions:
            return
        if row is None:
            row = self.query_one(DataTable).cursor_row
        session = self.sessions[row]
        self.app.push_screen(
            SessionScreen(session, self.store.catalogue(), Past(self.store, self.today)),
            self._session_closed,
        )

    def _session_closed(self, changed: bool | None) -> None:
        if changed:
            self.changed = True
            self.fill()

    def action_back(self) -> None:
        self.dismiss(self.changed)
