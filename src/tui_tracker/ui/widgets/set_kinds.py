"""How the set-entry panel takes every kind of set (issue 14), for widgets/set_entry.py.

* On a bodyweight exercise the weight field is the load ADDED ("Added [+20] kg added"):
  empty is BW, 20 or +20 is BW+20, -30 is assisted.  Per hand it says "kg per
  dumbbell", one side at a time "kg each side" (domain/measures.load_unit).
* A timed exercise (a plank) has a seconds field instead of reps, a distance one (a
  farmer's walk) a metres field; each pre-filled from the last such set.
* `v` cycles the kind of a set that is not a warm-up: working, drop set, rest-pause,
  to failure (`w` still toggles warm-up).  A pre-fill starts from working again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from collections.abc import Callable

from ...domain.inputs import parse_reps, parse_weight
from ...domain.measures import Measure, parse_added, parse_metres, parse_seconds
from ...domain.models import KIND_LABELS, Unit, from_kg
from ...domain.values import frozen

if TYPE_CHECKING:
    from .entry_field import Field

#: `v` goes round these (warm-up is `w`'s).
NEXT_KIND = {"working": "drop", "drop": "rest_pause", "rest_pause": "failure", "failure": "working"}
_WEIGHT = re.compile(r"[0-9.,]")
_ADDED = re.compile(r"[0-9.,+-]")


def number_text(value: float) -> str:
    """80.0 -> '80', 102.5 -> '102.5': what a lifter would have typed."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@frozen
class PanelMode:
    """How the panel takes the exercise shown: see the module docstring."""

    bodyweight: bool = False
    per: str = ""  # after the unit: "added", "per dumbbell", "each side"
    measure: Measure = "reps"
    #: the seconds or metres to pre-fill (the last such set's), for a timed or distance set
    extent: Callable[[], str] | None = None


class SetKinds:
    """The panel's kind of set and how it reads the weight and the reps (a mixin)."""

    mode: PanelMode = PanelMode()
    kind: str = "working"  # the kind of a set that is not a warm-up

    if TYPE_CHECKING:
        warmup: bool

        def field(self, name: str) -> Field: ...

        def redraw(self) -> None: ...

    def configure(self, mode: PanelMode) -> None:
        """Set the panel up for an exercise (before its pre-fill is loaded)."""
        self.mode = mode
        weight, reps = self.field("weight"), self.field("reps")
        weight.label, weight.accepts, weight.placeholder = (
            ("Added", _ADDED, "BW") if mode.bodyweight else ("Weight", _WEIGHT, "0")
        )
        reps.label, reps.width, reps.max_length, reps.accepts = {
            "reps": ("Reps", 3, 3, re.compile(r"[0-9]")),
            "time": ("Secs", 5, 5, re.compile(r"[0-9]")),
            "distance": ("Metres", 6, 6, re.compile(r"[0-9.,]")),
        }[mode.measure]
        self.redraw()

    def cycle_kind(self) -> None:
        """`v`: working -> drop set -> rest-pause -> to failure -> working (off warm-up)."""
        self.kind = "drop" if self.warmup else NEXT_KIND.get(self.kind, "working")
        self.warmup = False
        self.redraw()

    def weight_text(self, kg: float, unit: Unit) -> str:
        """The weight as the field shows it: '+20' added, '' for BW on a bodyweight one."""
        text = number_text(from_kg(kg, unit))
        if self.mode.bodyweight:
            return "" if kg == 0 else ("+" + text if kg > 0 else text)
        return text

    def parse_load(self, text: str, unit: Unit) -> tuple[float, Unit]:
        return parse_added(text, unit) if self.mode.bodyweight else parse_weight(text, unit)

    def amount_text(self, reps: int | None) -> str:
        """The reps field's pre-fill: reps, or the last set's seconds or metres."""
        if self.mode.measure != "reps":
            return self.mode.extent() if self.mode.extent is not None else ""
        return "" if reps is None else str(reps)

    def parse_amount(self, text: str) -> tuple[int, int | None, float | None]:
        """(reps, seconds, metres) from the reps field; InputError when it does not read."""
        if self.mode.measure == "time":
            return 0, parse_seconds(text), None
        if self.mode.measure == "distance":
            return 0, None, parse_metres(text)
        return parse_reps(text), None, None

    def kind_shown(self) -> tuple[str, str]:
        if self.warmup:
            return "WARM-UP (w)", "bold $warning"
        if self.kind != "working":
            return f"{KIND_LABELS[self.kind].upper()} (v)", "bold $warning"
        return "working set (w)", "$text-muted"

    def unit_suffix(self, unit: Unit) -> str:
        return f" {unit} {self.mode.per}  " if self.mode.per else f" {unit}  "
