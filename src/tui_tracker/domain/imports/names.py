"""An exported exercise name to a catalogue exercise, when the catalogue's own lookup
does not know the name as written.

Strong and Hevy add the equipment in brackets to every name, their own and the
lifter's ("Hang Power Clean (Barbell)"), and FitNotes writes it before the movement.
A name the catalogue does not know as written is still the catalogue's exercise when
the name without its bracket is one, and the bracket agrees with how that exercise is
loaded: "Hang Power Clean (Barbell)" is the hang power clean, a barbell lift; "Hang
Power Clean (Dumbbell)" is not, and stays the lifter's own exercise.
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue, equipment_in_name
from ..models import Equipment, Exercise

_BRACKET = re.compile(r"^(?P<base>.*\S)\s*\((?P<what>[^()]*)\)\s*$")

#: What a bracket may say about an exercise of each kind of equipment.
_AGREES: dict[Equipment, frozenset[Equipment]] = {
    "machine": frozenset({"machine", "plate-loaded"}),
    "plate-loaded": frozenset({"plate-loaded", "machine"}),
}


def find_exported(catalogue: Catalogue, name: str) -> Exercise | None:
    """The exercise `name` means: the catalogue's answer, else the exercise its name
    without a bracketed equipment names, when that exercise is loaded that way."""
    found = catalogue.find(name)
    if found is not None:
        return found
    m = _BRACKET.match(name)
    if m is None:
        return None
    said = equipment_in_name(f"({m['what']})")
    if said is None:
        return None
    base = catalogue.find(m["base"])
    if base is None:
        return None
    if base.equipment in _AGREES.get(said, frozenset({said})):
        return base
    return None
