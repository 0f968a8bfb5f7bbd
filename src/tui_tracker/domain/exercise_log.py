"""One exercise's recent past, as the Today screen's `l` shows it: per session the best
set, the sets done and the e1RM; the e1RM trend; the exercise's records.

The best set of a session is its working set with the highest e1RM (strength.e1rm:
weight x (1 + (reps + RIR) / 30), so 100 x 8 @2 beats 105 x 5 @0); on a tie the
earlier set.  A session of warm-ups only has no best set and no point on the trend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from collections.abc import Iterable

from .models import LoggedSet, Session
from .records import ExerciseRecords, records_of
from .strength import e1rm

#: Sessions shown (and points on the trend).
RECENT = 12


@dataclass(frozen=True)
class SessionLine:
    day: date
    session_id: str
    best: LoggedSet | None  # None: warm-ups only
    e1rm_kg: float | None
    low_confidence: bool  # the best set's estimate is a guess (no RIR, or past 12 reps)
    working: int
    warmups: int

    @property
    def sets_text(self) -> str:
        """'4' or '4 +2w' (working sets and warm-ups apart, as History)."""
        return f"{self.working}" + (f" +{self.warmups}w" if self.warmups else "")


@dataclass(frozen=True)
class ExerciseHistory:
    exercise_id: str
    name: str
    sessions: tuple[SessionLine, ...]  # newest first, at most RECENT
    total_sessions: int  # every session with the exercise, however old
    records: ExerciseRecords | None  # None: no working set ever

    @property
    def trend(self) -> list[float]:
        """The shown sessions' e1RM (kg), oldest first: the sparkline's points."""
        return [line.e1rm_kg for line in reversed(self.sessions) if line.e1rm_kg is not None]


def best_of(sets: Iterable[LoggedSet]) -> tuple[LoggedSet, float, bool] | None:
    """The working set with the highest e1RM (the earlier on a tie), its e1RM, and whether
    that estimate is low-confidence; None without a working set of 1 rep or more."""
    best: tuple[LoggedSet, float, bool] | None = None
    for s in sets:
        if s.is_warmup or s.reps <= 0:
            continue
        est = e1rm(s.weight_kg, s.reps, s.rir)
        if best is None or est.kg > best[1] + 1e-9:
            best = (s, est.kg, est.low_confidence)
    return best


def session_line(session: Session, exercise_id: str) -> SessionLine:
    sets = session.sets_for(exercise_id)
    working = sum(1 for s in sets if not s.is_warmup)
    found = best_of(sets)
    if found is None:
        return SessionLine(
            session.date, session.id, None, None, False, working, len(sets) - working
        )
    best, kg, low = found
    return SessionLine(session.date, session.id, best, kg, low, working, len(sets) - working)


def exercise_history(
    sessions: Iterable[Session], exercise_id: str, name: str, recent: int = RECENT
) -> ExerciseHistory:
    """The exercise's last `recent` sessions (newest first) and its records, over
    `sessions` (any order; sessions without the exercise are skipped)."""
    with_it = [s for s in sessions if s.sets_for(exercise_id)]
    with_it.sort(key=lambda s: (s.date, s.started_at), reverse=True)
    records = records_of(with_it).get(exercise_id)
    lines = tuple(session_line(s, exercise_id) for s in with_it[:recent])
    return ExerciseHistory(exercise_id, name, lines, len(with_it), records)


__all__ = [
    "RECENT",
    "ExerciseHistory",
    "SessionLine",
    "best_of",
    "exercise_history",
    "session_line",
]
