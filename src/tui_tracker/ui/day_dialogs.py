"""The dialogs the day's keys open on the Today screen: swap (c) and skip (k).

Apart from ui/today_day.py because only a swap or a skip needs them: they bring the
exercise search and a text field, which the first frame does not wait for.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from ..domain.catalogue import Catalogue
from ..domain.models import Exercise
from .dialog import Dialog
from .widgets.exercise_search import ExerciseSearch
from .widgets.fields import TextField


class SwapSearch(ExerciseSearch):
    """The exercise search for a swap: the best name matches first once text is typed,
    the same primary muscles first among equal ones and before (`rank`, the logbook's)."""

    def __init__(
        self,
        catalogue: Catalogue,
        planned: Exercise,
        rank: Callable[[str], list[Exercise]],
        on_pick: Callable[[str | None], None],
    ) -> None:
        super().__init__(catalogue, on_pick)
        self.rank = rank
        self.prompt = Content.assemble(
            "Instead of ",
            (planned.name, "bold"),
            " today (the plan stays)\n",
            "Same muscles first until you type a name. Enter picks, Esc cancels",
        )

    def found(self, query: str) -> list[Exercise]:
        return self.rank(query)


class SwapPicker(Dialog[str]):
    """Pick the exercise to do instead of a planned one, for today."""

    def __init__(
        self,
        catalogue: Catalogue,
        planned: Exercise,
        rank: Callable[[str], list[Exercise]],
        on_answer: Callable[[str | None], None],
    ) -> None:
        super().__init__(on_answer)
        self.search = SwapSearch(catalogue, planned, rank, self._picked)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield self.search

    def on_mount(self) -> None:
        self.search.start()
        self.set_focus(self.search.field)

    def _picked(self, exercise_id: str | None) -> None:
        self.answer(exercise_id)


class SkipReason(Dialog[str]):
    """Skip an exercise today: an optional reason, Enter skips, Esc keeps it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, name: str, on_answer: Callable[[str | None], None]) -> None:
        super().__init__(on_answer)
        self.exercise_name = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(
                Content.assemble("Skip ", (self.exercise_name, "bold"), " today?"),
                classes="question",
            )
            yield TextField(
                id="reason",
                placeholder="reason (optional), e.g. rack taken",
                max_length=60,
                on_enter=self._enter,
            )
            yield Label(
                "Enter: skip    Esc: keep it    (k again takes a skip back)", classes="hint"
            )

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#reason", TextField))

    def _enter(self) -> None:
        self.answer(self.query_one("#reason", TextField).value.strip())

    def action_cancel(self) -> None:
        self.answer(None)
