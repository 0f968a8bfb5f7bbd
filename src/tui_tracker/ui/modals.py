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
from typing import Callable

from textual.widgets import Input, Label, OptionList, RadioButton, RadioSet, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from ..domain.catalogue import Catalogue, new_exercise
from ..domain.models import Exercise, LoggedSet
from ..domain.muscles import MUSCLE_LABELS, MUSCLES
from ..domain.sessions import Prefill
from .widgets.set_entry import SetEntry


class ExercisePicker(ModalScreen[str | None]):
    """Fuzzy search over the catalogue and the lifter's own exercises."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False, priority=True),
        Binding("up", "move(-1)", "Previous", show=False, priority=True),
    ]

    CREATE = "+create"

    def __init__(self, catalogue: Catalogue,
                 on_create: Callable[[Exercise], str | None] | None = None) -> None:
        """`on_create` saves a new exercise of the lifter's (None = saved, else the error);
        without it the picker only picks."""
        super().__init__()
        self.catalogue = catalogue
        self.on_create = on_create
        self.search_text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield Label("Add an exercise: type to search, Enter to pick, Esc to cancel")
            yield Input(id="search", placeholder="e.g. squat, lat pull, curl", compact=True)
            yield OptionList(id="results")
            yield Label("Not listed? Type its name and pick [b]+ New exercise[/b] at the end."
                        if self.on_create is not None else
                        "Not listed? In a shell: tui-tracker exercise add NAME --primary ...",
                        classes="hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#search", Input).focus()

    def _fill(self, query: str) -> None:
        self.search_text = query.strip()
        results = self.query_one("#results", OptionList)
        results.clear_options()
        found = self.catalogue.search(query, limit=None)
        results.add_options([Option(self._label(e), id=e.id) for e in found])
        if self.on_create is not None and self.search_text and self.catalogue.find(self.search_text) is None:
            results.add_option(Option(f"+ New exercise: {self.search_text}  [dim]choose its muscles[/]",
                                      id=self.CREATE))
        if results.option_count:
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
        self._pick(results.get_option_at_index(results.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, exercise_id: str | None) -> None:
        if exercise_id != self.CREATE:
            self.dismiss(exercise_id)
            return

        def created(ex: Exercise | None) -> None:
            if ex is None or self.on_create is None:
                return
            error = self.on_create(ex)
            if error:
                self.notify(f"NOT saved: {error}", severity="error")
                return
            self.dismiss(ex.id)
        self.app.push_screen(NewExercise(self.catalogue, _titled(self.search_text)), created)

    def action_move(self, step: int) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _titled(name: str) -> str:
    """'cable y raise' -> 'Cable Y Raise': searches are typed in lower case, names are not."""
    return name.title() if name.islower() else name


class NewExercise(ModalScreen[Exercise | None]):
    """A lifter's own exercise: name, compound or isolation, primary muscles.

    Weekly volume counts sets by muscle, so the muscles are asked for here rather
    than left for later.  Secondary muscles and rest: `tui-tracker exercise edit`.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, catalogue: Catalogue, name: str = "") -> None:
        super().__init__()
        self.catalogue = catalogue
        self.name_text = name

    def compose(self) -> ComposeResult:
        with Vertical(id="new-exercise", classes="dialog"):
            yield Label("New exercise: name, kind, primary muscles. [b]Ctrl+S[/b] saves, Esc cancels")
            yield Input(self.name_text, id="new-name", placeholder="e.g. Cable Y Raise", compact=True)
            with RadioSet(id="new-kind"):
                yield RadioButton("Compound (several joints)", value=True)
                yield RadioButton("Isolation (one joint)")
            yield SelectionList[str](*(Selection(MUSCLE_LABELS[m], m) for m in MUSCLES),
                                     id="new-muscles")
            yield Label("Space ticks a muscle (the ones it trains most); Tab moves on.",
                        id="new-error", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#new-muscles", SelectionList).border_title = "Primary muscles"
        self.query_one("#new-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        name = self.query_one("#new-name", Input).value
        kind = "isolation" if self.query_one("#new-kind", RadioSet).pressed_index == 1 else "compound"
        muscles = list(self.query_one("#new-muscles", SelectionList).selected)
        try:
            ex = new_exercise(self.catalogue, name, muscles, kind=kind)
        except ValueError as e:
            error = self.query_one("#new-error", Label)
            error.update(f"[b]{e}[/b]")
            error.set_classes("error")
            return
        self.dismiss(ex)

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
