"""Training blocks (mesocycles) to and from the plain dicts stored in the main file.

The same rules as codec.py (every field written, always in the same order; decoding
checks types and raises CodecError), for the block, its training days and the changes
the lifter made to single days (swaps, order, skips, a day pulled forward).  Split out
of codec.py: a block is the one document that nests this deep.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.day_changes import Changes, DayChange
from ..domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from .codec import CodecError, _int, _list, _object, _parse_date, _str, decoding


def _opt_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_opt_date(value: Any, field: str) -> date | None:
    return None if value is None else _parse_date(value, field)


def mesocycle_to_dict(m: Mesocycle) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "start": m.start.isoformat(),
        "weeks": m.weeks,
        "rir_targets": list(m.rir_targets),
        "days": [
            {
                "name": d.name,
                "weekday": d.weekday,
                "exercises": [[p.exercise_id, p.sets, p.rep_low, p.rep_high] for p in d.exercises],
            }
            for d in m.days
        ],
        "deload_start": _opt_date(m.deload_start),
        "postponed_until": _opt_date(m.postponed_until),
        "ended": _opt_date(m.ended),
        **({"day_changes": _changes_to_dict(m.day_changes)} if m.day_changes else {}),
    }


def _changes_to_dict(changes: Changes) -> dict[str, Any]:
    """{"2026-12-02": {"swaps": [[planned, done]], "order": [...], "skipped": [[id, reason]],
    "pulled_from": "2026-12-03"}}, empty parts left out."""
    out: dict[str, Any] = {}
    for day, c in changes:
        doc: dict[str, Any] = {}
        if c.swaps:
            doc["swaps"] = [list(pair) for pair in c.swaps]
        if c.order:
            doc["order"] = list(c.order)
        if c.skipped:
            doc["skipped"] = [list(pair) for pair in c.skipped]
        if c.pulled_from is not None:
            doc["pulled_from"] = c.pulled_from.isoformat()
        out[day.isoformat()] = doc
    return out


def _pairs(value: Any, field: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value
    ):
        raise CodecError(f"day_changes {field} is not a list of [id, text] pairs")
    return tuple((a, b) for a, b in value)


def _changes_from_dict(doc: Any) -> Changes:
    """The day changes of a block; a block saved before they existed has none."""
    if doc is None:
        return ()
    if not isinstance(doc, dict):
        raise CodecError("day_changes is not an object")
    changes = []
    for day, c in doc.items():
        if not isinstance(c, dict):
            raise CodecError("a day change is not an object")
        order = c.get("order", [])
        if not isinstance(order, list) or not all(isinstance(x, str) for x in order):
            raise CodecError("day_changes order is not a list of ids")
        change = DayChange(
            _pairs(c.get("swaps", []), "swaps"),
            tuple(order),
            _pairs(c.get("skipped", []), "skipped"),
            _parse_opt_date(c.get("pulled_from"), "pulled_from"),
        )
        changes.append((_parse_date(day, "day_changes"), change))
    return tuple(sorted(changes, key=lambda pair: pair[0]))


def _day_from_dict(doc: Any) -> TrainingDay:
    if not isinstance(doc, dict) or not isinstance(doc.get("exercises"), list):
        raise CodecError("a training day is not an object with exercises")
    planned = []
    for row in doc["exercises"]:
        if not isinstance(row, list) or len(row) != 4:
            raise CodecError("a planned exercise is not [id, sets, rep_low, rep_high]")
        ex_id, sets, low, high = row
        if not isinstance(ex_id, str):
            raise CodecError("a planned exercise id is not a string")
        planned.append(
            PlannedExercise(ex_id, _int(sets, "sets"), _int(low, "rep_low"), _int(high, "rep_high"))
        )
    return TrainingDay(_str(doc, "name"), _int(doc["weekday"], "weekday"), tuple(planned))


def mesocycle_from_dict(doc: Any) -> Mesocycle:
    with decoding("a mesocycle"):
        targets = _list(_object(doc, "a mesocycle"), "rir_targets")
        days = _list(doc, "days")
        return Mesocycle(
            name=_str(doc, "name"),
            start=_parse_date(doc["start"], "start"),
            weeks=_int(doc["weeks"], "weeks"),
            days=tuple(_day_from_dict(d) for d in days),
            rir_targets=tuple(_int(t, "rir_targets") for t in targets),
            id=_str(doc, "id"),
            deload_start=_parse_opt_date(doc.get("deload_start"), "deload_start"),
            postponed_until=_parse_opt_date(doc.get("postponed_until"), "postponed_until"),
            ended=_parse_opt_date(doc.get("ended"), "ended"),
            day_changes=_changes_from_dict(doc.get("day_changes")),
        )
