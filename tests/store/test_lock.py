"""The flock-based process lock (store/lock.py), against a real second process."""

from __future__ import annotations

import os
import select
import stat
import subprocess
import sys
import threading

import pytest

from tui_tracker.store import Store, StoreError
from tui_tracker.store import store as store_module
from tui_tracker.store.lock import LockTimeout, ProcessLock

HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def hold(path, seconds: float) -> subprocess.Popen:
    """Another process that holds the lock on `path` for `seconds`."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_lock_file_is_created_for_the_owner_only_and_kept(tmp_path):
    path = tmp_path / "db.lock"
    lock = ProcessLock(str(path), timeout=1, mode=0o600)
    lock.acquire()
    lock.release()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.exists()  # others may be waiting on it


def test_reentrant_within_one_holder_released_by_the_outermost(tmp_path):
    path = tmp_path / "db.lock"
    lock = ProcessLock(str(path), timeout=0.2, mode=0o600)
    lock.acquire()
    lock.acquire()
    lock.release()
    other = ProcessLock(str(path), timeout=0.05, mode=0o600)  # a second open file: like a process
    with pytest.raises(LockTimeout):
        other.acquire()
    lock.release()
    other.acquire()
    other.release()


HOLD_UNTIL_TOLD = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()  # until the test closes our stdin
print("unlocking", flush=True)
fcntl.flock(fd, fcntl.LOCK_UN)
"""


def test_waits_for_another_process_then_takes_the_lock(tmp_path):
    """Ordered by what the holder says, not by the clock: the lock is taken only once the
    holder has said it is unlocking (its line is already there to read)."""
    path = tmp_path / "db.lock"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_TOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(LockTimeout):  # busy: it does not take a held lock
            ProcessLock(str(path), timeout=0, mode=0o600).acquire()
        lock = ProcessLock(str(path), timeout=120, mode=0o600)  # 120 s: only a hang guard
        seen: dict[str, bool] = {}
        trying = threading.Event()

        def take() -> None:
            trying.set()
            lock.acquire()
            seen["holder had unlocked"] = bool(select.select([proc.stdout], [], [], 0)[0])
            lock.release()

        taker = threading.Thread(target=take)
        taker.start()
        trying.wait()
        assert "holder had unlocked" not in seen  # still held: it cannot have the lock
        proc.stdin.close()  # now let go
        taker.join(120)
        assert seen == {"holder had unlocked": True}
    finally:
        proc.kill()
        proc.wait()


def test_gives_up_after_the_timeout_while_another_process_holds_it(tmp_path):
    path = tmp_path / "db.lock"
    proc = hold(path, 30)
    try:
        with pytest.raises(LockTimeout):
            ProcessLock(str(path), timeout=0.2, mode=0o600).acquire()
    finally:
        proc.kill()
        proc.wait()


def test_lock_taken_again_after_its_file_was_removed(tmp_path):
    path = tmp_path / "db.lock"
    lock = ProcessLock(str(path), timeout=1, mode=0o600)
    lock.acquire()
    lock.release()
    os.unlink(path)
    lock.acquire()
    assert path.exists()
    lock.release()


def test_store_says_the_database_is_busy_when_another_process_holds_it(tmp_path, monkeypatch):
    db = tmp_path / "training.json"
    Store(db).close()
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.2)
    proc = hold(str(db) + ".lock", 30)
    try:
        with pytest.raises(
            StoreError,
            match=r"is busy: (process \d+ \(|another tui-tracker process).* holds it .*Nothing was saved",
        ):
            Store(db)
    finally:
        proc.kill()
        proc.wait()
