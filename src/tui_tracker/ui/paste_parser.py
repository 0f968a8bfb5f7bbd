"""Textual's input parser, fed pastes without their ESC bytes: for every driver of ours.

A paste that holds escape sequences (text copied from a coloured terminal or a web
page): Textual 8.2.8's parser reads an escape sequence inside a bracketed paste as
keys, sent at once, while the rest of the paste waits for the paste's end, so a pasted
note was stored out of order ("^[31mred^[0m endnote [b]x[/]" for "note [b]x[/]
ESC[31mred ESC[0m end").  The terminal's driver (terminal_driver.py) and the browser
tab's (browser_driver.py) parse their input with `PasteSafeParser`
(tests/terminal/test_paste.py, tests/terminal/test_browser_paste.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

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
