"""A hang-up at any moment ends the process, within 2 s, without losing a set.

tmux kill-pane and a dropped SSH link close the terminal: the kernel sends SIGHUP (and
SIGCONT), reads see end-of-file, writes fail with EIO.  The app ends in layers, because the
graceful way alone once hung for good (Textual 8.2.8 blocked queueing output for a terminal
that was gone, see terminal_driver.py, and the app outlived it, reparented to init):

1. Leave through the app: a hang-up calls `leave` (App.exit) on the app's event loop,
   between two messages, so never inside a commit (every save runs to completion on the
   loop).  SIGHUP comes through the loop's own signal handling; the terminal driver makes
   sure nothing on the way out waits on the dead terminal.
2. Notice a terminal that vanished, with a signal or without one (the app need not lead
   its session): a watcher thread sees the tty hang up (POLLHUP, what makes reads see
   end-of-file), and the driver reports a write that failed.  Neither needs the loop, so
   the safety net is set off even if the loop is stuck.  (A browser tab's app has no tty:
   app.py notices its server is gone when it is re-parented.)
3. A safety net: if the process still lives `SAFETY_NET` s after the hang-up, it ends with
   os._exit.  It first takes the store's commit lock (waiting up to `COMMIT_WAIT` s for a
   commit under way) and never gives it back, so it never cuts a commit in half and nothing
   commits after it.  What it skips loses nothing: a commit that returned is fsynced (every
   set is on disk before it is shown), os._exit runs no cleanup that could write, and the
   kernel drops the file lock with the process.  A normal quit never sets it off.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import threading
import time
from typing import Protocol
from collections.abc import Callable

#: Seconds from the hang-up to the safety net; the graceful way takes about 0.3 s.
SAFETY_NET = 1.0
#: Seconds the safety net waits for a commit under way (a commit takes a few ms).
COMMIT_WAIT = 0.5
#: The safety net's exit status, as a shell reports a process ended by SIGHUP.
EXIT_HUNG_UP = 128 + 1

_SIGHUP = getattr(signal, "SIGHUP", None)  # not on Windows


class _Lock(Protocol):
    def acquire(self, blocking: bool = ..., timeout: float = ...) -> bool: ...


class HangUpGuard:
    """Hears a hang-up once (SIGHUP, the watcher, the driver) and ends the process."""

    def __init__(
        self,
        leave: Callable[[], object],
        commit_lock: Callable[[], _Lock | None],
        *,
        safety_net: float = SAFETY_NET,
        commit_wait: float = COMMIT_WAIT,
        end_process: Callable[[int], object] = os._exit,
    ) -> None:
        self._leave = leave
        self._commit_lock = commit_lock
        self._safety_net, self._commit_wait = safety_net, commit_wait
        self._end_process = end_process
        self.heard = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listening = False
        self._net: threading.Thread | None = None
        self._watcher: threading.Thread | None = None
        self._stop_r = self._stop_w = -1

    # --- layer 1: SIGHUP leaves through the app ---------------------------------------

    def listen(self) -> None:
        """Take SIGHUP for the app; call on the app's loop."""
        self._loop = asyncio.get_running_loop()
        if _SIGHUP is None:
            return
        try:
            self._loop.add_signal_handler(_SIGHUP, self.notice)
        except (NotImplementedError, RuntimeError, ValueError):  # no signals on this loop
            return
        self._listening = True

    def stop_listening(self) -> None:
        """Give SIGHUP back: the app has ended, and a hang-up now may end the process at
        once (the safety net still stands if one was heard)."""
        if self._listening:
            self._listening = False
            self._loop.remove_signal_handler(_SIGHUP)

    def notice(self) -> None:
        """The terminal is gone: leave through the app, and let the safety net count.
        From any thread; on the app's loop `leave` runs at once."""
        if self.heard.is_set():
            return
        self.heard.set()
        loop = self._loop
        if loop is None:
            return
        try:
            on_the_loop = asyncio.get_running_loop() is loop
        except RuntimeError:  # another thread
            on_the_loop = False
        if on_the_loop:
            self._leave()
            return
        try:
            loop.call_soon_threadsafe(self._leave)
        except RuntimeError:  # the loop has closed: the app has already left
            pass

    # --- layers 2 and 3: for a real terminal ------------------------------------------

    def guard(self, tty_fd: int) -> None:
        """Watch the terminal at `tty_fd`, and stand the safety net up (once)."""
        if self._net is None:
            self._net = threading.Thread(
                target=self._wait_then_end, name="hang-up safety net", daemon=True
            )
            self._net.start()
        if self._watcher is None and hasattr(select, "poll"):
            self._stop_r, self._stop_w = os.pipe()
            self._watcher = threading.Thread(
                target=self._watch, args=(tty_fd, self._stop_r), name="hang-up watcher", daemon=True
            )
            self._watcher.start()

    def stop_watching(self) -> None:
        """The app is done with the terminal.  The safety net stays: the rest of the way
        out (closing the store, the interpreter's exit) may hang too."""
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            os.write(self._stop_w, b"x")
            watcher.join()
            os.close(self._stop_r)
            os.close(self._stop_w)

    def _watch(self, tty_fd: int, stop_fd: int) -> None:
        # Asking for no events still reports POLLHUP/POLLERR: a hung-up tty, without
        # reading a byte of the lifter's input.
        poller = select.poll()
        poller.register(tty_fd, 0)
        poller.register(stop_fd, select.POLLIN)
        while True:
            for fd, events in poller.poll():
                if fd == stop_fd:
                    return
                if events & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
                    self.notice()
                    return

    def _wait_then_end(self) -> None:
        self.heard.wait()  # a normal quit never gets past this (a daemon thread)
        time.sleep(self._safety_net)
        lock = self._commit_lock()
        if lock is not None:
            lock.acquire(timeout=self._commit_wait)  # kept: nothing commits after this
        self._end_process(EXIT_HUNG_UP)
