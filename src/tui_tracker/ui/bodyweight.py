"""`b` on Today: log today's bodyweight in a small dialog.

One field in the lifter's unit, pre-filled with the latest bodyweight; Enter saves it
for today (a second one the same day replaces the first), Esc or q cancels.  A
bodyweight exercise's e1RM uses the latest before its set (domain/bodyweight.py).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from ..domain.bodyweight import MAX_BODYWEIGHT_KG, MIN_BODYWEIGHT_KG
from ..domain.inputs import InputError, parse_weight
from ..domain.models import Unit, from_kg
from .dialog import Dialog
from .widgets.fields import NumberField
from .widgets.set_entry import number_text


class BodyweightDialog(Dialog[float]):
    """Today's bodyweight; answers the kg typed (None: cancelled)."""

    BINDINGS = [Binding("escape,q", "cancel", "Cancel")]
    DEFAULT_CSS = """
    BodyweightDialog #bw-field {
        width: 12;
        margin: 1 0;
    }
    """

    def __init__(
        self,
        unit: Unit,
        latest_kg: float | None,
        latest_text: str,
        on_answer: Callable[[float | None], None] | None = None,
    ) -> None:
        super().__init__(on_answer)
        self.unit = unit
        self.latest_kg = latest_kg
        self.latest_text = latest_text

    def compose(self) -> ComposeResult:
        value = "" if self.latest_kg is None else number_text(from_kg(self.latest_kg, self.unit))
        with Vertical(classes="dialog bodyweight"):
            yield Label(Content(f"Your bodyweight today, in {self.unit}"), classes="question")
            yield Label(Content(self.latest_text), classes="hint")
            yield NumberField(
                accepts="0-9.,", value=value, id="bw-field", on_enter=self._entered, max_length=7
            )
            yield Label("Enter: save    Esc/q: cancel", id="bw-error", classes="hint")

    def on_mount(self) -> None:
        field = self.query_one(NumberField)
        self.set_focus(field)
        field.entered()

    def _entered(self) -> None:
        text = self.query_one(NumberField).value
        try:
            kg, _ = parse_weight(text, self.unit)
            if not MIN_BODYWEIGHT_KG <= kg <= MAX_BODYWEIGHT_KG:
                raise InputError(
                    f"a bodyweight is {MIN_BODYWEIGHT_KG:g} to {MAX_BODYWEIGHT_KG:g} kg"
                )
        except InputError as e:
            error = self.query_one("#bw-error", Label)
            error.update(Content.styled(f"Not saved: {e}", "bold $error"))
            self.query_one(NumberField).entered()
            return
        self.answer(kg)

    def action_cancel(self) -> None:
        self.answer(None)


def ask_bodyweight(screen) -> None:
    """Open the dialog on the Today screen `screen` and save what it answers for today."""
    from ..domain.bodyweight import latest_on
    from ..domain.models import format_weight
    from ..store import StoreError
    from .trouble import refused

    unit: Unit = screen.work.unit
    try:
        latest = latest_on(screen.store.bodyweights(), screen.today)
    except StoreError as err:
        screen.status.show(f"Bodyweight not readable: {err}", "error")
        return
    said = (
        f"Last: {format_weight(latest.kg, unit)} on {latest.day:%a %d %b}."
        if latest
        else "None logged yet: bodyweight exercises need it for their e1RM."
    )

    def answered(kg: float | None) -> None:
        if kg is None:
            return
        try:
            screen.store.log_bodyweight(screen.today, kg)
        except (StoreError, ValueError) as err:
            said = refused(screen, err, "Bodyweight NOT saved", format_weight(kg, unit))
            screen.status.show(said, "error")
            return
        screen.status.show(f"Bodyweight {format_weight(kg, unit)} saved for today.", "saved")

    screen.app.push_screen(BodyweightDialog(unit, latest.kg if latest else None, said, answered))
