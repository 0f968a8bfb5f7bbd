"""Today's sets of one exercise, across the day's sessions, in the order done.

Not focusable: the set-entry panel keeps the keyboard, and ↑/↓ there move this
table's cursor to the set `e` edits and `d` deletes.  Cells are plain Text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ...domain.models import LoggedSet, Session, format_weight

COLUMNS = ("#", "Weight", "Reps", "RIR", "Type", "Note")


class SetsTable(DataTable, can_focus=False):
    DEFAULT_CSS = """
    SetsTable {
        height: 1fr;
        min-height: 4;
        border: round $secondary 50%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.add_columns(*map(Text, COLUMNS))
        self.rows_shown: list[tuple[Session, LoggedSet]] = []

    def show(self, title: str, sets: list[tuple[Session, LoggedSet]]) -> None:
        self.clear()
        self.rows_shown = list(sets)
        for i, (_session, s) in enumerate(sets, 1):
            self.add_row(*(Text(cell) for cell in (
                str(i), format_weight(s.weight_kg, s.unit), str(s.reps),
                "-" if s.rir is None else str(s.rir), "warm-up" if s.is_warmup else "working",
                s.note[:24])), key=s.id)
        self.border_title = Text(title)
        if sets:
            self.move_cursor(row=len(sets) - 1)

    def highlighted(self) -> tuple[int, Session, LoggedSet] | None:
        """(row, session, set) under the cursor, if any."""
        if not self.rows_shown:
            return None
        row = min(max(self.cursor_row, 0), len(self.rows_shown) - 1)
        session, s = self.rows_shown[row]
        return row, session, s

    def step(self, delta: int) -> None:
        if self.rows_shown:
            self.move_cursor(row=min(max(self.cursor_row + delta, 0), len(self.rows_shown) - 1))
