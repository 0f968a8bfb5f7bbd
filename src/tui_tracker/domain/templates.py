"""Ready-made plans that already meet the evidence, to start a block in one step.

Every muscle trained directly (chest, back, quads, hamstrings, glutes, side
delts, biceps, triceps, calves) gets 10 to 16 hard sets a week, counted as the
volume screen counts them (1 per primary muscle, 0.5 per secondary), split over
at least two days: the range and split the evidence finds productive for
trained lifters.  Compounds come first in each day, while fresh; isolation work
comes last.  Most exercises have 3+ sets, so a last week planned at RIR 0 has
final sets to take to failure (effort.py).

Deliberately below 10 sets, and within their default 0-16 band (targets.py):
front delts, rear delts, traps and forearms get their work as secondary movers
in presses, rows, deadlifts and curls, and direct sets for them would mostly
add fatigue; abs get 6 direct sets in the 4-day plan and none in the 3-day one
(they brace in every squat and hinge, and full-body days are long already).
Raise any of them in the plan if they are a priority.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .mesocycle import Mesocycle, PlannedExercise, TrainingDay, check_weeks

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@dataclass(frozen=True)
class Template:
    """A named weekly plan; `title` names the blocks built from it."""

    name: str
    title: str
    description: str
    days: tuple[TrainingDay, ...]


def _day(name: str, weekday: int, *rows: tuple[str, int, int, int]) -> TrainingDay:
    """One day from (exercise id, sets, low reps, high reps) rows."""
    return TrainingDay(name, weekday, tuple(PlannedExercise(*row) for row in rows))


UPPER_LOWER_4 = Template(
    name="upper-lower-4",
    title="Upper/Lower 4-day",
    description="Upper and lower body twice a week (Mon, Tue, Thu, Fri): each muscle on two "
    "days, heavy compounds first.",
    days=(
        _day(
            "Upper A",
            MON,
            ("barbell-bench-press", 4, 5, 8),
            ("barbell-row", 3, 6, 10),
            ("barbell-overhead-press", 3, 6, 10),
            ("lat-pulldown", 3, 8, 12),
            ("dumbbell-lateral-raise", 4, 10, 20),
            ("ez-bar-curl", 3, 8, 12),
            ("triceps-rope-pushdown", 3, 10, 15),
        ),
        _day(
            "Lower A",
            TUE,
            ("barbell-back-squat", 4, 5, 8),
            ("romanian-deadlift", 3, 6, 10),
            ("hack-squat", 3, 8, 12),
            ("lying-leg-curl", 3, 10, 15),
            ("standing-calf-raise", 5, 8, 15),
            ("cable-crunch", 3, 10, 15),
        ),
        _day(
            "Upper B",
            THU,
            ("incline-dumbbell-press", 4, 8, 12),
            ("pull-up", 3, 6, 10),
            ("seated-cable-row", 2, 8, 12),
            ("cable-crossover", 3, 10, 15),
            ("cable-lateral-raise", 5, 10, 20),
            ("face-pull", 2, 12, 20),
            ("dumbbell-curl", 2, 10, 15),
            ("overhead-cable-triceps-extension", 3, 10, 15),
        ),
        _day(
            "Lower B",
            FRI,
            ("conventional-deadlift", 2, 3, 6),
            ("bulgarian-split-squat", 3, 8, 12),
            ("leg-extension", 3, 10, 15),
            ("seated-leg-curl", 3, 10, 15),
            ("seated-calf-raise", 5, 10, 20),
            ("hanging-leg-raise", 3, 8, 15),
        ),
    ),
)

FULL_BODY_3 = Template(
    name="full-body-3",
    title="Full Body 3-day",
    description="The whole body three times a week (Mon, Wed, Fri): fewer sets per muscle per "
    "session, each muscle on three days.",
    days=(
        _day(
            "Full Body A",
            MON,
            ("barbell-back-squat", 4, 5, 8),
            ("barbell-bench-press", 4, 5, 8),
            ("lat-pulldown", 4, 8, 12),
            ("lying-leg-curl", 4, 10, 15),
            ("dumbbell-lateral-raise", 4, 10, 20),
            ("ez-bar-curl", 2, 8, 12),
            ("triceps-rope-pushdown", 2, 10, 15),
            ("standing-calf-raise", 3, 8, 15),
        ),
        _day(
            "Full Body B",
            WED,
            ("romanian-deadlift", 3, 6, 10),
            ("incline-dumbbell-press", 4, 8, 12),
            ("seated-cable-row", 3, 8, 12),
            ("leg-press", 4, 10, 15),
            ("cable-lateral-raise", 3, 10, 20),
            ("dumbbell-curl", 2, 10, 15),
            ("overhead-cable-triceps-extension", 2, 10, 15),
            ("standing-calf-raise", 4, 8, 15),
        ),
        _day(
            "Full Body C",
            FRI,
            ("hack-squat", 3, 8, 12),
            ("machine-chest-press", 3, 8, 12),
            ("pull-up", 3, 6, 10),
            ("seated-leg-curl", 4, 10, 15),
            ("machine-lateral-raise", 4, 10, 20),
            ("hammer-curl", 2, 8, 12),
            ("skull-crusher", 2, 8, 12),
            ("seated-calf-raise", 3, 10, 20),
        ),
    ),
)

TEMPLATES: dict[str, Template] = {t.name: t for t in (UPPER_LOWER_4, FULL_BODY_3)}


def build_mesocycle(
    template_name: str, weeks: int, start: date, name: str | None = None
) -> Mesocycle:
    """A new block from a template, with the default RIR targets for its length.

    The default name says which plan and when: "Upper/Lower 4-day, Nov 2026".
    """
    template = TEMPLATES.get(template_name)
    if template is None:
        raise ValueError(f"no template {template_name!r}; known: {', '.join(TEMPLATES)}")
    check_weeks(weeks)
    return Mesocycle(
        name=name or f"{template.title}, {start:%b %Y}",
        start=start,
        weeks=weeks,
        days=template.days,
    )
