"""Reading an export back in: checking the document, then merging it into a store.

An export is checked whole before anything is written (`loads`, `from_document`:
ExchangeError names the first bad record), because it may have been edited by hand
or by another tool; then `merge` adds what the store does not hold yet, matched by
id, so the same file imported twice adds nothing the second time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable

import orjson

from ..domain.inputs import MAX_REPS, MAX_RIR, MAX_WEIGHT_KG
from ..domain.mesocycle import Mesocycle
from ..domain.models import Exercise, LoggedSet, Session
from ..domain.muscles import MUSCLES
from ..domain.targets import DEFAULT_TARGETS
from ..domain.text import CONTROL
from . import codec, mesocycle_codec
from .exchange_types import FORMAT, FORMAT_VERSION, Exchange, ExchangeError
from .settings_tables import MAX_WEEKLY_SETS

if TYPE_CHECKING:
    from .store import Store


def _list(doc: dict[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ExchangeError(f"{key} is not a list")
    return value


def from_document(doc: Any) -> Exchange:
    """The training log in an export document; ExchangeError names the first bad record."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeError(
            "it is not a tui-tracker export (made with: tui-tracker export "
            "--format json); to import from Strong, Hevy or FitNotes use "
            "'tui-tracker import strong', 'import hevy' or 'import fitnotes'"
        )
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExchangeError(f"format_version {version!r} is not a version number")
    if version > FORMAT_VERSION:
        raise ExchangeError(
            f"it is format version {version}, written by a newer tui-tracker "
            f"(this one reads up to {FORMAT_VERSION}): upgrade tui-tracker"
        )
    where = ""
    try:
        exercises = []
        for i, item in enumerate(_list(doc, "exercises")):
            where = f"exercises[{i}]"
            exercises.append(codec.exercise_from_dict(item))
        mesocycles = []
        for i, item in enumerate(_list(doc, "mesocycles")):
            where = f"mesocycles[{i}]"
            mesocycles.append(mesocycle_codec.mesocycle_from_dict(item))
        sessions = []
        for i, item in enumerate(_list(doc, "sessions")):
            where = f"sessions[{i}]"
            sessions.append(codec.session_from_dict(item))
        bodyweights = []
        for i, item in enumerate(_list(doc, "bodyweights")):  # (none before version 2)
            where = f"bodyweights[{i}]"
            bodyweights.append(codec.bodyweight_from_dict(item))
    except codec.CodecError as e:
        raise ExchangeError(f"{where}: {e}") from None
    from ..domain.catalogue import Catalogue

    known = Catalogue(exercises)  # the builtin ones and the export's own

    def lifts_the_body(exercise_id: str) -> bool:
        ex = known.get(exercise_id)
        return ex is not None and ex.bodyweight

    for i, session in enumerate(sessions):
        for s in session.sets:
            problem = _outside_the_rules(s, lifts_the_body(s.exercise_id))
            if problem:
                raise ExchangeError(f"sessions[{i}]: set {s.id}: {problem}")
    _check_ids(exercises, mesocycles, sessions)
    targets = _volume_targets(doc.get("volume_targets", {}))
    settings = doc.get("settings", {})
    if not isinstance(settings, dict):
        raise ExchangeError("settings is not an object")
    if "" in settings:
        raise ExchangeError("settings: a setting has an empty name")
    for kind, items in (("exercise", exercises), ("mesocycle", mesocycles), ("session", sessions)):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise ExchangeError(f"{kind} {item.id} appears twice")
            seen.add(item.id)
    days = [b.day for b in bodyweights]
    if len(set(days)) != len(days):
        raise ExchangeError("bodyweights: a day appears twice")
    return Exchange(
        tuple(exercises), tuple(sessions), tuple(mesocycles), targets, settings, tuple(bodyweights)
    )


def _check_ids(
    exercises: list[Exercise], mesocycles: list[Mesocycle], sessions: list[Session]
) -> None:
    """Ids are the app's own (hex, slugs): one holding a control character was made by hand
    to reach a terminal or a spreadsheet, and is refused (names and notes are cleaned by
    the domain, but an id is an identity, not text to clean)."""

    def check(where: str, *ids: str) -> None:
        for value in ids:
            if CONTROL.search(value):
                raise ExchangeError(f"{where}: id {value!r} holds control characters")

    for i, e in enumerate(exercises):
        check(f"exercises[{i}]", e.id)
    for i, m in enumerate(mesocycles):
        check(f"mesocycles[{i}]", m.id, *m.exercise_ids())
    for i, session in enumerate(sessions):
        check(
            f"sessions[{i}]", session.id, *(x for s in session.sets for x in (s.id, s.exercise_id))
        )


def _outside_the_rules(s: LoggedSet, bodyweight: bool) -> str | None:
    """What a typed set could never be (domain/inputs.py's limits), or None.

    The codec checks types only; an export edited by hand (or by another tool)
    must not store what the app would refuse to log.  `bodyweight`: the set's exercise
    lifts the body, where a negative weight is the assistance (BW-30).
    """
    low = -MAX_WEIGHT_KG if bodyweight else 0
    if not (math.isfinite(s.weight_kg) and low <= s.weight_kg <= MAX_WEIGHT_KG + 1e-9):
        return f"weight_kg {s.weight_kg!r} is outside {low:g} to {MAX_WEIGHT_KG:g} kg"
    # 0 reps with no time or distance: refused when typed now, but logs from before
    # timed sets hold some, and an export must import back as it is.
    if not 0 <= s.reps <= MAX_REPS:
        return f"reps {s.reps} is outside 0 to {MAX_REPS}"
    if s.rir is not None and not 0 <= s.rir <= MAX_RIR:
        return f"rir {s.rir} is outside 0 to {MAX_RIR}"
    return None


def _volume_targets(value: Any) -> dict[str, tuple[int, int]]:
    if not isinstance(value, dict):
        raise ExchangeError("volume_targets is not an object")
    out = {}
    for muscle, pair in value.items():
        if muscle not in MUSCLES:
            raise ExchangeError(f"volume_targets: unknown muscle {muscle!r}")
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)
        ):
            raise ExchangeError(f"volume_targets.{muscle} is not [low, high]")
        if not 0 <= pair[0] <= pair[1] <= MAX_WEEKLY_SETS:
            raise ExchangeError(
                f"volume_targets.{muscle} {pair} is not 0 <= low <= high <= "
                f"{MAX_WEEKLY_SETS} sets a week"
            )
        out[muscle] = (pair[0], pair[1])
    return out


def loads(raw: bytes | str) -> Exchange:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        app = _csv_app(raw)
        if app is not None:
            raise ExchangeError(
                f"this is a CSV exported by {APP_NAMES[app]}, not a tui-tracker "
                f"export: import it with 'tui-tracker import {app} FILE'"
            ) from None
        raise ExchangeError(f"it is not valid JSON ({e})") from None
    return from_document(doc)


APP_NAMES = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}


def _csv_app(raw: bytes | str) -> str | None:
    """The app whose CSV export `raw` is, from its first line, or None."""
    from ..domain.imports.headers import app_of_header

    head = raw[:4096]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    first = next((line for line in text.splitlines() if line.strip()), "")
    return app_of_header(first)


# --- merging an export into a store ------------------------------------------------------


@dataclass(frozen=True)
class Merged:
    """What `merge` added (and how many records were already there)."""

    exercises: int
    sessions: int
    sets: int
    mesocycles: int
    skipped_sessions: int
    volume_targets: int
    settings: int
    bodyweights: int = 0


_MISSING = object()


def existing_session_ids(store: Store, sessions: Iterable[Session]) -> set[str]:
    """Which of `sessions` the store already holds (by id); reads only their years."""
    sessions = list(sessions)
    if not sessions:
        return set()
    wanted = {s.id for s in sessions}
    first = min(s.date for s in sessions)
    last = max(s.date for s in sessions)
    return {
        s.id
        for s in store.sessions_between(date(first.year, 1, 1), date(last.year, 12, 31))
        if s.id in wanted
    }


def merge(store: Store, data: Exchange, batch: str | None = None) -> Merged:
    """Add to the store what it does not have yet; nothing it has is changed.

    Records are matched by id, so importing the same file twice adds nothing
    the second time.  A volume target or setting is taken only where the store
    still has the default.  Exercises are written first, so sessions never
    refer to an exercise the store lacks.
    """
    have = {e.id for e in store.custom_exercises()}
    new_exercises = [e for e in data.exercises if e.id not in have]
    store.save_exercises(new_exercises)  # one write, however many

    present = existing_session_ids(store, data.sessions)
    new_sessions = [s for s in data.sessions if s.id not in present]
    if new_sessions:
        store.import_sessions(new_sessions, batch=batch)

    known = {m.id for m in store.mesocycles()}
    new_mesos = [m for m in data.mesocycles if m.id not in known]
    store.save_mesocycles(new_mesos)

    targets = 0
    current = store.volume_targets()
    for muscle, target in data.volume_targets.items():
        default = DEFAULT_TARGETS.get(muscle)
        if target != default and current.get(muscle) == default:
            store.set_volume_target(muscle, *target)
            targets += 1
    settings = 0
    for key, value in data.settings.items():
        if store.get_setting(key, _MISSING) is _MISSING:
            store.set_setting(key, value)
            settings += 1
    logged = {b.day for b in store.bodyweights()}
    new_weights = [b for b in data.bodyweights if b.day not in logged]
    for b in new_weights:  # a day already weighed keeps its weight
        store.log_bodyweight(b.day, b.kg)
    return Merged(
        len(new_exercises),
        len(new_sessions),
        sum(len(s.sets) for s in new_sessions),
        len(new_mesos),
        len(present),
        targets,
        settings,
        len(new_weights),
    )
