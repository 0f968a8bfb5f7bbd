"""Imports point one way: ui -> store -> domain.  Checked in fresh interpreters."""

import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tui_tracker"


def _loaded_after(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize(
    "module", ["tui_tracker", "tui_tracker.domain", "tui_tracker.store", "tui_tracker.cli"]
)
def test_no_textual_below_the_ui(module):
    loaded = _loaded_after(module)
    assert not any(m == "textual" or m.startswith("textual.") for m in loaded)


def test_domain_loads_no_tinydb_or_store():
    loaded = _loaded_after("tui_tracker.domain")
    assert not any(m.startswith(("tinydb", "tui_tracker.store", "tui_tracker.ui")) for m in loaded)


def _imports(path: Path) -> list[str]:
    import ast

    tree = ast.parse(path.read_text())
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
    return names


@pytest.mark.parametrize(
    "layer,forbidden",
    [
        (
            "domain",
            (
                "textual",
                "tinydb",
                "filelock",
                "orjson",
                "platformdirs",
                "..store",
                "..ui",
                "..cli",
                "tui_tracker.store",
                "tui_tracker.ui",
            ),
        ),
        ("store", ("textual", "..ui", "..cli", "tui_tracker.ui")),
    ],
)
def test_layer_imports(layer, forbidden):
    for path in (SRC / layer).rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(forbidden), f"{path.name} imports {name}"


def test_domain_reads_no_clock():
    for path in (SRC / "domain").rglob("*.py"):
        text = path.read_text()
        for call in ("datetime.now", "date.today", "time.time(", "pendulum.now", "pendulum.today"):
            assert call not in text, f"{path.name} reads the clock ({call})"
