"""When a set taken to failure is worth a word, and why.

The app advises and cites its reason; it never refuses a set.  Failure (RIR 0)
brings no clear extra growth over stopping 1-3 reps short, costs recovery for
the sets after it, and on squats and deadlifts risks form breaking down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .models import Exercise, LoggedSet

Level = Literal["fine", "advice", "warning"]

EVIDENCE_HIGH_SKILL = (
    "Evidence: failure brings no clear extra gain (Grgic 2022 meta-analysis) "
    "and form breaks down on technical lifts."
)
EVIDENCE_COMPOUND = (
    "Evidence: failure vs 1-3 RIR showed no clear gain (Grgic 2022; Refalo 2023) "
    "and costs recovery for the next sets."
)
EVIDENCE_FINE = "Evidence: failure is best kept for isolation work or an exercise's final set."


@dataclass(frozen=True)
class Advice:
    level: Level
    message: str
    evidence: str

    @property
    def needs_attention(self) -> bool:
        return self.level != "fine"


def failure_advice(s: LoggedSet, exercise: Exercise, is_final_set: bool | None) -> Advice | None:
    """Advice for a set logged at RIR 0, or None when there is nothing to say.

    `is_final_set` is None when no plan says how many sets are due; the advice
    then says what would make failure fine.
    """
    if s.rir != 0 or s.is_warmup:
        return None
    if exercise.is_compound and exercise.high_skill:
        return Advice(
            "warning",
            f"{exercise.name} to failure: form breakdown near failure is a real injury "
            "risk. Keep 1-3 reps in reserve on this lift.",
            EVIDENCE_HIGH_SKILL,
        )
    if exercise.is_compound and not is_final_set:
        when = "before the final set" if is_final_set is False else "unless this was the final set"
        return Advice(
            "advice",
            f"{exercise.name} to failure {when}: keep 1-3 reps in reserve so the next "
            "sets keep their quality.",
            EVIDENCE_COMPOUND,
        )
    reason = "isolation work" if not exercise.is_compound else "the final set"
    return Advice("fine", f"Failure on {reason} of {exercise.name} is fine.", EVIDENCE_FINE)
