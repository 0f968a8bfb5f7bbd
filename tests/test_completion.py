"""Shell completion (`tui-tracker completion SHELL`) and the exit codes `--help` documents."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui_tracker.cli import main

EXE = Path(sys.executable).with_name("tui-tracker")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_the_shell(shell, capsys):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "tui-tracker" in script
    assert "complete" in script
    if shell == "fish":
        assert "complete --command tui-tracker" in script or "complete -c tui-tracker" in script


def test_an_unknown_shell_is_one_line_and_exit_2(capsys):
    assert main(["completion", "tcsh-9"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bash" in err


def _complete(line: str, tmp_path) -> list[str]:
    """What the installed command offers for `line`, asked the way the shell scripts ask."""
    out = tmp_path / "completions"
    env = dict(
        os.environ,
        _ARGCOMPLETE="1",
        _ARGCOMPLETE_SHELL="bash",
        COMP_LINE=line,
        COMP_POINT=str(len(line)),
        _ARGCOMPLETE_STDOUT_FILENAME=str(out),
        _ARGCOMPLETE_IFS="\n",
        TUI_TRACKER_DB=str(tmp_path / "db.json"),
    )
    subprocess.run([str(EXE)], env=env, check=False, timeout=60, capture_output=True)
    return [w.strip() for w in out.read_text().split("\n")] if out.exists() else []


def test_the_command_completes_subcommands_and_options(tmp_path):
    assert "meso" in _complete("tui-tracker m", tmp_path)
    assert "--json" in _complete("tui-tracker prs --j", tmp_path)
    assert {"bash", "zsh", "fish"} <= set(_complete("tui-tracker completion ", tmp_path))
    assert not (tmp_path / "db.json").exists()  # completing never creates a database


def test_help_lists_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for code in ("0 ", "1 ", "2 ", "3 ", "129", "130", "141"):
        assert f"  {code}" in text, code
