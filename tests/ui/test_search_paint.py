"""Opening the exercise search sends its box, not the whole screen (ui/mount_once.py).

Textual's `AwaitMount` asks its parent (here the Today screen) for a layout and a
repaint on every await, not only the first: each `a` and each exercise picked
awaited the search overlay's mount again, so each sent the whole screen a second
time.  Counted, not timed: the rows the app's updates write to (test_one_paint.py).
"""

from __future__ import annotations

from collections import Counter

from textual._compositor import CompositorUpdate
from textual.app import App, ComposeResult
from textual.widgets import Static

from tui_tracker.ui.mount_once import MountOnce

from .conftest import SIZE, make_app
from .test_one_paint import MOVE, settle


def count_updates(app, monkeypatch) -> Counter:
    """Screen row -> how many updates wrote to it from now on (an overlay's row is
    written in pieces, a cursor move each: counted once an update)."""
    rows: Counter = Counter()
    real = type(app)._display

    def display(self, screen, renderable):
        if isinstance(renderable, CompositorUpdate) and not self._batch_count:
            written = renderable.render_segments(self.console)
            rows.update({int(row) for row, _col in MOVE.findall(written)})
        return real(self, screen, renderable)

    monkeypatch.setattr(type(app), "_display", display)
    return rows


async def test_a_on_a_busy_screen_sends_the_search_box_and_the_key_bar_only(db, clock, monkeypatch):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"squat", "enter")
        await settle(pilot)
        await pilot.press("1", "0", "0", "tab", "5", "enter")  # a set: the table has a row
        await settle(pilot)
        sent = count_updates(app, monkeypatch)
        await pilot.press("a")
        await settle(pilot)
        search = app.screen.query_one("#search-overlay")
        assert app.focused is search.field
        box = range(search.region.y + 1, search.region.bottom + 1)  # rows count from 1
        assert sent and all(n == 1 for n in sent.values()), sent  # (was: every row twice)
        entry = app.screen.query_one("#entry")  # its border and fields: no longer focused
        panel = range(entry.region.y + 1, entry.region.bottom + 1)
        last = SIZE[1]  # the key bar: `a`'s keys are not the panel's
        unchanged = set(range(1, last + 1)) - set(box) - set(panel) - {last}
        assert 1 in unchanged and len(unchanged) >= 3  # the header, the status line...
        assert not unchanged & set(sent), sent  # ...not sent (was: the whole screen again)
        # ... and the search works as before: a second exercise is picked and shown
        await pilot.press(*"bench", "enter")
        await settle(pilot)
        assert "Bench" in str(app.screen.query_one("#entry").border_title)


class Parent(App):
    def compose(self) -> ComposeResult:
        yield Static("here")


async def test_a_mount_awaited_again_asks_its_parent_for_no_more_layouts():
    app = Parent()
    async with app.run_test(size=SIZE) as pilot:
        layouts: list[bool] = []
        real = type(app.screen).refresh

        def refresh(self, *regions, layout=False, **kw):
            layouts.append(layout)
            return real(self, *regions, layout=layout, **kw)

        screen = app.screen
        type(screen).refresh = refresh
        try:
            mounting = MountOnce(screen.mount(Static("new", id="new")))
            await mounting
            assert layouts.count(True) == 1 and mounting.done
            await mounting
            await mounting
            assert layouts.count(True) == 1  # (awaiting the AwaitMount itself: 3)
        finally:
            del type(screen).refresh
        await pilot.pause()
        assert str(screen.query_one("#new", Static).render()) == "new"
