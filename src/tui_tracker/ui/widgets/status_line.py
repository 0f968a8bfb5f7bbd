"""The status line under a screen's work area: what just happened, and how it went.

Always plain text: it shows exercise names, notes and store errors, none of which
may be read as markup (a note with `[/]` once stopped the app from starting).
"""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.widgets import Static

Level = Literal["info", "saved", "advice", "warning", "error"]


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        height: auto;
        max-height: 5;
        padding: 0 1;
    }
    StatusLine.-saved { color: $success; }
    StatusLine.-advice { color: $warning; }
    StatusLine.-warning { color: $warning; text-style: bold; }
    StatusLine.-error { color: $error; text-style: bold; }
    """

    def __init__(self, content: str = "", **kwargs) -> None:
        super().__init__(content, **kwargs)
        # Born at the info level, so the first message (a resumed session at start)
        # changes no class: a class change restyles the widget.
        self.add_class("-info", update=False)
        self.level: Level = "info"

    def show(self, text: str, level: Level = "info", detail: str = "") -> None:
        """`text` in the level's colour, then `detail` (e.g. the evidence) dimmed."""
        content = Content(text)
        if detail:
            content = Content.assemble(content, "\n", (detail, "dim"))
        self.update(content)
        if self.classes != {f"-{level}"}:  # (a class change restyles the widget)
            self.set_classes(f"-{level}")
        self.level = level

    @property
    def text(self) -> str:
        return str(self.render())
