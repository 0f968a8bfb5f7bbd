"""Reading what the finish summary and an exercise's history need, for any front end.

Textual-free (like the logbook, which it reads through): it reads the store and hands
the numbers to the domain (domain/summary.py, domain/exercise_log.py); nothing here
draws or prints.
"""

from __future__ import annotations

from .domain.exercise_log import RECENT, ExerciseHistory, exercise_history
from .domain.summary import FinishSummary, finish_summary, summary_week
from .logbook import Logbook
from .store import StoreError


def summary_of(book: Logbook) -> FinishSummary | None:
    """The summary of the open session if it were finished now; None without one.

    Records need the whole history (Logbook.read_records, read once and kept: the
    set that beat one read it already); when an old month does not read, the summary
    comes without them (`records` None) rather than not at all."""
    session = book.current
    if session is None:
        return None
    try:
        past = book.read_records()
    except StoreError:
        past = None
    week = summary_week(book.meso, book.day)
    week_sessions = book.store.sessions_between(week.first, book.day)
    slots = book.workout.slots if book.workout is not None else ()
    return finish_summary(
        session,
        now=book.clock.now(),
        day_sessions=book.sessions,
        slots=slots,
        exercises=book.catalogue.get,
        past_records=past,
        week=week,
        week_sessions=week_sessions,
        targets=book.store.volume_targets(),
    )


def history_of(book: Logbook, exercise_id: str, recent: int = RECENT) -> ExerciseHistory:
    """The exercise's last sessions and its records, over the whole history up to today.

    Reads every month file, a month per lock (Store.sessions_by_month): call it from a
    worker thread, as the Today screen does; a set logged meanwhile waits for one
    month's read at most."""
    found = [
        s
        for month in book.store.sessions_by_month(book.day)
        for s in month
        if s.sets_for(exercise_id)
    ]
    return exercise_history(found, exercise_id, book.exercise(exercise_id).name, recent)


__all__ = ["history_of", "summary_of"]
