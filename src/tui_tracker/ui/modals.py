"""Small dialogs: pick an exercise, confirm, edit a set.

Each cancels with Escape and, where no text is being typed, with a letter key
too (a lone Escape waits on slow SSH links).
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ..domain.catalogue import Catalogue
from ..domain.models import LoggedSet
from ..domain.sessions import Prefill
from .widgets.set_entry import SetEntry


class ExercisePicker(ModalScreen[str | None]):
    """Fuzzy search over the catalogue and the lifter's own exercises."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False, priority=True),
        Binding("up", "move(-1)", "Previous", show=False, priority=True),
    ]

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield Label("Add an exercise: type to search, Enter to pick, Esc to cancel")
            yield Input(id="search", placeholder="e.g. squat, lat pull, curl", compact=True)
            yield OptionList(id="results")
            yield Label("Not listed? In a shell: tui-tracker exercise add NAME --primary ...",
                        classes="hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#search", Input).focus()

    def _fill(self, query: str) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        found = self.catalogue.search(query, limit=None)
        results.add_options([Option(self._label(e), id=e.id) for e in found])
        if found:
            results.highlighted = 0

    @staticmethod
    def _label(e) -> str:
        tag = "yours" if e.custom else e.kind
        return f"{e.name}  [dim]{', '.join(e.primary)} · {tag}[/]"

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one("#results", OptionList)
        if results.highlighted is None:
            self.notify("No exercise matches: try fewer letters.", severity="warning")
            return
        self.dismiss(results.get_option_at_index(results.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """Yes/no: Enter or y confirms; Escape, n or q keeps things as they are."""

    BINDINGS = [
        Binding("enter,y", "answer(True)", "Yes"),
        Binding("escape,n,q", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(self.question, classes="question")
            if self.detail:
                yield Label(self.detail)
            yield Label("Enter/y: yes    Esc/n: no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class EditSet(ModalScreen[LoggedSet | None]):
    """Change a logged set; Enter saves, Escape or q (outside the note) cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("q", "cancel", "Cancel", priority=True),
        Binding("w", "warmup", "Warm-up", priority=True),
    ]

    def __init__(self, logged: LoggedSet, title: str) -> None:
        super().__init__()
        self.logged = logged
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog edit"):
            yield Label(self.title_text)
            yield SetEntry(id="edit-entry")
            yield Label("Enter: save    Esc/q: cancel    w: warm-up", classes="hint")

    def on_mount(self) -> None:
        s = self.logged
        entry = self.query_one(SetEntry)
        entry.load(Prefill(s.weight_kg, s.unit, s.reps, s.rir, s.is_warmup))
        entry.query_one("#note", Input).value = s.note
        entry.focus_first()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cancel", "warmup") and isinstance(self.focused, Input) and self.focused.id == "note":
            return False  # typing a note: letters are text
        return True

    def on_set_entry_submitted(self, event: SetEntry.Submitted) -> None:
        e = event.entry
        self.dismiss(replace(self.logged, weight_kg=e.weight_kg, unit=e.unit, reps=e.reps, rir=e.rir,
                             kind="warmup" if event.warmup else "working", note=event.note))

    def action_warmup(self) -> None:
        self.query_one(SetEntry).toggle_warmup()

    def action_cancel(self) -> None:
        self.dismiss(None)
