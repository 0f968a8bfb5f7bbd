"""The Store: the one object the app uses to read and write its training log.

Files (see paths.py): a small main file (meta, settings, volume targets, the
lifter's own exercises, mesocycles, bodyweights, imports) and one file per
month of sessions, each session a document holding its sets in order.  A commit
rewrites one month's file only (a few dozen sessions, however long the history), and a
set added to a session already on disk is one line appended to that month's set log
(setlog.py), whatever the session's size.

Every method runs under the cross-process lock (`<PATH>.lock`, plus a thread
lock), re-checks the files it needs with os.stat, reloads them when another
process wrote, and writes atomically: when a method that writes returns, its
change is fsynced.  Records refer to each other by our own ids, never by
TinyDB's doc ids.

This module is the facade and the plumbing: the lock, the files, opening (tidying,
migrating, splitting yearly files) and closing.  Each table's methods are in a
module of their own, mixed in here (see plumbing.py for what they rely on):

    sessions.py        sessions and their sets (the month files)
    moves.py           whole-session replacements, moves between months
    exercises.py       the lifter's own exercises
    mesocycles.py      training blocks
    settings_tables.py settings and weekly volume targets
    bodyweights.py     the bodyweight log
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable, Iterator

from ..domain.models import Session
from . import codec
from .bodyweights import BodyweightLog
from .decoded import SessionDecoder
from .errors import DatabaseNotWritable, StoreError
from .exercises import ExerciseTable
from .lock import LockCancelled, LockTimeout, ProcessLock
from .mesocycles import MesocycleTable
from .migrations import SESSIONS
from .moves import SessionMoves
from .paths import (
    FILE_MODE,
    database_path,
    ensure_folder,
    lock_path,
    month_files,
    month_of,
    month_path,
    temp_files,
    yearly_files,
)
from .sessions import SessionLog
from .settings_tables import MAX_WEEKLY_SETS, SettingsTables
from .files import fsync_dir
from .storage import AtomicJSONStorage
from .tables import SyncedTable, TrackerDB, open_db

__all__ = [
    "Store",
    "StoreBusy",
    "WaitCancelled",
    "CreatedMeanwhile",
    "LOCK_TIMEOUT",
    "MAX_WEEKLY_SETS",
]

#: How long to wait for another process's commit before giving up.
LOCK_TIMEOUT = 15.0

#: A folder modified this recently (ns) may change again within its mtime's tick
#: (FAT's is 2 s): its listing of month files is not kept.
RACY_NS = 2_000_000_000


class CreatedMeanwhile(StoreError):
    """A write found the database created by another process since this one read it."""


class StoreBusy(StoreError):
    """Another process (or a save waiting in this one) held the database too long."""

    def __init__(self, path: Path, holder: str | None, waited: float) -> None:
        who = holder or "another tui-tracker process"
        super().__init__(
            f"The training database {path} is busy: {who} holds it "
            f"(waited {waited:.1f} s). Nothing was saved.",
            path,
        )
        self.holder = holder


class WaitCancelled(StoreError):
    """The lifter called off waiting for a busy database."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Not saved: you stopped waiting for the busy database {path}.", path)


class Store(SessionLog, SessionMoves, BodyweightLog, ExerciseTable, MesocycleTable, SettingsTables):
    """The training log on disk.  Open one per process; safe with other processes.

    Opening reads and checks what is there and creates nothing, unless `create` (the
    default, for the app) asks for the database to exist from the start.  A database
    that does not exist yet reads as empty; its folder (0700), lock file and main file
    are made by the first write, so a command that only reads, or is refused, leaves
    no trace.
    """

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = database_path(path)
        self._mutex = threading.RLock()
        self._waits = threading.local()  # per thread: patience, cancelled
        self._months: dict[int, TrackerDB] = {}
        self._hint: dict[str, int] = {}  # session id -> month of its file
        self._listing: tuple[tuple[int, int, int], list[int]] | None = None  # _existing_months
        self._decoder = SessionDecoder()  # a commit decodes only the sets it changed
        self._lock = ProcessLock(str(lock_path(self.path)), timeout=LOCK_TIMEOUT, mode=FILE_MODE)
        self._in_block = False  # inside the outermost `with self._locked()`
        self._holding = False  # ... and holding the process lock
        self._main = open_db(self.path, "main", before_write=self._before_write)
        with self._locked(writes=create):  # creating: the lock first, then look
            if create and not self.path.exists():
                self._main.atomic_storage.write_new()
            if self._holding:  # there is a database (or its lock file): tidy and check it
                self._open_existing()

    def _open_existing(self) -> None:
        """Under the lock: remove orphan temp files, check access, migrate, split years."""
        for tmp in temp_files(self.path):  # orphans: nobody writes while we hold the lock
            try:
                tmp.unlink()
            except FileNotFoundError:
                pass
            except OSError as e:
                raise DatabaseNotWritable(tmp, e.strerror or "cannot remove it") from e
        if not self.path.exists():
            return
        if not os.access(self.path, os.R_OK | os.W_OK):
            raise DatabaseNotWritable(self.path, "the file is read-only")
        if not os.access(self.path.parent, os.W_OK | os.X_OK):
            raise DatabaseNotWritable(self.path, "its folder is read-only")
        self._main.atomic_storage.read()  # parses, checks the version, migrates
        self._split_yearly_files()
        self._finish_moves()  # a session move a crash cut short (store/moves.py)

    # --- plumbing ---------------------------------------------------------------------

    @contextmanager
    def _locked(self, writes: bool = False) -> Iterator[None]:
        """Around every read-check-write: the thread mutex, then the process lock.

        Re-entrant.  A block that `writes` takes the lock (making the folder and lock
        file of a database not created yet) before it reads anything, so what it reads
        is what it writes on, even when two processes create a database at once.  A
        read-only block on a database with no file yet runs without the process lock
        (there is nothing to guard, and a read must not create a lock file).
        """
        started = time.monotonic()
        patience = self.patience
        if not self._mutex.acquire(timeout=patience):  # another thread of ours is waiting
            raise StoreBusy(self.path, self._lock.holder(), time.monotonic() - started)
        try:
            if self._in_block:
                yield
                return
            self._in_block = True
            try:
                if writes:
                    self._ensure_folder()
                left = max(0.0, patience - (time.monotonic() - started))
                self._holding = self._take_lock(
                    create=writes or self._database_exists(), timeout=left
                )
                yield
            finally:
                self._in_block = False
                if self._holding:
                    self._holding = False
                    self._lock.release()
        finally:
            self._mutex.release()

    # --- waiting for another process ----------------------------------------------------

    @property
    def patience(self) -> float:
        """How long this thread waits for a busy database (default LOCK_TIMEOUT)."""
        return getattr(self._waits, "patience", LOCK_TIMEOUT)

    def set_patience(self, seconds: float) -> None:
        """How long the calling thread waits for a busy database before StoreBusy.

        The TUI's screen thread waits briefly (it must stay responsive and say who
        holds the database); a save the lifter chose to wait for waits long."""
        self._waits.patience = seconds

    @contextmanager
    def cancel_when(self, cancelled: Callable[[], bool]) -> Iterator[None]:
        """While inside, a wait for the lock ends with WaitCancelled once `cancelled()`."""
        self._waits.cancelled = cancelled
        try:
            yield
        finally:
            self._waits.cancelled = None

    def _ensure_folder(self) -> None:
        try:
            ensure_folder(self.path.parent)
        except OSError as e:
            raise DatabaseNotWritable(
                self.path, f"its folder cannot be created ({e.strerror or e})"
            ) from e

    def _database_exists(self) -> bool:
        return self.path.exists() or bool(month_files(self.path)) or bool(yearly_files(self.path))

    def _take_lock(self, *, create: bool, timeout: float | None = None) -> bool:
        """Take the process lock; False when its file does not exist and `create` is False."""
        started = time.monotonic()
        try:
            self._lock.acquire(
                create=create, timeout=timeout, cancelled=getattr(self._waits, "cancelled", None)
            )
        except LockTimeout as e:
            raise StoreBusy(self.path, self._lock.holder(), time.monotonic() - started) from e
        except LockCancelled as e:
            raise WaitCancelled(self.path) from e
        except FileNotFoundError as e:
            if not create:
                return False
            raise DatabaseNotWritable(
                self.path,
                f"its lock file {lock_path(self.path).name} cannot be created ({e.strerror or e})",
            ) from e
        except OSError as e:
            raise DatabaseNotWritable(
                self.path,
                f"its lock file {lock_path(self.path).name} cannot be created ({e.strerror or e})",
            ) from e
        return True

    def _before_write(self, storage: AtomicJSONStorage) -> None:
        """Called by every file's storage before it writes: the database exists whole first.

        A block that began before any file of the database existed holds no lock yet:
        make the folder and lock file and take the lock.  If another process created the
        database meanwhile, what this block read ("nothing") is stale: nothing is written.
        The main file is written before any other, so a database on disk always has it.
        """
        if not self._in_block:
            raise RuntimeError(f"{self!r}: a write outside the store's lock")
        if not self._holding:  # a block that said it would only read
            self._ensure_folder()
            self._holding = self._take_lock(create=True)
            if self._database_exists():
                raise CreatedMeanwhile(
                    f"Another tui-tracker process created the training database {self.path} "
                    f"at the same moment. Nothing was saved: try again.",
                    self.path,
                )
        main = self._main.atomic_storage
        if storage is not main and not self.path.exists():
            main.write_new()

    def _table(self, name: str) -> SyncedTable:
        return self._main.table(name)  # type: ignore[return-value]

    def _month_db(self, month: int) -> TrackerDB:
        db = self._months.get(month)
        if db is None:
            db = self._months[month] = open_db(
                month_path(self.path, month), "sessions", month, before_write=self._before_write
            )
        return db

    def _sessions(self, month: int) -> SyncedTable:
        return self._month_db(month).table(SESSIONS)  # type: ignore[return-value]

    def _existing_months(self) -> list[int]:
        """The months with a file, oldest first: the folder's listing, kept while its stat
        says nothing was added or removed (listing ~60 files cost a commit ~1 ms).

        A folder changed in the last RACY_NS may change again without its mtime moving
        (a file system's clock ticks coarsely): its listing is used once, not kept."""
        try:
            st = os.stat(self.path.parent)
        except OSError:
            return list(month_files(self.path))
        key = (st.st_dev, st.st_ino, st.st_mtime_ns)
        if self._listing is not None and self._listing[0] == key:
            return list(self._listing[1])
        months = list(month_files(self.path))
        racy = time.time_ns() - st.st_mtime_ns < RACY_NS
        self._listing = None if racy else (key, months)
        return months

    def _decode(
        self, month: int, doc: dict[str, Any], *, extends: list[Any] | None = None
    ) -> Session:
        try:
            return self._decoder.decode(doc, extends=extends)
        except codec.CodecError as e:
            raise self._month_db(month).atomic_storage.unreadable(str(e)) from e

    def _split_yearly_files(self) -> None:
        """Schema 1 kept a year of sessions per file: move them into monthly files.

        Reading a yearly file migrates it first, which keeps its original bytes as
        `<file>.v1.bak`.  Its sessions are added to their months' files (skipping
        ids already there: a split cut short by a crash is simply done again), and
        only then is the yearly file removed.
        """
        for path in yearly_files(self.path).values():
            yearly = open_db(path, "sessions")
            docs = list(yearly.synced(SESSIONS).documents().values())
            by_month: dict[int, list[dict[str, Any]]] = {}
            for doc in docs:  # each has a valid ISO date: the storage checked on load
                by_month.setdefault(month_of(date.fromisoformat(doc["date"])), []).append(doc)
            for month, month_docs in sorted(by_month.items()):
                table = self._sessions(month)
                there = {d.get("id") for d in table.documents().values()}
                table.insert_multiple([d for d in month_docs if d.get("id") not in there])
            yearly.close()
            try:
                path.unlink()
                fsync_dir(path.parent)
            except OSError as e:
                raise DatabaseNotWritable(
                    path,
                    f"it could not be removed once split into monthly files ({e.strerror or e})",
                ) from e

    def clear(self, tables: Iterable[str]) -> None:
        """Empty every session file and the given main-file tables, each file atomically.

        For `tui-tracker demo --force`: a demo database starts over whole.
        """
        with self._locked(writes=True):
            for month in self._existing_months():
                self._sessions(month).truncate()
            for name in tables:
                self._table(name).truncate()
            self._hint.clear()

    # --- lifetime -----------------------------------------------------------------------

    @property
    def commit_lock(self) -> threading.RLock:
        """Held for the whole of every read and commit in this process: whoever holds it
        knows no commit is half done (the TUI's hang-up safety net takes it before it
        ends the process)."""
        return self._mutex

    def close(self) -> None:
        with self._mutex:
            for db in self._months.values():
                db.close()
            self._months.clear()
            self._hint.clear()
            self._main.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"
