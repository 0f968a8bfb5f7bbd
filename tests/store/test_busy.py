"""Another process holds the database's lock: waits are bounded, cancellable, and say who.

A second process really holds the lock here (flock on `<db>.lock`, as a store commit
does); the store under test must not wait past its patience, must name the holder,
and must stop waiting when told to.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tui_tracker.store import Store, StoreError
from tui_tracker.store.store import StoreBusy

from .helpers import DAY, mkset

HOLD = r"""
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.pwrite(fd, f"{os.getpid()}\ttui-tracker import strong big.csv\t2026-11-18T18:00:00+01:00\n".encode(), 0)
print("held", flush=True)
sys.stdin.readline()
"""


@contextmanager
def held(db: Path):
    """Another process holding the database's lock until the block ends."""
    p = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db) + ".lock"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert p.stdout.readline().strip() == "held"
        yield p
    finally:
        p.stdin.close()
        p.wait(10)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "training.json"
    Store(path).close()
    return path


def test_a_busy_database_refuses_within_the_patience_and_names_who_holds_it(db):
    with Store(db) as store, held(db) as holder:
        store.set_patience(0.3)
        started = time.monotonic()
        with pytest.raises(StoreBusy) as err:
            store.log_set(mkset(), day=DAY)
        waited = time.monotonic() - started
    assert waited < 5  # bounded by the patience (0.3 s), not the CLI's 15 s
    message = str(err.value)
    assert f"process {holder.pid}" in message and "tui-tracker import strong big.csv" in message
    assert "Nothing was saved" in message
    with Store(db) as store:
        assert store.recent_sessions() == []


def test_the_lock_file_says_who_holds_it_while_a_store_writes(db):
    seen: list[str] = []
    with Store(db) as store:
        real = store._lock.release

        def peek() -> None:  # just before letting go: what a waiting process would read
            seen.append(Path(str(db) + ".lock").read_text())
            real()

        store._lock.release = peek
        store.log_set(mkset(), day=DAY)
        store._lock.release = real
    assert seen and seen[-1].startswith(f"{os.getpid()}\t")


def test_waiting_can_be_cancelled_and_nothing_is_saved(db):
    cancel = threading.Event()
    with Store(db) as store, held(db):
        store.set_patience(60)
        threading.Timer(0.3, cancel.set).start()
        started = time.monotonic()
        with pytest.raises(StoreError, match="cancelled"):
            with store.cancel_when(cancel.is_set):
                store.log_set(mkset(), day=DAY)
        assert time.monotonic() - started < 10
    with Store(db) as store:
        assert store.recent_sessions() == []


def test_another_thread_waiting_for_the_lock_does_not_freeze_this_one(db):
    """The TUI's background save waits for the lock; the screen's own reads must give up
    after their patience instead of queueing behind it for the whole wait."""
    with Store(db) as store, held(db):
        waiting = threading.Thread(target=lambda: _try_log(store), daemon=True)
        waiting.start()
        inside_the_store(store, waiting)  # waiting for the lock, the store's mutex held
        store.set_patience(0.3)
        started = time.monotonic()
        with pytest.raises(StoreBusy):
            store.recent_sessions()
        assert time.monotonic() - started < 5
    waiting.join(20)


def inside_the_store(store: Store, thread: threading.Thread, timeout: float = 60) -> None:
    """Until `thread` is inside a store call (it holds the store's thread mutex), not a
    sleep that hopes it got there: on a loaded machine it may not have started yet, and
    the test would pass without the wait it is about."""
    deadline = time.monotonic() + timeout
    while store._mutex.acquire(blocking=False):  # free: nobody inside yet
        store._mutex.release()
        assert thread.is_alive() and time.monotonic() < deadline, "it never entered the store"
        time.sleep(0.01)


def _try_log(store: Store) -> None:
    store.set_patience(30)
    try:
        store.log_set(mkset(), day=DAY)
    except StoreError:
        pass
