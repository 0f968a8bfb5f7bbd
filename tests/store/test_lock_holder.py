"""The lock file's holder line is written in place, never by truncating the file first.

Truncating took 1-5 ms of every lock on a busy ext4 (a journal transaction), and the
app takes the lock for each read and each commit: several times before its first
frame.  The line is padded instead, so it always covers the last holder's.
"""

from __future__ import annotations

import os

from tui_tracker.store import Store
from tui_tracker.store.lock import HOLDER_BYTES, ProcessLock

from .helpers import DAY, mkset


def test_taking_the_lock_never_truncates_its_file(tmp_path, monkeypatch):
    def no_truncate(*_a):
        raise AssertionError("the lock file was truncated")

    monkeypatch.setattr(os, "ftruncate", no_truncate)
    with Store(tmp_path / "training.json") as store:
        store.log_set(mkset(), day=DAY)
        assert len(store.open_session(DAY).sets) == 1
    lock = tmp_path / "training.json.lock"
    assert lock.stat().st_size == HOLDER_BYTES


def test_a_longer_line_left_by_an_earlier_holder_is_covered(tmp_path):
    path = tmp_path / "x.lock"
    older = f"4242\t{'tui-tracker import strong ' + 'y' * 140}.csv\t2026-11-18T18:00:03+01:00\n"
    path.write_text(older)
    lock = ProcessLock(str(path), timeout=1, mode=0o600)
    lock.acquire()
    try:
        holder = lock.holder()
        assert holder is not None and holder.startswith(f"process {os.getpid()} (")
        assert "4242" not in path.read_text() and "yyyy" not in path.read_text()
        first, rest = path.read_text().split("\n", 1)
        assert first.count("\t") == 2 and rest.strip() == ""
    finally:
        lock.release()


def test_the_holder_is_named_with_its_time(tmp_path):
    path = tmp_path / "x.lock"
    lock = ProcessLock(str(path), timeout=1, mode=0o600)
    lock.acquire()
    try:
        holder = lock.holder()
        assert holder is not None and ", since " in holder
        assert not holder.endswith("since ?")  # the padding does not spoil the time
    finally:
        lock.release()
