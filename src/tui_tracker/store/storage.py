"""The TinyDB storage: atomic writes, a parse cache checked by os.stat, version checks.

Out of the box TinyDB re-parses the whole file on every read and overwrites it
in place on every write: a kill mid-write leaves half a file, and a second
process's writes are silently lost.  Here:

* write: serialise first (orjson), write `<file>.tmp-<hex>` (0600) in the same
  folder, fsync it, os.replace it over the file, fsync the folder.  On any
  error the temp file is removed and the cache dropped; the old file stays.
  A file that is a symlink is written through: the temp file goes beside the
  target and replaces it, and the link stays a link.  A folder, FIFO or device
  is refused (a FIFO is also refused on read: opening it would wait forever).
* read: the parsed data is kept, keyed by the file's (st_dev, st_ino, st_size,
  st_mtime_ns), and reused while the key is unchanged; a changed key (another
  process wrote) means a reload, which bumps `generation` so the tables drop
  their query cache and next id.
* a file that does not parse or has the wrong shape is never overwritten: a
  keep-safe copy is made and DatabaseUnreadable raised (in a sessions file, also
  a session whose id, date, start or set ids the store cannot scan).  A file
  from a newer version raises DatabaseTooNew.  An older one is migrated forward
  after a `<file>.v<n>.bak` copy is kept.

The caller (the Store) holds the cross-process lock around every use, so a
read-check-write cannot interleave with another process's.
"""

from __future__ import annotations

import errno
import os
from datetime import datetime, UTC
from glob import escape as glob_escape
from pathlib import Path
from typing import Any
from collections.abc import Callable, Mapping

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.queries import QueryLike
from tinydb.table import Document, Table

from . import codec, migrations
from .errors import DatabaseNotWritable, DatabaseTooNew, DatabaseUnreadable, StoreError
from .paths import FILE_MODE, TMP_HEX_DIGITS, TMP_MARK, not_a_file

StatKey = tuple[int, int, int, int]

_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def stat_key(st: os.stat_result) -> StatKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as e:  # some file systems cannot fsync a directory
        if e.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


#: The temp mark of files written for the lifter (exports): the store's orphan cleanup
#: (paths.temp_files) never matches it, whatever the file is called.
EXPORT_TMP_MARK = ".export-tmp-"


def _temp_name(path: Path, mark: str) -> Path:
    import secrets  # (on the first write: its hashlib and OpenSSL cost the app's first frame 1 ms)

    return path.with_name(f"{path.name}{mark}{secrets.token_hex(TMP_HEX_DIGITS // 2)}")


class NotRegularFile(OSError):
    """The path is a folder, FIFO, device or socket: nothing is written over it."""


def write_target(path: Path) -> Path:
    """Where a write of `path` lands: the path itself, or the file its symlink points to.

    OSError(ELOOP) for a symlink loop; NotRegularFile when the target exists and is not
    a regular file.  A dangling symlink's target is created.
    """
    target = path
    if os.path.islink(path):
        try:
            target = path.resolve()
        except RuntimeError:  # Python 3.11 reports a loop so
            raise OSError(errno.ELOOP, "it is a symlink loop", str(path)) from None
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    kind = not_a_file(mode)
    if kind is not None:
        raise NotRegularFile(errno.EINVAL, f"it is {kind}, not a regular file", str(path))
    return target


def atomic_write(path: Path, payload: bytes, *, temp_mark: str = TMP_MARK) -> StatKey:
    """Replace `path` by `payload` so a crash at any moment leaves old or new, never half.

    A symlink is followed (see write_target).  Returns the new file's stat key.  Raises
    OSError; the temp file is gone then.
    """
    path = write_target(path)
    tmp = _temp_name(path, temp_mark)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        try:
            os.fchmod(fd, FILE_MODE)  # whatever the umask
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            st = os.fstat(fd)  # the inode keeps size and mtime through the rename
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        fsync_dir(path.parent)
    except OSError as e:
        raise UnconfirmedWrite(e.errno, e.strerror) from e
    return stat_key(st)


class UnconfirmedWrite(OSError):
    """The new file is in place, but the folder could not be fsynced."""


def write_error(path: Path, e: OSError) -> StoreError:
    """A clear error for a failed write of `path`."""
    if isinstance(e, UnconfirmedWrite):
        return StoreError(
            f"The training database {path} was written, but the disk did not "
            f"confirm it ({e.strerror or e}): the last change may be lost if the "
            f"computer crashes now.",
            path,
        )
    if isinstance(e, PermissionError) or e.errno in _NOT_WRITABLE:
        return DatabaseNotWritable(path, e.strerror or "permission denied")
    if e.errno in _DISK_FULL:
        return StoreError(
            f"Cannot write the training database {path}: the disk is full. "
            f"Nothing was changed; free some space and try again.",
            path,
        )
    return StoreError(
        f"Cannot write the training database {path}: {e.strerror or e}. Nothing was changed.", path
    )


def _utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def keep_copy(path: Path, raw: bytes, suffix: str) -> Path | None:
    """Write `raw` to `<path><suffix>` (0600) without overwriting another copy.

    Returns the copy's path, or None when it could not be written.
    """
    candidate = path.with_name(path.name + suffix)
    n = 0
    while candidate.exists():
        try:
            if candidate.read_bytes() == raw:
                return candidate
        except OSError:
            pass
        n += 1
        candidate = path.with_name(f"{path.name}{suffix}-{n}")
    try:
        atomic_write(candidate, raw)
    except OSError:
        return None
    return candidate


def keep_safe_copy(path: Path, raw: bytes) -> Path | None:
    """`<path>.unreadable-<UTC time>`, or an earlier copy holding the same bytes."""
    for earlier in sorted(path.parent.glob(glob_escape(path.name) + ".unreadable-*")):
        if TMP_MARK in earlier.name:
            continue
        try:
            if earlier.stat().st_size == len(raw) and earlier.read_bytes() == raw:
                return earlier
        except OSError:
            continue
    return keep_copy(path, raw, f".unreadable-{_utc_stamp()}")


class AtomicJSONStorage(Storage):
    """One JSON file of TinyDB tables, written atomically, parsed once per change."""

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
            # with its meta table, written on the first commit.
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
        version = migrations.schema_version(data)
        if version > migrations.CURRENT_SCHEMA:
            raise DatabaseTooNew(self.path, version, migrations.CURRENT_SCHEMA)
        if version < migrations.CURRENT_SCHEMA:
            data, key = self._migrate(data, raw, version)
        if self.kind == "sessions":
            for doc in data.get(migrations.SESSIONS, {}).values():
                problem = codec.session_index_problem(doc)
                if problem is not None:
                    self._unreadable(raw, problem)

        self._data = data
        self._key = key
        self._missing = False
        self.generation += 1
        return data

    def _unreadable(self, raw: bytes, reason: str) -> None:
        raise DatabaseUnreadable(self.path, keep_safe_copy(self.path, raw), reason)

    def unreadable(self, reason: str) -> DatabaseUnreadable:
        """For a document the codec refused: keep a copy of the file as it is now."""
        self.drop()
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
        try:
            if self.before_write is not None:
                self.before_write(self)
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
        self._data = data
        self._key = key
        self._missing = False

    def write_new(self) -> None:
        """Create the file with its empty tables (it must not exist)."""
        self.write(self._initial())

    def drop(self) -> None:
        """Forget the cached data: the next read parses the file again."""
        self._data = None
        self._key = None
        self._missing = False

    def close(self) -> None:
        self.drop()


class SyncedTable(Table):
    """A Table that notices when another process changed the file.

    TinyDB caches query results and the next doc id per Table object and only
    resets them on writes through that object.  Here every access first lets
    the storage re-check the file, and a reload resets both.
    """

    def __init__(self, storage: Storage, name: str, **kwargs: Any) -> None:
        super().__init__(storage, name, **kwargs)
        self._seen_generation = -1

    def _check_generation(self) -> None:
        gen = self._storage.generation  # type: ignore[attr-defined]
        if gen != self._seen_generation:
            self.clear_cache()
            self._next_id = None
            self._seen_generation = gen

    def _sync(self) -> None:
        self._storage.read()
        self._check_generation()

    def search(self, cond: QueryLike) -> list[Document]:
        self._sync()
        return super().search(cond)

    def _get_next_id(self) -> int:
        self._sync()
        next_id: int = super()._get_next_id()  # type: ignore[no-untyped-call]
        return next_id

    def _read_table(self) -> dict[str, Mapping[str, Any]]:
        tables = self._storage.read()
        self._check_generation()
        table: dict[str, Mapping[str, Any]] = tables.get(self.name, {}) if tables else {}
        return table

    def _update_table(self, updater: Callable[[dict[int, Mapping[Any, Any]]], None]) -> None:
        self._sync()
        super()._update_table(updater)

    def documents(self) -> dict[str, dict[str, Any]]:
        """The raw documents by doc id, current with the file.  Do not mutate them."""
        return self._read_table()  # type: ignore[return-value]  # (documents are dicts)


class TrackerDB(TinyDB):
    table_class = SyncedTable  # type: ignore[assignment]  # (a Table subclass: TinyDB's stub is narrow)

    @property
    def atomic_storage(self) -> AtomicJSONStorage:
        return self.storage  # type: ignore[return-value]

    def synced(self, name: str) -> SyncedTable:
        """The table `name`, typed as what `table_class` makes it."""
        table: SyncedTable = self.table(name)  # type: ignore[assignment]
        return table


def open_db(
    path: Path,
    kind: str = "main",
    month: int | None = None,
    before_write: Callable[[AtomicJSONStorage], None] | None = None,
) -> TrackerDB:
    """A TinyDB over `path` with the atomic storage (nothing is read or created yet)."""
    return TrackerDB(
        path, kind=kind, month=month, before_write=before_write, storage=AtomicJSONStorage
    )
