"""What the progress dashboard shows: strength trends and how well effort matched the plan.

Strength is tracked as the best working set's e1RM per session, so a set of
8 @2 and a set of 5 @0 compare fairly.  Effort compliance compares each
logged RIR with the target of the week it was done in: sets well below target
mean the plan is being overrun (fatigue builds), well above mean it is too easy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal
from collections.abc import Callable, Iterable, Sequence

from .bodyweight import Bodyweight, estimates_strength, has_e1rm, latest_on, set_e1rm
from .mesocycle import Lookup, Mesocycle
from .rir_targets import target_rir_on
from .models import Exercise, LoggedSet, Session
from .strength import e1rm

Direction = Literal["rising", "flat", "falling"]

#: A trend moving less than this share of the mean over its span is flat.
FLAT_BAND = 0.01
#: A logged RIR this close to the target counts as on target.
ON_TARGET_TOLERANCE = 1


def _working(session: Session, exercise_id: str) -> list[LoggedSet]:
    # Drop, rest-pause, timed and distance sets have no e1RM (domain/bodyweight.py).
    return [s for s in session.sets_for(exercise_id) if has_e1rm(s)]


def _in_order(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: (s.date, s.started_at))


def _e1rm_kg(s: LoggedSet) -> float:
    return e1rm(s.weight_kg, s.reps, s.rir).kg


_Estimate = Callable[[LoggedSet, date], float | None]


def _estimator(exercise: Exercise | None, bodyweights: Sequence[Bodyweight]) -> _Estimate:
    """e1RM (kg, or None) of a set done on a day: on a bodyweight exercise over the body
    and its added load, with the bodyweight logged on or before that day (domain/
    bodyweight.py); elsewhere the set's own weight."""
    if exercise is None or not exercise.bodyweight:
        return lambda s, day: _e1rm_kg(s) if s.weight_kg >= 0 else None  # (-: assisted)

    def over_the_body(s: LoggedSet, day: date) -> float | None:
        weighed = latest_on(bodyweights, day)
        est = set_e1rm(s, exercise, weighed.kg if weighed else None)
        return est.kg if est else None

    return over_the_body


def _estimates(
    session: Session, exercise_id: str, estimate: _Estimate
) -> list[tuple[float, LoggedSet]]:
    out = []
    for s in session.sets_for(exercise_id):
        if not estimates_strength(s):
            continue
        kg = estimate(s, session.date)
        if kg is not None:
            out.append((kg, s))
    return out


def e1rm_trend(
    sessions: Iterable[Session],
    exercise_id: str,
    exercise: Exercise | None = None,
    bodyweights: Sequence[Bodyweight] = (),
) -> list[tuple[date, float]]:
    """(date, best working-set e1RM in kg) per session with the exercise, oldest first.

    Warm-ups, 0-rep, drop, rest-pause, timed and distance sets are skipped: they say
    nothing sure about strength.  Given a bodyweight `exercise` and the lifter's
    `bodyweights`, a set's e1RM is over bodyweight + added load (a pull-up at BW+20);
    a set before the first bodyweight logged then has none.
    """
    estimate = _estimator(exercise, bodyweights)
    points = []
    for session in _in_order(sessions):
        found = _estimates(session, exercise_id, estimate)
        if found:
            points.append((session.date, max(kg for kg, _ in found)))
    return points


def trend_direction(points: list[tuple[date, float]]) -> Direction:
    """Rising, flat or falling, from the least-squares line through the points.

    The line's change from the first to the last date, as a share of the mean
    e1RM, must exceed 1% either way to count as a trend; day-to-day noise of a
    kilo or two on a 100 kg lift stays "flat".  Fewer than 2 points (or all on
    one day) is flat.
    """
    if len(points) < 2:
        return "flat"
    first = points[0][0]
    xs = [float((d - first).days) for d, _ in points]
    ys = [kg for _, kg in points]
    n = len(points)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0 or mean_y <= 0:
        return "flat"
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread
    change = slope * (max(xs) - min(xs)) / mean_y
    if change > FLAT_BAND:
        return "rising"
    if change < -FLAT_BAND:
        return "falling"
    return "flat"


def best_set(
    sessions: Iterable[Session],
    exercise_id: str,
    exercise: Exercise | None = None,
    bodyweights: Sequence[Bodyweight] = (),
) -> LoggedSet | None:
    """The working set with the highest e1RM (the earliest one on a tie), or None; on a
    bodyweight exercise as e1rm_trend reckons it."""
    estimate = _estimator(exercise, bodyweights)
    best: tuple[float, LoggedSet] | None = None
    for session in _in_order(sessions):
        for kg, s in _estimates(session, exercise_id, estimate):
            if best is None or kg > best[0]:
                best = (kg, s)
    return best[1] if best else None


@dataclass(frozen=True)
class Compliance:
    """How one exercise's logged RIR matched the plan's targets.

    `below` are sets closer to failure than planned, `above` easier ones;
    `mean_deviation` is logged minus target RIR over sets with RIR (negative:
    harder than planned), None when no set had one.
    """

    exercise_id: str
    on_target: int = 0
    below: int = 0
    above: int = 0
    without_rir: int = 0
    mean_deviation: float | None = None

    @property
    def with_rir(self) -> int:
        return self.on_target + self.below + self.above

    @property
    def total(self) -> int:
        return self.with_rir + self.without_rir


def rir_compliance(
    meso: Mesocycle, sessions: Iterable[Session], exercises: Lookup, today: date
) -> dict[str, Compliance]:
    """Per planned exercise (plan order), its working sets in the block up to `today`.

    Each set is judged against its own day's target (deload days: 4), on
    target within +-1 rep.  The last working set of an exercise in a session
    counts as its final set.  Sets outside the block are left out.
    """
    result: dict[str, Compliance] = {}
    for ex_id in meso.exercise_ids():
        ex = exercises(ex_id)
        counts = {"on": 0, "below": 0, "above": 0, "none": 0}
        deviations: list[int] = []
        if ex is not None:
            for session in _in_order(sessions):
                if session.date > today:
                    continue
                working = _working(session, ex_id)
                for i, s in enumerate(working):
                    target = target_rir_on(meso, session.date, ex, i == len(working) - 1)
                    if target is None:
                        continue
                    if s.rir is None:
                        counts["none"] += 1
                        continue
                    deviation = s.rir - target
                    deviations.append(deviation)
                    key = (
                        "on"
                        if abs(deviation) <= ON_TARGET_TOLERANCE
                        else "below"
                        if deviation < 0
                        else "above"
                    )
                    counts[key] += 1
        mean = sum(deviations) / len(deviations) if deviations else None
        result[ex_id] = Compliance(
            ex_id, counts["on"], counts["below"], counts["above"], counts["none"], mean
        )
    return result


def main_lifts(meso: Mesocycle, exercises: Lookup | None = None) -> list[str]:
    """The lifts the dashboard charts: the first exercise of each training day.

    The first slot holds the day's heaviest compound, so it is the best
    strength marker.  With `exercises`, it is the first compound of each day
    (a day opening with isolation work is looked past).  No repeats.
    """
    lifts: dict[str, None] = {}
    for day in meso.days:
        for p in day.exercises:
            ex = exercises(p.exercise_id) if exercises else None
            if exercises is None or (ex is not None and ex.is_compound):
                lifts.setdefault(p.exercise_id, None)
                break
    return list(lifts)
