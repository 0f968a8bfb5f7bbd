"""Today's sets of one exercise, across the day's sessions, in the order done.

Drawn as plain lines, and after each change only the lines whose text changed are
sent to the terminal: logging a set adds one line and moves the cursor, a few
hundred bytes over SSH where a DataTable redrew every row.  Not focusable: the
set-entry panel keeps the keyboard, and ↑/↓ there move this table's cursor to the
set `e` edits and `d` deletes; a click on a row opens it for editing.  Notes are the
lifter's words: plain text, never markup.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message

from ...domain.models import Exercise, LoggedSet, Session
from ...domain.set_rows import set_cells
from .lines import Line, Lines

#: The set under the cursor: the theme's unfocused cursor (the panel has the keyboard).
CURSOR = "bold $block-cursor-blurred-foreground on $block-cursor-blurred-background"
#: (title, width) of each column; the note takes what is left.
#: The load is load_text ("BW+20 kg", "2 x 22.5 kg", "60 s"); SS the superset's label.
COLUMNS = (("#", 3), ("Load", 16), ("Reps", 5), ("RIR", 4), ("Type", 11), ("SS", 3), ("Note", 0))


def _cells(values: tuple[str, ...], width: int) -> str:
    fixed = "".join(v[: w - 1].ljust(w) for v, (_, w) in zip(values, COLUMNS) if w)
    return (fixed + values[-1])[:width].ljust(width)


class SetsTable(Lines, can_focus=False):
    DEFAULT_CSS = """
    SetsTable {
        height: 1fr;
        min-height: 4;
        border: round $secondary 50%;
    }
    """

    class RowChosen(Message):
        """A row was clicked: the lifter wants to edit that set."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows_shown: list[tuple[Session, LoggedSet]] = []
        self.cursor_row = 0
        self._top = 0  # the first row in view
        self._title = ""
        self.exercise: Exercise | None = None  # whose sets: how their load is shown

    @property
    def row_count(self) -> int:
        return len(self.rows_shown)

    def show(
        self, title: str, sets: list[tuple[Session, LoggedSet]], exercise: Exercise | None = None
    ) -> None:
        """The sets to list (of `exercise`), the cursor on the last one."""
        self.rows_shown = list(sets)
        self.exercise = exercise
        if title != self._title:  # (a border title change redraws the whole widget)
            self._title = title
            self.border_title = Content(title)
        self.move_cursor(len(sets) - 1)

    def highlighted(self) -> tuple[int, Session, LoggedSet] | None:
        """(row, session, set) under the cursor, if any."""
        if not self.rows_shown:
            return None
        session, s = self.rows_shown[self.cursor_row]
        return self.cursor_row, session, s

    def step(self, delta: int) -> None:
        self.move_cursor(self.cursor_row + delta)

    def move_cursor(self, row: int) -> None:
        self.cursor_row = min(max(row, 0), max(len(self.rows_shown) - 1, 0))
        in_view = max(self.content_size.height - 1, 1)
        if self.cursor_row < self._top:
            self._top = self.cursor_row
        elif self.cursor_row >= self._top + in_view:
            self._top = self.cursor_row - in_view + 1
        # No blank lines below while rows above are out of view (a view that grew).
        self._top = max(0, min(self._top, len(self.rows_shown) - in_view))
        self.redraw()

    def lines(self) -> list[Line]:
        width, height = self.content_size.width, self.content_size.height
        lines: list[Line] = [((_cells(tuple(title for title, _ in COLUMNS), width), "bold"),)]
        for i in range(self._top, min(len(self.rows_shown), self._top + height - 1)):
            _, s = self.rows_shown[i]
            exercise = (
                self.exercise
                if self.exercise is not None and self.exercise.id == s.exercise_id
                else Exercise(s.exercise_id, "?", ("chest",))
            )
            text = _cells((str(i + 1), *set_cells(s, exercise), s.note), width)
            lines.append(((text, CURSOR if i == self.cursor_row else ""),))
        return (lines + [((" " * width, ""),)] * height)[:height]

    def on_resize(self) -> None:
        super().on_resize()
        self.move_cursor(self.cursor_row)  # the cursor's row in view (sends only changes)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = self._top + offset.y - 1
        if row < len(self.rows_shown):
            self.move_cursor(row)
            self.post_message(self.RowChosen())
