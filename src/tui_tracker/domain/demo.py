"""A believable lifter's last eleven weeks, to see the app alive before logging anything.

Two blocks of the Upper/Lower 4-day template (5 accumulation weeks each):
the first finished, with its deload week; the second in week 4 as of `today`.
Sessions fall on the planned weekdays only, up to yesterday (or today), with
one missed session in the first block, as happens.

How the numbers are made, so the dashboard and the deload rules read them as
a real lifter's:

- each exercise has a strength (e1RM) that grows about 1-1.5% a week on
  compounds and a little less on isolation work, with a little day-to-day noise;
- the lifter picks a load for the week's target RIR (`target_rir_on`) at the
  middle of the rep range (rounded down to the plates or pin they have),
  never lighter than last week in the same block, and does the reps that
  load allows: loads rise a little week to week, reps move within the range,
  and the best set's e1RM mostly rises;
- the logged RIR is what the strength leaves in reserve, rounded as a lifter
  guesses it, a bit lower on later sets (fatigue); squats and deadlifts keep
  a rep in reserve, and a set planned at 0 (the final set of a last week
  planned at 0: not this demo's default targets) goes to failure;
- the deload week: half the sets, about 90% of the load, RIR 4 or more;
- the heavy first lift of each day gets warm-ups (no RIR: they never count).

Pure and deterministic: the same `today`, `seed` and time zone give the same
sessions, ids included, so writing the demo twice gives the same database.
"""

from __future__ import annotations

import hashlib
import math
import random
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from .catalogue import Catalogue
from .deload import start_deload
from .mesocycle import DELOAD_RIR, Mesocycle, PlannedExercise, end_mesocycle, phase, planned_day
from .rir_targets import target_rir_on
from .models import Exercise, LoggedSet, Session
from .templates import build_mesocycle

TEMPLATE = "upper-lower-4"
WEEKS = 5
#: The current block's week as of `today`.
CURRENT_WEEK = 4
DEFAULT_SEED = 1

# exercise id -> (week-1 working load in kg, load step in kg, warm-up sets).
# A load of 0 is bodyweight: progress shows in the reps.
LOADS: dict[str, tuple[float, float, int]] = {
    "barbell-bench-press": (80, 2.5, 3),
    "barbell-row": (70, 2.5, 0),
    "barbell-overhead-press": (47.5, 2.5, 0),
    "lat-pulldown": (62.5, 2.5, 0),
    "dumbbell-lateral-raise": (10, 1, 0),
    "ez-bar-curl": (30, 2.5, 0),
    "triceps-rope-pushdown": (25, 2.5, 0),
    "barbell-back-squat": (110, 2.5, 3),
    "romanian-deadlift": (100, 2.5, 1),
    "hack-squat": (120, 5, 0),
    "lying-leg-curl": (42.5, 2.5, 0),
    "standing-calf-raise": (80, 5, 0),
    "cable-crunch": (40, 2.5, 0),
    "incline-dumbbell-press": (30, 2, 2),
    "pull-up": (0, 1, 0),
    "seated-cable-row": (65, 2.5, 0),
    "cable-crossover": (15, 1.25, 0),
    "cable-lateral-raise": (7.5, 1.25, 0),
    "face-pull": (25, 2.5, 0),
    "dumbbell-curl": (14, 2, 0),
    "overhead-cable-triceps-extension": (25, 2.5, 0),
    "conventional-deadlift": (150, 2.5, 3),
    "bulgarian-split-squat": (20, 2, 0),
    "leg-extension": (55, 5, 0),
    "seated-leg-curl": (50, 2.5, 0),
    "seated-calf-raise": (50, 5, 0),
    "hanging-leg-raise": (0, 1, 0),
}
_FALLBACK = {"compound": (40.0, 2.5, 0), "isolation": (15.0, 1.25, 0)}
#: (fraction of the working load, reps) for 1, 2 or 3 warm-up sets.
_WARMUPS = {1: ((0.6, 6),), 2: ((0.5, 8), (0.75, 4)), 3: ((0.4, 8), (0.6, 5), (0.8, 3))}
_SET_NOTES = (
    "belt",
    "felt strong",
    "paused first rep",
    "slow eccentric",
    "grip gave out",
    "left shoulder a bit off",
)
#: Start times by weekday: lower days before work, upper days after.
_START_HOURS = {0: 18, 1: 7, 2: 18, 3: 18, 4: 7, 5: 10, 6: 10}


@dataclass(frozen=True)
class DemoLifter:
    """The demo's blocks (oldest first) and sessions (oldest first)."""

    mesocycles: tuple[Mesocycle, ...]
    sessions: tuple[Session, ...]

    @property
    def sets(self) -> int:
        return sum(len(s.sets) for s in self.sessions)

    @property
    def warmups(self) -> int:
        return sum(1 for s in self.sessions for x in s.sets if x.is_warmup)


def demo_id(seed: int, *parts: object) -> str:
    """A uuid-shaped id that depends only on the seed and what it names."""
    digest = hashlib.sha256("|".join(["demo", str(seed), *map(str, parts)]).encode()).digest()
    return uuid.UUID(bytes=digest[:16], version=4).hex


def demo_blocks(today: date, seed: int = DEFAULT_SEED) -> tuple[Mesocycle, Mesocycle]:
    """The finished block (deload done, ended when the next began) and the current one,
    which starts on the Monday three weeks before this week's, so `today` is in week 4."""
    current_start = today - timedelta(days=today.weekday(), weeks=CURRENT_WEEK - 1)
    first_start = current_start - timedelta(weeks=WEEKS + 1)
    first = replace(build_mesocycle(TEMPLATE, WEEKS, first_start), id=demo_id(seed, "meso", 1))
    first = start_deload(first, first_start + timedelta(weeks=WEEKS))
    first = end_mesocycle(first, current_start)
    current = replace(build_mesocycle(TEMPLATE, WEEKS, current_start), id=demo_id(seed, "meso", 2))
    return first, current


def _step(value: float, step: float) -> float:
    return round(round(value / step) * step, 2)


def _step_down(value: float, step: float) -> float:
    """The heaviest load on the step at or under `value`: the load the lifter is sure of."""
    return round(math.floor(value / step + 1e-9) * step, 2)


@dataclass
class _Lift:
    """One exercise's strength and what the lifter did with it last."""

    exercise: Exercise
    base_load: float
    step: float
    warmups: int
    e1rm0: float
    growth: float
    last_load: dict[str, float]  # block id -> last accumulation load
    reps0: int

    def strength(self, weeks: float) -> float:
        return float(self.e1rm0 * (1 + self.growth) ** weeks)


def _lift(ex: Exercise, planned: PlannedExercise, rng: random.Random) -> _Lift:
    load, step, warmups = LOADS.get(ex.id, _FALLBACK[ex.kind])
    mid = (planned.rep_low + planned.rep_high) // 2
    growth = rng.uniform(0.009, 0.015) if ex.is_compound else rng.uniform(0.006, 0.01)
    return _Lift(
        ex, float(load), step, warmups, float(load) * (1 + (mid + 3) / 30), growth, {}, mid
    )


def _sets_for(
    lift: _Lift,
    planned: PlannedExercise,
    meso: Mesocycle,
    day: date,
    weeks: float,
    rng: random.Random,
) -> list[tuple[str, float, int, int | None, str]]:
    """(kind, kg, reps, rir, note) for one exercise on one day."""
    ex = lift.exercise
    deload = phase(meso, day) == "deload"
    low, high = planned.rep_low, planned.rep_high
    mid = (low + high) // 2
    nominal = lift.strength(weeks)
    today_strength = nominal * (1 + rng.gauss(0, 0.004))
    out: list[tuple[str, float, int, int | None, str]] = []

    if lift.base_load == 0:  # bodyweight: add reps
        block_week = (day - meso.start).days // 7
        reps = min(high, lift.reps0 + block_week // 2)
        for k in range(planned.sets):
            target = target_rir_on(meso, day, ex, k == planned.sets - 1) or 0
            rir = max(0, target + rng.choice((-1, 0, 0, 0, 1)))
            if deload:
                rir = max(rir, DELOAD_RIR)
            out.append(("working", 0.0, max(1, reps - (k >= 2)), rir, ""))
        return out

    first_target = target_rir_on(meso, day, ex, False)
    if deload or first_target is None:
        load = _step(lift.last_load.get(meso.id, lift.base_load) * 0.9, lift.step)
        reps = low if not ex.is_compound else min(high, mid)
    else:
        load = _step_down(nominal / (1 + (mid + first_target) / 30), lift.step)
        load = max(load, lift.last_load.get(meso.id, 0.0))
        lift.last_load[meso.id] = load
        reps = round(30 * (nominal / load - 1) - first_target)
        reps = max(low, min(high, reps))

    for k in range(lift.warmups if not deload else min(lift.warmups, 1)):
        frac, n = _WARMUPS[lift.warmups][k] if not deload else _WARMUPS[1][0]
        out.append(("warmup", max(lift.step, _step(load * frac, lift.step)), n, None, ""))

    for k in range(planned.sets):
        final = k == planned.sets - 1
        planned_rir = target_rir_on(meso, day, ex, final)
        in_reserve = 30 * (today_strength / load - 1) - reps - 0.45 * k + rng.gauss(0, 0.3)
        rir = math.floor(in_reserve + 0.5)
        n = reps
        if deload:
            rir = max(DELOAD_RIR, min(rir, DELOAD_RIR + 2))
        elif planned_rir == 0 and final and rir > 0:
            n, rir = reps + rir, 0  # a final set planned at 0 in the last week: to failure
        if ex.high_skill and rir < 1:
            n, rir = n - (1 - rir), 1  # a rep kept in reserve on squats and deadlifts
        elif rir < 0:
            n, rir = n + rir, 0
        note = rng.choice(_SET_NOTES) if rng.random() < 0.02 else ""
        out.append(("working", load, max(1, n), rir, note))
    return out


def demo_lifter(
    today: date,
    *,
    tz: tzinfo,
    seed: int = DEFAULT_SEED,
    through_today: bool = False,
    catalogue: Catalogue | None = None,
) -> DemoLifter:
    """The demo lifter as of `today`: sessions up to yesterday (or today too), times in `tz`."""
    catalogue = catalogue or Catalogue()
    blocks = demo_blocks(today, seed)
    first, current = blocks
    rng = random.Random(seed)
    lifts: dict[str, _Lift] = {}
    for meso in blocks:
        for d in meso.days:
            for p in d.exercises:
                ex = catalogue.get(p.exercise_id)
                if ex is not None and ex.id not in lifts:
                    lifts[ex.id] = _lift(ex, p, rng)

    last_day = today if through_today else today - timedelta(days=1)
    # One session of the first block's weeks 2-4 was missed, as happens.
    candidates = [first.start + timedelta(days=n) for n in range(7, 28)]
    candidates = [d for d in candidates if planned_day(first, d) is not None]
    missed = rng.choice(candidates)

    sessions: list[Session] = []
    day = first.start
    while day <= last_day:
        meso = first if day < current.start else current
        plan = planned_day(meso, day)
        if plan is None or day == missed:
            day += timedelta(days=1)
            continue
        weeks = (day - first.start).days / 7
        start = datetime(
            day.year,
            day.month,
            day.day,
            _START_HOURS[day.weekday()],
            rng.randrange(0, 50, 5),
            tzinfo=tz,
        )
        t = start + timedelta(minutes=rng.randint(3, 8))
        sets: list[LoggedSet] = []
        for p in plan.exercises:
            lift = lifts.get(p.exercise_id)
            if lift is None:
                continue
            t += timedelta(seconds=rng.randint(60, 150))  # set up the next exercise
            previous = None
            for kind, kg, reps, rir, note in _sets_for(lift, p, meso, day, weeks, rng):
                if previous == "working":
                    t += timedelta(seconds=lift.exercise.rest_seconds + rng.randint(-15, 45))
                elif previous == "warmup":
                    t += timedelta(seconds=rng.randint(60, 120))
                sets.append(
                    LoggedSet(
                        exercise_id=p.exercise_id,
                        weight_kg=kg,
                        reps=reps,
                        rir=rir,
                        at=t,
                        unit="kg",
                        kind=kind,  # type: ignore[arg-type]
                        note=note,
                        id=demo_id(seed, "set", day, len(sets)),
                    )
                )
                t += timedelta(seconds=20 + 4 * reps)
                previous = kind
        note = "Deload week" if phase(meso, day) == "deload" else ""
        sessions.append(
            Session(
                date=day,
                started_at=start,
                sets=tuple(sets),
                ended_at=t + timedelta(minutes=rng.randint(2, 6)),
                note=note,
                id=demo_id(seed, "session", day),
            )
        )
        day += timedelta(days=1)
    return DemoLifter(blocks, tuple(sessions))


__all__ = [
    "CURRENT_WEEK",
    "DEFAULT_SEED",
    "DemoLifter",
    "LOADS",
    "TEMPLATE",
    "WEEKS",
    "demo_blocks",
    "demo_id",
    "demo_lifter",
]
