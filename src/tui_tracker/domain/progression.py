"""What to lift next: a load, reps and RIR for an exercise's next set, with one line of
reason a lifter can check by hand.

The rules, in the order they are tried (each suggestion names the one it used):

* **in_session** - a working set of the exercise is already logged today: the next set
  follows it.  On target (its RIR is the next set's target): the same again.  Harder
  than planned (lower RIR) takes reps off, easier adds them, one rep per rep of RIR
  (100 kg x 8 @0 against @2: 6 reps at 100 kg); when that leaves the plan's rep range,
  the reps stay at the range's edge and the load moves instead, from the last set's
  e1RM (and by at least one step, so harder always lowers and easier always raises).
* **first_time** - never done: no load to suggest, only the plan's reps and RIR.
* **no_plan** - no block plans the exercise today: no target to progress to, so last
  time's best set again (by e1RM when its RIR was logged, else the most reps at the
  heaviest load); within the session the next set repeats the last.  On squats,
  deadlifts and the like (`high_skill`) a set to failure is followed by one a rep short
  of it: form breaks down near failure, plan or not.
* **deload** - the deload week: about 90% of the last working load before the deload,
  never heavier, reps as then (within the range), RIR 4.
* **break** - the exercise was last done more than 4 weeks ago: strength fades after
  weeks off, so restart at that load at the bottom of the range.
* **e1rm** - the last session has a working set with its RIR logged and a confident
  estimate (reps + RIR <= 12): its e1RM (the best such set) gives the load for last
  time's reps (moved into the plan's range) at this week's target RIR,
  e1RM / (1 + (reps + RIR) / 30).  As the block's target falls (RIR 3 to 1) the load
  rises; between weeks of the same target it rises when your sets say you are stronger
  (more reps, or more in reserve, at the same load).
* **double_progression** - too little history for that (no RIR logged, or only high-rep
  sets whose estimate is not to be trusted), judged on last time's heaviest working
  load and its best set there: at the top of the range at or below the target effort
  (RIR not lower than the target; not logged counts as on target), add the smallest
  step and start again at the bottom of the range; within the range, one more rep
  (the same reps if it was harder than planned); below the range, hold the load if
  there were reps to spare (RIR above the target), else drop a step.

Bodyweight exercises (pull-ups, dips) progress by double progression only: their e1RM
would leave out the body.

Loads are rounded, and stepped up or down, by the caller's `RoundLoad` (load_steps.py);
the suggestion and its wording live in suggestion.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from collections.abc import Sequence

from .bodyweight import estimates_strength
from .load_steps import RoundLoad, nearest_step, step_down, step_up
from .models import Exercise, LoggedSet, Unit
from .strength import CONFIDENT_REP_LIMIT, e1rm, load_for
from .suggestion import Say, Suggestion, day_text
from .workout import Slot
from .values import frozen

#: Lifts where form breaks down near failure keep this many reps in reserve, plan or not
#: (as the block's own targets: rir_targets.target_rir).
HIGH_SKILL_RIR = 1
#: No plan sets a rep range: in-session reps are not held inside one.
MAX_REPS = 100
#: Last done longer ago than this, the lifter restarts at the bottom of the range.
BREAK = timedelta(days=28)
#: The deload week's load: about 90% of the working load (as deload.deload_load).
DELOAD_FRACTION = 0.9


@frozen
class Target:
    """What the next set aims at: reps within `rep_low`-`rep_high` at `rir` in reserve.

    `planned` False: no plan says so (the rules then use last time's reps and 2 RIR).
    """

    rep_low: int
    rep_high: int
    rir: int
    planned: bool = True
    deload: bool = False

    @classmethod
    def of(cls, slot: Slot | None, working_sets_done: int) -> Target | None:
        """The target of the next working set from today's plan (None without one)."""
        if slot is None:
            return None
        rir = slot.final_rir if slot.is_final_set(working_sets_done) else slot.rir
        return cls(slot.rep_low, slot.rep_high, rir, True, slot.deload)

    @property
    def range_text(self) -> str:
        low, high = self.rep_low, self.rep_high
        return f"{low}" if low == high else f"{low}-{high}"

    def clamp(self, reps: int) -> int:
        return max(self.rep_low, min(self.rep_high, reps))


def _working(sets: Sequence[LoggedSet]) -> list[LoggedSet]:
    """The sets a next working set follows: not warm-ups, drops, rest-pause, timed sets."""
    return [s for s in sets if estimates_strength(s)]


def suggest(
    exercise: Exercise,
    target: Target | None,
    today_sets: Sequence[LoggedSet],
    last_sets: Sequence[LoggedSet],
    last_day: date | None,
    today: date,
    default_unit: Unit,
    round_load: RoundLoad = nearest_step,
) -> Suggestion:
    """The next working set of `exercise`.

    `today_sets` are the exercise's sets today (warm-ups are passed over), `last_sets`
    its sets on `last_day`, the last day before today it was done (in the deload week:
    the last day before the deload started).  `target` comes from today's plan
    (`Target.of`), None without one.
    """
    done = _working(today_sets)
    last = _working(last_sets)
    latest = done or last
    unit = latest[-1].unit if latest else default_unit  # the unit the lifter uses for it
    if done:
        return _in_session(exercise, target, done[-1], round_load)
    if not last or last_day is None:
        return _first_time(exercise, target, unit)
    if target is None:
        return _no_plan(exercise, last, last_day, unit, round_load)
    if target.deload:
        return _deload(exercise, target, last, unit, round_load)
    if today - last_day > BREAK:
        return _after_break(exercise, target, last, last_day, today, unit)
    found = _e1rm_rule(exercise, target, last, last_day, unit, round_load)
    if found is not None:
        return found
    return _double_progression(exercise, target, last, last_day, unit, round_load)


# --- the rules -----------------------------------------------------------------------


def _first_time(exercise: Exercise, target: Target | None, unit: Unit) -> Suggestion:
    if target is None:
        return Suggestion(
            exercise.id,
            None,
            unit,
            None,
            None,
            "first time: no history or plan to go by",
            "first_time",
        )
    return Suggestion(
        exercise.id,
        None,
        unit,
        target.rep_low,
        target.rir,
        f"first time: pick a load for {target.range_text} reps with {target.rir} in reserve",
        "first_time",
    )


def _heaviest(last: list[LoggedSet]) -> LoggedSet:
    """The best set at last time's heaviest working load: most reps there, the first on a tie."""
    top = max(s.weight_kg for s in last)
    at_top = [s for s in last if s.weight_kg == top]
    return max(at_top, key=lambda s: s.reps)  # max keeps the first of equals


def _deload(
    exercise: Exercise, target: Target, last: list[LoggedSet], unit: Unit, round_load: RoundLoad
) -> Suggestion:
    say = Say(unit, exercise.bodyweight)
    ref = _heaviest(last)
    raw = ref.weight_kg * DELOAD_FRACTION
    load = min(round_load(raw, exercise, unit), ref.weight_kg)
    reps = target.clamp(ref.reps)
    return Suggestion(
        exercise.id,
        load,
        unit,
        reps,
        target.rir,
        f"deload week: 90% of {say.kg(ref.weight_kg)} (before the deload) = "
        f"{say.value(raw)} -> {say.kg(load)}, {reps} reps @{target.rir}",
        "deload",
    )


def _after_break(
    exercise: Exercise,
    target: Target,
    last: list[LoggedSet],
    last_day: date,
    today: date,
    unit: Unit,
) -> Suggestion:
    say = Say(unit, exercise.bodyweight)
    ref = _heaviest(last)
    weeks = (today - last_day).days // 7
    return Suggestion(
        exercise.id,
        ref.weight_kg,
        unit,
        target.rep_low,
        target.rir,
        f"last done {weeks} weeks ago: restart at {say.kg(ref.weight_kg)} for "
        f"{target.rep_low} (the bottom of {target.range_text})",
        "break",
    )


def _no_plan(
    exercise: Exercise, last: list[LoggedSet], last_day: date, unit: Unit, round_load: RoundLoad
) -> Suggestion:
    """No plan sets a target to progress to: the best set of last time again (by e1RM
    when its RIR was logged, else the most reps at the heaviest load); on a high-skill
    lift taken to failure, the same reps a rep short of it."""
    rated = [s for s in last if _rated(s)]
    ref = (
        max(rated, key=lambda s: e1rm(s.weight_kg, s.reps, s.rir).kg)
        if rated and not exercise.bodyweight
        else _heaviest(last)
    )
    say = Say(unit, exercise.bodyweight)
    was = f"no plan: your best set of {day_text(last_day)}"
    if exercise.high_skill and ref.rir == 0 and ref.weight_kg > 0:
        best = e1rm(ref.weight_kg, ref.reps, 0).kg
        raw = load_for(best, ref.reps, HIGH_SKILL_RIR)
        load = min(round_load(raw, exercise, unit), ref.weight_kg)
        return Suggestion(
            exercise.id,
            load,
            unit,
            ref.reps,
            HIGH_SKILL_RIR,
            f"{was}, {say.set(ref)}, at @{HIGH_SKILL_RIR} (form breaks down near "
            f"failure): {say.value(best)}/(1+{ref.reps + HIGH_SKILL_RIR}/30) = "
            f"{say.value(raw)} -> {say.kg(load)}",
            "no_plan",
        )
    return Suggestion(
        exercise.id,
        ref.weight_kg,
        unit,
        ref.reps,
        ref.rir,
        f"{was} again, {say.set(ref)}",
        "no_plan",
    )


def _rated(s: LoggedSet) -> bool:
    """A set whose e1RM can be trusted: RIR logged and reps + RIR <= 12."""
    return s.rir is not None and s.weight_kg > 0 and s.reps + s.rir <= CONFIDENT_REP_LIMIT


def _e1rm_rule(
    exercise: Exercise,
    target: Target,
    last: list[LoggedSet],
    last_day: date,
    unit: Unit,
    round_load: RoundLoad,
) -> Suggestion | None:
    rated = [s for s in last if _rated(s)]
    if exercise.bodyweight or not rated:
        return None
    say = Say(unit, exercise.bodyweight)
    ref = max(rated, key=lambda s: e1rm(s.weight_kg, s.reps, s.rir).kg)  # the first of equals
    best = e1rm(ref.weight_kg, ref.reps, ref.rir).kg
    reps, rir = target.clamp(ref.reps), target.rir
    raw = load_for(best, reps, rir)
    load = round_load(raw, exercise, unit)
    if load <= 0:
        load = step_up(0.0, exercise, unit, round_load) or raw
    reason = (
        f"{say.set(ref)} on {day_text(last_day)}: e1RM {say.value(best)}; "
        f"{reps} @{rir}: {say.value(best)}/(1+{reps + rir}/30) = "
        f"{say.value(raw)} -> {say.kg(load)}"
    )
    return Suggestion(exercise.id, load, unit, reps, rir, reason, "e1rm")


def _double_progression(
    exercise: Exercise,
    target: Target,
    last: list[LoggedSet],
    last_day: date,
    unit: Unit,
    round_load: RoundLoad,
) -> Suggestion:
    say = Say(unit, exercise.bodyweight)
    ref = _heaviest(last)
    w, r, q = ref.weight_kg, ref.reps, ref.rir
    was = f"{say.set(ref)} on {day_text(last_day)}"
    t, span = target.rir, target.range_text
    effort = (
        "RIR not logged, taken as on target"
        if q is None
        else (f"harder than @{t}" if q < t else f"@{t} or easier")
    )

    def made(load: float, reps: int, why: str) -> Suggestion:
        return Suggestion(exercise.id, load, unit, reps, t, f"{was}: {why}", "double_progression")

    def step(up: bool, where: str) -> Suggestion:
        """Add a step (at the top of the range) or drop one (below it), back to the
        bottom of the range; hold the load when there is no step to take."""
        moved = (step_up if up else step_down)(w, exercise, unit, round_load)
        if moved is None:
            stuck = "no heavier load" if up else "nothing lighter"
            return made(
                w, target.rep_high if up else target.rep_low, f"{where} ({effort}), {stuck}: hold"
            )
        verb = "add a step" if up else "drop a step"
        return made(
            moved, target.rep_low, f"{where} ({effort}): {verb}, {say.kg(moved)} x {target.rep_low}"
        )

    if r >= target.rep_high:
        if q is not None and q < t:
            return made(w, target.rep_high, f"top of {span} but {effort}: hold {say.kg(w)}")
        return step(True, f"top of {span}")
    if r >= target.rep_low:
        if q is not None and q < t:
            return made(w, r, f"within {span} but {effort}: the same again")
        return made(w, r + 1, f"within {span} ({effort}): one more rep, {r + 1}")
    if q is not None and q > t:
        return made(
            w,
            target.rep_low,
            f"below {span} with reps to spare (@{q}, target @{t}): "
            f"hold {say.kg(w)}, aim for {target.rep_low}",
        )
    return step(False, f"below {span}")


def _in_session(
    exercise: Exercise, target: Target | None, last: LoggedSet, round_load: RoundLoad
) -> Suggestion:
    say = Say(last.unit, exercise.bodyweight)
    was = f"last set {say.set(last)}"

    def made(load: float, reps: int, rir: int | None, why: str) -> Suggestion:
        return Suggestion(exercise.id, load, last.unit, reps, rir, f"{was}: {why}", "in_session")

    if target is None:
        if not (exercise.high_skill and last.rir == 0):
            return made(last.weight_kg, last.reps, last.rir, "the same again (no plan)")
        # No plan, but a lift where form breaks down near failure: keep a rep in reserve.
        target = Target(1, MAX_REPS, HIGH_SKILL_RIR, planned=False)
    t = target.rir
    if last.rir is None:
        return made(last.weight_kg, last.reps, t, f"RIR not logged, the same again @{t}")
    diff = last.rir - t
    if diff == 0:
        return made(last.weight_kg, last.reps, t, f"on target (@{t}), the same again")
    how = f"{abs(diff)} {'easier' if diff > 0 else 'harder'} than @{t}"
    reps = last.reps + diff
    more = "more" if diff > 0 else "fewer"
    if exercise.bodyweight or last.weight_kg == 0 or target.rep_low <= reps <= target.rep_high:
        reps = max(1, reps)
        return made(
            last.weight_kg,
            reps,
            t,
            f"{how}: {abs(diff)} {more} "
            f"{'rep' if abs(diff) == 1 else 'reps'}, "
            f"{reps} at {say.kg(last.weight_kg)}",
        )
    reps = target.clamp(reps)
    best = e1rm(last.weight_kg, last.reps, last.rir).kg
    raw = load_for(best, reps, t)
    load = round_load(raw, exercise, last.unit)
    forced = ""
    if diff > 0 and load <= last.weight_kg:
        load, forced = (
            step_up(last.weight_kg, exercise, last.unit, round_load) or load,
            " (the next load up)",
        )
    elif diff < 0 and load >= last.weight_kg:
        load, forced = (
            step_down(last.weight_kg, exercise, last.unit, round_load) or load,
            " (the next load down)",
        )
    return made(
        load,
        reps,
        t,
        f"{how}, past {target.range_text}: e1RM {say.value(best)}; "
        f"{reps} @{t}: {say.value(best)}/(1+{reps + t}/30) = "
        f"{say.value(raw)} -> {say.kg(load)}{forced}",
    )
