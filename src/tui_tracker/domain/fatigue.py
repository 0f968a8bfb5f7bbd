"""The signs that fatigue is winning inside a block, per exercise, for deload.py to
weigh: performance falling at the planned effort.

(a) e1RM falling: an exercise whose best-set e1RM went down on each of its last two
    exposures (three exposures in a row, each more than 1% lower than the one
    before: smaller slips are the rounding of loads, reps and RIR, as when the load
    goes up 2.5 kg and the estimate moves 0.1 kg; the latest within the last 14
    days, so a dropped lift's old slump does not linger).  One exposure = one
    session's working sets of the exercise, the best set by e1RM; only sessions
    since the block started.  Only confident estimates count (strength.py): a set of
    more than 12 reps plus RIR, or without a RIR, says too little to call a deload
    on, so a session whose sets are all like that is no exposure.
(b) RIR below target: in the last 7 days, the exercise had at least 2 working sets
    with a recorded RIR at its most common load (ties: the heavier), and every such
    set was 2 or more reps closer to failure than that day's target
    (rir <= target - 2): the same weight now feels much heavier than planned.

Apart from deload.py because these read the sets; when they make a deload due (how
many exercises, from which week) is the decision's, there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .bodyweight import has_e1rm
from .mesocycle import Lookup, Mesocycle, shift
from .models import LoggedSet, Session
from .rir_targets import target_rir_on
from .strength import e1rm

#: A falling exercise counts only if its latest exposure is this recent.
RECENT_EXPOSURE = timedelta(days=14)
#: An exposure counts as lower only when its e1RM is more than this share below the last.
MIN_FALL = 0.01
#: The RIR rule looks at this many days, today included.
RIR_WINDOW = timedelta(days=7)
RIR_SHORTFALL = 2
MIN_SHORT_SETS = 2

Rule = Literal["e1rm_falling", "rir_below_target"]


@dataclass(frozen=True)
class FatigueSignal:
    """One exercise showing fatigue, with the sets that show it."""

    rule: Rule
    exercise_id: str
    exercise_name: str
    dates: tuple[date, ...]
    detail: str


def _working(sets: list[LoggedSet]) -> list[LoggedSet]:
    # Drop, rest-pause, timed and distance sets have no e1RM (domain/bodyweight.py).
    return [s for s in sets if has_e1rm(s)]


def _kg(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _in_block(meso: Mesocycle, sessions: list[Session], today: date) -> list[Session]:
    return sorted(
        (s for s in sessions if meso.start <= s.date <= today), key=lambda s: (s.date, s.started_at)
    )


def e1rm_falling_signals(
    meso: Mesocycle, sessions: list[Session], exercises: Lookup, today: date
) -> list[FatigueSignal]:
    """Rule (a), per exercise: the last three exposures each lower than the one before
    (confident estimates only)."""
    exposures: dict[str, list[tuple[date, float]]] = {}
    for session in _in_block(meso, sessions, today):
        for ex_id in session.exercise_ids():
            estimates = [
                e1rm(s.weight_kg, s.reps, s.rir) for s in _working(session.sets_for(ex_id))
            ]
            confident = [e.kg for e in estimates if not e.low_confidence]
            if confident:
                exposures.setdefault(ex_id, []).append((session.date, max(confident)))
    signals = []
    for ex_id, points in exposures.items():
        last = points[-3:]
        if len(last) < 3 or today - last[-1][0] > RECENT_EXPOSURE:
            continue
        if all(b < a * (1 - MIN_FALL) for (_, a), (_, b) in zip(last, last[1:])):
            ex = exercises(ex_id)
            name = ex.name if ex else ex_id
            values = " -> ".join(f"{_kg(kg)} kg ({d.isoformat()})" for d, kg in last)
            detail = f"{name}: e1RM fell on each of the last two sessions: {values}"
            signals.append(
                FatigueSignal("e1rm_falling", ex_id, name, tuple(d for d, _ in last), detail)
            )
    return signals


def rir_below_target_signals(
    meso: Mesocycle, sessions: list[Session], exercises: Lookup, today: date
) -> list[FatigueSignal]:
    """Rule (b), per exercise: every recent set at its usual load 2+ RIR below target."""
    since = shift(today, 1 - RIR_WINDOW.days)
    rows: dict[str, list[tuple[LoggedSet, int, date]]] = {}
    for session in _in_block(meso, sessions, today):
        if session.date < since:
            continue
        for ex_id in session.exercise_ids():
            ex = exercises(ex_id)
            working = _working(session.sets_for(ex_id))
            if ex is None or not working:
                continue
            for i, s in enumerate(working):
                target = target_rir_on(meso, session.date, ex, i == len(working) - 1)
                if s.rir is not None and target is not None:
                    rows.setdefault(ex_id, []).append((s, target, session.date))
    signals = []
    for ex_id, found in rows.items():
        counts = Counter(s.weight_kg for s, _, _ in found)
        load = max(counts, key=lambda w: (counts[w], w))
        at_load = [(s, t, d) for s, t, d in found if s.weight_kg == load]
        if len(at_load) < MIN_SHORT_SETS or any(
            s.rir is not None and s.rir > t - RIR_SHORTFALL for s, t, _ in at_load
        ):
            continue
        name = exercises(ex_id).name  # type: ignore[union-attr]  # checked above
        sets = "; ".join(f"{s.describe()} on {d.isoformat()} vs target {t}" for s, t, d in at_load)
        signals.append(
            FatigueSignal(
                "rir_below_target",
                ex_id,
                name,
                tuple(sorted({d for _, _, d in at_load})),
                f"{name}: every set at {_kg(load)} kg was 2+ reps closer to "
                f"failure than planned: {sets}",
            )
        )
    return signals
