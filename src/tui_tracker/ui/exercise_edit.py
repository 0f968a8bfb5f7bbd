"""The "Edit exercise" dialog (E on Today): name, kind, muscles, high skill and rest;
merge into another exercise; delete one with no sets.

The rules are the domain's (domain/exercise_edits.py: the catalogue's exercises keep
their names and cannot be merged away or deleted) and the files the store's
(store/exercise_ops.py); this module lays them out and says why a value is refused.
Every change is on disk before the dialog closes.  Names are shown as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, RadioSet, SelectionList
from textual.widgets.selection_list import Selection

from ..domain.exercise_edits import is_own, renamed
from ..domain.models import Exercise
from ..domain.muscles import MUSCLE_LABELS, MUSCLES
from ..domain.setting_values import BadValue, seconds_text
from ..store import StoreError
from .dialog import Dialog
from .trouble import refused
from .widgets.ticks import TickBox, TickList, TickRadio
from .modals import Confirm, ExercisePicker
from .widgets.fields import TextField

if TYPE_CHECKING:
    from ..domain.catalogue import Catalogue
    from ..store import Store
    from .today import TodayScreen


@dataclass(frozen=True)
class Edited:
    """What the dialog did: a message for the status line, the exercise to show now,
    and the one merged away (its sets are now `exercise_id`'s)."""

    message: str
    exercise_id: str
    merged: str | None = None
    deleted: bool = False


class MergePicker(ExercisePicker):
    """The exercise search, titled with what picking does."""

    def __init__(self, catalogue: Catalogue, source: Exercise, on_pick) -> None:
        super().__init__(catalogue, on_pick=on_pick)
        self.source = source

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#picker").border_title = Content(f"Merge {self.source.name} into…")
        labels = self.query("ExerciseSearch > Label")
        labels.first(Label).update(
            "Its sets move to the exercise you pick: type to search, Enter to pick, Esc to cancel"
        )
        labels.last(Label).display = False


class EditExercise(Dialog[Edited]):
    """One exercise's settings.  Ctrl+S saves, Ctrl+G merges it into another, Ctrl+R
    deletes it (no sets only), Esc cancels."""

    DEFAULT_CSS = """
    EditExercise #edit-exercise { max-height: 23; }
    EditExercise .row { height: 1; }
    EditExercise .row > Label { width: 8; }
    EditExercise #ex-name { width: 1fr; }
    EditExercise #ex-kind { height: 1; border: none; layout: horizontal; padding: 0;
                            width: auto; }
    EditExercise #ex-kind > RadioButton { padding: 0 1 0 0; width: auto; }
    EditExercise #ex-skill { height: 1; border: none; padding: 0; width: auto;
                             margin: 0 2 0 1; }
    EditExercise #ex-rest { width: 10; }
    EditExercise .muscles { height: 11; }
    EditExercise .muscles > SelectionList { width: 1fr; height: 11;
                                            border: round $primary 50%; }
    EditExercise .muscles > SelectionList:focus { border: round $primary; }
    EditExercise #ex-message { height: auto; max-height: 3; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+g", "merge", "Merge", priority=True),
        Binding("ctrl+r", "delete", "Delete", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        exercise: Exercise,
        on_answer: Callable[[Edited | None], None] | None = None,
    ) -> None:
        super().__init__(on_answer)
        self.store = store
        self.catalogue = catalogue
        self.exercise = exercise
        self.own = is_own(exercise.id)

    def compose(self) -> ComposeResult:
        ex = self.exercise
        with Vertical(id="edit-exercise", classes="dialog"):
            yield Label(
                Content.assemble(
                    ("Edit ", "bold"),
                    (ex.name, "bold"),
                    "  (yours)" if self.own else "  (catalogue)",
                )
            )
            with Horizontal(classes="row"):
                yield Label("Name")
                yield TextField(ex.name, id="ex-name", disabled=not self.own)
            with Horizontal(classes="row"):
                yield Label("Kind")
                with RadioSet(id="ex-kind"):
                    yield TickRadio("Compound", value=ex.kind == "compound")
                    yield TickRadio("Isolation", value=ex.kind == "isolation")
                yield TickBox("High skill", ex.high_skill, id="ex-skill")
                yield Label("Rest")
                yield TextField(str(ex.rest_seconds), id="ex-rest", placeholder="150 or 2:30")
            with Horizontal(classes="muscles"):
                yield TickList[str](
                    *(Selection(MUSCLE_LABELS[m], m, m in ex.primary) for m in MUSCLES),
                    id="ex-primary",
                )
                yield TickList[str](
                    *(Selection(MUSCLE_LABELS[m], m, m in ex.secondary) for m in MUSCLES),
                    id="ex-secondary",
                )
            yield Label(self._hint(), id="ex-message", classes="hint")
            yield Label(
                Content.from_markup(
                    "[b]Ctrl+S[/b] save  [b]Ctrl+G[/b] merge into…  [b]Ctrl+R[/b] delete  "
                    "[b]Esc[/b] cancel  [b]Space[/b] tick"
                ),
                classes="hint",
            )

    def _hint(self) -> Content:
        if self.own:
            return Content("Primary muscles count 1 set each, secondary 0.5.")
        return Content(
            "A catalogue exercise keeps its name (imports and plans find it by "
            "it); its muscles, kind and rest are yours to change."
        )

    def on_mount(self) -> None:
        self.query_one("#ex-primary").border_title = "Primary muscles"
        self.query_one("#ex-secondary").border_title = "Secondary (half a set)"
        self.set_focus(self.query_one("#ex-name" if self.own else "#ex-kind"))

    # --- answers -----------------------------------------------------------------------

    def _refuse(self, message: str) -> None:
        label = self.query_one("#ex-message", Label)
        label.update(Content.styled(message, "bold"))
        label.set_classes("error")

    def edited(self) -> Exercise:
        """The exercise as the fields say; ValueError says what is refused and why."""
        old = self.exercise
        ex = old
        name = self.query_one("#ex-name", Input).value
        if self.own and name.strip() != old.name:
            ex = renamed(self.catalogue, old, name)
        try:
            rest = seconds_text(self.query_one("#ex-rest", Input).value)
        except BadValue as e:
            raise ValueError(f"rest: {e}") from None
        if not 0 <= rest <= 1800:
            raise ValueError(f"rest: {rest} s is not 0 to 1800 seconds (30 minutes)")
        primary = tuple(
            m for m in MUSCLES if m in self.query_one("#ex-primary", SelectionList).selected
        )
        secondary = tuple(
            m for m in MUSCLES if m in self.query_one("#ex-secondary", SelectionList).selected
        )
        both = [MUSCLE_LABELS[m] for m in primary if m in secondary]
        if both:
            raise ValueError(
                f"{both[0]} is ticked as both primary and secondary: a set counts "
                f"for a muscle once, so untick one"
            )
        if not primary and old.primary:
            raise ValueError(
                "tick at least one primary muscle: weekly volume counts the "
                "exercise's sets toward them"
            )
        kind = (
            "isolation" if self.query_one("#ex-kind", RadioSet).pressed_index == 1 else "compound"
        )
        return replace(
            ex,
            kind=kind,
            high_skill=self.query_one("#ex-skill", Checkbox).value,
            rest_seconds=rest,
            primary=primary,
            secondary=secondary,
            custom=True,
        )

    def action_save(self) -> None:
        try:
            ex = self.edited()
        except ValueError as e:
            self._refuse(str(e))
            return
        if replace(ex, custom=self.exercise.custom) == self.exercise:
            self.answer(None)
            return
        try:
            self.store.save_exercise(ex)
        except StoreError as e:
            self._refuse(refused(self, e, "NOT saved", ex.name))
            return
        self.answer(Edited(f"Saved {ex.name}: {ex.kind}, rest {ex.rest_seconds} s.", ex.id))

    def action_merge(self) -> None:
        from ..domain.exercise_edits import CATALOGUE_WHY, merge_problem

        source = self.exercise
        if not self.own:
            self._refuse(f"{source.name} is in the catalogue: {CATALOGUE_WHY}")
            return

        def picked(target_id: str | None) -> None:
            if target_id is None:
                return
            target = self.catalogue.get(target_id)
            problem = merge_problem(source, target) if target is not None else "unknown exercise"
            if problem:
                self._refuse(problem)
                return
            self.app.push_screen(
                Confirm(
                    f"Merge {source.name} into {target.name}?",
                    f"Every set of {source.name} moves to {target.name}, in every session; "
                    f"plans that name it name {target.name}; then {source.name} is gone.",
                    lambda yes: self._merge(target) if yes else None,
                )
            )

        self.app.push_screen(MergePicker(self.catalogue, source, picked))

    def _merge(self, target: Exercise) -> None:
        from ..store.exercise_ops import merge_exercise

        try:
            done = merge_exercise(self.store, self.exercise.id, target.id)
        except (StoreError, ValueError) as e:
            self._refuse(refused(self, e, "NOT merged"))
            return
        self.answer(
            Edited(
                f"Merged {self.exercise.name} into {target.name}: {done.sets} sets moved.",
                target.id,
                merged=self.exercise.id,
            )
        )

    def action_delete(self) -> None:
        from ..domain.exercise_edits import delete_problem
        from ..store.exercise_ops import set_count

        try:
            problem = delete_problem(self.exercise, set_count(self.store, self.exercise.id))
        except StoreError as e:
            problem = f"NOT deleted: {e}"
        if problem:
            self._refuse(problem)
            return
        name = self.exercise.name
        self.app.push_screen(
            Confirm(
                f"Delete {name}?",
                "It has no sets; it leaves the list and the search.",
                lambda yes: self._delete() if yes else None,
            )
        )

    def _delete(self) -> None:
        from ..store.exercise_ops import delete_exercise

        try:
            delete_exercise(self.store, self.exercise.id)
        except (StoreError, ValueError) as e:
            self._refuse(refused(self, e, "NOT deleted"))
            return
        self.answer(Edited(f"Deleted {self.exercise.name}.", self.exercise.id, deleted=True))

    def action_cancel(self) -> None:
        self.answer(None)


def edit_from_today(screen: TodayScreen) -> None:
    """E on Today: edit the highlighted exercise; then the day shows what changed."""
    exercise_id = screen.current
    if exercise_id is None:
        screen.status.show("No exercise highlighted: pick one in the list first (a adds one).")
        return
    ex = screen.book.catalogue.get(exercise_id)
    if ex is None:
        screen.status.show("That exercise is no longer in the catalogue.", "error")
        return

    def answered(edited: Edited | None) -> None:
        if edited is None:
            return
        book = screen.book
        try:
            book.set_catalogue(screen.store.catalogue())
            if edited.merged is not None or edited.deleted:
                book.reload()  # the day's sets moved to the other exercise
        except StoreError as err:  # saved; only reading it back failed
            screen.status.show(f"{edited.message} Not shown yet: {err}", "error")
            return
        if edited.merged is not None or edited.deleted:
            gone = edited.merged or edited.exercise_id
            keep = None if edited.deleted else edited.exercise_id
            screen.order = list(
                dict.fromkeys(
                    keep if e == gone else e for e in screen.order if keep is not None or e != gone
                )
            )
            screen.work.current = None
            show = keep if keep is not None else next(iter(screen.order), None)
            if show is not None:
                screen.call_next(screen.work.open, show, False)
            elif screen.work.ready:
                screen.work.show_sets()  # nothing left to show
        screen.day_changed()
        if edited.merged is None and not edited.deleted:
            screen.work.when_ready(screen.work.fill)
        screen.status.show(edited.message, "saved")

    screen.app.push_screen(EditExercise(screen.store, screen.book.catalogue, ex, answered))
