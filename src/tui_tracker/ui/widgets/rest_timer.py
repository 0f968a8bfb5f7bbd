"""A rest countdown that rings the terminal bell when rest is over.

It keeps a monotonic deadline and repaints only itself once a second, so an SSH
link carries a few bytes per tick, not the whole screen.
"""

from __future__ import annotations

import time

from textual.content import Content
from textual.timer import Timer
from textual.geometry import Region
from textual.widget import Widget

EXTEND_SECONDS = 30


#: Cells of the progress bar; where the time and the bar sit on the line.
BAR = 20
TIME_AT, TIME_WIDTH = 5, 5
BAR_AT = TIME_AT + TIME_WIDTH + 1


class RestTimer(Widget):
    """Counts down after a working set; `s` skips, `+` adds 30 s.

    Each second only the cells that changed are redrawn: the time (5 cells), and the
    bar's cells only when it grows.  Over SSH a tick is a few dozen bytes, not a line.
    """

    DEFAULT_CSS = """
    RestTimer {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    RestTimer.-running {
        color: $accent;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._deadline: float | None = None
        self._total = 0
        self._label = ""
        self._message = ""
        self._shown: tuple[str, int] | None = None  # (time text, bar cells) on screen
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
        self.add_class("-running")
        self._shown = None
        self.refresh()

    def extend(self, seconds: int = EXTEND_SECONDS) -> None:
        if self._deadline is None:
            return
        self._deadline += seconds
        self._total += seconds
        self._tick()

    def skip(self, message: str = "Rest skipped.") -> None:
        self._stop(message)

    def _stop(self, message: str) -> None:
        self._deadline = None
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self.remove_class("-running")
        self._message = message
        self._shown = None
        self.refresh()

    def _now(self) -> tuple[str, int]:
        left = self.remaining()
        done = 0 if self._total <= 0 else round(BAR * (self._total - left) / self._total)
        return f"{left // 60}:{left % 60:02d}".rjust(TIME_WIDTH), done

    def _tick(self) -> None:
        if self._deadline is None:
            return
        if self.remaining() <= 0:
            self.rang = True
            self.app.bell()
            self._stop("Rest over: next set when ready.")
            return
        now = self._now()
        if self._shown is None:
            self.refresh()
        else:
            if now[0] != self._shown[0]:
                self.refresh(Region(TIME_AT, 0, TIME_WIDTH, 1))
            if now[1] != self._shown[1]:
                low, high = sorted((now[1], self._shown[1]))
                self.refresh(Region(BAR_AT + low, 0, max(1, high - low), 1))

    def render(self) -> Content:
        if self._deadline is None:
            return Content(self._message)
        clock, done = self._shown = self._now()
        # The label names the exercise: plain text, never markup.
        return Content(
            f"Rest {clock} {'█' * done}{'░' * (BAR - done)} {self._label}  s skip · + add 30 s"
        )
