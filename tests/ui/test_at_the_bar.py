"""At the bar, in the set-entry panel at 80x24: the plate line follows the weight typed,
and the warm-up ramp is one line and one key (r), each ramp set saved as a warm-up."""

from __future__ import annotations

from datetime import timedelta

from tui_tracker.domain.models import Exercise, LoggedSet, to_kg
from tui_tracker.store import Store

from .conftest import DAY, SIZE, FixedClock, make_app
from .test_today import add_exercise, entry, logged
from .test_today_suggestion import app_with_settings

SQUAT = "barbell-back-squat"


def on_screen(app) -> str:
    """Every line of the terminal as the lifter sees it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def panel_lines(app) -> list[str]:
    return ["".join(text for text, _ in line).rstrip() for line in entry(app).lines()]


def saved(db) -> list[tuple[float, str, int, int | None, str]]:
    return [(round(s.weight_kg, 3), s.unit, s.reps, s.rir, s.kind) for s in logged(db)]


# --- the plate line ---------------------------------------------------------------------


async def test_the_plate_line_follows_each_keystroke_of_the_weight(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("1", "0", "1")  # the weight field is selected: typing replaces it
        await pilot.pause()
        assert "Plates: 101 kg cannot be loaded: 100 (25 15) or 102.5 (25 15 1.25)" in on_screen(
            app
        )
        await pilot.press(",", "2", "5")  # 101,25: a decimal comma is a point
        await pilot.pause()
        assert "Plates: 101.25 kg cannot be loaded: 100 (25 15) or 102.5" in on_screen(app)
        await pilot.press("backspace", "backspace", "backspace", "backspace", "2", ".", "5")
        await pilot.pause()
        assert entry(app).values["weight"] == "102.5"
        assert "Plates: 20 kg bar + 25 15 1.25 each side" in on_screen(app)
        await pilot.press("ctrl+u")  # an empty weight: a prompt, never an error
        await pilot.pause()
        assert "Plates: type a weight" in on_screen(app)
        await pilot.press("1", "5")
        await pilot.pause()
        assert "Plates: 15 kg is lighter than the 20 kg bar" in on_screen(app)


async def test_the_plate_line_in_lb_after_t(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("t", "2", "2", "7")
        await pilot.pause()
        assert "Plates: 227 lb cannot be loaded: 225 (45 45) or 230 (45 45 2.5)" in on_screen(app)
        await pilot.press("backspace", "5")
        await pilot.pause()
        assert "Plates: 45 lb bar + 45 45 each side" in on_screen(app)


async def test_the_plate_line_uses_the_lifters_bar_and_plates(db, tmp_path):
    app = app_with_settings(db, FixedClock(), "bar_kg = 15\nplates_kg = [20, 10, 5]\n", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("6", "5")
        await pilot.pause()
        assert "Plates: 15 kg bar + 20 5 each side" in on_screen(app)
        await pilot.press("backspace", "0")
        await pilot.pause()
        assert "Plates: 60 kg cannot be loaded: 55 (20) or 65 (20 5)" in on_screen(app)


async def test_no_plate_line_for_dumbbells_and_the_panel_stays_five_rows(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "dumbbell curl")
        await pilot.press("1", "2")
        await pilot.pause()
        assert "Plates" not in on_screen(app)
        assert entry(app).outer_size.height == 5
        # Back to the list, the squat: its panel grows by the plate and ramp lines.
        await add_exercise(pilot, "squat")
        await pilot.press("1", "0", "0")
        await pilot.pause()
        assert entry(app).outer_size.height == 7
        text = on_screen(app)
        assert "Plates: 20 kg bar + 25 15 each side" in text
        assert "Warm-up ramp (r): bar x 10 · 40 x 5 · 60 x 3 · 80 x 2 kg" in text


# --- the warm-up ramp -------------------------------------------------------------------


async def test_ramp_and_the_working_set_typed_ahead_in_one_burst(db, clock):
    """a squat Enter, 100 Tab 5 Tab 2, r, Enter, Enter in one packet: the ramp as
    warm-ups, then two working sets, in that order."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "a", *"squat", "enter", "1", "0", "0", "tab", "5", "tab", "2", "r", "enter", "enter"
        )
        await pilot.pause()
        assert saved(db) == [
            (20, "kg", 10, None, "warmup"),
            (40, "kg", 5, None, "warmup"),
            (60, "kg", 3, None, "warmup"),
            (80, "kg", 2, None, "warmup"),
            (100, "kg", 5, 2, "working"),
            (100, "kg", 5, 2, "working"),
        ]
        text = on_screen(app)
        assert "Warm-up ramp" not in text  # begun: the offer is gone
        assert "Barbell Back Squat   2 sets +4w" in text
        assert app.screen.timer.running  # after the working sets, not the warm-ups


async def test_ramp_says_so_and_keeps_the_working_set_and_its_note(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press(
            "1",
            "0",
            "2",
            ".",
            "5",
            "tab",
            "5",
            "tab",
            "2",
            "tab",
            *"belt",
            "shift+tab",
            "shift+tab",
            "shift+tab",
            "r",
        )
        await pilot.pause()
        assert saved(db) == [
            (20, "kg", 10, None, "warmup"),
            (40, "kg", 5, None, "warmup"),
            (62.5, "kg", 3, None, "warmup"),
            (82.5, "kg", 2, None, "warmup"),
        ]
        assert "Saved 4 warm-ups: bar x 10 · 40 x 5 · 62.5 x 3 · 82.5 x 2 kg" in on_screen(app)
        assert entry(app).values == {"weight": "102.5", "reps": "5", "rir": "2", "note": "belt"}
        assert not entry(app).warmup
        assert not app.screen.timer.running  # warm-ups start no rest
        await pilot.press("enter")
        await pilot.pause()
        last = logged(db)[-1]
        assert (last.weight_kg, last.reps, last.rir, last.kind, last.note) == (
            102.5,
            5,
            2,
            "working",
            "belt",
        )


async def test_ramp_in_lb(db, tmp_path):
    app = app_with_settings(db, FixedClock(), 'unit = "lb"\n', tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("2", "2", "5", "tab", "5", "tab", "2")
        await pilot.pause()
        assert "Warm-up ramp (r): bar x 10 · 90 x 5 · 135 x 3 · 180 x 2 lb" in on_screen(app)
        await pilot.press("r")
        await pilot.pause()
    assert [(s.weight_kg, s.unit, s.reps) for s in logged(db)] == [
        (to_kg(45, "lb"), "lb", 10),
        (to_kg(90, "lb"), "lb", 5),
        (to_kg(135, "lb"), "lb", 3),
        (to_kg(180, "lb"), "lb", 2),
    ]


async def test_no_ramp_after_another_heavy_compound_nor_on_a_warm_up_panel(db, clock):
    store = Store(db)
    for weight in (100, 100):
        store.log_set(LoggedSet(SQUAT, weight, 5, 2, at=clock.now()), day=DAY)
    store.close()
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_exercise(pilot, "barbell bench")
        await pilot.press("8", "0")
        await pilot.pause()
        assert "Plates: 20 kg bar + 25 5 each side" in on_screen(app)
        assert "Warm-up ramp" not in on_screen(app)
        await pilot.press("r")
        await pilot.pause()
        assert "No warm-up ramp here" in on_screen(app)
        assert len(logged(db)) == 2  # nothing saved


async def test_the_ramp_line_hides_on_a_warm_up_and_r_then_says_why(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("1", "0", "0", "w")
        await pilot.pause()
        assert "Warm-up ramp" not in on_screen(app) and entry(app).outer_size.height == 6
        await pilot.press("r")
        await pilot.pause()
        assert "No warm-up ramp here" in on_screen(app) and logged(db) == []
        await pilot.press("w", "ctrl+u", "1", "0", "0")
        await pilot.pause()
        assert "Warm-up ramp (r): bar x 10" in on_screen(app)


async def test_a_weight_at_the_bar_has_no_ramp_and_r_saves_nothing(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("2", "0", "tab", "5", "tab", "2")
        await pilot.pause()
        assert "Warm-up ramp (r): type the working weight, above the bar" in on_screen(app)
        await pilot.press("r")
        await pilot.pause()
        assert "No ramp up to this weight" in on_screen(app) and logged(db) == []
        # An unreadable set is refused as Enter refuses it: nothing saved, the reason shown.
        await pilot.press("shift+tab", "backspace", "r")
        await pilot.pause()
        assert "Not saved" in on_screen(app) and logged(db) == []


async def test_ramp_sets_are_edited_and_deleted_like_any_set(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("1", "0", "0", "tab", "5", "tab", "2", "r")
        await pilot.pause()
        # The table's cursor is on the last set (80 x 2): up to 60 x 3, edit its reps to 4.
        await pilot.press("up", "e")
        await pilot.pause()
        await pilot.press("tab", "4", "enter")
        await pilot.pause()
        assert saved(db)[2] == (60, "kg", 4, None, "warmup")
        # The cursor is back on the newest set: up to 60 x 4 and delete it; u brings it back.
        await pilot.press("up", "d")
        await pilot.pause()
        assert saved(db) == [
            (20, "kg", 10, None, "warmup"),
            (40, "kg", 5, None, "warmup"),
            (80, "kg", 2, None, "warmup"),
        ]
        await pilot.press("u")
        await pilot.pause()
        assert [s[2] for s in saved(db)] == [10, 5, 4, 2]


async def test_hostile_exercise_name_with_plates_and_ramp(db, clock):
    from ..hostile import CONTROLS, MARKUP

    name = f"Zork {MARKUP[0]} {MARKUP[2]} {CONTROLS[0]} Squat"
    ex = Exercise("custom-hostile-squat", name, ("quads",), equipment="barbell", custom=True)
    store = Store(db)
    store.save_exercise(ex)
    store.log_set(
        LoggedSet("dumbbell-curl", 12, 10, 2, at=clock.now() - timedelta(minutes=5)), day=DAY
    )
    store.close()
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_exercise(pilot, "zork")
        assert app.screen.current == ex.id
        await pilot.press("6", "0", "tab", "5", "tab", "2", "r", "enter")
        await pilot.pause()
        text = on_screen(app)
        assert "\x1b" not in text and "[/]" in text
        assert [(s.weight_kg, s.kind) for s in logged(db)][1:] == [
            (20, "warmup"),
            (25, "warmup"),
            (35, "warmup"),
            (47.5, "warmup"),
            (60, "working"),
        ]
