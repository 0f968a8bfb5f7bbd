"""Validation of what a lifter types, shared by the TUI and the CLI.

Every parser returns clean values or raises InputError with a message that says
what is wrong and what would be right, so nothing outside the rules is stored.
"""

from __future__ import annotations

import math
import re
from datetime import date

from .models import KG_PER_LB, Unit, to_kg
from .values import frozen

MAX_WEIGHT_KG = 1000.0
MIN_REPS = 1
MAX_REPS = 100
MAX_RIR = 10
#: Weights are typed in plate steps: 2.5, 1.25, 0.25 — two decimals are enough.
WEIGHT_DECIMALS = 2


class InputError(ValueError):
    """Input that breaks a rule; str() is the message to show the lifter."""


_NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")
_DIGITS = re.compile(r"^[0-9]+$")
_UNIT_SUFFIX = re.compile(r"\s*(kgs?|lbs?)$", re.IGNORECASE)


def parse_unit(text: str) -> Unit:
    t = text.strip().lower()
    if t in ("kg", "kgs"):
        return "kg"
    if t in ("lb", "lbs"):
        return "lb"
    raise InputError(f"unit {text!r} is not kg or lb")


def parse_weight(text: str, unit: Unit = "kg") -> tuple[float, Unit]:
    """'102,5' or '102.5' or '225 lb' -> (weight in kg, unit entered).

    A unit written after the number wins over `unit`.  Decimal comma accepted.
    """
    num = text.strip()
    m = _UNIT_SUFFIX.search(num)
    if m:
        unit = parse_unit(m.group(1))
        num = num[: m.start()].strip()
    if not num:
        raise InputError("weight is empty: type a number like 100 or 102.5")
    if num.startswith("-"):
        raise InputError("weight cannot be negative")
    if not _NUMBER.match(num):
        raise InputError(f"weight {num!r} is not a number like 100 or 102.5")
    whole, _, frac = num.replace(",", ".").partition(".")
    if len(frac.rstrip("0")) > WEIGHT_DECIMALS:
        raise InputError("weight takes at most two decimals (102.5, 101.25)")
    value = float(f"{whole}.{frac or 0}")
    if not math.isfinite(value):
        raise InputError("weight must be a finite number")
    kg = to_kg(value, unit)
    if kg > MAX_WEIGHT_KG + 1e-9:
        limit = "1000 kg" if unit == "kg" else f"{MAX_WEIGHT_KG / KG_PER_LB:.1f} lb"
        raise InputError(f"weight above {limit} is not a set anyone logs")
    return kg, unit


def _whole(digits: str) -> int:
    """ASCII digits as an int, leading zeros and all ("0005" is 5, however many zeros).

    Absurdly long numbers come back as 10**6, above every limit here, so the caller's
    range check refuses them: Python refuses to convert more than 4300 digits.
    """
    significant = digits.lstrip("0")
    return 10**6 if len(significant) > 6 else int(significant or "0")


def parse_reps(text: str) -> int:
    """Whole reps, 1 to 100.

    A set is reps done: 0 reps is not a set (a missed attempt is written in a note),
    and it would never count toward volume anyway.
    """
    t = text.strip()
    if not t:
        raise InputError("reps are empty: type how many reps you did")
    if not _DIGITS.match(t):
        if _NUMBER.match(t):
            raise InputError("reps are whole numbers")
        raise InputError(f"reps {t!r} is not a whole number")
    reps = _whole(t)
    if reps < MIN_REPS:
        raise InputError("0 reps: a set needs at least one rep")
    if reps > MAX_REPS:
        raise InputError(f"reps above {MAX_REPS} are not a strength set")
    return reps


def parse_rir(text: str) -> int | None:
    """Reps in reserve, 0 (failure) to 10; empty means not recorded."""
    t = text.strip().lstrip("@").strip()
    if not t:
        return None
    if not _DIGITS.match(t):
        raise InputError(f"RIR {t!r} is not a whole number from 0 (failure) to {MAX_RIR}")
    rir = _whole(t)
    if rir > MAX_RIR:
        raise InputError(f"RIR is 0 (failure) to {MAX_RIR}")
    return rir


@frozen
class SetInput:
    """A set as typed, validated: weight in kg plus the unit it was typed in."""

    weight_kg: float
    unit: Unit
    reps: int
    rir: int | None


_SET = re.compile(r"^(?P<weight>[^x×*@]+)[x×*](?P<reps>[^@]+)(?:@(?P<rir>.*))?$", re.IGNORECASE)


def parse_set(text: str, unit: Unit = "kg") -> SetInput:
    """'100x5@2', '102,5x8', '225lbx5@1', '100x5' (RIR not recorded)."""
    t = text.strip()
    m = _SET.match(t)
    if not m:
        raise InputError(f"set {text!r} is not like 100x5@2 (weight x reps @ RIR)")
    try:
        kg, entered = parse_weight(m.group("weight"), unit)
        reps = parse_reps(m.group("reps"))
        rir = parse_rir(m.group("rir") or "") if m.group("rir") is not None else None
        if m.group("rir") is not None and rir is None:
            raise InputError("nothing after @: write the RIR, or leave out the @")
    except InputError as e:
        raise InputError(f"set {text!r}: {e}") from None
    return SetInput(kg, entered, reps, rir)


#: The dates a lifter can type.  A training log spans a lifetime, not millennia: the
#: importers take the same years as history, and staying this far from date.min and
#: date.max (years 1 and 9999) means no week, block or postponement computed from a typed
#: date can leave Python's calendar (2026-W53, a block's last week, a deload a week on).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)
DATE_RANGE = f"between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}"


def parse_date(text: str) -> date:
    """'2026-11-16' -> date, between FIRST_DAY and LAST_DAY, with a clear message otherwise."""
    t = text.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", t):
        raise InputError(f"date {_shown(text)} is not like 2026-11-16")
    try:
        day = date.fromisoformat(t)
    except ValueError:
        raise InputError(f"{t} is not a real date") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(f"{t} is too far from today: a date must be {DATE_RANGE}")
    return day


def _shown(text: str, limit: int = 40) -> str:
    """`text` quoted for a message, cut in the middle when it is absurdly long."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[: limit // 2]!r}...{text[-10:]!r} ({len(text)} characters)"
