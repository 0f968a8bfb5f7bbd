"""When the app asks for a deload, and what the deload week looks like.

Why: hard training builds fatigue that a normal week does not clear; the
evidence favours mesocycles of 3 to 6 weeks followed by a deload to dissipate
it.  So the deload is due once the planned accumulation weeks are over, and
earlier (from the end of week 3) when performance says fatigue has won:

(a) e1RM falling on two or more exercises, each on its last two exposures;
(b) RIR below target: some exercise's recent sets at its usual load 2 or more reps
    closer to failure than planned.

(fatigue.py says how each is read from the sets.)

Before week 4 the same signals are shown as warnings only: one bad week early
in a block is noise more often than fatigue.  A postponed deload is not asked
for until the postponement ends; postponing is offered, and honoured, through
week 6 only: no block should run longer.  The deload week begins when the
lifter starts it; until then the app asks at each start, and two weeks after
the deload fell due a block without one is over (mesocycle.py, `phase`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .fatigue import FatigueSignal, e1rm_falling_signals, rir_below_target_signals
from .mesocycle import (
    DELOAD_DAYS,
    EVIDENCE_LENGTH,
    MAX_WEEKS,
    Lookup,
    Mesocycle,
    TrainingDay,
    accumulation_end,
    deload_day,
    deload_due_from,
    default_rir_targets,
    is_postponed,
    lapse_day,
    max_accumulation_end,
    phase,
    plan_week,
    postponement_end,
    shift,
    week_number,
)
from .models import KG_PER_LB, Session, Unit

#: Fatigue signals prompt from the first day of this week on (i.e. after week 3).
FATIGUE_FROM_WEEK = 4
#: The e1RM rule needs this many exercises falling at once.
FALLING_EXERCISES = 2
#: Deload loads: about 90% of the working weight, to the nearest plate step of the unit.
DELOAD_LOAD_FRACTION = 0.9
PLATE_STEP: dict[Unit, float] = {"kg": 2.5, "lb": 5.0}
#: "Postpone a week": the prompt is silent for this many days and asks on the next.
POSTPONE_DAYS = 6

EVIDENCE_FATIGUE = (
    EVIDENCE_LENGTH + " Falling performance at the planned effort is the sign fatigue is winning."
)


@dataclass(frozen=True)
class DeloadDecision:
    """Whether to deload now.  `prompt` means the app must ask; `warnings` are only shown."""

    due: bool
    reason: Literal["planned", "fatigue"] | None
    prompt: bool
    message: str
    evidence: str
    warnings: tuple[str, ...] = ()
    signals: tuple[FatigueSignal, ...] = ()
    #: What "postpone a week" would postpone to, when the app will honour it; else None.
    postpone_until: date | None = None


def deload_decision(
    meso: Mesocycle | None, sessions: list[Session], exercises: Lookup, today: date
) -> DeloadDecision:
    """Whether the lifter should deload now, why, and on what evidence."""
    if meso is None:
        return DeloadDecision(False, None, False, "No mesocycle running.", "")
    p = phase(meso, today)
    if p == "ended":
        return DeloadDecision(False, None, False, "Mesocycle ended.", "")
    if p == "before":
        return DeloadDecision(False, None, False, f"Mesocycle starts {meso.start.isoformat()}.", "")
    if p in ("deload", "after"):
        assert meso.deload_start is not None
        last = shift(meso.deload_start, DELOAD_DAYS - 1)
        message = (
            "Deload done: time for the next mesocycle."
            if p == "after"
            else f"Deload week from {meso.deload_start.isoformat()} to {last.isoformat()}."
        )
        return DeloadDecision(False, None, False, message, EVIDENCE_LENGTH)
    if p == "lapsed":
        return DeloadDecision(
            False,
            None,
            False,
            f"{meso.name} is over: its deload was due from {deload_due_from(meso).isoformat()} "
            "and never started. Start the next block, or end this one.",
            EVIDENCE_LENGTH,
        )

    falling = e1rm_falling_signals(meso, sessions, exercises, today)
    short = rir_below_target_signals(meso, sessions, exercises, today)
    signals = tuple(falling + short)
    offer = postpone_offer(meso, today)

    if p == "deload_due":
        message = (
            f"Deload due: the {meso.weeks} planned accumulation weeks ended "
            f"{accumulation_end(meso).isoformat()}. Until you start it, Today repeats "
            f"week {plan_week(meso, today)} of the plan; not started by "
            f"{shift(lapse_day(meso), -1).isoformat()}, the block ends without it."
        )
        if meso.postponed_until is not None and meso.postponed_until > max_accumulation_end(meso):
            message += (
                f" Postponement ignored: past week {MAX_WEEKS}, fatigue needs a deload, "
                "not more weeks."
            )
        return DeloadDecision(
            True,
            "planned",
            True,
            message,
            EVIDENCE_LENGTH,
            tuple(s.detail for s in signals),
            signals,
            offer,
        )

    postponed = is_postponed(meso, today)
    week = week_number(meso, today) or 1
    firing: list[FatigueSignal] = []
    if len(falling) >= FALLING_EXERCISES:
        firing += falling
    firing += short
    if firing and week >= FATIGUE_FROM_WEEK and not postponed:
        rules = []
        if len(falling) >= FALLING_EXERCISES:
            rules.append(f"e1RM fell on the last two sessions of {len(falling)} exercises")
        if short:
            rules.append("sets at the same load were 2+ reps closer to failure than planned")
        message = (
            f"Deload early (week {week} of {meso.weeks}): "
            + "; ".join(rules)
            + ". "
            + " | ".join(s.detail for s in firing)
        )
        warnings = tuple(s.detail for s in signals if s not in firing)
        return DeloadDecision(
            True, "fatigue", True, message, EVIDENCE_FATIGUE, warnings, signals, offer
        )

    end = postponement_end(meso)
    if postponed and end is not None:
        message = f"Deload postponed until {end.isoformat()}."
    else:
        message = (
            f"Week {week} of {meso.weeks}: deload due from {deload_due_from(meso).isoformat()}."
        )
    return DeloadDecision(
        False,
        None,
        False,
        message,
        EVIDENCE_LENGTH,
        tuple(s.detail for s in signals),
        signals,
        offer,
    )


# --- acting on it -----------------------------------------------------------------------------


def start_deload(meso: Mesocycle, today: date) -> Mesocycle:
    """The block with its deload week starting `today` (any postponement is dropped).

    Allowed from the block's first day on (early on fatigue, on time, or late,
    even once the block is over without one); never twice.
    """
    p = phase(meso, today)
    if p == "before":
        raise ValueError(
            f"{meso.name} starts {meso.start.isoformat()}: a deload cannot start "
            "before the block does"
        )
    if p == "ended":
        raise ValueError(f"{meso.name} is closed: start a new block instead")
    if meso.deload_start is not None and meso.deload_start <= today:
        raise ValueError(f"the deload already started on {meso.deload_start.isoformat()}")
    return replace(meso, deload_start=today, postponed_until=None)


def postpone_offer(meso: Mesocycle, today: date) -> date | None:
    """The day "postpone a week" would silence the prompt through, if the app will honour
    it: a week from today, cut at the end of week 6; None when not even tomorrow is left
    (or there is nothing to postpone)."""
    if phase(meso, today) not in ("accumulation", "postponed", "deload_due"):
        return None
    until = min(shift(today, POSTPONE_DAYS), max_accumulation_end(meso))
    return until if until > today else None


def postpone_deload(meso: Mesocycle, until: date, today: date) -> Mesocycle:
    """The block with the deload prompt silenced through `until`, if the app will honour it.

    Refused with the reason: before the block starts, once the deload started
    or the block is over, to a day before `today`, and past week 6 (no block
    should accumulate longer).
    """
    p = phase(meso, today)
    if meso.deload_start is not None and meso.deload_start <= today:
        raise ValueError(f"the deload already started on {meso.deload_start.isoformat()}")
    if p == "before":
        raise ValueError(
            f"{meso.name} starts {meso.start.isoformat()}: there is no deload to postpone yet"
        )
    if p in ("lapsed", "ended"):
        raise ValueError(
            f"{meso.name} is over: start the next block (meso next) or end it (meso end)"
        )
    if until < today:
        raise ValueError(f"postpone to today or later, not {until.isoformat()} (before today)")
    last = max_accumulation_end(meso)
    if today > last:
        raise ValueError(
            f"past week {MAX_WEEKS} the deload cannot be postponed: start it "
            "(meso deload) or end the block (meso end)"
        )
    if until > last:
        raise ValueError(
            f"a block accumulates {MAX_WEEKS} weeks at most: postpone to "
            f"{last.isoformat()} (end of week {MAX_WEEKS}) at the latest"
        )
    return replace(meso, postponed_until=until)


def postpone_a_week(meso: Mesocycle, today: date) -> Mesocycle:
    """Silence the prompt for up to 6 days, never past week 6 (`postpone_offer`)."""
    until = postpone_offer(meso, today)
    if until is None:
        raise ValueError(
            f"past week {MAX_WEEKS} the deload cannot be postponed: start it, or end the block"
        )
    return postpone_deload(meso, until, today)


def deload_plan(meso: Mesocycle) -> tuple[TrainingDay, ...]:
    """The deload week: same days and exercises, half the sets (rounded up), RIR 4+.

    Keeping the movements and most of the load holds on to skill and strength;
    cutting sets and effort is what lets fatigue clear.
    """
    return tuple(deload_day(d) for d in meso.days)


def deload_load(weight_kg: float, unit: Unit) -> float:
    """The deload weight in kg: about 90% of `weight_kg`, to the nearest plate step of the
    lifter's `unit` (2.5 kg, or 5 lb), never heavier.

    Light loads that would round to nothing are kept as they are.
    """
    if weight_kg < 0:
        raise ValueError("weight cannot be negative")
    per_unit = KG_PER_LB if unit == "lb" else 1.0
    step = PLATE_STEP[unit]
    steps = round(weight_kg / per_unit * DELOAD_LOAD_FRACTION / step)
    if steps <= 0:
        return weight_kg
    return min(steps * step * per_unit, weight_kg)


def next_mesocycle(meso: Mesocycle, start: date) -> Mesocycle:
    """A new block after `meso`: same days and length, default RIR targets.

    A name ending in the month it started ("Upper/Lower 4-day, Nov 2026", as the
    templates name blocks) takes the new start's month; any other gets " (next)".
    """
    if start <= meso.start:
        raise ValueError(
            f"the next block must start after {meso.name} began on "
            f"{meso.start.isoformat()}, not {start.isoformat()}"
        )
    base = meso.name.removesuffix(" (next)")
    month = f", {meso.start:%b %Y}"
    name = (
        (base.removesuffix(month) + f", {start:%b %Y}")
        if base.endswith(month)
        else f"{base} (next)"
    )
    return Mesocycle(
        name=name,
        start=start,
        weeks=meso.weeks,
        days=meso.days,
        rir_targets=default_rir_targets(meso.weeks),
    )


def next_block_due(meso: Mesocycle | None, today: date) -> bool:
    """True once the block is done: its deload week is over, or it ended without one
    (`lapsed`): time to offer the next block from this one."""
    return meso is not None and phase(meso, today) in ("after", "lapsed")
