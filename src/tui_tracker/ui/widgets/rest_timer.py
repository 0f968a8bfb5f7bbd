"""A rest countdown that rings the terminal bell when rest is over.

It keeps a monotonic deadline and repaints only itself once a second, so an SSH
link carries a few bytes per tick, not the whole screen.
"""

from __future__ import annotations

import time

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

EXTEND_SECONDS = 30


class RestTimer(Static):
    """Counts down after a working set; `s` skips, `+` adds 30 s."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self._deadline: float | None = None
        self._total = 0
        self._ticker: Timer | None = None
        self.rang = False

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> int:
        if self._deadline is None:
            return 0
        return max(0, round(self._deadline - time.monotonic()))

    def start(self, seconds: int, label: str = "") -> None:
        self._deadline = time.monotonic() + seconds
        self._total = seconds
        self._label = label
        self.rang = False
        if self._ticker is None:
            self._ticker = self.set_interval(1, self._tick)
        self._render_line()

    def extend(self, seconds: int = EXTEND_SECONDS) -> None:
        if self._deadline is None:
            return
        self._deadline += seconds
        self._total += seconds
        self._render_line()

    def skip(self, message: str = "Rest skipped.") -> None:
        self._stop()
        self.update(Content(message))

    def _stop(self) -> None:
        self._deadline = None
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self.remove_class("-running")

    def _tick(self) -> None:
        if self._deadline is None:
            return
        if self.remaining() <= 0:
            self._stop()
            self.rang = True
            self.app.bell()
            self.update("Rest over: next set when ready.")
            return
        self._render_line()

    def _render_line(self) -> None:
        left = self.remaining()
        width = 20
        done = 0 if self._total <= 0 else round(width * (self._total - left) / self._total)
        bar = "█" * done + "░" * (width - done)
        self.add_class("-running")
        # The label names the exercise: plain text, never markup.
        self.update(Content(f"Rest {left // 60}:{left % 60:02d} {bar} {self._label}  s skip · + add 30 s"))
