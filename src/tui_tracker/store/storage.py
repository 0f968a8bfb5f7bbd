"""The TinyDB storage: atomic writes, a parse cache checked by os.stat, version checks.

Out of the box TinyDB re-parses the whole file on every read and overwrites it
in place on every write: a kill mid-write leaves half a file, and a second
process's writes are silently lost.  Here:

* write: serialise first (orjson), then files.atomic_write (temp file, fsync,
  rename, folder fsync).  On any error the cache is dropped; the old file stays.
  A month file's set log is folded in by every write (setlog.py): the file names
  the last record it holds, and only then is the log removed.
* append (a month file only): a set added to a session already on disk is one
  fsynced line in the month's set log (`append_set`), folded at FOLD_AT records.
* read: the parsed data is kept, keyed by the file's (st_dev, st_ino, st_size,
  st_mtime_ns) and its log's, and reused while both are unchanged; a log that only
  grew (another process appended) has its new lines applied; anything else (another
  process wrote) means a reload, which bumps `generation` so the tables drop their
  query cache and next id.
* a file that does not parse or has the wrong shape is never overwritten: a
  keep-safe copy is made and DatabaseUnreadable raised (in a sessions file, also
  a session whose id, date, start or set ids the store cannot scan, and a damaged
  line of its set log).  A file from a newer version raises DatabaseTooNew.  An
  older one is migrated forward after a `<file>.v<n>.bak` copy is kept (a month
  file whose version changed nothing in it is read forward as it is).

The caller (the Store) holds the cross-process lock around every use, so a
read-check-write cannot interleave with another process's.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any
from collections.abc import Callable

import orjson
from tinydb.storages import Storage

from . import codec, migrations
from .errors import DatabaseNotWritable, DatabaseTooNew, DatabaseUnreadable, StoreError
from .files import (
    EXPORT_TMP_MARK,
    StatKey,
    UnconfirmedWrite,
    atomic_write,
    fsync_dir,
    keep_copy,
    keep_safe_copy,
    stat_key,
    write_error,
)
from .paths import not_a_file
from .setlog import FOLD_AT, FOLDED, LogDamaged, Record, SetLog, log_path

__all__ = [
    "EXPORT_TMP_MARK",
    "UnconfirmedWrite",
    "atomic_write",
    "fsync_dir",
    "AtomicJSONStorage",
]


class AtomicJSONStorage(Storage):
    """One JSON file of TinyDB tables, written atomically, parsed once per change.

    A month's sessions file also has its set log (setlog.py): read with it, folded
    into it by every write, appended to by `append_set`.
    """

    def __init__(
        self,
        path: Path | str,
        kind: str = "main",
        month: int | None = None,
        before_write: Callable[[AtomicJSONStorage], None] | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.kind = kind
        self.month = month
        #: called before every write of this file (the Store creates the database there)
        self.before_write = before_write
        self._data: dict[str, Any] | None = None
        self._key: StatKey | None = None
        self._missing = False
        #: the schema version of the file on disk (a sessions file may be read forward)
        self._disk_version = migrations.CURRENT_SCHEMA
        #: a month's set log (a yearly file of schema 1 has none: it is split on open)
        self.log = SetLog(log_path(self.path)) if kind == "sessions" and month else None
        #: session id -> (its sets list, their ids): log_set's duplicate check, per list
        self._set_ids: dict[str, tuple[list[Any], set[Any]]] = {}
        #: bumped whenever the data was (re)loaded from disk, not by our own writes
        self.generation = 0

    # --- reading --------------------------------------------------------------------

    def _initial(self) -> dict[str, Any]:
        if self.kind == "main":
            return migrations.new_main_data()
        assert self.month is not None
        return migrations.new_month_data(self.month)

    def read(self) -> dict[str, Any]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            # Not written yet (a month without sessions): start from an empty file
            # with its meta table, written on the first commit.  (A log without its
            # month file names no session there: it is folded away by that write.)
            if not self._missing or self._data is None:
                self._data = self._initial()
                self._key = None
                self._missing = True
                self.generation += 1
            return self._data
        except OSError as e:  # a symlink loop, a path through a file, no permission
            self.drop()
            reason = "it is a symlink loop" if e.errno == errno.ELOOP else e.strerror or str(e)
            raise StoreError(
                f"Cannot read the training database {self.path}: {reason}.", self.path
            ) from e
        if self._data is not None and not self._missing and stat_key(st) == self._key:
            if self.log is None:
                return self._data
            key = self.log.current_key()
            if key == self.log.key:
                return self._data
            if self.log.grew(key):  # another process appended: read only what it added
                self._replay(self._data, tail=True)
                self.generation += 1
                return self._data
        return self._load()

    def _load(self) -> dict[str, Any]:
        self.drop()
        try:
            # O_NONBLOCK: a FIFO put in the file's place opens at once (to be refused)
            # instead of waiting for a writer; it changes nothing for a regular file.
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0))
            with open(fd, "rb") as f:
                st = os.fstat(fd)
                kind = not_a_file(st.st_mode)
                if kind is not None:
                    raise StoreError(
                        f"Cannot read the training database {self.path}: it is "
                        f"{kind}, not a regular file.",
                        self.path,
                    )
                key = stat_key(st)
                raw = f.read()
        except FileNotFoundError:
            return self.read()
        except PermissionError as e:
            raise StoreError(
                f"Cannot read the training database {self.path}: "
                f"{e.strerror or 'permission denied'}.",
                self.path,
            ) from e
        except OSError as e:
            raise StoreError(
                f"Cannot read the training database {self.path}: {e.strerror or e}.", self.path
            ) from e

        if not raw.strip():
            self._unreadable(raw, "the file is empty")
        try:
            data: dict[str, Any] = orjson.loads(raw)  # (shape_problem checks it is)
        except orjson.JSONDecodeError as e:
            self._unreadable(raw, f"it is not valid JSON (truncated or damaged: {e})")
        problem = migrations.shape_problem(data)
        if problem is None:
            kind = next(iter(data[migrations.META].values())).get("kind", self.kind)
            if kind != self.kind:
                problem = (
                    f"it is a {kind} file, not the main database"
                    if self.kind == "main"
                    else f"it is a {kind} file, not a sessions file"
                )
        if problem is not None:
            self._unreadable(raw, problem)
        version = self._disk_version = migrations.schema_version(data)
        if version > migrations.CURRENT_SCHEMA:
            raise DatabaseTooNew(self.path, version, migrations.CURRENT_SCHEMA)
        if version < migrations.CURRENT_SCHEMA:
            if self.kind == "sessions" and migrations.unchanged_sessions_since(version):
                # Nothing in a sessions file changed: read it forward, and leave its
                # bytes (and no backup) until its next write puts the new version on.
                data = migrations.migrate(data, version)
            else:
                data, key = self._migrate(data, raw, version)
                self._disk_version = migrations.CURRENT_SCHEMA
        if self.kind == "sessions":
            for doc in data.get(migrations.SESSIONS, {}).values():
                problem = codec.session_index_problem(doc)
                if problem is not None:
                    self._unreadable(raw, problem)
            if self.log is not None:
                if not isinstance(self._folded(data), int):
                    self._unreadable(raw, f"its meta {FOLDED} is not a number")
                self._replay(data, tail=False)

        self._data = data
        self._key = key
        self._missing = False
        self.generation += 1
        return data

    @staticmethod
    def _folded(data: dict[str, Any]) -> Any:
        """The last log record the month file holds (0: none)."""
        return next(iter(data[migrations.META].values())).get(FOLDED, 0)

    def _replay(self, data: dict[str, Any], *, tail: bool) -> None:
        """Apply the log's records (all, or those appended since it was read) to `data`."""
        assert self.log is not None
        try:
            records, _raw = self.log.read(tail=tail)
        except LogDamaged as e:
            raw = self.log.path.read_bytes()
            self.drop()
            kept = keep_safe_copy(self.log.path, raw)
            raise DatabaseUnreadable(self.log.path, kept, str(e)) from e
        except OSError as e:
            self.drop()
            raise StoreError(
                f"Cannot read the training database {self.log.path}: {e.strerror or e}.",
                self.log.path,
            ) from e
        folded = self._folded(data)
        docs: dict[str, dict[str, Any]] = data.get(migrations.SESSIONS, {})
        by_id = {doc["id"]: doc_id for doc_id, doc in docs.items()}
        added: dict[str, list[Any]] = {}
        for r in records:
            if r.seq <= folded or r.session not in by_id:
                continue  # folded already (maybe deleted since), or a session gone
            sets = added.get(r.session)
            if sets is None:
                sets = added[r.session] = list(docs[by_id[r.session]]["sets"])
            if r.set["id"] not in self.set_ids(r.session, sets):
                sets.append(r.set)
                self._set_ids[r.session][1].add(r.set["id"])
        for session_id, sets in added.items():
            doc_id = by_id[session_id]
            docs[doc_id] = {**docs[doc_id], "sets": sets}

    def set_ids(self, session_id: str, sets: list[Any]) -> set[Any]:
        """The ids of `sets` (a session's list of set documents), remembered per list."""
        known = self._set_ids.get(session_id)
        if known is None or known[0] is not sets:
            known = self._set_ids[session_id] = (sets, {s.get("id") for s in sets})
        return known[1]

    def _unreadable(self, raw: bytes, reason: str) -> None:
        raise DatabaseUnreadable(self.path, keep_safe_copy(self.path, raw), reason)

    def unreadable(self, reason: str) -> DatabaseUnreadable:
        """For a document the codec refused: keep a copy of the file (and log) as it is now."""
        self.drop()
        if self.log is not None:  # the document may hold a set from the log
            try:
                keep_safe_copy(self.log.path, self.log.path.read_bytes())
            except OSError:
                pass
        try:
            raw = self.path.read_bytes()
        except OSError:
            return DatabaseUnreadable(self.path, None, reason)
        return DatabaseUnreadable(self.path, keep_safe_copy(self.path, raw), reason)

    def _migrate(
        self, data: dict[str, Any], raw: bytes, version: int
    ) -> tuple[dict[str, Any], StatKey]:
        backup = keep_copy(self.path, raw, f".v{version}.bak")
        if backup is None:
            raise DatabaseNotWritable(
                self.path,
                f"a copy must be kept before migrating it from schema version "
                f"{version}, and {self.path.name}.v{version}.bak could not be written",
            )
        try:
            data = migrations.migrate(data, version)
            payload = orjson.dumps(data)
        except Exception as e:
            raise StoreError(
                f"Cannot migrate the training database {self.path} from schema version {version} "
                f"to {migrations.CURRENT_SCHEMA}: {e}. The file was left untouched; "
                f"a copy is at {backup}.",
                self.path,
            ) from e
        try:
            key = atomic_write(self.path, payload)
        except OSError as e:
            raise write_error(self.path, e) from e
        return data, key

    # --- writing --------------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        """Replace the file by `data`; a month's log is folded into it, then removed."""
        try:
            if self.before_write is not None:
                self.before_write(self)
            if self.log is not None:
                folded = max(self._folded(data), self.log.last_seq_on_disk())
                if folded:
                    meta = data[migrations.META]
                    doc_id = next(iter(meta))
                    meta[doc_id] = {**meta[doc_id], FOLDED: folded}
            payload = orjson.dumps(data)  # first: a value that does not serialise changes nothing
            if not self._missing and not os.access(self.path, os.W_OK) and self.path.exists():
                raise PermissionError(errno.EACCES, "the file is read-only")
            key = atomic_write(self.path, payload)
        except OSError as e:
            self.drop()
            raise write_error(self.path, e) from e
        except orjson.JSONEncodeError as e:
            self.drop()
            raise StoreError(
                f"Cannot write the training database {self.path}: a value could "
                f"not be saved ({e}). Nothing was changed.",
                self.path,
            ) from e
        except BaseException:
            self.drop()
            raise
        if self.log is not None:
            self.log.remove()  # only now: the month file names its records as folded
        self._data = data
        self._key = key
        self._missing = False
        self._disk_version = migrations.CURRENT_SCHEMA

    def can_append(self) -> bool:
        """Whether a set can go to the log: a month file of this version on disk.

        A file of an older version is written whole first, so that an older app, which
        would not read the log, refuses the file instead of missing its sets."""
        return (
            self.log is not None
            and not self._missing
            and self._disk_version == migrations.CURRENT_SCHEMA
        )

    def append_set(
        self, doc_id: int, doc: dict[str, Any], set_doc: dict[str, Any]
    ) -> dict[str, Any]:
        """Add `set_doc` to the session `doc` (document `doc_id`, read under this lock)
        by one line in the log; returns the session's new document.

        Once the log holds FOLD_AT records, it is folded into the month file."""
        assert self.log is not None and self._data is not None
        if self.before_write is not None:
            self.before_write(self)
        data = self._data
        seq = max(self._folded(data), self.log.last_seq) + 1
        try:
            self.log.append(Record(seq, doc["id"], set_doc))
        except OSError as e:
            self.drop()
            raise write_error(self.log.path, e) from e
        except orjson.JSONEncodeError as e:
            self.drop()
            raise StoreError(
                f"Cannot write the training database {self.log.path}: a value could "
                f"not be saved ({e}). Nothing was changed.",
                self.log.path,
            ) from e
        except BaseException:
            self.drop()
            raise
        sets = [*doc["sets"], set_doc]
        ids = self.set_ids(doc["id"], doc["sets"])
        ids.add(set_doc["id"])
        self._set_ids[doc["id"]] = (sets, ids)
        new_doc = {**doc, "sets": sets}
        data[migrations.SESSIONS][str(doc_id)] = new_doc
        self.generation += 1  # the tables' query caches hold the old document
        if self.log.records >= FOLD_AT:
            self.write(data)
        return new_doc

    def write_new(self) -> None:
        """Create the file with its empty tables (it must not exist)."""
        self.write(self._initial())

    def drop(self) -> None:
        """Forget the cached data: the next read parses the file again."""
        self._data = None
        self._key = None
        self._missing = False
        self._set_ids.clear()
        if self.log is not None:
            self.log.forget()

    def close(self) -> None:
        self.drop()
