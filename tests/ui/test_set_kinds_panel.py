"""Every kind of set in the panel at 80x24: added or assisted load on bodyweight exercises,
per-dumbbell loads, timed and distance sets, and v for drop, rest-pause and failure sets.
Tables on Today and History show load_text, never "0 kg"."""

from __future__ import annotations

import re

from textual.widgets import DataTable

from .conftest import SIZE, make_app
from .test_at_the_bar import on_screen
from .test_today import entry, logged


def rows(db):
    return [(s.weight_kg, s.reps, s.rir, s.kind, s.duration_s, s.distance_m) for s in logged(db)]


async def test_bodyweight_exercise_added_assisted_and_bw_in_one_burst(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"pull-up", "enter")
        await pilot.pause()
        assert "Added [" in on_screen(app) and "] kg added" in on_screen(app)
        await pilot.press(
            "+",
            "2",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "-",
            "3",
            "0",
            "tab",
            "1",
            "0",
            "enter",
            "backspace",
            "tab",
            "6",
            "enter",
        )
        await pilot.pause()
        assert rows(db) == [
            (20, 8, 2, "working", None, None),
            (-30, 10, 2, "working", None, None),
            (0, 6, 2, "working", None, None),
        ]
        text = on_screen(app)
        assert "BW+20 kg" in text and "BW-30 kg" in text
        assert not re.search(r"(?<![0-9.+-])0 kg", text)  # never "0 kg"
        assert "Saved set 3: Pull-Up BW x 6 @2" in text
        # A plain number is added load too (the unit of entry says so).
        await pilot.press("1", "0", "enter")
        await pilot.pause()
        assert rows(db)[-1][0] == 10


async def test_v_cycles_the_kind_and_w_still_toggles_warm_up(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"curl", "enter", "1", "2", "tab", "1", "0", "tab", "1", "enter")
        await pilot.pause()
        assert "working set (w)" in on_screen(app)
        await pilot.press("v")
        await pilot.pause()
        assert "DROP SET (v)" in on_screen(app)
        await pilot.press("v")
        await pilot.pause()
        assert "REST-PAUSE (v)" in on_screen(app)
        await pilot.press("v")
        await pilot.pause()
        assert "TO FAILURE (v)" in on_screen(app)
        await pilot.press("v")
        await pilot.pause()
        assert "working set (w)" in on_screen(app)
        # In one burst: a drop set, then (the kind starts from working again) a set to
        # failure, then a rest-pause set, then w: a warm-up.
        await pilot.press(
            "v",
            "enter",
            "v",
            "v",
            "v",
            "tab",
            "tab",
            "0",
            "enter",
            "v",
            "v",
            "enter",
            "w",
            "8",
            "tab",
            "1",
            "2",
            "enter",
        )
        await pilot.pause()
        assert [r[3] for r in rows(db)] == ["working", "drop", "failure", "rest_pause", "warmup"]
        text = on_screen(app)
        assert "drop set" in text and "to failure" in text and "rest-pause" in text


async def test_timed_and_distance_sets(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"plank", "enter")
        await pilot.pause()
        assert "Secs [" in on_screen(app) and "Reps [" not in on_screen(app)
        await pilot.press("tab", "6", "0", "enter", "enter")  # 60 s, then the same again
        await pilot.pause()
        assert entry(app).values["reps"] == "60"
        await pilot.press("a", *"farmer", "enter", "3", "2", "tab", "4", "0", "enter")
        await pilot.pause()
        assert "Metres [" in on_screen(app) and "kg per hand" in on_screen(app)
        assert rows(db) == [
            (0, 0, None, "working", 60, None),
            (0, 0, None, "working", 60, None),
            (32, 0, None, "working", None, 40.0),
        ]
        text = on_screen(app)
        assert "2 x 32 kg, 40 m" in text and "Saved set 1: Farmer's Walk 2 x 32 kg, 40 m" in text
        # Seconds that do not read: the reason, nothing saved.
        await pilot.press("escape", "up", "up", "enter", "tab", "backspace", "enter")
        await pilot.pause()
        assert app.screen.current == "plank"
        assert "Not saved: seconds are empty" in on_screen(app) and len(rows(db)) == 3


async def test_per_dumbbell_and_the_table(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"dumbbell bench", "enter")
        await pilot.pause()
        assert "] kg per dumbbell" in on_screen(app)
        await pilot.press("2", "2", ".", "5", "tab", "1", "0", "tab", "2", "enter")
        await pilot.pause()
        assert "2 x 22.5 kg" in on_screen(app)


async def test_history_shows_load_text_and_kinds(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "a",
            *"pull-up",
            "enter",
            "+",
            "2",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "v",
            "backspace",
            "enter",
        )
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert cells[0][2:6] == ["BW+20 kg", "8", "2", "working"]
        assert cells[1][2:6] == ["BW", "8", "2", "drop set"]


async def test_edit_an_assisted_pull_up_and_a_plank(db, clock):
    """The edit dialog takes a set as the panel does: BW-30 and 60 s were not editable."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "a", *"pull-up", "enter", "-", "3", "0", "tab", "8", "tab", "2", "enter", "e"
        )
        await pilot.pause()
        await pilot.press("-", "2", "5", "enter")  # the weight is selected: typed over
        await pilot.pause()
        assert rows(db) == [(-25, 8, 2, "working", None, None)]
        assert "Set 1 changed to BW-25 kg x 8 @2." in on_screen(app)
        await pilot.press("a", *"plank", "enter", "tab", "6", "0", "enter", "e")
        await pilot.pause()
        await pilot.press("tab", "4", "5", "enter")
        await pilot.pause()
        assert rows(db)[-1] == (0, 0, None, "working", 45, None)
        assert "Set 1 changed to 45 s." in on_screen(app)
