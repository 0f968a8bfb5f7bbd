"""The DataTable our screens use: new rows never drawn at their columns' old widths."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets._data_table import RowKey


class Table(DataTable):
    """A DataTable that forgets the lines it drew before it measured new rows.

    Textual 8.2's DataTable measures new rows' cells on its next idle
    (`_update_dimensions`), but keys its cache of drawn lines on an update count that
    measuring leaves alone.  A frame that falls between `add_row` and that idle (a
    worker's rows arriving on a loaded machine) caches the lines at the headings'
    widths, and they are served again afterwards: "Tue   toda  65 kg x".  Once the
    rows are measured, the lines are drawn afresh.  tests/ui/test_tables.py shows the
    Textual behaviour this works around, and fails once Textual no longer has it.
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self._clear_caches()
        self._update_count += 1
