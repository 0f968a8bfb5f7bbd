"""The suite's own settings: no test fails for being slow on a loaded machine, and no
process it starts compiles the app again."""

import importlib.util
from pathlib import Path

from hypothesis import HealthCheck, settings

import tui_tracker


def test_property_tests_have_no_deadline_and_no_too_slow_check():
    assert settings().deadline is None
    assert HealthCheck.too_slow in settings().suppress_health_check


def test_every_module_of_the_app_has_its_bytecode_cached_for_the_processes_started():
    """(tests/conftest.py: with PYTHONDONTWRITEBYTECODE nothing else writes them.)"""
    sources = sorted(Path(tui_tracker.__file__).parent.rglob("*.py"))
    stale = []
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
            stale.append(str(source))
    assert len(sources) > 100 and stale == []
