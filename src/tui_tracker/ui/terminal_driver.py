"""Textual's LinuxDriver, made safe for a terminal that vanishes (see hang_up.py).

What hung in Textual 8.2.8 when tmux killed the pane right after the first frame: the
kernel's hang-up sends SIGCONT with SIGHUP, and Textual's SIGCONT handler restarts
application mode on any SIGCONT.  On the dead terminal `isatty` is already false, so the
restart skips its own check, starts a second output thread, and that thread dies on its
first write (EIO).  The app's shutdown then queues its last escape codes for the dead
thread; after 30 the queue is full and `LinuxDriver.close` blocks for good.

And a paste that holds escape sequences: the driver parses its input with
`PasteSafeParser` (paste_parser.py), which drops a paste's ESC bytes first.

And keys typed while the app starts (a lifter back after a dropped link types the next
set at once): until Textual takes the terminal it is still the shell's, canonical with
ICRNL, so each Enter typed then waits in the terminal as a line feed, which Textual reads
as ctrl+j; the set's values reached the panel and nothing was saved.  The bytes waiting
when the app takes the terminal are counted, and their line feeds read as the Enter they
were typed as (tests/terminal/test_typed_at_launch.py).  A ctrl+j typed later stays ctrl+j.
"""

from __future__ import annotations

import fcntl
import struct
import termios
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

import textual.drivers.linux_driver as linux_driver
from textual.drivers.linux_driver import LinuxDriver

from .paste_parser import PasteSafeParser

if TYPE_CHECKING:
    from textual.message import Message

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
        # Started just after the terminal was put in raw mode: what waits in it now was
        # typed before, as the shell's terminal took it.
        cooked = self._typed_as_lines()

        # LinuxDriver makes its parser from its module's name for it: this process has
        # one terminal driver, ours, so the name is ours for as long as it runs.
        def parser(debug: bool = False) -> TerminalParser:
            return TerminalParser(debug, typed_as_lines=cooked)

        setattr(linux_driver, "XTermParser", parser)  # noqa: B010 (not re-exported)
        super().run_input_thread()

    def _typed_as_lines(self) -> int:
        """How many bytes wait in the terminal, typed while it turned Enter into a line
        feed (canonical mode with ICRNL, as Textual found it); 0 if it did not."""
        before = self.attrs_before
        if before is None or not (before[0] & termios.ICRNL and before[3] & termios.ICANON):
            return 0
        try:
            raw = fcntl.ioctl(self.fileno, termios.FIONREAD, struct.pack("i", 0))
        except OSError:
            return 0
        return int(struct.unpack("i", raw)[0])

    def close(self) -> None:
        super().close()
        self._guard.stop_watching()

    def _sigcont_application(self, *_) -> None:
        # Resume only after our own SIGTSTP handler stopped the process (it sets the flag),
        # and never on a terminal that has gone: a hang-up sends SIGCONT too.
        if self._must_signal_resume and not self._guard.heard.is_set():
            super()._sigcont_application()


class TerminalParser(PasteSafeParser):
    """The terminal's parser: the first `typed_as_lines` bytes were typed before the app
    took the terminal, so their line feeds are the Enter key (see the module docstring)."""

    def __init__(self, debug: bool = False, typed_as_lines: int = 0) -> None:
        super().__init__(debug)
        self._cooked = typed_as_lines
        self._after_enter = False  # the last byte typed before raw mode was a line feed

    def feed(self, data: str) -> Iterable[Message]:
        if self._cooked > 0 and data:
            data = self._enter_for_line_feeds(data)
        return super().feed(data)

    def _enter_for_line_feeds(self, data: str) -> str:
        """`data` with "\n" read as "\r" within the bytes typed before raw mode.

        Two line feeds in a row there are one Enter: a terminal that sends CR LF for
        Enter (newline mode) gave two, and the set was saved twice."""
        out = []
        for i, char in enumerate(data):
            if self._cooked <= 0:
                out.append(data[i:])
                break
            self._cooked -= len(char.encode("utf-8", "surrogatepass"))
            if char == "\n":
                if not self._after_enter:
                    out.append("\r")
                self._after_enter = True
            else:
                out.append(char)
                self._after_enter = False
        return "".join(out)
