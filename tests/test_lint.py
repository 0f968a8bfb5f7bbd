"""The house rules the README's test command keeps: `ruff check` (the rules in
pyproject.toml's [tool.ruff]) over the project and `mypy` (strict on
src/tui_tracker/domain and src/tui_tracker/store, [tool.mypy]) pass.  Each runs from the venv as a subprocess
and, on a finding, the test fails with its output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = BIN / tool
    assert exe.exists(), f"{exe} is missing: install the test extra (pip install -e '.[test]')"
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [str(exe), *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600
    )


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert done.returncode == 0, f"ruff check:\n{done.stdout}{done.stderr}"


def test_ruff_format_leaves_every_file_as_it_is():
    done = _run("ruff", "format", "--check", "--no-cache", ".")
    assert done.returncode == 0, f"ruff format --check:\n{done.stdout}{done.stderr}"


def test_mypy_is_strict_on_the_domain_and_the_store_and_finds_nothing():
    # The files and the strictness come from pyproject.toml; --strict here as well, so
    # loosening the config does not pass this test unnoticed.
    done = _run(
        "mypy", "--strict", "--no-incremental", "src/tui_tracker/domain", "src/tui_tracker/store"
    )
    assert done.returncode == 0, f"mypy:\n{done.stdout}{done.stderr}"
