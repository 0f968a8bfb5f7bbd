"""Each line of the screen is sent once per change (ui/widgets/lines.py).

Bytes over SSH are paint: a widget painted twice for one change is its screenful
sent twice.  Textual asked for a second layout pass whenever a widget's size changed
(its `virtual_size` reactive), which sent the list, the sets table and the panel
again when the first exercise of a day was picked: the whole screen twice.  The
updates the app would write to a terminal are rendered here and their lines counted
(the headless test driver writes nothing); counted, not timed.
"""

from __future__ import annotations

import re
from collections import Counter

from textual._compositor import CompositorUpdate

from tui_tracker.ui.widgets.lines import Lines

from .conftest import SIZE, make_app
from .test_today import logged, screen_text

MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")


def count_lines_sent(app, monkeypatch) -> Counter:
    """Screen row -> how many times an update wrote to it (from now on)."""
    rows: Counter = Counter()
    real = type(app)._display

    def display(self, screen, renderable):
        if isinstance(renderable, CompositorUpdate) and not self._batch_count:
            for row, _col in MOVE.findall(renderable.render_segments(self.console)):
                rows[int(row)] += 1
        return real(self, screen, renderable)

    monkeypatch.setattr(type(app), "_display", display)
    return rows


def count_paints(monkeypatch) -> Counter:
    painted: Counter = Counter()
    real = Lines.render

    def render(self):
        painted[self.id] += 1
        return real(self)

    monkeypatch.setattr(Lines, "render", render)
    return painted


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


async def test_the_first_exercise_of_the_day_paints_the_list_table_and_panel_once(
    db, clock, monkeypatch
):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"squat")
        await settle(pilot)
        painted = count_paints(monkeypatch)
        sent = count_lines_sent(app, monkeypatch)
        await pilot.press("enter")
        await settle(pilot)
        assert "type weight" in screen_text(app, "#status")
        assert not app.screen.has_class("-empty")
        assert (painted["exercises"], painted["sets"], painted["entry"]) == (1, 1, 1)
        assert len(sent) >= 20  # nearly every line changed...
        twice = [row for row, n in sent.items() if n > 1]
        assert len(twice) <= 1, sent  # ...and each was sent once (was twice; the status line,
        # updated twice by the pick, may be sent twice)
        # ... and the screen works as before: a set typed now is saved and shown
        await pilot.press("1", "0", "0", "tab", "5", "enter")
        await settle(pilot)
        assert "Saved set 1" in screen_text(app, "#status")
        assert [(s.weight_kg, s.reps) for s in logged(db)] == [(100, 5)]
        assert "100" in str(app.screen.query_one("#sets").render())


async def test_a_resize_still_repaints_each_part_at_its_new_size(db, clock, monkeypatch):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"squat", "enter")
        await settle(pilot)
        entry = app.screen.query_one("#entry")
        width = entry.size.width
        painted = count_paints(monkeypatch)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert painted["exercises"] >= 1 and painted["entry"] >= 1
        assert entry.size.width == width + 20
        lines = str(entry.render()).splitlines()
        assert lines and all(len(line) == entry.content_size.width for line in lines)
