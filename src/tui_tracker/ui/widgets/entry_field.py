"""One field of the set-entry panel: its text as typed, and its box as drawn.

Apart from set_entry.py (the panel: which field is active, the keys, the values read)
because a field's own rules are small and self-contained: a selected field is
replaced by the next character typed, a word is erased back to a space, and a text
wider than its box shows its end while typed, else its start cut with an ellipsis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def cut(segments: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """Segments cut to `width` cells, an ellipsis where they were cut."""
    out: list[tuple[str, str]] = []
    room = width
    for text, style in segments:
        if len(text) > room:
            out.append((text[: max(room - 1, 0)] + "…"[:room], style))
            break
        out.append((text, style))
        room -= len(text)
    return out


@dataclass
class Field:
    """One field's text; `selected` means the next character typed replaces it."""

    name: str
    label: str
    width: int
    max_length: int
    accepts: re.Pattern[str]
    placeholder: str = ""
    text: str = ""
    selected: bool = False

    def type(self, character: str) -> bool:
        if not self.accepts.fullmatch(character):
            return False
        if self.selected:
            self.text, self.selected = "", False
        if len(self.text) < self.max_length:
            self.text += character
        return True

    def erase(self, word: bool = False) -> None:
        if self.selected:
            self.text = ""
        elif word:
            self.text = self.text.rstrip()
            self.text = self.text[: self.text.rfind(" ") + 1] if " " in self.text else ""
        else:
            self.text = self.text[:-1]
        self.selected = False

    def box(self, width: int, active: bool) -> list[tuple[str, str]]:
        """The field drawn `width` cells wide between brackets; `active`: being typed in
        (the panel has focus and this is its field)."""
        edge = "bold $accent" if active else "$text-muted"
        # Being typed: its end (where the typing is); else its start, cut with an ellipsis.
        if active or len(self.text) <= width:
            text = self.text[-(width - 1) :] if active and len(self.text) >= width else self.text
        else:
            text = self.text[: width - 1] + "…"
        if not text:
            body = [(self.placeholder[:width].ljust(width), "dim")]
            if active:
                body = [(" ", "reverse"), (self.placeholder[: width - 1].ljust(width - 1), "dim")]
        elif active and self.selected:
            body = [(text, "reverse"), (" " * (width - len(text)), "")]
        elif active:
            body = [(text, "bold"), (" ", "reverse"), (" " * max(0, width - len(text) - 1), "")]
        else:
            body = [(text.ljust(width), "bold")]
        return [("[", edge), *body, ("]", edge)]
