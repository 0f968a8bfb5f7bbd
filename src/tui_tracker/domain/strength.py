"""Estimated one-rep max from a set, counting the reps left in reserve.

Epley's formula with effort: a set of 8 at 2 RIR is treated as a 10-rep max,
so sets of different effort compare fairly.  Past about 12 reps (done plus in
reserve) rep-max formulas drift, so such estimates are flagged low-confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

#: reps + RIR above this makes the estimate unreliable.
CONFIDENT_REP_LIMIT = 12


@dataclass(frozen=True)
class E1RM:
    kg: float
    low_confidence: bool


def e1rm(weight_kg: float, reps: int, rir: int | None = None) -> E1RM:
    """weight x (1 + (reps + RIR) / 30); RIR not recorded counts as 0.

    A set of 0 reps says nothing about strength: its estimate is 0.
    """
    if weight_kg < 0 or reps < 0 or (rir is not None and rir < 0):
        raise ValueError("weight, reps and RIR cannot be negative")
    if reps == 0:
        return E1RM(0.0, True)
    effective = reps + (rir or 0)
    return E1RM(weight_kg * (1 + effective / 30), effective > CONFIDENT_REP_LIMIT)
