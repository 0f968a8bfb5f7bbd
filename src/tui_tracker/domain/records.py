"""The lifter's own records per exercise, and which ones a newly saved set beats.

Three records, each something a lifter tracks by hand:

* **best e1RM** - the effort-adjusted estimate (strength.e1rm) of the best working set;
  only sets with their RIR logged and a confident estimate (reps + RIR <= 12) count:
  a set without RIR says nothing sure about effort, and a 20-rep set's estimate drifts.
* **most reps at a weight** - per load (exactly that weight, bodyweight included).
* **best session volume** - weight x reps over one session's working sets of the exercise.

A record is news only when it beats an earlier one: the first set of an exercise, or
the first time at a weight, sets the mark and is not announced.  A session's volume
is announced once, by the set that takes it past the best other session.  Warm-ups
never count.  Announcing is the logbook's (a set saved by the lifter); imported
history counts as history to beat but is never announced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal
from collections.abc import Iterable

from .bodyweight import estimates_strength
from .models import LoggedSet, Session, Unit, from_kg
from .strength import CONFIDENT_REP_LIMIT, e1rm

RecordKind = Literal["e1rm", "reps", "volume"]

#: Differences smaller than this (kg) are rounding, not a record.
EPSILON = 0.005


def _counts(s: LoggedSet) -> bool:
    """Working sets and sets to failure: a drop set (done tired, straight after another), a
    rest-pause set (reps summed over short breaks) and timed or distance sets would make
    records nobody lifted (domain/bodyweight.py)."""
    return estimates_strength(s)


def confident_e1rm(s: LoggedSet) -> float | None:
    """The set's e1RM in kg when it can stand as a record; None without RIR or past 12."""
    if not _counts(s) or s.rir is None or s.weight_kg <= 0 or s.reps + s.rir > CONFIDENT_REP_LIMIT:
        return None
    return e1rm(s.weight_kg, s.reps, s.rir).kg


def weight_key(weight_kg: float) -> float:
    """Loads compare to the gram: 225 lb typed twice is the same weight."""
    return round(weight_kg, 3)


def session_volume(session: Session, exercise_id: str) -> float:
    """Weight x reps (kg) over the session's working sets of the exercise."""
    return sum(s.weight_kg * s.reps for s in session.sets_for(exercise_id) if _counts(s))


@dataclass(frozen=True)
class Mark:
    """One record as it stands: the value, the set (or session) that made it, and when."""

    value: float  # kg for e1RM and volume, reps for reps at a weight
    day: date
    set: LoggedSet | None = None  # e1RM and reps
    sets: int = 0  # volume: the session's working sets of the exercise
    unit: Unit = "kg"


@dataclass
class ExerciseRecords:
    """An exercise's records over the sessions added so far (oldest or newest, any order)."""

    exercise_id: str
    e1rm: Mark | None = None
    reps: dict[float, Mark] = field(default_factory=dict)  # weight key -> most reps there
    volume: Mark | None = None
    working_sets: int = 0

    def add(self, session: Session) -> None:
        """Count the session's working sets of the exercise (earlier marks win ties)."""
        sets = [s for s in session.sets_for(self.exercise_id) if _counts(s)]
        if not sets:
            return
        for s in sets:
            self.working_sets += 1
            est = confident_e1rm(s)
            if est is not None and (self.e1rm is None or _beats(est, self.e1rm, session.date)):
                self.e1rm = Mark(est, session.date, s, unit=s.unit)
            key = weight_key(s.weight_kg)
            held = self.reps.get(key)
            if held is None or _beats(s.reps, held, session.date):
                self.reps[key] = Mark(s.reps, session.date, s, unit=s.unit)
        volume = sum(s.weight_kg * s.reps for s in sets)
        if volume > 0 and (self.volume is None or _beats(volume, self.volume, session.date)):
            self.volume = Mark(volume, session.date, sets=len(sets), unit=sets[0].unit)

    def copy(self) -> ExerciseRecords:
        return ExerciseRecords(
            self.exercise_id, self.e1rm, dict(self.reps), self.volume, self.working_sets
        )

    def rep_marks(self) -> list[tuple[float, Mark]]:
        """(weight in kg, most reps there), heaviest first."""
        return sorted(self.reps.items(), key=lambda kv: -kv[0])


def _beats(value: float, mark: Mark, day: date) -> bool:
    """Higher wins; on a tie the earlier day keeps the record."""
    return value > mark.value + EPSILON or (abs(value - mark.value) <= EPSILON and day < mark.day)


def records_of(sessions: Iterable[Session]) -> dict[str, ExerciseRecords]:
    """Every exercise's records over `sessions` (in any order)."""
    out: dict[str, ExerciseRecords] = {}
    for session in sessions:
        for ex_id in session.exercise_ids():
            out.setdefault(ex_id, ExerciseRecords(ex_id)).add(session)
    return {k: v for k, v in out.items() if v.working_sets}


@dataclass(frozen=True)
class Record:
    """A record just beaten: what, the new value, the old one, and one line to show."""

    kind: RecordKind
    exercise_id: str
    value: float
    previous: float
    unit: Unit
    message: str


def new_records(
    past: ExerciseRecords | None,
    today: Iterable[Session],
    session_id: str,
    saved: LoggedSet,
    name: str,
) -> tuple[Record, ...]:
    """The records `saved` beats.

    `past` holds the exercise's records before today's sessions; `today` are the day's
    sessions as committed, `saved` included (in the session `session_id`).  Nothing for
    a warm-up or for the exercise's first working set ever.
    """
    if not _counts(saved):
        return ()
    today = list(today)
    ex_id = saved.exercise_id
    before = past.copy() if past is not None else ExerciseRecords(ex_id)
    current: Session | None = None
    for session in today:
        if session.id == session_id:
            current = session
            before.add(_without(session, saved))
        else:
            before.add(session)
    if before.working_sets == 0:
        return ()
    unit = saved.unit
    found: list[Record] = []

    est = confident_e1rm(saved)
    if est is not None and before.e1rm is not None and est > before.e1rm.value + EPSILON:
        old = before.e1rm.value
        found.append(
            Record(
                "e1rm",
                ex_id,
                est,
                old,
                unit,
                f"Best e1RM on {name}: {_w(est, unit)} from "
                f"{saved.describe()} (was {_w(old, unit)})",
            )
        )

    held = before.reps.get(weight_key(saved.weight_kg))
    if held is not None and saved.reps > held.value:
        at = (
            "bodyweight"
            if saved.weight_kg == 0
            else (
                f"BW-{_w(-saved.weight_kg, unit)}"
                if saved.weight_kg < 0  # assisted
                else _w(saved.weight_kg, unit)
            )
        )
        found.append(
            Record(
                "reps",
                ex_id,
                saved.reps,
                held.value,
                unit,
                f"Most reps at {at} on {name}: {saved.reps} (was {int(held.value)})",
            )
        )

    if current is not None:
        after = session_volume(current, ex_id)
        own = after - saved.weight_kg * saved.reps
        others = [session_volume(s, ex_id) for s in today if s.id != session_id]
        past_best = past.volume.value if past is not None and past.volume is not None else 0.0
        best_other = max([past_best, *others])
        if best_other > 0 and after > best_other + EPSILON and own <= best_other + EPSILON:
            found.append(
                Record(
                    "volume",
                    ex_id,
                    after,
                    best_other,
                    unit,
                    f"Best session volume on {name}: {_w(after, unit)} "
                    f"(was {_w(best_other, unit)})",
                )
            )
    return tuple(found)


def _without(session: Session, s: LoggedSet) -> Session:
    return Session(
        session.date,
        session.started_at,
        tuple(x for x in session.sets if x.id != s.id),
        session.ended_at,
        id=session.id,
    )


def _w(weight_kg: float, unit: Unit) -> str:
    value = from_kg(weight_kg, unit)
    text = f"{value:,.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {unit}"


__all__ = [
    "EPSILON",
    "ExerciseRecords",
    "Mark",
    "Record",
    "RecordKind",
    "confident_e1rm",
    "new_records",
    "records_of",
    "session_volume",
    "weight_key",
]
