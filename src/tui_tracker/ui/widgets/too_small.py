"""A notice that replaces a screen when the terminal is smaller than 80x24."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 80, 24


class TooSmall(Static):
    """Shown by CSS when the screen carries the -narrow or -short breakpoint class
    (app.tcss: the rule that hides every other widget of such a screen is app-wide)."""

    DEFAULT_CSS = """
    TooSmall {
        display: none;
        padding: 1 2;
        height: 1fr;
    }
    """

    def render(self) -> str:
        size = self.app.size
        return (
            f"The terminal is {size.width}x{size.height}; tui-tracker needs at least "
            f"{MIN_WIDTH}x{MIN_HEIGHT}.\n\nMake the window larger or the font smaller. "
            "Nothing is lost: every set is already saved."
        )

    def on_resize(self) -> None:
        self.refresh()


def presize(screen) -> None:
    """Give a new screen the breakpoint classes its first Resize event would add.

    Textual adds them after the screen is composed, and a class change on a screen
    restyles every widget in it: on the Today screen that was 18 ms of the time to
    the first frame.  Set now, the Resize finds nothing to change.
    """
    app = screen.app
    for breakpoints, size in (
        (app.HORIZONTAL_BREAKPOINTS, app.size.width),
        (app.VERTICAL_BREAKPOINTS, app.size.height),
    ):
        hit = next(
            (name for at, name in sorted(breakpoints or [], reverse=True) if size >= at), None
        )
        for _at, name in breakpoints or []:
            screen.set_class(name == hit, name, update=False)
