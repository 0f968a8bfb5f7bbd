"""When a set taken to failure is worth a word, and why.

The app advises and cites its reason; it never refuses a set.  Failure (RIR 0)
brings no clear extra growth over stopping 1-3 reps short, costs recovery for
the sets after it, and on squats and deadlifts risks form breaking down.

The evidence ties its claims to training status: the failure caution and the
10-16 band come from trained lifters, while "for novices, the margin between
failure and near-failure may be less consequential" (from Lopez 2021).  Advice
says which applies to the lifter (`status_note`), and when the status is not set,
that it depends on it.  Form breaking down near failure on a technical lift is a
risk whatever the status, so that warning stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .models import Exercise, LoggedSet
from .settings import TrainingStatus

Level = Literal["fine", "advice", "warning"]
#: The lifter's training status (settings), None while not set.
Status = TrainingStatus | None
Topic = Literal["failure", "band"]
#: Statuses the evidence's "trained" findings apply to.
TRAINED: tuple[TrainingStatus, ...] = ("some_years", "well_trained")

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


def status_note(status: Status, topic: Topic) -> str:
    """Which of the evidence's claims applies to a lifter of `status` (one sentence)."""
    if topic == "band":
        if status in TRAINED:
            return "The 10-16 band is the evidence's for trained lifters, as you are."
        if status == "new":
            return (
                "The 10-16 band comes from trained lifters; the evidence names none for those "
                "new to lifting: take it as a guide."
            )
        return (
            "The 10-16 band is for trained lifters; set your training status to see which applies."
        )
    if status in TRAINED:
        return "This caution is for trained lifters, as you are."
    if status == "new":
        return (
            "New to lifting, the margin between failure and near-failure may matter less "
            "for you (Lopez 2021)."
        )
    return (
        "This is for trained lifters; for those new to lifting the margin matters less "
        "(Lopez 2021): set your training status."
    )


def failure_advice(
    s: LoggedSet, exercise: Exercise, is_final_set: bool | None, status: Status = None
) -> Advice | None:
    """Advice for a set logged at RIR 0, or None when there is nothing to say.

    `is_final_set` is None when no plan says how many sets are due; the advice
    then says what would make failure fine.  `status` is the lifter's training
    status (settings), which the compound caution's evidence line names.
    """
    if s.rir != 0 or s.is_warmup:
        return None
    if exercise.high_skill:
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
            f"{EVIDENCE_COMPOUND} {status_note(status, 'failure')}",
        )
    reason = "isolation work" if not exercise.is_compound else "the final set"
    return Advice("fine", f"Failure on {reason} of {exercise.name} is fine.", EVIDENCE_FINE)
