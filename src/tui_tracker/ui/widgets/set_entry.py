"""The set-entry panel: weight, reps, RIR, warm-up, note.

One focusable widget drawing its own fields, not four Inputs: every key typed into
the panel is then handled in one queue, in the order typed (see ui/keys.py).  It
draws by lines (`Lines`): a keystroke sends only the line it changed.  Enter
reads the fields at that moment and hands the set to the owner's `on_submit`, which
saves it and returns the next set's pre-fill; keys typed after Enter edit that next
set.  A field is selected when the lifter moves into it, after a pre-fill, and after
a refused value, so typing replaces it.  Values are checked by the domain's
parsers (a decimal comma is a decimal point); a bad one is shown under the fields
with its reason and nothing is saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textual import events
from textual.geometry import Size
from textual.reactive import reactive

from ...domain.inputs import InputError, SetInput, parse_rir
from ...domain.models import Unit
from ...domain.sessions import Prefill
from ...domain.values import frozen
from ..keys import OrderedKeys
from .entry_field import Field, cut
from .lines import Line, Lines
from .set_kinds import PanelMode, SetKinds, number_text

__all__ = ["SetEntry", "Submission", "PanelMode", "number_text"]

NOTE_MAX = 200


@frozen
class Submission:
    """What Enter hands over: the checked set, warm-up or not, the note; the kind of a
    set that is not a warm-up, and a timed or distance set's seconds or metres."""

    values: SetInput
    warmup: bool
    note: str
    kind: str = "working"
    duration_s: int | None = None
    distance_m: float | None = None


#: Returns the pre-fill for the next set (loaded at once), or None to keep the fields.
SubmitHandler = Callable[[Submission], Prefill | None]
#: Asked when `w` flips the set kind on untouched fields: that kind's pre-fill, or None.
KindHandler = Callable[[bool], Prefill | None]
#: The lines under the fields that follow the weight typed (the plate line, the warm-up
#: ramp: ui/at_the_bar.py), as segments of (text, style): given the weight typed in the
#: panel's unit (None while it does not read as a number), the unit, and warm-up or not.
ExtraLines = Callable[[float | None, Unit, bool], list[list[tuple[str, str]]]]


class SetEntry(SetKinds, OrderedKeys, Lines, can_focus=True):
    """Type a set and press Enter.  Tab/Shift+Tab move between fields."""

    DEFAULT_CSS = """
    SetEntry {
        height: auto;
        border: round $accent 60%;
        padding: 0 1;
    }
    SetEntry:focus {
        border: round $accent;
    }
    """

    #: Warm-up sets never count toward volume and start no rest timer; `w` flips it.
    warmup = reactive(False)
    unit: reactive[Unit] = reactive("kg")
    error = reactive("")

    def __init__(
        self, on_submit: SubmitHandler, on_kind: KindHandler | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.on_submit = on_submit
        self.on_kind = on_kind
        self.fields = [
            Field("weight", "Weight", 7, 7, re.compile(r"[0-9.,]"), "0"),
            Field("reps", "Reps", 3, 3, re.compile(r"[0-9]"), "0"),
            Field("rir", "RIR", 2, 2, re.compile(r"[0-9]"), "-"),
            Field("note", "Note", 0, NOTE_MAX, re.compile(r"[^\x00-\x1f\x7f-\x9f]"), "optional"),
        ]
        self.active = 0
        self.reason = ""  # where the pre-filled values come from (a suggestion's rule)
        self._exact_kg: float | None = None  # the pre-filled weight, unrounded
        self._pristine = True  # nothing typed since the last pre-fill
        self._spans: list[tuple[int, int, int, int]] = []  # (row, x0, x1, field index)
        self.extra_lines: ExtraLines | None = None
        self._extra_count = 0  # lines under the fields: the panel's height follows them

    # --- what the owner uses -----------------------------------------------------------

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def values(self) -> dict[str, str]:
        """The text of each field as shown (for the owner and for tests)."""
        return {f.name: f.text for f in self.fields}

    @property
    def active_field(self) -> str:
        return self.fields[self.active].name

    def load(self, values: Prefill, note: str = "") -> None:
        """Fill the fields, e.g. with the previous set, so repeating it is one Enter.

        (Loading what is already shown redraws nothing: bytes on a slow link.)"""
        before = self._looks()
        self.unit = values.unit
        self._exact_kg = values.weight_kg
        self.field("weight").text = (
            "" if values.weight_kg is None else self.weight_text(values.weight_kg, values.unit)
        )
        self.field("reps").text = self.amount_text(values.reps)
        self.kind = "working"
        self.field("rir").text = "" if values.rir is None else str(values.rir)
        self.field("note").text = note
        self.warmup = values.warmup
        self.reason = values.reason
        self.error = ""
        self._activate(0, redraw=False)
        self._pristine = True
        if self._looks() != before:
            self.redraw()

    def _looks(self) -> tuple:
        """Everything the panel draws, to tell whether a change needs a redraw."""
        return (
            tuple((f.text, f.selected) for f in self.fields),
            self.active,
            self.unit,
            self.warmup,
            self.error,
            self.reason,
            str(self._extras()),
            self.kind,
        )

    def set_extra_lines(self, extra_lines: ExtraLines | None) -> None:
        """The lines under the fields for the exercise shown (None: none)."""
        self.extra_lines = extra_lines
        self.redraw()

    def _typed_weight(self) -> float | None:
        text = self.field("weight").text.replace(",", ".")
        try:
            return float(text) if text else None
        except ValueError:
            return None

    def _extras(self) -> list[list[tuple[str, str]]]:
        if self.extra_lines is None:
            return []
        return self.extra_lines(self._typed_weight(), self.unit, self.warmup)

    def redraw(self) -> None:
        count = len(self._extras())
        if count != self._extra_count:  # a line more or less: the panel's height changes
            self._extra_count = count
            self.refresh(layout=True)
            return
        super().redraw()

    def focus_first(self) -> None:
        self._activate(0)
        self.focus()

    def toggle_warmup(self) -> None:
        self.warmup = not self.warmup
        if self._pristine and self.on_kind is not None:
            values = self.on_kind(self.warmup)
            if values is not None:
                self.load(values)

    def toggle_unit(self) -> None:
        """Switch kg/lb, converting the weight typed: 80 kg becomes 176.37 lb, never 80 lb."""
        new: Unit = "lb" if self.unit == "kg" else "kg"
        weight = self.field("weight")
        kg = self._weight_kg()
        if kg is not None:
            weight.text = self.weight_text(kg, new)
            self._exact_kg = kg
        self.unit = new

    def _weight_kg(self) -> float | None:
        text = self.field("weight").text
        if self._exact_kg is not None and text == self.weight_text(self._exact_kg, self.unit):
            return self._exact_kg  # untouched: convert the exact weight, not its rounding
        try:
            return self.parse_load(text, self.unit)[0] if text else None
        except InputError:
            return None

    def read(self) -> SetInput | None:
        """The set typed, or None after showing why it is not valid (that field selected)."""
        found = self.read_all()
        return None if found is None else found[0]

    def read_all(self) -> tuple[SetInput, int | None, float | None] | None:
        """The set typed with its seconds and metres (None: not timed), or None after
        showing why it is not valid (that field selected)."""
        name = "weight"
        try:
            kg, unit = self.parse_load(self.field("weight").text, self.unit)
            if (
                self._exact_kg is not None
                and unit == self.unit
                and self.field("weight").text == self.weight_text(self._exact_kg, self.unit)
            ):
                kg = self._exact_kg
            name = "reps"
            reps, duration, distance = self.parse_amount(self.field("reps").text)
            name = "rir"
            rir = parse_rir(self.field("rir").text)
        except InputError as e:
            self.show_error(name, str(e))
            return None
        self.error = ""
        return SetInput(kg, unit, reps, rir), duration, distance

    def show_error(self, field_name: str, message: str) -> None:
        self.error = f"Not saved: {message}"
        self._activate(next(i for i, f in enumerate(self.fields) if f.name == field_name))

    # --- keys --------------------------------------------------------------------------

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Characters the active field takes are text, not key bindings."""
        return (
            character is not None
            and character.isprintable()
            and self.fields[self.active].accepts.fullmatch(character) is not None
        )

    async def own_key(self, key: str, character: str | None) -> bool:
        field = self.fields[self.active]
        if key == "enter":
            self.submit()
            return True
        if key in ("tab", "shift+tab"):
            self._activate((self.active + (1 if key == "tab" else -1)) % len(self.fields))
            return True
        if key in ("backspace", "ctrl+h"):
            field.erase()
        elif key in ("ctrl+w", "ctrl+backspace"):
            field.erase(word=True)
        elif key == "ctrl+u":
            field.text, field.selected = "", False
        elif key == "space" and field.name == "note":
            field.type(" ")
        elif character is None or not character.isprintable() or not field.type(character):
            return False
        self._pristine = False
        self.redraw()
        return True

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        field = self.fields[self.active]
        for character in event.text.splitlines()[0] if event.text else "":
            field.type(character)
        self._pristine = False
        self.redraw()

    def submit(self) -> None:
        found = self.read_all()
        if found is None:
            return
        values, duration, distance = found
        note = " ".join(self.field("note").text.split())
        kind = "warmup" if self.warmup else self.kind
        next_values = self.on_submit(
            Submission(values, self.warmup, note, kind, duration, distance)
        )
        if next_values is not None:
            self.load(next_values)

    def _activate(self, index: int, redraw: bool = True) -> None:
        for i, f in enumerate(self.fields):
            f.selected = i == index and bool(f.text)
        self.active = index
        if redraw:
            self.redraw()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for row, x0, x1, index in self._spans:
            if offset.y == row and x0 <= offset.x < x1:
                self._activate(index)
                return

    # --- drawing -----------------------------------------------------------------------

    def watch_warmup(self) -> None:
        self.redraw()

    def watch_unit(self) -> None:
        self.redraw()

    def watch_error(self) -> None:
        self.redraw()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3 + self._extra_count

    def lines(self) -> list[Line]:
        """Three lines: the numbers and the kind, the note, the error if any, else why the
        values are what they are (the suggestion's reason, cut to the width)."""
        spans: list[tuple[int, int, int, int]] = []
        extras = self._extras()
        rows: list[list[tuple[str, str]]] = [[], [], [], *([] for _ in extras)]

        def put(row: int, items: list[tuple[str, str]], index: int | None = None) -> None:
            start = sum(len(text) for text, _ in rows[row])
            rows[row].extend(items)
            if index is not None:
                spans.append((row, start, start + sum(len(text) for text, _ in items), index))

        for i, f in enumerate(self.fields[:3]):
            put(0, [(f"{f.label} ", "")])
            put(0, f.box(f.width + 1, i == self.active and self.has_focus), i)
            put(0, [(self.unit_suffix(self.unit) if f.name == "weight" else "  ", "$text-muted")])
        put(0, [self.kind_shown()])
        put(1, [("Note   ", "")])
        note = self.fields[3]
        put(
            1,
            note.box(max(10, self.content_size.width - 9), self.active == 3 and self.has_focus),
            3,
        )
        width = self.content_size.width
        if self.error or not self.reason:
            put(2, [(self.error, "bold $error")])
        else:
            reason = self.reason if len(self.reason) <= width else self.reason[: width - 1] + "…"
            put(2, [(reason, "$text-muted")])
        for row, segments in enumerate(extras, start=3):
            put(row, cut(segments, width))
        self._spans = spans
        out: list[Line] = []
        for row in rows:
            used = sum(len(text) for text, _ in row)
            out.append(tuple(row) + ((" " * max(0, width - used), ""),))
        return out[: max(self.content_size.height, 0)] or out
