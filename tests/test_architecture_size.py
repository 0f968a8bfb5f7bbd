"""The code stays small (issue 12, "Lean"): no module of src/tui_tracker over about 400
lines (data tables aside), no class over about 30 methods (properties count), and every
key of the Today screen still finds its action on the screen after it was split.

A module past the limit is split along its seams (what a lifter would name), not
allowlisted; only data tables may be long, because their length is the data."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tui_tracker"
MODULES = sorted(SRC.rglob("*.py"))
MAX_LINES = 400
MAX_METHODS = 30

#: Data tables: their length is the data, not the logic.  (The catalogue's data is
#: domain/data/exercises.json, not Python; exercise_data.py, its reader, is code.)
DATA_TABLES = {
    "domain/templates.py": "the ready-made block plans, one literal plan per template",
}


def _name(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def method_counts(source: str) -> dict[str, int]:
    """Each class's methods defined in its own body (properties included)."""
    tree = ast.parse(source)
    return {
        node.name: sum(
            isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) for item in node.body
        )
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }


def test_the_modules_are_found():
    names = {_name(p) for p in MODULES}
    assert {"ui/today.py", "ui/today_work.py", "logbook.py", "domain/progression.py"} <= names


def test_every_allowlisted_module_exists():
    names = {_name(p) for p in MODULES}
    assert set(DATA_TABLES) <= names


def test_method_counts_counts_methods_and_properties():
    source = (
        "class A:\n    x = 1\n    def a(self): pass\n    async def b(self): pass\n"
        "    @property\n    def c(self): return 1\n    class B:\n        def d(self): pass\n"
    )
    assert method_counts(source) == {"A": 3, "B": 1}


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if _name(p) not in DATA_TABLES],
    ids=_name,
)
def test_no_module_is_over_400_lines(path):
    lines = len(path.read_text().splitlines())
    assert lines <= MAX_LINES, f"{_name(path)}: {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_class_has_over_30_methods(path):
    too_many = {name: n for name, n in method_counts(path.read_text()).items() if n > MAX_METHODS}
    assert not too_many, f"{_name(path)}: {too_many}"


def test_every_today_key_finds_its_action_on_the_screen():
    from tui_tracker.ui.today import ACTIONS, TodayScreen

    for action in ACTIONS:
        name = action.action.split("(", 1)[0]
        if name.startswith("app."):
            continue
        assert callable(getattr(TodayScreen, f"action_{name}", None)), action.action
