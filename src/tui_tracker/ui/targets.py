"""Edit a muscle's weekly hard-set band (the dashboard's Volume tab, `t` or Enter).

The rules (what a band may be, each muscle's default and why) are domain/targets.py's;
the dialog reads what the lifter types and gives back the band, and the dashboard saves it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label

from ..domain.muscles import MUSCLE_LABELS
from ..domain.targets import DEFAULT_TARGETS, Band, default_reason, parse_band
from .dialog import Dialog
from .widgets.fields import TextField


class BandEditor(Dialog[Band]):
    """`LOW-HIGH` sets a week for one muscle; empty (or `default`) is its default."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    #band-editor Label { width: 1fr; }
    """

    def __init__(
        self, muscle: str, band: Band, on_answer: Callable[[Band | None], None] | None = None
    ) -> None:
        super().__init__(on_answer)
        self.muscle = muscle
        self.band = band

    def compose(self) -> ComposeResult:
        label = MUSCLE_LABELS[self.muscle]
        low, high = DEFAULT_TARGETS[self.muscle]
        with Vertical(classes="dialog", id="band-editor"):
            yield Label(f"{label}: hard sets a week (LOW-HIGH)", classes="question")
            yield Label(
                Content(f"Default {low}-{high}. Why: {default_reason(self.muscle)}."),
                classes="hint",
            )
            yield TextField(f"{self.band[0]}-{self.band[1]}", id="band", on_enter=self._enter)
            yield Label("", id="band-error", classes="error")
            yield Label("Enter: save    empty: the default    Esc: cancel", classes="hint")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#band", Input))

    def _enter(self) -> None:
        text = self.query_one("#band", Input).value
        if not text.strip() or text.strip().casefold() == "default":
            self.answer(DEFAULT_TARGETS[self.muscle])
            return
        try:
            band = parse_band(self.muscle, text)
        except ValueError as e:
            self.query_one("#band-error", Label).update(Content(f"Not saved: {e}."))
            return
        self.answer(band)

    def action_cancel(self) -> None:
        self.answer(None)
