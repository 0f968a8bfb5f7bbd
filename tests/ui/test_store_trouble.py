"""A store error while the TUI runs is shown and handled, never a traceback.

A month file damaged or made newer by another version while the app runs, a full
disk, a read-only disk: each key that touches the store either says what went wrong
and keeps the app running, or leaves through the app with exit code 3 and the
message.  The damaged file is never written.
"""

from __future__ import annotations

import errno

import orjson
import pytest
from textual.widgets import Static

from tui_tracker.store import month_of, month_path

from .conftest import DAY, SIZE, make_app
from .test_typing_ahead import burst, saved, start_squats


def damage(db) -> bytes:
    path = month_path(db, month_of(DAY))
    path.write_bytes(path.read_bytes()[:40])
    return path.read_bytes()


def make_newer(path) -> None:
    data = orjson.loads(path.read_bytes())
    next(iter(data["meta"].values()))["schema_version"] = 99
    path.write_bytes(orjson.dumps(data))


def on_screen(app) -> str:
    """Every Static's text on the active screen (status lines, dialogs)."""
    return " ".join(str(w.render()) for w in app.screen.query(Static))


@pytest.mark.parametrize(
    "keys", [["enter"], ["e", "enter"], ["d"], ["f", "enter"], ["h"], ["m"], ["a", "curl", "enter"]]
)
async def test_a_file_damaged_while_the_app_runs_is_shown_never_a_traceback(db, clock, keys):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        before = damage(db)
        await burst(pilot, *keys)
        await pilot.pause()
        assert app._exception is None  # no traceback: handled
        if app.is_running:
            assert "Cannot read the training database" in on_screen(app)
        else:
            assert app.return_code == 3
    assert month_path(db, month_of(DAY)).read_bytes() == before  # never written


async def test_a_database_problem_dialog_quits_with_exit_3_and_the_message(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        damage(db)
        await burst(pilot, "h")
        assert "Cannot read the training database" in on_screen(app)
        await burst(pilot, "q")
    assert app.return_code == 3


async def test_the_main_file_made_newer_by_another_version_is_refused_on_screen(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        make_newer(db)
        await burst(pilot, "m")
        assert app._exception is None
        assert "schema version 99" in on_screen(app)
        await burst(pilot, "q")
    assert app.return_code == 3


async def test_a_full_disk_says_not_saved_and_the_set_can_be_saved_once_there_is_room(
    db, clock, monkeypatch
):
    from tui_tracker.store import storage
    from tui_tracker.store.setlog import SetLog

    real = storage.atomic_write, SetLog.append
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)

        def full(*args):
            raise OSError(errno.ENOSPC, "No space left on device")

        # Both ways a save reaches the disk: a file written whole, a line in a set log
        # (this second set goes to the log: its session is saved already).
        monkeypatch.setattr(storage, "atomic_write", full)
        monkeypatch.setattr(SetLog, "append", full)
        await burst(pilot, "tab", "6", "enter")
        assert "NOT saved" in on_screen(app) and "disk is full" in on_screen(app)
        assert app.screen.query_one("#entry").values["reps"] == "6"  # kept, to try again
        monkeypatch.setattr(storage, "atomic_write", real[0])
        monkeypatch.setattr(SetLog, "append", real[1])
        await burst(pilot, "enter")
        assert saved(db)[-1] == (80, 6, 2, "working")
        assert app.is_running


def dialog_text(app) -> str:
    """What the terminal shows inside the database problem dialog, its frame dropped."""
    box = app.screen.query_one("#store-problem").region
    assert box.y >= 0 and box.bottom <= SIZE[1] and box.x >= 0 and box.right <= SIZE[0]
    strips = app.screen._compositor.render_strips()[box.y : box.bottom]
    return "\n".join(strip.crop(box.x + 1, box.right - 1).text for strip in strips)


def squeezed(text: str) -> str:
    """Text without its spaces: a path folded across two lines still reads whole."""
    return "".join(text.split())


async def test_a_set_logged_into_a_damaged_month_file_shows_the_whole_dialog_and_q_exits_3(
    db, clock
):
    """A tester truncated the month file with a session open and logged a set: "NOT
    saved" came as a status line cut off at "Restore a" (longer than the line had room
    for), and q then left with exit code 0.  The dialog says it all at 80x24: what is
    wrong (the file, the copy), the set NOT saved with its numbers, what to do."""
    from tui_tracker.ui.store_problem import StoreProblem

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        before = damage(db)
        await burst(pilot, "tab", "6", "enter")  # 80 kg x 6 @2
        assert isinstance(app.screen, StoreProblem)
        shown = squeezed(dialog_text(app))
        assert squeezed(str(app.screen.error)) in shown  # the file, the copy, what to do
        assert "Restore a backup, or start a new database with --db PATH" in str(app.screen.error)
        assert squeezed("NOT saved: Barbell Back Squat 80 kg x 6 @2") in shown
        await burst(pilot, "q")
    assert app.return_code == 3
    assert month_path(db, month_of(DAY)).read_bytes() == before


@pytest.mark.parametrize(
    "keys, leave",
    [(["tab", "6", "enter"], "q"), (["h"], "ctrl+q")],
    ids=["set-q", "history-ctrl+q"],
)
async def test_quitting_after_keep_looking_still_exits_3(db, clock, keys, leave):
    """Esc keeps the app open to look; whatever way it is left then (q on Today,
    ctrl+q anywhere), a script still sees exit code 3: the app met a damaged database."""
    from tui_tracker.ui.store_problem import StoreProblem

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        damage(db)
        await burst(pilot, *keys)
        assert isinstance(app.screen, StoreProblem)
        await burst(pilot, "escape")
        assert not isinstance(app.screen, StoreProblem)
        await burst(pilot, leave)
    assert app.return_code == 3
