"""The Today screen stays small (issue 12): none of its modules (ui/today*.py) over
about 400 lines, no class in them over about 30 methods (properties count), and every
key of the Today screen still finds its action on the screen after it was split."""

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[1] / "src" / "tui_tracker" / "ui"
MODULES = sorted(UI.glob("today*.py"))
MAX_LINES = 400
MAX_METHODS = 30


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


def test_the_today_modules_are_found():
    assert {p.name for p in MODULES} >= {"today.py", "today_work.py", "today_search.py"}


def test_method_counts_counts_methods_and_properties():
    source = (
        "class A:\n    x = 1\n    def a(self): pass\n    async def b(self): pass\n"
        "    @property\n    def c(self): return 1\n    class B:\n        def d(self): pass\n"
    )
    assert method_counts(source) == {"A": 3, "B": 1}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(UI)))
def test_no_today_module_is_over_400_lines(path):
    assert len(path.read_text().splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(UI)))
def test_no_today_class_has_over_30_methods(path):
    too_many = {name: n for name, n in method_counts(path.read_text()).items() if n > MAX_METHODS}
    assert not too_many


def test_every_today_key_finds_its_action_on_the_screen():
    from tui_tracker.ui.today import ACTIONS, TodayScreen

    for action in ACTIONS:
        name = action.action.split("(", 1)[0]
        if name.startswith("app."):
            continue
        assert callable(getattr(TodayScreen, f"action_{name}", None)), action.action
