"""Estimated one-rep max from a set, counting the reps left in reserve.

Epley's formula with effort: a set of 8 at 2 RIR is treated as a 10-rep max,
so sets of different effort compare fairly.  Past about 12 reps (done plus in
reserve) rep-max formulas drift, so such estimates are flagged low-confidence.

A set logged without RIR is not counted as a set to failure: that would
understate the estimate by as many reps as the lifter had left.  It is estimated
at `ASSUMED_RIR` = 2, the middle of the 1-3 reps in reserve the evidence
suggests for most working sets (and the app plans for them), so a set done
anywhere in 1-3 is off by at most one rep's worth (about 3%), and it is always
low-confidence: the effort is a guess.  Low-confidence estimates are shown but
never trigger a fatigue prompt (deload.py).
"""

from __future__ import annotations

from .values import frozen

#: reps + RIR above this makes the estimate unreliable.
CONFIDENT_REP_LIMIT = 12
#: The RIR a set without one is estimated at (see the module docstring).
ASSUMED_RIR = 2


@frozen
class E1RM:
    kg: float
    low_confidence: bool
    rir_assumed: bool = False  # the set had no RIR: ASSUMED_RIR was used


def e1rm(weight_kg: float, reps: int, rir: int | None = None) -> E1RM:
    """weight x (1 + (reps + RIR) / 30); RIR not recorded is estimated at ASSUMED_RIR,
    low-confidence.

    A set of 0 reps says nothing about strength: its estimate is 0.
    """
    if weight_kg < 0 or reps < 0 or (rir is not None and rir < 0):
        raise ValueError("weight, reps and RIR cannot be negative")
    if reps == 0:
        return E1RM(0.0, True, rir is None)
    effective = reps + (ASSUMED_RIR if rir is None else rir)
    return E1RM(
        weight_kg * (1 + effective / 30),
        rir is None or effective > CONFIDENT_REP_LIMIT,
        rir is None,
    )


def load_for(e1rm_kg: float, reps: int, rir: int) -> float:
    """The weight a lifter with this e1RM lifts for `reps` with `rir` in reserve: Epley
    backwards, e1RM / (1 + (reps + RIR) / 30), so a suggestion can be checked by hand."""
    if e1rm_kg < 0 or reps < 1 or rir < 0:
        raise ValueError("e1RM and RIR cannot be negative, and a set needs a rep")
    return e1rm_kg / (1 + (reps + rir) / 30)
