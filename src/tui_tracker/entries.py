"""What crosses between a front end and the logbook: a set as the lifter typed it
(`Entry`), and what a write hands back once it is on disk (`Saved`, `Changed`,
`Finished`).

Apart from logbook.py (what the logbook does) because the TUI's dialogs, the command
line and History build and read these without a logbook at hand; `with_entry` is the
edit dialog's change to a set already logged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .domain.inputs import InputError, SetInput
from .domain.models import Exercise, LoggedSet, Session, SetKind, new_set_problem
from .domain.sessions import SetCounts

if TYPE_CHECKING:
    from .domain.advice import Advice
    from .domain.records import Record


@dataclass(frozen=True)
class Entry:
    """A set as the lifter typed it: checked values, its kind, a note.

    `kind` None is "working", or "warmup" with `warmup` (the older way to say it); a
    kind given wins.  `duration_s` / `distance_m` make a timed or distance set (its
    `values.reps` may then be 0); `superset` is the label shared by the sets of
    exercises done in rounds.  On a bodyweight exercise `values.weight_kg` is the load
    added (negative: assisted)."""

    values: SetInput
    warmup: bool = False
    note: str = ""
    kind: SetKind | None = None
    duration_s: int | None = None
    distance_m: float | None = None
    superset: str | None = None

    @property
    def set_kind(self) -> SetKind:
        if self.kind is not None:
            return self.kind
        return "warmup" if self.warmup else "working"

    def check(self) -> None:
        """InputError (the message to show) when this cannot be a set: 0 reps without a
        duration or distance, an unknown kind, a duration or distance out of range."""
        problem = new_set_problem(self.set_kind, self.values.reps, self.duration_s, self.distance_m)
        if problem:
            raise InputError(problem)

    def set_fields(self) -> dict[str, Any]:
        """What the entry says of a set: its values, kind, note, duration, distance and
        superset (a new set is these and its exercise and time)."""
        v = self.values
        return {
            "weight_kg": v.weight_kg,
            "unit": v.unit,
            "reps": v.reps,
            "rir": v.rir,
            "kind": self.set_kind,
            "note": self.note,
            "duration_s": self.duration_s,
            "distance_m": self.distance_m,
            "superset": self.superset,
        }


@dataclass(frozen=True)
class Saved:
    """A set that is on disk: where it went and what the app has to say about it."""

    session: Session
    set: LoggedSet
    exercise: Exercise
    number: int  # this exercise's set number today (warm-ups included)
    advice: Advice | None
    new_session: bool  # the set started a session (the first set, or the first after `f`)
    records: tuple[Record, ...] = ()  # the lifter's records this set beat (domain/records)


@dataclass(frozen=True)
class Changed:
    """An edited, deleted or restored set: the session as committed, and the set."""

    session: Session
    set: LoggedSet
    index: int  # the set's place in its session


@dataclass(frozen=True)
class Finished:
    """A session ended: its set counts, and when it started and ended."""

    session: Session
    counts: SetCounts
    started_at: datetime
    ended_at: datetime


def with_entry(logged: LoggedSet, entry: Entry) -> LoggedSet:
    """The set changed to what the lifter typed in the edit dialog (same id and time).

    An entry that names its `kind` replaces kind, duration, distance and superset too.
    One that does not (only warm-up or not) keeps the set's own: a drop set edited by a
    dialog that knows only warm-ups stays a drop set, and a plank keeps its 60 s."""
    fields = entry.set_fields()
    if entry.kind is None:
        fields = {k: fields[k] for k in ("weight_kg", "unit", "reps", "rir", "note")}
        fields["kind"] = (
            "warmup" if entry.warmup else ("working" if logged.is_warmup else logged.kind)
        )
    return replace(logged, **fields)
