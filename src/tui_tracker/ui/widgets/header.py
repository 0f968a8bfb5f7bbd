"""One-line header: date, mesocycle week (when there is one), session time."""

from __future__ import annotations

from datetime import date, datetime

from textual.content import Content
from textual.widgets import Static

from ...domain.sessions import duration_text


class TodayHeader(Static):
    """Redrawn only when its text changes: each redraw is bytes on a slow SSH link."""

    DEFAULT_CSS = """
    TodayHeader {
        height: 1;
        background: $panel;
        color: $text;
        text-style: bold;
        padding: 0 1;
    }
    """

    _shown: str | None = None

    def show(self, today: date, started: datetime | None, now: datetime, week: str = "") -> None:
        parts = [f"tui-tracker · {today:%a %d %b %Y}"]
        if week:
            parts.append(week)
        parts.append(f"session {duration_text(started, now)}" if started else "no session yet")
        text = "  ·  ".join(parts)
        if text != self._shown:
            self._shown = text
            self.update(Content(text))  # the week label may name a block: not markup
