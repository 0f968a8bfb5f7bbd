"""The set-entry panel: weight, reps, RIR, warm-up, note.

Fields are plain text inputs checked by the domain's parsers (Textual's numeric
input silently drops a decimal comma).  Enter in any field saves; a bad value is
shown in place with its reason and nothing is saved.
"""

from __future__ import annotations

import re

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.reactive import reactive
from textual.widgets import Input, Label, Static

from ...domain.inputs import InputError, SetInput, parse_reps, parse_rir, parse_weight
from ...domain.models import Unit, from_kg
from ...domain.sessions import Prefill


class CompactInput(Input):
    """An Input drawn compact (no border) from the start.

    Input(compact=True) adds its class after construction, which restyles the
    input on the spot though it is not mounted yet (~2 ms each at start-up).
    With the class given at construction, there is nothing to change.
    """

    DEFAULT_CLASSES = "-textual-compact"
    compact = reactive(True, toggle_class="-textual-compact")

    def __init__(self, **kwargs) -> None:
        # Input.__init__ assigns `compact` (False unless given), which would drop the class.
        super().__init__(compact=True, **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        """Keys typed ahead go to the field they were typed for.

        Over a laggy SSH link "80<Tab>8<Tab>2<Enter>" can arrive in one packet: Textual
        queues every key on the field focused when it arrived, and a Tab handled by
        the screen moves the focus only later, so "8082" landed in the weight field.
        Here Tab moves the focus at once, and a key that reaches a field the focus
        has left is passed on to the field that has it, in the order typed.
        """
        focused = self.screen.focused
        if focused is not self and focused is not None:
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        if event.key in ("tab", "shift+tab"):
            event.stop()
            event.prevent_default()
            self.screen.focus_next() if event.key == "tab" else self.screen.focus_previous()
            return
        await super()._on_key(event)


class NumberField(CompactInput):
    """A text input for numbers that leaves letter keys to the screen's bindings.

    Textual drops every printable-key binding while an Input has focus; this
    field only claims the characters it accepts, so `w`, `e`, `d`... still work.
    """

    def __init__(self, *, accepts: str, **kwargs) -> None:
        super().__init__(restrict=f"[{accepts}]*", **kwargs)
        self._accepts = re.compile(f"[{accepts}]")

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and self._accepts.fullmatch(character) is not None


def _number_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class SetEntry(Widget):
    """Type a set and press Enter."""

    class Submitted(Message):
        def __init__(self, panel: "SetEntry", entry: SetInput, warmup: bool, note: str) -> None:
            super().__init__()
            self.panel = panel
            self.entry = entry
            self.warmup = warmup
            self.note = note

        @property
        def control(self) -> "SetEntry":
            return self.panel

    unit: Unit = "kg"
    #: Warm-up sets never count toward volume and start no rest timer; `w` flips it.
    warmup = reactive(False, init=False)  # compose draws the initial label

    def compose(self) -> ComposeResult:
        with Horizontal(id="entry-fields"):
            yield Label("Weight", classes="field-label")
            yield NumberField(id="weight", accepts="0-9.,", max_length=7, placeholder="0")
            yield Label(self.unit, id="unit")
            yield Label("Reps", classes="field-label")
            yield NumberField(id="reps", accepts="0-9", max_length=3, placeholder="0")
            yield Label("RIR", classes="field-label")
            yield NumberField(id="rir", accepts="0-9", max_length=2, placeholder="-")
            yield Static("working set (w)", id="warmup")
        with Horizontal(id="entry-note-row"):
            yield Label("Note", classes="field-label")
            yield CompactInput(id="note", max_length=200, placeholder="optional")
        yield Static("", id="entry-error")

    def load(self, values: Prefill) -> None:
        """Fill the fields, e.g. with the previous set, so repeating it is one Enter."""
        self.set_unit(values.unit)
        weight = self.query_one("#weight", Input)
        weight.value = "" if values.weight_kg is None else _number_text(from_kg(values.weight_kg, values.unit))
        self.query_one("#reps", Input).value = "" if values.reps is None else str(values.reps)
        self.query_one("#rir", Input).value = "" if values.rir is None else str(values.rir)
        self.warmup = values.warmup
        self.query_one("#note", Input).value = ""
        self.clear_error()

    def set_unit(self, unit: Unit) -> None:
        self.unit = unit
        self.query_one("#unit", Label).update(unit)

    def toggle_unit(self) -> None:
        self.set_unit("lb" if self.unit == "kg" else "kg")

    def toggle_warmup(self) -> None:
        self.warmup = not self.warmup

    def watch_warmup(self, warmup: bool) -> None:
        # Words, not a tick box colour: readable with NO_COLOR and 16 colours.
        label = self.query_one("#warmup", Static)
        label.update("[b]WARM-UP[/b] (w)" if warmup else "working set (w)")
        label.set_class(warmup, "-on")

    def focus_first(self) -> None:
        self.query_one("#weight", Input).focus()

    def clear_error(self) -> None:
        self.query_one("#entry-error", Static).update("")
        for field in self.query(Input):
            field.remove_class("-bad")

    def show_error(self, field_id: str, message: str) -> None:
        self.clear_error()
        self.query_one("#entry-error", Static).update(f"Not saved: {message}")
        field = self.query_one(f"#{field_id}", Input)
        field.add_class("-bad")
        field.focus()

    def read(self) -> SetInput | None:
        """The set typed, or None after showing why it is not valid."""
        text = {f: self.query_one(f"#{f}", Input).value for f in ("weight", "reps", "rir")}
        try:
            field = "weight"
            kg, unit = parse_weight(text["weight"], self.unit)
            field = "reps"
            reps = parse_reps(text["reps"])
            field = "rir"
            rir = parse_rir(text["rir"])
        except InputError as e:
            self.show_error(field, str(e))
            return None
        self.clear_error()
        return SetInput(kg, unit, reps, rir)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        entry = self.read()
        if entry is None:
            return
        note = self.query_one("#note", Input).value.strip()
        self.post_message(self.Submitted(self, entry, self.warmup, note))
