"""The sets table keeps every set in view that fits: a set scrolled out of a small view
comes back when the view grows (a lifter seeing rows 2 and 3 under a blank line would
think set 1 was lost)."""

from __future__ import annotations

from datetime import datetime, UTC

from textual.app import App, ComposeResult
from textual.containers import Vertical

from tui_tracker.domain.models import LoggedSet, Session
from tui_tracker.ui.widgets.sets_table import SetsTable

AT = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)


def _sets(n: int) -> list[tuple[Session, LoggedSet]]:
    sets = tuple(LoggedSet("bench", 100 + 5 * i, 8, 2, AT) for i in range(n))
    session = Session(id="s", date=AT.date(), started_at=AT, sets=sets)
    return [(session, s) for s in sets]


class TableApp(App):
    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield SetsTable(id="sets")


def _text(table: SetsTable) -> str:
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


async def test_rows_scrolled_out_of_a_small_view_come_back_when_it_grows():
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        box = app.query_one("#box")
        box.styles.height = 5  # border, header and two rows
        await pilot.pause()
        table = app.query_one(SetsTable)
        table.show("Bench: today", _sets(3))
        await pilot.pause()
        assert "100 kg" not in _text(table) and "110 kg" in _text(table)
        box.styles.height = 10
        await pilot.pause()
        shown = _text(table)
        assert all(f"{w} kg" in shown for w in (100, 105, 110)), shown
        assert table.highlighted()[0] == 2  # the cursor stays on the last set
