"""A text field that keeps control characters out of what it holds.

Keys never type ESC, but a paste can carry anything: an exercise name copied from a
web page or a chat with escape sequences in it.  Textual's Input keeps such text and
draws it raw, so the terminal would act on it (retitle the window, write the
clipboard, clear the screen) while the lifter is still typing.  Whatever comes in,
by paste, key or code, is cleaned by the domain's `clean_text` first.
"""

from __future__ import annotations

from textual.widgets import Input

from ...domain.text import clean_text


class TextField(Input):
    """An Input for names: what it holds is always clean text."""

    def replace(self, text: str, start: int, end: int) -> None:
        # Every insertion goes through here (keys, paste, insert_text_at_cursor): the
        # cursor lands after the clean text.
        super().replace(clean_text(text), start, end)

    def validate_value(self, value: str) -> str:
        """A value set by code is cleaned as well."""
        return clean_text(value)
