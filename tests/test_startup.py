"""Start-up without the garbage collector until the first frame (tui_tracker/startup.py)."""

from __future__ import annotations

import gc

import pytest

from tui_tracker import startup
from tui_tracker.cli import main


@pytest.fixture(autouse=True)
def gc_restored():
    """Whatever a test does, the collector is on and unpaused after it."""
    yield
    startup.resume_gc()
    gc.unfreeze()
    gc.enable()


def test_pause_stops_collections_and_resume_starts_them_once():
    startup.pause_gc()
    assert not gc.isenabled() and startup.gc_paused()
    assert startup.resume_gc() is True
    assert gc.isenabled() and not startup.gc_paused()
    assert gc.get_freeze_count() > 0  # what start-up made is never walked again
    assert startup.resume_gc() is False  # a second call does nothing


def test_a_collector_someone_else_turned_off_is_left_off():
    gc.disable()
    startup.pause_gc()
    assert startup.resume_gc() is False
    assert not gc.isenabled()


def test_the_command_line_resumes_collections_when_the_app_cannot_start(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert main(["--db", str(folder)]) == 3  # a folder is no database: refused before the app
    assert "tui-tracker: error:" in capsys.readouterr().err
    assert gc.isenabled() and not startup.gc_paused()


# --- what the first frame imports ---------------------------------------------------------

FIRST_FRAME = r"""
import asyncio, sys
from datetime import date
from pathlib import Path
from tui_tracker.clock import Clock
from tui_tracker.store import Store
from tui_tracker.ui.app import TrackerApp

async def main():
    app = TrackerApp(store=Store(Path(sys.argv[1])), clock=Clock(date(2026, 11, 18)))
    async with app.run_test(size=(80, 24)) as pilot:
        print(" ".join(sorted(m for m in sys.modules if m.startswith("tui_tracker."))))
        print(" ".join(sorted(c.__name__ for c in classes(DOMNode) if c.__module__.startswith("tui_tracker."))))

def classes(base):
    for sub in base.__subclasses__():
        yield sub
        yield from classes(sub)

from textual.dom import DOMNode
asyncio.run(main())
"""

#: Rules the first frame does not apply: imported when first needed (a save, the
#: block prompt after the first frame, the records read ahead in a thread).
NOT_FOR_THE_FIRST_FRAME = (
    "tui_tracker.domain.advice",
    "tui_tracker.domain.deload",
    "tui_tracker.domain.effort",
    "tui_tracker.domain.records",
    "tui_tracker.domain.volume",
)

#: Code for what the first frame of a day with nothing to resume does not show (issue
#: 12, start-up): the swap and skip dialogs with the exercise search and text field
#: they bring, the panel's plate line, warm-up ramp and supersets (the panel mounts
#: just after the first frame), the settings file's writer (a start only reads), the
#: suggestion's rules and plate maths (no exercise shown yet), the bodyweight log's
#: rules, what a logged set hands back (entries.py), the block's questions (asked just
#: after the first frame), the queue of sets waiting for a busy database, and the
#: dialogs' base and the damaged-database dialog (each Textual screen class costs about
#: 2 M instructions to create at import).
NOT_SHOWN_IN_THE_FIRST_FRAME = (
    "tui_tracker.domain.progression",
    "tui_tracker.domain.suggestion",
    "tui_tracker.domain.plates",
    "tui_tracker.domain.bodyweight",
    "tui_tracker.domain.strength",
    "tui_tracker.entries",
    "tui_tracker.ui.widgets.exercise_search",
    "tui_tracker.ui.widgets.fields",
    "tui_tracker.ui.at_the_bar",
    "tui_tracker.ui.rounds",
    "tui_tracker.domain.warmup",
    "tui_tracker.domain.supersets",
    "tui_tracker.store.toml_writer",
    "tui_tracker.ui.today_block",
    "tui_tracker.ui.waiting",
    "tui_tracker.ui.dialog",
    "tui_tracker.ui.store_problem",
)


@pytest.fixture(scope="module")
def first_frame(tmp_path_factory) -> tuple[set[str], set[str]]:
    """The modules loaded and our screen and widget classes created by a first frame."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(tmp_path_factory.mktemp("db") / "t.json")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    modules, classes = out.splitlines()[:2]
    return set(modules.split()), set(classes.split())


def test_the_first_frame_does_not_import_rules_it_does_not_apply(first_frame):
    loaded, _ = first_frame
    assert "tui_tracker.ui.today" in loaded and "tui_tracker.logbook" in loaded
    assert not loaded & set(NOT_FOR_THE_FIRST_FRAME)
    assert not loaded & set(NOT_SHOWN_IN_THE_FIRST_FRAME)


#: The screen and widget classes of the first frame.  Textual spends about 2 M
#: instructions creating each (it walks the class's every attribute): a dialog's class
#: is created when a dialog is first opened.
FIRST_FRAME_CLASSES = {
    "TrackerApp",
    "TodayScreen",
    "TodayHeader",
    "ExerciseList",
    "Lines",
    "StatusLine",
    "RestTimer",
    "KeyBar",
    "TooSmall",
    "SetsTable",  # mounted just after the first frame (or in it, with exercises)
    "SetEntry",
}


def test_the_first_frame_creates_no_dialog_class(first_frame):
    _, created = first_frame
    assert "TodayScreen" in created
    assert created <= FIRST_FRAME_CLASSES, created - FIRST_FRAME_CLASSES


def test_the_domain_package_still_offers_every_name_it_lists():
    import tui_tracker.domain as domain

    for name in domain.__all__:
        assert getattr(domain, name) is not None
    from tui_tracker.domain import failure_advice, weekly_sets  # noqa: F401

    with pytest.raises(AttributeError):
        domain.no_such_name  # noqa: B018
