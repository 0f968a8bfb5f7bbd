"""The cross-process lock: flock(2) on a sidecar file, `<db>.lock`.

Why not the filelock package everywhere: its import alone took 15-25 ms of the
app's start-up on our 2-core machines (`python -X importtime -c "import
textual.app; import filelock"`), more than everything the store does to open a
five-year log.  On POSIX the whole job is one system call, written out below;
elsewhere (Windows) filelock is imported when the first lock is taken.

Locks are re-entrant within one Store (a counter), like filelock's; the Store's
thread mutex keeps threads apart.  The lock file is never deleted: another
process may be waiting on it.  It is created only when asked (`create=True`): a
process that only reads a database that does not exist yet leaves no lock file.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from typing import Any
from collections.abc import Callable

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


class LockCancelled(Exception):
    """The wait for the lock was called off (the lifter pressed a key)."""


#: The holder line is written padded with spaces (after its newline) to this many bytes,
#: over the last holder's, which is never longer: no truncation.  Truncating the file
#: first cost 1-5 ms per lock on a busy ext4 (a journal transaction; the app takes the
#: lock for every read and commit), writing it in place a few microseconds.
HOLDER_BYTES = 1024


def _holder_line() -> bytes:
    """Who holds the lock, for a process that has to wait: pid, command, since when."""
    command = " ".join([os.path.basename(sys.argv[0] or "python"), *sys.argv[1:]])
    command = "".join(c if c.isprintable() and c != "\t" else " " for c in command)[:160]
    since = datetime.now().astimezone().isoformat(timespec="seconds")
    return f"{os.getpid()}\t{command}\t{since}\n".encode()[: HOLDER_BYTES - 1].ljust(HOLDER_BYTES)


class ProcessLock:
    def __init__(self, path: str, *, timeout: float, mode: int, poll: float = 0.001) -> None:
        self.path, self.timeout, self.mode, self.poll = path, timeout, mode, poll
        self._fd: int | None = None
        self._depth = 0
        self._fallback: Any = None  # filelock.FileLock where flock(2) is missing

    def acquire(
        self,
        *,
        create: bool = True,
        timeout: float | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Wait up to `timeout` s (default: the lock's) for the lock; OSError if the lock
        file cannot be opened; LockCancelled as soon as `cancelled()` says so.

        With `create=False` a missing lock file is FileNotFoundError, and none is made.
        Once held, the lock file says who holds it (`holder()`), for those who wait.
        """
        if self._depth:
            self._depth += 1
            return
        if fcntl is None:  # pragma: no cover - Windows
            if not create and not os.path.exists(self.path):
                raise FileNotFoundError(2, "No such file or directory", self.path)
            self._acquire_fallback()
        else:
            self._fd = self._flock(create, self.timeout if timeout is None else timeout, cancelled)
            try:  # one small write in place, no fsync: only a hint for a waiting process
                os.pwrite(self._fd, _holder_line(), 0)
            except OSError:
                pass
        self._depth = 1

    def holder(self) -> str | None:
        """'process 4242 (tui-tracker import strong big.csv), since 18:00:03', or None."""
        try:
            with open(self.path, "rb") as f:
                line = f.read(400).decode("utf-8", "replace").splitlines()
        except OSError:
            return None
        parts = line[0].split("\t") if line else []
        if len(parts) != 3 or not parts[0].isdigit():
            return None
        pid, command, since = parts
        command = "".join(c for c in command if c.isprintable())
        try:
            when = datetime.fromisoformat(since).strftime("%H:%M:%S")
        except ValueError:
            when = "?"
        return f"process {pid} ({command}), since {when}"

    def release(self) -> None:
        self._depth -= 1
        if self._depth:
            return
        if self._fallback is not None:  # pragma: no cover - Windows
            self._fallback.release()
            return
        fd, self._fd = self._fd, None
        assert fd is not None, "released more often than acquired"
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _flock(self, create: bool, timeout: float, cancelled: Callable[[], bool] | None) -> int:
        deadline = time.monotonic() + timeout
        flags = os.O_RDWR | os.O_CLOEXEC | (os.O_CREAT if create else 0)
        while True:
            fd = os.open(self.path, flags, self.mode)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if cancelled is not None and cancelled():
                    raise LockCancelled(self.path) from None
                if time.monotonic() >= deadline:
                    raise LockTimeout(self.path) from None
                time.sleep(self.poll)
                continue
            except BaseException:
                os.close(fd)
                raise
            if os.fstat(fd).st_nlink:  # still the file others open (not removed meanwhile)
                return fd
            os.close(fd)  # locked a deleted file: take the one now at the path

    def _acquire_fallback(self) -> None:  # pragma: no cover - Windows
        from filelock import FileLock, Timeout  # type: ignore[import-not-found,unused-ignore]

        if self._fallback is None:
            self._fallback = FileLock(
                self.path,
                timeout=self.timeout,
                mode=self.mode,
                poll_interval=self.poll,
                thread_local=False,
            )
        try:
            self._fallback.acquire()
        except Timeout as e:
            raise LockTimeout(self.path) from e
