"""What the Strong and Hevy imports share: checking each cell against the domain rules
(numbers, weights, reps, RPE, units), and reading the apps' dates and durations.

Pure: nothing here reads the clock or a file; times come from the file and the time
zone the caller passes.  The CSV layer is table.py, rows to sessions rows.py.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta, tzinfo
from collections.abc import Callable
from typing import TypeVar

from ..inputs import MAX_REPS, MAX_RIR, MAX_WEIGHT_KG, MIN_REPS, InputError, parse_unit
from ..models import Unit, to_kg
from .dates import FIRST_YEAR, LAST_YEAR, local_datetime
from .results import ImportFormatError, ImportResult, RowError
from .table import Table, check_width, column, header_key, read_table

_T = TypeVar("_T")

__all__ = [
    "ImportFormatError",
    "ImportResult",
    "RowError",
    "Table",
    "attempt",
    "check_width",
    "FIRST_YEAR",
    "LAST_YEAR",
    "column",
    "duration",
    "end_after",
    "header_key",
    "is_blank_or_zero",
    "is_positive",
    "local_datetime",
    "number",
    "read_table",
    "reps",
    "rir_from_rpe",
    "row_unit",
    "rpe_to_rir",
    "weight_kg",
]

#: A duration longer than this is not a workout: treated as unknown.
MAX_DURATION = timedelta(hours=24)


def rpe_to_rir(rpe: float) -> int:
    """Reps in reserve for an RPE: 10 - RPE, to the nearest whole rep, a half
    rounding toward more reserve (RPE 8.5 -> 2), clamped to 0..10."""
    if not math.isfinite(rpe):
        raise ValueError(f"RPE {rpe!r} is not a number")
    rir = math.floor(10 - rpe + 0.5 + 1e-9)
    return max(0, min(MAX_RIR, rir))


# --- values ---------------------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[0-9]*[.,][0-9]+")
_WHOLE = re.compile(r"([0-9]+)(?:[.,]0+)?")


def _show(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


def number(text: str, what: str) -> float | None:
    """A plain non-negative decimal (point or comma), or None when empty."""
    t = text.strip()
    if not t:
        return None
    if _NUMBER.fullmatch(t):
        value = float(t.replace(",", "."))
        if math.isfinite(value):
            return value
        raise InputError(f"{what} {_show(t)} is too large")
    if t.startswith("-") and _NUMBER.fullmatch(t[1:].strip()):
        raise InputError(f"{what} {_show(t)} cannot be negative")
    raise InputError(f"{what} {_show(t)} is not a number")


def is_blank_or_zero(text: str) -> bool:
    t = text.strip()
    return not t or (_NUMBER.fullmatch(t) is not None and float(t.replace(",", ".")) == 0)


def is_positive(text: str) -> bool:
    t = text.strip()
    if not _NUMBER.fullmatch(t):
        return False
    value = float(t.replace(",", "."))
    return math.isfinite(value) and value > 0


def weight_kg(text: str, unit: Unit) -> float:
    """Weight in kg; empty is bodyweight (0)."""
    value = number(text, "weight")
    if value is None:
        return 0.0
    kg = to_kg(value, unit)
    if kg > MAX_WEIGHT_KG + 1e-9:
        raise InputError(f"weight {_show(text)} {unit} is above {MAX_WEIGHT_KG:g} kg")
    return kg


def reps(text: str) -> int:
    """Whole reps 1..100; '5.0' is 5 (Strong writes reps that way sometimes).

    0 reps is not a set: the caller skips a row of no reps and no weight (cardio,
    a timed hold) before asking, so a 0 here is a loaded row nobody lifted."""
    t = text.strip()
    if not t:
        raise InputError("reps are empty")
    m = _WHOLE.fullmatch(t)
    if m is None:
        if _NUMBER.fullmatch(t):
            raise InputError(f"reps {_show(t)} is not a whole number")
        if t.startswith("-"):
            raise InputError(f"reps {_show(t)} cannot be negative")
        raise InputError(f"reps {_show(t)} is not a whole number")
    digits = m.group(1).lstrip("0")
    if len(digits) > 3 or int(digits or "0") > MAX_REPS:
        raise InputError(f"reps {_show(t)} is above {MAX_REPS}")
    if int(digits or "0") < MIN_REPS:
        raise InputError(f"reps {_show(t)}: a set needs at least one rep")
    return int(digits)


def attempt(
    problems: list[str], parse: Callable[..., _T], *args: object, label: str = ""
) -> _T | None:
    """`parse(*args)`, or None with its InputError added to `problems`: a row reports
    every bad cell at once, not just the first."""
    try:
        return parse(*args)
    except InputError as e:
        problems.append(f"{label}{e}")
        return None


def rir_from_rpe(text: str) -> int | None:
    """RIR from an RPE cell; empty means not recorded."""
    value = number(text, "RPE")
    if value is None:
        return None
    if not 1 <= value <= 10:
        raise InputError(f"RPE {_show(text)} is outside 1 to 10")
    return rpe_to_rir(value)


def row_unit(text: str, fallback: Unit | None) -> Unit | None:
    """A unit cell ('kg', 'lbs'); empty gives `fallback`."""
    if not text.strip():
        return fallback
    return parse_unit(text)


# --- dates: see dates.py ------------------------------------------------------------


# English and German units: '1h 5m', '1 Std. 5 Min.', '45 Minuten', '30 Sek.'
_HMS = re.compile(
    r"(?:(?P<h>\d{1,3})\s*(?:h(?:ours?|rs?)?|std\.?|stunden?)\.?)?"
    r"\s*(?:(?P<m>\d{1,4})\s*m(?:in(?:utes?|uten|s)?)?\.?)?"
    r"\s*(?:(?P<s>\d{1,6})\s*(?:s(?:ec(?:onds?|s)?)?|sek(?:unden?)?)\.?)?",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def duration(text: str) -> timedelta | None:
    """'1h 5m', '45m', '1h', '3900' (seconds), '1:05:00'; None when empty or unreadable.

    A duration is the session's, repeated on every row, and the sets are worth
    keeping without it: an unreadable one is treated as unknown, not an error.
    """
    t = text.strip()
    if not t:
        return None
    seconds: int | None = None
    if t.isascii() and t.isdigit():
        seconds = int(t) if len(t) <= 6 else None
    elif (m := _CLOCK.fullmatch(t)) is not None:
        h, mi, s = m.groups()
        seconds = int(h) * 3600 + int(mi) * 60 + int(s or 0)
    elif (m := _HMS.fullmatch(t)) is not None and any(m.groups()):
        seconds = int(m["h"] or 0) * 3600 + int(m["m"] or 0) * 60 + int(m["s"] or 0)
    if seconds is None:
        return None
    span = timedelta(seconds=seconds)
    return span if span <= MAX_DURATION else None


def end_after(start: datetime, span: timedelta | None, tz: tzinfo) -> datetime | None:
    if span is None:
        return None
    try:
        return (start + span).replace(tzinfo=tz)
    except OverflowError:
        return None
