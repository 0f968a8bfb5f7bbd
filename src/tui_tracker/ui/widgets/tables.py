"""The DataTable our screens use: keys in the order typed, and new rows never drawn at
their columns' old widths."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets._data_table import RowKey

from ..keys import OrderedKeys


class Table(OrderedKeys, DataTable, inherit_bindings=False):
    """A DataTable that takes keys in the order typed and forgets the lines it drew
    before it measured new rows.

    Keys: it moves on the arrow and page keys itself and hands every other key to the
    screen's bindings, in order (ui/keys.py): "t 4-8 Enter" in one packet opens the
    band dialog and types into it, where the table had taken and dropped "4-8".  Enter
    is the screen's (History opens the row, the dashboard edits a band) and acts on the
    row the cursor is on when Enter is typed: DataTable's own Enter posted a selection
    handled later, after a Down typed next had moved the cursor.  A click on a row still
    selects it (DataTable.RowSelected).

    Textual 8.2's DataTable measures new rows' cells on its next idle
    (`_update_dimensions`), but keys its cache of drawn lines on an update count that
    measuring leaves alone.  A frame that falls between `add_row` and that idle (a
    worker's rows arriving on a loaded machine) caches the lines at the headings'
    widths, and they are served again afterwards: "Tue   toda  65 kg x".  Once the
    rows are measured, the lines are drawn afresh.  tests/ui/test_tables.py shows the
    Textual behaviour this works around, and fails once Textual no longer has it.
    """

    BINDINGS = [b for b in DataTable.BINDINGS if isinstance(b, Binding) and b.key != "enter"]
    MOVES = {
        "up": "cursor_up",
        "down": "cursor_down",
        "pageup": "page_up",
        "pagedown": "page_down",
        "home": "scroll_top",
        "end": "scroll_bottom",
    }

    async def own_key(self, key: str, character: str | None) -> bool:
        move = self.MOVES.get(key)
        if move is None:
            return False
        getattr(self, f"action_{move}")()
        return True

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self._clear_caches()
        self._update_count += 1
