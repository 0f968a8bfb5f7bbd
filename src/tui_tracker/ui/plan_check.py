"""The plan check before a block is saved: what a coach would point out, and why.

Advice, never a refusal (domain/plan_check.py): Enter saves the block as planned,
Esc (or b) goes back to change it.  Each note shows the evidence it rests on.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from ..domain.plan_check import PlanNote
from .dialog import Dialog


def notes_text(notes: tuple[PlanNote, ...]) -> Content:
    parts: list[str | tuple[str, str]] = []
    for n in notes:
        parts += ["• ", (n.message, "bold"), "\n  ", (n.reason, "dim"), "\n"]
    return Content.assemble(*parts)


class PlanCheck(Dialog[bool]):
    """The notes on a plan: Enter/y saves it anyway, Esc/b/n goes back to the plan."""

    BINDINGS = [
        Binding("enter,y", "answer_with(True)", "Save"),
        Binding("escape,b,n", "answer_with(False)", "Back"),
        Binding("down", "scroll(1)", "Scroll", show=False),
        Binding("up", "scroll(-1)", "Scroll up", show=False),
    ]
    DEFAULT_CSS = """
    PlanCheck #plan-check-notes { height: auto; max-height: 14; }
    """

    def __init__(
        self, notes: tuple[PlanNote, ...], on_answer: Callable[[bool | None], None] | None = None
    ) -> None:
        super().__init__(on_answer)
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="plan-check"):
            count = len(self.notes)
            yield Label(
                f"Plan check: {count} note{'s' if count != 1 else ''} before you start",
                classes="question",
            )
            with VerticalScroll(id="plan-check-notes"):
                yield Static(notes_text(self.notes))
            yield Label(
                "Enter/y: save as planned    Esc/b: back to the plan    ↑/↓: scroll", classes="hint"
            )

    def action_answer_with(self, save: bool) -> None:
        self.answer(save)

    def action_scroll(self, step: int) -> None:
        scroll = self.query_one("#plan-check-notes", VerticalScroll)
        scroll.scroll_relative(y=step, animate=False)
