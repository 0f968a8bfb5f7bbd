"""The Edit exercise dialog (E on Today, and the palette): keyboard only at 80x24, key bursts
posted in one go, refusals explained, hostile names shown literally, every change on disk."""

from __future__ import annotations

from datetime import date

from textual.command import CommandList
from textual.widgets import Label

from tui_tracker.domain.catalogue import Catalogue, new_exercise
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store
from tui_tracker.ui.exercise_edit import EditExercise
from tui_tracker.ui.modals import Confirm
from tui_tracker.ui.today import TodayScreen

from .conftest import DAY, SIZE, FixedClock, make_app

HOSTILE = "[b]Bold[/] Press"


def seed(db, *names: str, sets: dict[str, int] | None = None) -> None:
    """The lifter's own exercises (triceps, compound), and sets of some of them today."""
    store = Store(db)
    catalogue = Catalogue()
    for name in names:
        ex = new_exercise(catalogue, name, ["triceps"], kind="compound")
        store.save_exercise(ex)
    at = FixedClock().now()
    for exercise_id, n in (sets or {}).items():
        for _ in range(n):
            store.log_set(LoggedSet(exercise_id, 60, 8, 2, at=at), day=DAY)
    store.close()


async def open_exercise(pilot, query: str) -> None:
    await pilot.press("a", *query.replace(" ", "|").split("|")[0])
    for word in query.split(" ")[1:]:
        await pilot.press("space", *word)
    await pilot.press("enter")
    await pilot.pause()


def message(app) -> str:
    return str(app.screen.query_one("#ex-message", Label).render())


def status(app) -> str:
    return str(app.screen.query_one("#status").render())


def custom(db):
    with Store(db) as store:
        return {e.id: e for e in store.custom_exercises()}


async def test_a_burst_renames_and_sets_kind_high_skill_rest_and_muscles(db):
    seed(db, "Close Press", sets={"custom-close-press": 2})
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.current == "custom-close-press"
        # One packet: open, rename, isolation, high skill, rest 2:30, chest primary,
        # front delts secondary, save.
        await pilot.press(
            "E",
            *"Narrow Press",
            "tab",
            "right",
            "space",
            "tab",
            "space",
            "tab",
            *"2:30",
            "tab",
            "space",
            "tab",
            "down",
            "down",
            "down",
            "space",
            "ctrl+s",
        )
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Saved Narrow Press: isolation, rest 150 s." in status(app)
        rows = str(app.screen.query_one("#exercises").render())
        assert "Narrow Press" in rows and "Close Press" not in rows
    ex = custom(db)["custom-close-press"]
    assert (ex.name, ex.aliases, ex.kind, ex.high_skill, ex.rest_seconds) == (
        "Narrow Press",
        ("Close Press",),
        "isolation",
        True,
        150,
    )
    assert (ex.primary, ex.secondary) == (("chest", "triceps"), ("front_delts",))


async def test_refused_values_are_explained_in_place_and_nothing_is_saved(db):
    seed(db, "Close Press", "Other Press")
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "close press")
        before = db.read_bytes()
        await pilot.press("E", *"Other Press", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditExercise)
        assert "'Other Press' is already the name of 'Other Press'" in message(app)
        await pilot.press("backspace", "ctrl+u", "ctrl+s")  # an empty name
        await pilot.pause()
        assert "an exercise needs a name" in message(app)
        await pilot.press(*"Close Press", "tab", "tab", "tab", *"31:00", "ctrl+s")
        await pilot.pause()
        assert "rest: 1860 s is not 0 to 1800 seconds" in message(app)
        await pilot.press("backspace", *"9x", "ctrl+s")
        await pilot.pause()
        assert "is not a number of seconds (150, 2:30 or 2m30s)" in message(app)
        # Triceps primary (seeded) and ticked secondary too.
        await pilot.press("ctrl+u", *"90", "tab", "tab", *["down"] * 7, "space", "ctrl+s")
        await pilot.pause()
        assert "Triceps is ticked as both primary and secondary" in message(app)
        await pilot.press("shift+tab", *["down"] * 7, "space", "ctrl+s")  # no primary left
        await pilot.pause()
        assert "tick at least one primary muscle" in message(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert db.read_bytes() == before


async def test_a_catalogue_exercise_keeps_its_name_and_cannot_be_merged_or_deleted(db):
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "squat")
        await pilot.press("E")
        await pilot.pause()
        assert app.screen.query_one("#ex-name").disabled
        assert "keeps its name" in message(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Barbell Back Squat is in the catalogue" in message(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, EditExercise)  # no picker: it cannot be merged away
        assert "cannot be deleted or merged away" in message(app)
        # Its rest can change: a copy of yours replaces it, under the same id.
        await pilot.press("tab", "tab", *"4:00", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    squat = custom(db)["barbell-back-squat"]
    assert (squat.name, squat.rest_seconds) == ("Barbell Back Squat", 240)


async def test_merge_picks_with_the_search_confirms_and_the_day_follows(db):
    seed(db, "Close Press", sets={"barbell-bench-press": 1, "custom-close-press": 2})
    store = Store(db)
    store.save_mesocycle(
        Mesocycle(
            "Block",
            date(2026, 11, 16),
            4,
            (TrainingDay("Push", 4, (PlannedExercise("custom-close-press", 3, 6, 10),)),),
        )
    )
    store.close()
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("E", "ctrl+g", *"bench", "space", *"press", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm), message(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Merged Close Press into Barbell Bench Press: 2 sets moved." in status(app)
        assert app.screen.current == "barbell-bench-press"
        rows = str(app.screen.query_one("#exercises").render())
        assert "Close Press" not in rows and "3 sets" in rows
    with Store(db) as store:
        (session,) = store.sessions_between(DAY, DAY)
        assert {s.exercise_id for s in session.sets} == {"barbell-bench-press"}
        assert store.mesocycles()[0].exercise_ids() == ["barbell-bench-press"]
        assert store.catalogue().get("custom-close-press") is None


async def test_merge_into_itself_is_refused_and_cancel_changes_nothing(db):
    seed(db, "Close Press", sets={"custom-close-press": 1})
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = db.read_bytes()
        await pilot.press("E", "ctrl+g", *"close", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditExercise)
        assert "cannot be merged into itself" in message(app)
        await pilot.press("ctrl+g", *"bench", "enter", "n")  # the question answered no
        await pilot.pause()
        assert isinstance(app.screen, EditExercise)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert db.read_bytes() == before


async def test_delete_only_without_sets(db):
    seed(db, "Close Press", "Typo Press", sets={"custom-close-press": 1})
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("E", "ctrl+r")
        await pilot.pause()
        assert "Close Press has 1 logged set: delete them first, or merge it" in message(app)
        await pilot.press("escape")
        await open_exercise(pilot, "typo press")
        await pilot.press("escape", "E", "ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Deleted Typo Press." in status(app)
        assert app.screen.current == "custom-close-press"
        assert "Typo Press" not in str(app.screen.query_one("#exercises").render())
    assert set(custom(db)) == {"custom-close-press"}


async def test_a_hostile_name_shows_literally(db):
    seed(db, HOSTILE, sets={"custom-b-bold-press": 1})
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        title = str(app.screen.query("#edit-exercise > Label").first().render())
        assert title == f"Edit {HOSTILE}  (yours)"
        assert app.screen.query_one("#ex-name").value == HOSTILE
        await pilot.press("end", *" [/]", "ctrl+s")
        await pilot.pause()
        assert f"Saved {HOSTILE} [/]" in status(app)
    assert custom(db)["custom-b-bold-press"].name == HOSTILE + " [/]"


async def test_the_palette_opens_it(db):
    seed(db, "Close Press", sets={"custom-close-press": 1})
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"edit exercise")
        for _ in range(100):  # the palette searches in a worker: wait for its results
            await pilot.pause(0.02)
            found = app.screen.query(CommandList)
            if found and found.first().option_count:
                break
        first = str(app.screen.query_one(CommandList).get_option_at_index(0).prompt)
        assert first.startswith("Edit exercise (E)")
        await pilot.press("enter")
        for _ in range(100):  # the palette closes, then runs the command
            await pilot.pause(0.02)
            if isinstance(app.screen, EditExercise):
                break
        assert isinstance(app.screen, EditExercise)


async def test_with_no_exercise_highlighted_it_says_what_to_do(db):
    app = make_app(db, FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "No exercise highlighted: pick one in the list first (a adds one)." in status(app)
