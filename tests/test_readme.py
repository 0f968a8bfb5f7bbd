"""README.md opens with the two commands a newcomer needs; CI runs the second verbatim."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_starts_with_install_and_test_commands():
    first_two = _commands()[:2]
    assert "tui-tracker" in first_two[0] and "pip install ." in first_two[0]
    assert "pytest" in first_two[1] and ".[test]" in first_two[1]


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _commands()[1]
    ci_lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert test_command in ci_lines
