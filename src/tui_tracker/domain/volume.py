"""Weekly hard sets per muscle, against each muscle's band (targets.py: 10-16 for most).

Hard sets are what drive growth: a working set counts 1 for each primary muscle
and 0.5 for each secondary one.  Warm-ups never count, and a set stopped 5 or
more reps short of failure is not hard.  Sets without a recorded RIR are
trusted to be hard.

By kind (`set_credit`): a set to failure and a rest-pause set (one set taken on past
failure in short bursts) count 1; each drop of a drop set counts DROP_CREDIT = 0.5, since
it continues the set before it with no rest, at a lower load (the app's own rule: the
evidence the app rests on does not weigh drop sets); a timed or distance set (a plank, a
carry) counts 1 for the muscles its exercise lists.  Sets of an exercise that lists no
muscle (cardio, conditioning) never count, whatever their kind.  Volume split over at least two sessions a week works better
than one big day, so a muscle trained in a single session is flagged; a session
counts for every muscle it gave hard-set credit, primary or secondary (bench on
Monday and incline press on Thursday train the front delts twice).

A week is an ISO week (Monday to Sunday; `tui-tracker volume --week 2026-W47`) or
any 7-day span (`DaySpan`: a block's week 2 is the 7 days from its start + 7).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal
from collections.abc import Callable, Iterable

from .inputs import FIRST_DAY, LAST_DAY
from .models import Exercise, LoggedSet, Session
from .muscles import MUSCLES
from .targets import DEFAULT_TARGETS, EVIDENCE_BAND

if TYPE_CHECKING:  # the plan's sets are counted here; the block itself is not needed
    from .mesocycle import Lookup, Mesocycle

#: The evidence's band (most muscles' default; the store fills unset muscles with it).
DEFAULT_TARGET: tuple[int, int] = EVIDENCE_BAND
#: RIR at or above this is too far from failure to count as a hard set.
EASY_RIR = 5
PRIMARY_CREDIT = 1.0
SECONDARY_CREDIT = 0.5
#: What each drop of a drop set counts, as a share of a hard set (see the docstring).
DROP_CREDIT = 0.5

Status = Literal["below", "within", "above"]


@dataclass(frozen=True)
class IsoWeek:
    """An ISO week (Monday to Sunday), written 2026-W47."""

    year: int
    week: int

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        y, w, _ = day.isocalendar()
        return cls(y, w)

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """'2026-W47' (or '2026W47', lower-case w); ValueError with the reason otherwise.

        Years 1900 to 2100, like every date a lifter types (inputs.FIRST_DAY, LAST_DAY).
        """
        raw = text.strip().upper().replace("-W", "W")
        year_text, sep, week_text = raw.partition("W")
        if (
            not sep
            or not year_text.isdigit()
            or not week_text.isdigit()
            or len(year_text) != 4
            or not year_text.isascii()
            or not week_text.isascii()
            or len(week_text) > 2
        ):
            shown = repr(text) if len(text) <= 40 else f"{text[:20]!r}... ({len(text)} characters)"
            raise ValueError(f"week {shown} is not like 2026-W47")
        year, week = int(year_text), int(week_text)
        if not FIRST_DAY.year <= year <= LAST_DAY.year:
            raise ValueError(
                f"{year}-W{week_text} is too far from today: a week must be in a year "
                f"between {FIRST_DAY.year} and {LAST_DAY.year}"
            )
        try:
            date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(f"{year} has no week {week}") from None
        return cls(year, week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def first(self) -> date:
        return self.monday

    @property
    def last(self) -> date:
        return self.sunday

    @property
    def label(self) -> str:
        """'w47': a column heading."""
        return f"w{self.week:02d}"

    def __contains__(self, day: date) -> bool:
        return IsoWeek.of(day) == self

    def previous(self, n: int = 1) -> IsoWeek:
        return IsoWeek.of(self.monday - timedelta(weeks=n))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@dataclass(frozen=True)
class DaySpan:
    """Days `first` to `last` (a block's week), with a short label such as 'W2' or 'DL'."""

    label: str
    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last


Week = IsoWeek | DaySpan


def _days_after(day: date, days: int) -> date:
    """`day` moved by `days`, clamped to the calendar (dates come from the store as saved)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def block_weeks(start: date, deload_start: date | None, today: date) -> list[DaySpan]:
    """A block's weeks up to the one holding `today`, oldest first (the dashboard's columns).

    W1, W2, ...: the 7 days from `start`, and each 7 days after (on through the weeks past
    the plan while the deload is due); the week the deload starts in is cut short the day
    before it.  DL: the deload week, 7 days from `deload_start`, the day the lifter started
    it.  After it, +1, +2, ...: 7 days at a time.  None before the block starts.
    """
    spans: list[DaySpan] = []
    first, n = start, 1
    while first <= today and (deload_start is None or first < deload_start):
        last = _days_after(first, 6)
        if deload_start is not None and last >= deload_start:
            last = _days_after(deload_start, -1)
        spans.append(DaySpan(f"W{n}", first, last))
        if last == date.max:
            return spans
        first, n = _days_after(last, 1), n + 1
    if deload_start is not None and deload_start <= today:
        first, n = deload_start, 0
        while first <= today:
            last = _days_after(first, 6)
            spans.append(DaySpan("DL" if n == 0 else f"+{n}", first, last))
            if last == date.max:
                break
            first, n = _days_after(last, 1), n + 1
    return spans


def muscle_credit(ex: Exercise) -> dict[str, float]:
    """What one hard set of `ex` gives each muscle: 1 primary, 0.5 secondary.

    A muscle counts once per set, at its highest credit, however the exercise
    lists it: the domain refuses a muscle listed twice, but old or foreign data
    must never inflate a week.  Unknown muscle ids are left out.
    """
    credit: dict[str, float] = {}
    for m in ex.secondary:
        if m in MUSCLES:
            credit[m] = SECONDARY_CREDIT
    for m in ex.primary:
        if m in MUSCLES:
            credit[m] = PRIMARY_CREDIT
    return credit


def is_hard_set(s: LoggedSet) -> bool:
    """A working set taken close enough to failure to count toward volume."""
    if s.is_warmup or (s.reps <= 0 and not s.is_timed):
        return False
    return s.rir is None or s.rir < EASY_RIR


def set_credit(s: LoggedSet) -> float:
    """How much of a hard set this set is: 0 (not hard), DROP_CREDIT (a drop), else 1."""
    if not is_hard_set(s):
        return 0.0
    return DROP_CREDIT if s.kind == "drop" else 1.0


@dataclass(frozen=True)
class MuscleVolume:
    muscle: str
    sets: float
    sessions: int
    target: tuple[int, int]

    @property
    def status(self) -> Status:
        low, high = self.target
        if self.sets < low:
            return "below"
        if self.sets > high:
            return "above"
        return "within"

    @property
    def single_session(self) -> bool:
        """Hard sets came from fewer than two sessions (none at all is not flagged)."""
        return self.sets > 0 and self.sessions < 2

    @property
    def split_advised(self) -> bool:
        """One session only, on a muscle whose band asks for sets (its low end above 0): the
        evidence's 10-16 is "split across two sessions"; a muscle only brushed by compounds
        (a 0-16 band) needs no second day."""
        return self.single_session and self.target[0] > 0


def weekly_sets(
    sessions: Iterable[Session],
    week: Week,
    exercises: Callable[[str], Exercise | None],
    targets: dict[str, tuple[int, int]] | None = None,
) -> dict[str, MuscleVolume]:
    """Hard sets per muscle in `week`, for all 14 muscles.

    `exercises` looks an exercise up by id (a Catalogue's `get`); sets of an
    exercise it does not know are skipped.  `sessions` counts the distinct
    sessions that gave the muscle any hard-set credit (primary or secondary).
    A muscle missing from `targets` gets its default band (targets.DEFAULT_TARGETS).
    """
    totals = dict.fromkeys(MUSCLES, 0.0)
    session_ids: dict[str, set[str]] = {m: set() for m in MUSCLES}
    credits: dict[str, dict[str, float]] = {}  # per exercise id, worked out once
    for session in sessions:
        if session.date not in week:
            continue
        for s in session.sets:
            share = set_credit(s)
            if not share:
                continue
            credit = credits.get(s.exercise_id)
            if credit is None:
                ex = exercises(s.exercise_id)
                credit = credits[s.exercise_id] = muscle_credit(ex) if ex is not None else {}
            for m, value in credit.items():
                totals[m] += value * share
                session_ids[m].add(session.id)
    targets = targets or {}
    return {
        m: MuscleVolume(m, totals[m], len(session_ids[m]), targets.get(m, DEFAULT_TARGETS[m]))
        for m in MUSCLES
    }


def volume_by_week(
    sessions: Iterable[Session],
    weeks: list[Week],
    exercises: Callable[[str], Exercise | None],
    targets: dict[str, tuple[int, int]] | None = None,
) -> dict[Week, dict[str, MuscleVolume]]:
    """`weekly_sets` for several weeks (that do not overlap), walking the sessions once."""
    by_week: dict[Week, list[Session]] = {w: [] for w in weeks}
    for session in sessions:
        for w in weeks:
            if session.date in w:
                by_week[w].append(session)
                break
    return {w: weekly_sets(by_week[w], w, exercises, targets) for w in weeks}


def warn_single_session(v: MuscleVolume, week: Week, today: date) -> bool:
    """Flag a muscle trained in one session only (`split_advised`) once the week is over
    (or on its last day): mid-week, the second session may simply not have happened yet."""
    return v.split_advised and today >= week.last


def planned_weekly_sets(
    meso: Mesocycle,
    exercises: Lookup,
    targets: dict[str, tuple[int, int]] | None = None,
) -> dict[str, MuscleVolume]:
    """The plan's weekly hard sets per muscle, counted as logged sets are.

    1 per primary muscle and 0.5 per secondary (once per set, however the
    exercise lists a muscle); `sessions` is the number of training days giving
    the muscle any credit, primary or secondary, as for logged sessions, so
    `.status` shows the muscle's band and `.split_advised` flags a muscle trained
    on one day only, while the plan is still being built.  Unknown exercises
    are skipped.  Muscles missing from `targets` take their default band.
    """
    totals = dict.fromkeys(MUSCLES, 0.0)
    day_names: dict[str, set[str]] = {m: set() for m in MUSCLES}
    for d in meso.days:
        for p in d.exercises:
            ex = exercises(p.exercise_id)
            if ex is None or p.sets <= 0:
                continue
            for m, credit in muscle_credit(ex).items():
                totals[m] += credit * p.sets
                day_names[m].add(d.name)
    targets = targets or {}
    return {
        m: MuscleVolume(m, totals[m], len(day_names[m]), targets.get(m, DEFAULT_TARGETS[m]))
        for m in MUSCLES
    }
