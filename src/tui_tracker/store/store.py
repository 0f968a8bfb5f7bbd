"""The Store: the one object the app uses to read and write its training log.

Files (see paths.py): a small main file (meta, settings, volume targets, the
lifter's own exercises, and a reserved `mesocycles` table) and one file per
month of sessions, each session a document holding its sets in order.  A commit
rewrites one month's file only (a few dozen sessions, however long the history).

Every method runs under the cross-process lock (`<PATH>.lock`, plus a thread
lock), re-checks the files it needs with os.stat, reloads them when another
process wrote, and writes atomically: when a method that writes returns, its
change is fsynced.  Records refer to each other by our own ids, never by
TinyDB's doc ids.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import orjson

from ..domain.mesocycle import Mesocycle
from ..domain.models import Exercise, LoggedSet, Session
from ..domain.muscles import MUSCLES
from ..domain.targets import DEFAULT_TARGETS
from . import codec
from .bodyweights import BodyweightLog
from .decoded import SessionDecoder
from .errors import DatabaseNotWritable, StoreError
from .lock import LockCancelled, LockTimeout, ProcessLock
from .migrations import SESSIONS
from .moves import SessionMoves
from .paths import (
    FILE_MODE, database_path, ensure_folder, lock_path, month_files, month_of, month_path,
    temp_files, yearly_files)
from .storage import AtomicJSONStorage, SyncedTable, TrackerDB, fsync_dir, open_db

if TYPE_CHECKING:
    from ..domain.catalogue import Catalogue

#: How long to wait for another process's commit before giving up.
LOCK_TIMEOUT = 15.0
MAX_WEEKLY_SETS = 60

_Found = tuple[int, SyncedTable, int, dict[str, Any]]


class CreatedMeanwhile(StoreError):
    """A write found the database created by another process since this one read it."""


class StoreBusy(StoreError):
    """Another process (or a save waiting in this one) held the database too long."""

    def __init__(self, path: Path, holder: str | None, waited: float) -> None:
        who = holder or "another tui-tracker process"
        super().__init__(f"The training database {path} is busy: {who} holds it "
                         f"(waited {waited:.1f} s). Nothing was saved.", path)
        self.holder = holder


class WaitCancelled(StoreError):
    """The lifter called off waiting for a busy database."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Not saved: you stopped waiting for the busy database {path}.", path)


def _ts(value: str) -> float:
    """A stored date-time as a number to order by (naive ones as local time)."""
    return datetime.fromisoformat(value).timestamp()


def _newest_first_key(doc: dict[str, Any]) -> tuple[str, float, str]:
    return (doc["date"], _ts(doc["started_at"]), doc["id"])


def _month_end(first: date) -> date:
    """The last day of the month starting on `first`."""
    after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return after - timedelta(days=1)


def _session_order(s: Session) -> tuple[date, float, str]:
    return (s.date, s.started_at.timestamp(), s.id)


def _batch_doc(s: Session, batch: str | None) -> dict[str, Any]:
    """A session's document, with the import batch it came with (none when logged by hand)."""
    doc = codec.session_to_dict(s)
    if batch is not None:
        doc["batch"] = batch
    return doc


class Store(SessionMoves, BodyweightLog):
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
                self._holding = self._take_lock(create=writes or self._database_exists(),
                                                timeout=left)
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
                self.path, f"its folder cannot be created ({e.strerror or e})") from e

    def _database_exists(self) -> bool:
        return self.path.exists() or bool(month_files(self.path)) or bool(yearly_files(self.path))

    def _take_lock(self, *, create: bool, timeout: float | None = None) -> bool:
        """Take the process lock; False when its file does not exist and `create` is False."""
        started = time.monotonic()
        try:
            self._lock.acquire(create=create, timeout=timeout,
                               cancelled=getattr(self._waits, "cancelled", None))
        except LockTimeout as e:
            raise StoreBusy(self.path, self._lock.holder(), time.monotonic() - started) from e
        except LockCancelled as e:
            raise WaitCancelled(self.path) from e
        except FileNotFoundError as e:
            if not create:
                return False
            raise DatabaseNotWritable(
                self.path, f"its lock file {lock_path(self.path).name} cannot be created "
                           f"({e.strerror or e})") from e
        except OSError as e:
            raise DatabaseNotWritable(
                self.path, f"its lock file {lock_path(self.path).name} cannot be created "
                           f"({e.strerror or e})") from e
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
                    f"at the same moment. Nothing was saved: try again.", self.path)
        main = self._main.atomic_storage
        if storage is not main and not self.path.exists():
            main.write_new()

    def _table(self, name: str) -> SyncedTable:
        return self._main.table(name)  # type: ignore[return-value]

    def _month_db(self, month: int) -> TrackerDB:
        db = self._months.get(month)
        if db is None:
            db = self._months[month] = open_db(month_path(self.path, month), "sessions", month,
                                               before_write=self._before_write)
        return db

    def _sessions(self, month: int) -> SyncedTable:
        return self._month_db(month).table(SESSIONS)  # type: ignore[return-value]

    def _existing_months(self) -> list[int]:
        return list(month_files(self.path))

    def _decode(self, month: int, doc: dict[str, Any]) -> Session:
        try:
            return self._decoder.decode(doc)
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
            docs = list(yearly.table(SESSIONS).documents().values())
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
                raise DatabaseNotWritable(path, f"it could not be removed once split into "
                                                f"monthly files ({e.strerror or e})") from e

    def _find(self, session_id: str) -> _Found | None:
        hint = self._hint.get(session_id)
        order = [hint] if hint is not None else []
        order += [m for m in reversed(self._existing_months()) if m != hint]
        for month in order:
            table = self._sessions(month)
            for doc_id, doc in table.documents().items():
                if doc.get("id") == session_id:
                    self._hint[session_id] = month
                    return month, table, int(doc_id), doc
        return None

    def _need(self, session_id: str) -> _Found:
        found = self._find(session_id)
        if found is None:
            raise StoreError(f"There is no session {session_id} in {self.path}.", self.path)
        return found

    def _commit(self, found: _Found, new_doc: dict[str, Any]) -> Session:
        month, table, doc_id, old_doc = found
        # A document damaged on disk is refused, not rewritten with the change.
        self._decode(month, old_doc)
        table.update(new_doc, doc_ids=[doc_id])
        return self._decode(month, new_doc)

    def _insert(self, session: Session) -> Session:
        # A fresh uuid: no need to read every month to check it is unique.
        month = month_of(session.date)
        doc = codec.session_to_dict(session)
        self._sessions(month).insert(doc)
        self._hint[session.id] = month
        return self._decode(month, doc)

    @staticmethod
    def _set_index(doc: dict[str, Any], set_id: str) -> int | None:
        for i, s in enumerate(doc["sets"]):
            if s.get("id") == set_id:
                return i
        return None

    def _newest_on(self, day: date, *, open_only: bool) -> _Found | None:
        month = month_of(day)
        table = self._sessions(month)
        iso = day.isoformat()
        best: tuple[tuple[str, float, str], int, dict[str, Any]] | None = None
        for doc_id, doc in table.documents().items():
            if doc.get("date") != iso or (open_only and doc.get("ended_at") is not None):
                continue
            key = _newest_first_key(doc)
            if best is None or key > best[0]:
                best = (key, int(doc_id), doc)
        if best is None:
            return None
        self._hint[best[2]["id"]] = month
        return month, table, best[1], best[2]

    # --- sets ---------------------------------------------------------------------------

    def log_set(self, s: LoggedSet, *, day: date, session_id: str | None = None,
                open_only: bool = False) -> Session:
        """Append a set; returns the session as committed (fsynced on return).

        With `session_id`, to that session (with `open_only`, only while it is open).
        Otherwise to the newest OPEN session dated `day`, or to a new one started at
        `s.at`: a finished session never takes a set it was not given by id (a set
        logged after `f`, or after another process finished it, starts the day's next).
        """
        with self._locked(writes=True):
            found = self._need(session_id) if session_id is not None else None
            if found is not None and open_only and found[3].get("ended_at") is not None:
                found = None
            if found is None:
                found = self._newest_on(day, open_only=True)
                if found is None:
                    return self._insert(Session(date=day, started_at=s.at, sets=(s,)))
            doc = found[3]
            if self._set_index(doc, s.id) is not None:
                raise StoreError(f"The set {s.id} is already logged in session {doc['id']}.",
                                 self.path)
            return self._commit(found, {**doc, "sets": [*doc["sets"], codec.set_to_dict(s)]})

    def update_set(self, session_id: str, s: LoggedSet) -> Session:
        """Replace the set with id `s.id` (same place in the session)."""
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            i = self._set_index(doc, s.id)
            if i is None:
                raise StoreError(f"There is no set {s.id} in session {session_id}.", self.path)
            sets = list(doc["sets"])
            sets[i] = codec.set_to_dict(s)
            return self._commit(found, {**doc, "sets": sets})

    def delete_set(self, session_id: str, set_id: str) -> tuple[Session, LoggedSet, int]:
        """Remove a set; returns (session, the deleted set, its index) so it can be undone."""
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            i = self._set_index(doc, set_id)
            if i is None:
                raise StoreError(f"There is no set {set_id} in session {session_id}.", self.path)
            sets = list(doc["sets"])
            removed = sets.pop(i)
            try:
                deleted = codec.set_from_dict(removed)
            except codec.CodecError as e:
                raise self._month_db(found[0]).atomic_storage.unreadable(str(e)) from e
            return self._commit(found, {**doc, "sets": sets}), deleted, i

    def restore_set(self, session_id: str, s: LoggedSet, index: int) -> Session:
        """Put a deleted set back at `index` (undo).  A set already there is left alone."""
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            if self._set_index(doc, s.id) is not None:
                return self._decode(found[0], doc)
            sets = list(doc["sets"])
            sets.insert(max(0, min(index, len(sets))), codec.set_to_dict(s))
            return self._commit(found, {**doc, "sets": sets})

    # --- sessions -----------------------------------------------------------------------

    def start_session(self, day: date, started_at: datetime) -> Session:
        """A new, empty, open session."""
        with self._locked(writes=True):
            return self._insert(Session(date=day, started_at=started_at))

    def finish_session(self, session_id: str, ended_at: datetime,
                       note: str | None = None) -> Session:
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            new = {**doc, "ended_at": ended_at.isoformat()}
            if note is not None:
                new["note"] = note
            return self._commit(found, new)

    def reopen_session(self, session_id: str) -> Session:
        """Open a finished session again (the lifter carries on after pressing `f`)."""
        with self._locked(writes=True):
            found = self._need(session_id)
            return self._commit(found, {**found[3], "ended_at": None})

    def delete_session(self, session_id: str) -> None:
        """Drop an empty session (one started by mistake).  A session with sets is refused."""
        with self._locked(writes=True):
            found = self._find(session_id)
            if found is None:
                return
            _month, table, doc_id, doc = found
            if doc["sets"]:
                raise StoreError(
                    f"Session {session_id} has {len(doc['sets'])} sets: delete them first.",
                    self.path)
            table.remove(doc_ids=[doc_id])
            self._hint.pop(session_id, None)

    def import_sessions(self, sessions: Iterable[Session], *, batch: str | None = None) -> int:
        """Add whole sessions in bulk: one write per month (history import, benchmarks).

        The files end up exactly as if each session had been added one by one, in
        the order given.  Returns how many were added; an id already stored is refused.
        With `batch`, each session records the import it came with (store/batches.py).
        """
        by_month: dict[int, list[dict[str, Any]]] = {}
        ids: set[str] = set()
        for s in sessions:
            if s.id in ids:
                raise StoreError(f"Session {s.id} appears twice in the import.", self.path)
            ids.add(s.id)
            by_month.setdefault(month_of(s.date), []).append(_batch_doc(s, batch))
        with self._locked(writes=True):
            for month in self._existing_months():
                for doc in self._sessions(month).documents().values():
                    if doc.get("id") in ids:
                        raise StoreError(f"Session {doc['id']} is already in {self.path}.",
                                         self.path)
            for month, docs in sorted(by_month.items()):
                self._sessions(month).insert_multiple(docs)
                for doc in docs:
                    self._hint[doc["id"]] = month
        return len(ids)

    def add_new_sessions(self, sessions: Iterable[Session], *,
                         batch: str | None = None) -> list[Session]:
        """Add the sessions this database does not hold yet: one write per month touched.

        For imports, whose session ids come from the file (its date, start and
        name), so a session already imported can only be in its own month's file:
        only those files are read.  Each month's file is dropped from memory once
        written, so an import of any length holds one month at a time.  Returns
        the sessions added, in the order given.
        """
        given = list(sessions)
        by_month: dict[int, list[Session]] = {}
        ids: set[str] = set()
        for s in given:
            if s.id in ids:
                raise StoreError(f"Session {s.id} appears twice in the import.", self.path)
            ids.add(s.id)
            by_month.setdefault(month_of(s.date), []).append(s)
        added: set[str] = set()
        with self._locked(writes=True):
            for month, of_month in sorted(by_month.items()):
                table = self._sessions(month)
                there = {d.get("id") for d in table.documents().values()}
                new = [s for s in of_month if s.id not in there]
                if new:
                    table.insert_multiple([_batch_doc(s, batch) for s in new])
                    added.update(s.id for s in new)
                db = self._months.pop(month, None)
                if db is not None:
                    db.close()  # its cache: the next read parses the file again
        return [s for s in given if s.id in added]

    def session(self, session_id: str) -> Session | None:
        with self._locked():
            found = self._find(session_id)
            return self._decode(found[0], found[3]) if found else None

    def open_session(self, day: date) -> Session | None:
        """The newest open (not finished) session dated `day`."""
        with self._locked():
            found = self._newest_on(day, open_only=True)
            return self._decode(found[0], found[3]) if found else None

    def sessions_between(self, start: date, end: date) -> list[Session]:
        """Sessions dated start..end (inclusive), oldest first.  Reads only those months."""
        lo, hi = start.isoformat(), end.isoformat()
        first, last = month_of(start), month_of(end)
        out: list[Session] = []
        with self._locked():
            for month in self._existing_months():
                if first <= month <= last:
                    for doc in self._sessions(month).documents().values():
                        if lo <= doc.get("date", "") <= hi:
                            out.append(self._decode(month, doc))
        out.sort(key=_session_order)
        return out

    def sessions_by_month(self, end: date) -> Iterator[list[Session]]:
        """Every session dated on or before `end`, a month at a time, oldest first.

        Each month is read under the lock on its own, so a read of years of history
        (records, in a worker thread) keeps a set being logged waiting for one month's
        read at most, never for the whole history."""
        with self._locked():
            months = [m for m in self._existing_months() if m <= month_of(end)]
        for month in months:
            first = date(month // 100, month % 100, 1)
            yield self.sessions_between(first, min(end, _month_end(first)))

    def recent_sessions(self, limit: int = 50, before: date | None = None) -> list[Session]:
        """Up to `limit` sessions, newest first, dated on or before `before` if given.

        Monthly files are read newest first, and only as far back as needed.
        """
        if limit <= 0:
            return []
        cutoff = before.isoformat() if before is not None else None
        out: list[Session] = []
        with self._locked():
            for month in reversed(self._existing_months()):
                if before is not None and month > month_of(before):
                    continue
                docs = [d for d in self._sessions(month).documents().values()
                        if cutoff is None or d.get("date", "") <= cutoff]
                docs.sort(key=_newest_first_key, reverse=True)
                for doc in docs[: limit - len(out)]:
                    out.append(self._decode(month, doc))
                if len(out) >= limit:
                    break
        return out

    def last_sets(self, exercise_id: str, *, before: date,
                  exclude_session: str | None = None) -> tuple[Session, list[LoggedSet]] | None:
        """The most recent session dated <= `before` (other than `exclude_session`) with
        sets of `exercise_id`, and those sets in order.  Older months are read only if needed.
        """
        cutoff = before.isoformat()
        with self._locked():
            for month in reversed(self._existing_months()):
                if month > month_of(before):
                    continue
                best: dict[str, Any] | None = None
                best_key: tuple[str, float, str] | None = None
                for doc in self._sessions(month).documents().values():
                    if doc.get("date", "") > cutoff or doc.get("id") == exclude_session:
                        continue
                    if not any(s.get("exercise_id") == exercise_id for s in doc.get("sets", ())):
                        continue
                    key = _newest_first_key(doc)
                    if best_key is None or key > best_key:
                        best, best_key = doc, key
                if best is not None:
                    session = self._decode(month, best)
                    return session, session.sets_for(exercise_id)
        return None

    def years(self) -> list[int]:
        """Years that have a sessions file, oldest first."""
        return sorted({month // 100 for month in self._existing_months()})

    # --- exercises ----------------------------------------------------------------------

    def custom_exercises(self) -> list[Exercise]:
        with self._locked():
            docs = list(self._table("exercises").documents().values())
        try:
            return [codec.exercise_from_dict(d) for d in docs]
        except codec.CodecError as e:
            raise self._main.atomic_storage.unreadable(str(e)) from e

    def catalogue(self) -> "Catalogue":
        """The builtin exercises merged with the lifter's own (theirs win on an id)."""
        from ..domain.catalogue import Catalogue

        return Catalogue(self.custom_exercises())

    def save_exercise(self, ex: Exercise) -> None:
        """Add or replace (by id) one of the lifter's own exercises."""
        self.save_exercises([ex])

    def save_exercises(self, exercises: Iterable[Exercise]) -> None:
        """Add or replace (by id) several of the lifter's own exercises in one write.

        An import that meets 100,000 new names writes the main file once, not once
        per name.  Replaced ones keep their place; new ones follow in the order given.
        """
        docs = {e.id: codec.exercise_to_dict(replace(e, custom=True)) for e in exercises}
        if not docs:
            return
        with self._locked(writes=True):
            table = self._table("exercises")
            # A damaged doc (no id string) is left for custom_exercises() to refuse.
            existing = {old["id"]: int(doc_id) for doc_id, old in table.documents().items()
                        if isinstance(old.get("id"), str)}
            updates = [(docs[i], existing[i]) for i in docs if i in existing]
            new = [d for i, d in docs.items() if i not in existing]

            def apply(tbl: dict) -> None:
                for doc, doc_id in updates:
                    tbl[doc_id] = doc
                next_id = max((int(k) for k in tbl), default=0) + 1
                for offset, doc in enumerate(new):
                    tbl[next_id + offset] = doc
            table._update_table(apply)  # one atomic write for all of them
            table._next_id = None

    # --- mesocycles ---------------------------------------------------------------------

    def mesocycles(self) -> list[Mesocycle]:
        """Every mesocycle, oldest start first."""
        with self._locked():
            docs = list(self._table("mesocycles").documents().values())
        try:
            mesos = [codec.mesocycle_from_dict(d) for d in docs]
        except codec.CodecError as e:
            raise self._main.atomic_storage.unreadable(str(e)) from e
        return sorted(mesos, key=lambda m: (m.start, m.id))

    def mesocycle(self, meso_id: str) -> Mesocycle | None:
        return next((m for m in self.mesocycles() if m.id == meso_id), None)

    def save_mesocycle(self, meso: Mesocycle) -> None:
        """Add or replace (by id) a mesocycle; on disk when this returns."""
        self.save_mesocycles([meso])

    def save_mesocycles(self, mesos: Iterable[Mesocycle]) -> None:
        """Add or replace several mesocycles in one write (a new block and the one it closes)."""
        docs = {m.id: codec.mesocycle_to_dict(m) for m in mesos}
        if not docs:
            return
        with self._locked(writes=True):
            table = self._table("mesocycles")
            existing = {old["id"]: int(doc_id) for doc_id, old in table.documents().items()
                        if isinstance(old.get("id"), str)}  # a damaged doc: mesocycles() refuses it
            updates = [(docs[i], [existing[i]]) for i in docs if i in existing]
            new = [d for i, d in docs.items() if i not in existing]

            def apply(tbl: dict) -> None:
                for doc, (doc_id,) in updates:
                    tbl[doc_id] = doc
                next_id = max((int(k) for k in tbl), default=0) + 1
                for offset, doc in enumerate(new):
                    tbl[next_id + offset] = doc
            table._update_table(apply)  # one atomic write for all of them
            table._next_id = None

    # --- settings -----------------------------------------------------------------------

    def volume_targets(self) -> dict[str, tuple[int, int]]:
        """Weekly hard-set band for every muscle: the lifter's own, else the muscle's default
        (domain/targets.py: 10-16 for most, 0-16 for muscles trained through compounds)."""
        targets = dict(DEFAULT_TARGETS)
        with self._locked():
            for doc in self._table("volume_targets").documents().values():
                m, low, high = doc.get("muscle"), doc.get("low"), doc.get("high")
                if isinstance(m, str) and m in targets and isinstance(low, int) \
                        and isinstance(high, int):
                    targets[m] = (low, high)
        return targets

    def set_volume_target(self, muscle: str, low: int, high: int) -> None:
        if muscle not in MUSCLES:
            raise ValueError(f"unknown muscle {muscle!r}; known: {', '.join(MUSCLES)}")
        for v in (low, high):
            if isinstance(v, bool) or not isinstance(v, int):
                raise ValueError("volume targets are whole numbers of sets")
        if not 0 <= low <= high <= MAX_WEEKLY_SETS:
            raise ValueError(f"a volume target needs 0 <= low <= high <= {MAX_WEEKLY_SETS} "
                             f"sets a week (got {low}-{high})")
        doc = {"muscle": muscle, "low": low, "high": high}
        with self._locked(writes=True):
            table = self._table("volume_targets")
            for doc_id, old in table.documents().items():
                if old.get("muscle") == muscle:
                    table.update(doc, doc_ids=[int(doc_id)])
                    return
            table.insert(doc)

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._locked():
            for doc in self._table("settings").documents().values():
                if doc.get("key") == key:
                    return orjson.loads(orjson.dumps(doc.get("value")))  # a copy
        return default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a small JSON value (str, number, bool, None, list, dict)."""
        if not isinstance(key, str) or not key:
            raise ValueError("a setting needs a name")
        try:
            value = orjson.loads(orjson.dumps(value))  # a copy, and proof it is JSON
        except TypeError as e:
            raise ValueError(f"setting {key!r}: {e}") from e
        doc = {"key": key, "value": value}
        with self._locked(writes=True):
            table = self._table("settings")
            for doc_id, old in table.documents().items():
                if old.get("key") == key:
                    table.update(doc, doc_ids=[int(doc_id)])
                    return
            table.insert(doc)

    def settings(self) -> dict[str, Any]:
        """Every stored setting by key (copies), for the export."""
        with self._locked():
            docs = list(self._table("settings").documents().values())
        return {d["key"]: orjson.loads(orjson.dumps(d.get("value")))
                for d in docs if isinstance(d.get("key"), str)}

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

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"
