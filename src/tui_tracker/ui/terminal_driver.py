"""Textual's LinuxDriver, made safe for a terminal that vanishes (see hang_up.py).

What hung in Textual 8.2.8 when tmux killed the pane right after the first frame: the
kernel's hang-up sends SIGCONT with SIGHUP, and Textual's SIGCONT handler restarts
application mode on any SIGCONT.  On the dead terminal `isatty` is already false, so the
restart skips its own check, starts a second output thread, and that thread dies on its
first write (EIO).  The app's shutdown then queues its last escape codes for the dead
thread; after 30 the queue is full and `LinuxDriver.close` blocks for good.

And a paste that holds escape sequences (text copied from a coloured terminal): Textual
8.2.8's parser reads an escape sequence inside a bracketed paste as keys, sent at once,
while the rest of the paste waits for the paste's end, so a pasted note was stored out
of order ("^[31mred^[0m endnote [b]x[/]" for "note [b]x[/] ESC[31mred ESC[0m end").  The
driver's parser drops the ESC bytes of a paste before parsing (tests/terminal/test_paste.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from collections.abc import Iterable

import textual.drivers.linux_driver as linux_driver
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

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


ESC = "\x1b"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


class PasteSafeParser(XTermParser):
    """Textual's parser, fed pastes without their ESC bytes (see the module docstring).

    Outside a paste the input passes untouched (a lone Escape key is not held back);
    inside one, an ESC that may begin the paste's end marker waits for the next read."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting = False
        self._seen = ""  # the last bytes passed outside a paste: a split start marker
        self._held = ""  # inside a paste: a tail that may be the start of its end marker

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input (a paste cut short loses its partial end marker)
            return super().feed("")
        return super().feed(self.without_pasted_escapes(data))

    def without_pasted_escapes(self, data: str) -> str:
        text, self._held, out = self._held + data, "", []
        while text:
            if not self._pasting:
                found = (self._seen + text).find(PASTE_START)
                if found < 0:
                    out.append(text)
                    self._seen = (self._seen + text)[-(len(PASTE_START) - 1) :]
                    break
                cut = found + len(PASTE_START) - len(self._seen)
                out.append(text[:cut])
                text, self._seen, self._pasting = text[cut:], "", True
            else:
                found = text.find(PASTE_END)
                if found < 0:
                    keep = _end_marker_begun(text)
                    out.append(text[: len(text) - keep].replace(ESC, ""))
                    self._held = text[len(text) - keep :]
                    break
                out.append(text[:found].replace(ESC, "") + PASTE_END)
                text, self._pasting = text[found + len(PASTE_END) :], False
        return "".join(out)


def _end_marker_begun(text: str) -> int:
    """How many of `text`'s last characters could be the start of the paste's end marker."""
    for size in range(min(len(PASTE_END) - 1, len(text)), 0, -1):
        if PASTE_END.startswith(text[-size:]):
            return size
    return 0


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
