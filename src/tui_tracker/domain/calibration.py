"""How good are the lifter's RIR calls?  Measured from their own sets to failure.

The evidence names individual variability as a limit of every rule built on RIR; this
is how the app measures it.  When a working set is taken to failure (RIR 0) after
working sets at the same load in the same session, the call of the set just before it
at that load can be checked: a set of 8 called RIR 2 predicts 10 reps at failure; if
the failure set then did 11, that RIR 2 meant about 3.  What the set really had in
reserve is read as failure reps minus its reps, never below 0 (a failure set with
fewer reps says the set before was at failure already, as far as this can tell).

Only the nearest earlier set is checked: every set between adds fatigue, which would
read as a miscalled RIR (three sets called @2 and honestly so, then a fourth to
failure, would make the first look like @0).  Even the nearest set had one set's
fatigue less than the failure set, so the reading is a floor: if anything it had more
in reserve.  Warm-ups never count; a set without RIR in between leaves nothing to check.

Enough data: `MIN_SETS` checked sets of one call on one exercise, from at least
`MIN_SESSIONS` sessions.  A single check is +-1 rep at best (reps are whole, days
differ); the mean of 6 has about 1/sqrt(6) of that spread, under half a rep, so a bias
of a rep or more is then real, and two sessions keep one odd day from deciding.
Below that the app shows the count and claims nothing.

With enough data, a call shifts what the app reads from it (`true_rir`): the e1RM of a
set (`calibrated_e1rm`: each rep of reserve is 1/30 of the load, about 3%) and the
deload rule "2+ reps closer to failure than planned" (`calibrated_shortfall`).  Whether
to apply them is the caller's choice; `what_it_changes` says both in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from collections.abc import Iterable

from .bodyweight import estimates_strength
from .models import LoggedSet, Session, Unit, from_kg
from .suggestion import num
from .strength import E1RM, CONFIDENT_REP_LIMIT

#: Checked sets of one call, and sessions they come from, before the app draws a conclusion.
MIN_SETS = 6
MIN_SESSIONS = 2
#: A bias smaller than this is within a rep's counting: not worth shifting anything.
MIN_BIAS = 0.5
#: How far back the dashboard looks: RIR judgement changes with experience.
WINDOW = timedelta(weeks=26)


@dataclass(frozen=True)
class RirCall:
    """One checked call: a set of `reps` at `called` RIR, then `failure_reps` at the same
    load to failure later in the session."""

    exercise_id: str
    day: date
    session_id: str
    weight_kg: float
    unit: Unit
    reps: int
    called: int
    failure_reps: int

    @property
    def actual(self) -> int:
        """The reps the set really had in reserve: failure reps minus its reps, at least 0."""
        return max(0, self.failure_reps - self.reps)


@dataclass(frozen=True)
class Calibration:
    """What one RIR call has meant on one exercise, over the sets checked."""

    exercise_id: str
    called: int
    calls: tuple[RirCall, ...]

    @property
    def sets(self) -> int:
        return len(self.calls)

    @property
    def sessions(self) -> int:
        return len({c.session_id for c in self.calls})

    @property
    def mean_actual(self) -> float:
        return sum(c.actual for c in self.calls) / len(self.calls)

    @property
    def meant(self) -> int:
        """The mean to the nearest rep (halves up): 'about 3'."""
        return int(self.mean_actual + 0.5)

    @property
    def bias(self) -> float:
        """Reps really in reserve minus the call: positive means the lifter had more left."""
        return self.mean_actual - self.called

    @property
    def enough(self) -> bool:
        return self.sets >= MIN_SETS and self.sessions >= MIN_SESSIONS

    @property
    def short(self) -> str:
        """'@2≈3 (6)': the call, what it meant, the sets checked."""
        return f"@{self.called}≈{self.meant} ({self.sets})"

    def sentence(self, name: str) -> str:
        """'your RIR 2 has meant about 3 on Squat, 6 sets'."""
        sets = "1 set" if self.sets == 1 else f"{self.sets} sets"
        return f"your RIR {self.called} has meant about {self.meant} on {name}, {sets}"


def rir_calls(sessions: Iterable[Session]) -> list[RirCall]:
    """Every checked call in `sessions`, in the order the sets were done: each set to
    failure checks the nearest earlier working set at its load, if that set has a RIR
    and no other failure set checked it."""
    out: list[RirCall] = []
    for session in sessions:
        for ex_id in session.exercise_ids():
            pending: dict[float, LoggedSet | None] = {}  # load -> the nearest set to check
            for s in session.sets_for(ex_id):
                if not estimates_strength(s):  # warm-ups, drops, rest-pause, timed sets
                    continue
                load = round(s.weight_kg, 3)
                if s.rir == 0:
                    earlier = pending.pop(load, None)
                    if earlier is not None and earlier.rir is not None:
                        out.append(
                            RirCall(
                                ex_id,
                                session.date,
                                session.id,
                                earlier.weight_kg,
                                earlier.unit,
                                earlier.reps,
                                earlier.rir,
                                s.reps,
                            )
                        )
                else:
                    pending[load] = s  # a set without RIR in between: nothing to check
    return out


def calibrations(sessions: Iterable[Session]) -> dict[str, tuple[Calibration, ...]]:
    """Per exercise, one Calibration per RIR called, the most checked first (then the
    lower call)."""
    grouped: dict[str, dict[int, list[RirCall]]] = {}
    for call in rir_calls(sessions):
        grouped.setdefault(call.exercise_id, {}).setdefault(call.called, []).append(call)
    return {
        ex_id: tuple(
            sorted(
                (Calibration(ex_id, called, tuple(calls)) for called, calls in by_call.items()),
                key=lambda c: (-c.sets, c.called),
            )
        )
        for ex_id, by_call in grouped.items()
    }


def _for(called: int | None, cals: Iterable[Calibration]) -> Calibration | None:
    return next((c for c in cals if c.called == called), None)


def true_rir(called: int, cals: Iterable[Calibration]) -> float:
    """What a call of `called` really means for this lifter on this exercise: the measured
    mean once there is enough data and the bias is half a rep or more, else the call."""
    c = _for(called, cals)
    if c is None or not c.enough or abs(c.bias) < MIN_BIAS:
        return float(called)
    return c.mean_actual


def calibrated_e1rm(
    weight_kg: float, reps: int, rir: int | None, cals: Iterable[Calibration]
) -> E1RM:
    """e1RM with the reserve the lifter really had: weight x (1 + (reps + true RIR) / 30).

    Without a RIR there is nothing to calibrate: the plain estimate at 0.
    """
    reserve = 0.0 if rir is None else true_rir(rir, cals)
    effective = reps + reserve
    return E1RM(
        weight_kg * (1 + effective / 30) if reps else 0.0,
        effective > CONFIDENT_REP_LIMIT or reps == 0,
    )


def calibrated_shortfall(called: int, target: int, cals: Iterable[Calibration]) -> float:
    """How many reps closer to failure than `target` a set called `called` really was
    (the deload rule fires at 2 or more)."""
    return target - true_rir(called, cals)


def what_it_changes(c: Calibration) -> str:
    """In words, how this calibration would shift the e1RM and the fatigue signals; or
    how much more data it needs."""
    if not c.enough:
        need = []
        if c.sets < MIN_SETS:
            need.append(
                f"{MIN_SETS - c.sets} more checked set{'s' if MIN_SETS - c.sets > 1 else ''}"
            )
        if c.sessions < MIN_SESSIONS:
            need.append(f"{MIN_SESSIONS} sessions")
        return "too few to go by: needs " + " and ".join(need)
    if abs(c.bias) < MIN_BIAS:
        return "on the mark: nothing to correct"
    ex = c.calls[-1]  # the latest checked set, as the worked example
    plain = ex.weight_kg * (1 + (ex.reps + c.called) / 30)
    shifted = ex.weight_kg * (1 + (ex.reps + c.mean_actual) / 30)
    more, further = ("more", "further from") if c.bias > 0 else ("less", "nearer")
    return (
        f"{num(abs(c.bias), 1)} {more} in reserve than called: "
        f"{num(from_kg(ex.weight_kg, ex.unit))} {ex.unit} x {ex.reps} @{c.called} reads e1RM "
        f"{num(from_kg(shifted, ex.unit), 1)}, not {num(from_kg(plain, ex.unit), 1)} "
        f"{ex.unit}; for the deload rule a set called @{c.called} is {num(abs(c.bias), 1)} "
        f"{'rep' if abs(c.bias) == 1 else 'reps'} {further} failure"
    )


__all__ = [
    "MIN_BIAS",
    "MIN_SESSIONS",
    "MIN_SETS",
    "WINDOW",
    "Calibration",
    "RirCall",
    "calibrated_e1rm",
    "calibrated_shortfall",
    "calibrations",
    "rir_calls",
    "true_rir",
    "what_it_changes",
]
