"""A month's set log: adding a set to a session already on disk costs the same at any size.

A commit used to rewrite its whole month file (serialise every session of the month,
temp file, fsync, rename, folder fsync), so the 1,000th set of a long session cost more
than the 10th.  Adding a set to a session that is already on disk is the commit a
lifter makes dozens of times a workout, so it appends one line to the month's log,
`training.sessions-2026-11.json.log`, and fsyncs it (the folder only when the log is
created):

    {"seq":17,"session":"<session id>","set":{...the set's document...}}

Reading a month is its file with the log's records applied in order (storage.py):

* a record whose `seq` is at most the month file's `log_folded` (its meta) is already in
  the file, or was and was deleted since: skipped, so a deleted set never comes back;
* a set whose id its session already holds is skipped (applying twice changes nothing);
* a record for a session the file does not hold is skipped (a full write moved or
  dropped it, and folded the log first).

Every other write of the month (a new session, an edit, a delete, a finish, a move, an
import) is a full atomic write of the month file that folds the log: the file gets every
set and `log_folded` = the log's last seq, and only then is the log removed.  A crash
between the two leaves records the file already names as folded.  The log is also
folded once it holds FOLD_AT records, so a read never replays more than that.

A line is written with its newline in one write and fsynced before the commit returns.
A last line without its newline is a torn append (killed mid-write, never acknowledged):
it is ignored, and cut off before the next append.  Any other line that does not parse
is damage: the month is refused (DatabaseUnreadable, with a copy of the log kept), never
read without a set that was acknowledged.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import orjson

from . import codec, files
from .files import StatKey, UnconfirmedWrite, stat_key
from .paths import FILE_MODE
from ..domain.values import frozen

#: Records a log may hold before the next append folds it into the month file.  A read
#: of the month replays at most this many; a fold is one full write of the month.
FOLD_AT = 64

#: The month file's meta field naming the last log record it holds.
FOLDED = "log_folded"


def log_path(month_file: Path) -> Path:
    """`training.sessions-2026-11.json.log` beside its month file."""
    return month_file.with_name(month_file.name + ".log")


@frozen
class Record:
    """One set appended to one session."""

    seq: int
    session: str
    set: dict[str, Any]

    def line(self) -> bytes:
        return orjson.dumps({"seq": self.seq, "session": self.session, "set": self.set}) + b"\n"


class LogDamaged(ValueError):
    """A line of the log that is not a record, and not a torn last append."""


def _record(line: bytes, number: int) -> Record:
    try:
        doc = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        raise LogDamaged(f"line {number} of the set log is not valid JSON ({e})") from None
    if isinstance(doc, dict):
        seq, session, s = doc.get("seq"), doc.get("session"), doc.get("set")
        if (
            isinstance(seq, int)
            and not isinstance(seq, bool)
            and seq > 0
            and isinstance(session, str)
            and isinstance(s, dict)
            and isinstance(s.get("id"), str)
        ):
            try:  # refused here, naming the log, not later naming the month file
                codec.set_from_dict(s)
            except codec.CodecError as e:
                raise LogDamaged(
                    f"line {number} of the set log holds a damaged set ({e})"
                ) from None
            return Record(seq, session, s)
    raise LogDamaged(f"line {number} of the set log is not a set record")


class SetLog:
    """The log beside one month file, as far as this process has read it.

    `key` is the log's stat key when last read or written (None: there was no log),
    `end` where its last whole line ends (the next append goes there; bytes after it
    are a torn append), `last_seq` the highest seq in it and `records` how many lines.
    The owner (the month's storage) holds the store's lock around every call.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.forget()

    def forget(self) -> None:
        self.key: StatKey | None = None
        self.end = 0
        self.last_seq = 0
        self.records = 0
        self._lines = 0  # whole lines read, for the line numbers of a damage report

    def current_key(self) -> StatKey | None:
        """The log's stat key on disk now (None when there is none)."""
        try:
            return stat_key(os.stat(self.path))
        except FileNotFoundError:
            return None

    def grew(self, key: StatKey | None) -> bool:
        """Only appended to since it was read: the same file, longer."""
        return (
            key is not None
            and self.key is not None
            and key[:2] == self.key[:2]
            and key[2] > self.key[2]
        )

    def read(self, *, tail: bool = False) -> tuple[list[Record], bytes]:
        """The records after `end` (tail) or all of them, and the bytes read.

        Raises LogDamaged (the caller keeps a copy of the bytes) or OSError."""
        if not tail:
            self.forget()
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            self.forget()
            return [], b""
        with open(fd, "rb") as f:
            st = os.fstat(fd)
            f.seek(self.end)
            raw = f.read()
        *whole, torn = raw.split(b"\n")  # `torn` is b"" when the last line is whole
        records = [_record(line, self._lines + i + 1) for i, line in enumerate(whole)]
        self.key = stat_key(st)
        self.end += len(raw) - len(torn)
        self._lines += len(whole)
        self.records += len(records)
        self.last_seq = max([self.last_seq, *(r.seq for r in records)])
        return records, raw

    def last_seq_on_disk(self) -> int:
        """The highest seq in the log as it is now (before a fold), damaged lines aside."""
        if self.current_key() == self.key:
            return self.last_seq
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return 0
        seqs = [0]
        for line in raw.split(b"\n")[:-1]:
            try:
                seqs.append(_record(line, 0).seq)
            except LogDamaged:
                continue
        return max(seqs)

    def append(self, record: Record) -> None:
        """Add `record` as one line, fsynced (and the folder, when the log is new).

        A torn last line is cut off first.  On an error the log is cut back to where it
        was (so a record that was not acknowledged is not read later) and OSError raised;
        UnconfirmedWrite when only the folder fsync of a new log failed."""
        line = record.line()  # first: a value that does not serialise changes nothing
        created = self.key is None
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
        try:
            st = os.fstat(fd)
            if created:
                os.fchmod(fd, FILE_MODE)  # whatever the umask
            known = self.key is not None and st.st_ino == self.key[1]
            if st.st_size != self.end and (not known or st.st_size < self.end):
                # Bytes after the last whole line this process read are a torn append;
                # anything else (a log it did not read, a shorter one) is not its to
                # cut: the reader checked the log under this same lock.
                raise OSError(errno.ESTALE, "the set log changed under the lock")
            try:
                if st.st_size != self.end:
                    os.ftruncate(fd, self.end)
                view = memoryview(line)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
                st = os.fstat(fd)
            except BaseException:
                try:  # not acknowledged: not to be read later either
                    os.ftruncate(fd, self.end)
                except OSError:
                    pass
                raise
        finally:
            os.close(fd)
        self.key = stat_key(st)
        self.end = st.st_size
        self.records += 1
        self._lines += 1
        self.last_seq = max(self.last_seq, record.seq)
        if created:
            try:
                files.fsync_dir(self.path.parent)
            except OSError as e:
                raise UnconfirmedWrite(e.errno, e.strerror) from e

    def remove(self) -> None:
        """Once its records are in the month file (the file names the last as folded)."""
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        except OSError:
            # Left behind, its records are all folded: harmless, and removed at the next
            # fold.  Its stat key stays, so the next append goes after them.
            self.key = self.current_key()
            return
        self.forget()
