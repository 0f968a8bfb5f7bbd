"""The set syntax of `tui-tracker log`, for every kind of set (issue 14).

    100x8@2          weight x reps @ RIR (the @ part is optional), as before
    BWx12            a bodyweight exercise with nothing added
    BW+20x8@2        ... with 20 (in the unit) added: a belt, a vest
    BW-30x8          ... assisted: a machine or band taking 30 off
    60s  90s  2min  1:30      a timed set (a plank): seconds, minutes, m:ss
    40m  1.5km       a distance (a carry, a sled push, cardio)
    32x40m  BW+10x45s         a load held or carried for a time or a distance
    5km,30min        a distance and its time
    100x8@0/F        a kind after a slash: /F to failure, /D drop set, /RP rest-pause,
    80x6/D           /W warm-up (the --warmup flag marks every set given)

Refused, with the reason, rather than guessed: a plain weight on a bodyweight exercise
(`20x8` on pull-ups: 20 added, or 20 in all?), `BW` on an exercise that does not lift
the body, `/F` with an RIR other than 0, two kinds on one set, a kind not in the list,
`x` with nothing or 0 reps after it.  `/F` without an RIR is RIR 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from .inputs import InputError, SetInput, parse_reps, parse_rir, parse_weight
from .measures import load_problem
from .models import MAX_DISTANCE_M, MAX_DURATION_S, Exercise, SetKind, Unit, new_set_problem

_T = TypeVar("_T")

#: The letters after a slash, and the kind each names.
KIND_CODES: dict[str, SetKind] = {"F": "failure", "D": "drop", "RP": "rest_pause", "W": "warmup"}
SYNTAX_HINT = "100x5@2 (weight x reps @ RIR), BW+20x8, 60s, 32x40m or 80x6/D"

_EXTENT = re.compile(
    r"^(?P<num>[0-9]+(?:[.,][0-9]+)?)\s*(?P<unit>s|sec|secs|min|mins|h|m|km)$", re.IGNORECASE
)
_CLOCK = re.compile(r"^(?:(?P<h>[0-9]+):)?(?P<m>[0-9]{1,2}):(?P<s>[0-9]{2})$")
_BW = re.compile(r"^bw(?:\s*(?P<sign>[+-])\s*(?P<load>.*))?$", re.IGNORECASE)
_SEP = re.compile(r"[x×*]", re.IGNORECASE)


@dataclass(frozen=True)
class TypedSet:
    """One set as typed on the command line, checked: what an Entry needs."""

    values: SetInput
    kind: SetKind | None = None  # None: what the command's flags say (working or --warmup)
    duration_s: int | None = None
    distance_m: float | None = None


def parse_typed_set(text: str, exercise: Exercise, unit: Unit = "kg") -> TypedSet:
    """`text` (see the module docstring) for `exercise`; InputError naming the set."""
    try:
        return _parse(text.strip(), exercise, unit)
    except InputError as e:
        raise InputError(f"set {_shown(text)}: {e}") from None


def _parse(text: str, exercise: Exercise, unit: Unit) -> TypedSet:
    body, kind = _kind(text)
    rir: int | None = None
    if "@" in body:
        body, _, rir_text = body.partition("@")
        if not rir_text.strip():
            raise InputError("nothing after @: write the RIR, or leave out the @")
        rir = parse_rir(rir_text)
    if kind == "failure":
        if rir not in (None, 0):
            raise InputError(
                f"/F is a set to failure, RIR 0, not @{rir}: write @0/F or /F, or leave out /F"
            )
        rir = 0
    parts = _SEP.split(body, maxsplit=1) if not _looks_like_extent(body) else [body]
    if len(parts) == 1:
        duration, distance = _extent(parts[0])  # a timed or distance set, nothing lifted
        if duration is None and distance is None:
            raise InputError(f"not like {SYNTAX_HINT}")
        weight_kg, entered = 0.0, unit
        reps = 0
    else:
        load_text, amount = parts[0].strip(), parts[1].strip()
        if not amount:
            raise InputError("nothing after x: write the reps, a time (60s) or a distance (40m)")
        weight_kg, entered = _load(load_text, exercise, unit)
        duration, distance = _extent(amount)
        reps = 0 if duration is not None or distance is not None else parse_reps(amount)
    problem = new_set_problem(kind or "working", reps, duration, distance)
    if problem:
        raise InputError(problem)
    return TypedSet(SetInput(weight_kg, entered, reps, rir), kind, duration, distance)


def _kind(text: str) -> tuple[str, SetKind | None]:
    body, slash, codes = text.partition("/")
    if not slash:
        return text, None
    code = codes.strip().upper()
    if "/" in code:
        raise InputError("one kind per set: /F, /D, /RP or /W, not two")
    if code not in KIND_CODES:
        known = ", ".join(f"/{c} {k.replace('_', '-')}" for c, k in KIND_CODES.items())
        raise InputError(f"{_shown('/' + codes.strip()[:10])} is not a kind of set: {known}")
    return body.strip(), KIND_CODES[code]


def _looks_like_extent(body: str) -> bool:
    """'5km,30min' or '1:30' holds no weight, even though it may hold no x."""
    return (
        bool(_CLOCK.match(body.strip()))
        or all(_EXTENT.match(p.strip()) for p in body.split(",") if p.strip())
        and bool(body.strip())
    )


def _extent(text: str) -> tuple[int | None, float | None]:
    """'60s' -> (60, None); '40m' -> (None, 40.0); '5km,30min' -> (1800, 5000.0); a plain
    number -> (None, None) (reps, for the caller)."""
    duration: int | None = None
    distance: float | None = None
    for part in (p.strip() for p in text.split(",")):
        clock = _CLOCK.match(part)
        m = _EXTENT.match(part)
        if clock:
            seconds = int(clock["h"] or 0) * 3600 + int(clock["m"]) * 60 + int(clock["s"])
            if int(clock["s"]) >= 60 or (clock["h"] and int(clock["m"]) >= 60):
                raise InputError(f"{_shown(part)} is not a time like 1:30 or 1:05:00")
            duration = _once(duration, seconds, "time")
        elif m:
            value = float(m["num"].replace(",", "."))
            u = m["unit"].lower()
            if u in ("m", "km"):
                distance = _once(distance, value * (1000 if u == "km" else 1), "distance")
            else:
                factor = {"h": 3600, "min": 60, "mins": 60}.get(u, 1)
                span = value * factor
                if span != int(span):
                    raise InputError(f"{_shown(part)}: a time is whole seconds")
                duration = _once(duration, int(span), "time")
        elif "," in text:
            raise InputError(f"{part!r} is not a time (60s, 2min, 1:30) or a distance (40m, 1.5km)")
        else:
            return None, None
    if duration is not None and not 1 <= duration <= MAX_DURATION_S:
        raise InputError(f"a time is 1 s to {MAX_DURATION_S // 3600} h")
    if distance is not None and not 0 < distance <= MAX_DISTANCE_M:
        raise InputError(f"a distance is above 0 m, up to {MAX_DISTANCE_M / 1000:g} km")
    return duration, distance


def _once(old: _T | None, new: _T, what: str) -> _T:
    if old is not None:
        raise InputError(f"two of a kind: one {what} per set")
    return new


def _load(text: str, exercise: Exercise, unit: Unit) -> tuple[float, Unit]:
    """The weight part: BW, BW+20, BW-30 on a bodyweight exercise, else a plain weight."""
    bw = _BW.match(text)
    if bw:
        if not exercise.bodyweight:
            raise InputError(
                f"BW: {exercise.name} does not lift the body; give the weight, e.g. 100x8"
            )
        if bw["sign"] is None:
            return 0.0, unit
        if not bw["load"].strip():
            raise InputError(f"nothing after BW{bw['sign']}: write the load, e.g. BW{bw['sign']}20")
        kg, entered = parse_weight(bw["load"], unit)
        if kg == 0:
            return 0.0, entered
        return (kg if bw["sign"] == "+" else -kg), entered
    kg, entered = parse_weight(text, unit)
    if exercise.bodyweight and kg != 0:
        shown = text.strip()
        raise InputError(
            f"{exercise.name} lifts the body: is {shown} added or in all? Write "
            f"BW+{shown} for {shown} added, BW for none, BW-{shown} assisted"
        )
    problem = load_problem(exercise, kg)  # (here too: every set on a line checked first)
    if problem:
        raise InputError(problem)
    return kg, entered


def _shown(text: str, limit: int = 40) -> str:
    if len(text) <= limit:
        return repr(text)
    return f"{text[: limit // 2]!r}... ({len(text)} characters)"
