"""The app resumes the garbage collector the command line paused (tui_tracker/startup.py)."""

from __future__ import annotations

import gc

import pytest

from tui_tracker import startup

from .conftest import SIZE, make_app


@pytest.fixture(autouse=True)
def gc_restored():
    yield
    startup.resume_gc()
    gc.unfreeze()
    gc.enable()


async def test_the_app_resumes_collections_once_its_first_frame_is_drawn(db, clock):
    startup.pause_gc()
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No exercises yet" in str(app.screen.query_one("#empty-hint").render())
        assert gc.isenabled() and not startup.gc_paused()


async def test_an_app_started_with_collections_on_leaves_them_alone(db, clock):
    frozen = gc.get_freeze_count()
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == frozen
