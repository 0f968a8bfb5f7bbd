"""Our tables never show new rows cut to their columns' old widths (ui/widgets/tables.py).

Textual 8's DataTable measures the cells of new rows on its next idle, but caches each
drawn line under an update count that measuring does not change: a line drawn between
`add_row` and that idle (a frame that falls there, as under load) was served again
afterwards with the columns as wide as their headings.  Seen: the exercise history's
sessions cut to "Tue   toda  65 kg x" in a snapshot taken on a loaded machine.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tui_tracker.ui.widgets.tables import Table


class OneTable(App):
    # A fixed size, as on our screens (1fr): a table that grew with its rows would be
    # resized, and a resize draws every line afresh, hiding the stale ones.
    CSS = "DataTable { width: 60; height: 6; }"

    def __init__(self, table: DataTable) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table


def _text(table: DataTable, y: int) -> str:
    return table.render_line(y).text


async def _drawn_between_add_and_idle(table: DataTable) -> str:
    """The first row's line, once a frame fell between `add_row` and the table's idle."""
    app = OneTable(table)
    async with app.run_test(size=(80, 10)) as pilot:
        table.add_columns("Date", "When")
        await pilot.pause()
        table.add_row("Tue 17 Nov 2026", "today")
        _text(table, 1)  # a frame drawn now: before the table measured the new row
        await pilot.pause()  # the idle: the columns take the row's widths
        return _text(table, 1)


async def test_textual_datatable_serves_the_line_drawn_before_it_measured():
    """Why Table exists: if this starts failing, Textual fixed it and Table can go."""
    line = await _drawn_between_add_and_idle(DataTable())
    assert "Tue 17 Nov 2026" not in line


async def test_a_table_draws_new_rows_at_their_measured_widths():
    line = await _drawn_between_add_and_idle(Table())
    assert "Tue 17 Nov 2026" in line and "today" in line
