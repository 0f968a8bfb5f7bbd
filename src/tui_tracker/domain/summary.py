"""What finishing a session says: how long it took, the sets per exercise against the plan,
the records it beat, and this week's hard sets per muscle after it, against each band.

Sets are counted as History counts them (sessions.set_counts: working sets and warm-ups
apart).  Against the plan the count is the day's, as the Today list's `2/4` is: a
lifter who finished, came back and carried on in a second session sees the whole day.

Records are the session's best against everything before it (older days, and the day's
other sessions): one line per record kind and exercise, however often a set beat the
last during the session, so the summary agrees with the first "was" the sets announced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from collections.abc import Callable, Iterable, Sequence

from .mesocycle import Mesocycle
from .models import Exercise, Session, Unit, from_kg
from .muscles import MUSCLE_LABELS, MUSCLES
from .records import EPSILON, ExerciseRecords, Record
from .sessions import SetCounts, duration_text, plural, set_counts, working_set_count
from .volume import IsoWeek, Status, Week, block_weeks, weekly_sets
from .workout import Slot


@dataclass(frozen=True)
class ExerciseDone:
    """One exercise's line: this session's sets and, when planned, the day's against the plan."""

    exercise_id: str
    name: str
    working: int  # this session's working sets
    warmups: int  # this session's warm-ups
    day_working: int  # the day's working sets of the exercise, this session's included
    planned: int | None  # the plan's sets today; None when not planned

    @property
    def left(self) -> int:
        """Planned working sets not done yet today."""
        return max(0, self.planned - self.day_working) if self.planned else 0

    @property
    def sets_text(self) -> str:
        """'3/4', '4/4 +2w', '3' (not planned), '2/4 (1 earlier today)'."""
        text = f"{self.day_working}/{self.planned}" if self.planned else str(self.working)
        if self.warmups:
            text += f" +{self.warmups}w"
        earlier = self.day_working - self.working
        if self.planned and earlier > 0:
            text += f" ({earlier} earlier today)"
        return text


@dataclass(frozen=True)
class MuscleWeek:
    """A muscle the session trained: the week's hard sets before and after it, and its band."""

    muscle: str
    before: float
    after: float
    band: tuple[int, int]
    status: Status  # of `after` against the band

    @property
    def label(self) -> str:
        return MUSCLE_LABELS.get(self.muscle, self.muscle)


@dataclass(frozen=True)
class FinishSummary:
    duration: str
    counts: SetCounts
    exercises: tuple[ExerciseDone, ...]
    records: tuple[Record, ...] | None  # None: the history could not be read
    muscles: tuple[MuscleWeek, ...]
    week_label: str  # 'this week' (calendar) or the block's 'W2', 'DL'

    @property
    def planned_left(self) -> int:
        return sum(e.left for e in self.exercises)

    @property
    def question(self) -> str:
        """What the dialog asks: finishing with planned sets left is asked about plainly."""
        left = self.planned_left
        if left:
            return f"{plural(left, 'planned set')} left: finish anyway?"
        return "Finish the session?"


def summary_week(meso: Mesocycle | None, today: date) -> Week:
    """The week the summary counts: the block's week holding `today` (as the dashboard's
    Volume tab), else the calendar week."""
    spans = block_weeks(meso.start, meso.deload_start, today) if meso is not None else []
    if spans and today in spans[-1]:
        return spans[-1]
    return IsoWeek.of(today)


def week_name(week: Week) -> str:
    return "this week" if isinstance(week, IsoWeek) else f"this week ({week.label})"


def session_records(
    past: ExerciseRecords | None,
    earlier: Iterable[Session],
    session: Session,
    exercise_id: str,
    name: str,
) -> tuple[Record, ...]:
    """The records the session's best sets of the exercise beat: best e1RM, most reps at
    each weight done before, best session volume.  Nothing the first time the exercise is
    done (a first mark is not news), and warm-ups never count (domain/records)."""
    before = past.copy() if past is not None else ExerciseRecords(exercise_id)
    for other in earlier:
        before.add(other)
    if before.working_sets == 0:
        return ()
    now = ExerciseRecords(exercise_id)
    now.add(session)
    found: list[Record] = []
    if (
        now.e1rm is not None
        and before.e1rm is not None
        and now.e1rm.value > before.e1rm.value + EPSILON
    ):
        best, old = now.e1rm, before.e1rm.value
        described = best.set.describe() if best.set is not None else ""
        found.append(
            Record(
                "e1rm",
                exercise_id,
                best.value,
                old,
                best.unit,
                f"Best e1RM on {name}: {_w(best.value, best.unit)} from {described} "
                f"(was {_w(old, best.unit)})",
            )
        )
    for key, mark in now.rep_marks():
        held = before.reps.get(key)
        if held is not None and mark.value > held.value:
            at = "bodyweight" if key == 0 else _w(key, mark.unit)
            found.append(
                Record(
                    "reps",
                    exercise_id,
                    mark.value,
                    held.value,
                    mark.unit,
                    f"Most reps at {at} on {name}: {int(mark.value)} (was {int(held.value)})",
                )
            )
    if (
        now.volume is not None
        and before.volume is not None
        and now.volume.value > before.volume.value + EPSILON
    ):
        new, old = now.volume.value, before.volume.value
        found.append(
            Record(
                "volume",
                exercise_id,
                new,
                old,
                now.volume.unit,
                f"Best session volume on {name}: {_w(new, now.volume.unit)} "
                f"(was {_w(old, now.volume.unit)})",
            )
        )
    return tuple(found)


def finish_summary(
    session: Session,
    *,
    now: datetime,
    day_sessions: Sequence[Session],
    slots: Sequence[Slot],
    exercises: Callable[[str], Exercise | None],
    past_records: dict[str, ExerciseRecords] | None,
    week: Week,
    week_sessions: Iterable[Session],
    targets: dict[str, tuple[int, int]] | None = None,
) -> FinishSummary:
    """The summary of `session` finished at `now`.

    `day_sessions`: the day's sessions (this one may be among them, in any version);
    `slots`: today's plan; `past_records`: every exercise's records before today (None if
    the history did not read); `week_sessions`: the sessions of `week` (this one's stored
    copy may be among them: it is replaced by `session`)."""
    others = [s for s in day_sessions if s.id != session.id]

    def name(ex_id: str) -> str:
        ex = exercises(ex_id)
        return ex.name if ex is not None else ex_id

    def day_working(ex_id: str) -> int:
        return working_set_count([s for day in [*others, session] for s in day.sets_for(ex_id)])

    lines: list[ExerciseDone] = []
    planned = {slot.exercise_id: slot.sets for slot in slots}
    for ex_id in [*planned, *(e for e in session.exercise_ids() if e not in planned)]:
        sets = session.sets_for(ex_id)
        working = working_set_count(sets)
        lines.append(
            ExerciseDone(
                ex_id,
                name(ex_id),
                working,
                len(sets) - working,
                day_working(ex_id),
                planned.get(ex_id),
            )
        )

    records: tuple[Record, ...] | None = None
    if past_records is not None:
        records = tuple(
            r
            for ex_id in session.exercise_ids()
            for r in session_records(past_records.get(ex_id), others, session, ex_id, name(ex_id))
        )

    rest_of_week = [s for s in week_sessions if s.id != session.id]
    before = weekly_sets(rest_of_week, week, exercises, targets)
    after = weekly_sets([*rest_of_week, session], week, exercises, targets)
    muscles = tuple(
        MuscleWeek(m, before[m].sets, after[m].sets, after[m].target, after[m].status)
        for m in MUSCLES
        if after[m].sets > before[m].sets
    )
    return FinishSummary(
        duration_text(session.started_at, now),
        set_counts(session.sets),
        tuple(lines),
        records,
        muscles,
        week_name(week),
    )


def _w(weight_kg: float, unit: Unit) -> str:
    """'1,400 kg', '133.3 kg': one decimal at most, as the records' own messages."""
    text = f"{from_kg(weight_kg, unit):,.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {unit}"


__all__ = [
    "ExerciseDone",
    "FinishSummary",
    "MuscleWeek",
    "finish_summary",
    "session_records",
    "summary_week",
    "week_name",
]
