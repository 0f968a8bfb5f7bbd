"""Target RIR per accumulation week, edited in place: one row, keyboard only.

The widget only shows the targets and asks for a change (`Step`); the screen
checks the new targets with the domain (effort.py), so the rules live in one place.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...domain.mesocycle import DELOAD_RIR

LAST_WEEK_NOTE = "0 (last week only): final sets of 3+ to failure, never squats/deadlifts"


class RirTargets(Widget, can_focus=True):
    """`Target RIR  W1 3  W2 3  W3 2 ...`: ←/→ picks a week, +/- changes its target."""

    BINDINGS = [
        Binding("left", "pick(-1)", "Week", show=False),
        Binding("right", "pick(1)", "Week", show=False),
        Binding("plus,equals_sign,up", "step(1)", "RIR", key_display="+/-"),
        Binding("minus,down", "step(-1)", "Less RIR", show=False),
    ]

    class Step(Message):
        """The lifter asked to move week `week`'s target (0-based) by `delta`."""

        def __init__(self, week: int, delta: int) -> None:
            super().__init__()
            self.week = week
            self.delta = delta

    week = reactive(0)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.targets: tuple[int, ...] = ()

    def show(self, targets: tuple[int, ...] | list[int]) -> None:
        self.targets = tuple(targets)
        self.week = min(self.week, max(len(self.targets) - 1, 0))
        self.refresh()

    def render(self) -> Text:
        line = Text("Target RIR ", style="bold")
        for i, target in enumerate(self.targets):
            chosen = i == self.week and self.has_focus
            line.append(f" W{i + 1}")
            line.append(f" {target} ", style="reverse bold" if chosen else "bold")
        line.append(f"  deload {DELOAD_RIR}+", style="dim")
        line.append("   ←/→ week  +/- RIR" if self.has_focus else "   Tab: edit", style="dim")
        line.append("\n" + LAST_WEEK_NOTE, style="dim")
        return line

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_pick(self, step: int) -> None:
        if self.targets:
            self.week = max(0, min(len(self.targets) - 1, self.week + step))

    def action_step(self, delta: int) -> None:
        if self.targets:
            self.post_message(self.Step(self.week, delta))
