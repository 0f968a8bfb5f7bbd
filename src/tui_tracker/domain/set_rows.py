"""A logged set as the cells of a table row (Today's sets, a past session in History).

The load is `load_text` (models.py): "BW+20 kg", "2 x 22.5 kg", "60 s", never "0 kg";
the reps "-" for a timed or distance set without reps; the kind as lifters say it
("drop set", "rest-pause"); the superset's label, if the set was done in rounds.
"""

from __future__ import annotations

from .models import KIND_LABELS, Exercise, LoggedSet, load_text


def set_cells(s: LoggedSet, exercise: Exercise) -> tuple[str, str, str, str, str]:
    """(load, reps, rir, kind, superset) of a set, as a table shows them."""
    reps = "-" if s.reps == 0 and s.is_timed else str(s.reps)
    rir = "-" if s.rir is None else str(s.rir)
    return (load_text(s, exercise), reps, rir, KIND_LABELS.get(s.kind, s.kind), s.superset or "")
