"""The training rules, in plain Python: no Textual, no TinyDB, no clock reads.

Functions take `today` (or the sessions they judge) as arguments, so every rule
is tested with fixed dates on both sides of its boundaries.
"""

# Each name is imported from its module when first asked for (PEP 562): importing one
# domain module (the command line reads `domain.inputs` first) must not import them all,
# since the TUI's first frame needs only some (benchmarks/profile_start.py).
from typing import Any

_WHERE = {
    "Advice": "advice",
    "failure_advice": "advice",
    "InputError": "inputs",
    "SetInput": "inputs",
    "parse_date": "inputs",
    "parse_reps": "inputs",
    "parse_rir": "inputs",
    "parse_set": "inputs",
    "parse_weight": "inputs",
    "Exercise": "models",
    "LoggedSet": "models",
    "Session": "models",
    "format_weight": "models",
    "from_kg": "models",
    "new_id": "models",
    "to_kg": "models",
    "MUSCLES": "muscles",
    "E1RM": "strength",
    "e1rm": "strength",
    "DEFAULT_TARGET": "volume",
    "IsoWeek": "volume",
    "MuscleVolume": "volume",
    "is_hard_set": "volume",
    "volume_by_week": "volume",
    "weekly_sets": "volume",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Advice",
    "failure_advice",
    "InputError",
    "SetInput",
    "parse_date",
    "parse_reps",
    "parse_rir",
    "parse_set",
    "parse_weight",
    "Exercise",
    "LoggedSet",
    "Session",
    "format_weight",
    "from_kg",
    "new_id",
    "to_kg",
    "MUSCLES",
    "E1RM",
    "e1rm",
    "DEFAULT_TARGET",
    "IsoWeek",
    "MuscleVolume",
    "is_hard_set",
    "volume_by_week",
    "weekly_sets",
]
