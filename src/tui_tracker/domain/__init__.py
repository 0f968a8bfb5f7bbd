"""The training rules, in plain Python: no Textual, no TinyDB, no clock reads.

Functions take `today` (or the sessions they judge) as arguments, so every rule
is tested with fixed dates on both sides of its boundaries.
"""

from .advice import Advice, failure_advice
from .inputs import InputError, SetInput, parse_date, parse_reps, parse_rir, parse_set, parse_weight
from .models import Exercise, LoggedSet, Session, format_weight, from_kg, new_id, to_kg
from .muscles import MUSCLES
from .strength import E1RM, e1rm
from .volume import DEFAULT_TARGET, IsoWeek, MuscleVolume, is_hard_set, volume_by_week, weekly_sets

__all__ = [
    "Advice", "failure_advice", "InputError", "SetInput", "parse_date", "parse_reps", "parse_rir",
    "parse_set", "parse_weight", "Exercise", "LoggedSet", "Session", "format_weight", "from_kg",
    "new_id", "to_kg", "MUSCLES", "E1RM", "e1rm", "DEFAULT_TARGET", "IsoWeek", "MuscleVolume",
    "is_hard_set", "volume_by_week", "weekly_sets",
]
