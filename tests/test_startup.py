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


def test_the_command_line_resumes_collections_when_the_app_cannot_start(tmp_path, monkeypatch,
                                                                          capsys):
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert main(["--db", str(folder)]) == 3  # a folder is no database: refused before the app
    assert "tui-tracker: error:" in capsys.readouterr().err
    assert gc.isenabled() and not startup.gc_paused()
