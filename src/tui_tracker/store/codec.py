"""Domain objects to and from the plain dicts stored as JSON.

Dates are ISO strings (`2026-11-18`), datetimes ISO with their UTC offset
(`2026-11-18T18:05:12+01:00`), weights kg as numbers.  Every field is written,
always in the same order, so the same state gives the same bytes.

Decoding checks types: a hand-edited file with a wrong value raises CodecError
(the store turns it into DatabaseUnreadable naming the file).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from collections.abc import Callable

from ..domain.models import SET_KINDS, Exercise, LoggedSet, Session
from ..domain.muscles import distinct_muscles

if TYPE_CHECKING:
    from ..domain.bodyweight import Bodyweight


class CodecError(ValueError):
    """A stored document does not have the expected shape."""


def _dt(value: datetime) -> str:
    return value.isoformat()


def _parse_dt(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise CodecError(f"{field} is not a date-time string")
    try:
        return datetime.fromisoformat(value)
    except ValueError as e:
        raise CodecError(f"{field} {value!r} is not an ISO date-time") from e


def _parse_date(value: Any, field: str) -> date:
    if not isinstance(value, str):
        raise CodecError(f"{field} is not a date string")
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise CodecError(f"{field} {value!r} is not an ISO date") from e


def _str(doc: dict[str, Any], key: str) -> str:
    value = doc[key]
    if not isinstance(value, str):
        raise CodecError(f"{key} is not a string")
    return value


def _int(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CodecError(f"{field} is not a whole number")
    return value


class decoding:  # noqa: N801  (read as a phrase: `with decoding("a bodyweight"):`)
    """Inside, a missing key or a domain check's ValueError is a CodecError about `what`.

    (Not for sets and sessions: those are decoded by the thousand, and spelled out.)"""

    def __init__(self, what: str) -> None:
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, e: BaseException | None, tb: object) -> None:
        if isinstance(e, KeyError):
            raise CodecError(f"{self.what} has no {e.args[0]!r}") from e
        if isinstance(e, ValueError) and not isinstance(e, CodecError):
            raise CodecError(str(e)) from e  # the domain's own checks (unknown muscle...)


def _object(doc: Any, what: str) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise CodecError(f"{what} is not an object")
    return doc


def _list(doc: dict[str, Any], key: str) -> list[Any]:
    value = doc[key]
    if not isinstance(value, list):
        raise CodecError(f"{key} is not a list")
    return value


# --- sets -------------------------------------------------------------------------------


def set_to_dict(s: LoggedSet) -> dict[str, Any]:
    return {
        "id": s.id,
        "exercise_id": s.exercise_id,
        "weight_kg": s.weight_kg,
        "reps": s.reps,
        "rir": s.rir,
        "unit": s.unit,
        "kind": s.kind,
        "note": s.note,
        "at": _dt(s.at),
        "duration_s": s.duration_s,
        "distance_m": s.distance_m,
        "superset": s.superset,
    }


def set_from_dict(doc: Any) -> LoggedSet:
    try:
        if not isinstance(doc, dict):
            raise CodecError("a set is not an object")
        weight = doc["weight_kg"]
        if (
            isinstance(weight, bool)
            or not isinstance(weight, (int, float))
            or not math.isfinite(weight)
        ):
            raise CodecError("weight_kg is not a number")
        rir = doc["rir"]
        if rir is not None:
            rir = _int(rir, "rir")
        unit = doc["unit"]
        if unit not in ("kg", "lb"):
            raise CodecError(f"unit {unit!r} is not kg or lb")
        kind = doc["kind"]
        if kind not in SET_KINDS:
            raise CodecError(f"set kind {kind!r} is not one of {', '.join(SET_KINDS)}")
        distance = doc.get("distance_m")  # (absent before schema 3: None)
        if isinstance(distance, int) and not isinstance(distance, bool):
            distance = float(distance)
        superset = doc.get("superset")
        if superset is not None and not isinstance(superset, str):
            raise CodecError("superset is not a string or null")
        return LoggedSet(
            exercise_id=_str(doc, "exercise_id"),
            weight_kg=float(weight),
            reps=_int(doc["reps"], "reps"),
            rir=rir,
            at=_parse_dt(doc["at"], "at"),
            unit=unit,
            kind=kind,
            note=_str(doc, "note"),
            id=_str(doc, "id"),
            duration_s=doc.get("duration_s"),
            distance_m=distance,
            superset=superset,
        )
    except KeyError as e:
        raise CodecError(f"a set has no {e.args[0]!r}") from e
    except CodecError:
        raise
    except ValueError as e:  # the set's own checks (no reps and no duration, a bad distance)
        raise CodecError(str(e)) from e


# --- sessions ---------------------------------------------------------------------------


def session_to_dict(s: Session) -> dict[str, Any]:
    return {
        "id": s.id,
        "date": s.date.isoformat(),
        "started_at": _dt(s.started_at),
        "ended_at": _dt(s.ended_at) if s.ended_at is not None else None,
        "note": s.note,
        "sets": [set_to_dict(x) for x in s.sets],
    }


def session_from_dict(
    doc: Any, decode_sets: Callable[[list[Any]], tuple[LoggedSet, ...]] | None = None
) -> Session:
    """`decode_sets` turns the list of set dicts into sets (default: `set_from_dict` on
    each); store/decoded.py passes one that reuses the sets it decoded before."""
    try:
        sets = _list(_object(doc, "a session"), "sets")
        ended = doc["ended_at"]
        return Session(
            date=_parse_date(doc["date"], "date"),
            started_at=_parse_dt(doc["started_at"], "started_at"),
            sets=(
                decode_sets(sets)
                if decode_sets is not None
                else tuple(set_from_dict(x) for x in sets)
            ),
            ended_at=_parse_dt(ended, "ended_at") if ended is not None else None,
            note=_str(doc, "note"),
            id=_str(doc, "id"),
        )
    except KeyError as e:
        raise CodecError(f"a session has no {e.args[0]!r}") from e


def session_index_problem(doc: dict[str, Any]) -> str | None:
    """Why the store cannot scan this stored session, or None when it can.

    The store filters and orders raw session documents (by id, date, start, the
    ids in its sets) before it decodes them, so a sessions file's documents are
    checked for these fields when it is loaded: a hand-edited or damaged value
    there is refused like a damaged file, not met later as a TypeError.
    """
    sid = doc.get("id")
    if not isinstance(sid, str):
        return "a session has no id string"
    day = doc.get("date")
    try:
        if not isinstance(day, str) or date.fromisoformat(day).isoformat() != day:
            raise ValueError
    except ValueError:
        return f"session {sid}: date {day!r} is not an ISO date like 2026-11-18"
    started = doc.get("started_at")
    try:
        if not isinstance(started, str):
            raise ValueError
        datetime.fromisoformat(started).timestamp()
    except (ValueError, OverflowError, OSError):
        return f"session {sid}: started_at {started!r} is not an ISO date-time"
    ended = doc.get("ended_at", 0)
    if ended is not None and not isinstance(ended, str):
        return f"session {sid}: ended_at is not a date-time string or null"
    sets = doc.get("sets")
    if not isinstance(sets, list):
        return f"session {sid}: sets is not a list"
    for s in sets:
        if (
            not isinstance(s, dict)
            or not isinstance(s.get("id"), str)
            or not isinstance(s.get("exercise_id"), str)
        ):
            return f"session {sid}: a set is not an object with an id and an exercise_id"
    return None


# --- the lifter's bodyweight -------------------------------------------------------------


def bodyweight_to_dict(b: Bodyweight) -> dict[str, Any]:
    return {"day": b.day.isoformat(), "kg": b.kg}


def bodyweight_from_dict(doc: Any) -> Bodyweight:
    from ..domain.bodyweight import Bodyweight  # (read when asked: not for every start)

    with decoding("a bodyweight"):
        if not isinstance(doc, dict):
            raise CodecError("a bodyweight is not an object")
        kg = doc["kg"]
        if isinstance(kg, bool) or not isinstance(kg, (int, float)):
            raise CodecError("bodyweight kg is not a number")
        return Bodyweight(_parse_date(doc["day"], "day"), float(kg))


# --- exercises --------------------------------------------------------------------------


def exercise_to_dict(e: Exercise) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "primary": list(e.primary),
        "secondary": list(e.secondary),
        "kind": e.kind,
        "high_skill": e.high_skill,
        "rest_seconds": e.rest_seconds,
        "aliases": list(e.aliases),
        "custom": e.custom,
        "bodyweight": e.bodyweight,
        "equipment": e.equipment,
        "per_hand": e.per_hand,
        "unilateral": e.unilateral,
        "bar_kg": e.bar_kg,
    }


def _str_tuple(doc: dict[str, Any], key: str) -> tuple[str, ...]:
    value = doc[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CodecError(f"{key} is not a list of strings")
    return tuple(value)


def _flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise CodecError(f"{field} is not true or false")
    return value


def _bar(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CodecError("bar_kg is not a number")
    return float(value)


def exercise_from_dict(doc: Any) -> Exercise:
    """An exercise as stored.  A muscle listed twice (older versions let that through)
    is read once, so the database stays readable and a set still counts once.

    Files written before an exercise said how its load is made have no equipment:
    a bodyweight exercise is then `bodyweight`, anything else `other` (the catalogue
    gives a copy of one of its own exercises that exercise's equipment back)."""
    with decoding("an exercise"):
        if not isinstance(doc, dict):
            raise CodecError("an exercise is not an object")
        primary, secondary = distinct_muscles(
            _str_tuple(doc, "primary"), _str_tuple(doc, "secondary")
        )
        bodyweight = _flag(doc.get("bodyweight", False), "bodyweight")
        equipment = doc.get("equipment", "bodyweight" if bodyweight else "other")
        if not isinstance(equipment, str):
            raise CodecError("equipment is not a string")
        return Exercise(
            id=_str(doc, "id"),
            name=_str(doc, "name"),
            primary=primary,
            secondary=secondary,
            kind=doc["kind"],
            high_skill=bool(doc["high_skill"]),
            rest_seconds=_int(doc["rest_seconds"], "rest_seconds"),
            aliases=_str_tuple(doc, "aliases"),
            custom=bool(doc["custom"]),
            # Absent in files written before the flag existed: not bodyweight.
            bodyweight=bodyweight,
            equipment=equipment,  # type: ignore[arg-type]  # (Exercise checks the value)
            per_hand=_flag(doc.get("per_hand", False), "per_hand"),
            unilateral=_flag(doc.get("unilateral", False), "unilateral"),
            bar_kg=_bar(doc.get("bar_kg")),
        )
