"""Small dialogs: pick an exercise, create one, confirm, edit a set.

Each cancels with Escape and, where no text is being typed, with a letter key too
(a lone Escape waits on slow SSH links).  Each answers through a callback run at
once (`Dialog.answer`), and its text fields hand keys typed after Enter on to the
screen behind, in order (ui/keys.py).  Names are shown as plain text.
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, RadioSet, SelectionList
from textual.widgets.selection_list import Selection

from ..domain.catalogue import Catalogue, new_exercise
from ..domain.measures import extent_text_of
from ..domain.models import Exercise, LoggedSet
from ..domain.muscles import MUSCLE_LABELS, MUSCLES
from ..domain.sessions import Prefill
from ..entries import Entry
from .dialog import Dialog
from .widgets.exercise_search import ExerciseSearch
from .widgets.fields import TextField
from .widgets.set_entry import PanelMode, SetEntry, Submission
from .widgets.ticks import TickList, TickRadio


class ExercisePicker(Dialog[str]):
    """The exercise search (widgets/exercise_search.py) as a dialog, for the planner.

    The Today screen shows the same search as an overlay on itself instead: a screen of
    its own would redraw the whole terminal on the way in and out."""

    def __init__(
        self,
        catalogue: Catalogue,
        on_create: Callable[[Exercise], str | None] | None = None,
        on_pick: Callable[[str | None], Awaitable[None] | None] | None = None,
    ) -> None:
        """`on_create` saves a new exercise of the lifter's (None = saved, else the error);
        without it the picker only picks.  `on_pick` gets the chosen id (None: cancelled)."""
        super().__init__()
        self.catalogue = catalogue
        self.on_create = on_create
        self.on_pick = on_pick

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield ExerciseSearch(
                self.catalogue, self._done, self._create if self.on_create is not None else None
            )

    def on_mount(self) -> None:
        search = self.query_one(ExerciseSearch)
        search.start()
        self.set_focus(search.field)

    async def _create(self, name: str) -> None:
        async def created(ex: Exercise | None) -> None:
            if ex is None or self.on_create is None:
                return
            error = self.on_create(ex)
            if error:
                self.notify(Content(f"NOT saved: {error}").markup, severity="error")
                return
            await self._done(ex.id)

        self.app.push_screen(NewExercise(self.catalogue, name, created))

    async def _done(self, exercise_id: str | None) -> None:
        self.dismiss(exercise_id)
        if self.on_pick is not None:
            result = self.on_pick(exercise_id)
            if result is not None:
                await result


class NewExercise(Dialog[Exercise]):
    """A lifter's own exercise: name, compound or isolation, primary muscles.

    Weekly volume counts sets by muscle, so the muscles are asked for here rather
    than left for later.  Secondary muscles and rest: `tui-tracker exercise edit`.
    """

    DEFAULT_CSS = """
    NewExercise #new-exercise { max-height: 24; }
    NewExercise #new-kind { height: auto; border: none; layout: horizontal; }
    NewExercise #new-muscles { height: auto; max-height: 13; border: round $primary 50%; }
    """
    # (13: the list scrolls, so at 80x24 the whole dialog and its two-line refusal fit)

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        name: str = "",
        on_answer: Callable[[Exercise | None], Awaitable[None] | None] | None = None,
    ) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.name_text = name
        self._answered = on_answer

    def compose(self) -> ComposeResult:
        with Vertical(id="new-exercise", classes="dialog"):
            yield Label(
                Content.from_markup(
                    "New exercise: name, kind, primary muscles. [b]Ctrl+S[/b] saves, Esc cancels"
                )
            )
            yield TextField(
                self.name_text,
                id="new-name",
                placeholder="e.g. Cable Y Raise",
                on_enter=self.focus_next,
            )
            with RadioSet(id="new-kind"):
                yield TickRadio("Compound (several joints)", value=True)
                yield TickRadio("Isolation (one joint)")
            yield TickList[str](
                *(Selection(MUSCLE_LABELS[m], m) for m in MUSCLES), id="new-muscles"
            )
            yield Label(
                "Space ticks a muscle (the ones it trains most); Tab moves on.",
                id="new-error",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one("#new-muscles", SelectionList).border_title = "Primary muscles"
        self.set_focus(self.query_one("#new-name", Input))

    async def action_save(self) -> None:
        name = self.query_one("#new-name", Input).value
        kind = (
            "isolation" if self.query_one("#new-kind", RadioSet).pressed_index == 1 else "compound"
        )
        muscles = list(self.query_one("#new-muscles", SelectionList).selected)
        try:
            ex = new_exercise(self.catalogue, name, muscles, kind=kind)
        except ValueError as e:
            error = self.query_one("#new-error", Label)
            error.update(Content.styled(str(e), "bold"))
            error.set_classes("error")
            return
        await self._finish(ex)

    async def _finish(self, ex: Exercise | None) -> None:
        self.dismiss(ex)
        if self._answered is not None:
            result = self._answered(ex)
            if result is not None:
                await result

    async def action_cancel(self) -> None:
        await self._finish(None)


class Confirm(Dialog[bool]):
    """Yes/no: Enter or y confirms; Escape, n or q keeps things as they are."""

    BINDINGS = [
        Binding("enter,y", "answer_with(True)", "Yes"),
        Binding("escape,n,q", "answer_with(False)", "No"),
    ]

    def __init__(
        self,
        question: str | Content,
        detail: str | Content = "",
        on_answer: Callable[[bool | None], None] | None = None,
    ) -> None:
        """`question` and `detail` are plain text (a str is never read as markup)."""
        super().__init__(on_answer)
        self.question = Content(question) if isinstance(question, str) else question
        self.detail = Content(detail) if isinstance(detail, str) else detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(self.question, classes="question")
            if self.detail:
                yield Label(self.detail)
            yield Label("Enter/y: yes    Esc/n: no", classes="hint")

    def action_answer_with(self, yes: bool) -> None:
        self.answer(yes)


class EditSet(Dialog[Entry]):
    """Change a logged set; Enter saves, Escape or q (outside the note) cancels."""

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel"),
        Binding("w", "warmup", "Warm-up"),
        Binding("t", "unit", "kg/lb"),
    ]

    def __init__(
        self,
        logged: LoggedSet,
        title: str,
        on_answer: Callable[[Entry | None], None] | None = None,
        mode: PanelMode | None = None,
    ) -> None:
        """`mode`: how the panel takes the exercise's sets (added load, seconds, metres)."""
        super().__init__(on_answer)
        self.logged = logged
        self.title_text = title
        self.mode = mode

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog edit"):
            yield Label(Content(self.title_text))
            yield SetEntry(self._submitted, id="edit-entry")
            yield Label("Enter: save    Esc/q: cancel    w: warm-up    t: kg/lb", classes="hint")

    def on_mount(self) -> None:
        s = self.logged
        entry = self.query_one(SetEntry)
        if self.mode is not None:  # its own seconds or metres, not the last set's
            entry.configure(replace(self.mode, extent=lambda: extent_text_of(s)))
        entry.load(Prefill(s.weight_kg, s.unit, s.reps, s.rir, s.is_warmup), note=s.note)
        self.set_focus(entry)

    def _submitted(self, submission: Submission) -> Prefill | None:
        s = self.logged
        if s.is_timed:  # the seconds or metres typed replace the set's own
            kind = "warmup" if submission.warmup else ("working" if s.is_warmup else s.kind)
            self.answer(
                Entry(
                    submission.values,
                    submission.warmup,
                    submission.note,
                    kind,
                    submission.duration_s,
                    submission.distance_m,
                    s.superset,
                )
            )
            return None
        self.answer(Entry(submission.values, submission.warmup, submission.note))
        return None

    def action_warmup(self) -> None:
        self.query_one(SetEntry).toggle_warmup()

    def action_unit(self) -> None:
        self.query_one(SetEntry).toggle_unit()

    def action_cancel(self) -> None:
        self.answer(None)
