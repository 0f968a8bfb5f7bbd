"""Textual's LinuxDriver, made safe for a terminal that vanishes (see hang_up.py).

What hung in Textual 8.2.8 when tmux killed the pane right after the first frame: the
kernel's hang-up sends SIGCONT with SIGHUP, and Textual's SIGCONT handler restarts
application mode on any SIGCONT.  On the dead terminal `isatty` is already false, so the
restart skips its own check, starts a second output thread, and that thread dies on its
first write (EIO).  The app's shutdown then queues its last escape codes for the dead
thread; after 30 the queue is full and `LinuxDriver.close` blocks for good.

And a paste that holds escape sequences: the driver parses its input with
`PasteSafeParser` (paste_parser.py), which drops a paste's ESC bytes first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

import textual.drivers.linux_driver as linux_driver
from textual.drivers.linux_driver import LinuxDriver

from .paste_parser import PasteSafeParser

if TYPE_CHECKING:
    from .hang_up import HangUpGuard


class TerminalOutput:
    """The file Textual's output thread writes to.  After the first write that fails (EIO:
    the terminal is gone) it drops everything, so the thread keeps emptying its queue and
    nothing the app writes can block."""

    def __init__(self, file: TextIO, guard: HangUpGuard) -> None:
        self._file, self._guard = file, guard
        self._gone = False

    def write(self, text: str) -> None:
        if not self._gone:
            try:
                self._file.write(text)
            except (OSError, ValueError):  # ValueError: the file was closed
                self._lost()

    def flush(self) -> None:
        if not self._gone:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self._lost()

    def fileno(self) -> int:
        return self._file.fileno()

    def _lost(self) -> None:
        self._gone = True
        self._guard.notice()


class TerminalDriver(LinuxDriver):
    """The driver of a TrackerApp in a terminal; the app hands it its HangUpGuard."""

    def __init__(self, app, **kwargs) -> None:
        super().__init__(app, **kwargs)
        self._guard: HangUpGuard = app.hang_up_guard
        self._file = TerminalOutput(self._file, self._guard)

    def start_application_mode(self) -> None:
        super().start_application_mode()
        self._guard.guard(self.fileno)

    def run_input_thread(self) -> None:
        # LinuxDriver makes its parser from its module's name for it: this process has
        # one terminal driver, ours, so the name is ours for as long as it runs.
        setattr(linux_driver, "XTermParser", PasteSafeParser)  # noqa: B010 (not re-exported)
        super().run_input_thread()

    def close(self) -> None:
        super().close()
        self._guard.stop_watching()

    def _sigcont_application(self, *_) -> None:
        # Resume only after our own SIGTSTP handler stopped the process (it sets the flag),
        # and never on a terminal that has gone: a hang-up sends SIGCONT too.
        if self._must_signal_resume and not self._guard.heard.is_set():
            super()._sigcont_application()
