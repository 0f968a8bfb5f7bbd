"""Private from the start: the folder 0700 and every file 0600, through the real entry points.

tests/store/test_files.py checks the Store in-process with umask 0.  Here the
installed command and the TUI in a pty create the database, under the most
open umask and the usual one, and a damaged file's keep-safe copy is checked too
(it holds the whole history).  Temp files left by a kill are checked in
test_crash.py.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from .helpers import cli

UMASKS = [0o000, 0o022]


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def check_private(folder: Path, created_from: Path | None = None) -> None:
    """`folder` 0700 and its files 0600; so is every parent made up to `created_from`."""
    assert mode(folder) == 0o700, oct(mode(folder))
    for parent in folder.parents:
        if created_from is None or parent == created_from:
            break
        assert mode(parent) == 0o700, (parent, oct(mode(parent)))
    files = sorted(folder.iterdir())
    assert files, "nothing was created"
    for f in files:
        assert mode(f) == 0o600, (f.name, oct(mode(f)))


def with_umask(mask: int):
    return lambda: os.umask(mask)


@pytest.mark.parametrize("mask", UMASKS, ids=oct)
def test_cli_creates_a_private_database(tmp_path, mask):
    folder = tmp_path / "home" / ".local" / "share" / "tui-tracker"
    db = folder / "training.json"
    for day in ("2025-12-31", "2026-01-01"):  # two months, two years
        r = cli(
            "--db", str(db), "--today", day, "log", "squat", "100x5@2", preexec_fn=with_umask(mask)
        )
        assert r.returncode == 0, r.stderr
    r = cli(
        "--db",
        str(db),
        "exercise",
        "add",
        "Cable Y Raise",
        "--primary",
        "side_delts",
        "--kind",
        "isolation",
        preexec_fn=with_umask(mask),
    )
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "training.json",
        "training.json.lock",
        "training.sessions-2025-12.json",
        "training.sessions-2026-01.json",
    ]
    check_private(folder, created_from=tmp_path)


@pytest.mark.parametrize("mask", UMASKS, ids=oct)
def test_keep_safe_copy_of_a_damaged_file_is_private(tmp_path, mask):
    folder = tmp_path / "data"
    db = folder / "training.json"
    r = cli("--db", str(db), "log", "squat", "100x5", preexec_fn=with_umask(mask))
    assert r.returncode == 0, r.stderr
    db.write_bytes(db.read_bytes()[:-5])
    r = cli("--db", str(db), "volume", preexec_fn=with_umask(mask))
    assert r.returncode == 3
    (copy,) = folder.glob("training.json.unreadable-*")
    check_private(folder)
    assert copy.read_bytes() == db.read_bytes()


def test_tui_creates_a_private_database(tmp_path):
    from tests.terminal.pty_app import PtyApp

    folder = tmp_path / "new" / "data"
    old = os.umask(0)
    try:
        app = PtyApp("--db", str(folder / "training.json"), "--today", "2026-11-18")
    finally:
        os.umask(old)
    try:
        app.wait_for("No exercises yet")
        app.send("q")
        assert app.wait() == 0
    finally:
        app.close()
    check_private(folder, created_from=tmp_path)
