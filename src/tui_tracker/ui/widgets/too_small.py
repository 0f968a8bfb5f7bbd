"""A notice that replaces a screen when the terminal is smaller than 80x24."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 80, 24


class TooSmall(Static):
    """Shown by CSS when the screen carries the -narrow or -short breakpoint class."""

    def render(self) -> str:
        size = self.app.size
        return (
            f"The terminal is {size.width}x{size.height}; tui-tracker needs at least "
            f"{MIN_WIDTH}x{MIN_HEIGHT}.\n\nMake the window larger or the font smaller. "
            "Nothing is lost: every set is already saved."
        )

    def on_resize(self) -> None:
        self.refresh()
