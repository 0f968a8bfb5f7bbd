"""The store's file primitives: atomic replacement, folder fsync, kept copies, write errors.

Every file the store writes (the main file, the month files, the settings file,
exports, the copies it keeps) goes through `atomic_write`: serialise first, write
`<file>.tmp-<hex>` (0600) in the same folder, fsync it, os.replace it over the file,
fsync the folder, so a crash at any moment leaves the old file or the new one, never
half.  On any error the temp file is removed and the old file stays.  A file that is a
symlink is written through: the temp file goes beside the target and replaces it, and
the link stays a link.  A folder, FIFO or device is refused.

A file that cannot be read is never overwritten: `keep_safe_copy` keeps its bytes as
`<file>.unreadable-<UTC time>` first.  (Split out of storage.py, which is the TinyDB
storage built on these.)
"""

from __future__ import annotations

import errno
import os
from datetime import datetime, UTC
from glob import escape as glob_escape
from pathlib import Path

from .errors import DatabaseNotWritable, StoreError
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
