"""The past: fix a session of an earlier day, written once for the TUI (History) and any CLI.

Edit or delete one of its sets, change its date or its start and end times, finish
one left open, delete it whole, and undo the last of these.  Like the logbook, this
shows nothing and draws nothing: every method commits through the store before it
returns (a new date in another month moves the session between monthly files in a
crash-safe way, see store/moves.py) and hands back what changed, with one sentence
to show.  Weekly volume, the dashboard and records read the store, so they follow.

Each change names the session as the caller last saw it: when another process
changed it meanwhile, nothing is written (SessionChangedMeanwhile, a StoreError).
Undo puts the session back as it was before the last change, on the same terms.

Resuming an unfinished session of an earlier day makes it the one new sets go into:
it is remembered in the settings (logbook.RESUMED_SETTING), where Today's logbook
looks first when it (re)loads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from .domain.inputs import InputError
from .domain.measures import load_problem
from .domain.models import LoggedSet, Session
from .domain.session_edits import finished_at, moved_to, parse_clock, parse_session_date, with_times
from .entries import Entry, with_entry
from .logbook import RESUMED_SETTING
from .store import StoreError

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class PastChange:
    """A committed change: the session before and after it (None: it did not exist / was
    deleted), and one sentence saying what was done."""

    before: Session | None
    after: Session | None
    message: str


def _set_of(session: Session, set_id: str) -> tuple[int, LoggedSet]:
    for i, s in enumerate(session.sets):
        if s.id == set_id:
            return i, s
    raise StoreError(f"There is no set {set_id} in the session of {session.date:%d %b %Y}.")


class Past:
    """Changes to past sessions for one lifter in one process, with one step of undo."""

    def __init__(self, store: Store, today: date) -> None:
        self.store = store
        self.today = today
        self._undo: PastChange | None = None

    def session(self, session_id: str) -> Session | None:
        return self.store.session(session_id)

    # --- sets ----------------------------------------------------------------------------

    def edit_set(self, session: Session, set_id: str, entry: Entry) -> PastChange:
        i, logged = _set_of(session, set_id)
        changed = with_entry(logged, entry)
        exercise = self.store.catalogue().get(logged.exercise_id)
        problem = load_problem(exercise, changed.weight_kg) if exercise else None
        if problem:
            raise InputError(problem)
        sets = session.sets[:i] + (changed,) + session.sets[i + 1 :]
        return self._put(
            session, replace(session, sets=sets), f"Set changed to {changed.describe()}."
        )

    def delete_set(self, session: Session, set_id: str) -> PastChange:
        i, logged = _set_of(session, set_id)
        sets = session.sets[:i] + session.sets[i + 1 :]
        return self._put(
            session,
            replace(session, sets=sets),
            f"Deleted the set {logged.describe()}. Press u to undo.",
        )

    # --- the session ---------------------------------------------------------------------

    def change_date(self, session: Session, text: str) -> PastChange:
        """A new date (YYYY-MM-DD, not after today); InputError says why one is refused."""
        day = parse_session_date(text, self.today)
        if day == session.date:
            raise InputError(f"the session is already dated {day.isoformat()}")
        return self._put(
            session, moved_to(session, day), f"Moved the session to {day:%a %d %b %Y}."
        )

    def change_times(self, session: Session, start: str, end: str) -> PastChange:
        """New start and end (HH:MM; an empty end keeps an open session open)."""
        begin = parse_clock(start, "start")
        finish = parse_clock(end, "end") if end.strip() or not session.is_open else None
        changed = with_times(session, begin, finish)
        if changed == session:
            raise InputError("those are the session's times already")
        until = f"-{changed.ended_at:%H:%M}" if changed.ended_at else ", still open"
        return self._put(
            session, changed, f"The session's times are now {changed.started_at:%H:%M}{until}."
        )

    def finish(self, session: Session, end: str) -> PastChange:
        """Finish a session left open, at `end` (HH:MM)."""
        if not session.is_open:
            raise InputError("the session is already finished")
        done = finished_at(session, parse_clock(end, "end"))
        change = self._put(session, done, f"Finished the session at {done.ended_at:%H:%M}.")
        self._forget_resumed(session.id)
        return change

    def delete_session(self, session: Session) -> PastChange:
        self.store.remove_session(session.id, expect=session)
        self._forget_resumed(session.id)
        change = PastChange(
            session, None, f"Deleted the session of {session.date:%a %d %b %Y}. Press u to undo."
        )
        self._undo = change
        return change

    def resume(self, session: Session) -> str:
        """Make an unfinished session of an earlier day the one new sets go into."""
        if not session.is_open:
            raise InputError("the session is finished: only an unfinished one can be resumed")
        if session.date >= self.today:
            raise InputError("this is today's session: Today already carries on with it")
        other = self.store.open_session(self.today)
        if other is not None:
            raise InputError(
                f"today's session (from {other.started_at:%H:%M}) is still open: "
                "finish it on Today (f) first"
            )
        stored = self.store.session(session.id)
        if stored != session:
            raise StoreError(
                "The session was changed by another tui-tracker process since it "
                "was shown: open it again."
            )
        self.store.set_setting(RESUMED_SETTING, session.id)
        return (
            f"Resumed the session of {session.date:%a %d %b}: sets you log on Today "
            "now join it (f there finishes it)."
        )

    # --- undo ----------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self._undo is not None

    def undo(self) -> PastChange | None:
        """Put the session back as it was before the last change (None: nothing to undo)."""
        last = self._undo
        if last is None:
            return None
        if last.before is None:  # (nothing here adds a session yet)
            assert last.after is not None
            self.store.remove_session(last.after.id, expect=last.after)
            restored = None
        elif last.after is None:
            restored = self.store.put_session(last.before, absent=True)
        else:
            restored = self.store.put_session(last.before, expect=last.after)
        self._undo = None
        when = last.before or last.after
        assert when is not None
        return PastChange(
            last.after,
            restored,
            f"Undone: the session of {when.date:%a %d %b %Y} is back as it was.",
        )

    # --- plumbing ------------------------------------------------------------------------

    def _put(self, before: Session, after: Session, message: str) -> PastChange:
        saved = self.store.put_session(after, expect=before)
        change = PastChange(before, saved, message)
        self._undo = change
        return change

    def _forget_resumed(self, session_id: str) -> None:
        if self.store.get_setting(RESUMED_SETTING) == session_id:
            self.store.set_setting(RESUMED_SETTING, None)
