"""The logbook: what a lifter does to today's log, written once for the TUI and the CLI.

Log a set, edit it, delete it, undo the delete, finish the session, carry on after
finishing.  Every front end calls these and shows what comes back; nothing here
draws or prints.  Each method commits through the store before it returns, so an
outcome in hand means the change is on disk.

"Today" is the lifter's day: every session dated today (finished ones included),
plus last night's session if it is still going after midnight.  Counting a
planned exercise's sets, deciding whether a set is the plan's final one, and what
to pre-fill all look at the whole day, so finishing a session and carrying on
later never resets the plan to 0/N.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from .domain.catalogue import Catalogue
from .domain.inputs import InputError
from .domain.measures import load_problem
from .domain.mesocycle import Mesocycle, active_mesocycle
from .domain.models import Exercise, LoggedSet, Session, Unit, new_set_problem
from .domain.load_steps import RoundLoad, nearest_step
from .domain.settings import TrainingStatus
from .domain.sessions import (
    Prefill,
    prefill,
    session_to_resume,
    set_counts,
    working_set_count,
)
from .domain.workout import Slot, Workout, planned_prefill, todays_workout
from .store import StoreError

if TYPE_CHECKING:
    from .entries import Changed, Entry, Finished, Saved
    from .domain.progression import Target
    from .domain.suggestion import Suggestion
    from .domain.records import ExerciseRecords, Record
    from .store import Store

#: The setting naming an unfinished session of an earlier day the lifter resumed from
#: History (past.py): new sets join it while it is open.
RESUMED_SETTING = "resumed_session"


class Clock(Protocol):
    def today(self) -> date: ...

    def now(self) -> datetime: ...


class Logbook:
    """Today's log for one lifter in one process.  Other processes may write meanwhile:
    `reload()` picks their sets up, and every write goes through the store's lock."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        catalogue: Catalogue | None = None,
        training_status: TrainingStatus | None = None,
        round_load: RoundLoad | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.training_status = training_status  # the advice's evidence line names it
        #: what the lifter can load (plates, dumbbells, a stack): suggestions round to it
        self.round_load: RoundLoad = round_load or nearest_step
        self.day = clock.today()
        self.catalogue = catalogue or store.catalogue()
        self.meso: Mesocycle | None = None
        self.workout: Workout | None = None
        self.sessions: list[Session] = []  # the day's sessions, oldest first
        self.current: Session | None = None  # the open session new sets go to
        self._undo: tuple[str, LoggedSet, int] | None = None
        self._last: dict[str, tuple[Session | None, list[LoggedSet]]] = {}
        self._before_deload: dict[str, tuple[Session | None, list[LoggedSet]]] = {}
        self._past_records: dict[str, ExerciseRecords] | None = None
        self.reload()

    # --- reading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the day, the session to continue and today's plan from the store."""
        yesterday = self.day - timedelta(days=1)
        candidates = [
            s for s in (self.store.open_session(self.day), self.store.open_session(yesterday)) if s
        ]
        self.current = self._resumed() or session_to_resume(candidates, self.clock.now())
        day = self.store.sessions_between(self.day, self.day)
        if self.current is not None and self.current.date != self.day:
            day.insert(0, self.current)  # training across midnight: last night's session
        self.sessions = day
        self._last.clear()  # another process may have written since
        self._before_deload.clear()
        self._past_records = None
        self.load_plan()

    def _resumed(self) -> Session | None:
        """The session resumed from History (past.py), while it is open."""
        session_id = self.store.get_setting(RESUMED_SETTING)
        if not isinstance(session_id, str):
            return None
        session = self.store.session(session_id)
        return (
            session
            if session is not None and session.is_open and session.date <= self.day
            else None
        )

    def load_plan(self) -> None:
        """Today's plan from the active block (re-read after the block changes)."""
        self.meso = active_mesocycle(self.store.mesocycles(), self.day)
        self.workout = todays_workout(self.meso, self.day, self.catalogue.get)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.workout = todays_workout(self.meso, self.day, self.catalogue.get)

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise, or a stand-in so sets of a deleted one still show."""
        ex = self.catalogue.get(exercise_id)
        if ex is None:
            ex = Exercise(exercise_id, exercise_id, ("chest",), custom=True)
        return ex

    def slot(self, exercise_id: str) -> Slot | None:
        return self.workout.slot(exercise_id) if self.workout else None

    def planned_ids(self) -> list[str]:
        return [slot.exercise_id for slot in self.workout.slots] if self.workout else []

    def sets_today(self, exercise_id: str) -> list[tuple[Session, LoggedSet]]:
        """Every set of the exercise today, in the order done, with its session."""
        return [
            (session, s)
            for session in self.sessions
            for s in session.sets
            if s.exercise_id == exercise_id
        ]

    def done_today(self) -> list[str]:
        """Exercises done today, in the order first done."""
        seen: dict[str, None] = {}
        for session in self.sessions:
            for ex_id in session.exercise_ids():
                seen.setdefault(ex_id, None)
        return list(seen)

    def working_done(self, exercise_id: str) -> int:
        return working_set_count([s for _, s in self.sets_today(exercise_id)])

    def last_time(self, exercise_id: str) -> tuple[Session | None, list[LoggedSet]]:
        """The exercise's sets on the last day before today it was done ("last: ...")."""
        if exercise_id not in self._last:
            found = self.store.last_sets(exercise_id, before=self.day - timedelta(days=1))
            self._last[exercise_id] = found if found else (None, [])
        return self._last[exercise_id]

    def prefill(self, exercise_id: str, default_unit: Unit, warmup: bool | None = None) -> Prefill:
        """What the set-entry panel shows for the exercise's next set, with its `reason`.

        A working set gets the suggestion (`suggestion`): the first from history and
        the plan, the next ones following the last.  Warm-ups repeat the last warm-up
        (domain/sessions).  With no load to suggest (the first time) the plan's reps
        and RIR stay, and the reason says so.
        """
        today = [s for _, s in self.sets_today(exercise_id)]
        _, last = self.last_time(exercise_id)
        values = prefill(today, last, default_unit, warmup)
        values = planned_prefill(values, self.slot(exercise_id), working_set_count(today))
        if values.warmup:
            return values
        found = self.suggestion(exercise_id, default_unit)
        if found.weight_kg is None:
            return replace(values, reason=found.reason)
        return Prefill(
            found.weight_kg,
            found.unit,
            found.reps if found.reps is not None else values.reps,
            found.rir if found.rir is not None else values.rir,
            False,
            found.reason,
        )

    def suggestion(self, exercise_id: str, default_unit: Unit) -> Suggestion:
        """The exercise's next working set: load, reps, RIR and one line of reason
        (domain/progression), from today's sets, history and today's plan; its rules
        are imported here, so a first frame with no exercise shown does not wait."""
        from .domain.progression import Target, suggest

        today = [s for _, s in self.sets_today(exercise_id)]
        target = Target.of(self.slot(exercise_id), working_set_count(today))
        session, last = self._reference(exercise_id, target)
        return suggest(
            self.exercise(exercise_id),
            target,
            today,
            last,
            session.date if session else None,
            self.day,
            default_unit,
            self.round_load,
        )

    def suggestions(self, default_unit: Unit) -> list[Suggestion]:
        """Today's suggestions: the planned exercises in plan order, then the others
        done today."""
        ids = self.planned_ids()
        ids += [ex_id for ex_id in self.done_today() if ex_id not in ids]
        return [self.suggestion(ex_id, default_unit) for ex_id in ids]

    def _reference(
        self, exercise_id: str, target: Target | None
    ) -> tuple[Session | None, list[LoggedSet]]:
        """Last time's sets; in the deload week, the last time before it started (the
        deload's own lighter sessions are not what 90% is taken of)."""
        meso = self.meso
        if target is None or not target.deload or meso is None or meso.deload_start is None:
            return self.last_time(exercise_id)
        if exercise_id not in self._before_deload:
            found = self.store.last_sets(exercise_id, before=meso.deload_start - timedelta(days=1))
            self._before_deload[exercise_id] = found if found else (None, [])
        return self._before_deload[exercise_id]

    def is_final_set(self, exercise_id: str) -> bool | None:
        """Whether the next working set is the plan's last for the exercise today; None
        without a plan (the advice then says what it assumes)."""
        slot = self.slot(exercise_id)
        return slot.is_final_set(self.working_done(exercise_id)) if slot else None

    # --- writing -----------------------------------------------------------------------

    def log(self, exercise_id: str, entry: Entry) -> Saved:
        """Save a set to the open session, or start one; StoreError if it is not saved."""
        entry.check()
        ex = self.exercise(exercise_id)
        problem = load_problem(ex, entry.values.weight_kg)
        if problem:
            raise InputError(problem)
        final = self.is_final_set(exercise_id)
        logged = LoggedSet(exercise_id=exercise_id, at=self.clock.now(), **entry.set_fields())
        # To the session open here unless another process finished it meanwhile; else
        # to another process's open session today, or a new one (one locked write).
        current = self.current
        session = self.store.log_set(
            logged,
            day=current.date if current else self.day,
            session_id=current.id if current else None,
            open_only=True,
        )
        new_session = len(session.sets) == 1
        self._remember(session)
        self.current = session
        number = len(self.sets_today(exercise_id))
        records = () if logged.is_warmup else self._records_beaten(session, logged, ex)
        if ex.bodyweight:  # its weight is what was added: only "most reps at a load" holds
            records = tuple(r for r in records if r.kind == "reps")
        from .domain.advice import failure_advice  # (not needed for the first frame)

        advice = failure_advice(logged, ex, is_final_set=final, status=self.training_status)
        from .entries import Saved  # (what comes back: not needed to start)

        return Saved(session, logged, ex, number, advice, new_session, records)

    def _records_beaten(
        self, session: Session, logged: LoggedSet, ex: Exercise
    ) -> tuple[Record, ...]:
        """The records the set just saved beats (domain/records); none when the history
        does not read (a damaged old month): the set is saved all the same."""
        try:
            past = self.read_records()
        except StoreError:
            return ()
        from .domain.records import new_records

        return new_records(past.get(logged.exercise_id), self.sessions, session.id, logged, ex.name)

    @property
    def records_read(self) -> bool:
        """True once `read_records` has read the history (a set then announces records at
        no cost)."""
        return self._past_records is not None

    def read_records(self) -> dict[str, ExerciseRecords]:
        """Every exercise's records before today, read once per logbook (and again after
        `reload`).  It reads every month file: about 0.2-0.5 s at five years of heavy
        history (benchmarks/bench_coach.py), so a front end may call it ahead, e.g. in a
        worker thread after its first frame: it reads a month per lock, so a set logged
        meanwhile waits for one month's read at most.  Otherwise the first `log` pays."""
        past = self._past_records
        if past is None:
            today_ids = {s.id for s in self.sessions}
            yesterday = self.day - timedelta(days=1)
            from .domain.records import records_of

            past = records_of(
                s
                for month in self.store.sessions_by_month(yesterday)
                for s in month
                if s.id not in today_ids
            )
            self._past_records = past
        return past

    def edit(self, session_id: str, changed: LoggedSet) -> Changed:
        problem = new_set_problem(
            changed.kind, changed.reps, changed.duration_s, changed.distance_m
        ) or load_problem(self.exercise(changed.exercise_id), changed.weight_kg)
        if problem:
            raise InputError(problem)
        session = self.store.update_set(session_id, changed)
        self._remember(session)
        return _changed(session, changed, _index(session, changed.id))

    def delete(self, session_id: str, set_id: str) -> Changed:
        """Delete a set; `undo()` brings the last one deleted back, in its place."""
        session, deleted, index = self.store.delete_set(session_id, set_id)
        self._remember(session)
        self._undo = (session_id, deleted, index)
        return _changed(session, deleted, index)

    @property
    def can_undo(self) -> bool:
        return self._undo is not None

    def undo(self) -> Changed | None:
        if self._undo is None:
            return None
        session_id, deleted, index = self._undo
        session = self.store.restore_set(session_id, deleted, index)
        self._undo = None
        self._remember(session)
        return _changed(session, deleted, _index(session, deleted.id))

    def finish(self) -> Finished:
        """End the open session now.  Sets logged later start the day's next session."""
        session = self.current
        if session is None:
            raise StoreError("There is no session to finish: log a set first.")
        now = self.clock.now()
        done = self.store.finish_session(session.id, now)
        self._remember(done)
        self.current = None
        self._undo = None
        from .entries import Finished

        return Finished(done, set_counts(done.sets), done.started_at, now)

    def reopen(self) -> Session | None:
        """Carry on with the day's last finished session instead of starting a new one."""
        if self.current is not None:
            return self.current
        finished = [s for s in self.sessions if not s.is_open]
        if not finished:
            return None
        session = self.store.reopen_session(finished[-1].id)
        self._remember(session)
        self.current = session
        return session

    @property
    def finished_today(self) -> bool:
        """A session ended today and none is open: what `reopen` would continue."""
        return self.current is None and any(not s.is_open for s in self.sessions)

    def _remember(self, session: Session) -> None:
        """Put the committed session in the day's list (replacing its older copy)."""
        for i, s in enumerate(self.sessions):
            if s.id == session.id:
                self.sessions[i] = session
                break
        else:
            self.sessions.append(session)
        if self.current is not None and self.current.id == session.id:
            self.current = session


def _index(session: Session, set_id: str) -> int:
    return next(i for i, s in enumerate(session.sets) if s.id == set_id)


def _changed(session: Session, s: LoggedSet, index: int) -> Changed:
    from .entries import Changed  # (what comes back: not needed to start)

    return Changed(session, s, index)


def __getattr__(name: str):
    """entries.py's names, offered here as before, imported when first asked for."""
    if name in ("Entry", "Saved", "Changed", "Finished", "with_entry"):
        from . import entries

        return getattr(entries, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
