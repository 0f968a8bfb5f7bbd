"""Snapshots of the New exercise dialog at 80x24 (a, a name not in the catalogue, Enter),
with one muscle ticked: the ticked box reads `[x]`, the others `[ ]`, the kind chosen
`(•)`, in the default theme and in ansi-dark (where every box once looked ticked).
Update after an intended change with:
pytest tests/ui/test_new_exercise_snapshot.py --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from .conftest import SIZE, FixedClock, make_app


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark"])
def test_new_exercise_dialog_with_a_muscle_ticked(snap_compare, tmp_path, theme):
    app = make_app(tmp_path / "t.json", FixedClock())

    async def run_before(pilot):
        app.theme = theme
        await pilot.pause()
        await pilot.press("a", *"cable", "space", *"y", "space", *"raise")
        await pilot.pause()
        await pilot.press("enter")  # + New exercise
        await pilot.pause()
        await pilot.press("tab", "tab", "down", "down", "down", "down", "space")  # Side delts
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
